--
-- denials_views: the denial KPI views checked three ways:
--   1. combine functions of the summary types with empty (NULL) partial states;
--   2. a small hand-made data set whose answers are worked out by hand in the
--      comments (known answers, not just self-consistency);
--   3. the sample hospital (200 accounts): every view recomputed
--      independently with plain SQL over the base tables, following the
--      definitions in the views' COMMENTs and the README, plus a few
--      exact values that double as determinism checks.
-- Comparisons: money and counts exactly; rates either exactly (same
-- division on the same operands) or, where the independent formula divides
-- differently, after round(x, 12), as stated next to each check.
-- Everything runs inside BEGIN ... ROLLBACK.
--
\pset null NULL
SET search_path = public;

-- -------------------------------------------------------------------
-- 1. Combine functions: a NULL partial state merges as nothing.
--    (NULL, NULL) -> NULL; (NULL, x) and (x, NULL) -> x (same text).
-- -------------------------------------------------------------------
CREATE TEMP TABLE combine_inputs AS
SELECT (SELECT revcycle.denial_summary(c, a) FROM (VALUES ('CO-16', 18.75), ('PR-1', 5.00)) v(c, a)) AS den,
       (SELECT revcycle.collections_agg(ch, pay, ref, ca, oa)
          FROM (VALUES (100.00, 90.00, 1.00, 5.00, 2.00)) v(ch, pay, ref, ca, oa)) AS col,
       (SELECT revcycle.ar_aging(b, d, DATE '2025-12-31')
          FROM (VALUES (10.00, DATE '2025-12-01'), (-2.50, DATE '2025-08-01')) v(b, d)) AS agi,
       (SELECT revcycle.ar_days_agg(k::revcycle.txn_kind, a, d, DATE '2025-12-31')
          FROM (VALUES ('charge', 100.00, DATE '2025-12-01'), ('payment', 40.00, DATE '2025-12-15')) v(k, a, d)) AS ard;
SELECT den::text AS denials_x, col::text AS collections_x FROM combine_inputs;
SELECT agi::text AS aging_x, ard::text AS ar_days_x FROM combine_inputs;

SELECT 'denials_combine' AS fn,
       revcycle.denials_combine(NULL, NULL) IS NULL AS null_null_is_null,
       revcycle.denials_combine(NULL, den)::text = den::text AS null_x_is_x,
       revcycle.denials_combine(den, NULL)::text = den::text AS x_null_is_x
  FROM combine_inputs
UNION ALL
SELECT 'collections_combine',
       revcycle.collections_combine(NULL, NULL) IS NULL,
       revcycle.collections_combine(NULL, col)::text = col::text,
       revcycle.collections_combine(col, NULL)::text = col::text
  FROM combine_inputs
UNION ALL
SELECT 'aging_combine',
       revcycle.aging_combine(NULL, NULL) IS NULL,
       revcycle.aging_combine(NULL, agi)::text = agi::text,
       revcycle.aging_combine(agi, NULL)::text = agi::text
  FROM combine_inputs
UNION ALL
SELECT 'ar_days_combine',
       revcycle.ar_days_combine(NULL, NULL) IS NULL,
       revcycle.ar_days_combine(NULL, ard)::text = ard::text,
       revcycle.ar_days_combine(ard, NULL)::text = ard::text
  FROM combine_inputs;
-- The text results themselves (one case each), and the inputs left untouched.
SELECT revcycle.denials_combine(NULL, den) AS denials_null_x,
       revcycle.denials_combine(den, NULL) AS denials_x_null
  FROM combine_inputs;
SELECT revcycle.collections_combine(col, NULL) AS collections_x_null FROM combine_inputs;
SELECT den::text = '{"v":1,"codes":[{"code":"CO-16","n":1,"amount":18.75},{"code":"PR-1","n":1,"amount":5.00}],"invalid":[]}'
           AS denials_input_unchanged
  FROM combine_inputs;
-- Through the merge aggregates: NULL rows are skipped, all-NULL gives NULL.
SELECT revcycle.denial_merge(x)::text = (SELECT den::text FROM combine_inputs) AS denial_merge_skips_nulls
  FROM (SELECT NULL::revcycle.denials UNION ALL SELECT den FROM combine_inputs UNION ALL SELECT NULL) s(x);
SELECT revcycle.denial_merge(x) IS NULL AS denial_merge_all_null,
       revcycle.collections_merge(NULL::revcycle.collections) IS NULL AS collections_merge_all_null,
       revcycle.ar_aging_merge(NULL::revcycle.aging) IS NULL AS aging_merge_all_null
  FROM (VALUES (NULL::revcycle.denials), (NULL)) s(x);
DROP TABLE combine_inputs;

-- -------------------------------------------------------------------
-- 2. Hand-made data set.
--
-- Payers 901 "Test Commercial" (commercial), 902 "Test Medicaid" (medicaid).
-- Accounts: 9001 dept T-ED payer 901; 9002 dept T-LAB payer 901;
--           9003 dept T-ED payer 902.
-- Claims (id, account, submitted, billed, frequency):
--   1  9001 2025-01-10 1000.00 1
--   2  9001 2025-02-12 2000.00 1
--   3  9001 2025-02-20  500.00 1
--   10 9001 2025-02-25  400.00 1
--   4  9001 2025-03-05  800.00 1
--   5  9001 2025-04-02 1200.00 1
--   6  9001 2025-04-15  500.00 7 (rebill of 3: excluded)
--   7  9001 2025-04-20  300.00 8 (void of 4: excluded)
--   8  9002 2025-03-15  700.00 1
--   9  9003 2025-04-03  900.00 1
-- Denials (id, claim, payer, date, code, amount, initial, remittance claim):
--   1 claim 2 901 2025-03-10 CO-16  400.00 t rc 2
--   2 claim 2 901 2025-04-05 CO-4   100.00 t
--   3 claim 3 901 2025-04-08 CO-197 500.00 t rc 3
--   4 claim 6 901 2025-05-02 CO-11  250.00 f (denial of the rebill)
--   5 claim 5 901 2025-04-25 CO-5    60.00 t
--   7 claim 8 901 2025-04-12 CO-16  700.00 t rc 5
--   8 claim 9 902 2025-05-06 CO-50  300.00 t
-- Categories: CO-16 missing information/documentation, CO-4/CO-5/CO-11
-- coding, CO-197 authorization, CO-50 medical necessity.
-- -------------------------------------------------------------------
BEGIN;
INSERT INTO revcycle.payer (payer_id, name, payer_class) VALUES
    (901, 'Test Commercial', 'commercial'), (902, 'Test Medicaid', 'medicaid');
INSERT INTO revcycle.department (dept_code, name, facility) VALUES
    ('T-ED', 'Test emergency', 'Test'), ('T-LAB', 'Test laboratory', 'Test');
INSERT INTO revcycle.patient (patient_id, mrn) VALUES (9001, 'T9001');
INSERT INTO revcycle.account (account_id, account_number, patient_id, facility, dept_code, patient_type,
                              service_from, service_to, primary_payer_id) VALUES
    (9001, 'TA9001', 9001, 'Test', 'T-ED', 'emergency', '2025-01-02', '2025-01-02', 901),
    (9002, 'TA9002', 9001, 'Test', 'T-LAB', 'outpatient', '2025-03-01', '2025-03-01', 901),
    (9003, 'TA9003', 9001, 'Test', 'T-ED', 'emergency', '2025-03-20', '2025-03-20', 902);
