/*
 * x12_835.c — zero-copy SAX parser for X12 835 (005010X221A1).
 *
 * Plain C99: no PostgreSQL headers, no malloc, no global mutable state,
 * no longjmp, no I/O.  See x12_835.h for the API and event order.
 *
 * One pass over the buffer: memchr() finds each segment terminator, then
 * a byte scan splits the segment into element slices kept in a fixed array on
 * the parser state (on the caller's stack).  Structural errors stop parsing.
 */
#include "x12_835.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#if defined(__GNUC__) || defined(__clang__)
#define X12_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define X12_PRINTF(a, b)
#endif

#define MAX_ELEMENTS 64			/* id + 63 elements; CAS has 19, ISA 16 */
#define MAX_SCALE 18

static const int64_t pow10_tab[MAX_SCALE + 1] = {
	1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL, 10000000LL,
	100000000LL, 1000000000LL, 10000000000LL, 100000000000LL,
	1000000000000LL, 10000000000000LL, 100000000000000LL,
	1000000000000000LL, 10000000000000000LL, 100000000000000000LL,
	1000000000000000000LL
};

/* envelope states */
enum
{
	ENV_OUTSIDE = 0,			/* expect ISA (or ST in stripped mode) */
	ENV_ISA,					/* inside ISA, expect GS / IEA */
	ENV_GS,						/* inside GS, expect ST / GE */
	ENV_ST						/* inside ST, body until SE */
};

/* body states inside ST..SE */
enum
{
	BODY_EXPECT_BPR = 0,
	BODY_HEADER,
	BODY_AFTER_LX,
	BODY_CLAIM,
	BODY_LINE,
	BODY_PLB
};

enum
{
	N1_NONE = 0,
	N1_PR,
	N1_PE,
	N1_OTHER
};

typedef struct parser
{
	const char *doc;
	size_t		len;
	const x12_835_callbacks *cb;
	void	   *user;
	unsigned	flags;
	x12_error  *err;

	char		es;				/* element separator */
	char		cs;				/* component separator */
	char		rs;				/* repetition separator (0 = none) */
	char		term;			/* segment terminator */
	int			stripped;
	size_t		progress_every; /* 0: no on_progress callback */
	size_t		progress_left;	/* segments until the next on_progress */

	/* current segment */
	size_t		segno;
	size_t		seg_off;
	const char *seg;
	size_t		seglen;
	x12_slice	el[MAX_ELEMENTS];
	int			nel;
	char		id[4];

	int			env;
	int			body;
	int			started;
	int			cur_n1;
	x12_slice	payer_ref2u;

	x12_slice	isa13;
	x12_slice	isa06;
	size_t		gs_count;
	x12_slice	gs06;
	size_t		st_count;

	x12_835_transaction t;
	int			have_claim;
	x12_835_claim c;
	int			have_line;
	x12_835_service_line l;
} parser;

/* ------------------------------------------------------------------ */
/* small helpers                                                        */
/* ------------------------------------------------------------------ */

