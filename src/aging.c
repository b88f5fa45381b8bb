/*-------------------------------------------------------------------------
 *
 * aging.c
 *	  The revcycle.aging summary type (A/R aging buckets), the ar_aging and
 *	  ar_aging_merge aggregates, their accessors and the aging_buckets SRF.
 *	  Text and binary I/O are in aging_io.c.
 *
 * An aging summary holds the as-of date, the bucket upper bounds (days)
 * and, per bucket, the count and exact sum of debit balances and of credit
 * balances.  Like revcycle.collections it is a plain varlena that is the
 * aggregate state itself, updated in place inside an aggregate, merged by a
 * NULL-safe combine function, and read back strictly in text and binary.
 *
 *-------------------------------------------------------------------------
 */
#include "compat.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"

#include "aging.h"
#include "ledger.h"
#include "rcdate.h"
#include "summary_io.h"

static const int32 rc_aging_default_bounds[] = {30, 60, 90, 120};

/*
 * Validate a bounds list; returns NULL if fine, else a message (used by the
 * aggregate, which raises 22023, and by the input functions).
 */
const char *
rc_bounds_problem(const int32 *bounds, int n, char *msg, size_t msglen)
{
	int			i;

	if (n < 1)
		return "aging bounds must not be empty";
	if (n > RC_AGING_MAX_BOUNDS)
	{
		snprintf(msg, msglen, "aging bounds have %d elements, at most %d are allowed",
				 n, RC_AGING_MAX_BOUNDS);
		return msg;
	}
	for (i = 0; i < n; i++)
	{
		if (bounds[i] <= 0)
		{
			snprintf(msg, msglen, "aging bound %d is not positive", bounds[i]);
			return msg;
		}
		if (i > 0 && bounds[i] <= bounds[i - 1])
		{
			snprintf(msg, msglen, "aging bounds must be strictly increasing, but %d follows %d",
					 bounds[i], bounds[i - 1]);
			return msg;
		}
	}
	return NULL;
}

/* A zeroed aging summary with the given bounds, allocated in ctx. */
RcAging *
rc_aging_new(MemoryContext ctx, int nbounds, const int32 *bounds, DateADT as_of)
{
	Size		size = RC_AGING_SIZE(nbounds);
	RcAging    *a = MemoryContextAllocZero(ctx, size);

	SET_VARSIZE(a, size);
	a->version = RC_AGING_VERSION;
	a->nbounds = nbounds;
	a->as_of = as_of;
	memcpy(a->bounds, bounds, nbounds * sizeof(int32));
	return a;
}

/* True when a summary has exactly these bucket bounds. */
static inline bool
rc_aging_same_bounds(const RcAging *a, int n, const int32 *bounds)
{
	return a->nbounds == n && memcmp(a->bounds, bounds, n * sizeof(int32)) == 0;
}

/* Bounds as an array literal, for messages. */
static char *
rc_bounds_text(int n, const int32 *bounds)
{
	StringInfoData buf;
	int			i;

	initStringInfo(&buf);
	appendStringInfoChar(&buf, '{');
	for (i = 0; i < n; i++)
		appendStringInfo(&buf, "%s%d", i ? "," : "", bounds[i]);
	appendStringInfoChar(&buf, '}');
	return buf.data;
}

/* Add src's buckets into dst; both must share as_of and bounds. */
static void
rc_aging_merge_into(RcAging *dst, const RcAging *src)
{
	RcAgingBucket *db = RC_AGING_BUCKETS(dst);
	const RcAgingBucket *sb = RC_AGING_BUCKETS(src);
	int			i;

	if (!rc_aging_same_bounds(dst, src->nbounds, src->bounds))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot merge aging summaries with different bounds %s and %s",
						rc_bounds_text(dst->nbounds, dst->bounds),
						rc_bounds_text(src->nbounds, src->bounds))));
	if (dst->as_of != src->as_of)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot merge aging summaries as of different dates %s and %s",
						rc_date_text(dst->as_of), rc_date_text(src->as_of))));
	for (i = 0; i <= dst->nbounds; i++)
	{
		rc_count_add(&db[i].items, sb[i].items, "item count", RC_AGING_TYPNAME);
		rc_count_add(&db[i].credit_items, sb[i].credit_items, "item count", RC_AGING_TYPNAME);
		rc_sum_add_sum(&db[i].amount, &sb[i].amount);
		rc_sum_add_sum(&db[i].credit_amount, &sb[i].credit_amount);
	}
}

