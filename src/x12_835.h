/*
 * x12_835.h — zero-copy, callback (SAX-style) parser for X12 835
 * (005010X221A1) health care claim payment/advice documents.
 *
 * Plain C99, no PostgreSQL headers, no global mutable state, no malloc,
 * no longjmp, no I/O.  The caller owns the document buffer; every string
 * handed to a callback is an (x12_slice) pointer/length pair into that
 * buffer and is valid only as long as the buffer is.
 *
 * Event order inside one transaction (ST..SE):
 *   on_transaction_start  (once the header BPR/TRN/DTM/N1 loops are read,
 *                          i.e. at the first LX / CLP / PLB / SE)
 *   per claim:  on_adjustment (claim-level CAS, as read)
 *               per line: on_adjustment (line-level CAS, as read)
 *                         on_service_line (at next SVC/CLP/LX/PLB/SE)
 *                         on_imbalance    (line, if X12_835_CHECK_BALANCE)
 *               on_claim     (at next CLP/LX/PLB/SE, totals known)
 *               on_imbalance (claim, if checking)
 *   on_provider_adjustment (one per PLB03..PLB14 pair)
 *   on_imbalance (transaction, if checking)
 *   on_transaction_end
 * Any callback returning non-zero aborts parsing with X12_ERR_ABORTED.
 */
#ifndef X12_835_H
#define X12_835_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---- basic value types ------------------------------------------------ */

typedef struct x12_slice
{
	const char *ptr;			/* into the caller's document; NULL if absent */
	size_t		len;
} x12_slice;

/* exact scaled decimal: value = units / 10^scale, 0 <= scale <= 18 */
typedef struct x12_dec
{
	int64_t		units;
	int			scale;
} x12_dec;

typedef struct x12_amount
{
	x12_slice	raw;			/* the element text as sent */
	x12_dec		value;
	int			present;		/* 0: element empty/absent (value is 0/0) */
} x12_amount;

typedef struct x12_date
{
	x12_slice	raw;			/* CCYYMMDD as sent */
	int			year;
	int			month;
	int			day;
	int			present;
} x12_date;

/* ---- errors ----------------------------------------------------------- */

typedef enum x12_error_code
{
	X12_OK = 0,
	X12_ERR_NOT_X12,			/* starts with neither ISA nor ST*835 */
	X12_ERR_ISA_LENGTH,			/* ISA not 106 fixed-width chars / bad delimiters */
	X12_ERR_ENVELOPE_OPEN,		/* missing SE / GE / IEA */
	X12_ERR_SEGMENT_COUNT,		/* SE01 wrong or not numeric */
	X12_ERR_GROUP_COUNT,		/* GE01 wrong or not numeric */
	X12_ERR_INTERCHANGE_COUNT,	/* IEA01 wrong or not numeric */
	X12_ERR_BAD_AMOUNT,			/* not an X12 decimal, or out of range */
	X12_ERR_BAD_DATE,			/* not a valid CCYYMMDD */
	X12_ERR_UNEXPECTED_SEGMENT, /* segment not allowed where it appears */
	X12_ERR_CONTROL_MISMATCH,	/* SE02!=ST02, GE02!=GS06, IEA02!=ISA13 */
	X12_ERR_MISSING_ELEMENT,	/* required element empty */
	X12_ERR_BAD_VALUE,			/* code value not allowed (e.g. ST01!=835) */
	X12_ERR_BAD_SEGMENT,		/* malformed segment id / too many elements */
	X12_ERR_LIMIT,				/* too many LQ remark codes in one line */
	X12_ERR_OVERFLOW,			/* balancing arithmetic overflowed int64 */
	X12_ERR_ABORTED,			/* a callback returned non-zero */
	X12_ERR_INVALID_ARG			/* NULL document with len > 0, etc. */
} x12_error_code;

typedef struct x12_error
{
	x12_error_code code;
	size_t		segment;		/* 1-based segment number in the document;
								 * for a missing closer at end of input: the
								 * number the closer would have had */
	char		segment_id[4];	/* e.g. "CLP"; for missing closers: "SE" etc. */
	int			element;		/* e.g. 4 for CLP04; 0 = whole segment */
	size_t		offset;			/* byte offset of the segment start */
	char		msg[256];		/* human message incl. offending value */
} x12_error;

/* ---- events ----------------------------------------------------------- */

