/*
 * test_835.c — standalone known-answer tests for src/x12_835.c
 *
 *   cc -std=c99 -Wall -Wextra -Werror -fsanitize=address,undefined \
 *      -I../src test_835.c ../src/x12_835.c -o test_835
 *   ./test_835 ../test/fixtures/835
 *
 * Prints one line per check, ends with "N passed, N failed".
 */
#include "x12_835.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXN 64
#define S 64

static int n_pass, n_fail;
static const char *cur_fixture = "";

static void
check(int ok, const char *what, const char *got, const char *exp)
{
	if (ok)
	{
		n_pass++;
		printf("PASS %s: %s = %s\n", cur_fixture, what, got);
	}
	else
	{
		n_fail++;
		printf("FAIL %s: %s = '%s', expected '%s'\n", cur_fixture, what, got, exp);
	}
}

static void
check_str(const char *what, const char *got, const char *exp)
{
	check(strcmp(got, exp) == 0, what, got, exp);
}

static void
check_int(const char *what, long long got, long long exp)
{
	char		g[32], e[32];

	snprintf(g, sizeof g, "%lld", got);
	snprintf(e, sizeof e, "%lld", exp);
	check(got == exp, what, g, e);
}

/* ---------------- recorder ---------------- */

static void
cp(char *dst, x12_slice s)
{
	size_t		n = s.len < S - 1 ? s.len : S - 1;

	if (n)
		memcpy(dst, s.ptr, n);
	dst[n] = '\0';
}

static void
amt(char *dst, x12_amount a)
{
	if (a.present)
		x12_dec_format(a.value, dst, S);
	else
		dst[0] = '\0';
}

static void
dte(char *dst, x12_date d)
{
	if (d.present)
		snprintf(dst, S, "%04d-%02d-%02d", d.year, d.month, d.day);
	else
		dst[0] = '\0';
}

typedef struct
{
	char		isa13[S], gs06[S], st02[S], bpr01[S], bpr02[S], bpr04[S], bpr16[S];
	char		trn02[S], trn03[S], prod[S], payer[S], payer_id[S], payee[S], payee_q[S], payee_id[S];
	char		sum_clp04[S], sum_plb[S];
	long long	claims, lines, plbs, segs, stripped, st_seg;
	char		es, cs, rs, term;
	int			started;
} T;

typedef struct
{
	char		clp[9][S], from[S], to[S], recv[S], cadj[S], ladj[S];
	long long	pos, lines, adjs, segment, reversal;
} C;

typedef struct
{
	char		clp01[S], qual[S], code[S], mods[S], charge[S], paid[S], rev[S], units[S];
	char		date[S], from[S], to[S], allowed[S], ctl[S], remarks[S], adj[S];
	long long	pos, claim_pos, segment, nmods;
} L;

typedef struct
{
	char		clp01[S], group[S], reason[S], amount[S], qty[S];
	long long	level, line_pos, triplet, segment;
} A;

typedef struct
{
	char		prov[S], date[S], reason[S], ref[S], amount[S];
	long long	pair, segment;
} P;

typedef struct
{
	char		st02[S], clp01[S], expected[S], actual[S];
	long long	level, claim_pos, line_pos, segment;
} I;

typedef struct
{
	int			nt, nc, nl, na, np, ni, starts;
	T			t[MAXN];
	C			c[MAXN];
	L			l[MAXN];
	A			a[MAXN];
	P			p[MAXN];
	I			i[MAXN];
	int			abort_at_claim;	/* abort when this many claims seen */
} Rec;

static int
on_start(void *u, const x12_835_transaction *t)
{
	Rec		   *r = u;

	r->starts++;
	(void) t;
	return 0;
}

static int
on_end(void *u, const x12_835_transaction *t)
{
	Rec		   *r = u;
	T		   *x;

	if (r->nt >= MAXN)
		return 0;
	x = &r->t[r->nt++];
	cp(x->isa13, t->isa13);
	cp(x->gs06, t->gs06);
	cp(x->st02, t->st02);
	cp(x->bpr01, t->bpr01);
	amt(x->bpr02, t->bpr02);
	cp(x->bpr04, t->bpr04);
	dte(x->bpr16, t->bpr16);
	cp(x->trn02, t->trn02);
	cp(x->trn03, t->trn03);
	dte(x->prod, t->production_date);
	cp(x->payer, t->payer_name);
	cp(x->payer_id, t->payer_id);
	cp(x->payee, t->payee_name);
	cp(x->payee_q, t->payee_id_qualifier);
	cp(x->payee_id, t->payee_id);
	x12_dec_format(t->sum_clp04, x->sum_clp04, S);
	x12_dec_format(t->sum_plb, x->sum_plb, S);
	x->claims = (long long) t->claim_count;
	x->lines = (long long) t->line_count;
	x->plbs = (long long) t->plb_pair_count;
	x->segs = (long long) t->segment_count;
	x->stripped = t->envelope_stripped;
	x->st_seg = (long long) t->st_segment;
	x->es = t->element_sep;
	x->cs = t->component_sep;
	x->rs = t->repetition_sep;
	x->term = t->segment_term;
	return 0;
}

static int
on_claim(void *u, const x12_835_claim *c)
{
	Rec		   *r = u;
	C		   *x;

	if (r->abort_at_claim && r->nc + 1 >= r->abort_at_claim)
		return 7;
	if (r->nc >= MAXN)
		return 0;
	x = &r->c[r->nc++];
	cp(x->clp[0], c->clp01);
	cp(x->clp[1], c->clp02);
	amt(x->clp[2], c->clp03);
	amt(x->clp[3], c->clp04);
	amt(x->clp[4], c->clp05);
	cp(x->clp[5], c->clp06);
	cp(x->clp[6], c->clp07);
	cp(x->clp[7], c->clp08);
	cp(x->clp[8], c->clp09);
	dte(x->from, c->statement_from);
	dte(x->to, c->statement_to);
	dte(x->recv, c->received);
	x12_dec_format(c->claim_adjustments, x->cadj, S);
	x12_dec_format(c->line_adjustments, x->ladj, S);
	x->pos = (long long) c->position;
	x->lines = (long long) c->line_count;
	x->adjs = (long long) c->adjustment_count;
	x->segment = (long long) c->segment;
	x->reversal = c->is_reversal;
	return 0;
}

