--
-- remit_load: load_835 stores remittances and posts the ledger.  Every
-- expected ledger row is worked out by hand in the comment above the query
-- that prints it.  Surrogate ids depend on sequences (shared with other
-- tests), so rows print business keys, not ids.
--
\pset null NULL
SET search_path = public;
SET datestyle = 'ISO, MDY';

-- Data-model rows: payer Northwind (NWHP77), a self-pay payer, five claims.
-- RB2002 has no claim with that number, but an account numbered RB2002 with
-- a Northwind claim C-2002 (matched through account_number + payer).
CREATE FUNCTION pg_temp.setup() RETURNS void LANGUAGE sql AS $$
INSERT INTO revcycle.department VALUES ('7011', 'Radiology', 'Main');
INSERT INTO revcycle.payer (name, payer_class, payer_identifier) VALUES
    ('Northwind Health Plan', 'commercial', 'NWHP77'),
    ('Self-pay', 'self_pay', NULL),
    ('Harbor Mutual', 'commercial', '1512345678');
INSERT INTO revcycle.patient (mrn) VALUES ('M-LANTERN');
INSERT INTO revcycle.account (account_number, patient_id, facility, dept_code,
                              patient_type, service_from, service_to, primary_payer_id)
SELECT a.n, (SELECT patient_id FROM revcycle.patient WHERE mrn = 'M-LANTERN'), 'Main', '7011',
       'outpatient', '2026-10-01', '2026-10-23',
       (SELECT payer_id FROM revcycle.payer WHERE name = 'Northwind Health Plan')
  FROM (VALUES ('A1001'), ('A1002'), ('A2001'), ('RB2002'), ('A2003'), ('A5001')) a(n);
INSERT INTO revcycle.claim (claim_number, account_id, payer_id, statement_from, statement_to,
                            submitted_date, billed_amount)
SELECT c.num, (SELECT account_id FROM revcycle.account WHERE account_number = c.acct),
       (SELECT payer_id FROM revcycle.payer WHERE name = 'Northwind Health Plan'),
       '2026-10-01', '2026-10-23', '2026-10-25', c.billed
  FROM (VALUES ('RB1001', 'A1001', 500.00), ('RB1002', 'A1002', 250.00),
               ('RB2001', 'A2001', 1000.00), ('C-2002', 'RB2002', 120.00),
               ('RB2003', 'A2003', 300.00), ('RB5001', 'A5001', 50.10)) c(num, acct, billed);
$$;

CREATE VIEW pg_temp.ledger_rows AS
SELECT c.claim_number, p.name AS payer, l.kind, l.amount, l.posted_date,
       r.kind || ' ' || r.amount AS reverses, l.memo
  FROM revcycle.ledger l
  JOIN revcycle.payer p ON p.payer_id = l.payer_id
  LEFT JOIN revcycle.claim c ON c.claim_id = l.claim_id
  LEFT JOIN revcycle.ledger r ON r.txn_id = l.reverses_txn_id
 ORDER BY l.txn_id;

CREATE FUNCTION pg_temp.counts() RETURNS TABLE (remittances bigint, claims bigint, lines bigint,
    adjustments bigint, plb bigint, denials bigint, ledger bigint) LANGUAGE sql AS $$
SELECT (SELECT count(*) FROM revcycle.remittance), (SELECT count(*) FROM revcycle.remittance_claim),
       (SELECT count(*) FROM revcycle.remittance_line), (SELECT count(*) FROM revcycle.remittance_adjustment),
       (SELECT count(*) FROM revcycle.provider_adjustment), (SELECT count(*) FROM revcycle.denial),
       (SELECT count(*) FROM revcycle.ledger)
$$;

CREATE FUNCTION pg_temp.try_load(doc text, allow boolean DEFAULT false) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    d text;
BEGIN
    PERFORM revcycle.load_835(doc, 'test', allow);
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL;
    RETURN SQLSTATE || ': ' || SQLERRM || CASE WHEN d <> '' THEN ' | ' || d ELSE '' END;
END $$;

