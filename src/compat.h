/*-------------------------------------------------------------------------
 *
 * compat.h
 *	  Everything in revcycle that depends on the PostgreSQL major version or
 *	  on the compiler lives here, so the rest of the code can stay plain.
 *
 * Supported: PostgreSQL 15, 17 and 18 (Debian bookworm, trixie and sid; 16
 * builds the same way as 17).  What differs between them:
 *	- 16 moved the varlena macros (VARSIZE_ANY, VARATT_IS_1B, ...) out of
 *	  postgres.h into varatt.h;
 *	- 18 replaced pg_attribute_noreturn() (after the return type) by
 *	  pg_noreturn (C11 _Noreturn, before it): revcycle writes rc_noreturn.
 *
 * The numeric
 * on-disk layout copied below is fixed by pg_upgrade's promise that data
 * files stay readable across major versions; a future major release that
 * changed it would have to keep reading the old form, so decoding the
 * documented bit layout is safe.  It is checked against numeric_in/out by
 * the regression tests.
 *
 *-------------------------------------------------------------------------
 */
#ifndef REVCYCLE_COMPAT_H
#define REVCYCLE_COMPAT_H

#include "postgres.h"

#if PG_VERSION_NUM < 150000
#error "revcycle requires PostgreSQL 15 or later"
#endif

#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/* Marks a function that never returns; goes before the return type. */
#if PG_VERSION_NUM >= 180000
#define rc_noreturn pg_noreturn
#else
#define rc_noreturn pg_attribute_noreturn()
#endif

#ifndef HAVE_INT128
#error "revcycle needs a 128-bit integer type (int128) for exact money sums"
#endif

#ifndef HAVE__BUILTIN_OP_OVERFLOW
#error "revcycle needs __builtin_add_overflow/__builtin_mul_overflow"
#endif

/*
 * On-disk numeric header bits (src/backend/utils/adt/numeric.c, unchanged
 * since PostgreSQL 14 added the infinities).  The first uint16 after the
 * varlena header is either a short header (0b10......), a long header whose
 * top bits are the sign (0b00 positive, 0b01 negative), or a special value
 * (0b11: NaN, +Infinity, -Infinity).
 */
#define RC_NUMERIC_SIGN_MASK		0xC000
#define RC_NUMERIC_POS				0x0000
#define RC_NUMERIC_NEG				0x4000
#define RC_NUMERIC_SHORT			0x8000
#define RC_NUMERIC_SPECIAL			0xC000
#define RC_NUMERIC_EXT_SIGN_MASK	0xF000
#define RC_NUMERIC_NAN				0xC000
#define RC_NUMERIC_PINF				0xD000
#define RC_NUMERIC_NINF				0xF000
#define RC_NUMERIC_DSCALE_MASK		0x3FFF
#define RC_NUMERIC_SHORT_SIGN_MASK	0x2000
#define RC_NUMERIC_SHORT_DSCALE_MASK 0x1F80
#define RC_NUMERIC_SHORT_DSCALE_SHIFT 7
#define RC_NUMERIC_SHORT_WEIGHT_SIGN_MASK 0x0040
#define RC_NUMERIC_SHORT_WEIGHT_MASK 0x003F
#define RC_NBASE					10000

#endif							/* REVCYCLE_COMPAT_H */