static int
on_line(void *u, const x12_835_service_line *l)
{
	Rec		   *r = u;
	L		   *x;
	int			k;

	if (r->nl >= MAXN)
		return 0;
	x = &r->l[r->nl++];
	cp(x->clp01, l->clp01);
	cp(x->qual, l->qualifier);
	cp(x->code, l->code);
	x->mods[0] = '\0';
	for (k = 0; k < l->modifier_count; k++)
	{
		char		m[S];

		cp(m, l->modifiers[k]);
		if (k)
			strcat(x->mods, ",");
		strcat(x->mods, m);
	}
	amt(x->charge, l->charge);
	amt(x->paid, l->paid);
	cp(x->rev, l->revenue_code);
	amt(x->units, l->units);
	dte(x->date, l->service_date);
	dte(x->from, l->service_from);
	dte(x->to, l->service_to);
	amt(x->allowed, l->allowed);
	cp(x->ctl, l->line_control);
	x->remarks[0] = '\0';
	for (k = 0; k < l->remark_count; k++)
	{
		char		m[S];

		cp(m, l->remarks[k]);
		if (k)
			strcat(x->remarks, ",");
		if (strlen(x->remarks) + strlen(m) < S - 2)
			strcat(x->remarks, m);
	}
	x12_dec_format(l->adjustments, x->adj, S);
	x->pos = (long long) l->position;
	x->claim_pos = (long long) l->claim_position;
	x->segment = (long long) l->segment;
	x->nmods = l->modifier_count;
	return 0;
}

static int
on_adj(void *u, const x12_835_adjustment *a)
{
	Rec		   *r = u;
	A		   *x;

	if (r->na >= MAXN)
		return 0;
	x = &r->a[r->na++];
	cp(x->clp01, a->clp01);
	cp(x->group, a->group_code);
	cp(x->reason, a->reason_code);
	amt(x->amount, a->amount);
	amt(x->qty, a->quantity);
	x->level = a->level;
	x->line_pos = (long long) a->line_position;
	x->triplet = a->triplet;
	x->segment = (long long) a->segment;
	return 0;
}

static int
on_plb(void *u, const x12_835_provider_adjustment *p)
{
	Rec		   *r = u;
	P		   *x;

	if (r->np >= MAXN)
		return 0;
	x = &r->p[r->np++];
	cp(x->prov, p->provider_id);
	dte(x->date, p->fiscal_period);
	cp(x->reason, p->reason_code);
	cp(x->ref, p->reference);
	amt(x->amount, p->amount);
	x->pair = p->pair;
	x->segment = (long long) p->segment;
	return 0;
}

static int
on_imb(void *u, const x12_835_imbalance *b)
{
	Rec		   *r = u;
	I		   *x;

	if (r->ni >= MAXN)
		return 0;
	x = &r->i[r->ni++];
	cp(x->st02, b->st02);
	cp(x->clp01, b->clp01);
	x12_dec_format(b->expected, x->expected, S);
	x12_dec_format(b->actual, x->actual, S);
	x->level = b->level;
	x->claim_pos = (long long) b->claim_position;
	x->line_pos = (long long) b->line_position;
	x->segment = (long long) b->segment;
	return 0;
}

static const x12_835_callbacks CB = {on_start, on_end, on_claim, on_line, on_adj, on_plb, on_imb, NULL, 0};

static int	progress_calls;
static size_t progress_last;
static size_t progress_abort_at;

static int
on_progress(void *u, size_t segments)
{
	(void) u;
	progress_calls++;
	progress_last = segments;
	return progress_abort_at != 0 && segments == progress_abort_at;
}

/* issue 11, item 6: the claim and line fields real files carry */
static char f_pat[S], f_ins[S], f_f8[S], f_1l[S], f_ce[S], f_au[S], f_i[S], f_d8[S],
			f_moa[S], f_mia[S], f_cur[S], f_svc06[S], f_svc07[S], f_svc05[S];

static int
f_on_start(void *u, const x12_835_transaction *t)
{
	(void) u;
	cp(f_cur, t->currency);
	return 0;
}

static int
f_on_claim(void *u, const x12_835_claim *c)
{
	(void) u;
	cp(f_pat, c->patient_id);
	cp(f_ins, c->insured_id);
	cp(f_f8, c->original_reference);
	cp(f_1l, c->group_number);
	cp(f_ce, c->contract_class);
	amt(f_au, c->coverage_amount);
	amt(f_i, c->interest_amount);
	amt(f_d8, c->discount_amount);
	cp(f_moa, c->moa);
	cp(f_mia, c->mia);
	return 0;
}

static int
f_on_line(void *u, const x12_835_service_line *l)
{
	(void) u;
	cp(f_svc06, l->original_svc01);
	amt(f_svc07, l->original_units);
	amt(f_svc05, l->units);
	return 0;
}

/* ---------------- fixture loading ---------------- */

static const char *fixdir = "../test/fixtures/835";

static char *
load(const char *name, size_t *len)
{
	char		path[1024];
	FILE	   *f;
	char	   *buf;
	long		n;

	snprintf(path, sizeof path, "%s/%s", fixdir, name);
	f = fopen(path, "rb");
	if (!f)
	{
		printf("FAIL %s: cannot open %s\n", name, path);
		n_fail++;
		return NULL;
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t) n + 1);
	if (fread(buf, 1, (size_t) n, f) != (size_t) n)
		n = 0;
	fclose(f);
	/* exact-size copy so ASan catches any read past the end */
	{
		char	   *exact = malloc(n ? (size_t) n : 1);

		memcpy(exact, buf, (size_t) n);
		free(buf);
		buf = exact;
	}
	*len = (size_t) n;
	return buf;
}

static Rec *rec;
static x12_error err;
static int	rc;

static int
run(const char *name, unsigned flags)
{
	size_t		len;
	char	   *doc;

	cur_fixture = name;
	memset(rec, 0, sizeof(*rec));
	doc = load(name, &len);
	if (!doc)
		return -1;
	rc = x12_835_parse(doc, len, &CB, rec, flags, &err);
	/* every prefix must parse or fail cleanly (ASan checks bounds) */
	{
		size_t		k;
		Rec		   *scratch = calloc(1, sizeof(Rec));
		x12_error	e2;

		for (k = 0; k < len; k++)
		{
			char	   *pre = malloc(k ? k : 1);

			memcpy(pre, doc, k);
			(void) x12_835_parse(pre, k, &CB, scratch, X12_835_CHECK_BALANCE, &e2);
			memset(scratch, 0, sizeof(*scratch));
			free(pre);
		}
		free(scratch);
	}
	free(doc);
	return rc;
}

#define CS(what, got, exp) check_str(what, got, exp)
#define CI(what, got, exp) check_int(what, (long long) (got), (long long) (exp))