-- =====================================================================
-- 1. Paid claims (01), then partial, zero-paid and denied (02), then the
--    reversal + correction + PLB file (03).
-- =====================================================================
BEGIN;
SELECT pg_temp.setup();

-- 01, posted on BPR16 = 2026-11-15:
--   RB1001: payment 400.00; contractual CO-45 40.00 + 10.00 = 50.00;
--           PR-2 50.00 -> transfer -50.00 Northwind, +50.00 Self-pay.
--   RB1002: payment 250.00 (no adjustments).   5 ledger rows, 650.00 paid.
\set doc `cat test/fixtures/835/01_paid_crlf.edi`
SELECT * FROM revcycle.load_835(:'doc', '01_paid_crlf.edi');
SELECT * FROM pg_temp.ledger_rows;
SELECT payer_id IS NOT NULL AS payer_matched, payer_name, payer_identifier, payee_name,
       payee_identifier, interchange_control_number, transaction_control_number,
       trace_number, handling_code, payment_method, total_payment, payment_date,
       production_date, source
  FROM revcycle.remittance;
SELECT rc.patient_control_number, c.claim_number, rc.status_code, rc.charge_amount,
       rc.paid_amount, rc.patient_responsibility, rc.frequency_code, rc.statement_from,
       rc.statement_to, rc.received_date, rc.is_reversal
  FROM revcycle.remittance_claim rc LEFT JOIN revcycle.claim c USING (claim_id)
 ORDER BY rc.remittance_claim_id;
SELECT rc.patient_control_number, l.line_number, l.procedure_qualifier, l.procedure_code,
       l.modifiers, l.charge_amount, l.paid_amount, l.revenue_code, l.units, l.service_from,
       l.service_to, l.allowed_amount, l.remark_codes, l.line_control_number
  FROM revcycle.remittance_line l JOIN revcycle.remittance_claim rc USING (remittance_claim_id)
 ORDER BY l.remittance_line_id;
SELECT rc.patient_control_number, l.line_number, a.group_code, a.carc, a.amount, a.quantity
  FROM revcycle.remittance_adjustment a
  JOIN revcycle.remittance_claim rc USING (remittance_claim_id)
  LEFT JOIN revcycle.remittance_line l USING (remittance_line_id)
 ORDER BY a.adjustment_id;

-- Idempotent: the same transaction again posts nothing, with a NOTICE.
SELECT * FROM revcycle.load_835(:'doc', '01_paid_crlf.edi again');
SELECT * FROM pg_temp.counts();

-- 02, posted on 2026-11-16:
--   RB2001: payment 700.00; contractual = CO-45 10.00 + CO-253 2.50
--           + CO-45 100.00 + CO-59 7.50 + CO-94 5 + CO-131 5.00 = 130.00
--           (59, 94 and 131 are pricing reductions: contractual allowances
--           by the carc_category table since 0.3.0); PR-1 100.00 + PR-2
--           50.00 = 150.00 transferred; CO-97 20.00 is a denial (bundling)
--           -> 1 denial row, no ledger write-off.
--           Check: 700.00 + 130.00 + 150.00 + 20.00 = 1000.00 charged.
--   RB2002 (claim C-2002 via account RB2002): paid 0 -> no payment row;
--           PR-1 120.00 transferred.
--   RB2003 (CLP02 = 4): CO-50 300 -> one denial row (remark N115), no ledger.
--   Ledger rows: 4 + 2 = 6; denial rows: 1 + 1 = 2.
\set doc `cat test/fixtures/835/02_partial_zero_denied.edi`
SELECT * FROM revcycle.load_835(:'doc', '02');
SELECT * FROM pg_temp.ledger_rows WHERE posted_date = '2026-11-16';
SELECT c.claim_number, p.name AS payer, d.denial_date, d.group_code, d.carc, d.rarc,
       d.amount, d.is_initial
  FROM revcycle.denial d JOIN revcycle.claim c USING (claim_id)
  JOIN revcycle.payer p ON p.payer_id = d.payer_id
 ORDER BY c.claim_number, d.carc;

