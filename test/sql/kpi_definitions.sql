--
-- kpi_definitions: issue 15, KPI definitions to the standard.  Known
-- answers on hand-built accounts (the arithmetic in the comments), then
-- offending-rows checks on the sample hospital (expected: no rows).
--
\pset null NULL
SET search_path = public;

-- =====================================================================
-- 1. Collection rates by service month (cohort).
-- =====================================================================
BEGIN;
INSERT INTO revcycle.payer (payer_id, name, payer_class, payer_identifier) VALUES
    (9101, 'Medicare (kpi test)', 'medicare', 'K-MC'),
    (9102, 'Acme (kpi test)', 'commercial', 'K-ACME'),
    (9103, 'Self Pay (kpi test)', 'self_pay', NULL);
INSERT INTO revcycle.department VALUES ('K100', 'Clinic (kpi test)', 'Main (kpi test)');
INSERT INTO revcycle.patient (patient_id, mrn) VALUES (9101, 'K-MRN-1');
INSERT INTO revcycle.account (account_id, account_number, patient_id, facility, dept_code,
                              patient_type, service_from, service_to, primary_payer_id)
VALUES (9101, 'K-ACC-1', 9101, 'Main (kpi test)', 'K100', 'clinic', '2026-01-10', '2026-01-10', 9101),
       (9102, 'K-ACC-2', 9101, 'Main (kpi test)', 'K100', 'clinic', '2026-03-05', '2026-03-05', 9102);
INSERT INTO revcycle.ledger (account_id, payer_id, kind, amount, posted_date) VALUES
    -- January cohort, Medicare: charges 1,000, contractual 400 and payment
    -- 570 posted in the next month.
    (9101, 9101, 'charge', 1000.00, '2026-01-10'),
    (9101, 9101, 'contractual_adjustment', 400.00, '2026-02-15'),
    (9101, 9101, 'payment', 570.00, '2026-02-15'),
    -- March cohort, Acme: charges 500, payment 200 in April, the patient's
    -- 50 in October after a transfer of 300 to self-pay.
    (9102, 9102, 'charge', 500.00, '2026-03-06'),
    (9102, 9102, 'payment', 200.00, '2026-04-10'),
    (9102, 9102, 'transfer', -300.00, '2026-04-10'),
    (9102, 9103, 'transfer', 300.00, '2026-04-10'),
    (9102, 9103, 'payment', 50.00, '2026-10-02');

-- As of 2026-01-31 the January cohort is in its service month: charges
-- 1,000.00, nothing collected, open 1,000.00 = share 1; months 0, not
-- mature; net rate 0 / (1000 - 0) = 0, but no AAFP flag (NULL) on an
-- immature cohort.  The March cohort (service after as_of) is not there.
SELECT service_month, payer_name, gross_charges, payments, contractual_adjustments,
       open_ar, open_share, months_since_service, is_mature,
       net_collection_rate, below_aafp_benchmark
  FROM revcycle.collections_by_service_month('2026-01-31') ORDER BY service_month;
-- As of 2026-02-28: charges 1,000, contractual 400, payment 570 ->
--   net = 570 / (1000 - 400) = 570 / 600 = 0.95 (AAFP floor: not below),
--   gross = 570 / 1000 = 0.57, open = 1000 - 570 - 400 = 30, share 0.03
--   < 0.05 and one month passed -> mature, below_aafp_benchmark false.
SELECT service_month, payer_name, gross_charges, payments, contractual_adjustments,
       open_ar, open_share, months_since_service, is_mature,
       gross_collection_rate, net_collection_rate, below_aafp_benchmark
  FROM revcycle.collections_by_service_month('2026-02-28') ORDER BY service_month;
