/*-------------------------------------------------------------------------
 *
 * denials.c
 *	  The revcycle.denials summary type: per (group code, reason code) the
 *	  number of remittance adjustments and their exact dollar sum, the
 *	  denial_summary / denial_merge aggregates, and the denial_codes /
 *	  denial_root_causes functions that attach root-cause categories.
 *
 * The summary is the aggregates' state itself (a plain varlena).  Inside it
 * sits a small open-addressing hash table keyed by an integer that packs
 * the group code and the CARC, so that one input row costs a parse of a
 * few characters, one hash probe and one exact addition.  The table grows
 * by doubling; a state that did not grow is returned as the same pointer,
 * so the executor does not copy it.  Codes that are malformed are never
 * dropped: they are kept, with their raw text (up to 16 bytes), in entries
 * of their own and reported under the category "invalid code".
 *
 * The text form lists the entries sorted (canonical), so equal summaries
 * print equally whatever the hash table's layout; input and receive
 * rebuild the hash table.
 *
 * Categories are not part of the summary: denial_codes and
 * denial_root_causes read the merged reference view
 * (revcycle.carc_category) once per call.
 *
 * The file also holds parse_code_csv, the CSV reader behind
 * load_code_descriptions (a site's own licensed code descriptions).
 *
 *-------------------------------------------------------------------------
 */
#include "compat.h"

#include "catalog/pg_type.h"
#include "common/hashfn.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "port/pg_bitutils.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/tuplestore.h"

#include "summary_io.h"

#define RC_DENIALS_VERSION 1
#define RC_DENIALS_TYPNAME "revcycle.denials"

/* Raw text kept for a malformed code, in bytes (whole characters). */
#define RC_RAW_MAX 16

/*
 * Hash table sizes: powers of two, at most a quarter full (slots are 8
 * bytes, so a sparse table is cheap, and most lookups hit at the first
 * probe).  The largest table holds 2,097,152 codes.
 */
#define RC_MIN_CAPACITY 8
#define RC_MAX_CAPACITY (1U << 23)
#define RC_MAX_ENTRIES(cap) ((cap) / 4)

/*
 * Group codes, numbered in alphabetical order so that sorting packed keys
 * sorts by group code; RC_G_UNKNOWN (a bare CARC) sorts last.  Group 0 in
 * a key means "any group" and appears only in the category map.
 */
#define RC_G_ANY		0
#define RC_G_UNKNOWN	6
static const char *const rc_group_names[] = {"", "CO", "CR", "OA", "PI", "PR", ""};

/*
 * Key layout: bit 31 set = malformed code (the low bits are a hash of the
 * raw text, which is compared too); otherwise bits 24-26 the group and the
 * low 24 bits the CARC's characters, left-aligned, zero-padded, so that
 * comparing keys compares (group, CARC text).  A key is never 0: an empty
 * hash slot has key 0.
 */
#define RC_KEY_INVALID	0x80000000U
#define RC_KEY_EMPTY	0U
#define RC_KEY_GROUP(k) ((int) (((k) >> 24) & 0x7))
#define RC_KEY_CARC(k)	((k) & 0xFFFFFFU)

typedef struct RcDenialEntry
{
	uint32		key;
	uint8		rawlen;			/* malformed codes: bytes used in raw */
	uint8		pad[3];
	int64		count;			/* adjustments */
	char		raw[RC_RAW_MAX];	/* malformed codes: the text as given */
	RcSum		sum;			/* exact dollar sum */
} RcDenialEntry;

typedef struct RcDenials
{
	int32		vl_len_;
	uint8		version;
	uint8		pad[3];
	uint32		capacity;		/* hash slots, a power of two */
	uint32		nentries;		/* entries in use, at most RC_MAX_ENTRIES(capacity) */
	/* RcDenialSlot slots[capacity], then RcDenialEntry entries[RC_MAX_ENTRIES(capacity)] */
	char		data[FLEXIBLE_ARRAY_MEMBER];
} RcDenials;

/*
 * A hash slot: the key (RC_KEY_EMPTY when free) and the index of its entry.
 * Probing reads only the slots (8 bytes each); the entries are dense, in
 * the order they were created, so the hot part of the table stays small.
 */
typedef struct RcDenialSlot
{
	uint32		key;
	uint32		entry;
} RcDenialSlot;

StaticAssertDecl(sizeof(RcDenialEntry) == 56, "RcDenialEntry must be 56 bytes");
StaticAssertDecl(offsetof(RcDenials, data) == 16, "RcDenials header must be 16 bytes");

#define RC_DENIALS_SIZE(cap) \
	(offsetof(RcDenials, data) + (Size) (cap) * sizeof(RcDenialSlot) + \
	 (Size) RC_MAX_ENTRIES(cap) * sizeof(RcDenialEntry))
#define RC_DENIALS_SLOTS(d) ((RcDenialSlot *) (d)->data)
#define RC_DENIALS_ENTRIES(d) \
	((RcDenialEntry *) ((d)->data + (Size) (d)->capacity * sizeof(RcDenialSlot)))

#define DatumGetRcDenials(d) ((RcDenials *) PG_DETOAST_DATUM(d))
#define PG_GETARG_RCDENIALS(n) DatumGetRcDenials(PG_GETARG_DATUM(n))

/* ---------- code parsing ---------- */

static inline bool
rc_is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void
rc_trim(const char **s, int *len)
{
	while (*len > 0 && rc_is_blank(**s))
	{
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && rc_is_blank((*s)[*len - 1]))
		(*len)--;
}

/*
 * Group index + 1 by the two letters' places in the alphabet: 0 for two
 * letters that are not a group code.
 */
#define RC_LETTERS(a, b) (((a) - 'A') * 26 + ((b) - 'A'))
static const uint8 rc_group_of_letters[26 * 26] = {
	[RC_LETTERS('C', 'O')] = 1 + 1,
	[RC_LETTERS('C', 'R')] = 2 + 1,
	[RC_LETTERS('O', 'A')] = 3 + 1,
	[RC_LETTERS('P', 'I')] = 4 + 1,
	[RC_LETTERS('P', 'R')] = 5 + 1,
};

