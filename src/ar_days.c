/*-------------------------------------------------------------------------
 *
 * ar_days.c
 *	  The revcycle.ar_days summary type behind the days-in-A/R aggregates
 *	  (gross/practice basis and HFMA net basis, one pass over ledger rows),
 *	  its text and binary I/O, combine function and accessors.
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
#include "ar_days.h"
#include "ledger.h"
#include "rcdate.h"
#include "summary_io.h"

static const char *const rc_days_keys[RC_D_NSUMS] = {
	"ar", "charges", "net_window_charges", "net_window_deductions"
};

/* First day of the trailing three calendar months ending on as_of. */
static DateADT
rc_net_window_start(DateADT as_of)
{
	int			y,
				m,
				d;

	j2date(as_of + 1 + POSTGRES_EPOCH_JDATE, &y, &m, &d);
	m -= 3;
	if (m < 1)
	{
		m += 12;
		y--;
	}
	if (d > day_tab[isleap(y)][m - 1])
		d = day_tab[isleap(y)][m - 1];
	return date2j(y, m, d) - POSTGRES_EPOCH_JDATE;
}

/* Raise 22023 unless lookback_days is in 1 .. RC_AR_DAYS_MAX_LOOKBACK. */
static void
rc_check_lookback(int32 lookback)
{
	if (lookback < 1 || lookback > RC_AR_DAYS_MAX_LOOKBACK)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("look-back period of %d days is out of range", lookback),
				 errhint("Use 90 (default), 180 or 365 days; 1 to %d are accepted.",
						 RC_AR_DAYS_MAX_LOOKBACK)));
}

/*
 * check_lookback_days(int): the look-back check of the days-in-A/R
 * aggregates, for SQL functions that take a look-back too.  NULL and out of
 * range raise 22023; otherwise the value is returned.
 */
PG_FUNCTION_INFO_V1(rc_check_lookback_days);
Datum
rc_check_lookback_days(PG_FUNCTION_ARGS)
{
	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("look-back period must not be NULL")));
	rc_check_lookback(PG_GETARG_INT32(0));
	PG_RETURN_INT32(PG_GETARG_INT32(0));
}

/* A zeroed ar_days state, allocated in ctx. */
static RcArDays *
rc_ar_days_new(MemoryContext ctx, DateADT as_of, int32 lookback)
{
	RcArDays   *s = MemoryContextAllocZero(ctx, sizeof(RcArDays));

	SET_VARSIZE(s, sizeof(RcArDays));
	s->version = RC_AR_DAYS_VERSION;
	s->as_of = as_of;
	s->lookback_days = lookback;
	return s;
}

/* Text input: the JSON object rc_ar_days_out writes. */
PG_FUNCTION_INFO_V1(rc_ar_days_in);
Datum
rc_ar_days_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	RcReader	r;
	char	   *datestr;
	DateADT		as_of;
	int32		lookback;
	RcArDays   *s;
	int			i;

	rc_reader_init(&r, str, RC_AR_DAYS_TYPNAME);
	rc_reader_expect(&r, '{');
	rc_reader_key(&r, "v");
	if (rc_reader_int64(&r, 0, PG_INT32_MAX) != RC_AR_DAYS_VERSION)
		rc_reader_error(&r, "Unsupported format version");
	rc_reader_expect(&r, ',');
	rc_reader_key(&r, "as_of");
	datestr = rc_reader_string(&r, 16);
	if (!rc_date_from_iso(datestr, &as_of))
		rc_reader_error(&r, "Expected a finite date YYYY-MM-DD or YYYY-MM-DD BC");
	rc_reader_expect(&r, ',');
	rc_reader_key(&r, "lookback_days");
	lookback = (int32) rc_reader_int64(&r, 1, RC_AR_DAYS_MAX_LOOKBACK);
	s = rc_ar_days_new(CurrentMemoryContext, as_of, lookback);
	for (i = 0; i < RC_D_NSUMS; i++)
	{
		rc_reader_expect(&r, ',');
		rc_reader_key(&r, rc_days_keys[i]);
		rc_reader_sum(&r, &s->sums[i]);
	}
	rc_reader_expect(&r, '}');
	rc_reader_end(&r);
	PG_RETURN_POINTER(s);
}