-- As of 2026-04-30, March cohort: charges 500, payment 200, transfers
-- -300 + 300 = 0 (same account, both payers); open 300, share 0.6; one
-- month -> not mature, flag NULL; net 200 / 500 = 0.4.
-- As of 2026-09-30: six months (March -> September) -> mature by age;
-- net 0.4 < 0.95 -> below_aafp_benchmark true.
-- As of 2026-10-31: the patient's 50 counts for the cohort of the
-- service (posted seven months later): net (200 + 50) / 500 = 0.5,
-- open 250, share 0.5, months 7.
SELECT d.as_of, c.service_month, c.payer_name, c.payments, c.open_ar, c.open_share,
       c.months_since_service, c.is_mature, c.net_collection_rate, c.below_aafp_benchmark
  FROM (VALUES (DATE '2026-04-30'), (DATE '2026-09-30'), (DATE '2026-10-31')) d(as_of)
 CROSS JOIN LATERAL revcycle.collections_by_service_month(d.as_of) c
 WHERE c.payer_id = 9102
 ORDER BY d.as_of;
-- The view is the function as of the ledger's last posting date
-- (2026-10-02: months_since_service 9 and 7), rounded to its types.
SELECT as_of, service_month, payer_name, gross_charges, payments, refunds,
       contractual_adjustments, other_adjustments, open_ar, open_share,
       months_since_service, is_mature, gross_collection_rate, net_collection_rate,
       below_aafp_benchmark
  FROM revcycle.collections_by_service_month ORDER BY service_month;
-- Cash basis: the rows stay but are never flagged.  February for Medicare:
-- payment 570 and contractual 400 against no charges -> 570 / (0 - 400) =
-- -1.425 (why a cash-basis month cannot be judged); April for Acme: no
-- charges, no contractual -> NULL.
SELECT month, payer_name, gross_charges, payments, net_collection_rate, below_aafp_benchmark
  FROM revcycle.collections_monthly_by_payer ORDER BY month, payer_id;
ROLLBACK;

-- =====================================================================
-- 2. Aged A/R: billed vs total (HFMA MAP Keys AR-1, AR-3).
-- =====================================================================
BEGIN;
INSERT INTO revcycle.payer (payer_id, name, payer_class, payer_identifier) VALUES
    (9111, 'Medicare (aged test)', 'medicare', 'K-AMC');
INSERT INTO revcycle.department VALUES ('K200', 'Ward (kpi test)', 'Main (kpi test)');
INSERT INTO revcycle.patient (patient_id, mrn) VALUES (9111, 'K-MRN-11');
INSERT INTO revcycle.account (account_id, account_number, patient_id, facility, dept_code,
                              patient_type, service_from, service_to, primary_payer_id, final_billed_date)
VALUES (9111, 'K-X', 9111, 'Main (kpi test)', 'K200', 'outpatient', '2026-01-05', '2026-01-05', 9111, '2026-01-20'),
       (9112, 'K-Y', 9111, 'Main (kpi test)', 'K200', 'outpatient', '2026-01-10', '2026-01-10', 9111, NULL),
       (9113, 'K-Z', 9111, 'Main (kpi test)', 'K200', 'outpatient', '2025-11-01', '2025-11-01', 9111, '2026-02-05'),
       (9114, 'K-W', 9111, 'Main (kpi test)', 'K200', 'outpatient', '2025-10-01', '2025-10-01', 9111, '2025-10-20'),
       (9115, 'K-V', 9111, 'Main (kpi test)', 'K200', 'outpatient', '2025-10-15', '2025-10-15', 9111, NULL);
INSERT INTO revcycle.ledger (account_id, payer_id, kind, amount, posted_date) VALUES
    (9111, 9111, 'charge', 1000.00, '2026-01-05'),
    (9111, 9111, 'payment', 200.00, '2026-02-10'),
    (9112, 9111, 'charge', 400.00, '2026-01-10'),
    (9113, 9111, 'charge', 600.00, '2025-11-01'),
    (9114, 9111, 'charge', 300.00, '2025-10-01'),
    (9115, 9111, 'charge', 200.00, '2025-10-15');