/* ---------- ar_aging transition ---------- */

/* Ages up to this many days find their bucket by table lookup. */
#define RC_AGE_TABLE_SIZE 1024

/*
 * Per call site cache of the bounds argument: the raw array bytes last
 * seen and their parsed form.  A row whose bounds bytes equal the cached
 * ones costs one memcmp; bounds that are a constant in the aggregate call
 * are not compared again at all (raw_stable).
 */
typedef struct RcBoundsCache
{
	int			rawlen;
	char	   *raw;
	bool		raw_stable;		/* the bounds argument is a constant */
	int			nbounds;
	int32		bounds[RC_AGING_MAX_BOUNDS];
	/* an aggregate state known to have these bounds (NULL: none yet) */
	const RcAging *checked_state;
	/*
	 * bucket of each age 0..table_max (the last bound + 1, which stands for
	 * every older age), when the last bound is small
	 */
	int32		table_max;		/* -1: no table, use the bounds */
	uint8		bucket_of_age[RC_AGE_TABLE_SIZE];
} RcBoundsCache;

/* Fill the age -> bucket table of c from its bounds. */
static void
rc_bounds_table(RcBoundsCache *c)
{
	int32		last = c->bounds[c->nbounds - 1];
	int32		age;
	int			n = 0;

	if (last >= RC_AGE_TABLE_SIZE - 1)
	{
		c->table_max = -1;
		return;
	}
	for (age = 0; age <= last; age++)
	{
		while (age > c->bounds[n])
			n++;
		c->bucket_of_age[age] = (uint8) n;
	}
	c->bucket_of_age[last + 1] = (uint8) c->nbounds;
	c->table_max = last + 1;
}

/* Validate a bounds array and copy it into the cache. */
static void
rc_bounds_parse(ArrayType *arr, RcBoundsCache *c)
{
	int			n;
	int32	   *data;
	const char *problem;
	char		msg[128];

	if (ARR_NDIM(arr) > 1)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("aging bounds must be a one-dimensional array")));
	if (ARR_HASNULL(arr) && array_contains_nulls(arr))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("aging bounds must not contain NULL")));
	n = ArrayGetNItems(ARR_NDIM(arr), ARR_DIMS(arr));
	data = (int32 *) ARR_DATA_PTR(arr);
	problem = rc_bounds_problem(data, n, msg, sizeof(msg));
	if (problem)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%s", problem),
				 errhint("Give a non-empty, strictly increasing list of positive day counts, such as '{30,60,90,120}'.")));
	c->nbounds = n;
	memcpy(c->bounds, data, n * sizeof(int32));
}

/*
 * True when the bounds argument of this aggregate call is a constant, the
 * same for every row (the transition function's own expression only has
 * placeholders there, so the Aggref is asked).  Plain function calls
 * answer false: a PL/pgSQL variable is a parameter whose value changes
 * between calls that keep this cache (test in aging_errors).
 */
static bool
rc_bounds_arg_constant(FunctionCallInfo fcinfo)
{
	Aggref	   *aggref = AggGetAggref(fcinfo);
	TargetEntry *tle;

	if (aggref == NULL || list_length(aggref->args) != 4)
		return false;
	tle = list_nth_node(TargetEntry, aggref->args, 3);
	return IsA(tle->expr, Const);
}