/* Group index of two characters (any case), or -1.  No data-dependent branch. */
static inline int
rc_group_index(char a, char b)
{
	uint32		la = (uint32) ((unsigned char) a | 0x20) - 'a';
	uint32		lb = (uint32) ((unsigned char) b | 0x20) - 'a';

	if (la >= 26 || lb >= 26)
		return -1;
	return (int) rc_group_of_letters[la * 26 + lb] - 1;
}

/* An alphanumeric character upper-cased, or 0 for any other byte. */
#define RC_CU(c) \
	((c) >= '0' && (c) <= '9' ? (c) : \
	 (c) >= 'A' && (c) <= 'Z' ? (c) : \
	 (c) >= 'a' && (c) <= 'z' ? (c) - ('a' - 'A') : 0)
#define RC_CU16(b) \
	RC_CU((b) + 0), RC_CU((b) + 1), RC_CU((b) + 2), RC_CU((b) + 3), \
	RC_CU((b) + 4), RC_CU((b) + 5), RC_CU((b) + 6), RC_CU((b) + 7), \
	RC_CU((b) + 8), RC_CU((b) + 9), RC_CU((b) + 10), RC_CU((b) + 11), \
	RC_CU((b) + 12), RC_CU((b) + 13), RC_CU((b) + 14), RC_CU((b) + 15)
static const uint8 rc_carc_upper[256] = {
	RC_CU16(0), RC_CU16(16), RC_CU16(32), RC_CU16(48),
	RC_CU16(64), RC_CU16(80), RC_CU16(96), RC_CU16(112),
	RC_CU16(128), RC_CU16(144), RC_CU16(160), RC_CU16(176),
	RC_CU16(192), RC_CU16(208), RC_CU16(224), RC_CU16(240)
};

/*
 * Packed CARC of 1-3 alphanumerics (upper-cased), or 0 when malformed.
 * Three table lookups (the last character repeated for shorter codes),
 * no branch on the characters or the length.
 */
static inline uint32
rc_carc_bits(const char *s, int len)
{
	uint32		c0;
	uint32		c1;
	uint32		c2;

	if ((uint32) (len - 1) > 2)
		return 0;
	c0 = rc_carc_upper[(unsigned char) s[0]];
	c1 = rc_carc_upper[(unsigned char) s[len > 1]];
	c2 = rc_carc_upper[(unsigned char) s[len - 1]];
	if ((c0 == 0) | (c1 == 0) | (c2 == 0))
		return 0;
	return (c0 << 16) | (c1 << 8 & -(uint32) (len > 1)) | (c2 & -(uint32) (len > 2));
}

/*
 * Parse a (trimmed) code in any of the accepted spellings: "CO-16",
 * "CO16", "co 16", "CO*16", "CO - 16", or a bare "16".  Sets *group to the
 * group index (RC_G_UNKNOWN when none is given) and returns the packed
 * CARC, or 0 when the code is malformed.
 */
static uint32
rc_parse_combined(const char *s, int len, int *group)
{
	int			g;

	if (len >= 2 && (g = rc_group_index(s[0], s[1])) > 0)
	{
		const char *p = s + 2;
		int			n = len - 2;

		/*
		 * A group code prefix.  (No CARC begins with the letters of a group
		 * code, so "CO1" is group CO, reason 1.)
		 */
		while (n > 0 && rc_is_blank(*p))
			p++, n--;
		if (n > 0 && (*p == '-' || *p == '*' || *p == ':'))
		{
			p++, n--;
			while (n > 0 && rc_is_blank(*p))
				p++, n--;
		}
		*group = g;
		return rc_carc_bits(p, n);
	}
	*group = RC_G_UNKNOWN;
	return rc_carc_bits(s, len);
}

static inline uint32
rc_make_key(int group, uint32 carc)
{
	return ((uint32) group << 24) | carc;
}

/* "CO-16", or "16" for an unknown group, into buf (at least 8 bytes). */
static int
rc_key_format(uint32 key, char *buf)
{
	int			g = RC_KEY_GROUP(key);
	uint32		carc = RC_KEY_CARC(key);
	int			n = 0;
	int			shift;

	if (g >= 1 && g <= 5)
	{
		buf[n++] = rc_group_names[g][0];
		buf[n++] = rc_group_names[g][1];
		buf[n++] = '-';
	}
	for (shift = 16; shift >= 0; shift -= 8)
	{
		char		c = (char) ((carc >> shift) & 0xFF);

		if (c != '\0')
			buf[n++] = c;
	}
	buf[n] = '\0';
	return n;
}

static int
rc_carc_format(uint32 key, char *buf)
{
	return rc_key_format(rc_make_key(RC_G_UNKNOWN, RC_KEY_CARC(key)), buf);
}

/* ---------- the hash table ---------- */

/*
 * Slot of a key in a table of the given capacity (a power of two):
 * Fibonacci hashing, the top bits of key * 2^64/phi.  The slot layout is
 * part of a stored summary's bytes, so this must not change without a new
 * format version.
 */
static inline uint32
rc_key_slot(uint32 key, uint32 capacity)
{
	return (uint32) (((uint64) key * UINT64CONST(0x9E3779B97F4A7C15)) >>
					 (64 - pg_leftmost_one_pos32(capacity)));
}

static RcDenials *
rc_denials_new(MemoryContext ctx, uint32 capacity)
{
	RcDenials  *d = MemoryContextAllocZero(ctx, RC_DENIALS_SIZE(capacity));

	SET_VARSIZE(d, RC_DENIALS_SIZE(capacity));
	d->version = RC_DENIALS_VERSION;
	d->capacity = capacity;
	return d;
}

