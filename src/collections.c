/*-------------------------------------------------------------------------
 *
 * collections.c
 *	  The revcycle.collections summary type and the collection-rate
 *	  aggregates built on it.
 *
 * A collections summary holds exact sums of gross charges, payments,
 * refunds, contractual adjustments and other adjustments, with the number
 * of rows that contributed to each.  The summary is the aggregates' state
 * itself (a plain varlena, not "internal"), so it can be stored in a rollup
 * table, merged later, and passed between parallel workers or Citus nodes
 * with no serialization step.  Inside an aggregate the state is updated in
 * place; nothing is allocated per row.
 *
 *-------------------------------------------------------------------------
 */
#include "compat.h"

#include "libpq/pqformat.h"
#include "nodes/execnodes.h"
#include "utils/builtins.h"

#include "ledger.h"
#include "summary_io.h"

#define RC_COLLECTIONS_VERSION 1
#define RC_COLLECTIONS_TYPNAME "revcycle.collections"

typedef enum RcCollField
{
	RC_C_CHARGES,
	RC_C_PAYMENTS,
	RC_C_REFUNDS,
	RC_C_CONTRACTUAL,
	RC_C_OTHER,
	RC_C_NSUMS
} RcCollField;

/* JSON keys for the sums and their row counts, in output order. */
static const char *const rc_coll_keys[RC_C_NSUMS] = {
	"charges", "payments", "refunds", "contractual", "other_adjustments"
};
static const char *const rc_coll_count_keys[RC_C_NSUMS] = {
	"charge_rows", "payment_rows", "refund_rows", "contractual_rows",
	"other_adjustment_rows"
};

typedef struct RcCollections
{
	int32		vl_len_;
	uint8		version;
	uint8		pad[3];
	int64		rows;			/* input rows seen */
	int64		counts[RC_C_NSUMS]; /* rows with a non-NULL amount, per sum */
	RcSum		sums[RC_C_NSUMS];
} RcCollections;

#define RC_COLLECTIONS_BINARY_SIZE \
	(1 + 8 + RC_C_NSUMS * 8 + RC_C_NSUMS * (8 + 8 + 2 + 2))

#define DatumGetRcCollections(d) ((RcCollections *) PG_DETOAST_DATUM(d))
#define PG_GETARG_RCCOLLECTIONS(n) DatumGetRcCollections(PG_GETARG_DATUM(n))

static RcCollections *
rc_collections_new(MemoryContext ctx)
{
	RcCollections *c = MemoryContextAllocZero(ctx, sizeof(RcCollections));

	SET_VARSIZE(c, sizeof(RcCollections));
	c->version = RC_COLLECTIONS_VERSION;
	return c;
}

/*
 * The state to update: the transition value itself when called as an
 * aggregate (safe to modify in place), a fresh one when the state is NULL,
 * a copy when called as a plain function.
 */
static pg_noinline RcCollections *
rc_collections_state_slow(FunctionCallInfo fcinfo)
{
	MemoryContext aggctx;
	RcCollections *c;

	if (!AggCheckCallContext(fcinfo, &aggctx))
		aggctx = CurrentMemoryContext;

	c = rc_collections_new(aggctx);
	if (!PG_ARGISNULL(0))
		memcpy(c, PG_GETARG_RCCOLLECTIONS(0), sizeof(RcCollections));
	return c;
}

static pg_attribute_always_inline RcCollections *
rc_collections_state(FunctionCallInfo fcinfo)
{
	if (likely(rc_agg_state_in_place(fcinfo)))
		return (RcCollections *) PG_GETARG_POINTER(0);
	return rc_collections_state_slow(fcinfo);
}

static pg_attribute_always_inline void
rc_coll_add(RcCollections *c, RcCollField f, Datum amount)
{
	rc_sum_add_datum(&c->sums[f], amount);
	rc_count_add(&c->counts[f], 1, "row count", RC_COLLECTIONS_TYPNAME);
}

/* One more input row. */
static pg_attribute_always_inline void
rc_coll_row(RcCollections *c)
{
	rc_count_add(&c->rows, 1, "row count", RC_COLLECTIONS_TYPNAME);
}

