/*-------------------------------------------------------------------------
 *
 * aging.c
 *	  The revcycle.aging summary type (A/R aging buckets), the ar_aging and
 *	  ar_aging_merge aggregates, their accessors and the aging_buckets SRF;
 *	  and the revcycle.ar_days summary type behind the days-in-A/R
 *	  aggregates (gross/practice basis and HFMA net basis, one pass over
 *	  ledger rows).
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

#include "ledger.h"
#include "summary_io.h"

#define RC_AGING_VERSION 1
#define RC_AGING_TYPNAME "revcycle.aging"
#define RC_AGING_MAX_BOUNDS 32

/* Binary size of one RcSum (rc_sum_send): int64, uint64, int16, int16. */
#define RC_SUM_BINARY_SIZE (8 + 8 + 2 + 2)

typedef struct RcAgingBucket
{
	int64		items;			/* rows with a positive (debit) balance */
	int64		credit_items;	/* rows with a negative (credit) balance */
	RcSum		amount;			/* sum of debit balances (> 0 or 0) */
	RcSum		credit_amount;	/* sum of credit balances (< 0 or 0) */
} RcAgingBucket;

typedef struct RcAging
{
	int32		vl_len_;
	uint8		version;
	uint8		pad[3];
	int32		nbounds;		/* buckets = nbounds + 1 */
	DateADT		as_of;
	int32		bounds[FLEXIBLE_ARRAY_MEMBER];	/* then the buckets */
} RcAging;

#define RC_AGING_BUCKETS_OFF(n) TYPEALIGN(8, offsetof(RcAging, bounds) + (n) * sizeof(int32))
#define RC_AGING_SIZE(n) (RC_AGING_BUCKETS_OFF(n) + ((n) + 1) * sizeof(RcAgingBucket))
#define RC_AGING_BUCKETS(a) ((RcAgingBucket *) ((char *) (a) + RC_AGING_BUCKETS_OFF((a)->nbounds)))

#define DatumGetRcAging(d) ((RcAging *) PG_DETOAST_DATUM(d))
#define PG_GETARG_RCAGING(n) DatumGetRcAging(PG_GETARG_DATUM(n))

static const int32 rc_aging_default_bounds[] = {30, 60, 90, 120};

/* ---------- small helpers ---------- */

static char *
rc_date_text(DateADT d)
{
	return DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(d)));
}

/*
 * A finite date in PostgreSQL's ISO form, as date_out writes it with
 * DateStyle ISO: the year in at least four digits (five or more after
 * 9999), " BC" after years before 1 AD.  Every date PostgreSQL accepts has
 * one, and rc_date_from_iso reads exactly these back.  buf holds
 * MAXDATELEN + 1 bytes.
 */
