/*-------------------------------------------------------------------------
 *
 * denials_io.c
 *	  Text and binary I/O of the revcycle.denials summary type.
 *
 * The text form lists the entries sorted (canonical), so equal summaries
 * print equally whatever the hash table's layout; input and receive
 * rebuild the hash table.
 *
 *-------------------------------------------------------------------------
 */
#include "compat.h"

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "utils/builtins.h"

#include "denials.h"
#include "summary_io.h"

/* ---------- I/O ---------- */

/* s[0..len) as a JSON string. */
static void
rc_write_json_string(StringInfo buf, const char *s, int len)
{
	int			i;

	appendStringInfoChar(buf, '"');
	for (i = 0; i < len; i++)
	{
		if (s[i] == '"' || s[i] == '\\')
			appendStringInfoChar(buf, '\\');
		appendStringInfoChar(buf, s[i]);
	}
	appendStringInfoChar(buf, '"');
}

/*
 * Text form:
 * {"v":1,"codes":[{"code":"CO-16","n":2,"amount":30.00},...],
 *  "invalid":[{"raw":"XX-","n":1,"amount":5.00},...]}
 * codes sorted by (group, CARC) with bare CARCs last, invalid by raw bytes.
 */
PG_FUNCTION_INFO_V1(rc_denials_out);
Datum
rc_denials_out(PG_FUNCTION_ARGS)
{
	RcDenials  *d = PG_GETARG_RCDENIALS(0);
	RcDenialEntry **v = rc_denials_sorted(d);
	StringInfoData buf;
	uint32		i;
	bool		first = true;
	bool		in_invalid = false;
	char		code[8];

	initStringInfo(&buf);
	appendStringInfo(&buf, "{\"v\":%d,\"codes\":[", RC_DENIALS_VERSION);
	for (i = 0; i < d->nentries; i++)
	{
		RcDenialEntry *e = v[i];

		if ((e->key & RC_KEY_INVALID) && !in_invalid)
		{
			appendStringInfoString(&buf, "],\"invalid\":[");
			in_invalid = true;
			first = true;
		}
		if (!first)
			appendStringInfoChar(&buf, ',');
		first = false;
		appendStringInfoChar(&buf, '{');
		if (in_invalid)
		{
			rc_write_key(&buf, "raw", true);
			rc_write_json_string(&buf, e->raw, e->rawlen);
		}
		else
		{
			int			len = rc_key_format(e->key, code);

			rc_write_key(&buf, "code", true);
			rc_write_json_string(&buf, code, len);
		}
		rc_write_key(&buf, "n", false);
		appendStringInfo(&buf, INT64_FORMAT, e->count);
		rc_write_key(&buf, "amount", false);
		rc_write_sum(&buf, &e->sum);
		appendStringInfoChar(&buf, '}');
	}
	if (!in_invalid)
		appendStringInfoString(&buf, "],\"invalid\":[");
	appendStringInfoString(&buf, "]}");
	PG_RETURN_CSTRING(buf.data);
}

/* A summary holding the given entries, indexed. */
static RcDenials *
rc_denials_from_list(RcDenialEntry *list, uint32 n)
{
	RcDenials  *d = rc_denials_new(CurrentMemoryContext, rc_capacity_for(n));

	memcpy(RC_DENIALS_ENTRIES(d), list, (Size) n * sizeof(RcDenialEntry));
	d->nentries = n;
	rc_denials_index(d);
	return d;
}

