/*-------------------------------------------------------------------------
 *
 * ledger.c
 *	  Mapping revcycle.txn_kind enum values to RcTxnKind.
 *
 *-------------------------------------------------------------------------
 */
#include "compat.h"

#include "access/htup_details.h"
#include "catalog/namespace.h"
#include "catalog/pg_enum.h"
#include "catalog/pg_proc.h"
#include "catalog/pg_type.h"
#include "utils/catcache.h"
#include "utils/inval.h"
#include "utils/lsyscache.h"
#include "utils/regproc.h"
#include "utils/syscache.h"

#include "ledger.h"

static const char *const rc_txn_labels[RC_TXN_NKINDS] = {
	"charge", "payment", "refund", "contractual_adjustment",
	"administrative_adjustment", "small_balance_writeoff", "denial_writeoff",
	"bad_debt", "charity", "transfer"
};

const int8	rc_txn_ar_sign[RC_TXN_NKINDS] = {
	1,							/* charge */
	-1,							/* payment */
	1,							/* refund */
	-1,							/* contractual_adjustment */
	-1,							/* administrative_adjustment */
	-1,							/* small_balance_writeoff */
	-1,							/* denial_writeoff */
	-1,							/* bad_debt */
	-1,							/* charity */
	1							/* transfer: signed by itself */
};

/*
 * The maps are built once per backend and copied into each call site's
 * fn_extra.  That matters where fn_extra does not survive: Citus'
 * worker_partial_agg calls a transition function through a fresh FmgrInfo
 * on every row, with no expression attached, so a per-call-site map would be
 * a catalog scan per row.  The cache is dropped on any change to pg_enum,
 * pg_type or pg_proc (the enum's labels, the type, a function's declared
 * arguments) and rebuilt at the next use.
 */
#define RC_KIND_CACHED_FUNCS 4

static bool rc_kind_callbacks_registered = false;
/* bumped by every invalidation: a lookup that saw it change caches nothing */
static uint64 rc_kind_inval_count = 0;
static bool rc_kind_map_valid = false;
static Oid	rc_kind_map_type = InvalidOid;
static RcKindMap rc_kind_map_cache;

/* the enum type of a function's kind argument, for calls without fn_expr */
typedef struct RcKindFuncType
{
	Oid			fn_oid;
	int			argno;
	Oid			enumtype;
} RcKindFuncType;

static RcKindFuncType rc_kind_func_types[RC_KIND_CACHED_FUNCS];
static int	rc_kind_nfunc_types = 0;
static int	rc_kind_next_func_type = 0;

static void
rc_kind_cache_reset(Datum arg, int cacheid, uint32 hashvalue)
{
	rc_kind_inval_count++;
	rc_kind_map_valid = false;
	rc_kind_nfunc_types = 0;
}

static void
rc_kind_register_callbacks(void)
{
	if (rc_kind_callbacks_registered)
		return;
	CacheRegisterSyscacheCallback(ENUMOID, rc_kind_cache_reset, (Datum) 0);
	CacheRegisterSyscacheCallback(TYPEOID, rc_kind_cache_reset, (Datum) 0);
	CacheRegisterSyscacheCallback(PROCOID, rc_kind_cache_reset, (Datum) 0);
	rc_kind_callbacks_registered = true;
}

/* revcycle.txn_kind by name, or InvalidOid */
static Oid
rc_kind_type_by_name(void)
{
	Oid			nsp = get_namespace_oid("revcycle", true);

	if (!OidIsValid(nsp))
		return InvalidOid;
	return GetSysCacheOid2(TYPENAMENSP, Anum_pg_type_oid,
						   CStringGetDatum("txn_kind"), ObjectIdGetDatum(nsp));
}

/*
 * The enum type of argument argno of a function called without an
 * expression: its declared type, or revcycle.txn_kind when that is not an
 * enum (a polymorphic argument).
 */