/* Text output: the state as a JSON object. */
PG_FUNCTION_INFO_V1(rc_ar_days_out);
Datum
rc_ar_days_out(PG_FUNCTION_ARGS)
{
	RcArDays   *s = PG_GETARG_RCARDAYS(0);
	StringInfoData buf;
	int			i;

	initStringInfo(&buf);
	appendStringInfo(&buf, "{\"v\":%d", RC_AR_DAYS_VERSION);
	rc_write_key(&buf, "as_of", false);
	rc_write_date(&buf, s->as_of);
	rc_write_key(&buf, "lookback_days", false);
	appendStringInfo(&buf, "%d", s->lookback_days);
	for (i = 0; i < RC_D_NSUMS; i++)
	{
		rc_write_key(&buf, rc_days_keys[i], false);
		rc_write_sum(&buf, &s->sums[i]);
	}
	appendStringInfoChar(&buf, '}');
	PG_RETURN_CSTRING(buf.data);
}

/* Binary send: version byte, as_of, lookback_days, the sums. */
PG_FUNCTION_INFO_V1(rc_ar_days_send);
Datum
rc_ar_days_send(PG_FUNCTION_ARGS)
{
	RcArDays   *s = PG_GETARG_RCARDAYS(0);
	StringInfoData buf;
	int			i;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, RC_AR_DAYS_VERSION);
	pq_sendint32(&buf, s->as_of);
	pq_sendint32(&buf, s->lookback_days);
	for (i = 0; i < RC_D_NSUMS; i++)
		rc_sum_send(&buf, &s->sums[i]);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Binary receive: the form rc_ar_days_send writes, checked. */
PG_FUNCTION_INFO_V1(rc_ar_days_recv);
Datum
rc_ar_days_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	RcArDays   *s;
	DateADT		as_of;
	int32		lookback;
	int			i;

	rc_recv_version(buf, RC_AR_DAYS_VERSION, RC_AR_DAYS_TYPNAME);
	if (buf->len - buf->cursor != RC_AR_DAYS_BINARY_SIZE - 1)
		rc_recv_error(RC_AR_DAYS_TYPNAME, "The value has the wrong length.");
	as_of = (DateADT) pq_getmsgint(buf, 4);
	if (DATE_NOT_FINITE(as_of) || !IS_VALID_DATE(as_of))
		rc_recv_error(RC_AR_DAYS_TYPNAME, "The as_of date is out of range.");
	lookback = (int32) pq_getmsgint(buf, 4);
	if (lookback < 1 || lookback > RC_AR_DAYS_MAX_LOOKBACK)
		rc_recv_error(RC_AR_DAYS_TYPNAME, "The look-back period is out of range.");
	s = rc_ar_days_new(CurrentMemoryContext, as_of, lookback);
	for (i = 0; i < RC_D_NSUMS; i++)
		rc_sum_recv(buf, &s->sums[i], RC_AR_DAYS_TYPNAME);
	rc_recv_end(buf, RC_AR_DAYS_TYPNAME);
	PG_RETURN_POINTER(s);
}

/*
 * Ledger kinds: the role of each kind in net patient service revenue (the
 * A/R sign is rc_txn_ar_sign).  The map is built once per call site.
 */
#define RC_ROLE_NONE 0
#define RC_ROLE_CHARGE 1
#define RC_ROLE_DEDUCTION 2

static const int8 rc_days_role[RC_TXN_NKINDS] = {
	RC_ROLE_CHARGE,				/* charge */
	RC_ROLE_NONE,				/* payment */
	RC_ROLE_NONE,				/* refund */
	RC_ROLE_DEDUCTION,			/* contractual_adjustment */
	RC_ROLE_DEDUCTION,			/* administrative_adjustment */
	RC_ROLE_DEDUCTION,			/* small_balance_writeoff */
	RC_ROLE_DEDUCTION,			/* denial_writeoff */
	RC_ROLE_DEDUCTION,			/* bad_debt */
	RC_ROLE_DEDUCTION,			/* charity */
	RC_ROLE_NONE				/* transfer */
};

typedef struct RcDaysKindMap
{
	RcKindMap	kinds;
	/* state of the current group's date windows, cached per call */
	DateADT		as_of;
	DateADT		net_start;
} RcDaysKindMap;

