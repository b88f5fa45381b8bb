/*-------------------------------------------------------------------------
 *
 * rcmoney.h
 *	  Exact money arithmetic for revcycle: numeric values decoded straight
 *	  from their on-disk digits into scaled 128-bit integers, summed without
 *	  rounding, and turned back into numeric once per group.
 *
 *-------------------------------------------------------------------------
 */
#ifndef REVCYCLE_RCMONEY_H
#define REVCYCLE_RCMONEY_H

#include "compat.h"
#include "fmgr.h"
#include "lib/stringinfo.h"

/* Largest decimal scale we keep exactly (int128 holds 38 full digits). */
#define RC_MAX_SCALE 38
/* Largest display scale a numeric can carry (its 14-bit dscale field). */
#define RC_MAX_DSCALE RC_NUMERIC_DSCALE_MASK

/*
 * An exact sum: value / 10^scale.  dscale is the display scale, the largest
 * display scale of the numerics added (what sum(numeric) would show).  The
 * scale may exceed dscale (the hot path keeps base-10000 scales); the
 * digits past dscale are then zero, and output drops them.
 * The struct is 8-byte aligned (PostgreSQL's int128 typedef is), so it can
 * sit inside a varlena summary at an 8-byte offset.
 */
typedef struct RcSum
{
	int128		value;
	int16		scale;
	int16		dscale;
	int32		pad;			/* always zero; keeps the layout explicit */
} RcSum;

/* A decoded numeric, value / 10^scale (rc_amount_decode trims trailing zeros). */
typedef struct RcAmount
{
	int128		value;
	int16		scale;
	int16		dscale;
} RcAmount;

/* Decode a numeric Datum; NaN/Infinity raise 22023, too large 22003. */
extern void rc_amount_decode(Datum num, RcAmount *out);

/* Arithmetic; every overflow raises 22003. */
extern void rc_sum_add_amount(RcSum *sum, const RcAmount *amount);
extern void rc_sum_add_sum(RcSum *sum, const RcSum *other);
extern void rc_sum_sub_sum(RcSum *sum, const RcSum *other);
extern int	rc_sum_cmp(const RcSum *a, const RcSum *b);

extern void rc_sum_add_datum_slow(RcSum *sum, Datum num);
extern void rc_sum_rescale(RcSum *sum, int scale);
extern pg_attribute_noreturn() void rc_sum_out_of_range(void);
extern const int64 rc_pow10_int64[19];

/*
 * The per-row hot path.
 *
 * Money values are nearly always short-header numerics of at most four
 * base-10000 digits (up to 16 decimal digits).  rc_amount_decode_short()
 * decodes those in line into an int64 at their natural scale (4 decimals
 * per fractional base-10000 digit, no trimming), so that sums settle at one
 * scale and each row costs one add, or one 64x64->128 multiply when an
 * integer amount meets a fractional sum.  It returns false for everything
 * else (long headers, more digits, NaN/Infinity, toasted values), which
 * then takes the general, out-of-line path.
 */
static pg_attribute_always_inline bool
rc_amount_decode_short(Datum num, int64 *value, int *scale, int *dscale)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(num);
	const char *p;
	int			len;
	uint16		hdr;
	int			ndigits;
	int			weight;
	int			exponent;
	int64		acc = 0;
	int			i;

	if (VARATT_IS_EXTERNAL(v) || VARATT_IS_COMPRESSED(v))
		return false;
	p = VARDATA_ANY(v);
	len = VARSIZE_ANY_EXHDR(v);
	memcpy(&hdr, p, sizeof(uint16));
	if ((hdr & RC_NUMERIC_SIGN_MASK) != RC_NUMERIC_SHORT ||
		len > (int) (sizeof(uint16) + 4 * sizeof(int16)))
		return false;
	ndigits = (len - (int) sizeof(uint16)) / (int) sizeof(int16);
	weight = (hdr & RC_NUMERIC_SHORT_WEIGHT_MASK) -
		((hdr & RC_NUMERIC_SHORT_WEIGHT_SIGN_MASK) ? RC_NUMERIC_SHORT_WEIGHT_MASK + 1 : 0);
	exponent = weight - (ndigits - 1);
	for (i = 0; i < ndigits; i++)
	{
		uint16		d;

		memcpy(&d, p + sizeof(uint16) + i * sizeof(int16), sizeof(int16));
		acc = acc * RC_NBASE + d;
	}
	if (exponent <= 0 && exponent >= -4)
		*scale = -4 * exponent;
	else if (exponent > 0 && ndigits + exponent <= 4)
	{
		acc *= rc_pow10_int64[4 * exponent];
		*scale = 0;
	}
	else
		return false;
	*value = (hdr & RC_NUMERIC_SHORT_SIGN_MASK) ? -acc : acc;
	*dscale = (hdr & RC_NUMERIC_SHORT_DSCALE_MASK) >> RC_NUMERIC_SHORT_DSCALE_SHIFT;
	return true;
}