INSERT INTO revcycle.claim (claim_id, claim_number, account_id, payer_id, frequency_code, original_claim_id,
                            statement_from, statement_to, submitted_date, billed_amount) VALUES
    (1, 'TC1', 9001, 901, '1', NULL, '2025-01-02', '2025-01-02', '2025-01-10', 1000.00),
    (2, 'TC2', 9001, 901, '1', NULL, '2025-01-02', '2025-01-02', '2025-02-12', 2000.00),
    (3, 'TC3', 9001, 901, '1', NULL, '2025-01-02', '2025-01-02', '2025-02-20', 500.00),
    (10, 'TC10', 9001, 901, '1', NULL, '2025-01-02', '2025-01-02', '2025-02-25', 400.00),
    (4, 'TC4', 9001, 901, '1', NULL, '2025-01-02', '2025-01-02', '2025-03-05', 800.00),
    (5, 'TC5', 9001, 901, '1', NULL, '2025-01-02', '2025-01-02', '2025-04-02', 1200.00),
    (6, 'TC6', 9001, 901, '7', 3, '2025-01-02', '2025-01-02', '2025-04-15', 500.00),
    (7, 'TC7', 9001, 901, '8', 4, '2025-01-02', '2025-01-02', '2025-04-20', 300.00),
    (8, 'TC8', 9002, 901, '1', NULL, '2025-03-01', '2025-03-01', '2025-03-15', 700.00),
    (9, 'TC9', 9003, 902, '1', NULL, '2025-03-20', '2025-03-20', '2025-04-03', 900.00);
-- Remittances: 1 = payer 901 paid 2025-03-20; 2 = no payer, no payment
-- date, produced 2025-04-30 (payer comes from the matched claim).
INSERT INTO revcycle.remittance (remittance_id, payer_id, transaction_control_number, trace_number,
                                 total_payment, payment_date, production_date) VALUES
    (1, 901, 'T1', 'TR1', 1500.00, '2025-03-20', '2025-03-19'),
    (2, NULL, 'T2', 'TR2', 50.00, NULL, '2025-04-30');
-- rc 1 claim 1 paid; rc 2 claim 2 partly paid (denial 1 points to it);
-- rc 3 claim 3 CLP02 = 4; rc 4 reversal of rc 1 (excluded); rc 5 claim 8
-- CLP02 = 4; rc 6 unmatched claim, paid.
INSERT INTO revcycle.remittance_claim (remittance_claim_id, remittance_id, claim_id, patient_control_number,
                                       status_code, charge_amount, paid_amount) VALUES
    (1, 1, 1, 'TC1', '1', 1000.00, 600.00),
    (2, 1, 2, 'TC2', '1', 2000.00, 1500.00),
    (3, 1, 3, 'TC3', '4', 500.00, 0),
    (4, 1, 1, 'TC1', '22', -1000.00, -600.00),
    (5, 2, 8, 'TC8', '4', 700.00, 0),
    (6, 2, NULL, 'UNKNOWN', '1', 50.00, 50.00);
INSERT INTO revcycle.denial (denial_id, claim_id, remittance_claim_id, payer_id, denial_date, group_code, carc,
                             amount, is_initial) VALUES
    (1, 2, 2, 901, '2025-03-10', 'CO', '16', 400.00, true),
    (2, 2, NULL, 901, '2025-04-05', 'CO', '4', 100.00, true),
    (3, 3, 3, 901, '2025-04-08', 'CO', '197', 500.00, true),
    (4, 6, NULL, 901, '2025-05-02', 'CO', '11', 250.00, false),
    (5, 5, NULL, 901, '2025-04-25', 'CO', '5', 60.00, true),
    (7, 8, 5, 901, '2025-04-12', 'CO', '16', 700.00, true),
    (8, 9, NULL, 902, '2025-05-06', 'CO', '50', 300.00, true);
-- Appeals (days counted from the denial date):
--   denial 1 (2025-03-10): L1 filed 03-30 (20 d) upheld 04-29;
--                          L2 filed 05-09 overturned 06-18 (100 d), recovered 250.00
--   denial 2 (2025-04-05): L1 filed 04-20 (15 d) partially overturned 05-20 (45 d), recovered 40.00
--   denial 3 (2025-04-08): L1 filed 04-18 (10 d), pending
--   denial 5 (2025-04-25): L1 filed 05-05 (10 d) upheld 05-25 (30 d);
--                          L2 filed 06-10 (after the write-off of 06-01) upheld 07-10 (76 d)
INSERT INTO revcycle.appeal (appeal_id, denial_id, appeal_level, filed_date, resolved_date, outcome, recovered_amount) VALUES
    (1, 1, 1, '2025-03-30', '2025-04-29', 'upheld', 0),
    (2, 1, 2, '2025-05-09', '2025-06-18', 'overturned', 250.00),
    (3, 2, 1, '2025-04-20', '2025-05-20', 'partially_overturned', 40.00),
    (4, 3, 1, '2025-04-18', NULL, 'pending', 0),
    (5, 5, 1, '2025-05-05', '2025-05-25', 'upheld', 0),
    (6, 5, 2, '2025-06-10', '2025-07-10', 'upheld', 0);
-- Ledger: revenue rows and the denial write-offs.
--   10 9001/901 charge 5000.00 2025-05-03      11 9001/901 contractual 1500.00 2025-05-20
--   12 9001/901 charge 2000.00 2025-06-02      13 9001/901 charity      500.00 2025-06-05
--   14 9002/901 charge 3000.00 2025-05-01
--   15 9003/902 charge 1000.00 2025-06-01      16 9003/902 contractual  600.00 2025-06-01
--   20 9002/901 denial_writeoff 700.00 2025-05-15 denial 7 (0 appeals)
--   21 9001/901 denial_writeoff  60.00 2025-06-01 denial 5 (1 appeal filed before it, 2 in all)
--   22 9001/901 denial_writeoff 150.00 2025-06-25 denial 1 (2 appeals before it)
--   23 9003/902 denial_writeoff 300.00 2025-06-10 denial 8 (0 appeals)
--   24 9003/902 denial_writeoff -300.00 2025-06-20 reverses 23
--   25 9001/901 denial_writeoff  25.00 2025-06-28 no denial named
INSERT INTO revcycle.ledger (txn_id, account_id, payer_id, kind, amount, posted_date, denial_id, reverses_txn_id) VALUES
    (10, 9001, 901, 'charge', 5000.00, '2025-05-03', NULL, NULL),
    (11, 9001, 901, 'contractual_adjustment', 1500.00, '2025-05-20', NULL, NULL),
    (12, 9001, 901, 'charge', 2000.00, '2025-06-02', NULL, NULL),
    (13, 9001, 901, 'charity', 500.00, '2025-06-05', NULL, NULL),
    (14, 9002, 901, 'charge', 3000.00, '2025-05-01', NULL, NULL),
    (15, 9003, 902, 'charge', 1000.00, '2025-06-01', NULL, NULL),
    (16, 9003, 902, 'contractual_adjustment', 600.00, '2025-06-01', NULL, NULL),
    (20, 9002, 901, 'denial_writeoff', 700.00, '2025-05-15', 7, NULL),
    (21, 9001, 901, 'denial_writeoff', 60.00, '2025-06-01', 5, NULL),
    (22, 9001, 901, 'denial_writeoff', 150.00, '2025-06-25', 1, NULL),
    (23, 9003, 902, 'denial_writeoff', 300.00, '2025-06-10', 8, NULL),
    (24, 9003, 902, 'denial_writeoff', -300.00, '2025-06-20', 8, 23),
    (25, 9001, 901, 'denial_writeoff', 25.00, '2025-06-28', NULL, NULL);

