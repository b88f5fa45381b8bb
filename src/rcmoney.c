/*-------------------------------------------------------------------------
 *
 * rcmoney.c
 *	  Exact money arithmetic: numeric decoding and 128-bit scaled sums.
 *
 * A numeric is stored as base-10000 digits with a weight (the power of
 * 10000 of the first digit), a sign and a display scale.  We read those
 * digits directly, instead of calling numeric functions through fmgr for
 * every row, and turn them into an int128 "value / 10^scale".  Sums are
 * kept at the largest scale seen so far, so nothing is ever rounded: an
 * amount with five decimals is summed as exactly as one with two.  Only
 * when a group is finished is the sum turned back into a numeric.
 *
 *-------------------------------------------------------------------------
 */
#include "compat.h"

#include "libpq/pqformat.h"
#include "utils/builtins.h"
#include "utils/numeric.h"

#include "rcmoney.h"

/* 10^0 .. 10^38, filled by rc_money_init() (called from _PG_init). */
static int128 rc_pow10[RC_MAX_SCALE + 1];

void		rc_money_init(void);

void
rc_money_init(void)
{
	int			i;

	rc_pow10[0] = 1;
	for (i = 1; i <= RC_MAX_SCALE; i++)
		rc_pow10[i] = rc_pow10[i - 1] * 10;
}

static const int16 rc_small_pow10[5] = {1, 10, 100, 1000, 10000};

const int64 rc_pow10_int64[19] = {
	INT64CONST(1), INT64CONST(10), INT64CONST(100), INT64CONST(1000),
	INT64CONST(10000), INT64CONST(100000), INT64CONST(1000000),
	INT64CONST(10000000), INT64CONST(100000000), INT64CONST(1000000000),
	INT64CONST(10000000000), INT64CONST(100000000000),
	INT64CONST(1000000000000), INT64CONST(10000000000000),
	INT64CONST(100000000000000), INT64CONST(1000000000000000),
	INT64CONST(10000000000000000), INT64CONST(100000000000000000),
	INT64CONST(1000000000000000000)
};

/* Text of a numeric Datum, for error messages only. */
static char *
rc_numeric_text(Datum num)
{
	return DatumGetCString(DirectFunctionCall1(numeric_out, num));
}

static rc_noreturn void
rc_amount_out_of_range(Datum num)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("amount %s is out of range for revcycle", rc_numeric_text(num)),
			 errdetail("Amounts are summed exactly as 128-bit integers: at most 38 significant digits and %d decimal places.",
					   RC_MAX_SCALE)));
}

void
rc_sum_out_of_range(void)
{
	ereport(ERROR,
			(errcode(ERRCODE_NUMERIC_VALUE_OUT_OF_RANGE),
			 errmsg("sum of amounts is out of range for revcycle"),
			 errdetail("Exact sums hold at most 38 significant digits.")));
}