static void
expect_ok(const char *name, unsigned flags)
{
	run(name, flags);
	check_str("parse result", x12_error_name(rc), "X12_OK");
	if (rc)
		printf("     error: seg %lu %s%02d %s\n", (unsigned long) err.segment,
			   err.segment_id, err.element, err.msg);
}

static void
expect_err(const char *name, int code, long long seg, const char *id, int element,
		   const char *msg_part)
{
	run(name, 0);
	CS("error code", x12_error_name(rc), x12_error_name(code));
	CI("error segment number", err.segment, seg);
	CS("error segment id", err.segment_id, id);
	CI("error element", err.element, element);
	check(strstr(err.msg, msg_part) != NULL, "error message contains value", err.msg, msg_part);
}

/* ---------------- fixture tests ---------------- */

static void
t01(void)
{
	T		   *t;

	expect_ok("01_paid_crlf.edi", X12_835_CHECK_BALANCE);
	CI("transactions", rec->nt, 1);
	CI("transaction starts", rec->starts, 1);
	CI("claims", rec->nc, 2);
	CI("lines", rec->nl, 3);
	CI("adjustments", rec->na, 3);
	CI("imbalances", rec->ni, 0);
	t = &rec->t[0];
	CS("ISA13", t->isa13, "000000101");
	CS("GS06", t->gs06, "101");
	CS("ST02", t->st02, "0001");
	CS("BPR01", t->bpr01, "I");
	CS("BPR02", t->bpr02, "650.00");
	CS("BPR04", t->bpr04, "ACH");
	CS("BPR16", t->bpr16, "2026-11-15");
	CS("TRN02", t->trn02, "EFT0001001");
	CS("TRN03", t->trn03, "1512345678");
	CS("DTM*405", t->prod, "2026-11-14");
	CS("payer name", t->payer, "NORTHWIND HEALTH PLAN");
	CS("payer id (REF*2U)", t->payer_id, "NWHP77");
	CS("payee name", t->payee, "RIVERBEND MEMORIAL HOSPITAL");
	CS("payee id qualifier", t->payee_q, "XX");
	CS("payee id", t->payee_id, "1999999984");
	CS("sum CLP04", t->sum_clp04, "650.00");
	CS("sum PLB", t->sum_plb, "0");
	CI("segment count", t->segs, 34);
	CI("ST segment number", t->st_seg, 3);
	CI("element sep", t->es, '*');
	CI("component sep", t->cs, ':');
	CI("repetition sep", t->rs, '^');
	CI("terminator", t->term, '~');
	CS("claim1 CLP01", rec->c[0].clp[0], "RB1001");
	CS("claim1 CLP02", rec->c[0].clp[1], "1");
	CS("claim1 CLP03", rec->c[0].clp[2], "500.00");
	CS("claim1 CLP04", rec->c[0].clp[3], "400.00");
	CS("claim1 CLP05", rec->c[0].clp[4], "50.00");
	CS("claim1 CLP06", rec->c[0].clp[5], "12");
	CS("claim1 CLP07", rec->c[0].clp[6], "NWC0000001");
	CS("claim1 CLP08", rec->c[0].clp[7], "11");
	CS("claim1 CLP09", rec->c[0].clp[8], "1");
	CS("claim1 DTM*232", rec->c[0].from, "2026-10-01");
	CS("claim1 DTM*233", rec->c[0].to, "2026-10-03");
	CS("claim1 DTM*050", rec->c[0].recv, "2026-10-10");
	CI("claim1 lines", rec->c[0].lines, 2);
	CI("claim1 segment", rec->c[0].segment, 16);
	CS("claim1 line-level adj", rec->c[0].ladj, "100.00");
	CS("claim1 claim-level adj", rec->c[0].cadj, "0");
	CI("claim1 reversal", rec->c[0].reversal, 0);
	CS("claim2 CLP05 '0'", rec->c[1].clp[4], "0");
	CI("claim2 position", rec->c[1].pos, 2);
	CS("line1 qualifier", rec->l[0].qual, "HC");
	CS("line1 code", rec->l[0].code, "99213");
	CS("line1 modifiers", rec->l[0].mods, "25");
	CS("line1 charge", rec->l[0].charge, "300.00");
	CS("line1 paid", rec->l[0].paid, "260.00");
	CS("line1 units", rec->l[0].units, "1");
	CS("line1 DTM*472", rec->l[0].date, "2026-10-01");
	CS("line1 AMT*B6", rec->l[0].allowed, "260.00");
	CS("line1 REF*6R", rec->l[0].ctl, "LN0001");
	CI("line1 segment", rec->l[0].segment, 21);
	CS("line2 remarks", rec->l[1].remarks, "N130,M15");
	CS("line2 adjustments", rec->l[1].adj, "60.00");
	CI("line2 position", rec->l[1].pos, 2);
	CS("line3 revenue code", rec->l[2].rev, "0450");
	CI("line3 position in claim 2", rec->l[2].pos, 1);
	CI("line3 claim position", rec->l[2].claim_pos, 2);
	CS("adj3 group", rec->a[2].group, "PR");
	CS("adj3 reason", rec->a[2].reason, "2");
	CS("adj3 amount", rec->a[2].amount, "50.00");
	CI("adj3 level", rec->a[2].level, X12_LEVEL_LINE);
	CI("adj3 line position", rec->a[2].line_pos, 2);
	CS("adj3 clp01", rec->a[2].clp01, "RB1001");
}