static int
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int
is_alnum(char c)
{
	return is_digit(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* a character of a segment id: an upper-case letter or a digit */
static int
is_id_char(char c)
{
	return (c >= 'A' && c <= 'Z') || is_digit(c);
}

static int
is_ws(char c)
{
	return c == '\r' || c == '\n' || c == ' ' || c == '\t';
}

/* first CR or LF in [s, s + n), or NULL */
static const char *
find_line_break(const char *s, size_t n)
{
	const char *lf = memchr(s, '\n', n);
	const char *cr = memchr(s, '\r', lf ? (size_t) (lf - s) : n);

	return cr ? cr : lf;
}

static int
slice_eq(x12_slice s, const char *lit)
{
	size_t		n = strlen(lit);

	return s.len == n && (n == 0 || memcmp(s.ptr, lit, n) == 0);
}

static int
slice_same(x12_slice a, x12_slice b)
{
	return a.len == b.len && (a.len == 0 || memcmp(a.ptr, b.ptr, a.len) == 0);
}

static x12_slice
EL(const parser *P, int i)
{
	x12_slice	s;

	if (i < P->nel && P->el[i].len > 0)
		return P->el[i];
	s.ptr = NULL;
	s.len = 0;
	return s;
}

/* split s on sep into out[0..max); returns count */
static int
split_components(x12_slice s, char sep, x12_slice *out, int max)
{
	const char *p = s.ptr;
	const char *e = s.ptr + s.len;
	int			n = 0;
	int			i;

	for (i = 0; i < max; i++)
	{
		out[i].ptr = NULL;
		out[i].len = 0;
	}
	if (s.len == 0)
		return 0;
	while (n < max)
	{
		const char *q = memchr(p, sep, (size_t) (e - p));
		const char *end = q ? q : e;

		if (end > p)
		{
			out[n].ptr = p;
			out[n].len = (size_t) (end - p);
		}
		n++;
		if (!q)
			break;
		p = q + 1;
	}
	return n;
}

/* append value escaped (printables as-is, others \xNN), truncated */
static void
append_escaped(char *buf, size_t bufsz, const char *v, size_t vlen)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t		pos = strlen(buf);
	size_t		i;
	size_t		maxv = vlen > 48 ? 48 : vlen;

	if (pos + 3 >= bufsz)
		return;
	buf[pos++] = ' ';
	buf[pos++] = '\'';
	for (i = 0; i < maxv; i++)
	{
		unsigned char c = (unsigned char) v[i];

		if (c >= 0x20 && c < 0x7f && c != '\\' && c != '\'')
		{
			if (pos + 1 >= bufsz - 5)
				break;
			buf[pos++] = (char) c;
		}
		else
		{
			if (pos + 4 >= bufsz - 5)
				break;
			buf[pos++] = '\\';
			buf[pos++] = 'x';
			buf[pos++] = hex[c >> 4];
			buf[pos++] = hex[c & 15];
		}
	}
	if (i < vlen && pos + 3 < bufsz - 2)
	{
		buf[pos++] = '.';
		buf[pos++] = '.';
		buf[pos++] = '.';
	}
	buf[pos++] = '\'';
	buf[pos] = '\0';
}

static int	fail(parser *P, int code, int element, const char *val, size_t vlen,
				 const char *fmt,...) X12_PRINTF(6, 7);

static int
fail(parser *P, int code, int element, const char *val, size_t vlen,
	 const char *fmt,...)
{
	x12_error  *e = P->err;
	va_list		ap;

	e->code = (x12_error_code) code;
	e->segment = P->segno;
	memcpy(e->segment_id, P->id, sizeof(e->segment_id));
	e->element = element;
	e->offset = P->seg_off;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	va_end(ap);
	if (val)
		append_escaped(e->msg, sizeof(e->msg), val, vlen);
	return code;
}

static int
fail_el(parser *P, int code, int element, const char *what)
{
	x12_slice	v = EL(P, element);

	return fail(P, code, element, v.ptr ? v.ptr : "", v.len,
				"%s%02d: %s", P->id, element, what);
}

/* ------------------------------------------------------------------ */
/* public value helpers                                                 */
/* ------------------------------------------------------------------ */

int
x12_parse_decimal(const char *s, size_t len, x12_dec *out)
{
	size_t		i = 0;
	int			neg = 0;
	int			scale = 0;
	int			int_digits = 0;
	uint64_t	u = 0;

	/*
	 * The X12 decimal (R) data element, 005010 TR3 appendix B: an optional
	 * minus sign (a plus sign is never sent), digits, and a decimal point
	 * only when a fraction follows it.  Leading zeros are suppressed, so the
	 * integer part may be empty: ".52" and "-.52" are 0.52 and -0.52.
	 * Refused: "", "-", ".", "-.", "5.", "+5", "1,000", "1e3", blanks.
	 */
	if (s == NULL || len == 0)
		return -1;
	if (s[0] == '-')
	{
		neg = 1;
		i = 1;
	}
	for (; i < len && is_digit(s[i]); i++)
	{
		unsigned	d = (unsigned) (s[i] - '0');

		if (u > (uint64_t) (INT64_MAX - d) / 10)
			return -1;
		u = u * 10 + d;
		int_digits++;
	}
	if (i < len && s[i] == '.')
	{
		for (i++; i < len && is_digit(s[i]); i++)
		{
			unsigned	d = (unsigned) (s[i] - '0');

			if (u > (uint64_t) (INT64_MAX - d) / 10)
				return -1;
			u = u * 10 + d;
			if (++scale > MAX_SCALE)
				return -1;
		}
		/* a decimal point needs a digit after it: "5." and "." are refused */
		if (scale == 0)
			return -1;
	}
	else if (int_digits == 0)
		return -1;				/* "", "-", "+5", "-x" */
	if (i != len)
		return -1;
	out->units = neg ? -(int64_t) u : (int64_t) u;
	out->scale = scale;
	return 0;
}

int
x12_parse_date(const char *s, size_t len, int *y, int *m, int *d)
{
	static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int			yy, mm, dd, i, lim;

	if (s == NULL || len != 8)
		return -1;
	for (i = 0; i < 8; i++)
		if (!is_digit(s[i]))
			return -1;
	yy = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	mm = (s[4] - '0') * 10 + (s[5] - '0');
	dd = (s[6] - '0') * 10 + (s[7] - '0');
	if (yy < 1 || mm < 1 || mm > 12 || dd < 1)
		return -1;
	lim = mdays[mm - 1];
	if (mm == 2 && yy % 4 == 0 && (yy % 100 != 0 || yy % 400 == 0))
		lim = 29;
	if (dd > lim)
		return -1;
	*y = yy;
	*m = mm;
	*d = dd;
	return 0;
}

static int
dec_rescale(x12_dec a, int scale, int64_t *out)
{
	int64_t		p;

	if (a.scale < 0 || a.scale > MAX_SCALE || scale < a.scale || scale > MAX_SCALE)
		return -1;
	p = pow10_tab[scale - a.scale];
	if (a.units > INT64_MAX / p || a.units < INT64_MIN / p)
		return -1;
	*out = a.units * p;
	return 0;
}

int
x12_dec_add(x12_dec a, x12_dec b, x12_dec *out)
{
	int			sc = a.scale > b.scale ? a.scale : b.scale;
	int64_t		x, y;

	if (dec_rescale(a, sc, &x) || dec_rescale(b, sc, &y))
		return -1;
	if ((y > 0 && x > INT64_MAX - y) || (y < 0 && x < INT64_MIN - y))
		return -1;
	out->units = x + y;
	out->scale = sc;
	return 0;
}

int
x12_dec_sub(x12_dec a, x12_dec b, x12_dec *out)
{
	int			sc = a.scale > b.scale ? a.scale : b.scale;
	int64_t		x, y;

	if (dec_rescale(a, sc, &x) || dec_rescale(b, sc, &y))
		return -1;
	if ((y < 0 && x > INT64_MAX + y) || (y > 0 && x < INT64_MIN + y))
		return -1;
	out->units = x - y;
	out->scale = sc;
	return 0;
}

int
x12_dec_cmp(x12_dec a, x12_dec b, int *cmp)
{
	int			sc = a.scale > b.scale ? a.scale : b.scale;
	int64_t		x, y;

	if (dec_rescale(a, sc, &x) || dec_rescale(b, sc, &y))
		return -1;
	*cmp = x < y ? -1 : (x > y ? 1 : 0);
	return 0;
}

char *
x12_dec_format(x12_dec v, char *buf, size_t buflen)
{
	char		tmp[48];
	int			n = 0;
	uint64_t	u;
	int			neg = v.units < 0;
	int			i;
	size_t		o = 0;
	int			scale = (v.scale < 0 || v.scale > MAX_SCALE) ? 0 : v.scale;

	if (buf == NULL || buflen == 0)
		return buf;
	u = neg ? (uint64_t) 0 - (uint64_t) v.units : (uint64_t) v.units;
	do
	{
		tmp[n++] = (char) ('0' + (int) (u % 10));
		u /= 10;
	} while (u > 0);
	while (n <= scale)
		tmp[n++] = '0';
	if (neg && o + 1 < buflen)
		buf[o++] = '-';
	for (i = n - 1; i >= 0 && o + 1 < buflen; i--)
	{
		buf[o++] = tmp[i];
		if (i == scale && scale > 0 && o + 1 < buflen)
			buf[o++] = '.';
	}
	buf[o] = '\0';
	return buf;
}

const char *
x12_error_name(int code)
{
	switch (code)
	{
		case X12_OK:
			return "X12_OK";
		case X12_ERR_NOT_X12:
			return "X12_ERR_NOT_X12";
		case X12_ERR_ISA_LENGTH:
			return "X12_ERR_ISA_LENGTH";
		case X12_ERR_ENVELOPE_OPEN:
			return "X12_ERR_ENVELOPE_OPEN";
		case X12_ERR_SEGMENT_COUNT:
			return "X12_ERR_SEGMENT_COUNT";
		case X12_ERR_GROUP_COUNT:
			return "X12_ERR_GROUP_COUNT";
		case X12_ERR_INTERCHANGE_COUNT:
			return "X12_ERR_INTERCHANGE_COUNT";
		case X12_ERR_BAD_AMOUNT:
			return "X12_ERR_BAD_AMOUNT";
		case X12_ERR_BAD_DATE:
			return "X12_ERR_BAD_DATE";
		case X12_ERR_UNEXPECTED_SEGMENT:
			return "X12_ERR_UNEXPECTED_SEGMENT";
		case X12_ERR_CONTROL_MISMATCH:
			return "X12_ERR_CONTROL_MISMATCH";
		case X12_ERR_MISSING_ELEMENT:
			return "X12_ERR_MISSING_ELEMENT";
		case X12_ERR_BAD_VALUE:
			return "X12_ERR_BAD_VALUE";
		case X12_ERR_BAD_SEGMENT:
			return "X12_ERR_BAD_SEGMENT";
		case X12_ERR_LIMIT:
			return "X12_ERR_LIMIT";
		case X12_ERR_OVERFLOW:
			return "X12_ERR_OVERFLOW";
		case X12_ERR_ABORTED:
			return "X12_ERR_ABORTED";
		case X12_ERR_INVALID_ARG:
			return "X12_ERR_INVALID_ARG";
	}
	return "X12_ERR_UNKNOWN";
}

/* ------------------------------------------------------------------ */
/* element readers                                                      */
/* ------------------------------------------------------------------ */

static int
get_amount(parser *P, int i, int required, x12_amount *out)
{
	x12_slice	s = EL(P, i);

	memset(out, 0, sizeof(*out));
	out->raw = s;
	if (s.len == 0)
	{
		if (required)
			return fail_el(P, X12_ERR_MISSING_ELEMENT, i, "required amount is empty");
		return 0;
	}
	if (x12_parse_decimal(s.ptr, s.len, &out->value) != 0)
		return fail_el(P, X12_ERR_BAD_AMOUNT, i, "not a valid X12 decimal (or out of range)");
	out->present = 1;
	return 0;
}

static int
get_date(parser *P, int i, int required, x12_date *out)
{
	x12_slice	s = EL(P, i);

	memset(out, 0, sizeof(*out));
	out->raw = s;
	if (s.len == 0)
	{
		if (required)
			return fail_el(P, X12_ERR_MISSING_ELEMENT, i, "required date is empty");
		return 0;
	}
	if (x12_parse_date(s.ptr, s.len, &out->year, &out->month, &out->day) != 0)
		return fail_el(P, X12_ERR_BAD_DATE, i, "not a valid CCYYMMDD date");
	out->present = 1;
	return 0;
}

static int
require(parser *P, int i, x12_slice *out)
{
	*out = EL(P, i);
	if (out->len == 0)
		return fail_el(P, X12_ERR_MISSING_ELEMENT, i, "required element is empty");
	return 0;
}

static int
parse_count(x12_slice s, size_t *out)
{
	size_t		v = 0;
	size_t		i;

	if (s.len == 0 || s.len > 15)
		return -1;
	for (i = 0; i < s.len; i++)
	{
		if (!is_digit(s.ptr[i]))
			return -1;
		v = v * 10 + (size_t) (s.ptr[i] - '0');
	}
	*out = v;
	return 0;
}

static void
accumulate(x12_dec *sum, int *valid, x12_dec v)
{
	x12_dec		r;

	if (!*valid)
		return;
	if (sum->scale == v.scale)
	{
		/* the usual case: same scale, no rescaling */
		int64_t		x = sum->units;
		int64_t		y = v.units;

		if ((y > 0 && x > INT64_MAX - y) || (y < 0 && x < INT64_MIN - y))
			*valid = 0;
		else
			sum->units = x + y;
		return;
	}
	if (x12_dec_add(*sum, v, &r) != 0)
		*valid = 0;
	else
		*sum = r;
}

static int
callback_result(parser *P, int rc, const char *what)
{
	if (rc != 0)
		return fail(P, X12_ERR_ABORTED, 0, NULL, 0,
					"parsing aborted by %s callback (returned %d)", what, rc);
	return 0;
}

/* ------------------------------------------------------------------ */
/* balancing                                                            */
/* ------------------------------------------------------------------ */

static int
report_imbalance(parser *P, x12_835_level level, size_t claim_pos,
				 size_t line_pos, size_t segment, x12_slice clp01,
				 x12_dec charge, x12_dec adj, int sums_valid, x12_dec actual,
				 const char *what)
{
	x12_dec		expected;
	int			cmp;
	x12_835_imbalance b;

	if (!sums_valid || x12_dec_sub(charge, adj, &expected) != 0 ||
		x12_dec_cmp(expected, actual, &cmp) != 0)
		return fail(P, X12_ERR_OVERFLOW, 0, NULL, 0,
					"%s balance arithmetic overflows int64", what);
	if (cmp == 0)
		return 0;
	if (P->cb == NULL || P->cb->on_imbalance == NULL)
		return 0;
	memset(&b, 0, sizeof(b));
	b.txn = &P->t;
	b.level = level;
	b.st02 = P->t.st02;
	b.clp01 = clp01;
	b.claim_position = claim_pos;
	b.line_position = line_pos;
	b.segment = segment;
	b.expected = expected;
	b.actual = actual;
	return callback_result(P, P->cb->on_imbalance(P->user, &b), "on_imbalance");
}

/* ------------------------------------------------------------------ */
/* loop finalisation                                                    */
/* ------------------------------------------------------------------ */

static int
finish_line(parser *P)
{
	int			rc;

	if (!P->have_line)
		return 0;
	P->have_line = 0;
	if (P->cb && P->cb->on_service_line)
	{
		rc = callback_result(P, P->cb->on_service_line(P->user, &P->l), "on_service_line");
		if (rc)
			return rc;
	}
	if (P->flags & X12_835_CHECK_BALANCE)
		return report_imbalance(P, X12_LEVEL_LINE, P->l.claim_position,
								P->l.position, P->l.segment, P->l.clp01,
								P->l.charge.value, P->l.adjustments,
								P->l.sums_valid, P->l.paid.value, "service line");
	return 0;
}

static int
finish_claim(parser *P)
{
	int			rc;
	x12_dec		adj;

	if ((rc = finish_line(P)) != 0)
		return rc;
	if (!P->have_claim)
		return 0;
	P->have_claim = 0;
	if (P->cb && P->cb->on_claim)
	{
		rc = callback_result(P, P->cb->on_claim(P->user, &P->c), "on_claim");
		if (rc)
			return rc;
	}
	if (P->flags & X12_835_CHECK_BALANCE)
	{
		int			ok = P->c.sums_valid &&
			x12_dec_add(P->c.claim_adjustments, P->c.line_adjustments, &adj) == 0;

		if (!ok)
			adj.units = 0, adj.scale = 0;
		return report_imbalance(P, X12_LEVEL_CLAIM, P->c.position, 0,
								P->c.segment, P->c.clp01, P->c.clp03.value, adj,
								ok, P->c.clp04.value, "claim");
	}
	return 0;
}

static int
start_transaction(parser *P)
{
	if (P->started)
		return 0;
	P->started = 1;
	if (P->t.payer_id.len == 0)
		P->t.payer_id = P->payer_ref2u;
	if (P->cb && P->cb->on_transaction_start)
		return callback_result(P, P->cb->on_transaction_start(P->user, &P->t),
							   "on_transaction_start");
	return 0;
}

/* ------------------------------------------------------------------ */
/* segment handlers                                                     */
/* ------------------------------------------------------------------ */

#define K3(a, b, c) (((unsigned) (unsigned char) (a) << 16) | \
					 ((unsigned) (unsigned char) (b) << 8) | (unsigned) (unsigned char) (c))