static Oid
rc_kind_declared_type(Oid fn_oid, int argno)
{
	uint64		inval_count = rc_kind_inval_count;
	HeapTuple	tp;
	Form_pg_proc proc;
	Oid			enumtype = InvalidOid;
	int			i;

	for (i = 0; i < rc_kind_nfunc_types; i++)
		if (rc_kind_func_types[i].fn_oid == fn_oid &&
			rc_kind_func_types[i].argno == argno)
			return rc_kind_func_types[i].enumtype;

	tp = SearchSysCache1(PROCOID, ObjectIdGetDatum(fn_oid));
	if (!HeapTupleIsValid(tp))
		elog(ERROR, "cache lookup failed for function %u", fn_oid);
	proc = (Form_pg_proc) GETSTRUCT(tp);
	if (argno < proc->pronargs)
		enumtype = proc->proargtypes.values[argno];
	ReleaseSysCache(tp);
	if (!OidIsValid(enumtype) || !type_is_enum(enumtype))
		enumtype = rc_kind_type_by_name();
	if (!OidIsValid(enumtype) || inval_count != rc_kind_inval_count)
		return enumtype;

	i = rc_kind_next_func_type;
	rc_kind_next_func_type = (i + 1) % RC_KIND_CACHED_FUNCS;
	rc_kind_func_types[i].fn_oid = fn_oid;
	rc_kind_func_types[i].argno = argno;
	rc_kind_func_types[i].enumtype = enumtype;
	if (rc_kind_nfunc_types <= i)
		rc_kind_nfunc_types = i + 1;
	return enumtype;
}

/* Build the map of enum type enumtype into *m from pg_enum. */
static void
rc_kind_map_build(RcKindMap *m, Oid enumtype)
{
	CatCList   *list;
	int			i;
	int			k;

	memset(m, 0, sizeof(RcKindMap));
	list = SearchSysCacheList1(ENUMTYPOIDNAME, ObjectIdGetDatum(enumtype));
	if (list->n_members > RC_MAX_ENUM_LABELS)
		elog(ERROR, "too many transaction kinds: %d", list->n_members);
	for (i = 0; i < list->n_members; i++)
	{
		Form_pg_enum en = (Form_pg_enum) GETSTRUCT(&list->members[i]->tuple);
		const char *label = NameStr(en->enumlabel);

		for (k = 0; k < RC_TXN_NKINDS; k++)
			if (strcmp(label, rc_txn_labels[k]) == 0)
				break;
		if (k == RC_TXN_NKINDS)
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("transaction kind \"%s\" is not known to revcycle", label),
					 errhint("revcycle knows the kinds of revcycle.txn_kind as shipped.")));
		m->oids[i] = en->oid;
		m->kinds[i] = (int8) k;
	}
	m->nlabels = list->n_members;
	ReleaseSysCacheList(list);

	/* the direct table, when the OIDs are close together */
	m->span = 0;
	if (m->nlabels > 0)
	{
		Oid			lo = m->oids[0];
		Oid			hi = m->oids[0];

		for (i = 1; i < m->nlabels; i++)
		{
			lo = Min(lo, m->oids[i]);
			hi = Max(hi, m->oids[i]);
		}
		if (hi - lo < RC_KIND_DIRECT_SPAN)
		{
			memset(m->direct, -1, sizeof(m->direct));
			for (i = 0; i < m->nlabels; i++)
				m->direct[m->oids[i] - lo] = m->kinds[i];
			m->base = lo;
			m->span = hi - lo + 1;
		}
	}
}

/*
 * Fill *m for the enum type of argument argno of the calling function: the
 * argument's type in the call expression when there is one, else the
 * function's declared argument type.  After the first call in a backend
 * this is a copy of the cached map.
 */
void
rc_kind_map_init(RcKindMap *m, FunctionCallInfo fcinfo, int argno)
{
	FmgrInfo   *flinfo = fcinfo->flinfo;
	Oid			enumtype = InvalidOid;
	uint64		inval_count;

	rc_kind_register_callbacks();
	if (flinfo->fn_expr != NULL)
		enumtype = get_fn_expr_argtype(flinfo, argno);
	if (!OidIsValid(enumtype))
		enumtype = rc_kind_declared_type(flinfo->fn_oid, argno);
	if (!OidIsValid(enumtype))
		ereport(ERROR,
				(errcode(ERRCODE_UNDEFINED_OBJECT),
				 errmsg("could not determine the transaction kind type of argument %d of %s",
						argno + 1, format_procedure(flinfo->fn_oid)),
				 errhint("The kind argument must be of type revcycle.txn_kind.")));

	if (likely(rc_kind_map_valid && rc_kind_map_type == enumtype))
	{
		memcpy(m, &rc_kind_map_cache, sizeof(RcKindMap));
		return;
	}

	/*
	 * Build into *m, then keep a copy: an error leaves the cache invalid, and
	 * a map built while an invalidation arrived is used once, not kept.
	 */
	inval_count = rc_kind_inval_count;
	rc_kind_map_valid = false;
	rc_kind_map_build(m, enumtype);
	if (inval_count == rc_kind_inval_count)
	{
		memcpy(&rc_kind_map_cache, m, sizeof(RcKindMap));
		rc_kind_map_type = enumtype;
		rc_kind_map_valid = true;
	}
}

void
rc_kind_unknown(Oid kind)
{
	elog(ERROR, "unknown transaction kind OID %u", kind);
}
