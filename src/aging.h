/*-------------------------------------------------------------------------
 *
 * aging.h
 *	  The revcycle.aging summary type as seen from C, and the inline
 *	  per-row sum add that the aging and ar_days aggregates share.
 *
 *-------------------------------------------------------------------------
 */
#ifndef REVCYCLE_AGING_H
#define REVCYCLE_AGING_H

#include "fmgr.h"
#include "utils/date.h"

#include "rcmoney.h"

#define RC_AGING_VERSION 1
#define RC_AGING_TYPNAME "revcycle.aging"
#define RC_AGING_MAX_BOUNDS 32

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

/* A zeroed summary with the given bounds, allocated in ctx. */
extern RcAging *rc_aging_new(MemoryContext ctx, int nbounds, const int32 *bounds,
							 DateADT as_of);

/* NULL if a bounds list is valid, else a message written into msg. */
extern const char *rc_bounds_problem(const int32 *bounds, int n, char *msg,
									 size_t msglen);

#endif							/* REVCYCLE_AGING_H */