static int
handle_clp(parser *P)
{
	x12_835_claim *c = &P->c;
	int			rc;

	memset(c, 0, sizeof(*c));
	c->txn = &P->t;
	c->segment = P->segno;
	c->position = ++P->t.claim_count;
	c->sums_valid = 1;
	if ((rc = require(P, 1, &c->clp01)) != 0 ||
		(rc = require(P, 2, &c->clp02)) != 0 ||
		(rc = get_amount(P, 3, 1, &c->clp03)) != 0 ||
		(rc = get_amount(P, 4, 1, &c->clp04)) != 0 ||
		(rc = get_amount(P, 5, 0, &c->clp05)) != 0)
		return rc;
	c->clp06 = EL(P, 6);
	c->clp07 = EL(P, 7);
	c->clp08 = EL(P, 8);
	c->clp09 = EL(P, 9);
	c->is_reversal = slice_eq(c->clp02, "22");
	accumulate(&P->t.sum_clp04, &P->t.sums_valid, c->clp04.value);
	P->have_claim = 1;
	P->body = BODY_CLAIM;
	return 0;
}

static int
handle_svc(parser *P)
{
	x12_835_service_line *l = &P->l;
	x12_slice	comp[8];
	int			n, i, rc;

	memset(l, 0, sizeof(*l));
	l->txn = &P->t;
	l->clp01 = P->c.clp01;
	l->claim_position = P->c.position;
	l->position = ++P->c.line_count;
	l->segment = P->segno;
	l->sums_valid = 1;
	P->t.line_count++;
	if ((rc = require(P, 1, &l->svc01)) != 0)
		return rc;
	n = split_components(l->svc01, P->cs, comp, 8);
	(void) n;
	l->qualifier = comp[0];
	l->code = comp[1];
	if (l->qualifier.len == 0 || l->code.len == 0)
		return fail(P, X12_ERR_MISSING_ELEMENT, 1, l->svc01.ptr, l->svc01.len,
					"SVC01: composite needs a qualifier and a procedure code "
					"separated by the component separator '%c' (ISA16%s)",
					P->cs, P->stripped ? ", default of envelope-stripped text" : "");
	for (i = 0; i < 4; i++)
	{
		l->modifiers[i] = comp[2 + i];
		if (comp[2 + i].len > 0)
			l->modifier_count = i + 1;
	}
	if ((rc = get_amount(P, 2, 1, &l->charge)) != 0 ||
		(rc = get_amount(P, 3, 1, &l->paid)) != 0 ||
		(rc = get_amount(P, 5, 0, &l->units)) != 0)
		return rc;
	/* SVC07 is seldom sent: *l is zeroed above, so read it only when there */
	if (P->nel > 7 && (rc = get_amount(P, 7, 0, &l->original_units)) != 0)
		return rc;
	l->revenue_code = EL(P, 4);
	l->original_svc01 = EL(P, 6);
	P->have_line = 1;
	P->body = BODY_LINE;
	return 0;
}