void
rc_amount_decode(Datum num, RcAmount *out)
{
	struct varlena *v = (struct varlena *) DatumGetPointer(num);
	const char *p;
	const char *digits;
	int			len;
	int			ndigits;
	int			weight;
	int			dscale;
	bool		neg;
	uint16		hdr;
	uint16		d;
	int128		acc = 0;
	int			exponent;
	int			i;

	/* Only out-of-line or compressed values need detoasting. */
	if (VARATT_IS_EXTERNAL(v) || VARATT_IS_COMPRESSED(v))
		v = pg_detoast_datum_packed(v);
	p = VARDATA_ANY(v);
	len = VARSIZE_ANY_EXHDR(v);
	if (len < (int) sizeof(uint16))
		elog(ERROR, "corrupt numeric datum of length %d", len);
	memcpy(&hdr, p, sizeof(uint16));

	switch (hdr & RC_NUMERIC_SIGN_MASK)
	{
		case RC_NUMERIC_SHORT:
			neg = (hdr & RC_NUMERIC_SHORT_SIGN_MASK) != 0;
			dscale = (hdr & RC_NUMERIC_SHORT_DSCALE_MASK) >> RC_NUMERIC_SHORT_DSCALE_SHIFT;
			weight = (hdr & RC_NUMERIC_SHORT_WEIGHT_MASK);
			if (hdr & RC_NUMERIC_SHORT_WEIGHT_SIGN_MASK)
				weight -= RC_NUMERIC_SHORT_WEIGHT_MASK + 1;
			digits = p + sizeof(uint16);
			ndigits = (len - sizeof(uint16)) / sizeof(int16);
			break;
		case RC_NUMERIC_SPECIAL:
			ereport(ERROR,
					(errcode(ERRCODE_INVALID_PARAMETER_VALUE),
					 errmsg("amount %s is not a finite money value", rc_numeric_text(num)),
					 errhint("NaN and Infinity cannot be summed as money; filter or correct the row.")));
			break;
		default:
			{
				int16		w;

				if (len < (int) (2 * sizeof(uint16)))
					elog(ERROR, "corrupt numeric datum of length %d", len);
				neg = (hdr & RC_NUMERIC_SIGN_MASK) == RC_NUMERIC_NEG;
				dscale = hdr & RC_NUMERIC_DSCALE_MASK;
				memcpy(&w, p + sizeof(uint16), sizeof(int16));
				weight = w;
				digits = p + 2 * sizeof(uint16);
				ndigits = (len - 2 * sizeof(uint16)) / sizeof(int16);
			}
			break;
	}

	out->dscale = (int16) dscale;	/* at most RC_MAX_DSCALE by the format */
	if (ndigits == 0)
	{
		out->value = 0;
		out->scale = 0;
		return;
	}

	/*
	 * All digits but the last.  Nine base-10000 digits always fit in an
	 * int128; longer values (never money, but possible) are checked.
	 */
	for (i = 0; i < ndigits - 1; i++)
	{
		memcpy(&d, digits + i * sizeof(int16), sizeof(int16));
		if (ndigits <= 9)
			acc = acc * RC_NBASE + d;
		else if (__builtin_mul_overflow(acc, RC_NBASE, &acc) ||
				 __builtin_add_overflow(acc, d, &acc))
			rc_amount_out_of_range(num);
	}
	memcpy(&d, digits + (ndigits - 1) * sizeof(int16), sizeof(int16));

	/* Power of 10000 of the last digit. */
	exponent = weight - (ndigits - 1);
	if (exponent >= 0)
	{
		if (__builtin_mul_overflow(acc, RC_NBASE, &acc) ||
			__builtin_add_overflow(acc, d, &acc))
			rc_amount_out_of_range(num);
		if (exponent > 0)
		{
			if (exponent * 4 > RC_MAX_SCALE ||
				__builtin_mul_overflow(acc, rc_pow10[exponent * 4], &acc))
				rc_amount_out_of_range(num);
		}
		out->scale = 0;
	}
	else
	{
		int			tz;
		int			scale;

		/* Drop the last digit's trailing zeros so 12.50 has scale 1. */
		if (d == 0)
			tz = 4;
		else if (d % 1000 == 0)
			tz = 3;
		else if (d % 100 == 0)
			tz = 2;
		else if (d % 10 == 0)
			tz = 1;
		else
			tz = 0;
		scale = -exponent * 4 - tz;
		if (scale > RC_MAX_SCALE)
			rc_amount_out_of_range(num);
		if (__builtin_mul_overflow(acc, rc_small_pow10[4 - tz], &acc) ||
			__builtin_add_overflow(acc, d / rc_small_pow10[tz], &acc))
			rc_amount_out_of_range(num);
		out->scale = (int16) scale;
	}
	out->value = neg ? -acc : acc;
}

/* value / 10^scale with its trailing decimal zeros removed. */
static void
rc_strip_zeros(int128 *value, int *scale)
{
	if (*value == 0)
		*scale = 0;
	while (*scale > 0 && *value % 10 == 0)
	{
		*value /= 10;
		(*scale)--;
	}
}

/*
 * sum +/- v / 10^vscale.  Both are brought to the larger of the two scales
 * (so a sum at scale 4 stays there); when that overflows, to the smallest
 * scale that holds both exactly, so that a sum of whole amounts keeps its
 * 38 significant digits whatever scale it was kept at.  Only a result that
 * needs more digits than that raises 22003.
 */