static void
rc_collections_merge_into(RcCollections *dst, const RcCollections *src)
{
	int			i;

	rc_count_add(&dst->rows, src->rows, "row count", RC_COLLECTIONS_TYPNAME);
	for (i = 0; i < RC_C_NSUMS; i++)
	{
		rc_count_add(&dst->counts[i], src->counts[i], "row count", RC_COLLECTIONS_TYPNAME);
		rc_sum_add_sum(&dst->sums[i], &src->sums[i]);
	}
}

/* ---------- I/O ---------- */

PG_FUNCTION_INFO_V1(rc_collections_in);
Datum
rc_collections_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	RcCollections *c = rc_collections_new(CurrentMemoryContext);
	RcReader	r;
	int64		maxcount = 0;
	int			i;

	rc_reader_init(&r, str, RC_COLLECTIONS_TYPNAME);
	rc_reader_expect(&r, '{');
	rc_reader_key(&r, "v");
	if (rc_reader_int64(&r, 0, PG_INT32_MAX) != RC_COLLECTIONS_VERSION)
		rc_reader_error(&r, "Unsupported format version");
	rc_reader_expect(&r, ',');
	rc_reader_key(&r, "rows");
	c->rows = rc_reader_int64(&r, 0, PG_INT64_MAX);
	for (i = 0; i < RC_C_NSUMS; i++)
	{
		rc_reader_expect(&r, ',');
		rc_reader_key(&r, rc_coll_keys[i]);
		rc_reader_sum(&r, &c->sums[i]);
		rc_reader_expect(&r, ',');
		rc_reader_key(&r, rc_coll_count_keys[i]);
		c->counts[i] = rc_reader_int64(&r, 0, PG_INT64_MAX);
		maxcount = Max(maxcount, c->counts[i]);
		if (c->counts[i] == 0 && !rc_sum_is_zero(&c->sums[i]))
			rc_reader_error(&r, "A non-zero sum needs at least one row");
	}
	rc_reader_expect(&r, '}');
	rc_reader_end(&r);
	if (maxcount > c->rows)
		rc_reader_error(&r, "A per-amount row count exceeds \"rows\"");
	PG_RETURN_POINTER(c);
}

PG_FUNCTION_INFO_V1(rc_collections_out);
Datum
rc_collections_out(PG_FUNCTION_ARGS)
{
	RcCollections *c = PG_GETARG_RCCOLLECTIONS(0);
	StringInfoData buf;
	int			i;

	initStringInfo(&buf);
	appendStringInfo(&buf, "{\"v\":%d,\"rows\":" INT64_FORMAT,
					 RC_COLLECTIONS_VERSION, c->rows);
	for (i = 0; i < RC_C_NSUMS; i++)
	{
		rc_write_key(&buf, rc_coll_keys[i], false);
		rc_write_sum(&buf, &c->sums[i]);
		rc_write_key(&buf, rc_coll_count_keys[i], false);
		appendStringInfo(&buf, INT64_FORMAT, c->counts[i]);
	}
	appendStringInfoChar(&buf, '}');
	PG_RETURN_CSTRING(buf.data);
}