-- 2026-01-31 (ages from the date of service):
--   X 1,000 (26 days), billed 2026-01-20     -> billed
--   Y   400 (21 days), never final billed    -> unbilled (DNFB)
--   Z   600 (91 days), final billed 2026-02-05, after the month-end -> unbilled
--   W   300 (122 days), billed 2025-10-20    -> billed
--   V   200 (108 days), never final billed   -> unbilled
--   billed_ar = 1000 + 300 = 1,300; unbilled_ar = 400 + 600 + 200 = 1,200;
--   total_ar = 2,500 = billed + unbilled
--   over 90: billed 300 (W), total 300 + 600 + 200 = 1,100
--   over 120: billed 300 (W), total 300 (W)
--   AR-1 > 90 = 300 / 1300 = 0.230769; AR-3 > 90 = 1100 / 2500 = 0.44
--   AR-1 > 120 = 300 / 1300 = 0.230769; AR-3 > 120 = 300 / 2500 = 0.12
-- 2026-02-28: X paid 200 -> 800 (54 days, billed); Y 400 (49 days,
--   unbilled); Z 600 (119 days) now billed; W 300 (150 days, billed);
--   V 200 (136 days, unbilled).
--   billed_ar = 800 + 600 + 300 = 1,700; unbilled_ar = 400 + 200 = 600;
--   total_ar = 2,300
--   over 90: billed 600 + 300 = 900, total 900 + 200 = 1,100
--   over 120: billed 300, total 300 + 200 = 500
--   AR-1 > 90 = 900 / 1700 = 0.529412; AR-3 > 90 = 1100 / 2300 = 0.478261
--   AR-1 > 120 = 300 / 1700 = 0.176471; AR-3 > 120 = 500 / 2300 = 0.217391
SELECT month_end, payer_group, total_ar, unbilled_ar, billed_ar,
       ar_over_90_total, ar_over_90_billed, ar_over_120_total, ar_over_120_billed,
       share_over_90_billed, share_over_90_total, share_over_120_billed, share_over_120_total
  FROM revcycle.aged_ar_percent
 WHERE month_end IN ('2026-01-31', '2026-02-28')
 ORDER BY month_end, payer_group;
ROLLBACK;

-- =====================================================================
-- 8. Aged trial balance: a deposit before the service date reconciles.
-- =====================================================================
BEGIN;
INSERT INTO revcycle.payer (payer_id, name, payer_class, payer_identifier) VALUES
    (9121, 'Self Pay (atb test)', 'self_pay', NULL);
INSERT INTO revcycle.department VALUES ('K300', 'Surgery (kpi test)', 'Main (kpi test)');
INSERT INTO revcycle.patient (patient_id, mrn) VALUES (9121, 'K-MRN-21');
INSERT INTO revcycle.account (account_id, account_number, patient_id, facility, dept_code,
                              patient_type, service_from, service_to, primary_payer_id)
VALUES (9121, 'K-DEP', 9121, 'Main (kpi test)', 'K300', 'outpatient', '2026-03-10', '2026-03-10', 9121);
-- A deposit of 100.00 on 2026-02-20 for a visit on 2026-03-10; the visit's
-- charge 500.00 posts on 2026-03-10, the patient pays the other 400.00 on
-- 2026-04-15.
INSERT INTO revcycle.ledger (account_id, payer_id, kind, amount, posted_date) VALUES
    (9121, 9121, 'payment', 100.00, '2026-02-20'),
    (9121, 9121, 'charge', 500.00, '2026-03-10'),
    (9121, 9121, 'payment', 400.00, '2026-04-15');
-- 2026-02-28: beginning 0, payments 100.00; the balance -100.00 belongs to
--   a service after the month-end: no age, pre_service_ar -100.00, buckets
--   0, ending_ar = 0 + (-100.00) = -100.00; reconciliation
--   0 - 100.00 - (-100.00) = 0 (it was -100.00 before 0.3.0).
-- 2026-03-31: beginning -100.00, charges 500.00; balance 400.00 aged
--   21 days (0-30); pre_service 0; ending 400.00; -100 + 500 - 400 = 0.
-- 2026-04-30: beginning 400.00, payments 400.00; ending 0; 400 - 400 - 0 = 0.
SELECT month_end, beginning_ar, charges, payments, ending_ar, ar_0_30, ar_31_60,
       pre_service_ar, credit_balance_amount, reconciliation
  FROM revcycle.aged_trial_balance
 WHERE payer_id = 9121
 ORDER BY month_end;