static void
rc_sum_add_scaled(RcSum *sum, int128 v, int vscale, bool subtract)
{
	int			scale = Max(sum->scale, vscale);
	int128		sv;
	int128		av;
	int128		r;

	if (!__builtin_mul_overflow(sum->value, rc_pow10[scale - sum->scale], &sv) &&
		!__builtin_mul_overflow(v, rc_pow10[scale - vscale], &av) &&
		!(subtract ? __builtin_sub_overflow(sv, av, &r) :
		  __builtin_add_overflow(sv, av, &r)))
	{
		sum->value = r;
		sum->scale = (int16) scale;
		return;
	}

	sv = sum->value;
	scale = sum->scale;
	rc_strip_zeros(&sv, &scale);
	rc_strip_zeros(&v, &vscale);
	if (vscale > scale)
	{
		if (__builtin_mul_overflow(sv, rc_pow10[vscale - scale], &sv))
			rc_sum_out_of_range();
		scale = vscale;
	}
	else if (__builtin_mul_overflow(v, rc_pow10[scale - vscale], &v))
		rc_sum_out_of_range();
	if (subtract ? __builtin_sub_overflow(sv, v, &r) :
		__builtin_add_overflow(sv, v, &r))
		rc_sum_out_of_range();
	sum->value = r;
	sum->scale = (int16) scale;
}

/*
 * The fast path keeps sums at scale 4; this adds a value in ten-thousandths
 * to a sum at another scale, or one whose add at scale 4 overflowed.
 */
void
rc_sum_add4_slow(RcSum *sum, int64 value4)
{
	rc_sum_add_scaled(sum, value4, 4, false);
}

void
rc_sum_add_datum_slow(RcSum *sum, Datum num)
{
	RcAmount	a;

	rc_amount_decode(num, &a);
	rc_sum_add_amount(sum, &a);
}

void
rc_sum_add_amount(RcSum *sum, const RcAmount *amount)
{
	rc_sum_add_scaled(sum, amount->value, amount->scale, false);
	if (amount->dscale > sum->dscale)
		sum->dscale = amount->dscale;
}

void
rc_sum_add_sum(RcSum *sum, const RcSum *other)
{
	rc_sum_add_scaled(sum, other->value, other->scale, false);
	if (other->dscale > sum->dscale)
		sum->dscale = other->dscale;
}

void
rc_sum_sub_sum(RcSum *sum, const RcSum *other)
{
	rc_sum_add_scaled(sum, other->value, other->scale, true);
	if (other->dscale > sum->dscale)
		sum->dscale = other->dscale;
}

int
rc_sum_cmp(const RcSum *a, const RcSum *b)
{
	int128		av = a->value;
	int128		bv = b->value;
	int			sa = (av > 0) - (av < 0);
	int			sb = (bv > 0) - (bv < 0);

	if (sa != sb)
		return sa < sb ? -1 : 1;
	if (a->scale < b->scale)
	{
		if (__builtin_mul_overflow(av, rc_pow10[b->scale - a->scale], &av))
			return sa;			/* |a| is the larger */
	}
	else if (b->scale < a->scale)
	{
		if (__builtin_mul_overflow(bv, rc_pow10[a->scale - b->scale], &bv))
			return -sb;
	}
	return (av > bv) - (av < bv);
}

void
rc_sum_to_cstring(StringInfo buf, const RcSum *sum)
{
	char		tmp[64];
	int			n = 0;
	int			i;
	int			scale = sum->scale;
	uint128		mag;

	mag = sum->value < 0 ? -(uint128) sum->value : (uint128) sum->value;
	/* Digits past the display scale are zero by construction: drop them. */
	while (scale > sum->dscale)
	{
		mag /= 10;
		scale--;
	}
	do
	{
		tmp[n++] = '0' + (int) (mag % 10);
		mag /= 10;
	} while (mag != 0);
	while (n <= scale)
		tmp[n++] = '0';

	if (sum->value < 0)
		appendStringInfoChar(buf, '-');
	for (i = n - 1; i >= scale; i--)
		appendStringInfoChar(buf, tmp[i]);
	if (sum->dscale > 0)
	{
		appendStringInfoChar(buf, '.');
		for (i = scale - 1; i >= 0; i--)
			appendStringInfoChar(buf, tmp[i]);
		for (i = scale; i < sum->dscale; i++)
			appendStringInfoChar(buf, '0');
	}
}

/* mag * 10 + digit, false when it passes limit. */
static inline bool
rc_mag_push_digit(uint128 *mag, char c, uint128 limit)
{
	uint128		r;

	if (__builtin_mul_overflow(*mag, 10, &r) ||
		__builtin_add_overflow(r, (uint128) (c - '0'), &r) || r > limit)
		return false;
	*mag = r;
	return true;
}

