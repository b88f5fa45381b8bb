--
-- aging_net_ar: net A/R with estimated contractual allowances
-- (contractual_ratio, net_ar, net_days_in_ar_estimated): known answers on a
-- hand-built ledger with the arithmetic next to each, then the sample
-- hospital next to the gross and raw net days in A/R.
--
\pset null NULL
SET search_path = public;
BEGIN;
INSERT INTO revcycle.payer (payer_id, name, payer_class) VALUES
    (901, 'Test Medicare', 'medicare'),
    (902, 'Test Commercial', 'commercial'),
    (903, 'Test Self-pay', 'self_pay'),
    (904, 'Test Workers Comp', 'workers_comp');
INSERT INTO revcycle.department VALUES ('T1', 'Test department', 'Test facility');
INSERT INTO revcycle.patient (patient_id, mrn) VALUES (901, 'T-MRN-1');
INSERT INTO revcycle.account (account_id, account_number, patient_id, facility, dept_code, patient_type,
                              service_from, service_to, primary_payer_id)
SELECT id, 'T-' || id, 901, 'Test facility', 'T1', 'outpatient', d, d, p
  FROM (VALUES (1, date '2025-10-05', 901), (2, '2025-10-20', 901), (3, '2025-12-01', 901),
               (4, '2024-12-15', 901), (5, '2025-09-01', 902), (6, '2025-11-15', 902),
               (7, '2025-08-01', 902), (8, '2025-12-10', 903), (9, '2025-11-01', 903),
               (10, '2025-12-20', 904)) v(id, d, p);
