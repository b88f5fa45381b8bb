/*-------------------------------------------------------------------------
 *
 * remit.c
 *	  SQL wrappers of the X12 835 parser core (x12_835.c): set-returning
 *	  functions in materialize mode, one pass of the core per call.
 *
 *	  parse_835_transactions(doc)        one row per ST..SE
 *	  parse_835(doc)                     one row per claim payment (CLP)
 *	  parse_835_lines(doc)               one row per service line (SVC)
 *	  parse_835_adjustments(doc)         one row per CAS triplet
 *	  parse_835_provider_adjustments(doc) one row per PLB (reason, amount) pair
 *	  check_835(doc)                     one row per balancing violation
 *
 *	  The core hands out zero-copy slices into the detoasted document and
 *	  exact, already validated decimals (units / 10^scale, scale <= 18);
 *	  amounts become numeric through int64_div_fast_to_numeric, which keeps
 *	  the scale as sent (the same value and display scale numeric_in gives
 *	  for the text), dates through date2j.  A structural
 *	  error from the core is raised as 22P02 (22003 for arithmetic overflow)
 *	  with the segment number, segment id and element position.
 *
 *-------------------------------------------------------------------------
 */
#include "compat.h"

#include "catalog/pg_type.h"
#include "datatype/timestamp.h"
#include "fmgr.h"
#include "funcapi.h"
#include "miscadmin.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/datetime.h"
#include "utils/memutils.h"
#include "utils/numeric.h"
#include "utils/tuplestore.h"

#include "x12_835.h"

PG_FUNCTION_INFO_V1(rc_parse_835_transactions);
PG_FUNCTION_INFO_V1(rc_parse_835);
PG_FUNCTION_INFO_V1(rc_parse_835_lines);
PG_FUNCTION_INFO_V1(rc_parse_835_adjustments);
PG_FUNCTION_INFO_V1(rc_parse_835_provider_adjustments);
PG_FUNCTION_INFO_V1(rc_check_835);

typedef enum RemitKind
{
	REMIT_TRANSACTIONS,
	REMIT_CLAIMS,
	REMIT_LINES,
	REMIT_ADJUSTMENTS,
	REMIT_PROVIDER_ADJUSTMENTS,
	REMIT_CHECK
} RemitKind;

/* widest row: parse_835 */
#define REMIT_MAX_COLS 48
/* parse_835 columns that repeat the transaction header */
#define REMIT_TXN_COLS 12

typedef struct RemitState
{
	Tuplestorestate *ts;
	TupleDesc	desc;
	MemoryContext rowcxt;
	int32		txn_no;			/* 1-based ordinal of the current ST..SE */
	int32		plb_no;			/* 1-based PLB pair ordinal in the txn */
	MemoryContext txncxt;		/* transaction-level columns of parse_835 */
	bool		cache_txn;		/* parse_835: build txn_values at txn start */
	Datum		txn_values[REMIT_TXN_COLS];
	bool		txn_nulls[REMIT_TXN_COLS];
	uint32		rows_since_reset;
	Datum		values[REMIT_MAX_COLS];
	bool		nulls[REMIT_MAX_COLS];
	int			ncols;
} RemitState;

/* ---- value conversion -------------------------------------------------- */

static inline void
put_null(RemitState *st, int i)
{
	st->values[i] = (Datum) 0;
	st->nulls[i] = true;
}

static void
put_slice(RemitState *st, int i, x12_slice s)
{
	if (s.ptr == NULL || s.len == 0)
		put_null(st, i);
	else
	{
		st->values[i] = PointerGetDatum(cstring_to_text_with_len(s.ptr, (int) s.len));
		st->nulls[i] = false;
	}
}

/* exact decimal -> numeric with the scale as sent (e.g. 80.00, 5, -3.75) */
static inline Datum
numeric_from_dec(x12_dec v)
{
	return NumericGetDatum(int64_div_fast_to_numeric(v.units, v.scale));
}

static void
put_amount(RemitState *st, int i, const x12_amount *a)
{
	if (!a->present)
		put_null(st, i);
	else
	{
		st->values[i] = numeric_from_dec(a->value);
		st->nulls[i] = false;
	}
}

