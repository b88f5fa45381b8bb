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
 * scale need not equal dscale (the hot path keeps scale 4): digits past
 * dscale are always zero and output drops them, and output pads with zeros
 * up to dscale.  Binary output sends the smallest scale (rc_sum_send).
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
extern rc_noreturn void rc_sum_out_of_range(void);
extern const int64 rc_pow10_int64[19];

/* 10000^0 .. 10000^3 */
static const int64 rc_pow10000_int64[4] = {
	INT64CONST(1), INT64CONST(10000), INT64CONST(100000000),
	INT64CONST(1000000000000)
};

/*
 * The money fast path.  Nearly every amount in a warehouse is a
 * short-format numeric with at most four decimal places and less than
 * 10^12 in magnitude: base-10000 weight -1 .. 2, its last digit's weight
 * -1 or more, so at most four digits.  rc_money_decode4() turns such a
 * value into an int64 count of ten-thousandths (|value| < 10^16) without a
 * branch on its scale, so that every row is added to a sum kept at scale 4
 * with one 128-bit add.  It returns false for anything else (more decimal
 * places, larger values, the long format, NaN and Infinity, compressed or
 * out-of-line values), which the general decoder handles.
 *
 * e1 below is 1 + the base-10000 weight of the last digit: the value in
 * ten-thousandths is the digits read as one base-10000 number times
 * 10000^e1, and the fast path takes e1 = 0 .. 3.
 */
static pg_attribute_always_inline bool
rc_money_decode4_any(const uint8 *v, int64 *value4, int *dscale)
{
	const uint8 *p;
	uint32		nbytes;
	uint32		hdr;
	uint32		ndigits;
	uint32		w1;
	uint32		e1;
	uint32		i;
	uint16		h;
	int64		acc = 0;

	if (likely(VARATT_IS_1B(v) && !VARATT_IS_1B_E(v)))
	{
		p = v + VARHDRSZ_SHORT;
		nbytes = VARSIZE_1B(v) - VARHDRSZ_SHORT;
	}
	else if (VARATT_IS_4B_U(v))
	{
		p = v + VARHDRSZ;
		nbytes = VARSIZE_4B(v) - VARHDRSZ;
	}
	else
		return false;
	/* a 2-byte header and 0 .. 4 digits */
	if (unlikely(nbytes - sizeof(uint16) > 4 * sizeof(uint16)))
		return false;
	memcpy(&h, p, sizeof(uint16));
	hdr = h;
	if ((hdr & RC_NUMERIC_SIGN_MASK) != RC_NUMERIC_SHORT)
		return false;
	ndigits = (nbytes - sizeof(uint16)) >> 1;
	/*
	 * The weight is a 7-bit two's complement number in the low bits:
	 * w1 = weight + 1 must be 0 .. 3, and e1 = w1 + 1 - ndigits must be
	 * 0 .. 3 (unsigned, so negative values fail too).
	 */
	w1 = (hdr + 1) & (RC_NUMERIC_SHORT_WEIGHT_SIGN_MASK | RC_NUMERIC_SHORT_WEIGHT_MASK);
	e1 = w1 + 1 - ndigits;
	if ((w1 | e1) > 3)
		return false;
	/* hence ndigits = w1 + 1 - e1 <= 4 */
	for (i = 0; i < ndigits; i++)
	{
		uint16		d;

		memcpy(&d, p + sizeof(uint16) + i * sizeof(uint16), sizeof(uint16));
		acc = acc * RC_NBASE + d;
	}
	acc *= rc_pow10000_int64[e1];
	*value4 = (hdr & RC_NUMERIC_SHORT_SIGN_MASK) ? -acc : acc;
	*dscale = (hdr & RC_NUMERIC_SHORT_DSCALE_MASK) >> RC_NUMERIC_SHORT_DSCALE_SHIFT;
	return true;
}

/* The 1-byte varlena header of a value of len bytes (as SET_VARSIZE_1B). */
#ifdef WORDS_BIGENDIAN
#define RC_VARHDR_1B(len) ((uint8) (0x80 | (len)))
#else
#define RC_VARHDR_1B(len) ((uint8) (((len) << 1) | 0x01))
#endif