typedef struct x12_835_transaction
{
	char		element_sep;
	char		component_sep;
	char		repetition_sep; /* 0 if the ISA has none (00401 'U') */
	char		segment_term;
	int			envelope_stripped;	/* 1: document began at ST*835 */

	x12_slice	isa13;			/* interchange control number */
	x12_slice	isa06;			/* interchange sender id (trimmed) */
	x12_slice	gs06;			/* group control number */
	x12_slice	st02;			/* transaction set control number */
	size_t		st_segment;		/* segment number of the ST */

	x12_slice	bpr01;			/* handling code: I, H, C, ... */
	x12_amount	bpr02;			/* total actual provider payment */
	x12_slice	bpr03;			/* C credit / D debit */
	x12_slice	bpr04;			/* payment method: ACH, CHK, NON, ... */
	x12_date	bpr16;			/* payment/effective date */
	x12_slice	trn02;			/* check / EFT trace number */
	x12_slice	trn03;			/* payer (originating company) id */
	x12_date	production_date;	/* DTM*405 */
	x12_slice	payer_name;		/* N1*PR N102 */
	x12_slice	payer_id;		/* N1*PR N104, else REF*2U in the payer loop */
	x12_slice	payee_name;		/* N1*PE N102 */
	x12_slice	payee_id_qualifier; /* N1*PE N103 (XX = NPI, FI = TIN) */
	x12_slice	payee_id;		/* N1*PE N104 */
	x12_slice	currency;		/* CUR02 (CUR01 = PR), NULL when not sent */

	/* totals: complete only in on_transaction_end */
	size_t		claim_count;
	size_t		line_count;
	size_t		plb_pair_count;
	size_t		segment_count;	/* ST..SE inclusive (== SE01) */
	x12_dec		sum_clp04;		/* Σ claim paid */
	x12_dec		sum_plb;		/* Σ PLB amounts */
	int			sums_valid;		/* 0 if a running sum overflowed int64 */
} x12_835_transaction;

typedef struct x12_835_claim
{
	const x12_835_transaction *txn;
	size_t		position;		/* 1-based within the transaction */
	size_t		segment;		/* segment number of the CLP */
	x12_slice	clp01;			/* patient control number */
	x12_slice	clp02;			/* status: 1,2,3,4,19,20,21,22,23,25 */
	x12_amount	clp03;			/* total charge */
	x12_amount	clp04;			/* paid */
	x12_amount	clp05;			/* patient responsibility (optional) */
	x12_slice	clp06;			/* claim filing indicator */
	x12_slice	clp07;			/* payer claim control number */
	x12_slice	clp08;			/* facility type code */
	x12_slice	clp09;			/* claim frequency code */
	int			is_reversal;	/* CLP02 == "22" */
	x12_date	statement_from; /* DTM*232 */
	x12_date	statement_to;	/* DTM*233 */
	x12_date	received;		/* DTM*050 */
	x12_slice	patient_id_qualifier;	/* NM1*QC NM108 */
	x12_slice	patient_id;		/* NM1*QC NM109 */
	x12_slice	insured_id_qualifier;	/* NM1*IL NM108 */
	x12_slice	insured_id;		/* NM1*IL NM109 */
	x12_slice	original_reference; /* REF*F8: the claim this one corrects */
	x12_slice	group_number;	/* REF*1L */
	x12_slice	contract_class; /* REF*CE */
	x12_amount	coverage_amount;	/* AMT*AU */
	x12_amount	interest_amount;	/* AMT*I */
	x12_amount	discount_amount;	/* AMT*D8 (prompt-pay discount) */
	x12_slice	mia;			/* MIA01.. as sent (inpatient adjudication) */
	x12_slice	moa;			/* MOA01.. as sent (outpatient adjudication) */
	size_t		line_count;
	size_t		adjustment_count;	/* CAS triplets, claim + line level */
	x12_dec		claim_adjustments;	/* Σ claim-level CAS amounts */
	x12_dec		line_adjustments;	/* Σ line-level CAS amounts */
	int			sums_valid;
} x12_835_claim;

#define X12_835_MAX_REMARKS 16

typedef struct x12_835_service_line
{
	const x12_835_transaction *txn;
	x12_slice	clp01;			/* owning claim's patient control number */
	size_t		claim_position;
	size_t		position;		/* 1-based within the claim */
	size_t		segment;		/* segment number of the SVC */
	x12_slice	svc01;			/* raw composite */
	x12_slice	qualifier;		/* SVC01-1: HC, NU, ... */
	x12_slice	code;			/* SVC01-2 */
	x12_slice	modifiers[4];	/* SVC01-3..6 */
	int			modifier_count;
	x12_amount	charge;			/* SVC02 */
	x12_amount	paid;			/* SVC03 */
	x12_slice	revenue_code;	/* SVC04 */
	x12_amount	units;			/* SVC05 units paid (decimal, optional) */
	x12_slice	original_svc01; /* SVC06 composite as sent (procedure billed) */
	x12_amount	original_units; /* SVC07 units billed, when they differ */
	x12_date	service_date;	/* DTM*472 */
	x12_date	service_from;	/* DTM*150 */
	x12_date	service_to;		/* DTM*151 */
	x12_amount	allowed;		/* AMT*B6 */
	x12_slice	line_control;	/* REF*6R */
	x12_slice	remarks[X12_835_MAX_REMARKS];	/* LQ*HE codes */
	int			remark_count;
	x12_dec		adjustments;	/* Σ line-level CAS amounts */
	int			sums_valid;
} x12_835_service_line;