-- The same postings in another order (the deposit refunded and posted
-- again on the service date) still reconcile on every row.
INSERT INTO revcycle.ledger (account_id, payer_id, kind, amount, posted_date) VALUES
    (9121, 9121, 'payment', -100.00, '2026-02-27'),
    (9121, 9121, 'payment', 100.00, '2026-03-10');
SELECT month_end, ending_ar, pre_service_ar, reconciliation
  FROM revcycle.aged_trial_balance
 WHERE payer_id = 9121 AND reconciliation <> 0;
ROLLBACK;

-- =====================================================================
-- 9. Credit balances as of a date; HFMA AR-9 credit balance days.
-- =====================================================================
BEGIN;
INSERT INTO revcycle.payer (payer_id, name, payer_class, payer_identifier) VALUES
    (9131, 'Acme (credit test)', 'commercial', 'K-CR'),
    (9132, 'Self Pay (credit test)', 'self_pay', NULL);
INSERT INTO revcycle.department VALUES ('K400', 'Imaging (kpi test)', 'Main (kpi test)');
INSERT INTO revcycle.patient (patient_id, mrn) VALUES (9131, 'K-MRN-31');
INSERT INTO revcycle.account (account_id, account_number, patient_id, facility, dept_code,
                              patient_type, service_from, service_to, primary_payer_id)
VALUES (9131, 'K-CR1', 9131, 'Main (kpi test)', 'K400', 'outpatient', '2026-01-05', '2026-01-05', 9131),
       (9132, 'K-CR2', 9131, 'Main (kpi test)', 'K400', 'outpatient', '2026-04-05', '2026-04-05', 9132);
INSERT INTO revcycle.ledger (account_id, payer_id, kind, amount, posted_date) VALUES
    -- Overpaid: charge 300, contractual 100, payment 250 -> -50.00.
    (9131, 9131, 'charge', 300.00, '2026-01-05'),
    (9131, 9131, 'contractual_adjustment', 100.00, '2026-02-10'),
    (9131, 9131, 'payment', 250.00, '2026-02-10'),
    -- A deposit of 80.00 for a visit on 2026-04-05.
    (9132, 9132, 'payment', 80.00, '2026-03-20');
-- As of 2026-02-09 account K-CR1 owes 300.00: no credit balance.
SELECT count(*) AS credits_2026_02_09 FROM revcycle.credit_balances('2026-02-09');
-- As of 2026-03-31:
--   K-CR1: 50.00, last activity 2026-02-10 -> 18 + 31 = 49 days; from
--          service 2026-01-05 -> 26 + 28 + 31 = 85 days
--   K-CR2: 80.00, last activity 2026-03-20 -> 11 days; from service
--          2026-04-05 -> -5 (the visit is 5 days ahead: a deposit)
SELECT account_number, payer_name, amount, last_activity_date, age_days, age_from_service_days
  FROM revcycle.credit_balances('2026-03-31') ORDER BY account_id;
-- AR-9 as of 2026-03-31: credits 50 + 80 = 130.00 (2 balances); net
-- patient service revenue of 2026-01-01..2026-03-31 (90 days) = charges
-- 300 - contractual 100 = 200.00 (payments are not revenue);
-- 130 / (200 / 90) = 130 * 90 / 200 = 58.5 days.
SELECT credit_balances, credit_balance_count, net_patient_service_revenue_3m, window_days,
       round(credit_balance_days, 1) AS credit_balance_days
  FROM revcycle.credit_balance_days('2026-03-31');
-- The view is the function as of CURRENT_DATE, rounded: no row differs.
(SELECT account_id, payer_id, amount, age_days FROM revcycle.credit_balances
 EXCEPT
 SELECT account_id, payer_id, round(amount, 2), age_days FROM revcycle.credit_balances(CURRENT_DATE))