/*
 * The two commonest shapes get a path of their own: a value stored in a
 * tuple (1-byte varlena header) with two base-10000 digits and weight
 * 0 .. 2 (1.0001 up to 10^12, e.g. 1234.56) or one digit and weight
 * -1 .. 2 (whole amounts such as 150.00, or cents only such as 0.45).
 */
static pg_attribute_always_inline bool
rc_money_decode4(Datum num, int64 *value4, int *dscale)
{
	const uint8 *v = (const uint8 *) DatumGetPointer(num);
	uint16		h;
	uint16		d0;
	uint16		d1;
	uint32		e1;
	int64		acc;

	if (likely(v[0] == RC_VARHDR_1B(VARHDRSZ_SHORT + 3 * sizeof(uint16))))
	{
		memcpy(&h, v + VARHDRSZ_SHORT, sizeof(uint16));
		/* short format, weight 0 .. 2: e1 = weight */
		e1 = (uint32) (h & (RC_NUMERIC_SIGN_MASK | RC_NUMERIC_SHORT_WEIGHT_SIGN_MASK |
							RC_NUMERIC_SHORT_WEIGHT_MASK)) - RC_NUMERIC_SHORT;
		if (unlikely(e1 > 2))
			return rc_money_decode4_any(v, value4, dscale);
		memcpy(&d0, v + VARHDRSZ_SHORT + sizeof(uint16), sizeof(uint16));
		memcpy(&d1, v + VARHDRSZ_SHORT + 2 * sizeof(uint16), sizeof(uint16));
		acc = ((int64) d0 * RC_NBASE + d1) * rc_pow10000_int64[e1];
	}
	else if (v[0] == RC_VARHDR_1B(VARHDRSZ_SHORT + 2 * sizeof(uint16)))
	{
		memcpy(&h, v + VARHDRSZ_SHORT, sizeof(uint16));
		/* weight -1 .. 2: e1 = weight + 1 */
		e1 = (h + 1) & (RC_NUMERIC_SHORT_WEIGHT_SIGN_MASK | RC_NUMERIC_SHORT_WEIGHT_MASK);
		if (unlikely((h & RC_NUMERIC_SIGN_MASK) != RC_NUMERIC_SHORT || e1 > 3))
			return rc_money_decode4_any(v, value4, dscale);
		memcpy(&d0, v + VARHDRSZ_SHORT + sizeof(uint16), sizeof(uint16));
		acc = (int64) d0 * rc_pow10000_int64[e1];
	}
	else
		return rc_money_decode4_any(v, value4, dscale);
	*value4 = (h & RC_NUMERIC_SHORT_SIGN_MASK) ? -acc : acc;
	*dscale = (h & RC_NUMERIC_SHORT_DSCALE_MASK) >> RC_NUMERIC_SHORT_DSCALE_SHIFT;
	return true;
}

/*
 * Decode a numeric Datum into an RcAmount: in line (at scale 4) when it is
 * money-shaped, else by the general decoder (at its smallest scale).
 */
static pg_attribute_always_inline void
rc_amount_decode_fast(Datum num, RcAmount *out)
{
	int64		value4;
	int			dscale;

	if (likely(rc_money_decode4(num, &value4, &dscale)))
	{
		out->value = value4;
		out->scale = 4;
		out->dscale = (int16) dscale;
	}
	else
		rc_amount_decode(num, out);
}

/*
 * Add a value at scale 4 to a sum whose scale is not 4, or whose add at
 * scale 4 overflowed (out of line).
 */
extern void rc_sum_add4_slow(RcSum *sum, int64 value4);

/* Add a value decoded by rc_money_decode4() to a sum. */
static pg_attribute_always_inline void
rc_sum_add4(RcSum *sum, int64 value4, int dscale)
{
	int128		r;

	if (likely(sum->scale == 4 &&
			   !__builtin_add_overflow(sum->value, (int128) value4, &r)))
		sum->value = r;
	else
		rc_sum_add4_slow(sum, value4);
	if (dscale > sum->dscale)
		sum->dscale = (int16) dscale;
}

/* Decode a numeric Datum and add it to a sum. */
static pg_attribute_always_inline void
rc_sum_add_datum(RcSum *sum, Datum num)
{
	int64		value4;
	int			dscale;

	if (likely(rc_money_decode4(num, &value4, &dscale)))
		rc_sum_add4(sum, value4, dscale);
	else
		rc_sum_add_datum_slow(sum, num);
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
