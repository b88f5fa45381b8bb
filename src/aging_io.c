/*-------------------------------------------------------------------------
 *
 * aging_io.c
 *	  Text and binary I/O of the revcycle.aging summary type.
 *
 *-------------------------------------------------------------------------
 */
#include "compat.h"

#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "aging.h"
#include "rcdate.h"
#include "summary_io.h"

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

/* Text output: the summary as a JSON object. */
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

/* Binary receive: the form rc_aging_send writes, checked. */
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