/*
 * Decode a numeric Datum into an RcAmount, in line when it is short.  The
 * scale is then the natural one, not necessarily the smallest.
 */
static pg_attribute_always_inline void
rc_amount_decode_fast(Datum num, RcAmount *out)
{
	int64		value;
	int			scale;
	int			dscale;

	if (likely(rc_amount_decode_short(num, &value, &scale, &dscale)))
	{
		out->value = value;
		out->scale = (int16) scale;
		out->dscale = (int16) dscale;
	}
	else
		rc_amount_decode(num, out);
}

/*
 * Add acc / 10^scale (with its display scale) to a sum, as decoded by
 * rc_amount_decode_short().  The datum it came from is passed for the rare
 * case that needs the general path.
 */
static pg_attribute_always_inline void
rc_sum_add_int64(RcSum *sum, int64 acc, int scale, int dscale, Datum num)
{
	if (likely(scale == sum->scale))
	{
		if (unlikely(__builtin_add_overflow(sum->value, (int128) acc, &sum->value)))
			rc_sum_out_of_range();
	}
	else if (scale < sum->scale && sum->scale - scale <= 18)
	{
		int128		x = (int128) acc * (int128) rc_pow10_int64[sum->scale - scale];

		if (unlikely(__builtin_add_overflow(sum->value, x, &sum->value)))
			rc_sum_out_of_range();
	}
	else if (scale > sum->scale)
	{
		/* First amount with more decimals: raise the sum's scale once. */
		rc_sum_rescale(sum, scale);
		if (unlikely(__builtin_add_overflow(sum->value, (int128) acc, &sum->value)))
			rc_sum_out_of_range();
	}
	else
	{
		rc_sum_add_datum_slow(sum, num);
		return;
	}
	if (dscale > sum->dscale)
		sum->dscale = (int16) dscale;
}

/* Decode a numeric Datum and add it to a sum. */
static pg_attribute_always_inline void
rc_sum_add_datum(RcSum *sum, Datum num)
{
	int64		acc;
	int			scale;
	int			dscale;

	if (unlikely(!rc_amount_decode_short(num, &acc, &scale, &dscale)))
		rc_sum_add_datum_slow(sum, num);
	else
		rc_sum_add_int64(sum, acc, scale, dscale, num);
}

static inline bool
rc_sum_is_zero(const RcSum *sum)
{
	return sum->value == 0;
}

static inline int
rc_sum_sign(const RcSum *sum)
{
	return (sum->value > 0) - (sum->value < 0);
}

/* Conversions. */
extern Datum rc_sum_to_numeric(const RcSum *sum);
extern void rc_sum_to_cstring(StringInfo buf, const RcSum *sum);
extern bool rc_sum_from_cstring(const char *str, int len, RcSum *sum);

/* Binary form: int64 high, uint64 low, int16 scale, int16 dscale. */
extern void rc_sum_send(StringInfo buf, const RcSum *sum);
extern void rc_sum_recv(StringInfo buf, RcSum *sum, const char *typname);

/* Division as numeric, exactly as numeric_div would compute it. */
extern Datum rc_sum_div(const RcSum *num, const RcSum *den);

#endif							/* REVCYCLE_RCMONEY_H */