/* The per-call-site kind map and date-window cache. */
static RcDaysKindMap *
rc_days_kind_map(FunctionCallInfo fcinfo)
{
	RcDaysKindMap *m = (RcDaysKindMap *) fcinfo->flinfo->fn_extra;

	if (m == NULL)
	{
		m = MemoryContextAllocZero(fcinfo->flinfo->fn_mcxt, sizeof(RcDaysKindMap));
		rc_kind_map_init(&m->kinds, fcinfo, 1);
		m->as_of = DATEVAL_NOBEGIN;
		fcinfo->flinfo->fn_extra = m;
	}
	return m;
}

/*
 * ar_days_agg(kind, amount, posted_date, as_of [, lookback_days])
 * Arguments: 0 state, 1 kind, 2 amount, 3 posted_date, 4 as_of, 5 lookback.
 */
PG_FUNCTION_INFO_V1(rc_ar_days_trans);
Datum
rc_ar_days_trans(PG_FUNCTION_ARGS)
{
	MemoryContext aggctx;
	RcDaysKindMap *m;
	RcArDays   *s;
	DateADT		as_of;
	DateADT		posted;
	int32		lookback = 90;
	RcTxnKind	kind;
	int			role;
	RcAmount	amt;

	if (PG_ARGISNULL(4))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("as_of date of days in A/R must not be NULL")));
	as_of = PG_GETARG_DATEADT(4);
	if (PG_NARGS() > 5)
	{
		if (PG_ARGISNULL(5))
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("look-back period of days in A/R must not be NULL")));
		lookback = PG_GETARG_INT32(5);
	}
	m = rc_days_kind_map(fcinfo);

	if (!AggCheckCallContext(fcinfo, &aggctx))
		aggctx = CurrentMemoryContext;
	else if (!PG_ARGISNULL(0))
	{
		s = (RcArDays *) PG_GETARG_POINTER(0);
		goto have_state;
	}
	if (PG_ARGISNULL(0))
	{
		rc_check_as_of(as_of);
		rc_check_lookback(lookback);
		s = rc_ar_days_new(aggctx, as_of, lookback);
	}
	else
	{
		s = MemoryContextAlloc(aggctx, sizeof(RcArDays));
		memcpy(s, PG_GETARG_RCARDAYS(0), sizeof(RcArDays));
	}

have_state:
	if (s->as_of != as_of)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("as_of date %s differs from %s of an earlier row in the same group",
						rc_date_text(as_of), rc_date_text(s->as_of)),
				 errhint("Days in A/R is taken at one date; group by the as_of date.")));
	if (s->lookback_days != lookback)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("look-back period %d differs from %d of an earlier row in the same group",
						lookback, s->lookback_days)));

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2) || PG_ARGISNULL(3))
		PG_RETURN_POINTER(s);
	posted = PG_GETARG_DATEADT(3);
	if (posted > as_of)
		PG_RETURN_POINTER(s);
	kind = rc_kind_lookup(&m->kinds, PG_GETARG_OID(1));
	role = rc_days_role[kind];
	if (m->as_of != as_of)
	{
		m->as_of = as_of;
		m->net_start = rc_net_window_start(as_of);
	}
	rc_amount_decode_fast(PG_GETARG_DATUM(2), &amt);
	if (rc_txn_ar_sign[kind] < 0)
		amt.value = -amt.value;
	rc_aging_add(&s->sums[RC_D_AR], &amt);
	if (role == RC_ROLE_NONE || posted < m->net_start)
	{
		if (role == RC_ROLE_CHARGE && (int64) posted > (int64) as_of - lookback)
			rc_aging_add(&s->sums[RC_D_CHARGES], &amt);
		PG_RETURN_POINTER(s);
	}
	if (role == RC_ROLE_CHARGE)
	{
		rc_aging_add(&s->sums[RC_D_NET_CHARGES], &amt);
		if ((int64) posted > (int64) as_of - lookback)
			rc_aging_add(&s->sums[RC_D_CHARGES], &amt);
	}
	else
	{
		/* a deduction: stored positive (natural direction) */
		amt.value = -amt.value;
		rc_aging_add(&s->sums[RC_D_NET_DEDUCTIONS], &amt);
	}
	PG_RETURN_POINTER(s);
}

