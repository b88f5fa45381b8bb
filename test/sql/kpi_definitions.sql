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
-- Sample hospital (200 accounts): offending rows, expected none.
-- =====================================================================
BEGIN;
\set accounts 200
\set quiet 1
\ir ../../sample/generate.sql

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
ROLLBACK;