static void
t02(void)
{
	expect_ok("02_partial_zero_denied.edi", X12_835_CHECK_BALANCE);
	CI("claims", rec->nc, 3);
	CI("lines", rec->nl, 3);
	CI("adjustments (triplets)", rec->na, 2 + 6 + 1 + 1 + 1);
	CI("imbalances", rec->ni, 0);
	CI("component sep", rec->t[0].cs, '>');
	CS("BPR04", rec->t[0].bpr04, "CHK");
	CS("claim1 claim-level adj", rec->c[0].cadj, "150.00");
	CS("claim1 line-level adj", rec->c[0].ladj, "150.00");
	CI("claim1 adjustment count", rec->c[0].adjs, 9);
	CS("adj1 claim level group", rec->a[0].group, "PR");
	CI("adj1 level", rec->a[0].level, X12_LEVEL_CLAIM);
	CI("adj1 line position", rec->a[0].line_pos, 0);
	CS("adj2 reason", rec->a[1].reason, "2");
	CI("adj2 triplet", rec->a[1].triplet, 2);
	CS("adj2 amount", rec->a[1].amount, "50.00");
	CS("6-triplet #1 qty", rec->a[2].qty, "1");
	CS("6-triplet #2 reason", rec->a[3].reason, "253");
	CS("6-triplet #2 amount", rec->a[3].amount, "2.50");
	CS("6-triplet #4 amount", rec->a[5].amount, "5");
	CS("6-triplet #6 reason", rec->a[7].reason, "131");
	CI("6-triplet #6 triplet", rec->a[7].triplet, 6);
	CS("6-triplet #6 qty", rec->a[7].qty, "2");
	CI("6-triplet segment", rec->a[7].segment, 22);
	CS("line1 modifiers ('>' split)", rec->l[0].mods, "GP,59");
	CI("line1 modifier count", rec->l[0].nmods, 2);
	CS("line1 code", rec->l[0].code, "97110");
	CS("line1 DTM*150", rec->l[0].from, "2026-10-20");
	CS("line1 DTM*151", rec->l[0].to, "2026-10-23");
	CS("line1 units", rec->l[0].units, "4");
	CS("line1 adjustments", rec->l[0].adj, "50.00");
	CI("claim1 segment (after LX, TS3)", rec->c[0].segment, 17);
	CI("segment count", rec->t[0].segs, 29);
	CS("zero-paid CLP04", rec->c[1].clp[3], "0");
	CS("zero-paid CLP05", rec->c[1].clp[4], "120.00");
	CS("denied CLP02", rec->c[2].clp[1], "4");
	CS("denied CLP04", rec->c[2].clp[3], "0");
	CS("denied line remark", rec->l[2].remarks, "N115");
	CS("denied line adj", rec->l[2].adj, "300");
	CS("sum CLP04", rec->t[0].sum_clp04, "700.00");
}

static void
t03(void)
{
	expect_ok("03_reversal_plb.edi", X12_835_CHECK_BALANCE);
	CI("claims (file starts with UTF-8 BOM)", rec->nc, 3);
	CI("PLB pairs", rec->np, 3);
	CI("imbalances", rec->ni, 0);
	CS("reversal CLP02", rec->c[0].clp[1], "22");
	CI("reversal flag", rec->c[0].reversal, 1);
	CS("reversal CLP03", rec->c[0].clp[2], "-500.00");
	CS("reversal CLP04", rec->c[0].clp[3], "-400.00");
	CS("reversal claim adj", rec->c[0].cadj, "-100.00");
	CI("corrected flag", rec->c[1].reversal, 0);
	CS("corrected CLP01 same as reversal", rec->c[1].clp[0], "RB1001");
	CS("corrected CLP07", rec->c[1].clp[6], "NWC0000021");
	CS("corrected CLP09", rec->c[1].clp[8], "7");
	CS("claim3 CLP05 empty", rec->c[2].clp[4], "");
	CS("PLB1 provider", rec->p[0].prov, "1999999984");
	CS("PLB1 fiscal date", rec->p[0].date, "2026-12-31");
	CS("PLB1 reason", rec->p[0].reason, "WO");
	CS("PLB1 reference", rec->p[0].ref, "NWC0000099");
	CS("PLB1 amount", rec->p[0].amount, "125.00");
	CS("PLB interest reason", rec->p[1].reason, "L6");
	CS("PLB interest ref empty", rec->p[1].ref, "");
	CS("PLB interest amount", rec->p[1].amount, "-3.75");
	CI("PLB interest pair", rec->p[1].pair, 2);
	CI("PLB interest segment", rec->p[1].segment, 22);
	CS("PLB3 reason", rec->p[2].reason, "FB");
	CS("PLB3 amount", rec->p[2].amount, "-20.00");
	CI("PLB3 segment", rec->p[2].segment, 23);
	CS("sum CLP04", rec->t[0].sum_clp04, "850.00");
	CS("sum PLB", rec->t[0].sum_plb, "101.25");
	CS("BPR02", rec->t[0].bpr02, "748.75");
}

static void
t04(void)
{
	expect_ok("04_multi_interchange.edi", X12_835_CHECK_BALANCE);
	CI("transactions", rec->nt, 4);
	CI("transaction starts", rec->starts, 4);
	CI("claims", rec->nc, 4);
	CI("imbalances", rec->ni, 0);
	CS("t1 ISA13", rec->t[0].isa13, "000000404");
	CS("t2 ST02", rec->t[1].st02, "4002");
	CS("t2 GS06", rec->t[1].gs06, "404");
	CS("t2 BPR02", rec->t[1].bpr02, "75.50");
	CS("t3 ISA13", rec->t[2].isa13, "000000405");
	CI("t3 element sep", rec->t[2].es, '|');
	CI("t3 component sep", rec->t[2].cs, '>');
	CS("t3 BPR01 (no payment)", rec->t[2].bpr01, "H");
	CS("t3 BPR02", rec->t[2].bpr02, "0");
	CS("t3 BPR04", rec->t[2].bpr04, "NON");
	CI("t3 ST segment", rec->t[2].st_seg, 38);
	CS("t4 GS06", rec->t[3].gs06, "406");
	CS("t4 payee", rec->t[3].payee, "RIVERBEND MEMORIAL HOSPITAL");
	CS("denied claim CLP02", rec->c[2].clp[1], "4");
	CI("denied claim segment", rec->c[2].segment, 51);
	CS("line modifier via '>'", rec->l[0].mods, "GT");
	CS("OA adjustment group", rec->a[0].group, "OA");
	CS("OA adjustment amount", rec->a[0].amount, "4.50");
}

static void
t05(void)
{
	expect_ok("05_newline_no_final_term.edi", X12_835_CHECK_BALANCE);
	CI("transactions", rec->nt, 1);
	CI("terminator is newline", rec->t[0].term, '\n');
	CI("no repetition sep (00401 'U')", rec->t[0].rs, 0);
	CI("segment count", rec->t[0].segs, 17);
	CS("payer id (N104 wins over REF*2U)", rec->t[0].payer_id, "NWHP05");
	CS("payer name", rec->t[0].payer, "NORTHWIND HEALTH PLAN");
	CS("GS06", rec->t[0].gs06, "505");
	CS("line units", rec->l[0].units, "1");
	CS("line adjustments", rec->l[0].adj, "8");
	CS("CLP03 one decimal", rec->c[0].clp[2], "50.1");
	CS("CLP04", rec->c[0].clp[3], "42.10");
	CI("imbalances", rec->ni, 0);
}