UNION ALL
(SELECT account_id, payer_id, round(amount, 2), age_days FROM revcycle.credit_balances(CURRENT_DATE)
 EXCEPT
 SELECT account_id, payer_id, amount, age_days FROM revcycle.credit_balances);
ROLLBACK;

-- =====================================================================
-- 4. Days in A/R per payer: the charges that became its responsibility.
-- =====================================================================
BEGIN;
INSERT INTO revcycle.payer (payer_id, name, payer_class, payer_identifier) VALUES
    (9141, 'Medicare (days test)', 'medicare', 'K-DMC'),
    (9142, 'Self Pay (days test)', 'self_pay', NULL),
    (9143, 'Acme (days test)', 'commercial', 'K-DAC');
INSERT INTO revcycle.department VALUES ('K500', 'Clinic (days test)', 'Main (kpi test)');
INSERT INTO revcycle.patient (patient_id, mrn) VALUES (9141, 'K-MRN-41');
INSERT INTO revcycle.account (account_id, account_number, patient_id, facility, dept_code,
                              patient_type, service_from, service_to, primary_payer_id)
VALUES (9141, 'K-D1', 9141, 'Main (kpi test)', 'K500', 'clinic', '2026-01-10', '2026-01-10', 9141),
       (9142, 'K-D2', 9141, 'Main (kpi test)', 'K500', 'clinic', '2026-03-01', '2026-03-01', 9143);
INSERT INTO revcycle.ledger (account_id, payer_id, kind, amount, posted_date) VALUES
    (9141, 9141, 'charge', 1000.00, '2026-01-10'),
    (9141, 9141, 'payment', 700.00, '2026-02-15'),
    (9141, 9141, 'contractual_adjustment', 200.00, '2026-02-15'),
    (9141, 9141, 'transfer', -100.00, '2026-02-15'),
    (9141, 9142, 'transfer', 100.00, '2026-02-15'),
    (9141, 9142, 'payment', 40.00, '2026-03-20'),
    (9142, 9143, 'charge', 100.00, '2026-03-01'),
    (9142, 9143, 'payment', 150.00, '2026-03-15');
-- As of 2026-03-31 (90-day look-back 2026-01-01..03-31; trailing 3
-- calendar months Jan-Mar = 90 days):
--   Medicare: net A/R 1000 - 700 - 200 - 100 = 0; charges 1,000 -> 0.0
--     days; net revenue 1000 - 200 = 800 -> 0 * 90 / 800 = 0.0
--   Self pay: net A/R 100 - 40 = 60; no charge rows, but 100.00 became
--     its responsibility by transfer -> 60 * 90 / 100 = 54.0 days; net
--     revenue 100 -> 54.0 (without the transfer: no denominator)
--   Acme: net A/R 100 - 150 = -50, a credit -> days NULL, with the reason
--   All payers: net A/R 0 + 60 - 50 = 10; charges 1,100 (transfers net to
--     zero) -> 10 * 90 / 1100 = 0.818... -> 0.8; net revenue 1100 - 200 =
--     900 -> 10 * 90 / 900 = 1.0
SELECT payer_name, net_ar, gross_charges_90d, days_in_ar, net_patient_service_revenue_3m,
       net_days_in_ar, days_undefined_reason
  FROM revcycle.days_in_ar_trend
 WHERE month_end = '2026-03-31'
 ORDER BY payer_id NULLS LAST;
ROLLBACK;

-- =====================================================================
-- 10. Denial write-off rate only where its denominator is positive.
-- =====================================================================
BEGIN;
INSERT INTO revcycle.payer (payer_id, name, payer_class, payer_identifier) VALUES
    (9151, 'Medicare (wo test)', 'medicare', 'K-WMC'),
    (9152, 'Medigap (wo test)', 'commercial', 'K-WMG');
