--
-- remit_post: the payment's natural key (re-delivery, reused trace), the
-- contractual/denial decision from carc_category, negative contractual
-- amounts, patient responsibility to the next responsible payer, and
-- post => false (issue 11).  Every document is hand-written X12 with the
-- arithmetic in the comment above it; balances print by business keys.
--
\pset null NULL
SET search_path = public;
SET datestyle = 'ISO, MDY';

-- Northwind (primary of both accounts), Harbor Mutual (secondary of P200),
-- Self-pay.  Charges on the ledger: P100 1000.00 and P200 500.00 to
-- Northwind, so A/R per payer can be read after each remittance.
CREATE FUNCTION pg_temp.setup() RETURNS void LANGUAGE sql AS $$
INSERT INTO revcycle.department VALUES ('7011', 'Radiology', 'Main');
INSERT INTO revcycle.payer (name, payer_class, payer_identifier) VALUES
    ('Northwind Health Plan', 'commercial', 'NWHP77'),
    ('Harbor Mutual', 'commercial', 'HARB01'),
    ('Self-pay', 'self_pay', NULL);
INSERT INTO revcycle.patient (mrn) VALUES ('M-POST');
INSERT INTO revcycle.account (account_number, patient_id, facility, dept_code, patient_type,
                              service_from, service_to, primary_payer_id, secondary_payer_id)
SELECT a.n, (SELECT patient_id FROM revcycle.patient WHERE mrn = 'M-POST'), 'Main', '7011',
       'outpatient', '2026-11-01', '2026-11-01',
       (SELECT payer_id FROM revcycle.payer WHERE name = 'Northwind Health Plan'),
       (SELECT payer_id FROM revcycle.payer WHERE name = a.secondary)
  FROM (VALUES ('P100', NULL), ('P200', 'Harbor Mutual')) a(n, secondary);
INSERT INTO revcycle.claim (claim_number, account_id, payer_id, payer_sequence, statement_from,
                            statement_to, submitted_date, billed_amount)
SELECT c.num, (SELECT account_id FROM revcycle.account WHERE account_number = c.acct),
       (SELECT payer_id FROM revcycle.payer WHERE name = c.payer), c.seq,
       '2026-11-01', '2026-11-01', '2026-11-02', c.billed
  FROM (VALUES ('C100', 'P100', 'Northwind Health Plan', 1, 1000.00),
               ('C200', 'P200', 'Northwind Health Plan', 1, 500.00),
               ('C201', 'P200', 'Harbor Mutual', 2, 150.00)) c(num, acct, payer, seq, billed);
INSERT INTO revcycle.ledger (account_id, payer_id, kind, amount, posted_date, claim_id, memo)
SELECT k.account_id, k.payer_id, 'charge', k.billed_amount, '2026-11-01', k.claim_id, 'charges'
  FROM revcycle.claim k WHERE k.payer_sequence = 1;
$$;

-- A/R per account and payer: Σ ar_sign(kind) × amount.
CREATE VIEW pg_temp.ar AS
SELECT a.account_number, p.name AS payer, sum(revcycle.ar_sign(l.kind) * l.amount) AS ar
  FROM revcycle.ledger l JOIN revcycle.account a USING (account_id)
  JOIN revcycle.payer p ON p.payer_id = l.payer_id
 GROUP BY 1, 2 ORDER BY 1, 2;

CREATE VIEW pg_temp.ledger_rows AS
SELECT c.claim_number, p.name AS payer, l.kind, l.amount,
       r.kind || ' ' || r.amount AS reverses, l.memo
  FROM revcycle.ledger l
  JOIN revcycle.payer p ON p.payer_id = l.payer_id
  LEFT JOIN revcycle.claim c ON c.claim_id = l.claim_id
  LEFT JOIN revcycle.ledger r ON r.txn_id = l.reverses_txn_id
 WHERE l.kind <> 'charge'
 ORDER BY l.txn_id;

