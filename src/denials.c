/*-------------------------------------------------------------------------
 *
 * denials.c
 *	  The revcycle.denials summary type: per (group code, reason code) the
 *	  number of remittance adjustments and their exact dollar sum, the
 *	  denial_summary / denial_merge aggregates and the code_count
 *	  accessor.
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
 * The code grammar is in carc.h and carc.c, text and binary I/O in
 * denials_io.c, the categories (denial_codes, denial_root_causes) in
 * denial_categories.c.
 *
 *-------------------------------------------------------------------------
 */
#include "compat.h"

#include "common/hashfn.h"
#include "port/pg_bitutils.h"
#include "utils/builtins.h"

#include "denials.h"
#include "summary_io.h"

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

/* An empty summary with the given table capacity, allocated in ctx. */
RcDenials *
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
void
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

/* Add n to an entry's count; raises 22003 on overflow. */
static inline void
rc_entry_add_count(RcDenialEntry *e, int64 n)
{
	if (__builtin_add_overflow(e->count, n, &e->count))
		ereport(ERROR,
				(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
				 errmsg("adjustment count of revcycle.denials is out of range")));
}

/* Add every entry of src into *dp, growing it as needed. */
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

/* ---------- sorted views of a summary ---------- */

/* qsort order of entry pointers: valid codes by key, then malformed by raw text. */
int
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
RcDenialEntry **
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

/* The smallest table capacity that holds n entries. */
uint32
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

/* Add one row's amount to the entry of a key. */
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

/* denial_summary's three-argument transition for rows off the fast path. */
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

/* ---------- accessors ---------- */

/* Number of distinct codes (valid and malformed) in a summary. */
PG_FUNCTION_INFO_V1(rc_denials_code_count);
Datum
rc_denials_code_count(PG_FUNCTION_ARGS)
{
	PG_RETURN_INT32((int32) PG_GETARG_RCDENIALS(0)->nentries);
}