-- 2a. initial_denial_rate, worked out by hand (rates compared after
-- round(x, 12); the expected fractions are written as divisions).
--  901/T-ED 2025-01: claim 1 submitted (1000), not denied -> 0; nothing denied
--     in the month; no prior months -> HFMA NULL.
--  901/T-ED 2025-02: claims 2, 3, 10 (2900); 2 and 3 initially denied
--     (400+100 and 500 = 1000) -> 2/3, 1000/2900.  Denied in Feb: none.
--     Prior Nov-Jan: 1 claim, 1000 -> avg 1/3 claims, 1000/3 dollars; HFMA 0.
--  901/T-ED 2025-03: claim 4 (800), not denied -> 0.  First denial of claim 2
--     is 03-10 -> 1 claim, 500.  Prior Dec-Feb: 0+1+3 = 4 claims, 3900
--     -> avg 4/3, 1300; HFMA 1/(4/3) = 0.75, 500/1300.
--  901/T-ED 2025-04: claim 5 (1200) denied 60 -> 1, 60/1200 = 0.05 (rebill 6
--     and void 7 not counted).  First denied in Apr: claim 3 (500) and claim 5
--     (60) -> 2, 560.  Prior Jan-Mar: 1+3+1 = 5 claims, 4700 -> avg 5/3,
--     4700/3; HFMA 2/(5/3) = 1.2, 560/(4700/3) = 1680/4700.
--  901/T-ED 2025-05: the only denial is on rebill 6 (not initial) -> no row.
--  901/T-LAB 2025-03: claim 8 (700) denied 700 -> 1, 1.  Prior none -> NULL.
--  901/T-LAB 2025-04: nothing submitted (rates NULL); claim 8 first denied
--     04-12 -> 1, 700; prior Jan-Mar: 1 claim, 700 -> avg 1/3, 700/3 -> 3, 3.
--  902/T-ED 2025-04: claim 9 (900) denied 300 -> 1, 1/3; prior none.
--  902/T-ED 2025-05: nothing submitted; claim 9 first denied 05-06 -> 1, 300;
--     prior Feb-Apr: 1 claim, 900 -> avg 1/3, 300 -> 3, 1.
CREATE TEMP TABLE idr_expected (month date, payer_id bigint, dept_code text,
    claims_submitted bigint, charges_submitted numeric, claims_initially_denied bigint,
    dollars_initially_denied numeric, initial_denial_rate numeric, initial_denial_rate_dollars numeric,
    claims_denied_in_month bigint, dollars_denied_in_month numeric,
    claims_submitted_avg_3m numeric, charges_submitted_avg_3m numeric,
    initial_denial_rate_hfma numeric, initial_denial_rate_dollars_hfma numeric);
INSERT INTO idr_expected VALUES
    ('2025-01-01', 901, 'T-ED', 1, 1000.00, 0, 0, 0, 0, 0, 0, NULL, NULL, NULL, NULL),
    ('2025-02-01', 901, 'T-ED', 3, 2900.00, 2, 1000.00, 2/3.0, 1000/2900.0, 0, 0, 1/3.0, 1000/3.0, 0, 0),
    ('2025-03-01', 901, 'T-ED', 1, 800.00, 0, 0, 0, 0, 1, 500.00, 4/3.0, 1300, 0.75, 500/1300.0),
    ('2025-04-01', 901, 'T-ED', 1, 1200.00, 1, 60.00, 1, 0.05, 2, 560.00, 5/3.0, 4700/3.0, 1.2, 1680/4700.0),
    ('2025-03-01', 901, 'T-LAB', 1, 700.00, 1, 700.00, 1, 1, 0, 0, NULL, NULL, NULL, NULL),
    ('2025-04-01', 901, 'T-LAB', 0, 0, 0, 0, NULL, NULL, 1, 700.00, 1/3.0, 700/3.0, 3, 3),
    ('2025-04-01', 902, 'T-ED', 1, 900.00, 1, 300.00, 1, 1/3.0, 0, 0, NULL, NULL, NULL, NULL),
    ('2025-05-01', 902, 'T-ED', 0, 0, 0, 0, NULL, NULL, 1, 300.00, 1/3.0, 300, 3, 1);
SELECT to_char(coalesce(v.month, e.month), 'YYYY-MM') AS month, coalesce(v.payer_id, e.payer_id) AS payer,
       coalesce(v.dept_code, e.dept_code) AS dept,
       v.month IS NOT NULL AND e.month IS NOT NULL AS row_matches,
       (v.claims_submitted, v.charges_submitted, v.claims_initially_denied, v.dollars_initially_denied,
        v.claims_denied_in_month, v.dollars_denied_in_month)
       IS NOT DISTINCT FROM
       (e.claims_submitted, e.charges_submitted, e.claims_initially_denied, e.dollars_initially_denied,
        e.claims_denied_in_month, e.dollars_denied_in_month) AS counts_and_dollars_ok,
       v.initial_denial_rate IS NOT DISTINCT FROM round(e.initial_denial_rate, 6)
       AND v.initial_denial_rate_dollars IS NOT DISTINCT FROM round(e.initial_denial_rate_dollars, 6)
           AS cohort_rates_ok,
       v.claims_submitted_avg_3m IS NOT DISTINCT FROM round(e.claims_submitted_avg_3m, 2)
       AND v.charges_submitted_avg_3m IS NOT DISTINCT FROM round(e.charges_submitted_avg_3m, 2)
       AND v.initial_denial_rate_hfma IS NOT DISTINCT FROM round(e.initial_denial_rate_hfma, 6)
       AND v.initial_denial_rate_dollars_hfma IS NOT DISTINCT FROM round(e.initial_denial_rate_dollars_hfma, 6)
           AS hfma_ok,
       round(v.initial_denial_rate_hfma, 4) AS hfma_rate
  FROM revcycle.initial_denial_rate v
  FULL JOIN idr_expected e ON (e.month, e.payer_id, e.dept_code) = (v.month, v.payer_id, v.dept_code)
 ORDER BY 2, 3, 1;