static void
put_dec(RemitState *st, int i, x12_dec v, bool valid)
{
	if (!valid)
		put_null(st, i);
	else
	{
		st->values[i] = numeric_from_dec(v);
		st->nulls[i] = false;
	}
}

static void
put_date(RemitState *st, int i, const x12_date *d)
{
	if (!d->present)
		put_null(st, i);
	else
	{
		st->values[i] = DateADTGetDatum(date2j(d->year, d->month, d->day) - POSTGRES_EPOCH_JDATE);
		st->nulls[i] = false;
	}
}

/* the first present date of two (e.g. DTM*472 else DTM*150) */
static void
put_date2(RemitState *st, int i, const x12_date *a, const x12_date *b)
{
	put_date(st, i, a->present ? a : b);
}

static inline void
put_int(RemitState *st, int i, int64 v)
{
	st->values[i] = Int32GetDatum((int32) v);
	st->nulls[i] = false;
}

static inline void
put_bool(RemitState *st, int i, bool v)
{
	st->values[i] = BoolGetDatum(v);
	st->nulls[i] = false;
}

static inline void
put_cstr(RemitState *st, int i, const char *s)
{
	st->values[i] = CStringGetTextDatum(s);
	st->nulls[i] = false;
}

/* text[] of the non-empty slices; NULL when there are none */
static void
put_text_array(RemitState *st, int i, const x12_slice *s, int n)
{
	Datum		d[X12_835_MAX_REMARKS];
	int			k = 0;
	int			j;

	for (j = 0; j < n && k < X12_835_MAX_REMARKS; j++)
		if (s[j].ptr != NULL && s[j].len > 0)
			d[k++] = PointerGetDatum(cstring_to_text_with_len(s[j].ptr, (int) s[j].len));
	if (k == 0)
		put_null(st, i);
	else
	{
		st->values[i] = PointerGetDatum(construct_array(d, k, TEXTOID, -1, false, TYPALIGN_INT));
		st->nulls[i] = false;
	}
}

static void
emit(RemitState *st)
{
	Assert(st->ncols == st->desc->natts);
	tuplestore_putvalues(st->ts, st->desc, st->values, st->nulls);
	/* the tuplestore copied the row; free the datums every 1024 rows */
	if ((++st->rows_since_reset & 1023) == 0)
		MemoryContextReset(st->rowcxt);
}

static const char *
level_name(x12_835_level level)
{
	switch (level)
	{
		case X12_LEVEL_LINE:
			return "line";
		case X12_LEVEL_CLAIM:
			return "claim";
		case X12_LEVEL_TRANSACTION:
			return "transaction";
	}
	return "unknown";
}

/* ---- callbacks ---------------------------------------------------------- */

static int
cb_txn_start(void *user, const x12_835_transaction *t)
{
	RemitState *st = (RemitState *) user;

	st->txn_no++;
	st->plb_no = 0;
	CHECK_FOR_INTERRUPTS();
	if (st->cache_txn)
	{
		MemoryContext old;
		int			i = 0;

		MemoryContextReset(st->txncxt);
		old = MemoryContextSwitchTo(st->txncxt);
		put_int(st, i++, st->txn_no);
		put_slice(st, i++, t->isa13);
		put_slice(st, i++, t->st02);
		put_slice(st, i++, t->payer_name);
		put_slice(st, i++, t->payer_id);
		put_slice(st, i++, t->payee_name);
		put_slice(st, i++, t->payee_id);
		put_slice(st, i++, t->bpr04);
		put_amount(st, i++, &t->bpr02);
		put_date(st, i++, &t->bpr16);
		put_slice(st, i++, t->trn02);
		put_date(st, i++, &t->production_date);
		Assert(i == REMIT_TXN_COLS);
		memcpy(st->txn_values, st->values, sizeof(Datum) * REMIT_TXN_COLS);
		memcpy(st->txn_nulls, st->nulls, sizeof(bool) * REMIT_TXN_COLS);
		MemoryContextSwitchTo(old);
	}
	return 0;
}