-- A1 (901): charge 1000, adjudicated 11-10: contractual 400, payment 500, 100 moved to self-pay.
-- A2 (901): charge 1500, adjudicated 11-20: contractual 600, payment 900.
-- A3 (901): charge 2000 on 12-01, not adjudicated.
-- A4 (901): charge 500 on 2024-12-15 (before the 365-day window), contractual 450, payment 50 in 2025.
-- A5 (902): charge 1000, contractual 600, payment 300: adjudicated, 100 still owed by 902.
-- A6 (902): charge 3000 on 11-15, not adjudicated.
-- A7 (902): charge 200, contractual 120, payment 100: a credit balance of -20 with 902.
-- A8 (903 self-pay): charge 300, not paid.  A9 (903): charge 100, self-pay discount 35, paid 65.
-- A10 (904 workers' comp): charge 400 on 12-20, not adjudicated; 904 has no adjudicated account.
INSERT INTO revcycle.ledger (account_id, payer_id, kind, amount, posted_date) VALUES
    (1, 901, 'charge', 1000.00, '2025-10-05'),
    (1, 901, 'contractual_adjustment', 400.00, '2025-11-10'),
    (1, 901, 'payment', 500.00, '2025-11-10'),
    (1, 901, 'transfer', -100.00, '2025-11-10'),
    (1, 903, 'transfer', 100.00, '2025-11-10'),
    (2, 901, 'charge', 1500.00, '2025-10-20'),
    (2, 901, 'contractual_adjustment', 600.00, '2025-11-20'),
    (2, 901, 'payment', 900.00, '2025-11-20'),
    (3, 901, 'charge', 2000.00, '2025-12-01'),
    (4, 901, 'charge', 500.00, '2024-12-15'),
    (4, 901, 'contractual_adjustment', 450.00, '2025-01-20'),
    (4, 901, 'payment', 50.00, '2025-01-20'),
    (5, 902, 'charge', 1000.00, '2025-09-01'),
    (5, 902, 'contractual_adjustment', 600.00, '2025-10-01'),
    (5, 902, 'payment', 300.00, '2025-10-01'),
    (6, 902, 'charge', 3000.00, '2025-11-15'),
    (7, 902, 'charge', 200.00, '2025-08-01'),
    (7, 902, 'contractual_adjustment', 120.00, '2025-09-01'),
    (7, 902, 'payment', 100.00, '2025-09-01'),
    (8, 903, 'charge', 300.00, '2025-12-10'),
    (9, 903, 'charge', 100.00, '2025-11-01'),
    (9, 903, 'contractual_adjustment', 35.00, '2025-11-01'),
    (9, 903, 'payment', 65.00, '2025-12-01'),
    (10, 904, 'charge', 400.00, '2025-12-20');

-- Ratios as of 2025-12-31, window (2024-12-31, 2025-12-31]:
--   901: A1 + A2 (adjudicated, first charge in the window) = (400 + 600) / (1000 + 1500)
--        = 1000 / 2500 = 0.40; A3 is not adjudicated; A4's first charge (2024-12-15)
--        predates the window, so A4 is left out whole (counting its 450 contractual
--        without its 500 charge would give 1450 / 2500 = 0.58).
--   902: A5 + A7 = (600 + 120) / (1000 + 200) = 720 / 1200 = 0.60; A6 not adjudicated.
--   903: A9 = 35 / 100 = 0.35 (self-pay discount; never applied, see net_ar).
--   904: no adjudicated account -> charges 0, contractual 0, ratio NULL.
SELECT payer_id, charges, contractual, round(ratio, 4) AS ratio
  FROM revcycle.contractual_ratio('2025-12-31') WHERE payer_id > 900;
-- Look-back 400 days, window (2024-11-26, 2025-12-31]: A4 joins 901's cohort:
--   (400 + 600 + 450) / (1000 + 1500 + 500) = 1450 / 3000 = 0.483333...
SELECT payer_id, charges, contractual, round(ratio, 6) AS ratio
  FROM revcycle.contractual_ratio('2025-12-31', 400) WHERE payer_id = 901;
-- As of 2025-11-15, window (2024-11-15, 2025-11-15]: A1 adjudicated (11-10), A2 not yet
--   (11-20), and A4 (first charge 2024-12-15) now inside the window:
--   901: (400 + 450) / (1000 + 500) = 850 / 1500 = 0.5667; 902: 720 / 1200 = 0.60 (A6's
--   charge posts on 11-15 but is not adjudicated); 903: A9 is paid only on 12-01, yet its
--   discount (11-01) adjudicates it: 35 / 100 = 0.35.
SELECT payer_id, charges, contractual, round(ratio, 4) AS ratio
  FROM revcycle.contractual_ratio('2025-11-15') WHERE payer_id > 900;

-- Net A/R as of 2025-12-31 (look-back 365):
--   901: gross = A1 (1000-400-500-100 = 0) + A2 (1500-600-900 = 0) + A3 2000 + A4 (500-450-50 = 0)
--        = 2000.00; unadjudicated = A3 2000.00; allowance = 2000 x 0.40 = 800.00; net 1200.00.
--   902: gross = A5 (1000-600-300 = 100) + A6 3000 + A7 (200-120-100 = -20, credit) = 3080.00;
--        unadjudicated = A6 3000.00; allowance = 3000 x 0.60 = 1800.00; net 1280.00
--        (the credit of A7 stays in, netted as the ledger nets it).
--   903 (self-pay): gross = A1's 100 transfer + A8 300 + A9 (100-35-65 = 0) = 400.00;
--        unadjudicated = A1 100 (only a transfer from 903) + A8 300 = 400.00; allowance 0
--        (self-pay class, although its ratio is 0.35); net 400.00.
--   904: gross = unadjudicated = 400.00; ratio NULL -> allowance 0; net 400.00.
SELECT * FROM revcycle.net_ar_by_payer(date '2025-12-31');
-- Totals: gross 2000 + 3080 + 400 + 400 = 5880.00 = ledger A/R (charges 10000 - contractual
-- 2205 - payments 1915); net 1200 + 1280 + 400 + 400 = 3280.00.
SELECT sum(gross_ar) AS gross_ar, sum(estimated_allowance) AS allowance, sum(net_ar) AS net_ar,
       (SELECT sum(revcycle.ar_sign(kind) * amount) FROM revcycle.ledger WHERE posted_date <= '2025-12-31') AS ledger_ar
  FROM revcycle.net_ar_by_payer(as_of => '2025-12-31');
-- Look-back 400: 901's allowance = round(2000 x 0.483333..., 2) = 966.67; net 1033.33.
SELECT payer_id, unadjudicated_ar, estimated_allowance, net_ar
  FROM revcycle.net_ar_by_payer(date '2025-12-31', 400) WHERE payer_id = 901;

-- Days as of 2025-12-31.  Net window 2025-10-01..2025-12-31 = 92 days.
--   NPSR = charges in the window (A1 1000 + A2 1500 + A3 2000 + A6 3000 + A8 300 + A9 100
--   + A10 400 = 8300) - contractual in the window (A1 400 + A2 600 + A5 600 on 10-01
--   + A9 35 = 1635) = 6665.00.
--   Raw net days = 5880 x 92 / 6665 = 81.16; estimated = 3280 x 92 / 6665 = 45.28.
--   Gross days (90-day look-back from 10-02: the same 8300 of charges) = 5880 x 90 / 8300 = 63.76.
SELECT round(revcycle.days_in_ar(kind, amount, posted_date, '2025-12-31'), 2) AS gross_days,
       round(revcycle.net_days_in_ar(kind, amount, posted_date, '2025-12-31'), 2) AS raw_net_days,
       round(revcycle.net_days_in_ar_estimated('2025-12-31'), 2) AS estimated_net_days,
       revcycle.net_patient_service_revenue(revcycle.ar_days_agg(kind, amount, posted_date, '2025-12-31')) AS npsr
  FROM revcycle.ledger WHERE posted_date <= '2025-12-31';
-- NULL rules: no ledger row on or before 2024-01-01; on 2025-04-30 the window
-- 2025-02-01..2025-04-30 has no revenue (NPSR 0).
SELECT revcycle.net_days_in_ar_estimated('2024-01-01') AS no_rows,
       revcycle.net_days_in_ar_estimated('2025-04-30') AS zero_revenue;
ROLLBACK;

-- The sample hospital (3000 accounts, the README's walk-through), as of 2025-12-31.
BEGIN;
\set accounts 3000
\set quiet 1
\ir sample/generate.sql
SELECT round(revcycle.days_in_ar(kind, amount, posted_date, '2025-12-31'), 1) AS days_in_ar_gross,
       round(revcycle.net_days_in_ar(kind, amount, posted_date, '2025-12-31'), 1) AS days_in_ar_net,
       round(revcycle.net_days_in_ar_estimated('2025-12-31'), 1) AS days_in_ar_net_estimated
  FROM revcycle.ledger;
SELECT sum(n.gross_ar) = (SELECT sum(revcycle.ar_sign(kind) * amount) FROM revcycle.ledger
                           WHERE posted_date <= '2025-12-31') AS gross_equals_ledger_ar,
       bool_and(n.net_ar <= n.gross_ar) FILTER (WHERE n.gross_ar > 0) AS net_not_above_gross,
       bool_and(n.estimated_allowance = 0) FILTER (WHERE p.payer_class = 'self_pay') AS no_self_pay_allowance,
       sum(n.net_ar) < sum(n.gross_ar) AS allowance_estimated
  FROM revcycle.net_ar_by_payer(date '2025-12-31') n JOIN revcycle.payer p USING (payer_id);
SELECT bool_and(ratio BETWEEN 0 AND 1) AS ratios_between_0_and_1,
       count(*) FILTER (WHERE ratio IS NULL) AS payers_without_ratio
  FROM revcycle.contractual_ratio('2025-12-31');
ROLLBACK;

-- A look-back that is not 1..3660 days (or NULL) raises 22023 from each
-- function, before anything is read (here the ledger is empty).
SELECT * FROM revcycle.contractual_ratio(date '2025-12-31', 0);
SELECT * FROM revcycle.net_ar_by_payer(date '2025-12-31', -30);
SELECT revcycle.net_days_in_ar_estimated(date '2025-12-31', NULL);
SELECT revcycle.net_days_in_ar_estimated(date '2025-12-31', 3661);