/* Text input: the JSON object rc_denials_out writes, strictly. */
PG_FUNCTION_INFO_V1(rc_denials_in);
Datum
rc_denials_in(PG_FUNCTION_ARGS)
{
	char	   *str = PG_GETARG_CSTRING(0);
	RcReader	r;
	RcDenialEntry *list;
	uint32		n = 0;
	uint32		cap = 16;
	int			pass;

	list = palloc0(sizeof(RcDenialEntry) * cap);
	rc_reader_init(&r, str, RC_DENIALS_TYPNAME);
	rc_reader_expect(&r, '{');
	rc_reader_key(&r, "v");
	if (rc_reader_int64(&r, 0, PG_INT32_MAX) != RC_DENIALS_VERSION)
		rc_reader_error(&r, "Unsupported format version");
	for (pass = 0; pass < 2; pass++)
	{
		bool		invalid = (pass == 1);
		uint32		first = n;

		rc_reader_expect(&r, ',');
		rc_reader_key(&r, invalid ? "invalid" : "codes");
		rc_reader_expect(&r, '[');
		if (rc_reader_accept(&r, ']'))
			continue;
		do
		{
			RcDenialEntry *e;
			char	   *s;
			int			len;

			if (n == cap)
			{
				if (cap >= RC_MAX_ENTRIES(RC_MAX_CAPACITY))
					rc_reader_error(&r, "Too many codes");
				cap *= 2;
				list = repalloc(list, sizeof(RcDenialEntry) * cap);
			}
			e = &list[n];
			memset(e, 0, sizeof(RcDenialEntry));
			rc_reader_expect(&r, '{');
			if (invalid)
			{
				int			group;
				int			i;

				rc_reader_key(&r, "raw");
				s = rc_reader_string(&r, RC_RAW_MAX);
				len = strlen(s);
				for (i = 0; i < len; i++)
					if ((unsigned char) s[i] < 0x20 || s[i] == 0x7F)
						rc_reader_error(&r, "Control character in a raw code");
				if (pg_mbcliplen(s, len, RC_RAW_MAX) != len ||
					(len > 0 && (rc_is_blank(s[0]) || rc_is_blank(s[len - 1]))))
					rc_reader_error(&r, "Raw code is not as stored");
				if (rc_parse_combined(s, len, &group) != 0)
					rc_reader_error(&r, "Raw code is a well-formed code");
				memcpy(e->raw, s, len);
				e->rawlen = (uint8) len;
				e->key = RC_KEY_INVALID |
					(hash_bytes((const unsigned char *) s, len) & 0x7FFFFFFFU);
			}
			else
			{
				char		canon[8];
				int			group;
				uint32		carc;

				rc_reader_key(&r, "code");
				s = rc_reader_string(&r, 8);
				len = strlen(s);
				carc = rc_parse_combined(s, len, &group);
				if (carc == 0)
					rc_reader_error(&r, "Malformed code");
				e->key = rc_make_key(group, carc);
				rc_key_format(e->key, canon);
				if (strcmp(canon, s) != 0)
					rc_reader_error(&r, "Code not in canonical form");
			}
			pfree(s);
			rc_reader_expect(&r, ',');
			rc_reader_key(&r, "n");
			e->count = rc_reader_int64(&r, 1, PG_INT64_MAX);
			rc_reader_expect(&r, ',');
			rc_reader_key(&r, "amount");
			rc_reader_sum(&r, &e->sum);
			rc_reader_expect(&r, '}');
			if (n > first)
			{
				RcDenialEntry *pe = &list[n - 1];

				if (rc_entry_cmp(&pe, &e) >= 0)
					rc_reader_error(&r, "Codes out of order or repeated");
			}
			n++;
		} while (rc_reader_accept(&r, ','));
		rc_reader_expect(&r, ']');
	}
	rc_reader_expect(&r, '}');
	rc_reader_end(&r);
	PG_RETURN_POINTER(rc_denials_from_list(list, n));
}

/*
 * Binary form: version byte; int32 number of valid codes, each uint32 key,
 * int64 count, sum; int32 number of malformed codes, each uint8 length,
 * raw bytes, int64 count, sum.  Sorted as in the text form.
 */
