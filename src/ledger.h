/*-------------------------------------------------------------------------
 *
 * ledger.h
 *	  revcycle.txn_kind, the kind of a ledger row, as seen from C.
 *
 * The SQL enum's value OIDs are known only at run time, so an aggregate
 * over ledger rows maps them once per call site (rc_kind_map_init, kept in
 * fn_extra) and then looks each row's kind up in a short array.  The map is
 * built once per backend and copied from there, so a caller whose fn_extra
 * does not survive between rows (Citus' worker_partial_agg) pays a copy per
 * row, not a catalog scan.
 *
 *-------------------------------------------------------------------------
 */
#ifndef REVCYCLE_LEDGER_H
#define REVCYCLE_LEDGER_H

#include "compat.h"
#include "fmgr.h"

/* In the order of the SQL enum revcycle.txn_kind. */
typedef enum RcTxnKind
{
	RC_TXN_CHARGE,
	RC_TXN_PAYMENT,
	RC_TXN_REFUND,
	RC_TXN_CONTRACTUAL,
	RC_TXN_ADMINISTRATIVE,
	RC_TXN_SMALL_BALANCE,
	RC_TXN_DENIAL_WRITEOFF,
	RC_TXN_BAD_DEBT,
	RC_TXN_CHARITY,
	RC_TXN_TRANSFER,
	RC_TXN_NKINDS
} RcTxnKind;

/* Effect on A/R of each kind (revcycle.ar_sign): +1 or -1. */
extern const int8 rc_txn_ar_sign[RC_TXN_NKINDS];

#define RC_MAX_ENUM_LABELS 32

/* Enum OIDs of one type span at most this many values for the direct table. */
#define RC_KIND_DIRECT_SPAN 64

typedef struct RcKindMap
{
	int			nlabels;
	Oid			oids[RC_MAX_ENUM_LABELS];
	int8		kinds[RC_MAX_ENUM_LABELS];
	/*
	 * kind of OID base + i, or -1; used when the type's OIDs lie within
	 * RC_KIND_DIRECT_SPAN of each other (they do when the enum was created
	 * in one statement), so a row's kind is one subtraction and one load.
	 */
	Oid			base;
	uint32		span;			/* 0: no direct table */
	int8		direct[RC_KIND_DIRECT_SPAN];
} RcKindMap;

/*
 * Fill *m for the enum type of argument argno of the calling function (from
 * the call expression, or without one from the function's declared
 * argument type, or revcycle.txn_kind when that is polymorphic).
 */
extern void rc_kind_map_init(RcKindMap *m, FunctionCallInfo fcinfo, int argno);
extern rc_noreturn void rc_kind_unknown(Oid kind);

/* The kind of an enum OID from the direct table, or -1 when not there. */
static inline int
rc_kind_direct(const RcKindMap *m, Oid kind)
{
	uint32		off = (uint32) (kind - m->base);

	return likely(off < m->span) ? m->direct[off] : -1;
}

static inline RcTxnKind
rc_kind_lookup(const RcKindMap *m, Oid kind)
{
	int			i;
	int			k = rc_kind_direct(m, kind);

	if (likely(k >= 0))
		return (RcTxnKind) k;
	for (i = 0; i < m->nlabels; i++)
		if (m->oids[i] == kind)
			return (RcTxnKind) m->kinds[i];
	rc_kind_unknown(kind);
}

#endif							/* REVCYCLE_LEDGER_H */