static int
handle_cas(parser *P)
{
	x12_835_adjustment a;
	x12_slice	group;
	int			line = (P->body == BODY_LINE);
	int			i, rc, found = 0;

	if (P->nel > 20)
		return fail(P, X12_ERR_BAD_SEGMENT, 20, NULL, 0,
					"CAS has %d elements, at most 19 allowed", P->nel - 1);
	if ((rc = require(P, 1, &group)) != 0)
		return rc;
	if (!(slice_eq(group, "CO") || slice_eq(group, "PR") || slice_eq(group, "OA") ||
		  slice_eq(group, "PI") || slice_eq(group, "CR")))
		return fail_el(P, X12_ERR_BAD_VALUE, 1, "unknown claim adjustment group code");
	for (i = 0; i < 6; i++)
	{
		int			base = 2 + 3 * i;
		x12_slice	r = EL(P, base);
		x12_slice	am = EL(P, base + 1);
		x12_slice	q = EL(P, base + 2);

		if (r.len == 0 && am.len == 0 && q.len == 0)
			continue;
		memset(&a, 0, sizeof(a));
		if (r.len == 0)
			return fail_el(P, X12_ERR_MISSING_ELEMENT, base, "adjustment reason code is empty");
		if ((rc = get_amount(P, base + 1, 1, &a.amount)) != 0 ||
			(rc = get_amount(P, base + 2, 0, &a.quantity)) != 0)
			return rc;
		found++;
		a.txn = &P->t;
		a.level = line ? X12_LEVEL_LINE : X12_LEVEL_CLAIM;
		a.clp01 = P->c.clp01;
		a.claim_position = P->c.position;
		a.line_position = line ? P->l.position : 0;
		a.segment = P->segno;
		a.triplet = i + 1;
		a.group_code = group;
		a.reason_code = r;
		P->c.adjustment_count++;
		if (line)
		{
			accumulate(&P->l.adjustments, &P->l.sums_valid, a.amount.value);
			accumulate(&P->c.line_adjustments, &P->c.sums_valid, a.amount.value);
		}
		else
			accumulate(&P->c.claim_adjustments, &P->c.sums_valid, a.amount.value);
		if (P->cb && P->cb->on_adjustment &&
			(rc = callback_result(P, P->cb->on_adjustment(P->user, &a), "on_adjustment")) != 0)
			return rc;
	}
	if (!found)
		return fail_el(P, X12_ERR_MISSING_ELEMENT, 2, "CAS has no reason/amount triplet");
	return 0;
}

static int
handle_plb(parser *P)
{
	x12_835_provider_adjustment p;
	x12_slice	comp[2];
	int			i, rc, found = 0;

	if (P->nel > 15)
		return fail(P, X12_ERR_BAD_SEGMENT, 15, NULL, 0,
					"PLB has %d elements, at most 14 allowed", P->nel - 1);
	memset(&p, 0, sizeof(p));
	p.txn = &P->t;
	p.segment = P->segno;
	if ((rc = require(P, 1, &p.provider_id)) != 0 ||
		(rc = get_date(P, 2, 1, &p.fiscal_period)) != 0)
		return rc;
	for (i = 0; i < 6; i++)
	{
		int			base = 3 + 2 * i;
		x12_slice	cm = EL(P, base);
		x12_slice	am = EL(P, base + 1);

		if (cm.len == 0 && am.len == 0)
			continue;
		if (cm.len == 0)
			return fail_el(P, X12_ERR_MISSING_ELEMENT, base, "adjustment identifier is empty");
		if ((rc = get_amount(P, base + 1, 1, &p.amount)) != 0)
			return rc;
		split_components(cm, P->cs, comp, 2);
		if (comp[0].len == 0)
			return fail_el(P, X12_ERR_MISSING_ELEMENT, base, "adjustment reason code is empty");
		found++;
		p.pair = i + 1;
		p.composite = cm;
		p.reason_code = comp[0];
		p.reference = comp[1];
		P->t.plb_pair_count++;
		accumulate(&P->t.sum_plb, &P->t.sums_valid, p.amount.value);
		if (P->cb && P->cb->on_provider_adjustment &&
			(rc = callback_result(P, P->cb->on_provider_adjustment(P->user, &p),
								  "on_provider_adjustment")) != 0)
			return rc;
	}
	if (!found)
		return fail_el(P, X12_ERR_MISSING_ELEMENT, 3, "PLB has no adjustment pair");
	return 0;
}