static void
rc_date_iso(DateADT d, char *buf)
{
	struct pg_tm tm;

	memset(&tm, 0, sizeof(tm));
	j2date(d + POSTGRES_EPOCH_JDATE, &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
	EncodeDateOnly(&tm, USE_ISO_DATES, buf);
}

/*
 * A finite date in the form rc_date_iso writes, and only that form
 * ("YYYY-MM-DD", "10000-01-01", "0001-01-01 BC"; no leading zeros beyond
 * four year digits), in PostgreSQL's date range; false otherwise.
 */
static bool
rc_date_from_iso(const char *s, DateADT *out)
{
	const char *p = s;
	int			ndigits = 0;
	int			y = 0;
	int			m;
	int			d;
	bool		bc = false;
	DateADT		date;
	char		canon[MAXDATELEN + 1];

	/* 8 digits are more than any valid year has: stop there */
	while (*p >= '0' && *p <= '9' && ndigits < 8)
	{
		y = y * 10 + (*p++ - '0');
		ndigits++;
	}
	if (ndigits < 4 || p[0] != '-' ||
		p[1] < '0' || p[1] > '9' || p[2] < '0' || p[2] > '9' || p[3] != '-' ||
		p[4] < '0' || p[4] > '9' || p[5] < '0' || p[5] > '9')
		return false;
	m = (p[1] - '0') * 10 + (p[2] - '0');
	d = (p[4] - '0') * 10 + (p[5] - '0');
	p += 6;
	if (strcmp(p, " BC") == 0)
		bc = true;
	else if (*p != '\0')
		return false;
	if (y < 1)
		return false;			/* there is no year 0 */
	if (bc)
		y = 1 - y;				/* 1 BC is year 0 of the proleptic calendar */
	if (m < 1 || m > 12 || d < 1 || d > day_tab[isleap(y)][m - 1] ||
		!IS_VALID_JULIAN(y, m, d))
		return false;
	date = date2j(y, m, d) - POSTGRES_EPOCH_JDATE;
	if (!IS_VALID_DATE(date))
		return false;
	/* canonical: no extra leading zeros */
	rc_date_iso(date, canon);
	if (strcmp(canon, s) != 0)
		return false;
	*out = date;
	return true;
}

static void
rc_write_date(StringInfo buf, DateADT d)
{
	char		iso[MAXDATELEN + 1];

	rc_date_iso(d, iso);
	appendStringInfoChar(buf, '"');
	appendStringInfoString(buf, iso);
	appendStringInfoChar(buf, '"');
}

static void
rc_check_as_of(DateADT as_of)
{
	if (DATE_NOT_FINITE(as_of))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				 errmsg("as_of date %s is not finite", rc_date_text(as_of))));
}

/*
 * Validate a bounds list; returns NULL if fine, else a message (used by the
 * aggregate, which raises 22023, and by the input functions).
 */
static const char *
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

static RcAging *
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

static inline bool
rc_aging_same_bounds(const RcAging *a, int n, const int32 *bounds)
{
	return a->nbounds == n && memcmp(a->bounds, bounds, n * sizeof(int32)) == 0;
}

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

/* ---------- I/O ---------- */

/*
 * {"v":1,"as_of":"2025-12-31","bounds":[30,60,90,120],
 *  "buckets":[{"items":2,"amount":150.00,"credit_items":0,"credit_amount":0},...]}
 */
PG_FUNCTION_INFO_V1(rc_aging_in);
Datum
rc_aging_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	RcReader	r;
	int32		bounds[RC_AGING_MAX_BOUNDS];
	int			n = 0;
	char	   *datestr;
	DateADT		as_of;
	RcAging    *a;
	RcAgingBucket *b;
	const char *problem;
	char		msg[128];
	int			i;

	rc_reader_init(&r, str, RC_AGING_TYPNAME);
	rc_reader_expect(&r, '{');
	rc_reader_key(&r, "v");
	if (rc_reader_int64(&r, 0, PG_INT32_MAX) != RC_AGING_VERSION)
		rc_reader_error(&r, "Unsupported format version");
	rc_reader_expect(&r, ',');
	rc_reader_key(&r, "as_of");
	datestr = rc_reader_string(&r, 16);
	if (!rc_date_from_iso(datestr, &as_of))
		rc_reader_error(&r, "Expected a finite date YYYY-MM-DD or YYYY-MM-DD BC");
	rc_reader_expect(&r, ',');
	rc_reader_key(&r, "bounds");
	rc_reader_expect(&r, '[');
	do
	{
		if (n == RC_AGING_MAX_BOUNDS)
			rc_reader_error(&r, "Too many bounds");
		bounds[n++] = (int32) rc_reader_int64(&r, PG_INT32_MIN, PG_INT32_MAX);
	} while (rc_reader_accept(&r, ','));
	rc_reader_expect(&r, ']');
	problem = rc_bounds_problem(bounds, n, msg, sizeof(msg));
	if (problem)
		rc_reader_error(&r, problem);
	a = rc_aging_new(CurrentMemoryContext, n, bounds, as_of);
	b = RC_AGING_BUCKETS(a);
	rc_reader_expect(&r, ',');
	rc_reader_key(&r, "buckets");
	rc_reader_expect(&r, '[');
	for (i = 0; i <= n; i++)
	{
		if (i > 0)
			rc_reader_expect(&r, ',');
		rc_reader_expect(&r, '{');
		rc_reader_key(&r, "items");
		b[i].items = rc_reader_int64(&r, 0, PG_INT64_MAX);
		rc_reader_expect(&r, ',');
		rc_reader_key(&r, "amount");
		rc_reader_sum(&r, &b[i].amount);
		if (rc_sum_sign(&b[i].amount) < 0)
			rc_reader_error(&r, "A debit amount must not be negative");
		if ((b[i].items == 0) != rc_sum_is_zero(&b[i].amount))
			rc_reader_error(&r, "A debit amount is non-zero exactly when it has items");
		rc_reader_expect(&r, ',');
		rc_reader_key(&r, "credit_items");
		b[i].credit_items = rc_reader_int64(&r, 0, PG_INT64_MAX);
		rc_reader_expect(&r, ',');
		rc_reader_key(&r, "credit_amount");
		rc_reader_sum(&r, &b[i].credit_amount);
		if (rc_sum_sign(&b[i].credit_amount) > 0)
			rc_reader_error(&r, "A credit amount must not be positive");
		if ((b[i].credit_items == 0) != rc_sum_is_zero(&b[i].credit_amount))
			rc_reader_error(&r, "A credit amount is non-zero exactly when it has items");
		rc_reader_expect(&r, '}');
	}
	if (rc_reader_accept(&r, ','))
		rc_reader_error(&r, "More buckets than bounds + 1");
	rc_reader_expect(&r, ']');
	rc_reader_expect(&r, '}');
	rc_reader_end(&r);
	PG_RETURN_POINTER(a);
}