static void
t06(void)
{
	expect_ok("06_stripped_st.edi", X12_835_CHECK_BALANCE);
	CI("transactions", rec->nt, 2);
	CI("stripped flag", rec->t[0].stripped, 1);
	CS("ISA13 empty", rec->t[0].isa13, "");
	CS("GS06 empty", rec->t[0].gs06, "");
	CI("default element sep", rec->t[0].es, '*');
	CI("default component sep", rec->t[0].cs, ':');
	CI("default repetition sep", rec->t[0].rs, '^');
	CI("ST segment", rec->t[0].st_seg, 1);
	CI("t2 ST segment", rec->t[1].st_seg, 18);
	CI("claim1 segment", rec->c[0].segment, 14);
	CS("t2 BPR02", rec->t[1].bpr02, "5");
	CI("imbalances", rec->ni, 0);
}

static void
t_unbalanced(void)
{
	expect_ok("unbalanced.edi", 0);
	CI("no imbalances without check flag", rec->ni, 0);
	expect_ok("unbalanced.edi", X12_835_CHECK_BALANCE);
	CI("imbalances", rec->ni, 3);
	CI("imb1 level", rec->i[0].level, X12_LEVEL_LINE);
	CS("imb1 st02", rec->i[0].st02, "9991");
	CS("imb1 clp01", rec->i[0].clp01, "RBU001");
	CI("imb1 claim position", rec->i[0].claim_pos, 1);
	CI("imb1 line position", rec->i[0].line_pos, 1);
	CI("imb1 segment", rec->i[0].segment, 17);
	CS("imb1 expected", rec->i[0].expected, "190.00");
	CS("imb1 actual", rec->i[0].actual, "180.00");
	CI("imb2 level", rec->i[1].level, X12_LEVEL_CLAIM);
	CS("imb2 clp01", rec->i[1].clp01, "RBU001");
	CI("imb2 line position", rec->i[1].line_pos, 0);
	CI("imb2 segment", rec->i[1].segment, 16);
	CS("imb2 expected", rec->i[1].expected, "260.00");
	CS("imb2 actual", rec->i[1].actual, "250.00");
	CI("imb3 level", rec->i[2].level, X12_LEVEL_TRANSACTION);
	CS("imb3 clp01 empty", rec->i[2].clp01, "");
	CI("imb3 segment", rec->i[2].segment, 24);
	CS("imb3 expected", rec->i[2].expected, "462.34");
	CS("imb3 actual", rec->i[2].actual, "500.00");
}

/* phase 2: a transaction with no claims, only a PLB (load_835 stores it) */
static void
t07(void)
{
	expect_ok("07_plb_only.edi", X12_835_CHECK_BALANCE);
	CI("transactions", rec->nt, 1);
	CI("claims", rec->nc, 0);
	CI("txn claim count", rec->t[0].claims, 0);
	CI("txn plb pairs", rec->t[0].plbs, 1);
	CI("txn segments", rec->t[0].segs, 9);
	CS("txn sum plb", rec->t[0].sum_plb, "-12.50");
	CI("plb events", rec->np, 1);
	CI("imbalances", rec->ni, 0);
}

static void
t_errors(void)
{
	expect_err("bad_01_not_x12.edi", X12_ERR_NOT_X12, 1, "", 0, "'HELLO*WORLD~\\x0A'");
	expect_err("bad_02_isa_length.edi", X12_ERR_ISA_LENGTH, 1, "ISA", 6, "ISA06 has width 14");
	expect_err("bad_03_missing_se.edi", X12_ERR_ENVELOPE_OPEN, 19, "GE", 0, "missing SE");
	expect_err("bad_04_missing_ge.edi", X12_ERR_ENVELOPE_OPEN, 20, "IEA", 0, "missing GE");
	expect_err("bad_05_missing_iea.edi", X12_ERR_ENVELOPE_OPEN, 21, "IEA", 0, "missing IEA");
	expect_err("bad_06_se_count.edi", X12_ERR_SEGMENT_COUNT, 19, "SE", 1, "17 segments, SE01 says '16'");
	expect_err("bad_07_ge_count.edi", X12_ERR_GROUP_COUNT, 20, "GE", 1, "'2'");
	expect_err("bad_08_iea_count.edi", X12_ERR_INTERCHANGE_COUNT, 21, "IEA", 1, "'3'");
	expect_err("bad_09_amount.edi", X12_ERR_BAD_AMOUNT, 16, "CLP", 4, "CLP04: not a valid X12 decimal (or out of range) '12.3X'");
	expect_err("bad_10_date.edi", X12_ERR_BAD_DATE, 17, "DTM", 2, "'20250230'");
	expect_err("bad_11_control_mismatch.edi", X12_ERR_CONTROL_MISMATCH, 19, "SE", 2, "'9009'");
	/* phase 2: the second transaction of an interchange is malformed */
	expect_err("bad_12_second_txn.edi", X12_ERR_BAD_DATE, 14, "BPR", 16, "BPR16: not a valid CCYYMMDD date '20261131'");
}

/* ---------------- unit checks on helpers / in-memory docs ---------------- */

static void
dec_case(const char *in, int ok, long long units, int scale)
{
	x12_dec		d = {0, 0};
	int			r = x12_parse_decimal(in, strlen(in), &d);
	char		what[96];

	snprintf(what, sizeof what, "decimal '%s'", in);
	if (!ok)
		check_int(what, r, -1);
	else
	{
		check_int(what, r, 0);
		snprintf(what, sizeof what, "decimal '%s' units", in);
		check_int(what, d.units, units);
		snprintf(what, sizeof what, "decimal '%s' scale", in);
		check_int(what, d.scale, scale);
	}
}

static void
date_case(const char *in, int ok)
{
	int			y, m, d;
	char		what[64];

	snprintf(what, sizeof what, "date '%s'", in);
	check_int(what, x12_parse_date(in, strlen(in), &y, &m, &d), ok ? 0 : -1);
}

static int
parse_str(const char *s, unsigned flags)
{
	size_t		n = strlen(s);
	char	   *b = malloc(n ? n : 1);
	int			r;

	memcpy(b, s, n);
	memset(rec, 0, sizeof(*rec));
	r = x12_835_parse(b, n, &CB, rec, flags, &err);
	free(b);
	return r;
}