/* Slot for (key, raw): the occupied one, or the empty one to fill. */
static inline RcDenialSlot *
rc_denials_probe(RcDenials *d, uint32 key, const char *raw, int rawlen)
{
	RcDenialSlot *slots = RC_DENIALS_SLOTS(d);
	uint32		mask = d->capacity - 1;
	uint32		i = rc_key_slot(key, d->capacity);

	for (;;)
	{
		RcDenialSlot *sl = &slots[i];

		if (sl->key == RC_KEY_EMPTY)
			return sl;
		if (sl->key == key)
		{
			const RcDenialEntry *e = &RC_DENIALS_ENTRIES(d)[sl->entry];

			if (!(key & RC_KEY_INVALID) ||
				(e->rawlen == rawlen && memcmp(e->raw, raw, rawlen) == 0))
				return sl;
		}
		i = (i + 1) & mask;
	}
}

/* Hash every entry of d into its (empty) slots. */
static void
rc_denials_index(RcDenials *d)
{
	RcDenialEntry *entries = RC_DENIALS_ENTRIES(d);
	uint32		i;

	for (i = 0; i < d->nentries; i++)
	{
		RcDenialSlot *sl = rc_denials_probe(d, entries[i].key, entries[i].raw,
											entries[i].rawlen);

		sl->key = entries[i].key;
		sl->entry = i;
	}
}

/* Copy of d with twice the capacity (allocated in ctx). */
static RcDenials *
rc_denials_grow(RcDenials *d, MemoryContext ctx, uint32 capacity)
{
	RcDenials  *n;

	if (capacity > RC_MAX_CAPACITY)
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("a revcycle.denials summary cannot hold more than %u distinct codes",
						RC_MAX_ENTRIES(RC_MAX_CAPACITY))));
	n = rc_denials_new(ctx, capacity);
	memcpy(RC_DENIALS_ENTRIES(n), RC_DENIALS_ENTRIES(d),
		   (Size) d->nentries * sizeof(RcDenialEntry));
	n->nentries = d->nentries;
	rc_denials_index(n);
	return n;
}

/*
 * The entry for (key, raw), created empty when missing.  *dp is replaced
 * by a grown copy (allocated in ctx) when the table is full; the old one
 * is left to its owner.
 */
static RcDenialEntry *
rc_denials_entry(RcDenials **dp, MemoryContext ctx, uint32 key,
				 const char *raw, int rawlen)
{
	RcDenials  *d = *dp;
	RcDenialSlot *sl = rc_denials_probe(d, key, raw, rawlen);
	RcDenialEntry *e;

	if (sl->key != RC_KEY_EMPTY)
		return &RC_DENIALS_ENTRIES(d)[sl->entry];
	if (d->nentries + 1 > RC_MAX_ENTRIES(d->capacity))
	{
		d = *dp = rc_denials_grow(d, ctx, d->capacity * 2);
		sl = rc_denials_probe(d, key, raw, rawlen);
	}
	sl->key = key;
	sl->entry = d->nentries;
	e = &RC_DENIALS_ENTRIES(d)[d->nentries];
	e->key = key;
	if (key & RC_KEY_INVALID)
	{
		e->rawlen = (uint8) rawlen;
		memcpy(e->raw, raw, rawlen);
	}
	d->nentries++;
	return e;
}

static inline void
rc_entry_add_count(RcDenialEntry *e, int64 n)
{
	if (__builtin_add_overflow(e->count, n, &e->count))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("adjustment count of revcycle.denials is out of range")));
}

static void
rc_denials_merge_into(RcDenials **dp, MemoryContext ctx, const RcDenials *src)
{
	uint32		i;

	for (i = 0; i < src->nentries; i++)
	{
		const RcDenialEntry *s = &RC_DENIALS_ENTRIES(src)[i];
		RcDenialEntry *e;

		e = rc_denials_entry(dp, ctx, s->key, s->raw, s->rawlen);
		rc_entry_add_count(e, s->count);
		rc_sum_add_sum(&e->sum, &s->sum);
	}
}

/*
 * True when raw text is what text input and binary receive accept for a
 * malformed code: no blank at either end and not a well-formed code (the
 * callers have replaced control characters already).
 */
static bool
rc_raw_is_storable(const char *raw, int len)
{
	int			group;

	if (len > 0 && (rc_is_blank(raw[0]) || rc_is_blank(raw[len - 1])))
		return false;
	return rc_parse_combined(raw, len, &group) == 0;
}

/*
 * Malformed code (s trimmed of blanks): key from the raw text, its first
 * RC_RAW_MAX bytes (whole characters) with control characters as '?'.
 * Raw text that would end in a blank (a cut "XXXXXXXXXXXXXXX YYY") or
 * read as a well-formed code (a cut "CO-16       XX", or "CR-CO1" made of
 * a group column and a CARC column with another group) gets a '~', after
 * it when there is room, else in place of its last byte (always a one-byte
 * character then): so it still reads as a malformed code, and reads back
 * through text input and binary receive, which accept exactly
 * rc_raw_is_storable text.
 */
static uint32
rc_invalid_key(const char *s, int len, char *raw, int *rawlen)
{
	int			n = pg_mbcliplen(s, len, RC_RAW_MAX);
	int			i;

	for (i = 0; i < n; i++)
	{
		unsigned char c = (unsigned char) s[i];

		raw[i] = (c < 0x20 || c == 0x7F) ? '?' : (char) c;
	}
	if (n > 0 && !rc_raw_is_storable(raw, n))
	{
		if (n < RC_RAW_MAX)
			raw[n++] = '~';
		else
			raw[n - 1] = '~';
	}
	*rawlen = n;
	return RC_KEY_INVALID | (hash_bytes((const unsigned char *) raw, n) & 0x7FFFFFFFU);
}

/* ---------- sorted views of a summary ---------- */