-- An interchange around one transaction: ISA (106 characters) with ISA13 =
-- icn, GS with GS06 = gcn, the body, GE, IEA.
CREATE FUNCTION pg_temp.x12(icn text, gcn text, body text) RETURNS text LANGUAGE sql AS $$
SELECT 'ISA*00*          *00*          *ZZ*NORTHWINDHP    *ZZ*RIVERBENDCLR   *261201*0930*^*00501*'
       || lpad(icn, 9, '0') || '*0*P*:~'
       || 'GS*HP*NORTHWINDHP*RIVERBENDCLR*20261201*0930*' || gcn || '*X*005010X221A1~'
       || body || 'GE*1*' || gcn || '~IEA*1*' || lpad(icn, 9, '0') || '~'
$$;

CREATE FUNCTION pg_temp.try_load(doc text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    d text;
BEGIN
    PERFORM revcycle.load_835(doc, 'test');
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL;
    -- the DETAIL names the earlier remittance by id and load time: masked
    d := regexp_replace(regexp_replace(d, 'remittance \d+ \(', 'remittance N ('),
                        ', loaded [^)]*\)', ', loaded T)');
    RETURN SQLSTATE || ': ' || SQLERRM || CASE WHEN d <> '' THEN E'\n  DETAIL: ' || d ELSE '' END;
END $$;

-- =====================================================================
-- 1. Contractual reductions are not denials: a paid claim with CO-45 +
--    CO-131 + PR-2 ends with zero A/R on the payer.
--    C100: 1000.00 - (CO-45 300.00 + CO-131 50.00 + PR-2 130.00) = 520.00.
--    Ledger: payment 520.00, contractual 350.00 (45 + 131), transfer
--    -130.00 Northwind / +130.00 Self-pay (P100 has no secondary).
--    A/R Northwind: 1000.00 - 520.00 - 350.00 - 130.00 = 0.00;
--    Self-pay 130.00.  No denial rows.
-- =====================================================================
BEGIN;
SELECT pg_temp.setup();
\set body 'ST*835*0001~BPR*I*520.00*C*ACH************20261201~TRN*1*TRC100*1999999999~N1*PR*NORTHWIND HEALTH PLAN*XV*NWHP77~CLP*C100*1*1000.00*520.00*130.00*12*PCC100~CAS*CO*45*300.00**131*50.00~CAS*PR*2*130.00~SE*8*0001~'
SELECT pg_temp.x12('1', '1', :'body') AS first_delivery \gset
SELECT * FROM revcycle.load_835(:'first_delivery', 'first delivery');
SELECT * FROM pg_temp.ledger_rows;
SELECT * FROM pg_temp.ar;
SELECT count(*) AS denial_rows FROM revcycle.denial;

-- =====================================================================
-- 2. Re-delivery: the same payment (payer NWHP77, trace TRC100, BPR02
--    520.00, BPR16 2026-12-01) with new ISA13 000000002, GS06 2 and ST02
--    0002 is skipped with a NOTICE; nothing is stored or posted.
-- =====================================================================
SELECT pg_temp.x12('2', '2', replace(:'body', '*0001~', '*0002~')) AS redelivery \gset
SELECT interchange_control_number, group_control_number, transaction_control_number, trace_number
  FROM revcycle.parse_835_transactions(:'redelivery');
SELECT * FROM revcycle.load_835(:'redelivery', 'second delivery');
SELECT count(*) AS remittances, string_agg(source, ',') AS sources FROM revcycle.remittance;
SELECT sum(amount) FILTER (WHERE kind = 'payment') AS payments FROM revcycle.ledger;
-- Twice in one file (two interchanges): the second is skipped too.
SELECT * FROM revcycle.load_835(:'redelivery' || :'first_delivery');
-- A different payment reusing the trace number is refused (23505), with
-- both payments in the DETAIL: 600.00 (1000.00 - CO-45 270.00 - PR-2
-- 130.00, balanced) vs 520.00.
SELECT pg_temp.try_load(pg_temp.x12('3', '3', 'ST*835*0003~BPR*I*600.00*C*ACH************20261201~TRN*1*TRC100*1999999999~N1*PR*NORTHWIND HEALTH PLAN*XV*NWHP77~CLP*C100*1*1000.00*600.00*130.00*12*PCC100~CAS*CO*45*270.00~CAS*PR*2*130.00~SE*8*0003~'));
-- ... and one with the same amount on another date (BPR16 2026-12-02).
SELECT pg_temp.try_load(pg_temp.x12('4', '4', replace(:'body', '20261201~TRN', '20261202~TRN')));
-- The same trace number from another payer is another payment: loaded.
-- (CLP C999 matches nothing: stored, not posted.)
SELECT transactions_loaded, transactions_skipped, claims_unmatched, ledger_rows
  FROM revcycle.load_835('ST*835*9~BPR*I*5.00*C*ACH************20261201~TRN*1*TRC100*1888888888~N1*PR*OTHER PAYER*XV*OTHER1~CLP*C999*1*5.00*5.00~SE*6*9~');

-- =====================================================================
-- 3. A negative CO amount: the payer gives back 20.00 of the CO-131
--    discount on C100 (trace TRC101): CLP03 0 - CO-131 (-20.00) = 20.00
--    paid.  Ledger: payment 20.00, contractual -20.00 reversing the 350.00
--    contractual adjustment of trace TRC100.
--    A/R Northwind: 0.00 - 20.00 + 20.00 = 0.00.
-- =====================================================================
SELECT transactions_loaded, denials, ledger_rows
  FROM revcycle.load_835('ST*835*0101~BPR*I*20.00*C*ACH************20261205~TRN*1*TRC101*1999999999~N1*PR*NORTHWIND HEALTH PLAN*XV*NWHP77~CLP*C100*1*0*20.00**12*PCC100~CAS*CO*131*-20.00~SE*7*0101~');
SELECT * FROM pg_temp.ledger_rows WHERE memo LIKE '%TRC101';
SELECT * FROM pg_temp.ar WHERE account_number = 'P100';

-- =====================================================================
-- 4. Patient responsibility with a secondary payer.
--    Northwind (primary of P200) pays C200: 500.00 - (CO-45 100.00 + PR-1
--    150.00) = 250.00; PR goes to Harbor Mutual, P200's secondary:
--    transfer -150.00 Northwind / +150.00 Harbor.
--    A/R Northwind: 500.00 - 250.00 - 100.00 - 150.00 = 0.00; Harbor 150.00.
--    Then Harbor (the secondary) pays its claim C201: 150.00 - PR-2 30.00 =
--    120.00; the next party after the secondary is self-pay: transfer
--    -30.00 Harbor / +30.00 Self-pay.  A/R Harbor: 150.00 - 120.00 - 30.00
--    = 0.00; Self-pay 30.00.
-- =====================================================================
\set c200 'ST*835*0200~BPR*I*250.00*C*ACH************20261206~TRN*1*TRC200*1999999999~N1*PR*NORTHWIND HEALTH PLAN*XV*NWHP77~CLP*C200*1*500.00*250.00*150.00*12*PCC200~CAS*CO*45*100.00~CAS*PR*1*150.00~SE*8*0200~'
-- Policy self_pay sends it to self-pay instead (rolled back), none keeps
-- it on Northwind (no transfer rows: 2 ledger rows).
SAVEPOINT policy;
SELECT ledger_rows FROM revcycle.load_835(:'c200', patient_responsibility_to => 'self_pay');
SELECT * FROM pg_temp.ar WHERE account_number = 'P200';
ROLLBACK TO SAVEPOINT policy;
SELECT ledger_rows FROM revcycle.load_835(:'c200', patient_responsibility_to => 'none');
SELECT * FROM pg_temp.ar WHERE account_number = 'P200';
ROLLBACK TO SAVEPOINT policy;
SELECT pg_temp.try_load(:'c200') AS default_policy;
SELECT * FROM pg_temp.ledger_rows WHERE memo LIKE '%TRC200';
SELECT ledger_rows FROM revcycle.load_835('ST*835*0201~BPR*I*120.00*C*ACH************20261210~TRN*1*TRC201*1888888888~N1*PR*HARBOR MUTUAL*XV*HARB01~CLP*C201*2*150.00*120.00*30.00*12*PCC201~CAS*PR*2*30.00~SE*7*0201~');
SELECT * FROM pg_temp.ledger_rows WHERE memo LIKE '%TRC201';
SELECT * FROM pg_temp.ar WHERE account_number = 'P200';
ROLLBACK;

-- =====================================================================
-- 5. post => false stores everything and posts nothing; a bad policy
--    name is refused (22023).
-- =====================================================================
BEGIN;
SELECT pg_temp.setup();
SELECT transactions_loaded, claims, claims_matched, adjustments, denials, ledger_rows
  FROM revcycle.load_835(:'first_delivery', post => false);
SELECT count(*) AS stored_claims FROM revcycle.remittance_claim;
SELECT count(*) AS posted FROM revcycle.ledger WHERE kind <> 'charge';
-- loading it again skips it (already stored), posting still nothing
SELECT transactions_loaded, transactions_skipped FROM revcycle.load_835(:'first_delivery');
SAVEPOINT s;
SELECT * FROM revcycle.load_835(:'c200', patient_responsibility_to => 'secondary');
ROLLBACK TO SAVEPOINT s;
SELECT * FROM revcycle.load_835(:'c200', post => NULL);
ROLLBACK;

-- =====================================================================
-- 6. The category table is the single source: pricing CARCs are not
--    denials in any group; a code with no row is "uncategorized", a
--    denial, as in denial_codes; hiding a default makes its code
--    uncategorized; the site's row wins.  Offending rows, expected none:
-- =====================================================================
SELECT g, c FROM (VALUES ('CO', '45'), ('CO', '131'), ('CO', '42'), ('CO', '59'), ('CO', '90'),
                         ('CO', '94'), ('CO', '253'), ('CO', '44'), ('CO', '104'), ('CO', '144'),
                         ('CO', '237'), ('PI', '131'), ('PR', '1'), ('PR', '2'), ('PR', '3'),
                         ('PR', '66'), ('OA', '23'), ('CO', '24')) v(g, c)
 WHERE revcycle.adjustment_is_denial(g, c, '1') OR revcycle.adjustment_is_denial(g, c, '4');
-- Denials, whatever the claim status: expected all true.
SELECT g, c, revcycle.adjustment_is_denial(g, c, '1') AS paid_claim,
       revcycle.adjustment_is_denial(g, c, '4') AS denied_claim
  FROM (VALUES ('CO', '50'), ('CO', '97'), ('PR', '50'), ('CO', 'ZZ9'), ('PR', 'ZZ9'), ('OA', 'ZZ9')) v(g, c);
-- adjustment_is_denial and denial_codes agree on every default code and on
-- an uncategorized one (rows where they differ, expected none).
SELECT x.group_code, x.carc
  FROM revcycle.denial_codes((SELECT revcycle.denial_summary(g || '-' || c, 1)
                                FROM (SELECT 'CO' AS g, carc AS c FROM revcycle.carc_category
                                      UNION ALL SELECT 'PR', carc FROM revcycle.carc_category
                                      UNION ALL SELECT 'CO', 'ZZ9') s)) x
 WHERE x.is_denial IS DISTINCT FROM revcycle.adjustment_is_denial(x.group_code, x.carc, '1');
BEGIN;
INSERT INTO revcycle.carc_category_user (group_code, carc, hidden) VALUES (NULL, '131', true);
INSERT INTO revcycle.carc_category_user (group_code, carc, category, is_denial)
VALUES ('CO', '45', 'pricing dispute', true);
SELECT revcycle.adjustment_is_denial('CO', '131', '1') AS co131_hidden,
       revcycle.adjustment_is_denial('CO', '45', '1') AS co45_site_row,
       revcycle.adjustment_is_denial('PR', '45', '1') AS pr45_default;
ROLLBACK;

-- =====================================================================
-- 7. What real files carry (item 6): CUR, NM1*QC/IL, MOA, REF*F8/1L/CE,
--    AMT*AU/I/D8, SVC06/SVC07, BPR03.  The line of the issue: SVC05 = 0
--    units paid, SVC07 = 1 unit billed.
--    C100: 120.00 - CO-45 20.00 = 100.00 (claim and line); BPR02 100.00.
-- =====================================================================
\set c700 'ST*835*0700~BPR*I*100.00*C*ACH************20261201~TRN*1*TRC700*1999999999~CUR*PR*USD~N1*PR*NORTHWIND HEALTH PLAN*XV*NWHP77~CLP*C100*1*120.00*100.00**12*PCC700*11*1~NM1*QC*1*LANTERN*AVERY****MI*W100200300~NM1*IL*1*LANTERN*JORDAN****MI*W100200399~MOA***MA01*MA18~REF*1L*GRP55~REF*CE*PPO~REF*F8*PCC100~AMT*AU*120.00~AMT*I*1.50~AMT*D8*2.00~SVC*HC:J0696*120.00*100.00**0*HC:J0690*1~CAS*CO*45*20.00~SE*18*0700~'
SELECT credit_debit, currency FROM revcycle.parse_835_transactions(:'c700');
SELECT patient_identifier, insured_identifier, original_reference, group_number, contract_class,
       coverage_amount, interest_amount, discount_amount, inpatient_adjudication,
       outpatient_adjudication
  FROM revcycle.parse_835(:'c700');
SELECT procedure_code, units, original_procedure_composite, original_units
  FROM revcycle.parse_835_lines(:'c700');
BEGIN;
SELECT pg_temp.setup();
SELECT transactions_loaded, lines, ledger_rows FROM revcycle.load_835(:'c700', post => false);
SELECT credit_debit, currency FROM revcycle.remittance;
SELECT patient_identifier, insured_identifier, original_reference, group_number, contract_class,
       coverage_amount, interest_amount, discount_amount, outpatient_adjudication
  FROM revcycle.remittance_claim;
SELECT units, original_procedure, original_units FROM revcycle.remittance_line;
-- Another currency is refused (0A000), never taken for dollars.
SAVEPOINT s;
SELECT * FROM revcycle.load_835(replace(replace(:'c700', 'CUR*PR*USD', 'CUR*PR*CAD'), 'TRC700', 'TRC701'));
ROLLBACK TO SAVEPOINT s;
-- A currency code that is not three letters/digits is a structural error.
SELECT * FROM revcycle.parse_835_transactions(replace(:'c700', 'CUR*PR*USD', 'CUR*PR*US'));
ROLLBACK;

-- =====================================================================
-- 8. Claim status from CLP02, and a reversal and a correction linked to
--    what they reverse (item 5).  After the first delivery of section 1
--    (C100 paid, CLP07 PCC100), one file (trace TRC800) holds:
--    * the reversal of C100 (CLP02 22, CLP07 PCC100): payment -520.00,
--      contractual -350.00, transfer +130.00 Northwind / -130.00 Self-pay,
--      each reversing its section-1 row;
--    * the correction (CLP07 PCC100B, REF*F8 PCC100): 1000.00 - (CO-45
--      270.00 + PR-2 130.00) = 600.00: payment 600.00, contractual 270.00,
--      transfer pair 130.00;
--    * C200 paid in part: 500.00 - (CO-45 100.00 + CO-50 100.00) = 300.00.
--    BPR02 = -520.00 + 600.00 + 300.00 = 380.00.
--    Status: C100 reversed then paid again -> paid (last claim wins);
--    C200 partially_paid (a denial, something paid).
--    A/R Northwind P100: 1000.00 - 520.00 - 350.00 - 130.00 (section 1)
--    + 520.00 + 350.00 + 130.00 (reversal) - 600.00 - 270.00 - 130.00 = 0.00;
--    Self-pay 130.00 - 130.00 + 130.00 = 130.00.
--    P200 Northwind: 500.00 - 300.00 - 100.00 = 100.00 (the denied CO-50
--    stays open: no write-off until appeals are exhausted).
-- =====================================================================
BEGIN;
SELECT pg_temp.setup();
SELECT ledger_rows FROM revcycle.load_835(:'first_delivery');
SELECT claim_number, status FROM revcycle.claim ORDER BY claim_number;
-- A reversal alone (trace TRC799; BPR02 -520.00, a debit): C100 reversed.
SAVEPOINT s;
SELECT ledger_rows FROM revcycle.load_835('ST*835*0799~BPR*I*-520.00*D*ACH************20261214~TRN*1*TRC799*1999999999~N1*PR*NORTHWIND HEALTH PLAN*XV*NWHP77~CLP*C100*22*-1000.00*-520.00*-130.00*12*PCC100~CAS*CO*45*-300.00**131*-50.00~CAS*PR*2*-130.00~SE*8*0799~');
SELECT claim_number, status FROM revcycle.claim WHERE claim_number = 'C100';
ROLLBACK TO SAVEPOINT s;
\set c800 'ST*835*0800~BPR*I*380.00*C*ACH************20261215~TRN*1*TRC800*1999999999~N1*PR*NORTHWIND HEALTH PLAN*XV*NWHP77~CLP*C100*22*-1000.00*-520.00*-130.00*12*PCC100~CAS*CO*45*-300.00**131*-50.00~CAS*PR*2*-130.00~CLP*C100*1*1000.00*600.00*130.00*12*PCC100B~REF*F8*PCC100~CAS*CO*45*270.00~CAS*PR*2*130.00~CLP*C200*1*500.00*300.00**12*PCC200~CAS*CO*45*100.00**50*100.00~SE*14*0800~'
SELECT transactions_loaded, claims, denials, ledger_rows FROM revcycle.load_835(:'c800');
SELECT claim_number, status FROM revcycle.claim ORDER BY claim_number;
SELECT rc.payer_claim_control_number, rc.status_code, o1.payer_claim_control_number AS reverses,
       o2.payer_claim_control_number AS corrects
  FROM revcycle.remittance_claim rc
  LEFT JOIN revcycle.remittance_claim o1 ON o1.remittance_claim_id = rc.reverses_remittance_claim_id
  LEFT JOIN revcycle.remittance_claim o2 ON o2.remittance_claim_id = rc.corrects_remittance_claim_id
 ORDER BY rc.remittance_claim_id;
SELECT * FROM pg_temp.ledger_rows WHERE memo LIKE '%TRC800';
-- every reversal row names an original of the opposite amount (rows that
-- do not, expected none)
SELECT l.txn_id FROM revcycle.ledger l
  JOIN revcycle.remittance_claim rc USING (remittance_claim_id)
  LEFT JOIN revcycle.ledger o ON o.txn_id = l.reverses_txn_id
 WHERE rc.is_reversal AND (o.txn_id IS NULL OR o.amount <> -l.amount OR o.kind <> l.kind);
SELECT * FROM pg_temp.ar;
ROLLBACK;

-- =====================================================================
-- 9. PLB provider adjustments are posted as provider-level transactions
--    (item 5): amount = -PLB, so BPR02 = Σ CLP04 + Σ provider transactions.
--    TRC900: C200 500.00 - CO-45 200.00 = 300.00 paid; PLB WO:PCC100
--    100.00 (recoupment of C100, remitted before with CLP07 PCC100) ->
--    -100.00; L6 -2.50 (interest) -> +2.50; FB:FWD1 -7.50 -> +7.50.
--    BPR02 = 300.00 - (100.00 - 2.50 - 7.50) = 210.00; unreconciled
--    210.00 - 300.00 - (-100.00 + 2.50 + 7.50) = 0.
--    Fixture 03: 748.75 - 850.00 - (-125.00 + 3.75 + 20.00) = 0;
--    fixture 07: 12.50 - 0 - 12.50 = 0.
-- =====================================================================
BEGIN;
SELECT pg_temp.setup();
SELECT ledger_rows FROM revcycle.load_835(:'first_delivery');
SELECT transactions_loaded, provider_adjustments, ledger_rows
  FROM revcycle.load_835('ST*835*0900~BPR*I*210.00*C*ACH************20261220~TRN*1*TRC900*1999999999~N1*PR*NORTHWIND HEALTH PLAN*XV*NWHP77~CLP*C200*1*500.00*300.00**12*PCC200~CAS*CO*45*200.00~PLB*1999999984*20261231*WO:PCC100*100.00*L6*-2.50~PLB*1999999984*20261231*FB:FWD1*-7.50~SE*9*0900~');
SELECT t.kind, t.amount, t.posted_date, c.claim_number, p.name AS payer, t.memo
  FROM revcycle.provider_transaction t
  LEFT JOIN revcycle.claim c USING (claim_id)
  LEFT JOIN revcycle.payer p ON p.payer_id = t.payer_id
 ORDER BY t.provider_transaction_id;
\set doc `cat test/fixtures/835/03_reversal_plb.edi`
SELECT provider_adjustments FROM revcycle.load_835(:'doc');
\set doc `cat test/fixtures/835/07_plb_only.edi`
SELECT provider_adjustments FROM revcycle.load_835(:'doc');
SELECT trace_number, total_payment, claims_paid, interest, forward_balance, recoupment,
       other_provider_adjustments, unreconciled
  FROM revcycle.remittance_reconciliation ORDER BY trace_number;
-- remittances that do not reconcile (expected none)
SELECT trace_number, unreconciled FROM revcycle.remittance_reconciliation WHERE unreconciled <> 0;
ROLLBACK;