PG_FUNCTION_INFO_V1(rc_collections_send);
Datum
rc_collections_send(PG_FUNCTION_ARGS)
{
	RcCollections *c = PG_GETARG_RCCOLLECTIONS(0);
	StringInfoData buf;
	int			i;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, RC_COLLECTIONS_VERSION);
	pq_sendint64(&buf, c->rows);
	for (i = 0; i < RC_C_NSUMS; i++)
		pq_sendint64(&buf, c->counts[i]);
	for (i = 0; i < RC_C_NSUMS; i++)
		rc_sum_send(&buf, &c->sums[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(rc_collections_recv);
Datum
rc_collections_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	RcCollections *c = rc_collections_new(CurrentMemoryContext);
	int			i;

	rc_recv_version(buf, RC_COLLECTIONS_VERSION, RC_COLLECTIONS_TYPNAME);
	if (buf->len - buf->cursor != RC_COLLECTIONS_BINARY_SIZE - 1)
		rc_recv_error(RC_COLLECTIONS_TYPNAME, "The value has the wrong length.");
	c->rows = pq_getmsgint64(buf);
	if (c->rows < 0)
		rc_recv_error(RC_COLLECTIONS_TYPNAME, "Negative row count.");
	for (i = 0; i < RC_C_NSUMS; i++)
	{
		c->counts[i] = pq_getmsgint64(buf);
		if (c->counts[i] < 0 || c->counts[i] > c->rows)
			rc_recv_error(RC_COLLECTIONS_TYPNAME, "Row count out of range.");
	}
	for (i = 0; i < RC_C_NSUMS; i++)
	{
		rc_sum_recv(buf, &c->sums[i], RC_COLLECTIONS_TYPNAME);
		if (c->counts[i] == 0 && !rc_sum_is_zero(&c->sums[i]))
			rc_recv_error(RC_COLLECTIONS_TYPNAME, "A non-zero sum has no rows.");
	}
	rc_recv_end(buf, RC_COLLECTIONS_TYPNAME);
	PG_RETURN_POINTER(c);
}

/* ---------- transition functions ---------- */

/*
 * collections_agg(charge, payment, refund, contractual, other_adjustment):
 * one row per source row, NULL amounts count as zero (and are not counted
 * in the per-amount row counts).
 */
PG_FUNCTION_INFO_V1(rc_collections_columns_trans);
Datum
rc_collections_columns_trans(PG_FUNCTION_ARGS)
{
	RcCollections *c = rc_collections_state(fcinfo);
	int			i;

	for (i = 0; i < RC_C_NSUMS; i++)
		if (!PG_ARGISNULL(i + 1))
			rc_coll_add(c, (RcCollField) i, PG_GETARG_DATUM(i + 1));
	rc_coll_row(c);
	PG_RETURN_POINTER(c);
}

/*
 * The per-row path of the two rate aggregates, for the usual row: an
 * aggregate call, every amount present and money-shaped, every sum it adds
 * to already at scale 4 (after the group's first row).  Adds the amounts
 * with no call, so that the function needs no stack frame; any other row
 * goes to the general function, which starts from the unchanged state.
 */
static pg_attribute_always_inline bool
rc_coll_fast_ok(const RcCollections *c, RcCollField f)
{
	return c->sums[f].scale == 4;
}

static pg_attribute_always_inline void
rc_coll_add4(RcCollections *c, RcCollField f, int64 value4, int dscale)
{
	rc_sum_add4(&c->sums[f], value4, dscale);
	rc_count_add(&c->counts[f], 1, "row count", RC_COLLECTIONS_TYPNAME);
}

static pg_noinline Datum
rc_gross_rate_trans_any(FunctionCallInfo fcinfo)
{
	RcCollections *c = rc_collections_state(fcinfo);

	if (!PG_ARGISNULL(1))
		rc_coll_add(c, RC_C_PAYMENTS, PG_GETARG_DATUM(1));
	if (!PG_ARGISNULL(2))
		rc_coll_add(c, RC_C_CHARGES, PG_GETARG_DATUM(2));
	rc_coll_row(c);
	PG_RETURN_POINTER(c);
}

/* gross_collection_rate(payment, charge) */
PG_FUNCTION_INFO_V1(rc_gross_rate_trans);
Datum
rc_gross_rate_trans(PG_FUNCTION_ARGS)
{
	RcCollections *c;
	int64		pay;
	int64		charge;
	int			pay_ds;
	int			charge_ds;

	if (likely(rc_agg_state_in_place(fcinfo) &&
			   !PG_ARGISNULL(1) && !PG_ARGISNULL(2)))
	{
		c = (RcCollections *) PG_GETARG_POINTER(0);
		if (likely(rc_coll_fast_ok(c, RC_C_PAYMENTS) &&
				   rc_coll_fast_ok(c, RC_C_CHARGES) &&
				   rc_money_decode4(PG_GETARG_DATUM(1), &pay, &pay_ds) &&
				   rc_money_decode4(PG_GETARG_DATUM(2), &charge, &charge_ds)))
		{
			rc_coll_add4(c, RC_C_PAYMENTS, pay, pay_ds);
			rc_coll_add4(c, RC_C_CHARGES, charge, charge_ds);
			rc_coll_row(c);
			PG_RETURN_POINTER(c);
		}
	}
	return rc_gross_rate_trans_any(fcinfo);
}

static pg_noinline Datum
rc_net_rate_trans_any(FunctionCallInfo fcinfo)
{
	RcCollections *c = rc_collections_state(fcinfo);

	if (!PG_ARGISNULL(1))
		rc_coll_add(c, RC_C_PAYMENTS, PG_GETARG_DATUM(1));
	if (!PG_ARGISNULL(2))
		rc_coll_add(c, RC_C_CHARGES, PG_GETARG_DATUM(2));
	if (!PG_ARGISNULL(3))
		rc_coll_add(c, RC_C_CONTRACTUAL, PG_GETARG_DATUM(3));
	rc_coll_row(c);
	PG_RETURN_POINTER(c);
}

/* net_collection_rate(payment, charge, contractual_adjustment) */
PG_FUNCTION_INFO_V1(rc_net_rate_trans);
Datum
rc_net_rate_trans(PG_FUNCTION_ARGS)
{
	RcCollections *c;
	int64		pay;
	int64		charge;
	int64		contractual;
	int			pay_ds;
	int			charge_ds;
	int			contractual_ds;

	if (likely(rc_agg_state_in_place(fcinfo) &&
			   !PG_ARGISNULL(1) && !PG_ARGISNULL(2) && !PG_ARGISNULL(3)))
	{
		c = (RcCollections *) PG_GETARG_POINTER(0);
		if (likely(rc_coll_fast_ok(c, RC_C_PAYMENTS) &&
				   rc_coll_fast_ok(c, RC_C_CHARGES) &&
				   rc_coll_fast_ok(c, RC_C_CONTRACTUAL) &&
				   rc_money_decode4(PG_GETARG_DATUM(1), &pay, &pay_ds) &&
				   rc_money_decode4(PG_GETARG_DATUM(2), &charge, &charge_ds) &&
				   rc_money_decode4(PG_GETARG_DATUM(3), &contractual, &contractual_ds)))
		{
			rc_coll_add4(c, RC_C_PAYMENTS, pay, pay_ds);
			rc_coll_add4(c, RC_C_CHARGES, charge, charge_ds);
			rc_coll_add4(c, RC_C_CONTRACTUAL, contractual, contractual_ds);
			rc_coll_row(c);
			PG_RETURN_POINTER(c);
		}
	}
	return rc_net_rate_trans_any(fcinfo);
}

/*
 * Ledger rows: (kind revcycle.txn_kind, amount).  Which sum each kind adds
 * to; transfers move a balance between payers and add to none.
 */
#define RC_KIND_IGNORED (-1)

static const int8 rc_coll_field_of_kind[RC_TXN_NKINDS] = {
	RC_C_CHARGES,				/* charge */
	RC_C_PAYMENTS,				/* payment */
	RC_C_REFUNDS,				/* refund */
	RC_C_CONTRACTUAL,			/* contractual_adjustment */
	RC_C_OTHER,					/* administrative_adjustment */
	RC_C_OTHER,					/* small_balance_writeoff */
	RC_C_OTHER,					/* denial_writeoff */
	RC_C_OTHER,					/* bad_debt */
	RC_C_OTHER,					/* charity */
	RC_KIND_IGNORED				/* transfer */
};

static RcKindMap *
rc_kind_map(FunctionCallInfo fcinfo)
{
	RcKindMap  *m = (RcKindMap *) fcinfo->flinfo->fn_extra;

	if (m == NULL)
	{
		m = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(RcKindMap));
		rc_kind_map_init(m, fcinfo, 1);
		fcinfo->flinfo->fn_extra = m;
	}
	return m;
}