static int
rc_entry_cmp(const void *a, const void *b)
{
	const RcDenialEntry *x = *(const RcDenialEntry *const *) a;
	const RcDenialEntry *y = *(const RcDenialEntry *const *) b;
	int			c;

	if (x->key != y->key && ((x->key ^ y->key) & RC_KEY_INVALID))
		return (x->key & RC_KEY_INVALID) ? 1 : -1;
	if (!(x->key & RC_KEY_INVALID))
		return (x->key > y->key) - (x->key < y->key);
	c = memcmp(x->raw, y->raw, Min(x->rawlen, y->rawlen));
	if (c != 0)
		return c;
	return (int) x->rawlen - (int) y->rawlen;
}

/* Occupied entries sorted: valid codes by (group, CARC), then malformed. */
static RcDenialEntry **
rc_denials_sorted(const RcDenials *d)
{
	RcDenialEntry **v = palloc(sizeof(RcDenialEntry *) * Max(d->nentries, 1));
	uint32		i;
	uint32		n = 0;

	for (i = 0; i < d->nentries; i++)
		v[n++] = (RcDenialEntry *) &RC_DENIALS_ENTRIES(d)[i];
	qsort(v, n, sizeof(RcDenialEntry *), rc_entry_cmp);
	return v;
}

static uint32
rc_capacity_for(uint32 n)
{
	uint32		cap = RC_MIN_CAPACITY;

	if (n > RC_MAX_ENTRIES(RC_MAX_CAPACITY))
		ereport(ERROR,
				(errcode(ERRCODE_PROGRAM_LIMIT_EXCEEDED),
				 errmsg("a revcycle.denials summary cannot hold more than %u distinct codes",
						RC_MAX_ENTRIES(RC_MAX_CAPACITY))));
	while (RC_MAX_ENTRIES(cap) < n)
		cap *= 2;
	return cap;
}

/* ---------- I/O ---------- */

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

static RcDenials *
rc_denials_from_list(RcDenialEntry *list, uint32 n)
{
	RcDenials  *d = rc_denials_new(CurrentMemoryContext, rc_capacity_for(n));

	memcpy(RC_DENIALS_ENTRIES(d), list, (Size) n * sizeof(RcDenialEntry));
	d->nentries = n;
	rc_denials_index(d);
	return d;
}

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
#define RC_SUM_BINARY_SIZE (8 + 8 + 2 + 2)

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

static inline void
rc_recv_need(StringInfo buf, int bytes)
{
	if (buf->len - buf->cursor < bytes)
		rc_recv_error(RC_DENIALS_TYPNAME, "The value is truncated.");
}

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

/* ---------- aggregates ---------- */

/*
 * The state to update.  In an aggregate the transition value is ours to
 * modify in place; a new or grown state is allocated in the per-call
 * memory context, because the executor copies any state whose pointer
 * changed into its own context (and frees the old one).  Outside an
 * aggregate, a copy.
 */
static RcDenials *
rc_denials_state(FunctionCallInfo fcinfo)
{
	RcDenials  *src;
	RcDenials  *d;

	if (likely(rc_agg_state_in_place(fcinfo)))
		return (RcDenials *) PG_GETARG_POINTER(0);
	if (PG_ARGISNULL(0))
		return rc_denials_new(CurrentMemoryContext, RC_MIN_CAPACITY);
	src = PG_GETARG_RCDENIALS(0);
	d = palloc(VARSIZE(src));
	memcpy(d, src, VARSIZE(src));
	return d;
}

/*
 * The bytes of a text argument.  A value that is neither toasted nor
 * compressed (nearly every code in a table) is read in place, without the
 * call that PG_GETARG_TEXT_PP makes.
 */
static pg_attribute_always_inline void
rc_text_arg(Datum d, const char **s, int *len)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(d);

	if (VARATT_IS_SHORT(v))
	{
		*s = VARDATA_SHORT(v);
		*len = VARSIZE_SHORT(v) - VARHDRSZ_SHORT;
		return;
	}
	if (VARATT_IS_EXTENDED(v))
		v = pg_detoast_datum_packed(v);
	*s = VARDATA_ANY(v);
	*len = VARSIZE_ANY_EXHDR(v);
}

/*
 * A CARC written plainly: 1-3 alphanumerics, no blanks, not starting with
 * the letters of a group code.  Returns its packed bits, or 0 when the text
 * needs the general parser (which gives the same answer for every text
 * this accepts).
 */
static pg_attribute_always_inline uint32
rc_carc_plain(const char *s, int len)
{
	uint32		bits = rc_carc_bits(s, len);

	/*
	 * Two leading letters may be a group code written into the CARC column
	 * ("CO16"): the general parser decides.  No CARC starts with two
	 * letters, so this costs nothing on real data.
	 */
	if (unlikely((bits >> 16) >= 'A' && ((bits >> 8) & 0xFF) >= 'A'))
		return 0;
	return bits;
}

/*
 * Add one row with a well-formed key: find its slot in line; only a new
 * code takes the out-of-line path that may grow the table.
 */
static pg_attribute_always_inline RcDenials *
rc_denials_add_key(RcDenials *d, uint32 key, Datum amount)
{
	RcDenialSlot *slots = RC_DENIALS_SLOTS(d);
	uint32		mask = d->capacity - 1;
	uint32		i = rc_key_slot(key, d->capacity);
	RcDenialEntry *e;

	Assert(!(key & RC_KEY_INVALID));
	for (;;)
	{
		if (likely(slots[i].key == key))
		{
			e = &RC_DENIALS_ENTRIES(d)[slots[i].entry];
			break;
		}
		if (slots[i].key == RC_KEY_EMPTY)
		{
			e = rc_denials_entry(&d, CurrentMemoryContext, key, NULL, 0);
			break;
		}
		i = (i + 1) & mask;
	}
	rc_sum_add_datum(&e->sum, amount);
	rc_entry_add_count(e, 1);
	return d;
}

static void
rc_denials_add_row(RcDenials **dp, uint32 key, const char *raw, int rawlen,
				   Datum amount)
{
	RcDenialEntry *e = rc_denials_entry(dp, CurrentMemoryContext, key, raw, rawlen);

	rc_sum_add_datum(&e->sum, amount);
	rc_entry_add_count(e, 1);
}