PG_FUNCTION_INFO_V1(rc_aging_out);
Datum
rc_aging_out(PG_FUNCTION_ARGS)
{
	RcAging    *a = PG_GETARG_RCAGING(0);
	RcAgingBucket *b = RC_AGING_BUCKETS(a);
	StringInfoData buf;
	int			i;

	initStringInfo(&buf);
	appendStringInfo(&buf, "{\"v\":%d", RC_AGING_VERSION);
	rc_write_key(&buf, "as_of", false);
	rc_write_date(&buf, a->as_of);
	rc_write_key(&buf, "bounds", false);
	appendStringInfoChar(&buf, '[');
	for (i = 0; i < a->nbounds; i++)
		appendStringInfo(&buf, "%s%d", i ? "," : "", a->bounds[i]);
	appendStringInfoChar(&buf, ']');
	rc_write_key(&buf, "buckets", false);
	appendStringInfoChar(&buf, '[');
	for (i = 0; i <= a->nbounds; i++)
	{
		if (i > 0)
			appendStringInfoChar(&buf, ',');
		appendStringInfoChar(&buf, '{');
		rc_write_key(&buf, "items", true);
		appendStringInfo(&buf, INT64_FORMAT, b[i].items);
		rc_write_key(&buf, "amount", false);
		rc_write_sum(&buf, &b[i].amount);
		rc_write_key(&buf, "credit_items", false);
		appendStringInfo(&buf, INT64_FORMAT, b[i].credit_items);
		rc_write_key(&buf, "credit_amount", false);
		rc_write_sum(&buf, &b[i].credit_amount);
		appendStringInfoChar(&buf, '}');
	}
	appendStringInfoString(&buf, "]}");
	PG_RETURN_CSTRING(buf.data);
}

/*
 * Binary: version byte, int32 as_of, int32 nbounds, nbounds x int32,
 * then per bucket int64 items, int64 credit_items, sum, sum.
 */