/* Combine two states of the same as_of and look-back. */
PG_FUNCTION_INFO_V1(rc_ar_days_combine);
Datum
rc_ar_days_combine(PG_FUNCTION_ARGS)
{
	MemoryContext aggctx;
	RcArDays   *s;
	RcArDays   *src;
	int			i;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	src = PG_GETARG_RCARDAYS(1);
	if (!AggCheckCallContext(fcinfo, &aggctx))
		aggctx = CurrentMemoryContext;
	if (AggCheckCallContext(fcinfo, NULL) && !PG_ARGISNULL(0))
		s = (RcArDays *) PG_GETARG_POINTER(0);
	else
	{
		s = MemoryContextAlloc(aggctx, sizeof(RcArDays));
		memcpy(s, PG_ARGISNULL(0) ? src : PG_GETARG_RCARDAYS(0), sizeof(RcArDays));
		if (PG_ARGISNULL(0))
			PG_RETURN_POINTER(s);
	}
	if (s->as_of != src->as_of || s->lookback_days != src->lookback_days)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("cannot merge days-in-A/R summaries of different dates or look-back periods (%s, %d days and %s, %d days)",
						rc_date_text(s->as_of), s->lookback_days,
						rc_date_text(src->as_of), src->lookback_days)));
	for (i = 0; i < RC_D_NSUMS; i++)
		rc_sum_add_sum(&s->sums[i], &src->sums[i]);
	PG_RETURN_POINTER(s);
}

/* Multiply an exact sum by a small positive integer. */
static void
rc_sum_mul_int(RcSum *sum, int32 k)
{
	if (__builtin_mul_overflow(sum->value, (int128) k, &sum->value))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("days in A/R is out of range")));
}

/* Gross basis: A/R x lookback_days / gross charges in the look-back. */
PG_FUNCTION_INFO_V1(rc_ar_days_gross);
Datum
rc_ar_days_gross(PG_FUNCTION_ARGS)
{
	RcArDays   *s = PG_GETARG_RCARDAYS(0);
	RcSum		num = s->sums[RC_D_AR];

	if (rc_sum_is_zero(&s->sums[RC_D_CHARGES]))
		PG_RETURN_NULL();
	rc_sum_mul_int(&num, s->lookback_days);
	PG_RETURN_DATUM(rc_sum_div(&num, &s->sums[RC_D_CHARGES]));
}

/* Net basis (HFMA): A/R x window days / net patient service revenue. */
PG_FUNCTION_INFO_V1(rc_ar_days_net);
Datum
rc_ar_days_net(PG_FUNCTION_ARGS)
{
	RcArDays   *s = PG_GETARG_RCARDAYS(0);
	RcSum		num = s->sums[RC_D_AR];
	RcSum		den = s->sums[RC_D_NET_CHARGES];
	int32		days = s->as_of - rc_net_window_start(s->as_of) + 1;

	rc_sum_sub_sum(&den, &s->sums[RC_D_NET_DEDUCTIONS]);
	if (rc_sum_is_zero(&den))
		PG_RETURN_NULL();
	rc_sum_mul_int(&num, days);
	PG_RETURN_DATUM(rc_sum_div(&num, &den));
}

/* Net A/R as of as_of. */
PG_FUNCTION_INFO_V1(rc_ar_days_ar);
Datum
rc_ar_days_ar(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(rc_sum_to_numeric(&PG_GETARG_RCARDAYS(0)->sums[RC_D_AR]));
}

/* Gross charges in the look-back period. */
PG_FUNCTION_INFO_V1(rc_ar_days_charges);
Datum
rc_ar_days_charges(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(rc_sum_to_numeric(&PG_GETARG_RCARDAYS(0)->sums[RC_D_CHARGES]));
}

/* Net patient service revenue: net-window charges less deductions. */
PG_FUNCTION_INFO_V1(rc_ar_days_npsr);
Datum
rc_ar_days_npsr(PG_FUNCTION_ARGS)
{
	RcArDays   *s = PG_GETARG_RCARDAYS(0);
	RcSum		den = s->sums[RC_D_NET_CHARGES];

	rc_sum_sub_sum(&den, &s->sums[RC_D_NET_DEDUCTIONS]);
	PG_RETURN_DATUM(rc_sum_to_numeric(&den));
}

/* First day of the net basis's three-month window. */
PG_FUNCTION_INFO_V1(rc_ar_days_net_window_start);
Datum
rc_ar_days_net_window_start(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATEADT(rc_net_window_start(PG_GETARG_RCARDAYS(0)->as_of));
}