/* Add one row with a parsed code; raw text from (s, len) when malformed. */
static void
rc_denials_add_code(RcDenials **dp, int group, uint32 carc,
					const char *s, int len, Datum amount)
{
	if (carc != 0)
		*dp = rc_denials_add_key(*dp, rc_make_key(group, carc), amount);
	else
	{
		char		raw[RC_RAW_MAX];
		int			rawlen;
		uint32		key = rc_invalid_key(s, len, raw, &rawlen);

		rc_denials_add_row(dp, key, raw, rawlen, amount);
	}
}

/* denial_summary(code text, amount numeric) */
PG_FUNCTION_INFO_V1(rc_denial_summary2_trans);
Datum
rc_denial_summary2_trans(PG_FUNCTION_ARGS)
{
	RcDenials  *d;
	const char *s;
	int			len;
	int			group;
	uint32		carc;

	if (PG_ARGISNULL(1) || PG_ARGISNULL(2))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	d = rc_denials_state(fcinfo);
	rc_text_arg(PG_GETARG_DATUM(1), &s, &len);
	rc_trim(&s, &len);
	carc = rc_parse_combined(s, len, &group);
	rc_denials_add_code(&d, group, carc, s, len, PG_GETARG_DATUM(2));
	PG_RETURN_POINTER(d);
}

/*
 * denial_summary(group_code, carc, amount) for a row that is not the
 * usual plain pair: blanks, a group prefix in the CARC column, a missing
 * or malformed group, a malformed CARC.  gs is NULL when the group column
 * is NULL.  Kept out of line so that the per-row function stays small.
 */
static pg_noinline RcDenials *
rc_denial_summary3_general(RcDenials *d, const char *s, int len,
						   const char *gs, int glen, Datum amount)
{
	int			group;
	uint32		carc;

	if (gs != NULL)
		rc_trim(&gs, &glen);
	rc_trim(&s, &len);
	carc = rc_parse_combined(s, len, &group);
	if (glen > 0 && carc != 0)
	{
		int			g = (glen == 2) ? rc_group_index(gs[0], gs[1]) : -1;

		if (g < 0 || (group != RC_G_UNKNOWN && group != g))
			carc = 0;
		else
			group = g;
	}
	if (carc == 0 && glen > 0)
	{
		/* malformed: keep "group-carc" as the raw text */
		char		buf[2 * RC_RAW_MAX + 2];
		int			gl = Min(glen, RC_RAW_MAX);
		int			cl = Min(len, RC_RAW_MAX);

		memcpy(buf, gs, gl);
		buf[gl] = '-';
		memcpy(buf + gl + 1, s, cl);
		rc_denials_add_code(&d, group, 0, buf, gl + 1 + cl, amount);
	}
	else
		rc_denials_add_code(&d, group, carc, s, len, amount);
	return d;
}

static pg_noinline Datum rc_denial_summary3_any(FunctionCallInfo fcinfo);

/* The entry of a code already in the summary, or NULL. */
static pg_attribute_always_inline RcDenialEntry *
rc_denials_find(RcDenials *d, uint32 key)
{
	RcDenialSlot *slots = RC_DENIALS_SLOTS(d);
	uint32		mask = d->capacity - 1;
	uint32		i = rc_key_slot(key, d->capacity);

	while (slots[i].key != key)
	{
		if (slots[i].key == RC_KEY_EMPTY)
			return NULL;
		i = (i + 1) & mask;
	}
	return &RC_DENIALS_ENTRIES(d)[slots[i].entry];
}

/*
 * denial_summary(group_code text, carc text, amount numeric).  A NULL or
 * blank group code means "unknown" (the CARC column may then carry a group
 * itself, "CO-16"); a CARC column with a group prefix must agree with the
 * group column.
 *
 * The per-row path, for the usual row of an aggregate call: a plain
 * two-letter group code and a plain CARC, both short texts read in place,
 * a code already in the summary, and an amount in the money fast path.
 * Every other row (NULLs, blanks, spellings, malformed codes, a new code,
 * the first row of a group) goes to rc_denial_summary3_any.
 */
PG_FUNCTION_INFO_V1(rc_denial_summary3_trans);
Datum
rc_denial_summary3_trans(PG_FUNCTION_ARGS)
{
	if (likely(!PG_ARGISNULL(1) && !PG_ARGISNULL(2) && !PG_ARGISNULL(3) &&
			   rc_agg_state_in_place(fcinfo)))
	{
		RcDenials  *d = (RcDenials *) PG_GETARG_POINTER(0);
		const uint8 *gv = (const uint8 *) DatumGetPointer(PG_GETARG_DATUM(1));
		const uint8 *cv = (const uint8 *) DatumGetPointer(PG_GETARG_DATUM(2));
		RcDenialEntry *e;
		int			g;
		uint32		carc;
		int64		v4;
		int			dscale;

		if (likely(gv[0] == RC_VARHDR_1B(VARHDRSZ_SHORT + 2) &&
				   VARATT_IS_1B(cv) && !VARATT_IS_1B_E(cv)) &&
			(g = rc_group_index((char) gv[1], (char) gv[2])) > 0 &&
			(carc = rc_carc_plain((const char *) cv + VARHDRSZ_SHORT,
								  VARSIZE_1B(cv) - VARHDRSZ_SHORT)) != 0 &&
			(e = rc_denials_find(d, rc_make_key(g, carc))) != NULL &&
			rc_money_decode4(PG_GETARG_DATUM(3), &v4, &dscale))
		{
			rc_sum_add4(&e->sum, v4, dscale);
			rc_entry_add_count(e, 1);
			PG_RETURN_POINTER(d);
		}
	}
	return rc_denial_summary3_any(fcinfo);
}