-- 03, posted on 2026-11-17:
--   reversal of RB1001 (CLP02 = 22, signs as sent): payment -400.00,
--   contractual -50.00, transfer +50.00 Northwind / -50.00 Self-pay, each
--   naming the 01 row it reverses.  Correction (CLP09 = 7): payment 450.00,
--   PR-2 50.00 transfer.  RB3001 matches nothing: stored, not posted.
--   PLB WO 125.00, L6 -3.75, FB -20.00 -> provider_adjustment only.
\set doc `cat test/fixtures/835/03_reversal_plb.edi`
SELECT * FROM revcycle.load_835(:'doc', '03');
SELECT * FROM pg_temp.ledger_rows WHERE posted_date = '2026-11-17';
SELECT p.provider_identifier, p.fiscal_period_date, p.reason_code, p.reference, p.amount
  FROM revcycle.provider_adjustment p ORDER BY p.provider_adjustment_id;

-- Reversal + correction net to the corrected amounts for RB1001:
--   payment 400.00 - 400.00 + 450.00 = 450.00; contractual 50.00 - 50.00 = 0;
--   Northwind transfers -50.00 + 50.00 - 50.00 = -50.00; Self-pay +50.00.
SELECT c.claim_number, p.name AS payer, l.kind, sum(l.amount) AS net
  FROM revcycle.ledger l JOIN revcycle.claim c USING (claim_id)
  JOIN revcycle.payer p ON p.payer_id = l.payer_id
 WHERE c.claim_number = 'RB1001'
 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
-- Balance of each account by payer (ar_sign: payments and adjustments lower
-- A/R, transfers carry their sign): RB1001's A1001 has no charge rows here,
-- so Northwind shows -(450.00) - 0 + (-50.00) = -500.00 and Self-pay +50.00.
SELECT a.account_number, p.name AS payer, sum(revcycle.ar_sign(l.kind) * l.amount) AS ar_effect
  FROM revcycle.ledger l JOIN revcycle.account a USING (account_id)
  JOIN revcycle.payer p ON p.payer_id = l.payer_id
 GROUP BY 1, 2 ORDER BY 1, 2;

-- The unmatched claim is listed.
SELECT patient_control_number, payer_name, payer_id IS NOT NULL AS payer_known, trace_number,
       transaction_control_number, payment_date, status_code, charge_amount, paid_amount, source
  FROM revcycle.unmatched_remittance_claims;

-- 07: a transaction with no claims (PLB interest only) is still a remittance.
\set doc `cat test/fixtures/835/07_plb_only.edi`
SELECT * FROM revcycle.load_835(:'doc');
SELECT r.trace_number, r.total_payment, p.reason_code, p.reference, p.amount
  FROM revcycle.remittance r JOIN revcycle.provider_adjustment p USING (remittance_id)
 WHERE r.trace_number = 'EFT0007001';

-- 04: four transactions in two interchanges, nothing matches a claim.
--   RB4002 OA-23 is not a denial.  RB4051 (BPR01 = H, CLP02 = 4) CO-50 60.00
--   is a denial of an unmatched claim: denial row with claim_id NULL.
\set doc `cat test/fixtures/835/04_multi_interchange.edi`
SELECT * FROM revcycle.load_835(:'doc', '04');
SELECT rc.patient_control_number, d.group_code, d.carc, d.amount, d.is_initial,
       d.claim_id IS NULL AS unmatched
  FROM revcycle.denial d JOIN revcycle.remittance_claim rc USING (remittance_claim_id)
 WHERE d.claim_id IS NULL;
SELECT count(*) AS unmatched_listed FROM revcycle.unmatched_remittance_claims;

-- 05: the payer id NWHP05 is unknown, TRN03 1512345678 is Harbor Mutual's.
--   RB5001: payment 42.10 to Harbor Mutual; PR-3 8 transferred.
\set doc `cat test/fixtures/835/05_newline_no_final_term.edi`
SELECT * FROM revcycle.load_835(:'doc');
SELECT payer_identifier, (SELECT name FROM revcycle.payer p WHERE p.payer_id = r.payer_id)
  FROM revcycle.remittance r WHERE trace_number = 'EFT0005001';
SELECT * FROM pg_temp.ledger_rows WHERE claim_number = 'RB5001';

