/*-------------------------------------------------------------------------
 *
 * ar_days.h
 *	  The revcycle.ar_days summary type as seen from C.
 *
 *-------------------------------------------------------------------------
 */
#ifndef REVCYCLE_AR_DAYS_H
#define REVCYCLE_AR_DAYS_H

#include "fmgr.h"
#include "utils/date.h"

#include "rcmoney.h"
#include "summary_io.h"

#define RC_AR_DAYS_VERSION 1
#define RC_AR_DAYS_TYPNAME "revcycle.ar_days"
#define RC_AR_DAYS_MAX_LOOKBACK 3660

typedef enum RcDaysField
{
	RC_D_AR,					/* net A/R as of as_of */
	RC_D_CHARGES,				/* gross charges in the look-back period */
	RC_D_NET_CHARGES,			/* gross charges in the trailing 3 months */
	RC_D_NET_DEDUCTIONS,		/* contractual + other deductions, same 3 months */
	RC_D_NSUMS
} RcDaysField;

typedef struct RcArDays
{
	int32		vl_len_;
	uint8		version;
	uint8		pad[3];
	DateADT		as_of;
	int32		lookback_days;
	RcSum		sums[RC_D_NSUMS];
} RcArDays;

#define RC_AR_DAYS_BINARY_SIZE (1 + 4 + 4 + RC_D_NSUMS * RC_SUM_BINARY_SIZE)

#define DatumGetRcArDays(d) ((RcArDays *) PG_DETOAST_DATUM(d))
#define PG_GETARG_RCARDAYS(n) DatumGetRcArDays(PG_GETARG_DATUM(n))

#endif							/* REVCYCLE_AR_DAYS_H */
