/*-------------------------------------------------------------------------
 *
 * summary_io.h
 *	  Shared text and binary I/O helpers for revcycle's summary types.
 *
 * Every summary type (collections, aging, denials) prints as a small JSON
 * object whose first key is "v", the format version, so a summary can be
 * read by people, cast to jsonb, stored in a rollup table and read back.
 * Input is strict: keys in the order output writes them, every key
 * present, money as plain decimals (no exponent), counts as integers.
 * The binary form starts with the same version number as one byte.
 *
 *-------------------------------------------------------------------------
 */
#ifndef REVCYCLE_SUMMARY_IO_H
#define REVCYCLE_SUMMARY_IO_H

#include "common/int.h"
#include "nodes/execnodes.h"
#include "rcmoney.h"

typedef struct RcReader
{
	const char *start;			/* whole input, for messages */
	const char *p;				/* next character */
	const char *typname;		/* SQL type name, for messages */
} RcReader;

extern void rc_reader_init(RcReader *r, const char *str, const char *typname);
extern rc_noreturn void rc_reader_error(RcReader *r, const char *what);
extern void rc_reader_expect(RcReader *r, char c);
extern bool rc_reader_accept(RcReader *r, char c);
extern void rc_reader_key(RcReader *r, const char *key);
extern char *rc_reader_string(RcReader *r, int maxlen);
extern int64 rc_reader_int64(RcReader *r, int64 min, int64 max);
extern void rc_reader_sum(RcReader *r, RcSum *sum);
extern void rc_reader_end(RcReader *r);

/* Writers: the key with its colon (and a leading comma unless first). */
extern void rc_write_key(StringInfo buf, const char *key, bool first);
extern void rc_write_sum(StringInfo buf, const RcSum *sum);

/* Binary size of one RcSum (rc_sum_send): int64, uint64, int16, int16. */
#define RC_SUM_BINARY_SIZE (8 + 8 + 2 + 2)

/* Binary: the version byte, checked on receive. */
extern void rc_recv_version(StringInfo buf, int version, const char *typname);
extern void rc_recv_end(StringInfo buf, const char *typname);
extern rc_noreturn void rc_recv_error(const char *typname, const char *what);

/*
 * Counts (rows, items, adjustments) are int64 and never wrap: an add that
 * overflows raises 22003 naming the count ("row count") and the type.
 */
extern rc_noreturn void rc_count_out_of_range(const char *what, const char *typname);

static pg_attribute_always_inline void
rc_count_add(int64 *count, int64 n, const char *what, const char *typname)
{
	if (unlikely(pg_add_s64_overflow(*count, n, count)))
		rc_count_out_of_range(what, typname);
}

/*
 * True when a transition function may update its state argument in place:
 * the state is not NULL and the call comes from an aggregate or window
 * aggregate.  This is AggCheckCallContext's own test done in line, for the
 * per-row path; callers that need the aggregate's memory context call
 * AggCheckCallContext itself, once, when the state is created.
 */
static pg_attribute_always_inline bool
rc_agg_state_in_place(FunctionCallInfo fcinfo)
{
	return !PG_ARGISNULL(0) && fcinfo->context != NULL &&
		(IsA(fcinfo->context, AggState) ||
		 IsA(fcinfo->context, WindowAggState));
}

#endif							/* REVCYCLE_SUMMARY_IO_H */