/* The bounds of this aggregate call, parsed once per call site. */
static RcBoundsCache *
rc_bounds_get(FunctionCallInfo fcinfo)
{
	RcBoundsCache *c = (RcBoundsCache *) fcinfo->flinfo->fn_extra;
	struct varlena *v;
	int			len;

	if (c == NULL)
	{
		c = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(RcBoundsCache));
		c->rawlen = -1;
		fcinfo->flinfo->fn_extra = c;
	}
	if (PG_NARGS() < 5)
	{
		if (c->rawlen != 0)
		{
			c->rawlen = 0;
			c->checked_state = NULL;
			c->nbounds = lengthof(rc_aging_default_bounds);
			memcpy(c->bounds, rc_aging_default_bounds, sizeof(rc_aging_default_bounds));
			rc_bounds_table(c);
		}
		return c;
	}
	if (PG_ARGISNULL(4))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("aging bounds must not be NULL")));
	/* bounds given as a constant in the aggregate call: parsed once */
	if (c->rawlen > 0 && c->raw_stable)
		return c;
	v = (struct varlena *) DatumGetPointer(PG_GETARG_DATUM(4));
	if (VARATT_IS_EXTENDED(v))
		v = pg_detoast_datum(v);
	len = VARSIZE(v);
	if (len == c->rawlen && memcmp(v, c->raw, len) == 0)
		return c;
	/* New bounds: parse, then remember the bytes. */
	c->rawlen = -1;
	c->checked_state = NULL;
	rc_bounds_parse((ArrayType *) v, c);
	rc_bounds_table(c);
	if (c->raw)
		pfree(c->raw);
	c->raw = MemoryContextAlloc(fcinfo->flinfo->fn_mcxt, len);
	memcpy(c->raw, v, len);
	c->rawlen = len;
	c->raw_stable = rc_bounds_arg_constant(fcinfo);
	return c;
}

/* Raise 22023: a row's as_of differs from its group's. */
static rc_noreturn void
rc_aging_as_of_differs(DateADT as_of, DateADT first)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			 errmsg("as_of date %s differs from %s of an earlier row in the same group",
					rc_date_text(as_of), rc_date_text(first)),
			 errhint("An aging summary is taken at one date; group by the as_of date.")));
}

static pg_noinline Datum rc_ar_aging_trans_general(FunctionCallInfo fcinfo);

/* A balance in ten-thousandths into its bucket: debit, credit or neither. */
static pg_attribute_always_inline void
rc_bucket_add4(RcAgingBucket *b, int64 value4, int dscale)
{
	if (value4 > 0)
	{
		rc_sum_add4(&b->amount, value4, dscale);
		rc_count_add(&b->items, 1, "item count", RC_AGING_TYPNAME);
	}
	else if (value4 < 0)
	{
		rc_sum_add4(&b->credit_amount, value4, dscale);
		rc_count_add(&b->credit_items, 1, "item count", RC_AGING_TYPNAME);
	}
}

/*
 * ar_aging(balance numeric, anchor date, as_of date [, bounds int[]])
 * Arguments: 0 state, 1 balance, 2 anchor, 3 as_of, 4 bounds.
 *
 * The per-row path: an aggregate call with the default bounds or constant
 * bounds (then every state of this call site was made with the cached
 * bounds, whichever group it belongs to), bounds small enough for the age
 * table, the state's as_of equal to the row's, and an amount in the money
 * fast path.  Everything else, including the first row of each group and
 * every error, goes to rc_ar_aging_trans_general.
 */
PG_FUNCTION_INFO_V1(rc_ar_aging_trans);
Datum
rc_ar_aging_trans(PG_FUNCTION_ARGS)
{
	RcBoundsCache *bc = (RcBoundsCache *) fcinfo->flinfo->fn_extra;
	RcAging    *a;
	int64		age;
	int64		v4;
	int			dscale;

	if (unlikely(bc == NULL || !rc_agg_state_in_place(fcinfo) || PG_ARGISNULL(3) ||
				 (PG_NARGS() >= 5 ? !(bc->rawlen > 0 && bc->raw_stable) : bc->rawlen != 0)))
		return rc_ar_aging_trans_general(fcinfo);
	a = (RcAging *) PG_GETARG_POINTER(0);
	if (unlikely(bc->table_max < 0 || a->as_of != PG_GETARG_DATEADT(3)))
		return rc_ar_aging_trans_general(fcinfo);
	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_POINTER(a);
	age = (int64) a->as_of - (int64) PG_GETARG_DATEADT(2);
	if (age < 0)
		PG_RETURN_POINTER(a);	/* not yet receivable */
	if (unlikely(!rc_money_decode4(PG_GETARG_DATUM(1), &v4, &dscale)))
		return rc_ar_aging_trans_general(fcinfo);
	rc_bucket_add4(&RC_AGING_BUCKETS(a)[bc->bucket_of_age[Min(age, (int64) bc->table_max)]],
				   v4, dscale);
	PG_RETURN_POINTER(a);
}