PG_FUNCTION_INFO_V1(rc_aging_send);
Datum
rc_aging_send(PG_FUNCTION_ARGS)
{
	RcAging    *a = PG_GETARG_RCAGING(0);
	RcAgingBucket *b = RC_AGING_BUCKETS(a);
	StringInfoData buf;
	int			i;

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, RC_AGING_VERSION);
	pq_sendint32(&buf, a->as_of);
	pq_sendint32(&buf, a->nbounds);
	for (i = 0; i < a->nbounds; i++)
		pq_sendint32(&buf, a->bounds[i]);
	for (i = 0; i <= a->nbounds; i++)
	{
		pq_sendint64(&buf, b[i].items);
		pq_sendint64(&buf, b[i].credit_items);
		rc_sum_send(&buf, &b[i].amount);
		rc_sum_send(&buf, &b[i].credit_amount);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

PG_FUNCTION_INFO_V1(rc_aging_recv);
Datum
rc_aging_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	int32		bounds[RC_AGING_MAX_BOUNDS];
	DateADT		as_of;
	int			n;
	RcAging    *a;
	RcAgingBucket *b;
	char		msg[128];
	const char *problem;
	int			i;

	rc_recv_version(buf, RC_AGING_VERSION, RC_AGING_TYPNAME);
	if (buf->len - buf->cursor < 8)
		rc_recv_error(RC_AGING_TYPNAME, "The value is too short.");
	as_of = (DateADT) pq_getmsgint(buf, 4);
	if (DATE_NOT_FINITE(as_of) || !IS_VALID_DATE(as_of))
		rc_recv_error(RC_AGING_TYPNAME, "The as_of date is out of range.");
	n = (int) pq_getmsgint(buf, 4);
	if (n < 1 || n > RC_AGING_MAX_BOUNDS)
		rc_recv_error(RC_AGING_TYPNAME, "The number of bounds is out of range.");
	if (buf->len - buf->cursor !=
		n * 4 + (n + 1) * (8 + 8 + 2 * RC_SUM_BINARY_SIZE))
		rc_recv_error(RC_AGING_TYPNAME, "The value has the wrong length.");
	for (i = 0; i < n; i++)
		bounds[i] = (int32) pq_getmsgint(buf, 4);
	problem = rc_bounds_problem(bounds, n, msg, sizeof(msg));
	if (problem)
		rc_recv_error(RC_AGING_TYPNAME, problem);
	a = rc_aging_new(CurrentMemoryContext, n, bounds, as_of);
	b = RC_AGING_BUCKETS(a);
	for (i = 0; i <= n; i++)
	{
		b[i].items = pq_getmsgint64(buf);
		b[i].credit_items = pq_getmsgint64(buf);
		if (b[i].items < 0 || b[i].credit_items < 0)
			rc_recv_error(RC_AGING_TYPNAME, "Negative item count.");
		rc_sum_recv(buf, &b[i].amount, RC_AGING_TYPNAME);
		rc_sum_recv(buf, &b[i].credit_amount, RC_AGING_TYPNAME);
		if (rc_sum_sign(&b[i].amount) < 0 || rc_sum_sign(&b[i].credit_amount) > 0)
			rc_recv_error(RC_AGING_TYPNAME, "A debit sum is negative or a credit sum is positive.");
		if ((b[i].items == 0) != rc_sum_is_zero(&b[i].amount) ||
			(b[i].credit_items == 0) != rc_sum_is_zero(&b[i].credit_amount))
			rc_recv_error(RC_AGING_TYPNAME, "A sum does not match its item count.");
	}
	rc_recv_end(buf, RC_AGING_TYPNAME);
	PG_RETURN_POINTER(a);
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

/*
 * Add an amount to a sum.  The common case (an amount that fits in int64,
 * at the sum's scale or below it) is done inline without any chance of
 * overflow in the multiplication; everything else, including every error,
 * goes through rc_sum_add_amount.
 */
static inline void
rc_aging_add(RcSum *sum, const RcAmount *a)
{
	int			diff = sum->scale - a->scale;
	int128		v;

	if (likely(diff >= 0 && diff <= 18 &&
			   a->value >= PG_INT64_MIN && a->value <= PG_INT64_MAX))
	{
		v = diff == 0 ? a->value :
			(int128) (int64) a->value * (int128) rc_pow10_int64[diff];
		if (likely(!__builtin_add_overflow(sum->value, v, &v)))
		{
			sum->value = v;
			if (a->dscale > sum->dscale)
				sum->dscale = a->dscale;
			return;
		}
	}
	rc_sum_add_amount(sum, a);
}

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

PG_FUNCTION_INFO_V1(rc_aging_debit_total);
Datum
rc_aging_debit_total(PG_FUNCTION_ARGS)
{
	RcSum		d,
				c;

	rc_aging_totals(PG_GETARG_RCAGING(0), &d, &c);
	PG_RETURN_DATUM(rc_sum_to_numeric(&d));
}

PG_FUNCTION_INFO_V1(rc_aging_credit_total);
Datum
rc_aging_credit_total(PG_FUNCTION_ARGS)
{
	RcSum		d,
				c;

	rc_aging_totals(PG_GETARG_RCAGING(0), &d, &c);
	PG_RETURN_DATUM(rc_sum_to_numeric(&c));
}

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

PG_FUNCTION_INFO_V1(rc_aging_as_of);
Datum
rc_aging_as_of(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATEADT(PG_GETARG_RCAGING(0)->as_of);
}

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

/* ==================================================================
 * revcycle.ar_days: one-pass days-in-A/R state over ledger rows.
 * ================================================================== */

#define RC_AR_DAYS_VERSION 1
#define RC_AR_DAYS_TYPNAME "revcycle.ar_days"
#define RC_AR_DAYS_MAX_LOOKBACK 3660

typedef enum RcDaysField
{
	RC_D_AR,					/* net A/R as of as_of */
	RC_D_CHARGES,				/* gross charges in the look-back period */
	RC_D_NET_CHARGES,			/* gross charges in the trailing 3 months */
	RC_D_NET_DEDUCTIONS,		/* contractual + other deductions, same 3 months */
	RC_D_NSUMS
} RcDaysField;

static const char *const rc_days_keys[RC_D_NSUMS] = {
	"ar", "charges", "net_window_charges", "net_window_deductions"
};

typedef struct RcArDays
{
	int32		vl_len_;
	uint8		version;
	uint8		pad[3];
	DateADT		as_of;
	int32		lookback_days;
	RcSum		sums[RC_D_NSUMS];
} RcArDays;

#define RC_AR_DAYS_BINARY_SIZE (1 + 4 + 4 + RC_D_NSUMS * RC_SUM_BINARY_SIZE)

#define DatumGetRcArDays(d) ((RcArDays *) PG_DETOAST_DATUM(d))
#define PG_GETARG_RCARDAYS(n) DatumGetRcArDays(PG_GETARG_DATUM(n))

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

PG_FUNCTION_INFO_V1(rc_ar_days_ar);
Datum
rc_ar_days_ar(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(rc_sum_to_numeric(&PG_GETARG_RCARDAYS(0)->sums[RC_D_AR]));
}

PG_FUNCTION_INFO_V1(rc_ar_days_charges);
Datum
rc_ar_days_charges(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATUM(rc_sum_to_numeric(&PG_GETARG_RCARDAYS(0)->sums[RC_D_CHARGES]));
}

PG_FUNCTION_INFO_V1(rc_ar_days_npsr);
Datum
rc_ar_days_npsr(PG_FUNCTION_ARGS)
{
	RcArDays   *s = PG_GETARG_RCARDAYS(0);
	RcSum		den = s->sums[RC_D_NET_CHARGES];

	rc_sum_sub_sum(&den, &s->sums[RC_D_NET_DEDUCTIONS]);
	PG_RETURN_DATUM(rc_sum_to_numeric(&den));
}

PG_FUNCTION_INFO_V1(rc_ar_days_net_window_start);
Datum
rc_ar_days_net_window_start(PG_FUNCTION_ARGS)
{
	PG_RETURN_DATEADT(rc_net_window_start(PG_GETARG_RCARDAYS(0)->as_of));
}
