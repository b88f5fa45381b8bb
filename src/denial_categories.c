/*-------------------------------------------------------------------------
 *
 * denial_categories.c
 *	  denial_codes and denial_root_causes: a revcycle.denials summary with
 *	  root-cause categories attached.
 *
 * Categories are not part of the summary: these functions read the merged
 * reference view (revcycle.carc_category) through SPI once per call.
 *
 *-------------------------------------------------------------------------
 */
#include "compat.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "funcapi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"
#include "utils/tuplestore.h"

#include "denials.h"

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

/* qsort order of categories: by key. */
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

/* The category of an exact key, or NULL (binary search). */
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