INSERT INTO revcycle.department VALUES ('K600', 'Cardio (kpi test)', 'Main (kpi test)');
INSERT INTO revcycle.patient (patient_id, mrn) VALUES (9151, 'K-MRN-51');
INSERT INTO revcycle.account (account_id, account_number, patient_id, facility, dept_code,
                              patient_type, service_from, service_to, primary_payer_id, secondary_payer_id)
VALUES (9151, 'K-W1', 9151, 'Main (kpi test)', 'K600', 'outpatient', '2026-01-05', '2026-01-05', 9151, 9152);
INSERT INTO revcycle.ledger (account_id, payer_id, kind, amount, posted_date) VALUES
    (9151, 9151, 'charge', 1000.00, '2026-01-05'),
    (9151, 9151, 'contractual_adjustment', 300.00, '2026-01-20'),
    (9151, 9151, 'denial_writeoff', 70.00, '2026-01-25'),
    (9151, 9152, 'contractual_adjustment', 50.00, '2026-01-28'),
    (9151, 9152, 'denial_writeoff', 20.00, '2026-01-28');
-- 2026-01, Medicare: NPSR 1000 - 300 - 70 = 630 -> 70 / 630 = 0.111111.
-- 2026-01, Medigap (secondary: no charge rows): NPSR 0 - 50 - 20 = -70
--   -> rate NULL (it was 20 / -70 = -0.285714), with the reason.
SELECT payer_name, denial_writeoffs, net_patient_service_revenue, denial_writeoff_rate,
       rate_undefined_reason
  FROM revcycle.denial_writeoff_rate
 WHERE payer_id IN (9151, 9152)
 ORDER BY payer_id;
ROLLBACK;

-- =====================================================================
-- Sample hospital (200 accounts): offending rows, expected none.  (pg_regress
-- feeds this file on stdin: \ir resolves from the repository root.)
-- =====================================================================
BEGIN;
\set accounts 200
\set quiet 1
\ir sample/generate.sql

SELECT count(*) > 0 AS has_mature_cohorts
  FROM revcycle.collections_by_service_month WHERE is_mature;
-- 1. No mature cohort rate outside [0, 1.05].
SELECT service_month, payer_id, gross_collection_rate, net_collection_rate
  FROM revcycle.collections_by_service_month
 WHERE is_mature AND (net_collection_rate NOT BETWEEN 0 AND 1.05
                      OR gross_collection_rate NOT BETWEEN 0 AND 1.05);
-- 1. The AAFP flag only on mature cohorts, never on a cash-basis row.
SELECT 'cohort' AS src, service_month AS month, payer_id
  FROM revcycle.collections_by_service_month
 WHERE below_aafp_benchmark IS NOT NULL AND NOT is_mature
UNION ALL
SELECT 'cash payer', month, payer_id FROM revcycle.collections_monthly_by_payer
 WHERE below_aafp_benchmark IS NOT NULL
UNION ALL
SELECT 'cash class', month, NULL FROM revcycle.collections_monthly_by_payer_class
 WHERE below_aafp_benchmark IS NOT NULL;
-- 1. The cohorts add up to the ledger: charges, payments and open A/R over
--    all cohorts equal the ledger's (every account has one service month).
SELECT v.gross_charges, v.payments, v.open_ar, l.charges, l.payments, l.ar
  FROM (SELECT sum(gross_charges) gross_charges, sum(payments) payments, sum(open_ar) open_ar
          FROM revcycle.collections_by_service_month) v,
       (SELECT sum(amount) FILTER (WHERE kind = 'charge') charges,
               sum(amount) FILTER (WHERE kind = 'payment') payments,
               sum(revcycle.ar_sign(kind) * amount) ar
          FROM revcycle.ledger) l
 WHERE (v.gross_charges, v.payments, v.open_ar) IS DISTINCT FROM (l.charges, l.payments, l.ar);
-- 2. billed_ar + unbilled_ar = total_ar on every row, the over-N amounts
--    within their denominators.
SELECT month_end, payer_group, total_ar, unbilled_ar, billed_ar
  FROM revcycle.aged_ar_percent
 WHERE billed_ar + unbilled_ar <> total_ar
    OR ar_over_90_billed > billed_ar OR ar_over_90_total > total_ar
    OR ar_over_120_billed > ar_over_90_billed OR ar_over_120_total > ar_over_90_total;