static pg_noinline Datum
rc_denial_summary3_any(FunctionCallInfo fcinfo)
{
	RcDenials  *d;
	const char *s;
	int			len;
	const char *gs = NULL;
	int			glen = 0;

	if (PG_ARGISNULL(2) || PG_ARGISNULL(3))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	d = rc_denials_state(fcinfo);
	rc_text_arg(PG_GETARG_DATUM(2), &s, &len);
	if (!PG_ARGISNULL(1))
	{
		rc_text_arg(PG_GETARG_DATUM(1), &gs, &glen);

		/* The usual row: a plain group code and a plain CARC. */
		if (likely(glen == 2))
		{
			int			g = rc_group_index(gs[0], gs[1]);
			uint32		carc;

			if (likely(g > 0) && likely((carc = rc_carc_plain(s, len)) != 0))
			{
				PG_RETURN_POINTER(rc_denials_add_key(d, rc_make_key(g, carc),
													 PG_GETARG_DATUM(3)));
			}
		}
	}
	PG_RETURN_POINTER(rc_denial_summary3_general(d, s, len, gs, glen,
												 PG_GETARG_DATUM(3)));
}

/*
 * Combine two states, or add a stored summary into a state (denial_merge
 * uses this too).  Either side may be NULL: a parallel worker that saw no
 * rows hands over a NULL partial state.
 */
PG_FUNCTION_INFO_V1(rc_denials_combine);
Datum
rc_denials_combine(PG_FUNCTION_ARGS)
{
	RcDenials  *d;
	RcDenials  *src;

	if (PG_ARGISNULL(1))
	{
		if (PG_ARGISNULL(0))
			PG_RETURN_NULL();
		PG_RETURN_DATUM(PG_GETARG_DATUM(0));
	}
	src = PG_GETARG_RCDENIALS(1);
	if (PG_ARGISNULL(0))
	{
		d = palloc(VARSIZE(src));
		memcpy(d, src, VARSIZE(src));
		PG_RETURN_POINTER(d);
	}
	d = rc_denials_state(fcinfo);
	rc_denials_merge_into(&d, CurrentMemoryContext, src);
	PG_RETURN_POINTER(d);
}

/* ---------- categories ---------- */

typedef struct RcCategory
{
	uint32		key;			/* group (0 = any) and CARC */
	bool		is_denial;
	char	   *category;
} RcCategory;

typedef struct RcCategoryMap
{
	int			n;
	RcCategory *items;			/* sorted by key */
} RcCategoryMap;

static int
rc_category_cmp(const void *a, const void *b)
{
	uint32		x = ((const RcCategory *) a)->key;
	uint32		y = ((const RcCategory *) b)->key;

	return (x > y) - (x < y);
}

/*
 * Read the merged reference view once: SELECT from
 * <extension schema>.carc_category (a fixed query; the schema is the one
 * this function lives in).  Rows whose code does not parse are ignored
 * (the tables' CHECK constraints keep them out anyway).
 */
static RcCategoryMap *
rc_category_map_load(FunctionCallInfo fcinfo)
{
	MemoryContext outer = CurrentMemoryContext;
	RcCategoryMap *m = palloc0(sizeof(RcCategoryMap));
	Oid			nsp = get_func_namespace(fcinfo->flinfo->fn_oid);
	char	   *nspname = get_namespace_name(nsp);
	char	   *query;
	uint64		i;
	int			ret;

	if (nspname == NULL)
		elog(ERROR, "could not find the schema of function %u", fcinfo->flinfo->fn_oid);
	query = psprintf("SELECT group_code, carc, category, is_denial FROM %s.carc_category",
					 quote_identifier(nspname));
	if ((ret = SPI_connect()) != SPI_OK_CONNECT)
		elog(ERROR, "SPI_connect failed: %s", SPI_result_code_string(ret));
	ret = SPI_execute(query, true, 0);
	if (ret != SPI_OK_SELECT)
		elog(ERROR, "reading the reason-code categories failed: %s",
			 SPI_result_code_string(ret));
	m->items = MemoryContextAlloc(outer, sizeof(RcCategory) * Max(SPI_processed, 1));
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		TupleDesc	desc = SPI_tuptable->tupdesc;
		char	   *g = SPI_getvalue(tup, desc, 1);
		char	   *c = SPI_getvalue(tup, desc, 2);
		char	   *cat = SPI_getvalue(tup, desc, 3);
		bool		isnull;
		Datum		den = SPI_getbinval(tup, desc, 4, &isnull);
		int			group = RC_G_ANY;
		uint32		carc;

		if (c == NULL || cat == NULL)
			continue;
		if (g != NULL)
		{
			group = strlen(g) == 2 ? rc_group_index(g[0], g[1]) : -1;
			if (group < 0)
				continue;
		}
		carc = rc_carc_bits(c, strlen(c));
		if (carc == 0)
			continue;
		m->items[m->n].key = rc_make_key(group, carc);
		m->items[m->n].is_denial = isnull ? true : DatumGetBool(den);
		m->items[m->n].category = MemoryContextStrdup(outer, cat);
		m->n++;
	}
	SPI_finish();
	qsort(m->items, m->n, sizeof(RcCategory), rc_category_cmp);
	return m;
}

static const RcCategory *
rc_category_find(const RcCategoryMap *m, uint32 key)
{
	RcCategory	k;

	k.key = key;
	return bsearch(&k, m->items, m->n, sizeof(RcCategory), rc_category_cmp);
}

static const char *const rc_cat_uncategorized = "uncategorized";
static const char *const rc_cat_invalid = "invalid code";

/* Category and denial flag of a summary entry. */
static void
rc_entry_category(const RcCategoryMap *m, const RcDenialEntry *e,
				  const char **category, bool *is_denial)
{
	const RcCategory *c = NULL;

	if (e->key & RC_KEY_INVALID)
	{
		*category = rc_cat_invalid;
		*is_denial = true;
		return;
	}
	if (RC_KEY_GROUP(e->key) != RC_G_UNKNOWN)
		c = rc_category_find(m, e->key);
	if (c == NULL)
		c = rc_category_find(m, rc_make_key(RC_G_ANY, RC_KEY_CARC(e->key)));
	if (c == NULL)
	{
		*category = rc_cat_uncategorized;
		*is_denial = true;
		return;
	}
	*category = c->category;
	*is_denial = c->is_denial;
}