typedef enum x12_835_level
{
	X12_LEVEL_LINE = 1,
	X12_LEVEL_CLAIM = 2,
	X12_LEVEL_TRANSACTION = 3
} x12_835_level;

typedef struct x12_835_adjustment
{
	const x12_835_transaction *txn;
	x12_835_level level;		/* LINE or CLAIM */
	x12_slice	clp01;
	size_t		claim_position;
	size_t		line_position;	/* 0 for claim level */
	size_t		segment;		/* segment number of the CAS */
	int			triplet;		/* 1..6 */
	x12_slice	group_code;		/* CO, PR, OA, PI, CR */
	x12_slice	reason_code;
	x12_amount	amount;
	x12_amount	quantity;		/* optional */
} x12_835_adjustment;

typedef struct x12_835_provider_adjustment
{
	const x12_835_transaction *txn;
	size_t		segment;		/* segment number of the PLB */
	int			pair;			/* 1..6 (PLB03/04 .. PLB13/14) */
	x12_slice	provider_id;	/* PLB01 */
	x12_date	fiscal_period;	/* PLB02 */
	x12_slice	composite;		/* raw PLB03 etc. */
	x12_slice	reason_code;	/* component 1: WO, 72, L6, FB, ... */
	x12_slice	reference;		/* component 2 (optional) */
	x12_amount	amount;			/* PLB04 etc. */
} x12_835_provider_adjustment;

typedef struct x12_835_imbalance
{
	const x12_835_transaction *txn;
	x12_835_level level;
	x12_slice	st02;
	x12_slice	clp01;			/* empty for transaction level */
	size_t		claim_position; /* 0 for transaction level */
	size_t		line_position;	/* 0 unless line level */
	size_t		segment;		/* SVC / CLP / SE segment number */
	x12_dec		expected;		/* charge - adjustments (or Σpaid - ΣPLB) */
	x12_dec		actual;			/* reported paid (SVC03 / CLP04 / BPR02) */
} x12_835_imbalance;

typedef struct x12_835_callbacks
{
	int			(*on_transaction_start) (void *user, const x12_835_transaction *t);
	int			(*on_transaction_end) (void *user, const x12_835_transaction *t);
	int			(*on_claim) (void *user, const x12_835_claim *c);
	int			(*on_service_line) (void *user, const x12_835_service_line *s);
	int			(*on_adjustment) (void *user, const x12_835_adjustment *a);
	int			(*on_provider_adjustment) (void *user, const x12_835_provider_adjustment *p);
	int			(*on_imbalance) (void *user, const x12_835_imbalance *b);

	/*
	 * Progress: called with the number of segments read so far every
	 * progress_every segments (0 = every X12_835_PROGRESS_EVERY), whatever
	 * the other callbacks, so a caller can check for cancellation while one
	 * large transaction is parsed (the SQL wrapper runs CHECK_FOR_INTERRUPTS
	 * here).  May be NULL.
	 */
	int			(*on_progress) (void *user, size_t segments);
	size_t		progress_every;
} x12_835_callbacks;

#define X12_835_PROGRESS_EVERY 1024

/* flags for x12_835_parse */
#define X12_835_CHECK_BALANCE 0x1u

/*
 * Parse a whole document.  cb may be NULL (validate only); err may be NULL.
 * Returns X12_OK (0) or an x12_error_code; err is filled on failure and
 * zeroed (code X12_OK) on success.
 */
int			x12_835_parse(const char *doc, size_t len,
						  const x12_835_callbacks *cb, void *user,
						  unsigned flags, x12_error *err);

/* x12_835_parse with X12_835_CHECK_BALANCE; imbalances go to on_imbalance */
int			x12_835_check(const char *doc, size_t len,
						  const x12_835_callbacks *cb, void *user,
						  x12_error *err);

/* ---- helpers (also used by the SQL layer) ------------------------------ */

/* X12 decimal: -?([0-9]+|[0-9]*\.[0-9]+)  ->  exact units/scale; 0 ok, -1 bad */
int			x12_parse_decimal(const char *s, size_t len, x12_dec *out);

/* CCYYMMDD, calendar-valid; 0 ok, -1 bad */
int			x12_parse_date(const char *s, size_t len, int *y, int *m, int *d);

/* exact arithmetic at a common scale; 0 ok, -1 overflow */
int			x12_dec_add(x12_dec a, x12_dec b, x12_dec *out);
int			x12_dec_sub(x12_dec a, x12_dec b, x12_dec *out);
/* *cmp = -1/0/1; 0 ok, -1 overflow while aligning scales */
int			x12_dec_cmp(x12_dec a, x12_dec b, int *cmp);

/* format into buf (at least 24 bytes): "-123.45"; returns buf */
char	   *x12_dec_format(x12_dec v, char *buf, size_t buflen);

const char *x12_error_name(int code);

#ifdef __cplusplus
}
#endif

#endif							/* X12_835_H */