/* ar_aging's transition for every row off the fast path. */
static pg_noinline Datum
rc_ar_aging_trans_general(FunctionCallInfo fcinfo)
{
	MemoryContext aggctx = NULL;
	RcAging    *a;
	RcBoundsCache *bc;
	DateADT		as_of;
	DateADT		anchor;
	int64		age;
	RcAmount	amt;
	int64		acc;
	int			dscale;
	RcAgingBucket *b;
	bool		in_agg;
	int			i;
	int			n;

	if (PG_ARGISNULL(3))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("as_of date of ar_aging must not be NULL")));
	as_of = PG_GETARG_DATEADT(3);
	bc = rc_bounds_get(fcinfo);
	if (likely(rc_agg_state_in_place(fcinfo)))
		in_agg = true;
	else
		in_agg = AggCheckCallContext(fcinfo, &aggctx) != 0;

	if (in_agg && !PG_ARGISNULL(0))
	{
		/* the usual case: update the state in place */
		a = (RcAging *) PG_GETARG_POINTER(0);
		if (unlikely(a->as_of != as_of))
			rc_aging_as_of_differs(as_of, a->as_of);
		if (a != bc->checked_state)
		{
			if (!rc_aging_same_bounds(a, bc->nbounds, bc->bounds))
				ereport(ERROR,
						(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
						 errmsg("aging bounds %s differ from %s of an earlier row in the same group",
								rc_bounds_text(bc->nbounds, bc->bounds),
								rc_bounds_text(a->nbounds, a->bounds))));
			bc->checked_state = a;
		}
	}
	else if (PG_ARGISNULL(0))
	{
		rc_check_as_of(as_of);
		a = rc_aging_new(in_agg ? aggctx : CurrentMemoryContext,
						 bc->nbounds, bc->bounds, as_of);
		if (in_agg)
			bc->checked_state = a;
	}
	else
	{
		/* called as a plain function: work on a copy */
		RcAging    *src = PG_GETARG_RCAGING(0);

		a = palloc(VARSIZE(src));
		memcpy(a, src, VARSIZE(src));
		if (a->as_of != as_of)
			rc_aging_as_of_differs(as_of, a->as_of);
		if (!rc_aging_same_bounds(a, bc->nbounds, bc->bounds))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("aging bounds %s differ from %s of the summary",
							rc_bounds_text(bc->nbounds, bc->bounds),
							rc_bounds_text(a->nbounds, a->bounds))));
	}

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
		PG_RETURN_POINTER(a);
	anchor = PG_GETARG_DATEADT(2);
	if (anchor > as_of)
		PG_RETURN_POINTER(a);	/* not yet receivable */
	age = (int64) as_of - (int64) anchor;
	/*
	 * bounds are increasing: the bucket is the number of bounds below age,
	 * looked up for ages up to the last bound (a has bc's bounds: checked
	 * above, or made from them).
	 */
	if (likely(bc->table_max >= 0))
		n = bc->bucket_of_age[Min(age, (int64) bc->table_max)];
	else
	{
		n = 0;
		for (i = 0; i < a->nbounds; i++)
			n += (age > a->bounds[i]);
	}
	b = &RC_AGING_BUCKETS(a)[n];
	if (likely(rc_money_decode4(PG_GETARG_DATUM(1), &acc, &dscale)))
	{
		/* the usual amount: decoded in line, added at scale 4 */
		rc_bucket_add4(b, acc, dscale);
		PG_RETURN_POINTER(a);
	}
	rc_amount_decode(PG_GETARG_DATUM(1), &amt);
	if (amt.value > 0)
	{
		rc_aging_add(&b->amount, &amt);
		rc_count_add(&b->items, 1, "item count", RC_AGING_TYPNAME);
	}
	else if (amt.value < 0)
	{
		rc_aging_add(&b->credit_amount, &amt);
		rc_count_add(&b->credit_items, 1, "item count", RC_AGING_TYPNAME);
	}
	PG_RETURN_POINTER(a);
}