/* "CO-16", "16" or the raw text, as a text Datum. */
static text *
rc_entry_code_text(const RcDenialEntry *e)
{
	char		code[8];

	if (e->key & RC_KEY_INVALID)
		return cstring_to_text_with_len(e->raw, e->rawlen);
	return cstring_to_text_with_len(code, rc_key_format(e->key, code));
}

/*
 * denial_codes(denials) -> (group_code, carc, category, is_denial,
 * adjustments, amount): one row per code, valid codes by (group, CARC)
 * with bare CARCs after, malformed codes last (group_code NULL, carc the
 * raw text).
 */
PG_FUNCTION_INFO_V1(rc_denial_codes);
Datum
rc_denial_codes(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	RcDenials  *d = PG_GETARG_RCDENIALS(0);
	RcCategoryMap *m;
	RcDenialEntry **v;
	uint32		i;

	InitMaterializedSRF(fcinfo, 0);
	m = rc_category_map_load(fcinfo);
	v = rc_denials_sorted(d);
	for (i = 0; i < d->nentries; i++)
	{
		RcDenialEntry *e = v[i];
		Datum		values[6];
		bool		nulls[6] = {false, false, false, false, false, false};
		const char *category;
		bool		is_denial;
		int			g = RC_KEY_GROUP(e->key);

		rc_entry_category(m, e, &category, &is_denial);
		if ((e->key & RC_KEY_INVALID) || g == RC_G_UNKNOWN)
			nulls[0] = true;
		else
			values[0] = PointerGetDatum(cstring_to_text(rc_group_names[g]));
		if (e->key & RC_KEY_INVALID)
			values[1] = PointerGetDatum(cstring_to_text_with_len(e->raw, e->rawlen));
		else
		{
			char		carc[8];

			values[1] = PointerGetDatum(cstring_to_text_with_len(carc, rc_carc_format(e->key, carc)));
		}
		values[2] = PointerGetDatum(cstring_to_text(category));
		values[3] = BoolGetDatum(is_denial);
		values[4] = Int64GetDatum(e->count);
		values[5] = rc_sum_to_numeric(&e->sum);
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

typedef struct RcCodeRef
{
	const char *category;
	RcDenialEntry *e;
} RcCodeRef;

/* By category, then amount descending, then code text ascending. */
static int
rc_coderef_cmp(const void *a, const void *b)
{
	const RcCodeRef *x = (const RcCodeRef *) a;
	const RcCodeRef *y = (const RcCodeRef *) b;
	int			c = strcmp(x->category, y->category);

	if (c != 0)
		return c;
	c = rc_sum_cmp(&y->e->sum, &x->e->sum);
	if (c != 0)
		return c;
	return rc_entry_cmp(&x->e, &y->e);
}

typedef struct RcCauseRow
{
	const char *category;
	int64		count;
	RcSum		sum;
	int			first;			/* index of its first code in the refs */
	int			ncodes;
} RcCauseRow;

/* By amount descending, then category ascending. */
static int
rc_cause_cmp(const void *a, const void *b)
{
	const RcCauseRow *x = (const RcCauseRow *) a;
	const RcCauseRow *y = (const RcCauseRow *) b;
	int			c = rc_sum_cmp(&y->sum, &x->sum);

	if (c != 0)
		return c;
	return strcmp(x->category, y->category);
}

/*
 * denial_root_causes(denials) -> (category, adjustments, amount, share,
 * cumulative_share, top_codes): denials only (is_denial), one row per
 * category by amount descending (ties by name), share of the denied
 * dollars and the running share (a Pareto table), and the category's three
 * largest codes by amount (ties by code).  share is NULL when the denied
 * dollars sum to zero.
 */
PG_FUNCTION_INFO_V1(rc_denial_root_causes);
Datum
rc_denial_root_causes(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	RcDenials  *d = PG_GETARG_RCDENIALS(0);
	RcCategoryMap *m;
	RcCodeRef  *refs;
	RcCauseRow *rows;
	int			nrefs = 0;
	int			nrows = 0;
	int			i;
	uint32		s;
	RcSum		total;
	RcSum		running;

	InitMaterializedSRF(fcinfo, 0);
	m = rc_category_map_load(fcinfo);
	refs = palloc(sizeof(RcCodeRef) * Max(d->nentries, 1));
	memset(&total, 0, sizeof(RcSum));
	for (s = 0; s < d->nentries; s++)
	{
		RcDenialEntry *e = &RC_DENIALS_ENTRIES(d)[s];
		const char *category;
		bool		is_denial;

		rc_entry_category(m, e, &category, &is_denial);
		if (!is_denial)
			continue;
		refs[nrefs].category = category;
		refs[nrefs].e = e;
		nrefs++;
		rc_sum_add_sum(&total, &e->sum);
	}
	qsort(refs, nrefs, sizeof(RcCodeRef), rc_coderef_cmp);

	rows = palloc0(sizeof(RcCauseRow) * Max(nrefs, 1));
	for (i = 0; i < nrefs; i++)
	{
		RcCauseRow *r;

		if (nrows == 0 || strcmp(rows[nrows - 1].category, refs[i].category) != 0)
		{
			r = &rows[nrows++];
			r->category = refs[i].category;
			r->first = i;
		}
		r = &rows[nrows - 1];
		r->ncodes++;
		if (__builtin_add_overflow(r->count, refs[i].e->count, &r->count))
			ereport(ERROR,
					(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
					 errmsg("adjustment count of revcycle.denials is out of range")));
		rc_sum_add_sum(&r->sum, &refs[i].e->sum);
	}
	qsort(rows, nrows, sizeof(RcCauseRow), rc_cause_cmp);

	memset(&running, 0, sizeof(RcSum));
	for (i = 0; i < nrows; i++)
	{
		RcCauseRow *r = &rows[i];
		Datum		values[6];
		bool		nulls[6] = {false, false, false, false, false, false};
		Datum		codes[3];
		int			k;
		int			ntop = Min(r->ncodes, 3);

		rc_sum_add_sum(&running, &r->sum);
		values[0] = PointerGetDatum(cstring_to_text(r->category));
		values[1] = Int64GetDatum(r->count);
		values[2] = rc_sum_to_numeric(&r->sum);
		if (rc_sum_is_zero(&total))
			nulls[3] = nulls[4] = true;
		else
		{
			values[3] = rc_sum_div(&r->sum, &total);
			values[4] = rc_sum_div(&running, &total);
		}
		for (k = 0; k < ntop; k++)
			codes[k] = PointerGetDatum(rc_entry_code_text(refs[r->first + k].e));
		values[5] = PointerGetDatum(construct_array(codes, ntop, TEXTOID, -1, false, TYPALIGN_INT));
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}
	return (Datum) 0;
}

/* ---------- accessors ---------- */

/* Number of distinct codes (valid and malformed) in a summary. */
PG_FUNCTION_INFO_V1(rc_denials_code_count);
Datum
rc_denials_code_count(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) PG_GETARG_RCDENIALS(0)->nentries);
}