/*
 * Parse "-123.4500" exactly.  Returns false on anything else: exponents,
 * blanks, a missing digit on either side of the point, or a value an int128
 * does not hold (the whole int128 range, -2^127 included: every sum prints
 * as something this reads back).  Trailing zeros of the fraction only set
 * the display scale (so whatever rc_sum_to_cstring prints reads back).
 */
bool
rc_sum_from_cstring(const char *str, int len, RcSum *sum)
{
	int			i = 0;
	bool		neg = false;
	uint128		mag = 0;
	uint128		limit;
	int			intdigits = 0;
	int			fracstart;
	int			fracdigits = 0;
	int			scale;

	if (i < len && str[i] == '-')
	{
		neg = true;
		i++;
	}
	/* |INT128_MIN| = INT128_MAX + 1 */
	limit = (~(uint128) 0 >> 1) + (neg ? 1 : 0);
	for (; i < len && str[i] >= '0' && str[i] <= '9'; i++, intdigits++)
	{
		if (!rc_mag_push_digit(&mag, str[i], limit))
			return false;
	}
	if (intdigits == 0)
		return false;
	if (i < len && str[i] == '.')
	{
		i++;
		fracstart = i;
		while (i < len && str[i] >= '0' && str[i] <= '9')
			i++;
		fracdigits = i - fracstart;
		if (fracdigits == 0 || fracdigits > RC_MAX_DSCALE)
			return false;
		/* significant fraction digits: up to the last non-zero one */
		scale = fracdigits;
		while (scale > 0 && str[fracstart + scale - 1] == '0')
			scale--;
		if (scale > RC_MAX_SCALE)
			return false;
		for (int k = 0; k < scale; k++)
		{
			if (!rc_mag_push_digit(&mag, str[fracstart + k], limit))
				return false;
		}
	}
	else
		scale = 0;
	if (i != len)
		return false;

	sum->value = neg ? (int128) (-mag) : (int128) mag;
	sum->scale = (int16) scale;
	sum->dscale = (int16) fracdigits;
	sum->pad = 0;
	return true;
}

Datum
rc_sum_to_numeric(const RcSum *sum)
{
	StringInfoData buf;
	Datum		result;

	initStringInfo(&buf);
	rc_sum_to_cstring(&buf, sum);
	result = DirectFunctionCall3(numeric_in, CStringGetDatum(buf.data),
								 ObjectIdGetDatum(InvalidOid), Int32GetDatum(-1));
	pfree(buf.data);
	return result;
}

Datum
rc_sum_div(const RcSum *num, const RcSum *den)
{
	return DirectFunctionCall2(numeric_div, rc_sum_to_numeric(num),
							   rc_sum_to_numeric(den));
}

void
rc_sum_send(StringInfo buf, const RcSum *sum)
{
	int128		value = sum->value;
	int			scale = sum->scale;

	/*
	 * One binary form per value, whichever path built the sum (the fast
	 * path keeps scale 4, text input the scale written): the smallest
	 * scale that holds the value exactly.
	 */
	if (value == 0)
		scale = 0;
	while (scale > 0 && value % 10 == 0)
	{
		value /= 10;
		scale--;
	}
	pq_sendint64(buf, (int64) (value >> 64));
	pq_sendint64(buf, (int64) (uint64) value);
	pq_sendint16(buf, scale);
	pq_sendint16(buf, sum->dscale);
}

void
rc_sum_recv(StringInfo buf, RcSum *sum, const char *typname)
{
	uint64		hi = (uint64) pq_getmsgint64(buf);
	uint64		lo = (uint64) pq_getmsgint64(buf);

	sum->value = (int128) (((uint128) hi << 64) | lo);
	sum->scale = (int16) pq_getmsgint(buf, 2);
	sum->dscale = (int16) pq_getmsgint(buf, 2);
	sum->pad = 0;
	if (sum->scale < 0 || sum->scale > RC_MAX_SCALE ||
		sum->dscale < 0 || sum->dscale > RC_MAX_DSCALE ||
		(sum->scale > sum->dscale &&
		 sum->value % rc_pow10[sum->scale - sum->dscale] != 0))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_BINARY_REPRESENTATION),
				 errmsg("invalid scale %d (display scale %d) in external \"%s\" value",
						sum->scale, sum->dscale, typname)));
}