/*
 * Combine two states, or add a stored summary into a state (ar_aging_merge
 * uses this too).  Either side may be NULL.
 */
PG_FUNCTION_INFO_V1(rc_aging_combine);
Datum
rc_aging_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggctx;
	RcAging    *a;
	RcAging    *src;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	src = PG_GETARG_RCAGING(1);
	if (!AggCheckCallContext(fcinfo, &aggctx))
		aggctx = CurrentMemoryContext;
	else if (!PG_ARGISNULL(0))
	{
		a = (RcAging *) PG_GETARG_POINTER(0);
		rc_aging_merge_into(a, src);
		PG_RETURN_POINTER(a);
	}
	if (PG_ARGISNULL(0))
	{
		a = MemoryContextAlloc(aggctx, VARSIZE(src));
		memcpy(a, src, VARSIZE(src));
		PG_RETURN_POINTER(a);
	}
	else
	{
		RcAging    *s0 = PG_GETARG_RCAGING(0);

		a = MemoryContextAlloc(aggctx, VARSIZE(s0));
		memcpy(a, s0, VARSIZE(s0));
		rc_aging_merge_into(a, src);
		PG_RETURN_POINTER(a);
	}
}

/* ---------- accessors ---------- */

/* Debit and credit totals over all buckets. */
static void
rc_aging_totals(const RcAging *a, RcSum *debit, RcSum *credit)
{
	const RcAgingBucket *b = RC_AGING_BUCKETS(a);
	int			i;

	memset(debit, 0, sizeof(RcSum));
	memset(credit, 0, sizeof(RcSum));
	for (i = 0; i <= a->nbounds; i++)
	{
		rc_sum_add_sum(debit, &b[i].amount);
		rc_sum_add_sum(credit, &b[i].credit_amount);
	}
}

/* Sum of debit balances over all buckets. */
PG_FUNCTION_INFO_V1(rc_aging_debit_total);
Datum
rc_aging_debit_total(PG_FUNCTION_ARGS)
{
	RcSum		d,
				c;

	rc_aging_totals(PG_GETARG_RCAGING(0), &d, &c);
	PG_RETURN_DATUM(rc_sum_to_numeric(&d));
}

/* Sum of credit balances over all buckets. */
PG_FUNCTION_INFO_V1(rc_aging_credit_total);
Datum
rc_aging_credit_total(PG_FUNCTION_ARGS)
{
	RcSum		d,
				c;

	rc_aging_totals(PG_GETARG_RCAGING(0), &d, &c);
	PG_RETURN_DATUM(rc_sum_to_numeric(&c));
}

/* Net balance: debits plus credits. */
PG_FUNCTION_INFO_V1(rc_aging_net_total);
Datum
rc_aging_net_total(PG_FUNCTION_ARGS)
{
	RcSum		d,
				c;

	rc_aging_totals(PG_GETARG_RCAGING(0), &d, &c);
	rc_sum_add_sum(&d, &c);
	PG_RETURN_DATUM(rc_sum_to_numeric(&d));
}

/* Number of rows with a debit balance. */
PG_FUNCTION_INFO_V1(rc_aging_debit_items);
Datum
rc_aging_debit_items(PG_FUNCTION_ARGS)
{
	RcAging    *a = PG_GETARG_RCAGING(0);
	RcAgingBucket *b = RC_AGING_BUCKETS(a);
	int64		n = 0;
	int			i;

	for (i = 0; i <= a->nbounds; i++)
		rc_count_add(&n, b[i].items, "item count", RC_AGING_TYPNAME);
	PG_RETURN_INT64(n);
}

/* Number of rows with a credit balance. */
PG_FUNCTION_INFO_V1(rc_aging_credit_items);
Datum
rc_aging_credit_items(PG_FUNCTION_ARGS)
{
	RcAging    *a = PG_GETARG_RCAGING(0);
	RcAgingBucket *b = RC_AGING_BUCKETS(a);
	int64		n = 0;
	int			i;

	for (i = 0; i <= a->nbounds; i++)
		rc_count_add(&n, b[i].credit_items, "item count", RC_AGING_TYPNAME);
	PG_RETURN_INT64(n);
}