static int
cb_txn_end(void *user, const x12_835_transaction *t)
{
	RemitState *st = (RemitState *) user;
	MemoryContext old = MemoryContextSwitchTo(st->rowcxt);
	int			i = 0;

	put_int(st, i++, st->txn_no);
	put_slice(st, i++, t->isa13);
	put_slice(st, i++, t->isa06);
	put_slice(st, i++, t->gs06);
	put_slice(st, i++, t->st02);
	put_bool(st, i++, t->envelope_stripped != 0);
	put_slice(st, i++, t->bpr01);
	put_amount(st, i++, &t->bpr02);
	put_slice(st, i++, t->bpr03);
	put_slice(st, i++, t->bpr04);
	put_date(st, i++, &t->bpr16);
	put_slice(st, i++, t->trn02);
	put_slice(st, i++, t->trn03);
	put_date(st, i++, &t->production_date);
	put_slice(st, i++, t->payer_name);
	put_slice(st, i++, t->payer_id);
	put_slice(st, i++, t->payee_name);
	put_slice(st, i++, t->payee_id_qualifier);
	put_slice(st, i++, t->payee_id);
	put_int(st, i++, (int64) t->claim_count);
	put_int(st, i++, (int64) t->line_count);
	put_int(st, i++, (int64) t->plb_pair_count);
	put_int(st, i++, (int64) t->segment_count);
	put_dec(st, i++, t->sum_clp04, t->sums_valid != 0);
	put_dec(st, i++, t->sum_plb, t->sums_valid != 0);
	put_slice(st, i++, t->currency);
	st->ncols = i;
	emit(st);
	MemoryContextSwitchTo(old);
	return 0;
}

static int
cb_claim(void *user, const x12_835_claim *c)
{
	RemitState *st = (RemitState *) user;
	MemoryContext old = MemoryContextSwitchTo(st->rowcxt);
	int			i;

	if ((c->position & 1023) == 0)
		CHECK_FOR_INTERRUPTS();
	/* transaction columns: built once per transaction in cb_txn_start */
	memcpy(st->values, st->txn_values, sizeof(Datum) * REMIT_TXN_COLS);
	memcpy(st->nulls, st->txn_nulls, sizeof(bool) * REMIT_TXN_COLS);
	i = REMIT_TXN_COLS;
	put_int(st, i++, (int64) c->position);
	put_slice(st, i++, c->clp01);
	put_slice(st, i++, c->clp02);
	put_bool(st, i++, c->is_reversal != 0);
	put_amount(st, i++, &c->clp03);
	put_amount(st, i++, &c->clp04);
	put_amount(st, i++, &c->clp05);
	put_slice(st, i++, c->clp06);
	put_slice(st, i++, c->clp07);
	put_slice(st, i++, c->clp08);
	put_slice(st, i++, c->clp09);
	put_date(st, i++, &c->statement_from);
	put_date(st, i++, &c->statement_to);
	put_date(st, i++, &c->received);
	put_int(st, i++, (int64) c->line_count);
	put_int(st, i++, (int64) c->adjustment_count);
	put_slice(st, i++, c->patient_id);
	put_slice(st, i++, c->insured_id);
	put_slice(st, i++, c->original_reference);
	put_slice(st, i++, c->group_number);
	put_slice(st, i++, c->contract_class);
	put_amount(st, i++, &c->coverage_amount);
	put_amount(st, i++, &c->interest_amount);
	put_amount(st, i++, &c->discount_amount);
	put_slice(st, i++, c->mia);
	put_slice(st, i++, c->moa);
	st->ncols = i;
	emit(st);
	MemoryContextSwitchTo(old);
	return 0;
}

