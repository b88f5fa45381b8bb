/*
 * fuzz_835.c — libFuzzer harness for the X12 835 parser core.
 * Every callback touches every byte of every slice it receives (so ASan
 * sees any out-of-bounds slice) and asserts the slice lies inside the input.
 */
#include "x12_835.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct
{
	const char *doc;
	size_t		len;
	unsigned	sink;
	unsigned	events;
} ctx;

static void
touch(ctx *c, x12_slice s)
{
	size_t		i;

	if (s.len == 0)
		return;
	if (s.ptr < c->doc || s.ptr + s.len > c->doc + c->len)
		abort();
	for (i = 0; i < s.len; i++)
		c->sink += (unsigned char) s.ptr[i];
}

static void
touch_amt(ctx *c, x12_amount a)
{
	touch(c, a.raw);
	if (a.present && (a.raw.len == 0 || a.value.scale < 0 || a.value.scale > 18))
		abort();
	c->sink += (unsigned) a.value.units;
}

static void
touch_date(ctx *c, x12_date d)
{
	touch(c, d.raw);
	if (d.present && (d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31))
		abort();
}

static void
touch_txn(ctx *c, const x12_835_transaction *t)
{
	touch(c, t->isa13);
	touch(c, t->isa06);
	touch(c, t->gs06);
	touch(c, t->st02);
	touch(c, t->bpr01);
	touch_amt(c, t->bpr02);
	touch(c, t->bpr03);
	touch(c, t->bpr04);
	touch_date(c, t->bpr16);
	touch(c, t->trn02);
	touch(c, t->trn03);
	touch_date(c, t->production_date);
	touch(c, t->payer_name);
	touch(c, t->payer_id);
	touch(c, t->payee_name);
	touch(c, t->payee_id_qualifier);
	touch(c, t->payee_id);
	c->sink += (unsigned) (t->claim_count + t->line_count + t->plb_pair_count +
						   t->segment_count) + (unsigned) t->sum_clp04.units +
		(unsigned) t->sum_plb.units;
}

static int
cb_start(void *u, const x12_835_transaction *t)
{
	ctx		   *c = u;

	c->events++;
	touch_txn(c, t);
	return 0;
}

static int
cb_end(void *u, const x12_835_transaction *t)
{
	ctx		   *c = u;
	char		buf[48];

	c->events++;
	touch_txn(c, t);
	x12_dec_format(t->sum_clp04, buf, sizeof buf);
	x12_dec_format(t->sum_plb, buf, sizeof buf);
	c->sink += (unsigned char) buf[0];
	return 0;
}

static int
cb_claim(void *u, const x12_835_claim *cl)
{
	ctx		   *c = u;

	c->events++;
	touch_txn(c, cl->txn);
	touch(c, cl->clp01);
	touch(c, cl->clp02);
	touch_amt(c, cl->clp03);
	touch_amt(c, cl->clp04);
	touch_amt(c, cl->clp05);
	touch(c, cl->clp06);
	touch(c, cl->clp07);
	touch(c, cl->clp08);
	touch(c, cl->clp09);
	touch_date(c, cl->statement_from);
	touch_date(c, cl->statement_to);
	touch_date(c, cl->received);
	c->sink += (unsigned) (cl->line_count + cl->adjustment_count + cl->position) +
		(unsigned) cl->is_reversal;
	return 0;
}

static int
cb_line(void *u, const x12_835_service_line *l)
{
	ctx		   *c = u;
	int			i;

	c->events++;
	touch(c, l->clp01);
	touch(c, l->svc01);
	touch(c, l->qualifier);
	touch(c, l->code);
	if (l->modifier_count < 0 || l->modifier_count > 4 ||
		l->remark_count < 0 || l->remark_count > X12_835_MAX_REMARKS)
		abort();
	for (i = 0; i < 4; i++)
		touch(c, l->modifiers[i]);
	touch_amt(c, l->charge);
	touch_amt(c, l->paid);
	touch(c, l->revenue_code);
	touch_amt(c, l->units);
	touch_date(c, l->service_date);
	touch_date(c, l->service_from);
	touch_date(c, l->service_to);
	touch_amt(c, l->allowed);
	touch(c, l->line_control);
	for (i = 0; i < l->remark_count; i++)
		touch(c, l->remarks[i]);
	return 0;
}

static int
cb_adj(void *u, const x12_835_adjustment *a)
{
	ctx		   *c = u;

	c->events++;
	if (a->triplet < 1 || a->triplet > 6)
		abort();
	touch(c, a->clp01);
	touch(c, a->group_code);
	touch(c, a->reason_code);
	touch_amt(c, a->amount);
	touch_amt(c, a->quantity);
	return 0;
}

static int
cb_plb(void *u, const x12_835_provider_adjustment *p)
{
	ctx		   *c = u;

	c->events++;
	if (p->pair < 1 || p->pair > 6)
		abort();
	touch(c, p->provider_id);
	touch_date(c, p->fiscal_period);
	touch(c, p->composite);
	touch(c, p->reason_code);
	touch(c, p->reference);
	touch_amt(c, p->amount);
	return 0;
}

static int
cb_imb(void *u, const x12_835_imbalance *b)
{
	ctx		   *c = u;
	char		buf[48];

	c->events++;
	touch(c, b->st02);
	touch(c, b->clp01);
	x12_dec_format(b->expected, buf, sizeof buf);
	x12_dec_format(b->actual, buf, sizeof buf);
	c->sink += (unsigned char) buf[0];
	/* abort parsing now and then to exercise X12_ERR_ABORTED */
	return (c->sink & 0xff) == 0x5a;
}

static int
cb_progress(void *u, size_t segments)
{
	ctx		   *c = u;

	c->events++;
	/* abort now and then, from the progress callback too */
	return segments == 6 && (c->sink & 0x3) == 0x3;
}

/* progress every 3 segments, so that short inputs reach it */
static const x12_835_callbacks CB = {cb_start, cb_end, cb_claim, cb_line,
cb_adj, cb_plb, cb_imb, cb_progress, 3};

static void
check_err(int rc, const x12_error *e)
{
	if (rc != (int) e->code)
		abort();
	if (memchr(e->msg, '\0', sizeof e->msg) == NULL ||
		memchr(e->segment_id, '\0', sizeof e->segment_id) == NULL)
		abort();
	if (rc != 0 && (e->msg[0] == '\0' || e->segment == 0))
		abort();
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ctx			c;
	x12_error	e;
	int			rc;

	memset(&c, 0, sizeof c);
	c.doc = (const char *) data;
	c.len = size;
	rc = x12_835_parse(c.doc, size, &CB, &c, 0, &e);
	check_err(rc, &e);
	rc = x12_835_check(c.doc, size, &CB, &c, &e);
	check_err(rc, &e);
	rc = x12_835_parse(c.doc, size, NULL, NULL, X12_835_CHECK_BALANCE, NULL);
	(void) rc;
	return 0;
}
