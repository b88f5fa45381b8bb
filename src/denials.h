/*-------------------------------------------------------------------------
 *
 * denials.h
 *	  The revcycle.denials summary type as seen from C: the struct, its
 *	  open-addressing hash table, and the table functions shared by
 *	  denials.c, denials_io.c and denial_categories.c.
 *
 *-------------------------------------------------------------------------
 */
#ifndef REVCYCLE_DENIALS_H
#define REVCYCLE_DENIALS_H

#include "fmgr.h"

#include "carc.h"
#include "rcmoney.h"

#define RC_DENIALS_VERSION 1
#define RC_DENIALS_TYPNAME "revcycle.denials"

/*
 * Hash table sizes: powers of two, at most a quarter full (slots are 8
 * bytes, so a sparse table is cheap, and most lookups hit at the first
 * probe).  The largest table holds 2,097,152 codes.
 */
#define RC_MIN_CAPACITY 8
#define RC_MAX_CAPACITY (1U << 23)
#define RC_MAX_ENTRIES(cap) ((cap) / 4)

typedef struct RcDenialEntry
{
	uint32		key;
	uint8		rawlen;			/* malformed codes: bytes used in raw */
	uint8		pad[3];
	int64		count;			/* adjustments */
	char		raw[RC_RAW_MAX];	/* malformed codes: the text as given */
	RcSum		sum;			/* exact dollar sum */
} RcDenialEntry;

typedef struct RcDenials
{
	int32		vl_len_;
	uint8		version;
	uint8		pad[3];
	uint32		capacity;		/* hash slots, a power of two */
	uint32		nentries;		/* entries in use, at most RC_MAX_ENTRIES(capacity) */
	/* RcDenialSlot slots[capacity], then RcDenialEntry entries[RC_MAX_ENTRIES(capacity)] */
	char		data[FLEXIBLE_ARRAY_MEMBER];
} RcDenials;

/*
 * A hash slot: the key (RC_KEY_EMPTY when free) and the index of its entry.
 * Probing reads only the slots (8 bytes each); the entries are dense, in
 * the order they were created, so the hot part of the table stays small.
 */
typedef struct RcDenialSlot
{
	uint32		key;
	uint32		entry;
} RcDenialSlot;

StaticAssertDecl(sizeof(RcDenialEntry) == 56, "RcDenialEntry must be 56 bytes");
StaticAssertDecl(offsetof(RcDenials, data) == 16, "RcDenials header must be 16 bytes");

#define RC_DENIALS_SIZE(cap) \
	(offsetof(RcDenials, data) + (Size) (cap) * sizeof(RcDenialSlot) + \
	 (Size) RC_MAX_ENTRIES(cap) * sizeof(RcDenialEntry))
#define RC_DENIALS_SLOTS(d) ((RcDenialSlot *) (d)->data)
#define RC_DENIALS_ENTRIES(d) \
	((RcDenialEntry *) ((d)->data + (Size) (d)->capacity * sizeof(RcDenialSlot)))

#define DatumGetRcDenials(d) ((RcDenials *) PG_DETOAST_DATUM(d))
#define PG_GETARG_RCDENIALS(n) DatumGetRcDenials(PG_GETARG_DATUM(n))

extern RcDenials *rc_denials_new(MemoryContext ctx, uint32 capacity);
extern void rc_denials_index(RcDenials *d);
extern uint32 rc_capacity_for(uint32 n);
extern int	rc_entry_cmp(const void *a, const void *b);
extern RcDenialEntry **rc_denials_sorted(const RcDenials *d);

#endif							/* REVCYCLE_DENIALS_H */