-- 2b. remittance_denial_rate (month of payment date, else production date):
--  2025-03 901 T-ED: rc 4 (CLP02 22, TC1, -1000.00) reverses rc 1 (TC1,
--     1000.00): netted, neither counts.  Left: rc 2, 3 -> 2 remitted, 2500
--     charges; denied rc 2 (denial row) and rc 3 (CLP02 4) -> 2, 2500;
--     rates 2/2 = 1 and 2500/2500 = 1.
--  2025-04 901 T-LAB: rc 5 (no remittance payer: the claim's) -> 1, 700, 1, 700, 1, 1.
--  2025-04 NULL payer/dept: rc 6 unmatched -> 1, 50, 0, 0, 0, 0.
SELECT to_char(v.month, 'YYYY-MM') AS month, v.payer_id, v.dept_code,
       v.claims_remitted, v.charges_remitted, v.claims_denied, v.charges_denied,
       round(v.remittance_denial_rate, 12) IS NOT DISTINCT FROM e.r AS rate_ok,
       round(v.remittance_denial_rate_dollars, 12) IS NOT DISTINCT FROM e.rd AS dollar_rate_ok,
       (v.claims_remitted, v.charges_remitted, v.claims_denied, v.charges_denied)
         IS NOT DISTINCT FROM (e.n, e.ch, e.nd, e.chd) AS counts_ok
  FROM revcycle.remittance_denial_rate v
  FULL JOIN (VALUES (DATE '2025-03-01', 901, 2, 2500.00, 2, 2500.00, 1, 1),
                    (DATE '2025-04-01', 901, 1, 700.00, 1, 700.00, 1, 1),
                    (DATE '2025-04-01', -1, 1, 50.00, 0, 0, 0, 0)) e(month, payer_id, n, ch, nd, chd, r, rd)
    ON e.month = v.month AND e.payer_id = coalesce(v.payer_id, -1)
 ORDER BY 1, 2;

-- 2c. denial_root_cause_pareto (month of denial, denying payer):
--  2025-03 901: CO-16 400 -> missing information 400, share 1, cumulative 1.
--  2025-04 901: CO-16 700 (missing info); CO-197 500 (authorization); CO-4 100
--     + CO-5 60 = 160 (coding); total 1360 -> shares 700/1360, 500/1360,
--     160/1360; cumulative 700/1360, 1200/1360, 1; coding top {CO-4,CO-5}.
--  2025-05 901: CO-11 250 (coding, a non-initial denial still counts) -> 1.
--  2025-05 902: CO-50 300 -> medical necessity 1.
SELECT to_char(v.month, 'YYYY-MM') AS month, v.payer_id, v.rank, v.category, v.adjustments, v.amount,
       v.top_codes,
       v.share IS NOT DISTINCT FROM round(e.share, 6) AS share_ok,
       v.cumulative_share IS NOT DISTINCT FROM round(e.cum, 6) AS cumulative_ok,
       (v.category, v.adjustments, v.amount, v.top_codes)
         IS NOT DISTINCT FROM (e.category, e.n, e.amount, array_to_string(e.top, ', '))
           AS row_ok
  FROM revcycle.denial_root_cause_pareto v
  FULL JOIN (VALUES
      (DATE '2025-03-01', 901, 1, 'missing information/documentation', 1, 400.00, 1.0, 1.0, '{CO-16}'::text[]),
      (DATE '2025-04-01', 901, 1, 'missing information/documentation', 1, 700.00, 700/1360.0, 700/1360.0, '{CO-16}'),
      (DATE '2025-04-01', 901, 2, 'authorization', 1, 500.00, 500/1360.0, 1200/1360.0, '{CO-197}'),
      (DATE '2025-04-01', 901, 3, 'coding', 2, 160.00, 160/1360.0, 1.0, '{CO-4,CO-5}'),
      (DATE '2025-05-01', 901, 1, 'coding', 1, 250.00, 1.0, 1.0, '{CO-11}'),
      (DATE '2025-05-01', 902, 1, 'medical necessity', 1, 300.00, 1.0, 1.0, '{CO-50}'))
      e(month, payer_id, rank, category, n, amount, share, cum, top)
    ON (e.month, e.payer_id, e.rank) = (v.month, v.payer_id, v.rank)
 ORDER BY 1, 2, 3;

-- 2d. denial_category_trend: months 03, 04, 05 x categories seen (4) = 12 rows.
--  missing info:  400 (share 1)      | 700 (700/1360), prev 400, +300 | 0, prev 700, -700
--  authorization: 0                  | 500 (500/1360), prev 0, +500   | 0, prev 500, -500
--  coding:        0                  | 160 (160/1360), prev 0, +160   | 250 (250/550), prev 160, +90
--  medical nec.:  0                  | 0, prev 0, 0                   | 300 (300/550), prev 0, +300
--  (share NULL where the category is absent; previous/change NULL in March.)
SELECT to_char(v.month, 'YYYY-MM') AS month, v.category, v.adjustments, v.amount, round(v.share, 4) AS share4,
       v.previous_amount, v.change,
       (v.adjustments, v.amount, v.previous_amount, v.change) IS NOT DISTINCT FROM (e.n, e.amount, e.prev, e.change)
       AND v.share IS NOT DISTINCT FROM round(e.share, 6) AS row_ok
  FROM revcycle.denial_category_trend v
  FULL JOIN (VALUES
      (DATE '2025-03-01', 'missing information/documentation', 1, 400.00, 1.0, NULL::numeric, NULL::numeric),
      (DATE '2025-03-01', 'authorization', 0, 0, NULL, NULL, NULL),
      (DATE '2025-03-01', 'coding', 0, 0, NULL, NULL, NULL),
      (DATE '2025-03-01', 'medical necessity', 0, 0, NULL, NULL, NULL),
      (DATE '2025-04-01', 'missing information/documentation', 1, 700.00, 700/1360.0, 400, 300),
      (DATE '2025-04-01', 'authorization', 1, 500.00, 500/1360.0, 0, 500),
      (DATE '2025-04-01', 'coding', 2, 160.00, 160/1360.0, 0, 160),
      (DATE '2025-04-01', 'medical necessity', 0, 0, NULL, 0, 0),
      (DATE '2025-05-01', 'missing information/documentation', 0, 0, NULL, 700, -700),
      (DATE '2025-05-01', 'authorization', 0, 0, NULL, 500, -500),
      (DATE '2025-05-01', 'coding', 1, 250.00, 250/550.0, 160, 90),
      (DATE '2025-05-01', 'medical necessity', 1, 300.00, 300/550.0, 0, 300))
      e(month, category, n, amount, share, prev, change)
    ON (e.month, e.category) = (v.month, v.category)
 ORDER BY 2, 1;

-- 2e. coding_denial_share (denial month, denying payer, department):
--  2025-03 901 T-ED: 400 denied, 0 coding -> 0.
--  2025-04 901 T-ED: denials 2 (CO-4 100), 3 (CO-197 500), 5 (CO-5 60) -> 660, 160, 160/660.
--  2025-04 901 T-LAB: 700, 0 -> 0.   2025-05 901 T-ED: CO-11 250 -> 250, 250, 1.
--  2025-05 902 T-ED: 300, 0 -> 0.
SELECT to_char(v.month, 'YYYY-MM') AS month, v.payer_id, v.dept_code, v.denied_amount, v.coding_amount,
       round(v.coding_share, 4) AS share4,
       (v.denied_amount, v.coding_amount) IS NOT DISTINCT FROM (e.denied, e.coding)
       AND v.coding_share IS NOT DISTINCT FROM round(e.share, 6) AS row_ok
  FROM revcycle.coding_denial_share v
  FULL JOIN (VALUES (DATE '2025-03-01', 901, 'T-ED', 400.00, 0, 0),
                    (DATE '2025-04-01', 901, 'T-ED', 660.00, 160.00, 160/660.0),
                    (DATE '2025-04-01', 901, 'T-LAB', 700.00, 0, 0),
                    (DATE '2025-05-01', 901, 'T-ED', 250.00, 250.00, 1),
                    (DATE '2025-05-01', 902, 'T-ED', 300.00, 0, 0)) e(month, payer_id, dept, denied, coding, share)
    ON (e.month, e.payer_id, e.dept) = (v.month, v.payer_id, v.dept_code)
 ORDER BY 1, 2, 3;

-- 2f. denial_appeal_summary (denial month, payer, department):
--  2025-03 901 T-ED: denial 1: 1 denial, 400; appealed 1 (rate 1); overturned
--     1 of 1 decided (rate 1); recovered 250 (250/400 = 0.625); days to
--     appeal 20.0, to resolution 100.0.
--  2025-04 901 T-ED: denials 2, 3, 5: 3, 660; appealed 3 (rate 1); overturned
--     1 (denial 2, partially); decided = 2 and 5 (3 pending) -> 0.5; recovered
--     40 (40/660); days to appeal (15+10+10)/3 = 11.67 -> 11.7; resolution
--     (45+76)/2 = 60.5.
--  2025-04 901 T-LAB: denial 7: 1, 700, nothing appealed: rates 0, overturn
--     rate NULL, recovered 0, days NULL.  Same for 2025-05 901 T-ED (denial
--     4, 250) and 2025-05 902 T-ED (denial 8, 300).
SELECT to_char(v.month, 'YYYY-MM') AS month, v.payer_id, v.dept_code, v.denials, v.denied_amount,
       v.denials_appealed, v.denials_overturned, v.recovered_amount,
       v.avg_days_to_appeal, v.avg_days_to_resolution,
       (v.denials, v.denied_amount, v.denials_appealed, v.denials_overturned, v.recovered_amount,
        v.avg_days_to_appeal, v.avg_days_to_resolution)
       IS NOT DISTINCT FROM (e.n, e.denied, e.appealed, e.overturned, e.recovered, e.d_appeal, e.d_resolution)
       AND v.appeal_rate IS NOT DISTINCT FROM round(e.appeal_rate, 6)
       AND v.overturn_rate IS NOT DISTINCT FROM round(e.overturn_rate, 6)
       AND v.recovery_rate IS NOT DISTINCT FROM round(e.recovery_rate, 6) AS row_ok
  FROM revcycle.denial_appeal_summary v
  FULL JOIN (VALUES
      (DATE '2025-03-01', 901, 'T-ED', 1, 400.00, 1, 1.0, 1, 1.0, 250.00, 0.625, 20.0, 100.0),
      (DATE '2025-04-01', 901, 'T-ED', 3, 660.00, 3, 1.0, 1, 0.5, 40.00, 40/660.0, 11.7, 60.5),
      (DATE '2025-04-01', 901, 'T-LAB', 1, 700.00, 0, 0, 0, NULL, 0, 0, NULL, NULL),
      (DATE '2025-05-01', 901, 'T-ED', 1, 250.00, 0, 0, 0, NULL, 0, 0, NULL, NULL),
      (DATE '2025-05-01', 902, 'T-ED', 1, 300.00, 0, 0, 0, NULL, 0, 0, NULL, NULL))
      e(month, payer_id, dept, n, denied, appealed, appeal_rate, overturned, overturn_rate, recovered,
        recovery_rate, d_appeal, d_resolution)
    ON (e.month, e.payer_id, e.dept) = (v.month, v.payer_id, v.dept_code)
 ORDER BY 1, 2, 3;

-- 2g. denial_writeoff_review: one row per write-off (correction 24 left out).
-- "flagged when fewer than two appeals were filed before it" (view comment):
--   20 denial 7: 0 appeals -> flagged;  21 denial 5: only L1 (05-05) filed
--   before the write-off of 06-01 (L2 came 06-10) -> flagged;  22 denial 1:
--   L1 and L2 before 06-25 -> not flagged;  23 denial 8: 0 -> flagged,
--   reversed by 24;  25 no denial -> 0 appeals, flagged.
SELECT v.txn_id, to_char(v.posted_date, 'YYYY-MM-DD') AS posted, v.denial_id, v.amount, v.appeals_filed, v.fewer_than_two_appeals, v.reversed,
       v.fewer_than_two_appeals IS NOT DISTINCT FROM e.fewer AS flag_ok,
       (v.account_id, v.payer_id, v.dept_code, v.amount, v.reversed)
         IS NOT DISTINCT FROM (e.account_id, e.payer_id, e.dept, e.amount, e.reversed) AS row_ok
  FROM revcycle.denial_writeoff_review v
  FULL JOIN (VALUES (20, 9002, 901, 'T-LAB', 700.00, true, false),
                    (21, 9001, 901, 'T-ED', 60.00, true, false),
                    (22, 9001, 901, 'T-ED', 150.00, false, false),
                    (23, 9003, 902, 'T-ED', 300.00, true, true),
                    (25, 9001, 901, 'T-ED', 25.00, true, false))
      e(txn_id, account_id, payer_id, dept, amount, fewer, reversed)
    ON e.txn_id = v.txn_id
 ORDER BY coalesce(v.txn_id, e.txn_id);

-- 2h. denial_writeoff_rate (posting month, ledger payer, department).
-- NPSR = charges - contractual - every write-off (administrative, small
-- balance, denial, bad debt, charity), as net days in A/R defines it:
--  2025-05 901 T-ED: NPSR 5000 - 1500 = 3500; no write-offs -> 0.
--  2025-05 901 T-LAB: NPSR 3000 - 700 (write-off 20) = 2300; write-off 20
--     (700, 0 appeals) -> 1, 1, 700, 700/2300.
--  2025-06 901 T-ED: NPSR 2000 - 500 charity - 235 write-offs = 1265;
--     write-offs 21, 22, 25 = 60 + 150 + 25 = 235.00 -> 3, of which 21 (one
--     appeal filed before it) and 25 (no denial) had fewer than two appeals
--     before them -> 2; 235/1265.
--  2025-06 902 T-ED: NPSR 1000 - 600 - (300 - 300) = 400; write-offs
--     300 - 300 (reversal) = 0; 1 write-off (the correction is not
--     counted), flagged -> 1; rate 0.
SELECT to_char(v.month, 'YYYY-MM') AS month, v.payer_id, v.dept_code, v.writeoffs,
       v.writeoffs_fewer_than_two_appeals, v.denial_writeoffs, v.net_patient_service_revenue,
       round(v.denial_writeoff_rate, 4) AS rate4,
       (v.writeoffs, v.denial_writeoffs, v.net_patient_service_revenue)
         IS NOT DISTINCT FROM (e.n, e.wo, e.npsr)
       AND v.denial_writeoff_rate IS NOT DISTINCT FROM round(e.rate, 6) AS row_ok,
       v.writeoffs_fewer_than_two_appeals IS NOT DISTINCT FROM e.fewer AS fewer_ok
  FROM revcycle.denial_writeoff_rate v
  FULL JOIN (VALUES (DATE '2025-05-01', 901, 'T-ED', 0, 0, 0, 3500.00, 0),
                    (DATE '2025-05-01', 901, 'T-LAB', 1, 1, 700.00, 2300.00, 700/2300.0),
                    (DATE '2025-06-01', 901, 'T-ED', 3, 2, 235.00, 1265.00, 235/1265.0),
                    (DATE '2025-06-01', 902, 'T-ED', 1, 1, 0, 400.00, 0))
      e(month, payer_id, dept, n, fewer, wo, npsr, rate)
    ON (e.month, e.payer_id, e.dept) = (v.month, v.payer_id, v.dept_code)
 ORDER BY 1, 2, 3;
ROLLBACK;

-- -------------------------------------------------------------------
-- 3. The sample hospital: each view against an independent computation.
-- -------------------------------------------------------------------
BEGIN;
\set accounts 200
\set quiet 1
\ir sample/generate.sql

-- Category of every denial row, looked up as documented: (group, CARC),
-- then (any group, CARC), else "uncategorized" (a denial).
CREATE TEMP VIEW dcat AS
SELECT d.*, date_trunc('month', d.denial_date)::date AS month,
       coalesce(g.category, n.category, 'uncategorized') AS category,
       coalesce(g.is_denial, n.is_denial, true) AS is_denial
  FROM revcycle.denial d
  LEFT JOIN revcycle.carc_category g ON g.group_code = d.group_code AND g.carc = d.carc
  LEFT JOIN revcycle.carc_category n ON n.group_code IS NULL AND n.carc = d.carc;

-- Known values (determinism): rows in the data behind the views.
SELECT (SELECT count(*) FROM revcycle.claim WHERE frequency_code = '1') AS original_claims,
       (SELECT count(*) FROM revcycle.denial) AS denials,
       (SELECT sum(amount) FROM revcycle.denial) AS denied_dollars,
       (SELECT count(*) FROM revcycle.appeal) AS appeals,
       (SELECT count(*) FROM revcycle.denial_writeoff_review) AS writeoffs;

-- 3a. initial_denial_rate.  Independent: per original claim (frequency 1)
-- its first initial-denial date and initial-denial dollars; cohort by
-- submission month, "denied in month" by first-denial month; HFMA
-- denominator = (sum of the 3 prior calendar months) / 3.  Counts and
-- dollars exactly; cohort rates and 3-month averages exactly (same
-- division); HFMA rates after round(x, 12) (computed as 3 * denied / prior sum).
WITH o AS (
    SELECT c.claim_id, c.payer_id, a.dept_code, c.billed_amount,
           date_trunc('month', c.submitted_date)::date AS sub_month,
           date_trunc('month', (SELECT min(d.denial_date) FROM revcycle.denial d
                                 WHERE d.claim_id = c.claim_id AND d.is_initial))::date AS den_month,
           (SELECT sum(d.amount) FROM revcycle.denial d WHERE d.claim_id = c.claim_id AND d.is_initial) AS den_amount
      FROM revcycle.claim c JOIN revcycle.account a ON a.account_id = c.account_id
     WHERE c.frequency_code = '1'),
sub AS (SELECT sub_month AS month, payer_id, dept_code, count(*) AS n, sum(billed_amount) AS ch,
               count(den_amount) AS nd, coalesce(sum(den_amount), 0) AS dd
          FROM o GROUP BY 1, 2, 3),
den AS (SELECT den_month AS month, payer_id, dept_code, count(*) AS n, sum(den_amount) AS dd
          FROM o WHERE den_month IS NOT NULL GROUP BY 1, 2, 3),
e AS (
    SELECT k.month, k.payer_id, k.dept_code,
           coalesce(s.n, 0) AS n, coalesce(s.ch, 0) AS ch, coalesce(s.nd, 0) AS nd, coalesce(s.dd, 0) AS dd,
           s.nd::numeric / s.n AS rate, s.dd / nullif(s.ch, 0) AS rate_dollars,
           coalesce(m.n, 0) AS dm, coalesce(m.dd, 0) AS ddm, p.n3, p.ch3,
           3 * coalesce(m.n, 0) / nullif(p.n3, 0)::numeric AS hfma,
           3 * coalesce(m.dd, 0) / nullif(p.ch3, 0) AS hfma_dollars
      FROM (SELECT month, payer_id, dept_code FROM sub UNION SELECT month, payer_id, dept_code FROM den) k
      LEFT JOIN sub s USING (month, payer_id, dept_code)
      LEFT JOIN den m USING (month, payer_id, dept_code)
      LEFT JOIN LATERAL (SELECT sum(s3.n) AS n3, sum(s3.ch) AS ch3 FROM sub s3
                          WHERE s3.payer_id = k.payer_id AND s3.dept_code = k.dept_code
                            AND s3.month IN ((k.month - interval '1 month')::date, (k.month - interval '2 months')::date,
                                             (k.month - interval '3 months')::date)) p ON true)
SELECT count(v.month) AS view_rows, count(e.month) AS computed_rows,
       bool_and(v.month IS NOT NULL AND e.month IS NOT NULL) AS same_keys,
       bool_and((v.claims_submitted, v.charges_submitted, v.claims_initially_denied, v.dollars_initially_denied,
                 v.claims_denied_in_month, v.dollars_denied_in_month)
                IS NOT DISTINCT FROM (e.n, e.ch, e.nd, e.dd, e.dm, e.ddm)) AS counts_dollars_equal,
       -- the month/payer/department of every row that differs (expected: none)
       string_agg(concat_ws('/', coalesce(v.month, e.month), coalesce(v.payer_id, e.payer_id), coalesce(v.dept_code, e.dept_code)), '; ')
           FILTER (WHERE NOT coalesce(v.initial_denial_rate IS NOT DISTINCT FROM round(e.rate, 6)
                AND v.initial_denial_rate_dollars IS NOT DISTINCT FROM round(e.rate_dollars, 6), false)) AS cohort_rates_differ,
       string_agg(concat_ws('/', coalesce(v.month, e.month), coalesce(v.payer_id, e.payer_id), coalesce(v.dept_code, e.dept_code)), '; ')
           FILTER (WHERE NOT coalesce(v.claims_submitted_avg_3m IS NOT DISTINCT FROM round(e.n3 / 3.0, 2)
                AND v.charges_submitted_avg_3m IS NOT DISTINCT FROM round(e.ch3 / 3.0, 2), false)) AS prior_3m_differ,
       string_agg(concat_ws('/', coalesce(v.month, e.month), coalesce(v.payer_id, e.payer_id), coalesce(v.dept_code, e.dept_code)), '; ')
           FILTER (WHERE NOT coalesce(v.initial_denial_rate_hfma IS NOT DISTINCT FROM round(e.hfma, 6)
                AND v.initial_denial_rate_dollars_hfma IS NOT DISTINCT FROM round(e.hfma_dollars, 6), false))
           AS hfma_rates_differ
  FROM revcycle.initial_denial_rate v
  FULL JOIN e ON (e.month, e.payer_id, e.dept_code) = (v.month, v.payer_id, v.dept_code);
-- Known values: all payers, by submission month (cohort) for the first half
-- of 2025, rounded to 4 decimals; and the year.
SELECT to_char(month, 'YYYY-MM') AS month, sum(claims_submitted) AS submitted,
       sum(claims_initially_denied) AS denied,
       round(sum(claims_initially_denied)::numeric / nullif(sum(claims_submitted), 0), 4) AS rate,
       round(sum(dollars_initially_denied) / nullif(sum(charges_submitted), 0), 4) AS rate_dollars
  FROM revcycle.initial_denial_rate
 WHERE month < DATE '2025-07-01'
 GROUP BY month ORDER BY month;

-- 3b. remittance_denial_rate.  Independent: every remittance claim whose
-- status is not 22 and that no later reversal (same patient control number
-- and payer identifier, opposite charge) takes back, month of
-- coalesce(payment, production, load date), denied = CLP02 4 or named by a
-- denial row.  Everything exact (same division).
WITH e AS (
    SELECT date_trunc('month', coalesce(r.payment_date, r.production_date, r.loaded_at::date))::date AS month,
           coalesce(r.payer_id, c.payer_id) AS payer_id, a.dept_code,
           count(*) AS n, sum(rc.charge_amount) AS ch,
           count(*) FILTER (WHERE rc.status_code = '4'
                               OR rc.remittance_claim_id IN (SELECT remittance_claim_id FROM revcycle.denial
                                                              WHERE remittance_claim_id IS NOT NULL)) AS nd,
           coalesce(sum(rc.charge_amount) FILTER (WHERE rc.status_code = '4'
                               OR rc.remittance_claim_id IN (SELECT remittance_claim_id FROM revcycle.denial
                                                              WHERE remittance_claim_id IS NOT NULL)), 0) AS chd
      FROM revcycle.remittance_claim rc
      JOIN revcycle.remittance r ON r.remittance_id = rc.remittance_id
      LEFT JOIN revcycle.claim c ON c.claim_id = rc.claim_id
      LEFT JOIN revcycle.account a ON a.account_id = c.account_id
     WHERE rc.status_code <> '22'
       AND NOT EXISTS (SELECT 1 FROM revcycle.remittance_claim rv
                         JOIN revcycle.remittance r2 USING (remittance_id)
                        WHERE rv.status_code = '22'
                          AND rv.patient_control_number = rc.patient_control_number
                          AND rv.charge_amount = -rc.charge_amount
                          AND rv.remittance_claim_id > rc.remittance_claim_id
                          AND coalesce(r2.payer_identifier, '') = coalesce(r.payer_identifier, ''))
     GROUP BY 1, 2, 3)
SELECT count(v.month) AS view_rows, count(e.month) AS computed_rows,
       bool_and(v.month IS NOT NULL AND e.month IS NOT NULL) AS same_keys,
       bool_and((v.claims_remitted, v.charges_remitted, v.claims_denied, v.charges_denied)
                IS NOT DISTINCT FROM (e.n, e.ch, e.nd, e.chd)) AS counts_dollars_equal,
       string_agg(concat_ws('/', coalesce(v.month, e.month), coalesce(v.payer_id, e.payer_id), coalesce(v.dept_code, e.dept_code)), '; ')
           FILTER (WHERE NOT coalesce(v.remittance_denial_rate IS NOT DISTINCT FROM round(e.nd::numeric / e.n, 6)
                AND v.remittance_denial_rate_dollars IS NOT DISTINCT FROM round(e.chd / nullif(e.ch, 0), 6), false)) AS rates_differ,
       sum(v.claims_remitted) AS remitted, sum(v.claims_denied) AS denied,
       round(sum(v.claims_denied)::numeric / sum(v.claims_remitted), 4) AS overall_rate
  FROM revcycle.remittance_denial_rate v
  FULL JOIN e ON (e.month, coalesce(e.payer_id, -1), coalesce(e.dept_code, ''))
               = (v.month, coalesce(v.payer_id, -1), coalesce(v.dept_code, ''));

-- 3c. denial_root_cause_pareto.  Independent: denial rows with is_denial,
-- per (month, denying payer, category): rows and dollars, rank by dollars
-- descending then category, share = dollars / group dollars, cumulative =
-- running dollars / group dollars (shares compared after round(x, 12)),
-- top codes = three largest codes by dollars (ties by code text).
WITH c AS (
    SELECT month, payer_id, category, count(*) AS n, sum(amount) AS amount
      FROM dcat WHERE is_denial GROUP BY 1, 2, 3),
codes AS (
    SELECT month, payer_id, category, group_code || '-' || carc AS code, sum(amount) AS amount
      FROM dcat WHERE is_denial GROUP BY 1, 2, 3, 4),
e AS (
    SELECT c.*, row_number() OVER w AS rank,
           c.amount / sum(c.amount) OVER (PARTITION BY c.month, c.payer_id) AS share,
           sum(c.amount) OVER w / sum(c.amount) OVER (PARTITION BY c.month, c.payer_id) AS cum,
           (SELECT array_agg(x.code ORDER BY x.amount DESC, x.code) FROM
                (SELECT * FROM codes k WHERE (k.month, k.payer_id, k.category) = (c.month, c.payer_id, c.category)
                  ORDER BY k.amount DESC, k.code LIMIT 3) x) AS top
      FROM c
    WINDOW w AS (PARTITION BY c.month, c.payer_id ORDER BY c.amount DESC, c.category))
SELECT count(v.month) AS view_rows, count(e.month) AS computed_rows,
       bool_and(v.month IS NOT NULL AND e.month IS NOT NULL) AS same_keys,
       bool_and((v.category, v.adjustments, v.amount, v.top_codes)
                IS NOT DISTINCT FROM (e.category, e.n, e.amount, array_to_string(e.top, ', ')))
           AS rows_equal,
       string_agg(concat_ws('/', coalesce(v.month, e.month), coalesce(v.payer_id, e.payer_id), coalesce(v.rank, e.rank)), '; ')
           FILTER (WHERE NOT coalesce(v.share IS NOT DISTINCT FROM round(e.share, 6)
                AND v.cumulative_share IS NOT DISTINCT FROM round(e.cum, 6), false)) AS shares_differ
  FROM revcycle.denial_root_cause_pareto v
  FULL JOIN e ON (e.month, e.payer_id, e.rank) = (v.month, v.payer_id, v.rank);
-- Per (month, payer): shares sum to 1 (each share is rounded to 6 decimals,
-- so within half a millionth per row), the last cumulative share is exactly
-- 1, cumulative shares never decrease, ranks 1..n.
SELECT count(*) AS groups,
       string_agg(concat_ws('/', month, payer_id), '; ')
           FILTER (WHERE NOT abs(share_sum - 1) <= 0.0000005 * n) AS shares_not_summing_to_1,
       bool_and(last_cum = 1) AS last_cumulative_is_1,
       bool_and(monotone) AS cumulative_nondecreasing,
       bool_and(ranks_ok) AS ranks_1_to_n
  FROM (SELECT month, payer_id, sum(share) AS share_sum, count(*) AS n,
               (array_agg(cumulative_share ORDER BY rank DESC))[1] AS last_cum,
               bool_and(cumulative_share >= coalesce(prev_cum, 0)) AS monotone,
               max(rank) = count(*) AND min(rank) = 1 AS ranks_ok
          FROM (SELECT *, lag(cumulative_share) OVER (PARTITION BY month, payer_id ORDER BY rank) AS prev_cum
                  FROM revcycle.denial_root_cause_pareto) p
         GROUP BY 1, 2) g;
-- Known values: the year's Pareto over all payers (merging the monthly
-- summaries is the same as summarizing all rows).
SELECT rc.category, rc.adjustments, rc.amount, round(rc.share, 4) AS share, round(rc.cumulative_share, 4) AS cum,
       rc.top_codes
  FROM (SELECT revcycle.denial_summary(group_code, carc, amount) AS s FROM revcycle.denial
         WHERE denial_date BETWEEN DATE '2025-01-01' AND DATE '2025-12-31') x,
       revcycle.denial_root_causes(x.s) rc;