static int
handle_dtm(parser *P)
{
	x12_slice	q = EL(P, 1);
	x12_date	d;
	int			rc;

	if ((rc = get_date(P, 2, 1, &d)) != 0)
		return rc;
	switch (P->body)
	{
		case BODY_HEADER:
			if (slice_eq(q, "405"))
				P->t.production_date = d;
			break;
		case BODY_CLAIM:
			if (slice_eq(q, "232"))
				P->c.statement_from = d;
			else if (slice_eq(q, "233"))
				P->c.statement_to = d;
			else if (slice_eq(q, "050"))
				P->c.received = d;
			break;
		case BODY_LINE:
			if (slice_eq(q, "472"))
				P->l.service_date = d;
			else if (slice_eq(q, "150"))
				P->l.service_from = d;
			else if (slice_eq(q, "151"))
				P->l.service_to = d;
			break;
		default:
			break;
	}
	return 0;
}

static int
unexpected(parser *P, const char *where)
{
	return fail(P, X12_ERR_UNEXPECTED_SEGMENT, 0, NULL, 0,
				"segment %s not allowed %s", P->id, where);
}

/* a segment inside ST..SE other than SE / envelope segments */
static int
handle_body(parser *P, unsigned key)
{
	int			rc;

	if (P->body == BODY_EXPECT_BPR)
	{
		x12_slice	s;

		if (key != K3('B', 'P', 'R'))
			return unexpected(P, "here: BPR must follow ST");
		if ((rc = require(P, 1, &s)) != 0 ||
			(rc = get_amount(P, 2, 1, &P->t.bpr02)) != 0 ||
			(rc = get_date(P, 16, 0, &P->t.bpr16)) != 0)
			return rc;
		P->t.bpr01 = s;
		P->t.bpr03 = EL(P, 3);
		P->t.bpr04 = EL(P, 4);
		P->body = BODY_HEADER;
		return 0;
	}
	if (P->body == BODY_PLB)
	{
		if (key == K3('P', 'L', 'B'))
			return handle_plb(P);
		return unexpected(P, "after PLB (only PLB or SE may follow)");
	}

	switch (key)
	{
		case K3('B', 'P', 'R'):
			return unexpected(P, "twice in one transaction");
		case K3('C', 'L', 'P'):
			if (P->body == BODY_HEADER && (rc = start_transaction(P)) != 0)
				return rc;
			if ((rc = finish_claim(P)) != 0)
				return rc;
			return handle_clp(P);
		case K3('L', 'X', 0):
			if (P->body == BODY_HEADER && (rc = start_transaction(P)) != 0)
				return rc;
			if ((rc = finish_claim(P)) != 0)
				return rc;
			P->body = BODY_AFTER_LX;
			return 0;
		case K3('T', 'S', '3'):
		case K3('T', 'S', '2'):
			if (P->body != BODY_AFTER_LX)
				return unexpected(P, "outside the LX header loop");
			return 0;
		case K3('P', 'L', 'B'):
			if (P->body == BODY_HEADER && (rc = start_transaction(P)) != 0)
				return rc;
			if ((rc = finish_claim(P)) != 0)
				return rc;
			P->body = BODY_PLB;
			return handle_plb(P);
		case K3('S', 'V', 'C'):
			if (P->body != BODY_CLAIM && P->body != BODY_LINE)
				return unexpected(P, "outside a claim (CLP)");
			if ((rc = finish_line(P)) != 0)
				return rc;
			return handle_svc(P);
		case K3('C', 'A', 'S'):
			if (P->body != BODY_CLAIM && P->body != BODY_LINE)
				return unexpected(P, "outside a claim (CLP)");
			return handle_cas(P);
		case K3('L', 'Q', 0):
			if (P->body != BODY_LINE)
				return unexpected(P, "outside a service line (SVC)");
			if (slice_eq(EL(P, 1), "HE"))
			{
				x12_slice	s;

				if ((rc = require(P, 2, &s)) != 0)
					return rc;
				if (P->l.remark_count >= X12_835_MAX_REMARKS)
					return fail(P, X12_ERR_LIMIT, 2, s.ptr, s.len,
								"more than %d LQ*HE remark codes on one line",
								X12_835_MAX_REMARKS);
				P->l.remarks[P->l.remark_count++] = s;
			}
			return 0;
		case K3('D', 'T', 'M'):
			return handle_dtm(P);
		case K3('T', 'R', 'N'):
			if (P->body == BODY_HEADER)
			{
				P->t.trn02 = EL(P, 2);
				P->t.trn03 = EL(P, 3);
			}
			return 0;
		case K3('N', '1', 0):
			if (P->body == BODY_HEADER)
			{
				x12_slice	q = EL(P, 1);

				if (slice_eq(q, "PR"))
				{
					P->cur_n1 = N1_PR;
					P->t.payer_name = EL(P, 2);
					P->t.payer_id = EL(P, 4);
				}
				else if (slice_eq(q, "PE"))
				{
					P->cur_n1 = N1_PE;
					P->t.payee_name = EL(P, 2);
					P->t.payee_id_qualifier = EL(P, 3);
					P->t.payee_id = EL(P, 4);
				}
				else
					P->cur_n1 = N1_OTHER;
			}
			return 0;
		case K3('R', 'E', 'F'):
			if (P->body == BODY_HEADER && P->cur_n1 == N1_PR &&
				slice_eq(EL(P, 1), "2U"))
				P->payer_ref2u = EL(P, 2);
			else if (P->body == BODY_LINE && slice_eq(EL(P, 1), "6R"))
				P->l.line_control = EL(P, 2);
			else if (P->body == BODY_CLAIM)
			{
				x12_slice	q = EL(P, 1);

				if (slice_eq(q, "F8"))
					P->c.original_reference = EL(P, 2);
				else if (slice_eq(q, "1L"))
					P->c.group_number = EL(P, 2);
				else if (slice_eq(q, "CE"))
					P->c.contract_class = EL(P, 2);
			}
			return 0;
		case K3('A', 'M', 'T'):
			if (P->body == BODY_LINE && slice_eq(EL(P, 1), "B6"))
				return get_amount(P, 2, 1, &P->l.allowed);
			if (P->body == BODY_CLAIM)
			{
				x12_slice	q = EL(P, 1);

				if (slice_eq(q, "AU"))
					return get_amount(P, 2, 1, &P->c.coverage_amount);
				if (slice_eq(q, "I"))
					return get_amount(P, 2, 1, &P->c.interest_amount);
				if (slice_eq(q, "D8"))
					return get_amount(P, 2, 1, &P->c.discount_amount);
			}
			return 0;
		case K3('N', 'M', '1'):
			if (P->body == BODY_CLAIM)
			{
				x12_slice	q = EL(P, 1);

				if (slice_eq(q, "QC"))
				{
					P->c.patient_id_qualifier = EL(P, 8);
					P->c.patient_id = EL(P, 9);
				}
				else if (slice_eq(q, "IL"))
				{
					P->c.insured_id_qualifier = EL(P, 8);
					P->c.insured_id = EL(P, 9);
				}
			}
			return 0;
		case K3('M', 'I', 'A'):
		case K3('M', 'O', 'A'):
			if (P->body == BODY_CLAIM && P->nel > 1)
			{
				/* the elements as sent, from MIA01/MOA01 to the end */
				x12_slice	v;

				v.ptr = P->el[1].ptr;
				v.len = P->seglen - (size_t) (P->el[1].ptr - P->seg);
				if (key == K3('M', 'I', 'A'))
					P->c.mia = v;
				else
					P->c.moa = v;
			}
			return 0;
		case K3('C', 'U', 'R'):
			if (P->body == BODY_HEADER && slice_eq(EL(P, 1), "PR"))
			{
				x12_slice	c;

				if ((rc = require(P, 2, &c)) != 0)
					return rc;
				if (c.len != 3 || !is_alnum(c.ptr[0]) || !is_alnum(c.ptr[1]) ||
					!is_alnum(c.ptr[2]))
					return fail_el(P, X12_ERR_BAD_VALUE, 2,
								   "not an ISO 4217 currency code");
				P->t.currency = c;
			}
			return 0;
		default:
			/* other well-formed segments (NM1, MIA, MOA, PER, N3, N4, QTY,
			 * RDM, CUR, ...) carry nothing we report; they still count */
			return 0;
	}
}