static pg_noinline Datum rc_collections_ledger_trans_any(FunctionCallInfo fcinfo);

/*
 * collections_agg(kind, amount).  The per-row path: an aggregate call on a
 * state whose kind map is set up, a kind that adds to a sum already at
 * scale 4, and a money-shaped amount; every other row (NULLs, transfers,
 * the group's first rows) takes the general function.
 */
PG_FUNCTION_INFO_V1(rc_collections_ledger_trans);
Datum
rc_collections_ledger_trans(PG_FUNCTION_ARGS)
{
	const RcKindMap *m = (const RcKindMap *) fcinfo->flinfo->fn_extra;

	if (likely(m != NULL && rc_agg_state_in_place(fcinfo) &&
			   !PG_ARGISNULL(1) && !PG_ARGISNULL(2)))
	{
		RcCollections *c = (RcCollections *) PG_GETARG_POINTER(0);
		int			kind = rc_kind_direct(m, PG_GETARG_OID(1));
		int			field;
		int64		value4;
		int			dscale;

		if (likely(kind >= 0) &&
			(field = rc_coll_field_of_kind[kind]) != RC_KIND_IGNORED &&
			rc_coll_fast_ok(c, (RcCollField) field) &&
			rc_money_decode4(PG_GETARG_DATUM(2), &value4, &dscale))
		{
			rc_coll_add4(c, (RcCollField) field, value4, dscale);
			rc_coll_row(c);
			PG_RETURN_POINTER(c);
		}
	}
	return rc_collections_ledger_trans_any(fcinfo);
}