-- 3d. denial_category_trend.  Independent: month grid (months with denial
-- rows) x categories appearing in any month; dollars and rows per cell (0
-- when absent), share of the month's denied dollars (round(x, 12)), previous
-- listed month's amount, change.
WITH c AS (SELECT month, category, count(*) AS n, sum(amount) AS amount
             FROM dcat WHERE is_denial GROUP BY 1, 2),
tot AS (SELECT month, sum(amount) AS amount FROM dcat WHERE is_denial GROUP BY 1),
g AS (SELECT m.month, k.category FROM (SELECT DISTINCT month FROM dcat) m
       CROSS JOIN (SELECT DISTINCT category FROM c) k),
e AS (SELECT g.month, g.category, coalesce(c.n, 0) AS n, coalesce(c.amount, 0) AS amount,
             c.amount / tot.amount AS share,
             lag(coalesce(c.amount, 0)) OVER (PARTITION BY g.category ORDER BY g.month) AS prev
        FROM g LEFT JOIN c USING (month, category) LEFT JOIN tot USING (month))
SELECT count(v.month) AS view_rows, count(e.month) AS computed_rows,
       bool_and(v.month IS NOT NULL AND e.month IS NOT NULL) AS same_keys,
       bool_and((v.adjustments, v.amount, v.previous_amount, v.change)
                IS NOT DISTINCT FROM (e.n, e.amount, e.prev, e.amount - e.prev)) AS rows_equal,
       string_agg(concat_ws('/', coalesce(v.month, e.month), coalesce(v.category, e.category)), '; ')
           FILTER (WHERE NOT coalesce(v.share IS NOT DISTINCT FROM round(e.share, 6), false)) AS shares_differ,
       bool_and(v.amount = 0 OR v.share IS NOT NULL) AS share_present_when_amount
  FROM revcycle.denial_category_trend v
  FULL JOIN e ON (e.month, e.category) = (v.month, v.category);