static int
handle_st(parser *P)
{
	x12_slice	st02;
	int			rc;

	if (!slice_eq(EL(P, 1), "835"))
		return fail_el(P, X12_ERR_BAD_VALUE, 1, "transaction set is not an 835");
	if ((rc = require(P, 2, &st02)) != 0)
		return rc;
	memset(&P->t, 0, sizeof(P->t));
	P->t.element_sep = P->es;
	P->t.component_sep = P->cs;
	P->t.repetition_sep = P->rs;
	P->t.segment_term = P->term;
	P->t.envelope_stripped = P->stripped;
	P->t.isa13 = P->isa13;
	P->t.isa06 = P->isa06;
	P->t.gs06 = P->gs06;
	P->t.st02 = st02;
	P->t.st_segment = P->segno;
	P->t.sums_valid = 1;
	P->have_claim = 0;
	P->have_line = 0;
	P->started = 0;
	P->cur_n1 = N1_NONE;
	P->payer_ref2u.ptr = NULL;
	P->payer_ref2u.len = 0;
	P->body = BODY_EXPECT_BPR;
	P->st_count++;
	P->env = ENV_ST;
	return 0;
}

static int
handle_se(parser *P)
{
	size_t		n;
	int			rc;

	if (P->body == BODY_EXPECT_BPR)
		return unexpected(P, "here: BPR must follow ST");
	if ((rc = start_transaction(P)) != 0 || (rc = finish_claim(P)) != 0)
		return rc;
	P->t.segment_count = P->segno - P->t.st_segment + 1;
	if (parse_count(EL(P, 1), &n) != 0)
		return fail_el(P, X12_ERR_SEGMENT_COUNT, 1, "segment count is not numeric");
	if (n != P->t.segment_count)
		return fail(P, X12_ERR_SEGMENT_COUNT, 1, EL(P, 1).ptr, EL(P, 1).len,
					"SE01: transaction has %lu segments, SE01 says",
					(unsigned long) P->t.segment_count);
	if (!slice_same(EL(P, 2), P->t.st02))
		return fail_el(P, X12_ERR_CONTROL_MISMATCH, 2, "does not match ST02");
	if (P->flags & X12_835_CHECK_BALANCE)
	{
		x12_slice	none = {NULL, 0};

		if ((rc = report_imbalance(P, X12_LEVEL_TRANSACTION, 0, 0, P->segno, none,
								   P->t.sum_clp04, P->t.sum_plb, P->t.sums_valid,
								   P->t.bpr02.value, "transaction")) != 0)
			return rc;
	}
	if (P->cb && P->cb->on_transaction_end &&
		(rc = callback_result(P, P->cb->on_transaction_end(P->user, &P->t),
							  "on_transaction_end")) != 0)
		return rc;
	P->env = P->stripped ? ENV_OUTSIDE : ENV_GS;
	return 0;
}

/* the ISA at doc[pos]; fixed width, defines delimiters */
static int
handle_isa(parser *P, size_t pos)
{
	static const int seppos[16] = {3, 6, 17, 20, 31, 34, 50, 53, 69, 76, 81, 83,
	89, 99, 101, 103};
	const char *s = P->doc + pos;
	size_t		avail = P->len - pos;
	size_t		lim = avail < 106 ? avail : 106;
	char		es, cs, term, rs;
	size_t		i;
	int			k = 0;

	memcpy(P->id, "ISA", 4);
	P->seg_off = pos;
	if (avail < 4)
		return fail(P, X12_ERR_ISA_LENGTH, 0, s, avail,
					"ISA truncated: %lu of 106 characters", (unsigned long) avail);
	{
		const char *b = find_line_break(s, lim);

		/*
		 * A line break is allowed after the terminator only.  One inside
		 * the first 105 characters that does not follow a character that
		 * could be a terminator (a short ISA ends in its terminator) comes
		 * from wrapping the file at a fixed width.
		 */
		if (b != NULL && (size_t) (b - s) < 105 && b - s > 3 &&
			(is_alnum(b[-1]) || b[-1] == ' ' || b[-1] == s[3]))
			return fail(P, X12_ERR_ISA_LENGTH, 0, s, (size_t) (b - s) + 1,
						"ISA holds a line break after %lu characters: the file looks wrapped "
						"at a fixed width inside segments (X12 allows line breaks only after "
						"a segment terminator); unwrap it",
						(unsigned long) (b - s));
	}
	es = s[3];
	for (i = 3; i < lim && k < 16; i++)
	{
		if (s[i] != es)
			continue;
		if ((int) i != seppos[k])
			return fail(P, X12_ERR_ISA_LENGTH, k, s, lim,
						"ISA%02d has width %d, expected %d (ISA must be 106 characters)",
						k, (int) i - seppos[k - 1] - 1, seppos[k] - seppos[k - 1] - 1);
		k++;
	}
	if (k < 16 || avail < 106)
		return fail(P, X12_ERR_ISA_LENGTH, k, s, lim,
					"ISA truncated or ISA%02d too wide (ISA must be 106 characters)",
					k ? k : 1);
	cs = s[104];
	term = s[105];
	rs = s[82];
	if (is_alnum(es) || is_alnum(cs) || is_alnum(term) || es == cs || es == term ||
		cs == term || es == ' ' || term == ' ')
		return fail(P, X12_ERR_ISA_LENGTH, 16, s, 106,
					"ISA16 / segment terminator invalid (ISA must be 106 characters "
					"ending in component separator and terminator)");
	if (is_alnum(rs) || rs == ' ')
		rs = 0;
	else if (rs == es || rs == cs || rs == term)
		return fail(P, X12_ERR_ISA_LENGTH, 11, s + 82, 1,
					"ISA11 repetition separator collides with another delimiter");
	P->es = es;
	P->cs = cs;
	P->term = term;
	P->rs = rs;
	P->isa13.ptr = s + 90;
	P->isa13.len = 9;
	P->isa06.ptr = s + 35;
	P->isa06.len = 15;
	while (P->isa06.len > 0 && P->isa06.ptr[P->isa06.len - 1] == ' ')
		P->isa06.len--;
	P->gs_count = 0;
	P->env = ENV_ISA;
	return 0;
}

