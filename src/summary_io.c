/*-------------------------------------------------------------------------
 *
 * summary_io.c
 *	  Strict reader and writer for the JSON text form of summary types, and
 *	  the shared checks of their binary form.
 *
 *-------------------------------------------------------------------------
 */
#include "compat.h"

#include "libpq/pqformat.h"
#include "utils/json.h"

#include "summary_io.h"

void
rc_reader_init(RcReader *r, const char *str, const char *typname)
{
	r->start = str;
	r->p = str;
	r->typname = typname;
}

void
rc_reader_error(RcReader *r, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_TEXT_REPRESENTATION),
			 errmsg("invalid input syntax for type %s: \"%s\"", r->typname, r->start),
			 errdetail("%s at character %d.", what, (int) (r->p - r->start) + 1)));
}

static inline void
rc_reader_skip_space(RcReader *r)
{
	while (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r')
		r->p++;
}

void
rc_reader_expect(RcReader *r, char c)
{
	char		what[32];

	rc_reader_skip_space(r);
	if (*r->p != c)
	{
		snprintf(what, sizeof(what), "Expected \"%c\"", c);
		rc_reader_error(r, what);
	}
	r->p++;
}

bool
rc_reader_accept(RcReader *r, char c)
{
	rc_reader_skip_space(r);
	if (*r->p != c)
		return false;
	r->p++;
	return true;
}

/* A JSON string; only \" and \\ escapes, no control characters. */
char *
rc_reader_string(RcReader *r, int maxlen)
{
	StringInfoData s;

	rc_reader_expect(r, '"');
	initStringInfo(&s);
	while (*r->p != '"')
	{
		if (*r->p == '\0' || (unsigned char) *r->p < 0x20)
			rc_reader_error(r, "Unterminated string");
		if (*r->p == '\\')
		{
			r->p++;
			if (*r->p != '"' && *r->p != '\\')
				rc_reader_error(r, "Unsupported escape");
		}
		appendStringInfoChar(&s, *r->p);
		r->p++;
		if (s.len > maxlen)
			rc_reader_error(r, "String too long");
	}
	r->p++;
	return s.data;
}

void
rc_reader_key(RcReader *r, const char *key)
{
	const char *at;
	char	   *got;
	char		what[96];

	rc_reader_skip_space(r);
	at = r->p;
	got = rc_reader_string(r, 64);
	if (strcmp(got, key) != 0)
	{
		r->p = at;
		snprintf(what, sizeof(what), "Expected key \"%s\"", key);
		rc_reader_error(r, what);
	}
	pfree(got);
	rc_reader_expect(r, ':');
}

/* The span of a JSON number token: [-]digits[.digits]. */
static int
rc_reader_number_span(RcReader *r)
{
	const char *q;

	rc_reader_skip_space(r);
	q = r->p;
	if (*q == '-')
		q++;
	while ((*q >= '0' && *q <= '9') || *q == '.')
		q++;
	if (q == r->p)
		rc_reader_error(r, "Expected a number");
	return (int) (q - r->p);
}

int64
rc_reader_int64(RcReader *r, int64 min, int64 max)
{
	int			len = rc_reader_number_span(r);
	int64		v = 0;
	bool		neg = false;
	int			i = 0;

	if (r->p[0] == '-')
	{
		neg = true;
		i = 1;
	}
	if (i == len)
		rc_reader_error(r, "Expected an integer");
	for (; i < len; i++)
	{
		if (r->p[i] < '0' || r->p[i] > '9')
			rc_reader_error(r, "Expected an integer");
		if (__builtin_mul_overflow(v, 10, &v) ||
			__builtin_add_overflow(v, r->p[i] - '0', &v))
			rc_reader_error(r, "Integer out of range");
	}
	if (neg)
		v = -v;
	if (v < min || v > max)
		rc_reader_error(r, "Integer out of range");
	r->p += len;
	return v;
}

void
rc_reader_sum(RcReader *r, RcSum *sum)
{
	int			len = rc_reader_number_span(r);

	if (!rc_sum_from_cstring(r->p, len, sum))
		rc_reader_error(r, "Expected an exact decimal amount");
	r->p += len;
}

void
rc_reader_end(RcReader *r)
{
	rc_reader_skip_space(r);
	if (*r->p != '\0')
		rc_reader_error(r, "Unexpected text after the value");
}

void
rc_write_key(StringInfo buf, const char *key, bool first)
{
	if (!first)
		appendStringInfoChar(buf, ',');
	escape_json(buf, key);
	appendStringInfoChar(buf, ':');
}

void
rc_write_sum(StringInfo buf, const RcSum *sum)
{
	rc_sum_to_cstring(buf, sum);
}

void
rc_recv_error(const char *typname, const char *what)
{
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
			 errmsg("invalid external \"%s\" value", typname),
			 errdetail("%s", what)));
}

void
rc_recv_version(StringInfo buf, int version, const char *typname)
{
	int			got;

	if (buf->cursor >= buf->len)
		rc_recv_error(typname, "The value is empty.");
	got = pq_getmsgbyte(buf);
	if (got != version)
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid external \"%s\" value", typname),
				 errdetail("Format version %d is not supported; this revcycle reads version %d.",
						   got, version)));
}

void
rc_recv_end(StringInfo buf, const char *typname)
{
	if (buf->cursor != buf->len)
		rc_recv_error(typname, "Unexpected bytes after the value.");
}

void
rc_count_out_of_range(const char *what, const char *typname)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("%s of %s is out of range", what, typname)));
}