-- Everything loaded, again: all transactions skipped, nothing written.
SELECT * FROM pg_temp.counts();
\set doc `cat test/fixtures/835/02_partial_zero_denied.edi`
SELECT transactions_loaded, transactions_skipped, ledger_rows FROM revcycle.load_835(:'doc');
SELECT * FROM pg_temp.counts();
ROLLBACK;

-- =====================================================================
-- 2. Unbalanced files are refused (23514) unless allow_unbalanced.
-- =====================================================================
BEGIN;
SELECT pg_temp.setup();
\set doc `cat test/fixtures/835/unbalanced.edi`
SELECT pg_temp.try_load(:'doc');
SELECT * FROM pg_temp.counts();
SELECT * FROM revcycle.load_835(:'doc', 'unbalanced.edi', allow_unbalanced => true);
SELECT patient_control_number, paid_amount FROM revcycle.unmatched_remittance_claims
 ORDER BY patient_control_number;
SELECT pg_temp.try_load(:'doc', NULL);
ROLLBACK;

-- =====================================================================
-- 3. A failure part-way leaves nothing behind.
-- =====================================================================
BEGIN;
SELECT pg_temp.setup();
-- The second transaction's BPR16 is 2026-11-31: the whole call fails.
\set doc `cat test/fixtures/835/bad_12_second_txn.edi`
SELECT pg_temp.try_load(:'doc');
SELECT * FROM pg_temp.counts();
-- A structural error in any file: nothing.
\set doc `cat test/fixtures/835/bad_06_se_count.edi`
SELECT pg_temp.try_load(:'doc');
-- Fails after remittances, claims and adjustments were inserted: with no
-- self-pay payer the PR transfer of RB1001 cannot be posted.
UPDATE revcycle.payer SET payer_class = 'commercial' WHERE name = 'Self-pay';
\set doc `cat test/fixtures/835/01_paid_crlf.edi`
SELECT pg_temp.try_load(:'doc');
SELECT * FROM pg_temp.counts();
-- An amount numeric(14,2) would round is refused, not rounded.
SELECT pg_temp.try_load('ST*835*1~BPR*I*10.005*C*ACH~TRN*1*T9*X~CLP*P9*1*10.005*10.005~SE*5*1~');
-- No trace number (TRN02): refused, since it is part of the idempotency key.
SELECT pg_temp.try_load('ST*835*1~BPR*I*10*C*ACH~CLP*P9*1*10*10~SE*4*1~');
SELECT * FROM pg_temp.counts();
ROLLBACK;

-- =====================================================================
-- 4. Which adjustments are denials: the carc_category table decides, the
--    site's overrides win, codes without a row are uncategorized (denials).
-- =====================================================================
SELECT g, c, s, revcycle.adjustment_is_denial(g, c, s) AS is_denial
  FROM (VALUES ('PR', '1', '1'), ('PR', '2', '4'), ('CO', '45', '1'), ('CO', '253', '1'),
               ('OA', '23', '2'), ('CO', '24', '1'), ('CO', '50', '1'), ('PR', '50', '1'),
               ('CO', '59', '1'), ('PI', '59', '1'), ('PR', '59', '1'), ('PR', '59', '4'),
               ('OA', 'ZZ9', '1')) v(g, c, s);
BEGIN;
SELECT pg_temp.setup();
-- The site decides CO-59 is a denial after all: RB2001's contractual
-- becomes 130.00 - 7.50 = 122.50 and its denials 59 and 97.
INSERT INTO revcycle.carc_category_user (group_code, carc, category, is_denial)
VALUES ('CO', '59', 'coding', true);
\set doc `cat test/fixtures/835/02_partial_zero_denied.edi`
SELECT claims, denials, ledger_rows FROM revcycle.load_835(:'doc');
SELECT claim_number, kind, amount FROM pg_temp.ledger_rows
 WHERE claim_number = 'RB2001' AND kind = 'contractual_adjustment';
SELECT string_agg(carc, ',' ORDER BY carc) AS rb2001_denials
  FROM revcycle.denial JOIN revcycle.claim USING (claim_id) WHERE claim_number = 'RB2001';
ROLLBACK;