/* The summary's as_of date. */
PG_FUNCTION_INFO_V1(rc_aging_as_of);
Datum
rc_aging_as_of(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATEADT(PG_GETARG_RCAGING(0)->as_of);
}

/* The bucket upper bounds as int[]. */
PG_FUNCTION_INFO_V1(rc_aging_bounds);
Datum
rc_aging_bounds(PG_FUNCTION_ARGS)
{
	RcAging    *a = PG_GETARG_RCAGING(0);
	Datum		elems[RC_AGING_MAX_BOUNDS];
	int			i;

	for (i = 0; i < a->nbounds; i++)
		elems[i] = Int32GetDatum(a->bounds[i]);
	PG_RETURN_ARRAYTYPE_P(construct_array(elems, a->nbounds, INT4OID, 4, true, TYPALIGN_INT));
}

/* ar_over(aging, days): debit A/R older than days / total debit A/R. */
PG_FUNCTION_INFO_V1(rc_aging_over);
Datum
rc_aging_over(PG_FUNCTION_ARGS)
{
	RcAging    *a = PG_GETARG_RCAGING(0);
	int32		days = PG_GETARG_INT32(1);
	RcAgingBucket *b = RC_AGING_BUCKETS(a);
	RcSum		over,
				total,
				credit;
	int			k;
	int			i;

	for (k = 0; k < a->nbounds && a->bounds[k] != days; k++)
		;
	if (k == a->nbounds)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("%d days is not one of the aging bounds %s", days,
						rc_bounds_text(a->nbounds, a->bounds)),
				 errhint("ar_over can only split A/R at a bucket boundary.")));
	memset(&over, 0, sizeof(RcSum));
	for (i = k + 1; i <= a->nbounds; i++)
		rc_sum_add_sum(&over, &b[i].amount);
	rc_aging_totals(a, &total, &credit);
	if (rc_sum_is_zero(&total))
		PG_RETURN_NULL();
	PG_RETURN_DATUM(rc_sum_div(&over, &total));
}

/* aging_buckets(aging): one row per bucket, in age order. */
PG_FUNCTION_INFO_V1(rc_aging_buckets);
Datum
rc_aging_buckets(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	RcAging    *a = PG_GETARG_RCAGING(0);
	RcAgingBucket *b = RC_AGING_BUCKETS(a);
	RcSum		total,
				credit;
	int			i;

	InitMaterializedSRF(fcinfo, 0);
	rc_aging_totals(a, &total, &credit);
	for (i = 0; i <= a->nbounds; i++)
	{
		Datum		values[8];
		bool		nulls[8] = {0};
		int64		lo = i == 0 ? 0 : (int64) a->bounds[i - 1] + 1;
		char		label[32];

		/* min_days is an integer: a last bound of 2^31 - 1 leaves none */
		if (lo > PG_INT32_MAX)
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("first day " INT64_FORMAT " of the last aging bucket is out of range for type integer",
							lo),
					 errhint("Use aging bounds below %d.", PG_INT32_MAX)));
		if (i < a->nbounds)
			snprintf(label, sizeof(label), INT64_FORMAT "-%d", lo, a->bounds[i]);
		else
			snprintf(label, sizeof(label), INT64_FORMAT "+", lo);
		values[0] = CStringGetTextDatum(label);
		values[1] = Int32GetDatum((int32) lo);
		if (i < a->nbounds)
			values[2] = Int32GetDatum(a->bounds[i]);
		else
			nulls[2] = true;
		values[3] = Int64GetDatum(b[i].items);
		values[4] = rc_sum_to_numeric(&b[i].amount);
		values[5] = Int64GetDatum(b[i].credit_items);
		values[6] = rc_sum_to_numeric(&b[i].credit_amount);
		if (rc_sum_is_zero(&total))
			nulls[7] = true;
		else
			values[7] = rc_sum_div(&b[i].amount, &total);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}