static int
cb_line(void *user, const x12_835_service_line *s)
{
	RemitState *st = (RemitState *) user;
	MemoryContext old = MemoryContextSwitchTo(st->rowcxt);
	int			i = 0;

	put_int(st, i++, st->txn_no);
	put_slice(st, i++, s->txn->st02);
	put_int(st, i++, (int64) s->claim_position);
	put_slice(st, i++, s->clp01);
	put_int(st, i++, (int64) s->position);
	put_slice(st, i++, s->svc01);
	put_slice(st, i++, s->qualifier);
	put_slice(st, i++, s->code);
	put_text_array(st, i++, s->modifiers, s->modifier_count);
	put_amount(st, i++, &s->charge);
	put_amount(st, i++, &s->paid);
	put_slice(st, i++, s->revenue_code);
	put_amount(st, i++, &s->units);
	put_date2(st, i++, &s->service_date, &s->service_from);
	put_date2(st, i++, &s->service_date, &s->service_to);
	put_amount(st, i++, &s->allowed);
	put_text_array(st, i++, s->remarks, s->remark_count);
	put_slice(st, i++, s->line_control);
	put_slice(st, i++, s->original_svc01);
	put_amount(st, i++, &s->original_units);
	st->ncols = i;
	emit(st);
	MemoryContextSwitchTo(old);
	return 0;
}

static int
cb_adjustment(void *user, const x12_835_adjustment *a)
{
	RemitState *st = (RemitState *) user;
	MemoryContext old = MemoryContextSwitchTo(st->rowcxt);
	int			i = 0;

	put_int(st, i++, st->txn_no);
	put_slice(st, i++, a->txn->st02);
	put_int(st, i++, (int64) a->claim_position);
	put_slice(st, i++, a->clp01);
	put_cstr(st, i++, level_name(a->level));
	if (a->level == X12_LEVEL_LINE)
		put_int(st, i++, (int64) a->line_position);
	else
		put_null(st, i++);
	put_int(st, i++, (int64) a->segment);
	put_int(st, i++, a->triplet);
	put_slice(st, i++, a->group_code);
	put_slice(st, i++, a->reason_code);
	put_amount(st, i++, &a->amount);
	put_amount(st, i++, &a->quantity);
	st->ncols = i;
	emit(st);
	MemoryContextSwitchTo(old);
	return 0;
}

static int
cb_plb(void *user, const x12_835_provider_adjustment *p)
{
	RemitState *st = (RemitState *) user;
	MemoryContext old = MemoryContextSwitchTo(st->rowcxt);
	int			i = 0;

	st->plb_no++;
	put_int(st, i++, st->txn_no);
	put_slice(st, i++, p->txn->st02);
	put_int(st, i++, st->plb_no);
	put_int(st, i++, (int64) p->segment);
	put_int(st, i++, p->pair);
	put_slice(st, i++, p->provider_id);
	put_date(st, i++, &p->fiscal_period);
	put_slice(st, i++, p->reason_code);
	put_slice(st, i++, p->reference);
	put_amount(st, i++, &p->amount);
	st->ncols = i;
	emit(st);
	MemoryContextSwitchTo(old);
	return 0;
}

static int
cb_imbalance(void *user, const x12_835_imbalance *b)
{
	RemitState *st = (RemitState *) user;
	MemoryContext old = MemoryContextSwitchTo(st->rowcxt);
	x12_dec		diff;
	int			i = 0;

	put_int(st, i++, st->txn_no);
	put_slice(st, i++, b->st02);
	put_cstr(st, i++, level_name(b->level));
	if (b->level == X12_LEVEL_TRANSACTION)
		put_null(st, i++);
	else
		put_int(st, i++, (int64) b->claim_position);
	put_slice(st, i++, b->clp01);
	if (b->level == X12_LEVEL_LINE)
		put_int(st, i++, (int64) b->line_position);
	else
		put_null(st, i++);
	put_int(st, i++, (int64) b->segment);
	put_dec(st, i++, b->expected, true);
	put_dec(st, i++, b->actual, true);
	/* expected and actual are int64 at a common scale: this cannot overflow
	 * unless they are at opposite extremes, in which case report NULL */
	if (x12_dec_sub(b->actual, b->expected, &diff) == 0)
		put_dec(st, i++, diff, true);
	else
		put_null(st, i++);
	st->ncols = i;
	emit(st);
	MemoryContextSwitchTo(old);
	return 0;
}

/* every X12_835_PROGRESS_EVERY segments, whatever the function */
static int
cb_progress(void *user, size_t segments)
{
	CHECK_FOR_INTERRUPTS();
	return 0;
}

/* ---- driver ------------------------------------------------------------- */

