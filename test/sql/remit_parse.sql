--
-- remit_parse: the X12 835 parser SRFs on every good fixture in
-- test/fixtures/835 (read with psql backquotes, paths relative to the
-- repository top level, where pg_regress runs).  Every number printed here
-- is the one written in the fixture; comments give the hand-checked sums.
--
\pset null NULL
SET search_path = public;
SET datestyle = 'ISO, MDY';

-- ---------------------------------------------------------------------
-- 01: CRLF after every terminator, ':' component, '^' repetition.
-- ---------------------------------------------------------------------
\set doc `cat test/fixtures/835/01_paid_crlf.edi`
-- The carriage returns survive psql's backquote (only the final newline goes).
SELECT position(E'\r\n' IN :'doc') > 0 AS has_crlf, right(:'doc', 1) = E'\r' AS ends_with_cr;
\x on
SELECT * FROM revcycle.parse_835_transactions(:'doc');
-- Claim RB1001: 500.00 charge - (CO-45 40.00 + CO-45 10.00 + PR-2 50.00) = 400.00 paid.
SELECT * FROM revcycle.parse_835(:'doc') WHERE claim_position = 1;
\x off
SELECT claim_position, patient_control_number, status_code, is_reversal, charge_amount,
       paid_amount, patient_responsibility, claim_filing_indicator,
       payer_claim_control_number, facility_type, frequency_code,
       statement_from, statement_to, received_date, line_count, adjustment_count
  FROM revcycle.parse_835(:'doc') ORDER BY claim_position;
SELECT * FROM revcycle.parse_835_lines(:'doc') ORDER BY claim_position, line_number;
SELECT * FROM revcycle.parse_835_adjustments(:'doc') ORDER BY segment, triplet;
SELECT count(*) AS plb_pairs FROM revcycle.parse_835_provider_adjustments(:'doc');
SELECT count(*) AS violations FROM revcycle.check_835(:'doc');

-- ---------------------------------------------------------------------
-- 02: '>' component separator; partial, zero-paid and denied claims;
-- multi-triplet CAS with quantities; claim- and line-level CAS.
-- RB2001: 1000.00 - (PR-1 100.00 + PR-2 50.00) - (10.00 + 2.50 + 7.50 + 5
--         + 20.00 + 5.00) - 100.00 = 700.00.
-- RB2002: 120.00 - PR-1 120.00 = 0.  RB2003 (CLP02 = 4): 300.00 - CO-50 300 = 0.
-- ---------------------------------------------------------------------
\set doc `cat test/fixtures/835/02_partial_zero_denied.edi`
SELECT transaction_number, interchange_control_number, transaction_control_number,
       handling_code, total_payment, payment_method, payment_date, trace_number,
       payer_identifier, claim_count, line_count, segment_count, total_claim_paid
  FROM revcycle.parse_835_transactions(:'doc');
SELECT claim_position, patient_control_number, status_code, charge_amount, paid_amount,
       patient_responsibility, line_count, adjustment_count
  FROM revcycle.parse_835(:'doc') ORDER BY claim_position;
SELECT claim_position, line_number, procedure_composite, procedure_qualifier,
       procedure_code, modifiers, charge_amount, paid_amount, units, service_from,
       service_to, remark_codes
  FROM revcycle.parse_835_lines(:'doc') ORDER BY claim_position, line_number;
SELECT patient_control_number, level, line_number, segment, triplet, group_code,
       reason_code, amount, quantity
  FROM revcycle.parse_835_adjustments(:'doc') ORDER BY segment, triplet;
-- Claim totals from the adjustments: charge - sum = paid for every claim.
SELECT c.patient_control_number, c.charge_amount, sum(a.amount) AS adjustments,
       c.charge_amount - sum(a.amount) = c.paid_amount AS balances
  FROM revcycle.parse_835(:'doc') c
  JOIN revcycle.parse_835_adjustments(:'doc') a USING (transaction_number, claim_position)
 GROUP BY 1, 2, c.paid_amount ORDER BY 1;

-- ---------------------------------------------------------------------
-- 03: UTF-8 BOM, LF line ends, reversal (signs as sent) + corrected claim,
-- PLB takeback WO 125.00, interest L6 -3.75, forward balance FB -20.00.
-- BPR02 = (-400.00 + 450.00 + 800) - (125.00 - 3.75 - 20.00) = 748.75.
-- ---------------------------------------------------------------------
\set doc `cat test/fixtures/835/03_reversal_plb.edi`
SELECT transaction_number, total_payment, claim_count, provider_adjustment_count,
       total_claim_paid, total_provider_adjustments
  FROM revcycle.parse_835_transactions(:'doc');
SELECT claim_position, patient_control_number, status_code, is_reversal, charge_amount,
       paid_amount, patient_responsibility, payer_claim_control_number, frequency_code
  FROM revcycle.parse_835(:'doc') ORDER BY claim_position;
SELECT patient_control_number, level, group_code, reason_code, amount
  FROM revcycle.parse_835_adjustments(:'doc') ORDER BY segment, triplet;
SELECT * FROM revcycle.parse_835_provider_adjustments(:'doc') ORDER BY adjustment_number;
SELECT count(*) AS violations FROM revcycle.check_835(:'doc');

-- ---------------------------------------------------------------------
-- 04: two interchanges; the first has one GS with two STs ('*' ':' '~', no
-- line breaks); the second uses '|' and '>' and two GS groups, one a
-- BPR01 = H notice (no money) with a denied claim.
-- ---------------------------------------------------------------------
\set doc `cat test/fixtures/835/04_multi_interchange.edi`
SELECT transaction_number, interchange_control_number, group_control_number,
       transaction_control_number, handling_code, total_payment, payment_method,
       trace_number, claim_count
  FROM revcycle.parse_835_transactions(:'doc') ORDER BY transaction_number;