-- 3e. coding_denial_share.  Independent: per (denial month, denying payer,
-- claim's department) denied dollars of denial codes and of category coding;
-- share exactly (same division).
WITH e AS (
    SELECT d.month, d.payer_id, a.dept_code,
           coalesce(sum(d.amount) FILTER (WHERE d.is_denial), 0) AS denied,
           coalesce(sum(d.amount) FILTER (WHERE d.is_denial AND d.category = 'coding'), 0) AS coding
      FROM dcat d
      LEFT JOIN revcycle.claim c ON c.claim_id = d.claim_id
      LEFT JOIN revcycle.account a ON a.account_id = c.account_id
     GROUP BY 1, 2, 3)
SELECT count(v.month) AS view_rows, count(e.month) AS computed_rows,
       bool_and(v.month IS NOT NULL AND e.month IS NOT NULL) AS same_keys,
       bool_and((v.denied_amount, v.coding_amount, v.coding_share)
                IS NOT DISTINCT FROM (e.denied, e.coding, round(e.coding / nullif(e.denied, 0), 6))) AS rows_equal,
       sum(v.coding_amount) AS coding_dollars, sum(v.denied_amount) AS denied_dollars
  FROM revcycle.coding_denial_share v
  FULL JOIN e ON (e.month, e.payer_id, coalesce(e.dept_code, '')) = (v.month, v.payer_id, coalesce(v.dept_code, ''));

-- 3f. denial_appeal_summary.  Independent: appeals aggregated per denial
-- first, then per (denial month, payer, department); rates after
-- round(x, 12), average days rounded to 1 decimal as documented.
WITH ap AS (
    SELECT denial_id, count(*) AS n, min(filed_date) AS first_filed, max(resolved_date) AS last_resolved,
           count(*) FILTER (WHERE outcome = 'pending') AS pending,
           count(*) FILTER (WHERE outcome IN ('overturned', 'partially_overturned')) AS won,
           sum(recovered_amount) AS recovered
      FROM revcycle.appeal GROUP BY denial_id),
e AS (
    SELECT date_trunc('month', d.denial_date)::date AS month, d.payer_id, a.dept_code,
           count(*) AS n, sum(d.amount) AS denied,
           count(ap.denial_id) AS appealed,
           count(*) FILTER (WHERE ap.won > 0) AS overturned,
           count(*) FILTER (WHERE ap.pending = 0) AS decided,
           coalesce(sum(ap.recovered), 0) AS recovered,
           round(avg(ap.first_filed - d.denial_date), 1) AS d_appeal,
           round(avg(ap.last_resolved - d.denial_date) FILTER (WHERE ap.pending = 0), 1) AS d_resolution
      FROM revcycle.denial d
      LEFT JOIN ap ON ap.denial_id = d.denial_id
      LEFT JOIN revcycle.claim c ON c.claim_id = d.claim_id
      LEFT JOIN revcycle.account a ON a.account_id = c.account_id
     GROUP BY 1, 2, 3)
SELECT count(v.month) AS view_rows, count(e.month) AS computed_rows,
       bool_and(v.month IS NOT NULL AND e.month IS NOT NULL) AS same_keys,
       bool_and((v.denials, v.denied_amount, v.denials_appealed, v.denials_overturned, v.recovered_amount,
                 v.avg_days_to_appeal, v.avg_days_to_resolution)
                IS NOT DISTINCT FROM (e.n, e.denied, e.appealed, e.overturned, e.recovered,
                                      e.d_appeal, e.d_resolution)) AS counts_dollars_days_equal,
       string_agg(concat_ws('/', coalesce(v.month, e.month), coalesce(v.payer_id, e.payer_id), coalesce(v.dept_code, e.dept_code)), '; ')
           FILTER (WHERE NOT coalesce(v.appeal_rate IS NOT DISTINCT FROM round(e.appealed::numeric / e.n, 6)
                AND v.overturn_rate IS NOT DISTINCT FROM round(e.overturned::numeric / nullif(e.decided, 0), 6)
                AND v.recovery_rate IS NOT DISTINCT FROM round(e.recovered / nullif(e.denied, 0), 6), false))
           AS rates_differ,
       sum(v.denials_appealed) AS appealed, sum(v.denials_overturned) AS overturned,
       sum(v.recovered_amount) AS recovered
  FROM revcycle.denial_appeal_summary v
  FULL JOIN e ON (e.month, e.payer_id, coalesce(e.dept_code, '')) = (v.month, v.payer_id, coalesce(v.dept_code, ''));

-- 3g. denial_writeoff_review.  Independent: ledger rows of kind
-- denial_writeoff that correct nothing; appeals filed on or before the
-- write-off's posting date; reversed when another row names it.
WITH e AS (
    SELECT l.txn_id, l.account_id, l.payer_id, a.dept_code, l.denial_id, l.amount,
           (SELECT count(*) FROM revcycle.appeal x WHERE x.denial_id = l.denial_id) AS appeals,
           (SELECT count(*) FROM revcycle.appeal x
             WHERE x.denial_id = l.denial_id AND x.filed_date <= l.posted_date) < 2 AS fewer,
           l.txn_id IN (SELECT reverses_txn_id FROM revcycle.ledger WHERE reverses_txn_id IS NOT NULL) AS reversed
      FROM revcycle.ledger l JOIN revcycle.account a ON a.account_id = l.account_id
     WHERE l.kind = 'denial_writeoff' AND l.reverses_txn_id IS NULL)
SELECT count(v.txn_id) AS view_rows, count(e.txn_id) AS computed_rows,
       bool_and(v.txn_id IS NOT NULL AND e.txn_id IS NOT NULL) AS same_keys,
       bool_and((v.account_id, v.payer_id, v.dept_code, v.denial_id, v.amount, v.appeals_filed, v.reversed)
                IS NOT DISTINCT FROM (e.account_id, e.payer_id, e.dept_code, e.denial_id, e.amount, e.appeals, e.reversed))
           AS rows_equal,
       bool_and(v.fewer_than_two_appeals IS NOT DISTINCT FROM e.fewer) AS flags_equal,
       count(*) FILTER (WHERE v.fewer_than_two_appeals) AS flagged, sum(v.amount) AS written_off
  FROM revcycle.denial_writeoff_review v
  FULL JOIN e ON e.txn_id = v.txn_id;

-- 3h. denial_writeoff_rate.  Independent: per (posting month, ledger payer,
-- account department): denial write-off dollars including corrections,
-- write-offs that correct nothing (and of those the ones with fewer than two
-- appeals filed on or before them), NPSR = charges - every deduction
-- (contractual, administrative, small balance, denial write-off, bad debt,
-- charity); rate exactly (same division), only where NPSR is positive
-- (0.3.0, issue 15: NULL with a reason otherwise).
WITH l AS (
    SELECT date_trunc('month', l.posted_date)::date AS month, l.payer_id, a.dept_code,
           l.kind, l.amount, l.reverses_txn_id,
           (SELECT count(*) FROM revcycle.appeal x
             WHERE x.denial_id = l.denial_id AND x.filed_date <= l.posted_date) AS appeals_before
      FROM revcycle.ledger l JOIN revcycle.account a ON a.account_id = l.account_id
     WHERE l.kind IN ('charge', 'contractual_adjustment', 'administrative_adjustment',
                      'small_balance_writeoff', 'denial_writeoff', 'bad_debt', 'charity')),
e AS (
    SELECT month, payer_id, dept_code,
           count(*) FILTER (WHERE kind = 'denial_writeoff' AND reverses_txn_id IS NULL) AS n,
           count(*) FILTER (WHERE kind = 'denial_writeoff' AND reverses_txn_id IS NULL AND appeals_before < 2) AS fewer,
           coalesce(sum(amount) FILTER (WHERE kind = 'denial_writeoff'), 0) AS wo,
           coalesce(sum(amount) FILTER (WHERE kind = 'charge'), 0)
             - coalesce(sum(amount) FILTER (WHERE kind <> 'charge'), 0) AS npsr
      FROM l GROUP BY 1, 2, 3)
SELECT count(v.month) AS view_rows, count(e.month) AS computed_rows,
       bool_and(v.month IS NOT NULL AND e.month IS NOT NULL) AS same_keys,
       bool_and((v.writeoffs, v.writeoffs_fewer_than_two_appeals, v.denial_writeoffs, v.net_patient_service_revenue,
                 v.denial_writeoff_rate)
                IS NOT DISTINCT FROM (e.n, e.fewer, e.wo, e.npsr, round(CASE WHEN e.npsr > 0 THEN e.wo / e.npsr END, 6))) AS rows_equal,
       sum(v.denial_writeoffs) AS writeoff_dollars,
       round(sum(v.denial_writeoffs) / sum(v.net_patient_service_revenue), 6) AS overall_rate
  FROM revcycle.denial_writeoff_rate v
  FULL JOIN e ON (e.month, e.payer_id, e.dept_code) = (v.month, v.payer_id, v.dept_code);
-- The review and the rate agree with each other.
SELECT (SELECT count(*) FROM revcycle.denial_writeoff_review) = (SELECT sum(writeoffs) FROM revcycle.denial_writeoff_rate)
           AS writeoff_counts_agree,
       (SELECT count(*) FILTER (WHERE fewer_than_two_appeals) FROM revcycle.denial_writeoff_review)
         = (SELECT sum(writeoffs_fewer_than_two_appeals) FROM revcycle.denial_writeoff_rate) AS flag_counts_agree;
ROLLBACK;