PG_FUNCTION_INFO_V1(rc_denials_send);
Datum
rc_denials_send(PG_FUNCTION_ARGS)
{
	RcDenials  *d = PG_GETARG_RCDENIALS(0);
	RcDenialEntry **v = rc_denials_sorted(d);
	StringInfoData buf;
	uint32		i;
	uint32		nvalid = 0;

	while (nvalid < d->nentries && !(v[nvalid]->key & RC_KEY_INVALID))
		nvalid++;
	pq_begintypsend(&buf);
	pq_sendbyte(&buf, RC_DENIALS_VERSION);
	pq_sendint32(&buf, nvalid);
	for (i = 0; i < nvalid; i++)
	{
		pq_sendint32(&buf, v[i]->key);
		pq_sendint64(&buf, v[i]->count);
		rc_sum_send(&buf, &v[i]->sum);
	}
	pq_sendint32(&buf, d->nentries - nvalid);
	for (i = nvalid; i < d->nentries; i++)
	{
		pq_sendbyte(&buf, v[i]->rawlen);
		pq_sendbytes(&buf, v[i]->raw, v[i]->rawlen);
		pq_sendint64(&buf, v[i]->count);
		rc_sum_send(&buf, &v[i]->sum);
	}
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* Raise unless the buffer holds at least bytes more bytes. */
static inline void
rc_recv_need(StringInfo buf, int bytes)
{
	if (buf->len - buf->cursor < bytes)
		rc_recv_error(RC_DENIALS_TYPNAME, "The value is truncated.");
}

/* Binary receive: the form rc_denials_send writes, checked. */
PG_FUNCTION_INFO_V1(rc_denials_recv);
Datum
rc_denials_recv(PG_FUNCTION_ARGS)
{
	StringInfo	buf = (StringInfo) PG_GETARG_POINTER(0);
	RcDenialEntry *list;
	int32		nvalid;
	int32		ninvalid;
	uint32		n = 0;
	int			i;

	rc_recv_version(buf, RC_DENIALS_VERSION, RC_DENIALS_TYPNAME);
	rc_recv_need(buf, 4);
	nvalid = (int32) pq_getmsgint(buf, 4);
	/* each valid entry takes 32 bytes: bound the count before allocating */
	if (nvalid < 0 || nvalid > (buf->len - buf->cursor) / 32)
		rc_recv_error(RC_DENIALS_TYPNAME, "Code count out of range.");
	list = palloc0(sizeof(RcDenialEntry) * (nvalid + 1));
	for (i = 0; i < nvalid; i++)
	{
		RcDenialEntry *e = &list[n];
		uint32		key;
		int			g;
		uint32		carc;
		int			group;
		char		canon[8];

		rc_recv_need(buf, 4 + 8 + RC_SUM_BINARY_SIZE);
		key = (uint32) pq_getmsgint(buf, 4);
		g = RC_KEY_GROUP(key);
		carc = RC_KEY_CARC(key);
		if ((key & ~0x07FFFFFFU) != 0 || g < 1 || g > RC_G_UNKNOWN || carc == 0)
			rc_recv_error(RC_DENIALS_TYPNAME, "Malformed code key.");
		rc_carc_format(key, canon);
		if (rc_carc_bits(canon, strlen(canon)) != carc ||
			(g == RC_G_UNKNOWN && rc_parse_combined(canon, strlen(canon), &group) != carc) ||
			(g == RC_G_UNKNOWN && group != RC_G_UNKNOWN))
			rc_recv_error(RC_DENIALS_TYPNAME, "Malformed code key.");
		if (n > 0 && list[n - 1].key >= key)
			rc_recv_error(RC_DENIALS_TYPNAME, "Codes out of order or repeated.");
		e->key = key;
		e->count = pq_getmsgint64(buf);
		if (e->count < 1)
			rc_recv_error(RC_DENIALS_TYPNAME, "Adjustment count out of range.");
		rc_sum_recv(buf, &e->sum, RC_DENIALS_TYPNAME);
		n++;
	}
	rc_recv_need(buf, 4);
	ninvalid = (int32) pq_getmsgint(buf, 4);
	/* each malformed entry takes at least 29 bytes */
	if (ninvalid < 0 || ninvalid > (buf->len - buf->cursor) / 29)
		rc_recv_error(RC_DENIALS_TYPNAME, "Invalid code count out of range.");
	list = repalloc(list, sizeof(RcDenialEntry) * (n + ninvalid + 1));
	for (i = 0; i < ninvalid; i++)
	{
		RcDenialEntry *e = &list[n];
		int			len;
		int			j;

		memset(e, 0, sizeof(RcDenialEntry));
		rc_recv_need(buf, 1);
		len = pq_getmsgbyte(buf);
		if (len > RC_RAW_MAX)
			rc_recv_error(RC_DENIALS_TYPNAME, "Raw code too long.");
		rc_recv_need(buf, len + 8 + RC_SUM_BINARY_SIZE);
		pq_copymsgbytes(buf, e->raw, len);
		e->rawlen = (uint8) len;
		for (j = 0; j < len; j++)
			if ((unsigned char) e->raw[j] < 0x20 || e->raw[j] == 0x7F)
				rc_recv_error(RC_DENIALS_TYPNAME, "Control character in a raw code.");
		if (!pg_verify_mbstr(GetDatabaseEncoding(), e->raw, len, true))
			rc_recv_error(RC_DENIALS_TYPNAME, "Raw code is not valid in the database encoding.");
		if (!rc_raw_is_storable(e->raw, len))
			rc_recv_error(RC_DENIALS_TYPNAME, "Raw code is not as stored.");
		e->key = RC_KEY_INVALID |
			(hash_bytes((const unsigned char *) e->raw, len) & 0x7FFFFFFFU);
		if (i > 0)
		{
			RcDenialEntry *pe = &list[n - 1];

			if (rc_entry_cmp(&pe, &e) >= 0)
				rc_recv_error(RC_DENIALS_TYPNAME, "Codes out of order or repeated.");
		}
		e->count = pq_getmsgint64(buf);
		if (e->count < 1)
			rc_recv_error(RC_DENIALS_TYPNAME, "Adjustment count out of range.");
		rc_sum_recv(buf, &e->sum, RC_DENIALS_TYPNAME);
		n++;
	}
	rc_recv_end(buf, RC_DENIALS_TYPNAME);
	PG_RETURN_POINTER(rc_denials_from_list(list, n));
}