static void
t_units(void)
{
	x12_dec		a, b, r;
	char		buf[64];
	int			cmp;

	cur_fixture = "(units)";
	dec_case("0", 1, 0, 0);
	dec_case("123.45", 1, 12345, 2);
	dec_case("-0.01", 1, -1, 2);
	dec_case("100", 1, 100, 0);
	dec_case("9223372036854775807", 1, 9223372036854775807LL, 0);
	dec_case("9223372036854775808", 0, 0, 0);
	dec_case("0.000000000000000001", 1, 1, 18);
	dec_case("0.0000000000000000001", 0, 0, 0);
	dec_case("12.3X", 0, 0, 0);
	dec_case("+5", 0, 0, 0);
	dec_case("1,000", 0, 0, 0);
	dec_case("1e3", 0, 0, 0);
	dec_case("5.", 0, 0, 0);
	dec_case("-", 0, 0, 0);
	dec_case("", 0, 0, 0);
	dec_case(" 5", 0, 0, 0);
	dec_case("--5", 0, 0, 0);
	/*
	 * The decimal grammar of the 005010 TR3 (appendix B, data element type
	 * R): optional leading minus, digits, a decimal point only with a
	 * fraction after it; leading zeros are suppressed, so the integer part
	 * may be empty.  Allowed forms:
	 */
	dec_case(".5", 1, 5, 1);	/* 0.5 */
	dec_case("-.5", 1, -5, 1);	/* -0.5 */
	dec_case(".52", 1, 52, 2);	/* 0.52: the SVC03 of issue 11 */
	dec_case("-.52", 1, -52, 2);	/* -0.52 */
	dec_case(".54", 1, 54, 2);	/* de-identified payer files */
	dec_case(".7", 1, 7, 1);
	dec_case(".28", 1, 28, 2);
	dec_case(".05", 1, 5, 2);	/* 0.05: scale 2, units 5 */
	dec_case(".0", 1, 0, 1);
	dec_case("-.0", 1, 0, 1);
	dec_case("-0", 1, 0, 0);
	dec_case("0.5", 1, 5, 1);	/* leading zero sent anyway: same value */
	dec_case("007", 1, 7, 0);
	dec_case("-34.46", 1, -3446, 2);
	dec_case(".000000000000000001", 1, 1, 18);	/* 18 decimals: the limit */
	dec_case(".0000000000000000001", 0, 0, 0);	/* 19 decimals: refused */
	dec_case(".9223372036854775807", 0, 0, 0);	/* scale 19 */
	dec_case("922337203685477580.7", 1, 9223372036854775807LL, 1);
	dec_case("922337203685477580.8", 0, 0, 0);	/* beyond int64 */
	/* Forbidden forms: */
	dec_case(".", 0, 0, 0);		/* no digit at all */
	dec_case("-.", 0, 0, 0);
	dec_case("..5", 0, 0, 0);
	dec_case(".5.", 0, 0, 0);
	dec_case("1.2.3", 0, 0, 0);
	dec_case("-5.", 0, 0, 0);	/* trailing decimal point */
	dec_case("+.5", 0, 0, 0);	/* plus sign */
	dec_case("-+5", 0, 0, 0);
	dec_case(".-5", 0, 0, 0);
	dec_case("5-", 0, 0, 0);	/* trailing sign */
	dec_case(".5 ", 0, 0, 0);	/* blanks */
	dec_case("- .5", 0, 0, 0);
	dec_case(".5e1", 0, 0, 0);	/* exponent */
	dec_case(",5", 0, 0, 0);	/* decimal comma */
	dec_case("5,5", 0, 0, 0);
	dec_case(".x", 0, 0, 0);
	date_case("20240229", 1);
	date_case("20230229", 0);
	date_case("20000229", 1);
	date_case("21000229", 0);
	date_case("20250230", 0);
	date_case("20251131", 0);
	date_case("20251231", 1);
	date_case("20251301", 0);
	date_case("20250001", 0);
	date_case("20250100", 0);
	date_case("2025011", 0);
	date_case("2025-1-1", 0);
	a.units = 10050;
	a.scale = 2;
	b.units = 3;
	b.scale = 0;
	check_int("add rc", x12_dec_add(a, b, &r), 0);
	check_str("100.50 + 3", x12_dec_format(r, buf, sizeof buf), "103.50");
	check_int("sub rc", x12_dec_sub(b, a, &r), 0);
	check_str("3 - 100.50", x12_dec_format(r, buf, sizeof buf), "-97.50");
	b.units = 1005;
	b.scale = 1;
	x12_dec_cmp(a, b, &cmp);
	check_int("100.50 == 100.5", cmp, 0);
	a.units = INT64_MAX;
	a.scale = 0;
	b.units = 1;
	b.scale = 0;
	check_int("INT64_MAX + 1 overflows", x12_dec_add(a, b, &r), -1);
	b.scale = 1;
	check_int("rescale overflow", x12_dec_add(a, b, &r), -1);
	a.units = INT64_MIN;
	b.units = 1;
	b.scale = 0;
	check_int("INT64_MIN - 1 overflows", x12_dec_sub(a, b, &r), -1);
	check_str("format INT64_MIN", x12_dec_format(a, buf, sizeof buf), "-9223372036854775808");
	a.units = 5;
	a.scale = 3;
	check_str("format 0.005", x12_dec_format(a, buf, sizeof buf), "0.005");

	cur_fixture = "(inline)";
	check_str("empty doc", x12_error_name(parse_str("", 0)), "X12_ERR_NOT_X12");
	check_str("whitespace doc", x12_error_name(parse_str(" \r\n", 0)), "X12_ERR_NOT_X12");
	check_str("NULL doc len>0", x12_error_name(x12_835_parse(NULL, 5, NULL, NULL, 0, &err)),
			  "X12_ERR_INVALID_ARG");
	check_str("not an 835", x12_error_name(parse_str("ST*835*1~BPR*I*1*C*ACH~CLP*A*1*1*1~SE*4*1~ST*837*2~", 0)),
			  "X12_ERR_BAD_VALUE");
	check_int("ST01 error segment", err.segment, 5);
	check_int("ST01 error element", err.element, 1);
	check_str("minimal stripped ok",
			  x12_error_name(parse_str("ST*835*1~BPR*I*1*C*ACH~CLP*A*1*1*1~SE*4*1~", X12_835_CHECK_BALANCE)), "X12_OK");
	check_int("minimal claims", rec->nc, 1);
	check_str("SVC before CLP", x12_error_name(parse_str("ST*835*1~BPR*I*1*C*ACH~SVC*HC:1*1*1~SE*4*1~", 0)),
			  "X12_ERR_UNEXPECTED_SEGMENT");
	check_str("SVC before CLP id", err.segment_id, "SVC");
	check_int("SVC before CLP segment", err.segment, 3);
	check_str("missing BPR", x12_error_name(parse_str("ST*835*1~TRN*1*2~SE*3*1~", 0)),
			  "X12_ERR_UNEXPECTED_SEGMENT");
	check_str("CLP after PLB", x12_error_name(parse_str("ST*835*1~BPR*I*1*C*ACH~PLB*1*20260101*L6*1~CLP*A*1*1*1~SE*5*1~", 0)),
			  "X12_ERR_UNEXPECTED_SEGMENT");
	check_str("bad CAS group", x12_error_name(parse_str("ST*835*1~BPR*I*0*C*ACH~CLP*A*1*1*0~CAS*XX*1*1~SE*5*1~", 0)),
			  "X12_ERR_BAD_VALUE");
	check_str("CAS reason without amount", x12_error_name(parse_str("ST*835*1~BPR*I*0*C*ACH~CLP*A*1*1*0~CAS*CO*1~SE*5*1~", 0)),
			  "X12_ERR_MISSING_ELEMENT");
	check_int("CAS missing amount element", err.element, 3);
	check_str("CLP01 missing", x12_error_name(parse_str("ST*835*1~BPR*I*0*C*ACH~CLP**1*1*0~SE*4*1~", 0)),
			  "X12_ERR_MISSING_ELEMENT");
	check_int("CLP01 missing element", err.element, 1);
	check_str("bad BPR16 date", x12_error_name(parse_str("ST*835*1~BPR*I*0*C*ACH************20261399~SE*3*1~", 0)),
			  "X12_ERR_BAD_DATE");
	check_int("bad BPR16 element", err.element, 16);
	check_str("binary in message escaped",
			  x12_error_name(parse_str("ST*835*1~BPR*I*1\x01*C*ACH~SE*3*1~", 0)), "X12_ERR_BAD_AMOUNT");
	check(strstr(err.msg, "'1\\x01'") != NULL, "escaped value in message", err.msg, "'1\\x01'");
	check_str("malformed segment id", x12_error_name(parse_str("ST*835*1~BPR*I*1*C*ACH~~SE*3*1~", 0)),
			  "X12_ERR_BAD_SEGMENT");
	check_str("two transactions stripped",
			  x12_error_name(parse_str("ST*835*1~BPR*I*0*C*ACH~SE*3*1~\nST*835*2~BPR*I*0*C*ACH~SE*3*2~", 0)), "X12_OK");
	check_int("two transactions", rec->nt, 2);
	check_str("stripped missing SE", x12_error_name(parse_str("ST*835*1~BPR*I*0*C*ACH~", 0)),
			  "X12_ERR_ENVELOPE_OPEN");
	check_str("stripped missing SE id", err.segment_id, "SE");
	check_int("stripped missing SE segment", err.segment, 3);
	check_str("overflow in balancing",
			  x12_error_name(parse_str("ST*835*1~BPR*I*0*C*ACH~CLP*A*1*9223372036854775807*0~CAS*CO*1*-9223372036854775807~CAS*CO*1*-1000~SE*6*1~",
									   X12_835_CHECK_BALANCE)), "X12_ERR_OVERFLOW");
	check_str("same doc without check", x12_error_name(parse_str("ST*835*1~BPR*I*0*C*ACH~CLP*A*1*9223372036854775807*0~CAS*CO*1*-9223372036854775807~CAS*CO*1*-1000~SE*6*1~", 0)),
			  "X12_OK");
	check_str("too many remarks",
			  x12_error_name(parse_str("ST*835*1~BPR*I*0*C*ACH~CLP*A*1*1*0~SVC*HC:1*1*0~LQ*HE*1~LQ*HE*2~LQ*HE*3~LQ*HE*4~LQ*HE*5~LQ*HE*6~LQ*HE*7~LQ*HE*8~LQ*HE*9~LQ*HE*10~LQ*HE*11~LQ*HE*12~LQ*HE*13~LQ*HE*14~LQ*HE*15~LQ*HE*16~LQ*HE*17~SE*22*1~", 0)),
			  "X12_ERR_LIMIT");
	/* issue 11, item 6: CUR, NM1*QC/IL, MIA/MOA, REF*F8/1L/CE, AMT*AU/I/D8, SVC06/07 */
	{
		static const x12_835_callbacks fcb = {f_on_start, NULL, f_on_claim, f_on_line, NULL, NULL, NULL, NULL, 0};
		const char *d = "ST*835*1~BPR*I*100*C*ACH~TRN*1*T*1~CUR*PR*USD~CLP*A*1*120*100~"
			"NM1*QC*1*LANTERN*AVERY****MI*W100~NM1*IL*1*LANTERN*JO****MI*W199~"
			"MIA*0***12.5~MOA***MA01*MA18~REF*1L*GRP55~REF*CE*PPO~REF*F8*PCC100~"
			"AMT*AU*120.00~AMT*I*1.50~AMT*D8*.2~SVC*HC:J0696*120*100**0*HC:J0690*1~"
			"CAS*CO*45*20~SE*18*1~";
		size_t		n = strlen(d);

		check_str("item 6 doc", x12_error_name(x12_835_parse(d, n, &fcb, NULL, X12_835_CHECK_BALANCE, &err)), "X12_OK");
		check_str("CUR02", f_cur, "USD");
		check_str("NM1*QC NM109", f_pat, "W100");
		check_str("NM1*IL NM109", f_ins, "W199");
		check_str("REF*F8", f_f8, "PCC100");
		check_str("REF*1L", f_1l, "GRP55");
		check_str("REF*CE", f_ce, "PPO");
		check_str("AMT*AU", f_au, "120.00");
		check_str("AMT*I", f_i, "1.50");
		check_str("AMT*D8 (.2)", f_d8, "0.2");
		check_str("MOA as sent", f_moa, "**MA01*MA18");
		check_str("MIA as sent", f_mia, "0***12.5");
		check_str("SVC06", f_svc06, "HC:J0690");
		check_str("SVC05 units paid", f_svc05, "0");
		check_str("SVC07 units billed", f_svc07, "1");
		check_str("CUR not a code",
				  x12_error_name(parse_str("ST*835*1~BPR*I*0*C~CUR*PR*US~SE*4*1~", 0)),
				  "X12_ERR_BAD_VALUE");
		check_str("AMT*I not a decimal",
				  x12_error_name(parse_str("ST*835*1~BPR*I*0*C~CLP*A*1*0*0~AMT*I*1.~SE*5*1~", 0)),
				  "X12_ERR_BAD_AMOUNT");
		check_str("SVC07 not a decimal",
				  x12_error_name(parse_str("ST*835*1~BPR*I*0*C~CLP*A*1*0*0~SVC*HC:1*0*0**0**x~SE*5*1~", 0)),
				  "X12_ERR_BAD_AMOUNT");
	}
	/* issue 11, item 7: clear refusals */
	check_str("SVC01 with another separator",
			  x12_error_name(parse_str("ST*835*1~BPR*I*1*C*ACH~CLP*A*1*1*1~SVC*HC^J0696^KX*1*1~SE*5*1~", 0)),
			  "X12_ERR_MISSING_ELEMENT");
	check(strstr(err.msg, "component separator ':'") != NULL && strstr(err.msg, "'HC^J0696^KX'") != NULL,
		  "SVC01 message names the separator and the value", err.msg, "component separator ':' ... 'HC^J0696^KX'");
	check_int("SVC01 element", err.element, 1);
	check_str("four-letter segment id",
			  x12_error_name(parse_str("ST*835*1~BPR*I*1*C*ACH~CLPX*A*1*1*1~SE*4*1~", 0)), "X12_ERR_BAD_SEGMENT");
	check(strstr(err.msg, "expected): 'CLPX' in 'CLPX*A*1*1*1'") != NULL, "four-letter id quoted whole",
		  err.msg, "...: 'CLPX' in 'CLPX*A*1*1*1'");
	check_int("four-letter id segment", err.segment, 3);
	check_str("line break inside an amount",
			  x12_error_name(parse_str("ST*835*1~BPR*I*1*C*ACH~CLP*A*1*1*1\r\n0~SE*4*1~", 0)), "X12_ERR_BAD_AMOUNT");
	check(strstr(err.msg, "line break at byte 34 of the file: the file looks wrapped") != NULL,
		  "wrapped segment says so", err.msg, "line break at byte 34 ... wrapped");
	check_str("stripped, trailing Ctrl-Z",
			  x12_error_name(parse_str("ST*835*1~BPR*I*0*C*ACH~SE*3*1~\r\n\x1a", 0)), "X12_OK");
	check_str("stripped, trailing junk",
			  x12_error_name(parse_str("ST*835*1~BPR*I*0*C*ACH~SE*3*1~\x1a\x1aX", 0)), "X12_ERR_BAD_SEGMENT");
	{
		size_t		len;
		char	   *doc;
		char	   *buf;
		size_t		i, o;

		cur_fixture = "01_paid_crlf.edi (wrapped, padded)";
		doc = load("01_paid_crlf.edi", &len);
		if (doc)
		{
			buf = malloc(len * 2 + 16);
			/* Ctrl-Z after the IEA (DOS end of file): ignored */
			memcpy(buf, doc, len);
			memcpy(buf + len, "\x1a\x1a", 2);
			check_str("Ctrl-Z after IEA", x12_error_name(x12_835_parse(buf, len + 2, &CB, rec, 0, &err)), "X12_OK");
			memcpy(buf + len, "\0\0", 2);
			check_str("NULs after IEA", x12_error_name(x12_835_parse(buf, len + 2, &CB, rec, 0, &err)), "X12_OK");
			/* other bytes after IEA: named */
			memcpy(buf + len, "\x1aGARBAGE", 8);
			check_str("bytes after IEA", x12_error_name(x12_835_parse(buf, len + 8, &CB, rec, 0, &err)),
					  "X12_ERR_UNEXPECTED_SEGMENT");
			check(strstr(err.msg, "8 bytes after the end of the interchange (IEA)") != NULL,
				  "bytes after IEA named", err.msg, "8 bytes after the end of the interchange (IEA)");
			check_str("bytes after IEA id (none)", err.segment_id, "");
			check_int("bytes after IEA segment", err.segment, 39);
			/* the file wrapped every 80 bytes (a line feed inserted) */
			for (i = 0, o = 0; i < len; i++)
			{
				if (i > 0 && i % 80 == 0)
					buf[o++] = '\n';
				buf[o++] = doc[i];
			}
			check_str("wrapped every 80 bytes", x12_error_name(x12_835_parse(buf, o, &CB, rec, 0, &err)),
					  "X12_ERR_ISA_LENGTH");
			check(strstr(err.msg, "ISA holds a line break after 80 characters: the file looks wrapped") != NULL,
				  "wrapped file says so", err.msg, "ISA holds a line break after 80 characters ... wrapped");
			/* a short ISA ending in its terminator is not "wrapped" */
			check_str("short ISA then CRLF",
					  x12_error_name(parse_str("ISA*00*          *00*          *ZZ*SHORT*ZZ*RIVERBENDCLR   *261201*0930*^*00501*000000001*0*P*:~\r\nGS*HP~", 0)),
					  "X12_ERR_ISA_LENGTH");
			check(strstr(err.msg, "wrapped") == NULL, "short ISA: no wrap hint", err.msg, "(no 'wrapped')");
			free(buf);
			free(doc);
		}
		cur_fixture = "(inline)";
	}
	/* abort from a callback */
	{
		size_t		len;
		char	   *doc;

		cur_fixture = "01_paid_crlf.edi (abort)";
		doc = load("01_paid_crlf.edi", &len);
		if (doc)
		{
			memset(rec, 0, sizeof(*rec));
			rec->abort_at_claim = 2;
			rc = x12_835_parse(doc, len, &CB, rec, 0, &err);
			check_str("abort code", x12_error_name(rc), "X12_ERR_ABORTED");
			check_int("abort segment (SE)", err.segment, 36);
			check_int("claims recorded before abort", rec->nc, 1);
			/* progress: every 5 segments of the 38 of 01 -> 7 calls, last at 35 */
			{
				x12_835_callbacks pcb;

				memset(&pcb, 0, sizeof pcb);
				pcb.on_progress = on_progress;
				pcb.progress_every = 5;
				progress_calls = 0;
				progress_last = 0;
				rc = x12_835_parse(doc, len, &pcb, NULL, 0, &err);
				check_str("progress parse", x12_error_name(rc), "X12_OK");
				check_int("progress calls (38 segments / 5)", progress_calls, 7);
				check_int("progress last segment", (long long) progress_last, 35);
				/* a non-zero return aborts, like any callback */
				progress_abort_at = 10;
				rc = x12_835_parse(doc, len, &pcb, NULL, 0, &err);
				progress_abort_at = 0;
				check_str("progress abort", x12_error_name(rc), "X12_ERR_ABORTED");
				check_int("progress abort segment", (long long) err.segment, 10);
			}
			/* NULL callbacks: validate only */
			rc = x12_835_parse(doc, len, NULL, NULL, X12_835_CHECK_BALANCE, NULL);
			check_str("NULL callbacks/err", x12_error_name(rc), "X12_OK");
			free(doc);
		}
	}
}

int
main(int argc, char **argv)
{
	if (argc > 1)
		fixdir = argv[1];
	rec = calloc(1, sizeof(Rec));
	t01();
	t02();
	t03();
	t04();
	t05();
	t06();
	t07();
	t_unbalanced();
	t_errors();
	t_units();
	free(rec);
	printf("%d passed, %d failed\n", n_pass, n_fail);
	return n_fail ? 1 : 0;
}