-- 2. AR-1 on billed A/R only: billed_ar (all payers) = the debit balances
--    of accounts final billed on or before the month-end, recomputed from
--    month_end_balances and account.
SELECT v.month_end, v.billed_ar, x.billed
  FROM revcycle.aged_ar_percent v
  JOIN (SELECT b.month_end,
               coalesce(sum(b.balance) FILTER (WHERE b.balance > 0 AND a.final_billed_date <= b.month_end
                                               AND b.service_date <= b.month_end), 0) AS billed
          FROM revcycle.month_end_balances b
          JOIN revcycle.account a ON a.account_id = b.account_id
         GROUP BY b.month_end) x ON x.month_end = v.month_end
 WHERE v.payer_group = 'all' AND v.billed_ar <> x.billed;
-- 8. Every row of the aged trial balance reconciles, and the buckets plus
--    pre-service balances make the ending A/R, also after deposits posted
--    20 days before the date of service on ten accounts seen on the 15th
--    of a month or earlier (so a month-end falls between the deposit and
--    the visit).
INSERT INTO revcycle.ledger (account_id, payer_id, kind, amount, posted_date)
SELECT a.account_id, a.primary_payer_id, 'payment', 50.00, a.service_from - 20
  FROM revcycle.account a
 WHERE a.service_from - 20 >= (SELECT min(posted_date) FROM revcycle.ledger)
   AND extract(day FROM a.service_from) <= 15
 ORDER BY a.account_id LIMIT 10;
SELECT count(*) > 0 AS has_pre_service_balances
  FROM revcycle.aged_trial_balance WHERE pre_service_ar <> 0;
SELECT month_end, payer_id, reconciliation
  FROM revcycle.aged_trial_balance
 WHERE reconciliation <> 0
    OR ar_0_30 + ar_31_60 + ar_61_90 + ar_91_120 + ar_over_120 + pre_service_ar <> ending_ar;
-- 9. Credit balances as of 2025-12-31: positive amounts, the total equal
--    to the ledger's credit balances per account and payer, AR-9 not
--    negative.
SELECT account_id, payer_id, amount FROM revcycle.credit_balances('2025-12-31') WHERE amount <= 0;
SELECT d.credit_balances, x.credits, d.credit_balance_days
  FROM revcycle.credit_balance_days('2025-12-31') d,
       (SELECT coalesce(-sum(balance), 0) AS credits FROM revcycle.ar_balances('2025-12-31') WHERE balance < 0) x
 WHERE d.credit_balances <> x.credits OR d.credit_balance_days < 0 OR d.credit_balance_days IS NULL;
-- 4. No negative days in A/R, and a reason wherever days are NULL.
SELECT month_end, payer_id, days_in_ar, net_days_in_ar, days_undefined_reason
  FROM revcycle.days_in_ar_trend
 WHERE days_in_ar < 0 OR net_days_in_ar < 0
    OR ((days_in_ar IS NULL OR net_days_in_ar IS NULL) AND days_undefined_reason IS NULL)
    OR (days_in_ar IS NOT NULL AND net_days_in_ar IS NOT NULL AND days_undefined_reason IS NOT NULL);
-- 10. denial_writeoff_rate: a rate exactly where net patient service
--     revenue is positive, never negative, a reason wherever it is NULL.
SELECT month, payer_id, dept_code, net_patient_service_revenue, denial_writeoff_rate, rate_undefined_reason
  FROM revcycle.denial_writeoff_rate
 WHERE denial_writeoff_rate < 0
    OR (net_patient_service_revenue > 0) IS DISTINCT FROM (denial_writeoff_rate IS NOT NULL)
    OR (denial_writeoff_rate IS NULL) IS DISTINCT FROM (rate_undefined_reason IS NOT NULL);
ROLLBACK;