SELECT transaction_number, interchange_control_number, transaction_control_number,
       patient_control_number, status_code, charge_amount, paid_amount
  FROM revcycle.parse_835(:'doc') ORDER BY transaction_number, claim_position;
SELECT transaction_number, patient_control_number, procedure_composite, procedure_code, modifiers
  FROM revcycle.parse_835_lines(:'doc');
SELECT transaction_number, patient_control_number, level, group_code, reason_code, amount
  FROM revcycle.parse_835_adjustments(:'doc') ORDER BY transaction_number, segment;

-- ---------------------------------------------------------------------
-- 05: newline as the segment terminator, ISA11 'U' (00401), no final
-- terminator; payer id from N1*PR N104 (NWHP05) rather than REF*2U.
-- ---------------------------------------------------------------------
\set doc `cat test/fixtures/835/05_newline_no_final_term.edi`
SELECT transaction_number, interchange_control_number, total_payment, payer_identifier,
       originating_company_id, claim_count
  FROM revcycle.parse_835_transactions(:'doc');
SELECT patient_control_number, charge_amount, paid_amount, patient_responsibility
  FROM revcycle.parse_835(:'doc');
SELECT patient_control_number, procedure_code, charge_amount, paid_amount
  FROM revcycle.parse_835_lines(:'doc');

-- ---------------------------------------------------------------------
-- 06: envelope stripped (text starts, after blank lines, at ST*835): the
-- default delimiters * ~ : apply; no ISA/GS ids.
-- ---------------------------------------------------------------------
\set doc `cat test/fixtures/835/06_stripped_st.edi`
SELECT transaction_number, interchange_control_number, group_control_number,
       transaction_control_number, envelope_stripped, total_payment, claim_count
  FROM revcycle.parse_835_transactions(:'doc') ORDER BY transaction_number;
SELECT transaction_number, patient_control_number, paid_amount
  FROM revcycle.parse_835(:'doc') ORDER BY transaction_number, claim_position;
-- The same transaction typed inline with the default delimiters.
SELECT patient_control_number, charge_amount, paid_amount
  FROM revcycle.parse_835('ST*835*1*005010X221A1~BPR*I*5*C*ACH~TRN*1*T1*1~CLP*PCN1*1*5*5~SE*5*1~');

-- ---------------------------------------------------------------------
-- 07: a transaction with no claims, only a PLB (interest 12.50 paid).
-- ---------------------------------------------------------------------
\set doc `cat test/fixtures/835/07_plb_only.edi`
SELECT transaction_number, total_payment, claim_count, provider_adjustment_count,
       total_claim_paid, total_provider_adjustments
  FROM revcycle.parse_835_transactions(:'doc');
SELECT count(*) AS claims FROM revcycle.parse_835(:'doc');
SELECT reason_code, reference, amount FROM revcycle.parse_835_provider_adjustments(:'doc');

-- ---------------------------------------------------------------------
-- check_835 on the unbalanced fixture:
--   line RBU001/1: 200.00 - 10.00 = 190.00, sent 180.00 (difference -10.00)
--   claim RBU001: 300.00 - (10.00 + 30.00) = 260.00, sent 250.00
--   transaction: (250.00 + 200.00) - (-12.34) = 462.34, BPR02 500.00
-- ---------------------------------------------------------------------
\set doc `cat test/fixtures/835/unbalanced.edi`
SELECT * FROM revcycle.check_835(:'doc') ORDER BY segment;
-- Parsing does not check balancing.
SELECT count(*) AS claims FROM revcycle.parse_835(:'doc');

-- NULL in, no rows out (the functions are STRICT).
SELECT count(*) FROM revcycle.parse_835(NULL);
SELECT count(*) FROM revcycle.check_835(NULL);

-- ---------------------------------------------------------------------
-- Amounts with a leading decimal point (issue 11, item 1): the TR3
-- suppresses leading zeros, so .54 is 0.54 and -.52 is -0.52.
--   CLP03 .7 - CAS PR-2 .16 = .54 = CLP04 = BPR02.
-- ---------------------------------------------------------------------
SELECT charge_amount, paid_amount, patient_responsibility
  FROM revcycle.parse_835('ST*835*1~BPR*I*.54*C*ACH~TRN*1*T1*1~CLP*P1*1*.7*.54*.16~CAS*PR*2*.16~SE*6*1~');
-- The line of the issue, SVC*HC:J0696:KX*-34.46*-.52**0, in a claim that
-- balances:
--   line 1: -34.46 - CO-45 (-33.94) = -.52 = SVC03;
--   line 2: 35.16 - (CO-45 33.94 + PR-2 .16) = 1.06 = SVC03;
--   claim:  CLP03 .7 (= -34.46 + 35.16) - (-33.94 + 33.94 + .16) = .54 = CLP04
--           (= -.52 + 1.06); BPR02 .54.
\set doc 'ST*835*1~BPR*I*.54*C*ACH~TRN*1*T1*1~CLP*P1*1*.7*.54*.16~SVC*HC:J0696:KX*-34.46*-.52**0~CAS*CO*45*-33.94~SVC*HC:J0696*35.16*1.06**1~CAS*CO*45*33.94~CAS*PR*2*.16~SE*10*1~'
SELECT line_number, procedure_code, modifiers, charge_amount, paid_amount, units
  FROM revcycle.parse_835_lines(:'doc') ORDER BY line_number;
SELECT line_number, group_code, reason_code, amount
  FROM revcycle.parse_835_adjustments(:'doc') ORDER BY segment, triplet;
-- balances: no rows
SELECT * FROM revcycle.check_835(:'doc');
