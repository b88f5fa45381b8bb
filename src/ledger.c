/*-------------------------------------------------------------------------
 *
 * ledger.c
 *	  Mapping revcycle.txn_kind enum values to RcTxnKind.
 *
 *-------------------------------------------------------------------------
 */
#include "compat.h"

#include "access/htup_details.h"
#include "catalog/pg_enum.h"
#include "utils/catcache.h"
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

void
rc_kind_map_init(RcKindMap *m, FunctionCallInfo fcinfo, int argno)
{
	Oid			enumtype = get_fn_expr_argtype(fcinfo->flinfo, argno);
	CatCList   *list;
	int			i;
	int			k;

	if (!OidIsValid(enumtype))
		elog(ERROR, "could not determine the transaction kind type");
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

void
rc_kind_unknown(Oid kind)
{
	elog(ERROR, "unknown transaction kind OID %u", kind);
}