/*
 * A segment id is 2 or 3 upper-case letters or digits.  The message quotes
 * the id whole (a four-letter id too), then the segment; a line break in
 * it means the file was wrapped at a fixed width inside segments.
 */
static int
bad_segment_id(parser *P, const char *s, size_t idlen)
{
	char		msg[160];
	size_t		i;

	/* the id for the error's segment_id: printables as-is, others '?' */
	memset(P->id, 0, sizeof(P->id));
	for (i = 0; i < idlen && i < 3; i++)
		P->id[i] = (s[i] >= 0x21 && s[i] < 0x7f) ? s[i] : '?';
	snprintf(msg, sizeof msg, "malformed segment id (2 or 3 upper-case letters or digits expected):");
	append_escaped(msg, sizeof msg, s, idlen);
	strncat(msg, " in", sizeof msg - strlen(msg) - 1);
	return fail(P, X12_ERR_BAD_SEGMENT, 0, s, P->seglen, "%s", msg);
}

static int
envelope_open(parser *P, const char *missing, const char *what)
{
	return fail(P, X12_ERR_ENVELOPE_OPEN, 0, NULL, 0,
				"envelope left open: %s found while %s is still open (missing %s)",
				P->id, what, missing);
}

static int
process_segment(parser *P)
{
	const char *s = P->seg;
	const char *e = s + P->seglen;
	const char *p = s;
	unsigned	key;
	const char	es = P->es;
	size_t		idlen, n;
	int			nel;
	int			rc;

	/* split elements */
	for (nel = 0;; nel++)
	{
		/*
		 * Elements are short (a few bytes): a plain scan beats a memchr()
		 * call per element.
		 */
		const char *q = p;

		while (q < e && *q != es)
			q++;
		if (nel == MAX_ELEMENTS)
		{
			P->nel = nel;
			memset(P->id, 0, sizeof(P->id));
			memcpy(P->id, s, P->el[0].len < 3 ? P->el[0].len : 3);
			return fail(P, X12_ERR_BAD_SEGMENT, 0, NULL, 0,
						"segment has more than %d elements", MAX_ELEMENTS - 1);
		}
		P->el[nel].ptr = p;
		P->el[nel].len = (size_t) (q - p);
		if (q == e)
			break;
		p = q + 1;
	}
	P->nel = nel + 1;
	idlen = P->el[0].len;
	if (idlen < 2 || idlen > 3 || !is_id_char(s[0]) || !is_id_char(s[1]) ||
		(idlen == 3 && !is_id_char(s[2])))
		return bad_segment_id(P, s, idlen);
	P->id[0] = s[0];
	P->id[1] = s[1];
	P->id[2] = idlen == 3 ? s[2] : '\0';
	P->id[3] = '\0';
	key = K3(s[0], s[1], P->id[2]);

	switch (P->env)
	{
		case ENV_OUTSIDE:
			if (P->stripped && key == K3('S', 'T', 0))
				return handle_st(P);
			return unexpected(P, P->stripped ? "here: expected ST" :
							  "here: expected ISA");
		case ENV_ISA:
			if (key == K3('G', 'S', 0))
			{
				x12_slice	g;

				if ((rc = require(P, 6, &g)) != 0)
					return rc;
				P->gs06 = g;
				P->st_count = 0;
				P->gs_count++;
				P->env = ENV_GS;
				return 0;
			}
			if (key == K3('I', 'E', 'A'))
			{
				if (parse_count(EL(P, 1), &n) != 0)
					return fail_el(P, X12_ERR_INTERCHANGE_COUNT, 1, "group count is not numeric");
				if (n != P->gs_count)
					return fail(P, X12_ERR_INTERCHANGE_COUNT, 1, EL(P, 1).ptr, EL(P, 1).len,
								"IEA01: interchange has %lu groups, IEA01 says",
								(unsigned long) P->gs_count);
				if (!slice_same(EL(P, 2), P->isa13))
					return fail_el(P, X12_ERR_CONTROL_MISMATCH, 2, "does not match ISA13");
				P->env = ENV_OUTSIDE;
				return 0;
			}
			if (key == K3('T', 'A', '1'))
				return 0;
			if (key == K3('I', 'S', 'A'))
				return envelope_open(P, "IEA", "an interchange (ISA)");
			return unexpected(P, "here: expected GS or IEA");
		case ENV_GS:
			if (key == K3('S', 'T', 0))
				return handle_st(P);
			if (key == K3('G', 'E', 0))
			{
				if (parse_count(EL(P, 1), &n) != 0)
					return fail_el(P, X12_ERR_GROUP_COUNT, 1, "transaction count is not numeric");
				if (n != P->st_count)
					return fail(P, X12_ERR_GROUP_COUNT, 1, EL(P, 1).ptr, EL(P, 1).len,
								"GE01: group has %lu transactions, GE01 says",
								(unsigned long) P->st_count);
				if (!slice_same(EL(P, 2), P->gs06))
					return fail_el(P, X12_ERR_CONTROL_MISMATCH, 2, "does not match GS06");
				P->env = ENV_ISA;
				return 0;
			}
			if (key == K3('I', 'S', 'A') || key == K3('I', 'E', 'A') ||
				key == K3('G', 'S', 0))
				return envelope_open(P, "GE", "a functional group (GS)");
			return unexpected(P, "here: expected ST or GE");
		case ENV_ST:
		default:
			if (key == K3('S', 'E', 0))
				return handle_se(P);
			if (key == K3('S', 'T', 0) || key == K3('G', 'S', 0) ||
				key == K3('G', 'E', 0) || key == K3('I', 'S', 'A') ||
				key == K3('I', 'E', 'A'))
				return envelope_open(P, "SE", "a transaction (ST)");
			return handle_body(P, key);
	}
}

