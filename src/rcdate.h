/*-------------------------------------------------------------------------
 *
 * rcdate.h
 *	  Date helpers shared by the aging and ar_days summary types.
 *
 *-------------------------------------------------------------------------
 */
#ifndef REVCYCLE_RCDATE_H
#define REVCYCLE_RCDATE_H

#include "lib/stringinfo.h"
#include "utils/date.h"

/* A date as date_out prints it (DateStyle applies), for messages. */
extern char *rc_date_text(DateADT d);

/*
 * Strict ISO dates in summary text: rc_write_date writes a finite date as
 * a JSON string, rc_date_from_iso reads exactly that form back (false for
 * anything else).
 */
extern bool rc_date_from_iso(const char *s, DateADT *out);
extern void rc_write_date(StringInfo buf, DateADT d);

/* Raise 22023 unless as_of is finite. */
extern void rc_check_as_of(DateADT as_of);

#endif							/* REVCYCLE_RCDATE_H */