static void
report_parse_error(const x12_error *err)
{
	int			sqlstate = (err->code == X12_ERR_OVERFLOW)
		? ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE
		: ERRCODE_INVALID_TEXT_REPRESENTATION;

	if (err->code == X12_ERR_ABORTED || err->code == X12_ERR_INVALID_ARG)
		elog(ERROR, "X12 835 parser failed unexpectedly: %s", err->msg);
	/* where it went wrong, in the message itself: segment number, id, element */
	if (err->segment_id[0] != '\0' && err->element > 0)
		ereport(ERROR,
				(errcode(sqlstate),
				 errmsg("invalid X12 835 document at segment %zu (%s), element %d: %s",
						err->segment, err->segment_id, err->element, err->msg)));
	else if (err->segment_id[0] != '\0')
		ereport(ERROR,
				(errcode(sqlstate),
				 errmsg("invalid X12 835 document at segment %zu (%s): %s",
						err->segment, err->segment_id, err->msg)));
	else
		ereport(ERROR,
				(errcode(sqlstate),
				 errmsg("invalid X12 835 document at segment %zu: %s",
						err->segment, err->msg)));
}

static Datum
remit_run(FunctionCallInfo fcinfo, RemitKind kind)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *doc = PG_GETARG_TEXT_PP(0);
	RemitState	st;
	x12_835_callbacks cb;
	x12_error	err;
	unsigned	flags = 0;
	int			rc;

	InitMaterializedSRF(fcinfo, 0);

	memset(&st, 0, sizeof(st));
	st.ts = rsinfo->setResult;
	st.desc = rsinfo->setDesc;
	if (st.desc->natts > REMIT_MAX_COLS)
		elog(ERROR, "revcycle: result row of %d columns is too wide", st.desc->natts);
	st.rowcxt = AllocSetContextCreate(CurrentMemoryContext,
									  "revcycle 835 row",
									  ALLOCSET_SMALL_SIZES);

	memset(&cb, 0, sizeof(cb));
	cb.on_transaction_start = cb_txn_start;
	cb.on_progress = cb_progress;
	switch (kind)
	{
		case REMIT_TRANSACTIONS:
			cb.on_transaction_end = cb_txn_end;
			break;
		case REMIT_CLAIMS:
			cb.on_claim = cb_claim;
			st.cache_txn = true;
			st.txncxt = AllocSetContextCreate(CurrentMemoryContext,
											  "revcycle 835 transaction",
											  ALLOCSET_SMALL_SIZES);
			break;
		case REMIT_LINES:
			cb.on_service_line = cb_line;
			break;
		case REMIT_ADJUSTMENTS:
			cb.on_adjustment = cb_adjustment;
			break;
		case REMIT_PROVIDER_ADJUSTMENTS:
			cb.on_provider_adjustment = cb_plb;
			break;
		case REMIT_CHECK:
			cb.on_imbalance = cb_imbalance;
			flags |= X12_835_CHECK_BALANCE;
			break;
	}

	rc = x12_835_parse(VARDATA_ANY(doc), VARSIZE_ANY_EXHDR(doc), &cb, &st,
					   flags, &err);
	if (rc != X12_OK)
		report_parse_error(&err);

	MemoryContextDelete(st.rowcxt);
	if (st.txncxt)
		MemoryContextDelete(st.txncxt);
	return (Datum) 0;
}

Datum
rc_parse_835_transactions(PG_FUNCTION_ARGS)
{
	return remit_run(fcinfo, REMIT_TRANSACTIONS);
}

Datum
rc_parse_835(PG_FUNCTION_ARGS)
{
	return remit_run(fcinfo, REMIT_CLAIMS);
}

Datum
rc_parse_835_lines(PG_FUNCTION_ARGS)
{
	return remit_run(fcinfo, REMIT_LINES);
}

Datum
rc_parse_835_adjustments(PG_FUNCTION_ARGS)
{
	return remit_run(fcinfo, REMIT_ADJUSTMENTS);
}

Datum
rc_parse_835_provider_adjustments(PG_FUNCTION_ARGS)
{
	return remit_run(fcinfo, REMIT_PROVIDER_ADJUSTMENTS);
}

Datum
rc_check_835(PG_FUNCTION_ARGS)
{
	return remit_run(fcinfo, REMIT_CHECK);
}