static pg_noinline Datum
rc_collections_ledger_trans_any(FunctionCallInfo fcinfo)
{
	RcCollections *c = rc_collections_state(fcinfo);

	if (!PG_ARGISNULL(1) && !PG_ARGISNULL(2))
	{
		RcTxnKind	kind = rc_kind_lookup(rc_kind_map(fcinfo), PG_GETARG_OID(1));
		int			field = rc_coll_field_of_kind[kind];

		if (field != RC_KIND_IGNORED)
			rc_coll_add(c, (RcCollField) field, PG_GETARG_DATUM(2));
		else
		{
			/* A transfer moves no money here, but its amount must be valid. */
			RcAmount	unused;

			rc_amount_decode(PG_GETARG_DATUM(2), &unused);
		}
	}
	rc_coll_row(c);
	PG_RETURN_POINTER(c);
}

/*
 * Combine two states, or add a stored summary into a state (the merge
 * aggregate uses this too).  Either side may be NULL: a parallel worker
 * that saw no rows hands over a NULL partial state.
 */
PG_FUNCTION_INFO_V1(rc_collections_combine);
Datum
rc_collections_combine(PG_FUNCTION_ARGS)
{
	RcCollections *c;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	c = rc_collections_state(fcinfo);
	rc_collections_merge_into(c, PG_GETARG_RCCOLLECTIONS(1));
	PG_RETURN_POINTER(c);
}

/* ---------- accessors ---------- */

static Datum
rc_collections_sum_datum(FunctionCallInfo fcinfo, RcCollField f)
{
	RcCollections *c = PG_GETARG_RCCOLLECTIONS(0);

	return rc_sum_to_numeric(&c->sums[f]);
}

#define RC_COLL_SUM_ACCESSOR(fname, field) \
PG_FUNCTION_INFO_V1(fname); \
Datum \
fname(PG_FUNCTION_ARGS) \
{ \
	PG_RETURN_DATUM(rc_collections_sum_datum(fcinfo, field)); \
}

RC_COLL_SUM_ACCESSOR(rc_collections_charges, RC_C_CHARGES)
RC_COLL_SUM_ACCESSOR(rc_collections_payments, RC_C_PAYMENTS)
RC_COLL_SUM_ACCESSOR(rc_collections_refunds, RC_C_REFUNDS)
RC_COLL_SUM_ACCESSOR(rc_collections_contractual, RC_C_CONTRACTUAL)
RC_COLL_SUM_ACCESSOR(rc_collections_other, RC_C_OTHER)

PG_FUNCTION_INFO_V1(rc_collections_rows);
Datum
rc_collections_rows(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT64(PG_GETARG_RCCOLLECTIONS(0)->rows);
}

/* payments / gross charges; NULL when there are no charges. */
PG_FUNCTION_INFO_V1(rc_collections_gross_rate);
Datum
rc_collections_gross_rate(PG_FUNCTION_ARGS)
{
	RcCollections *c = PG_GETARG_RCCOLLECTIONS(0);

	if (rc_sum_is_zero(&c->sums[RC_C_CHARGES]))
		PG_RETURN_NULL();
	PG_RETURN_DATUM(rc_sum_div(&c->sums[RC_C_PAYMENTS], &c->sums[RC_C_CHARGES]));
}

/*
 * (payments - refunds) / (gross charges - contractual adjustments);
 * NULL when the denominator is zero.
 */
PG_FUNCTION_INFO_V1(rc_collections_net_rate);
Datum
rc_collections_net_rate(PG_FUNCTION_ARGS)
{
	RcCollections *c = PG_GETARG_RCCOLLECTIONS(0);
	RcSum		num = c->sums[RC_C_PAYMENTS];
	RcSum		den = c->sums[RC_C_CHARGES];

	rc_sum_sub_sum(&num, &c->sums[RC_C_REFUNDS]);
	rc_sum_sub_sum(&den, &c->sums[RC_C_CONTRACTUAL]);
	if (rc_sum_is_zero(&den))
		PG_RETURN_NULL();
	PG_RETURN_DATUM(rc_sum_div(&num, &den));
}