/* ---------- licensed code descriptions: CSV reader ---------- */

/*
 * One CSV record from *p: fields separated by commas, a field in double
 * quotes may hold commas, newlines and "" for a quote.  Unquoted fields are
 * trimmed of blanks.  Returns the number of fields (at most maxf are kept),
 * or -1 at the end of input; *line advances over the newlines consumed.
 */
static int
rc_csv_record(const char **p, const char *end, char **fields, int maxf, int *line)
{
	const char *q = *p;
	int			nf = 0;
	StringInfoData f;

	if (q >= end)
		return -1;
	initStringInfo(&f);
	for (;;)
	{
		bool		quoted = false;

		resetStringInfo(&f);
		while (q < end && (*q == ' ' || *q == '\t'))
			q++;
		if (q < end && *q == '"')
		{
			int			startline = *line;

			quoted = true;
			q++;
			for (;;)
			{
				if (q >= end)
					ereport(ERROR,
							(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
							 errmsg("unterminated quoted field in code descriptions CSV, line %d",
									startline)));
				if (*q == '"')
				{
					if (q + 1 < end && q[1] == '"')
					{
						appendStringInfoChar(&f, '"');
						q += 2;
						continue;
					}
					q++;
					break;
				}
				if (*q == '\n')
					(*line)++;
				appendStringInfoChar(&f, *q++);
			}
			while (q < end && (*q == ' ' || *q == '\t'))
				q++;
			if (q < end && *q != ',' && *q != '\n' && *q != '\r')
				ereport(ERROR,
						(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
						 errmsg("unexpected character after a quoted field in code descriptions CSV, line %d",
								*line)));
		}
		else
		{
			while (q < end && *q != ',' && *q != '\n' && *q != '\r')
			{
				if (*q == '"')
					ereport(ERROR,
							(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
							 errmsg("quote inside an unquoted field in code descriptions CSV, line %d",
									*line)));
				appendStringInfoChar(&f, *q++);
			}
			while (f.len > 0 && (f.data[f.len - 1] == ' ' || f.data[f.len - 1] == '\t'))
				f.data[--f.len] = '\0';
		}
		(void) quoted;
		if (nf < maxf)
			fields[nf] = pstrdup(f.data);
		nf++;
		if (q < end && *q == ',')
		{
			q++;
			continue;
		}
		break;
	}
	if (q < end && *q == '\r')
		q++;
	if (q < end && *q == '\n')
		q++;
	(*line)++;
	*p = q;
	pfree(f.data);
	return nf;
}

/*
 * parse_code_csv(csv text) -> (line, code_type, code, description): the
 * records of a CSV whose header is code_type,code,description (any case).
 * Blank lines are skipped; every other record must have three fields.
 */
PG_FUNCTION_INFO_V1(rc_parse_code_csv);
Datum
rc_parse_code_csv(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	text	   *t = PG_GETARG_TEXT_PP(0);
	const char *p = VARDATA_ANY(t);
	const char *end = p + VARSIZE_ANY_EXHDR(t);
	char	   *fields[3];
	int			line = 1;
	int			nf;
	bool		header = true;

	InitMaterializedSRF(fcinfo, 0);
	/* a UTF-8 byte order mark, as spreadsheets write it */
	if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	for (;;)
	{
		int			recline = line;

		nf = rc_csv_record(&p, end, fields, 3, &line);
		if (nf < 0)
			break;
		if (nf == 1 && fields[0][0] == '\0')
			continue;			/* blank line */
		if (nf != 3)
			ereport(ERROR,
					(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
					 errmsg("code descriptions CSV line %d has %d fields, expected 3", recline, nf),
					 errhint("Columns: code_type, code, description; quote fields that hold commas.")));
		if (header)
		{
			if (pg_strcasecmp(fields[0], "code_type") != 0 ||
				pg_strcasecmp(fields[1], "code") != 0 ||
				pg_strcasecmp(fields[2], "description") != 0)
				ereport(ERROR,
						(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
						 errmsg("code descriptions CSV must start with the header \"code_type,code,description\", got \"%s,%s,%s\"",
								fields[0], fields[1], fields[2])));
			header = false;
			continue;
		}
		{
			Datum		values[4];
			bool		nulls[4] = {false, false, false, false};

			values[0] = Int32GetDatum(recline);
			values[1] = PointerGetDatum(cstring_to_text(fields[0]));
			values[2] = PointerGetDatum(cstring_to_text(fields[1]));
			values[3] = PointerGetDatum(cstring_to_text(fields[2]));
			tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
		}
	}
	if (header)
		ereport(ERROR,
				(errcode(ERRCODE_BAD_COPY_FILE_FORMAT),
				 errmsg("code descriptions CSV is empty"),
				 errhint("The first line must be the header \"code_type,code,description\".")));
	return (Datum) 0;
}