static size_t
skip_ws(const char *d, size_t pos, size_t len)
{
	while (pos < len && is_ws(d[pos]))
		pos++;
	return pos;
}

/* only DOS end-of-file marks (Ctrl-Z), NULs and blanks from pos to len */
static int
only_eof_padding(const char *d, size_t pos, size_t len)
{
	for (; pos < len; pos++)
		if (d[pos] != 0x1A && d[pos] != '\0' && !is_ws(d[pos]))
			return 0;
	return 1;
}

/*
 * After an error in a segment: when the segment holds a line break (and
 * the terminator is not one), say that the file looks wrapped at a fixed
 * width, the usual cause.
 */
static void
hint_wrapped(parser *P)
{
	const char *b;
	char		hint[160];
	size_t		n;

	if (P->term == '\n' || P->term == '\r' || P->seg == NULL)
		return;
	b = find_line_break(P->seg, P->seglen);
	if (b == NULL)
		return;
	snprintf(hint, sizeof hint,
			 "; the segment holds a line break at byte %lu of the file: "
			 "the file looks wrapped at a fixed width inside segments",
			 (unsigned long) (b - P->doc));
	n = strlen(P->err->msg);
	if (n + 1 < sizeof(P->err->msg))
		strncat(P->err->msg, hint, sizeof(P->err->msg) - n - 1);
}

static int
run(parser *P)
{
	const char *d = P->doc;
	size_t		len = P->len;
	size_t		pos = 0;
	int			rc;

	if (len >= 3 && (unsigned char) d[0] == 0xEF && (unsigned char) d[1] == 0xBB &&
		(unsigned char) d[2] == 0xBF)
		pos = 3;				/* UTF-8 BOM */
	pos = skip_ws(d, pos, len);
	if (pos + 4 <= len && memcmp(d + pos, "ISA", 3) == 0 && !is_alnum(d[pos + 3]))
		P->stripped = 0;
	else if (pos + 7 <= len && memcmp(d + pos, "ST*835*", 7) == 0)
	{
		P->stripped = 1;
		P->es = '*';
		P->term = '~';
		P->cs = ':';
		P->rs = '^';
	}
	else
	{
		size_t		n = len - pos;

		P->segno = 1;
		P->seg_off = pos;
		return fail(P, X12_ERR_NOT_X12, 0, d + pos, n > 24 ? 24 : n,
					"document starts with neither ISA nor ST*835:");
	}

	while (pos < len)
	{
		const char *q;
		size_t		end, next;

		if (P->env == ENV_OUTSIDE && only_eof_padding(d, pos, len))
			break;				/* a trailing Ctrl-Z (DOS end of file) or NULs */
		P->segno++;
		if (P->progress_left && --P->progress_left == 0)
		{
			P->progress_left = P->progress_every;
			if ((rc = callback_result(P, P->cb->on_progress(P->user, P->segno),
									  "on_progress")) != 0)
				return rc;
		}
		if (!P->stripped && P->env == ENV_OUTSIDE &&
			len - pos >= 3 && memcmp(d + pos, "ISA", 3) == 0)
		{
			if ((rc = handle_isa(P, pos)) != 0)
				return rc;
			pos = skip_ws(d, pos + 106, len);
			continue;
		}
		q = memchr(d + pos, P->term, len - pos);
		if (q)
		{
			end = (size_t) (q - d);
			next = end + 1;
		}
		else
		{
			/* missing final terminator: accept, trimming trailing CR/LF */
			end = len;
			while (end > pos && is_ws(d[end - 1]))
				end--;
			next = len;
		}
		P->seg_off = pos;
		P->seg = d + pos;
		P->seglen = end - pos;
		if (!P->stripped && P->env == ENV_OUTSIDE)
		{
			size_t		n = len - pos;

			memset(P->id, 0, sizeof(P->id));
			return fail(P, X12_ERR_UNEXPECTED_SEGMENT, 0, d + pos, n > 24 ? 24 : n,
						"%lu bytes after the end of the interchange (IEA) are neither an ISA "
						"nor end-of-file padding (Ctrl-Z):", (unsigned long) n);
		}
		if ((rc = process_segment(P)) != 0)
		{
			hint_wrapped(P);
			return rc;
		}
		pos = skip_ws(d, next, len);
	}

	/* end of input: every envelope must be closed */
	P->segno++;
	P->seg_off = len;
	P->nel = 0;
	switch (P->env)
	{
		case ENV_ST:
			memcpy(P->id, "SE", 3);
			return fail(P, X12_ERR_ENVELOPE_OPEN, 0, NULL, 0,
						"envelope left open: end of input inside transaction (missing SE)");
		case ENV_GS:
			memcpy(P->id, "GE", 3);
			return fail(P, X12_ERR_ENVELOPE_OPEN, 0, NULL, 0,
						"envelope left open: end of input inside group (missing GE)");
		case ENV_ISA:
			memcpy(P->id, "IEA", 4);
			return fail(P, X12_ERR_ENVELOPE_OPEN, 0, NULL, 0,
						"envelope left open: end of input inside interchange (missing IEA)");
		default:
			break;
	}
	return 0;
}

int
x12_835_parse(const char *doc, size_t len, const x12_835_callbacks *cb,
			  void *user, unsigned flags, x12_error *err)
{
	x12_error	local;
	parser		P;
	int			rc;

	if (err == NULL)
		err = &local;
	memset(err, 0, sizeof(*err));
	if (doc == NULL && len > 0)
	{
		err->code = X12_ERR_INVALID_ARG;
		snprintf(err->msg, sizeof(err->msg), "NULL document with non-zero length");
		return X12_ERR_INVALID_ARG;
	}
	memset(&P, 0, sizeof(P));
	P.doc = doc ? doc : "";
	P.len = len;
	P.cb = cb;
	P.user = user;
	P.flags = flags;
	P.err = err;
	if (cb && cb->on_progress)
	{
		P.progress_every = cb->progress_every ? cb->progress_every : X12_835_PROGRESS_EVERY;
		P.progress_left = P.progress_every;
	}
	rc = run(&P);
	if (rc == 0)
		memset(err, 0, sizeof(*err));
	return rc;
}

int
x12_835_check(const char *doc, size_t len, const x12_835_callbacks *cb,
			  void *user, x12_error *err)
{
	return x12_835_parse(doc, len, cb, user, X12_835_CHECK_BALANCE, err);
}
