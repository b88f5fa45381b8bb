--
-- collections_known: known-answer tests of revcycle.collections, its
-- aggregates, accessors and views on small hand-made data.  The expected
-- value of every case is worked out in the comment next to it.
--
\pset null NULL
SET search_path = public;

-- =====================================================================
-- 1. Direct aggregates: gross_collection_rate(payment, charge) and
--    net_collection_rate(payment, charge, contractual_adjustment).
-- =====================================================================

-- One row.  gross: 90.00 / 100.00 = 0.9.  net: 90.00 / (100.00 - 10.00) = 1.
SELECT revcycle.gross_collection_rate(90.00, 100.00) AS gross,
       revcycle.net_collection_rate(90.00, 100.00, 10.00) AS net;

-- AAFP-style month: payments 95,000.00, charges 200,000.00, contractual
-- 100,000.00 over three rows.
--   sum(payment)  = 50000.00 + 30000.00 + 15000.00 = 95000.00
--   sum(charge)   = 100000.00 + 60000.00 + 40000.00 = 200000.00
--   sum(contract) = 50000.00 + 30000.00 + 20000.00 = 100000.00
--   gross = 95000.00 / 200000.00 = 0.475
--   net   = 95000.00 / (200000.00 - 100000.00) = 0.95 (exactly the AAFP floor)
CREATE TEMP TABLE month_rows (payment numeric, charge numeric, contractual numeric);
INSERT INTO month_rows VALUES
    (50000.00, 100000.00, 50000.00),
    (30000.00,  60000.00, 30000.00),
    (15000.00,  40000.00, 20000.00);
SELECT revcycle.gross_collection_rate(payment, charge) AS gross,
       revcycle.net_collection_rate(payment, charge, contractual) AS net
FROM month_rows;

-- A repeating quotient: 100.00 / 300.00 = 0.333...; numeric_div gives
-- 0.33333333333333333333 (20 digits), the same digits as the plain formula.
-- net: 100.00 / (300.00 - 0.00) = the same.
SELECT revcycle.gross_collection_rate(p, c) AS gross,
       sum(p) / sum(c) AS plain_gross,
       revcycle.net_collection_rate(p, c, ca) AS net,
       sum(p) / (sum(c) - sum(ca)) AS plain_net,
       revcycle.gross_collection_rate(p, c)::text = (sum(p) / sum(c))::text AS same_digits
FROM (VALUES (100.00, 300.00, 0.00)) AS v(p, c, ca);

-- Negative correction rows (a reversed payment and a credited charge):
--   payments: 500.00 - 100.00 + 250.00 = 650.00
--   charges:  1000.00 - 200.00 = 800.00   (the NULL counts as zero)
--   contract: 150.00 - 50.00 = 100.00     (the NULL counts as zero)
--   gross = 650.00 / 800.00 = 0.8125
--   net   = 650.00 / (800.00 - 100.00) = 650 / 700 = 0.928571428571428571...
SELECT revcycle.gross_collection_rate(p, c) AS gross,
       revcycle.net_collection_rate(p, c, ca) AS net,
       revcycle.net_collection_rate(p, c, ca)
         = sum(p) / (coalesce(sum(c), 0) - coalesce(sum(ca), 0)) AS net_matches_sql
FROM (VALUES (500.00, 1000.00, 150.00),
             (-100.00, NULL, -50.00),
             (250.00, -200.00, NULL)) AS v(p, c, ca);

-- =====================================================================
-- 2. collections_agg(charge, payment, refund, contractual, other) and the
--    accessors.
-- =====================================================================
-- charges 100.00 + 250.00 + 50.00 = 400.00 (3 rows)
-- payments 80.00 + 200.00 + NULL = 280.00 (2 rows)
-- refunds NULL + 5.00 + NULL = 5.00 (1 row)
-- contractual 10.00 + 30.00 + NULL = 40.00 (2 rows)
-- other NULL + NULL + 2.50 = 2.50 (1 row)
-- rows 3
-- gross = 280.00 / 400.00 = 0.7
-- net = (280.00 - 5.00) / (400.00 - 40.00) = 275.00 / 360.00 = 0.763888...
CREATE TEMP TABLE cols (charge numeric, payment numeric, refund numeric,
                        contractual numeric, other numeric);
INSERT INTO cols VALUES
    (100.00, 80.00, NULL, 10.00, NULL),
    (250.00, 200.00, 5.00, 30.00, NULL),
    (50.00, NULL, NULL, NULL, 2.50);
SELECT revcycle.collections_agg(charge, payment, refund, contractual, other) AS summary
FROM cols;
SELECT revcycle.gross_charges(s), revcycle.payments(s), revcycle.refunds(s),
       revcycle.contractual_adjustments(s), revcycle.other_adjustments(s),
       revcycle.row_count(s),
       revcycle.gross_collection_rate(s) AS gross,
       revcycle.net_collection_rate(s) AS net
FROM (SELECT revcycle.collections_agg(charge, payment, refund, contractual, other) AS s
      FROM cols) AS x;
-- The net rate equals the plain formula (275.00 / 360.00).
SELECT revcycle.net_collection_rate(revcycle.collections_agg(charge, payment, refund, contractual, other))
       = (sum(payment) - sum(refund)) / (sum(charge) - sum(contractual)) AS net_matches_sql
FROM cols;

-- =====================================================================
-- 3. collections_agg(kind, amount): ledger rows, every txn_kind.
-- =====================================================================
-- charge                      1000.00, correction -50.00  -> charges 950.00 (2 rows)
-- payment                      600.00, reversal  -100.00  -> payments 500.00 (2 rows)
-- refund                        25.00                     -> refunds 25.00 (1 row)
-- contractual_adjustment       300.00                     -> contractual 300.00 (1 row)
-- administrative_adjustment     10.00  \
-- small_balance_writeoff         4.99   |
-- denial_writeoff               50.00   | other = 10.00 + 4.99 + 50.00 + 20.00 + 15.01
-- bad_debt                      20.00   |       = 100.00 (5 rows)
-- charity                       15.01  /
-- transfer -200.00 and +200.00: 2 rows counted, no money moves
-- rows = 2 + 2 + 1 + 1 + 5 + 2 = 13
-- gross = 500.00 / 950.00 = 0.526315789473684210526...
-- net   = (500.00 - 25.00) / (950.00 - 300.00) = 475.00 / 650.00 = 0.730769230769...
CREATE TEMP TABLE led (kind revcycle.txn_kind, amount numeric);
INSERT INTO led VALUES
    ('charge', 1000.00), ('charge', -50.00),
    ('payment', 600.00), ('payment', -100.00),
    ('refund', 25.00),
    ('contractual_adjustment', 300.00),
    ('administrative_adjustment', 10.00),
    ('small_balance_writeoff', 4.99),
    ('denial_writeoff', 50.00),
    ('bad_debt', 20.00),
    ('charity', 15.01),
    ('transfer', -200.00), ('transfer', 200.00);
SELECT revcycle.collections_agg(kind, amount) AS summary FROM led;
SELECT revcycle.gross_charges(s), revcycle.payments(s), revcycle.refunds(s),
       revcycle.contractual_adjustments(s), revcycle.other_adjustments(s),
       revcycle.row_count(s),
       revcycle.gross_collection_rate(s) AS gross,
       revcycle.net_collection_rate(s) AS net
FROM (SELECT revcycle.collections_agg(kind, amount) AS s FROM led) AS x;
-- Each kind alone (transfers: rows 2, every sum 0, both rates NULL).
SELECT kind, revcycle.collections_agg(kind, amount) AS summary
FROM led GROUP BY kind ORDER BY kind;
-- A NULL kind or a NULL amount adds a row and no money:
-- rows 3, charges 10.00 (1 row), everything else 0.
SELECT revcycle.collections_agg(kind, amount)
FROM (VALUES ('charge'::revcycle.txn_kind, 10.00),
             (NULL, 99.00),
             ('payment', NULL)) AS v(kind, amount);
-- Transfers only: charges 0 -> both rates NULL.
SELECT revcycle.gross_collection_rate(s), revcycle.net_collection_rate(s), revcycle.row_count(s)
FROM (SELECT revcycle.collections_agg(kind, amount) AS s FROM led WHERE kind = 'transfer') AS x;

-- =====================================================================
-- 4. Monthly rollups merged into a year equal the one-pass summary.
-- =====================================================================
-- Jan: charge 1000.00, payment 400.00, contractual 100.00
-- Feb: charge 500.00, payment 700.00, refund 10.00, charity 0.125
-- Mar: charge 250.50, payment 300.25, contractual 50.50, payment -0.25
-- Year: charges 1000.00 + 500.00 + 250.50 = 1750.50 (3 rows)
--       payments 400.00 + 700.00 + 300.25 - 0.25 = 1400.00 (4 rows)
--       refunds 10.00 (1), contractual 100.00 + 50.50 = 150.50 (2),
--       other 0.125 (1), rows 11
--       gross = 1400.00 / 1750.50 = 0.79977149...
--       net = (1400.00 - 10.00) / (1750.50 - 150.50) = 1390.00 / 1600.00 = 0.86875
CREATE TEMP TABLE year_ledger (posted date, kind revcycle.txn_kind, amount numeric);
INSERT INTO year_ledger VALUES
    ('2026-01-05', 'charge', 1000.00), ('2026-01-20', 'payment', 400.00),
    ('2026-01-21', 'contractual_adjustment', 100.00),
    ('2026-02-02', 'charge', 500.00), ('2026-02-10', 'payment', 700.00),
    ('2026-02-11', 'refund', 10.00), ('2026-02-12', 'charity', 0.125),
    ('2026-03-01', 'charge', 250.50), ('2026-03-15', 'payment', 300.25),
    ('2026-03-16', 'contractual_adjustment', 50.50), ('2026-03-17', 'payment', -0.25);
CREATE TEMP TABLE rollup (month date PRIMARY KEY, summary revcycle.collections);
INSERT INTO rollup
SELECT date_trunc('month', posted)::date, revcycle.collections_agg(kind, amount)
FROM year_ledger GROUP BY 1;
-- A month with no summary (NULL) is skipped by the merge.
INSERT INTO rollup VALUES ('2026-04-01', NULL);
SELECT month, revcycle.row_count(summary), revcycle.payments(summary) FROM rollup ORDER BY month;
SELECT revcycle.collections_merge(summary ORDER BY month) AS year FROM rollup;
SELECT revcycle.collections_merge(summary)::text
       = (SELECT revcycle.collections_agg(kind, amount)::text FROM year_ledger) AS merge_equals_one_pass
FROM rollup;
SELECT revcycle.gross_charges(y), revcycle.payments(y), revcycle.row_count(y),
       revcycle.gross_collection_rate(y) AS gross, revcycle.net_collection_rate(y) AS net
FROM (SELECT revcycle.collections_merge(summary) AS y FROM rollup) AS x;
-- Merging only NULLs, or nothing, gives NULL.
SELECT revcycle.collections_merge(summary) FROM rollup WHERE summary IS NULL;
SELECT revcycle.collections_merge(summary) FROM rollup WHERE false;

-- =====================================================================
-- 5. Amounts with 3 to 6 decimals and mixed scales, summed exactly.
-- =====================================================================
-- 0.001 + 0.0005 + 1.123456 + 2.5 - 0.000001 = 3.624955 (sum shows 6 decimals)
SELECT revcycle.gross_charges(revcycle.collections_agg(a, NULL, NULL, NULL, NULL)) AS exact,
       sum(a) AS plain,
       revcycle.gross_charges(revcycle.collections_agg(a, NULL, NULL, NULL, NULL))::text
         = sum(a)::text AS same_text
FROM (VALUES (0.001), (0.0005), (1.123456), (2.5), (-0.000001)) AS v(a);
-- Mixed scales: 1 + 1.5 + 0.25 + 100.125 = 102.875; with trailing zeros
-- 1.10 + 2.200 = 3.300 (display scale 3, as sum(numeric) shows it).
SELECT revcycle.payments(revcycle.collections_agg(NULL, a, NULL, NULL, NULL)) AS exact, sum(a) AS plain
FROM (VALUES (1), (1.5), (0.25), (100.125)) AS v(a);
SELECT revcycle.payments(revcycle.collections_agg(NULL, a, NULL, NULL, NULL)) AS exact, sum(a) AS plain
FROM (VALUES (1.10), (2.200)) AS v(a);
-- 0.1 added ten times: exactly 1.0 (no binary floating point).
SELECT revcycle.refunds(revcycle.collections_agg(NULL, NULL, 0.1, NULL, NULL)) AS exact
FROM generate_series(1, 10);
-- Rates over 4-decimal amounts: payments 1.005 + 2.0001 = 3.0051,
-- charges 3.3 + 0.7 = 4.0, gross = 3.0051 / 4.0 = 0.751275; same digits as sum/sum.
SELECT revcycle.gross_collection_rate(p, c) AS gross, sum(p) / sum(c) AS plain,
       revcycle.gross_collection_rate(p, c)::text = (sum(p) / sum(c))::text AS same_text
FROM (VALUES (1.005, 3.3), (2.0001, 0.7)) AS v(p, c);
-- 38 significant digits, the documented limit, are exact:
-- 0.12345678901234567890123456789012345678 * 2 = 0.24691357802469135780246913578024691356
SELECT revcycle.gross_charges(revcycle.collections_agg(a, NULL, NULL, NULL, NULL)) AS exact,
       sum(a) = revcycle.gross_charges(revcycle.collections_agg(a, NULL, NULL, NULL, NULL)) AS equal
FROM (VALUES (0.12345678901234567890123456789012345678),
             (0.12345678901234567890123456789012345678)) AS v(a);

-- =====================================================================
-- 6. NULL handling.
-- =====================================================================
-- NULL counts as zero: payments NULL + 50.00 + 25.00 = 75.00,
-- charges 100.00 + NULL + 100.00 = 200.00, contractual NULL + 20.00 + NULL = 20.00.
-- net = 75.00 / (200.00 - 20.00) = 75 / 180 = 0.41666...; gross = 75.00 / 200.00 = 0.375.
SELECT revcycle.net_collection_rate(p, c, ca) AS net,
       revcycle.net_collection_rate(p, c, ca)
         = coalesce(sum(p), 0) / (coalesce(sum(c), 0) - coalesce(sum(ca), 0)) AS net_matches_sql,
       revcycle.gross_collection_rate(p, c) AS gross
FROM (VALUES (NULL, 100.00, NULL), (50.00, NULL, 20.00), (25.00, 100.00, NULL)) AS v(p, c, ca);
-- All-NULL arguments: charges 0 -> both rates NULL; the summary has rows 3 and zero sums.
SELECT revcycle.gross_collection_rate(p, c) AS gross,
       revcycle.net_collection_rate(p, c, ca) AS net,
       revcycle.collections_agg(c, p, NULL, ca, NULL) AS summary
FROM (VALUES (NULL::numeric, NULL::numeric, NULL::numeric),
             (NULL, NULL, NULL), (NULL, NULL, NULL)) AS v(p, c, ca);
-- All-NULL payments with charges: 0 / 100.00 = 0 (the NULL payment is zero, not NULL).
SELECT revcycle.gross_collection_rate(NULL, 100.00) AS gross,
       revcycle.net_collection_rate(NULL, 100.00, NULL) AS net;
-- No rows: every aggregate gives NULL.
SELECT revcycle.gross_collection_rate(p, c) AS gross,
       revcycle.net_collection_rate(p, c, c) AS net,
       revcycle.collections_agg(c, p, p, p, p) AS cols,
       revcycle.collections_agg(NULL::revcycle.txn_kind, p) AS ledger
FROM (VALUES (1.00, 2.00)) AS v(p, c) WHERE false;
-- Zero denominators: charges 100.00 - 100.00 = 0 -> gross NULL;
-- charges 100.00 and contractual 100.00 -> net 50.00 / (100.00 - 100.00) -> NULL,
-- while gross = 50.00 / 100.00 = 0.5.
SELECT revcycle.gross_collection_rate(p, c) AS gross
FROM (VALUES (10.00, 100.00), (0.00, -100.00)) AS v(p, c);
SELECT revcycle.gross_collection_rate(50.00, 100.00) AS gross,
       revcycle.net_collection_rate(50.00, 100.00, 100.00) AS net;
-- Accessors are STRICT: a NULL summary gives NULL.
SELECT revcycle.payments(NULL::revcycle.collections) AS payments,
       revcycle.row_count(NULL::revcycle.collections) AS row_count;

-- =====================================================================
-- 7. GROUP BY with several groups.
-- =====================================================================
-- a: payments 90.00 + 60.00 = 150.00, charges 100.00 + 100.00 = 200.00,
--    contractual 0 + 20.00 = 20.00 -> gross 0.75, net 150 / 180 = 0.8333...
-- b: payments 95.00, charges 150.00, contractual 50.00 -> gross 0.6333..., net 0.95
-- c: payments 10.00, charges 10.00, contractual 10.00 -> gross 1, net NULL (0 denominator)
-- d: payments NULL, charges NULL -> both NULL
-- e: payment 120.00 on charges 100.00 (overpayment) -> gross 1.2, net 1.2
CREATE TEMP TABLE grp (g text, p numeric, c numeric, ca numeric);
INSERT INTO grp VALUES
    ('a', 90.00, 100.00, 0.00), ('a', 60.00, 100.00, 20.00),
    ('b', 95.00, 150.00, 50.00),
    ('c', 10.00, 10.00, 10.00),
    ('d', NULL, NULL, NULL),
    ('e', 120.00, 100.00, NULL);
SELECT g, revcycle.gross_collection_rate(p, c) AS gross,
       revcycle.net_collection_rate(p, c, ca) AS net,
       revcycle.row_count(revcycle.collections_agg(c, p, NULL, ca, NULL)) AS rows
FROM grp GROUP BY g ORDER BY g;
-- Every group matches the plain formula (NULL where the denominator is 0).
SELECT g, revcycle.net_collection_rate(p, c, ca)
          IS NOT DISTINCT FROM
          coalesce(sum(p), 0) / nullif(coalesce(sum(c), 0) - coalesce(sum(ca), 0), 0) AS net_ok,
          revcycle.gross_collection_rate(p, c)
          IS NOT DISTINCT FROM coalesce(sum(p), 0) / nullif(coalesce(sum(c), 0), 0) AS gross_ok
FROM grp GROUP BY g ORDER BY g;

-- =====================================================================
-- 8. Text form: round trip, hand-written input, jsonb.
-- =====================================================================
-- The text form reads back to the same value (compare the text forms).
SELECT s::text::revcycle.collections::text = s::text AS round_trip
FROM (SELECT revcycle.collections_agg(kind, amount) AS s FROM led) AS x;
-- Hand-written input, spaces allowed between tokens:
-- charges 200.00, payments 150.00, refunds 0, contractual 50.00, other 1.5
-- gross = 150.00 / 200.00 = 0.75; net = 150.00 / (200.00 - 50.00) = 1
SELECT revcycle.gross_collection_rate(s) AS gross, revcycle.net_collection_rate(s) AS net,
       revcycle.other_adjustments(s), revcycle.row_count(s), s
FROM (SELECT '{ "v": 1, "rows": 4, "charges": 200.00, "charge_rows": 2,
               "payments": 150.00, "payment_rows": 1, "refunds": 0, "refund_rows": 0,
               "contractual": 50.00, "contractual_rows": 1,
               "other_adjustments": 1.5, "other_adjustment_rows": 1 }'::revcycle.collections AS s) AS x;
-- Negative sums read back (a month of corrections): payments -12.34.
SELECT revcycle.payments('{"v":1,"rows":1,"charges":0,"charge_rows":0,"payments":-12.34,"payment_rows":1,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}'::revcycle.collections);
-- The text form is JSON: cast to jsonb and read the fields.
SELECT j->>'v' AS v, j->>'rows' AS rows, j->>'charges' AS charges,
       j->>'payments' AS payments, (j->>'other_adjustments')::numeric AS other,
       jsonb_typeof(j->'payments') AS payments_type
FROM (SELECT revcycle.collections_agg(kind, amount)::text::jsonb AS j FROM led) AS x;
-- A sum at the edge of the range and a display scale above 38 must read
-- back too (a rollup table holding them has to survive pg_dump/restore):
-- 10000000000000000000000000000000000000.00 (1e37 with 2 decimals) and
-- 1.0000000000000000000000000000000000000000 (1 with 40 decimal zeros).
SELECT s::text::revcycle.collections::text = s::text AS round_trip_large
FROM (SELECT revcycle.collections_agg(10000000000000000000000000000000000000.00,
                                      NULL, NULL, NULL, NULL) AS s) AS x;
SELECT s::text::revcycle.collections::text = s::text AS round_trip_dscale_40
FROM (SELECT revcycle.collections_agg(1.0000000000000000000000000000000000000000,
                                      NULL, NULL, NULL, NULL) AS s) AS x;

-- =====================================================================
-- 9. The views on a tiny hand-built data model.
-- =====================================================================
BEGIN;
INSERT INTO revcycle.payer (payer_id, name, payer_class, payer_identifier) VALUES
    (9001, 'Medicare A (test)', 'medicare', 'T-MCA'),
    (9002, 'Medicare B (test)', 'medicare', 'T-MCB'),
    (9003, 'Acme Health (test)', 'commercial', 'T-ACME'),
    (9004, 'Self Pay (test)', 'self_pay', NULL);
INSERT INTO revcycle.department VALUES ('T7011', 'CT (test)', 'Main (test)');
INSERT INTO revcycle.patient (patient_id, mrn) VALUES (9001, 'T-MRN-1'), (9002, 'T-MRN-2');
INSERT INTO revcycle.account (account_id, account_number, patient_id, facility, dept_code,
                              patient_type, service_from, service_to, primary_payer_id)
VALUES (9001, 'T-ACC-1', 9001, 'Main (test)', 'T7011', 'outpatient', '2026-01-03', '2026-01-03', 9001),
       (9002, 'T-ACC-2', 9002, 'Main (test)', 'T7011', 'inpatient', '2026-01-04', '2026-01-08', 9003);
INSERT INTO revcycle.ledger (txn_id, account_id, payer_id, kind, amount, posted_date, reverses_txn_id) VALUES
    -- January 2026
    (90001, 9001, 9001, 'charge', 1000.00, '2026-01-03', NULL),
    (90002, 9001, 9001, 'payment', 760.00, '2026-01-25', NULL),
    (90003, 9001, 9001, 'contractual_adjustment', 200.00, '2026-01-25', NULL),
    (90004, 9001, 9002, 'charge', 500.00, '2026-01-03', NULL),
    (90005, 9001, 9002, 'payment', 300.00, '2026-01-26', NULL),
    (90006, 9001, 9002, 'contractual_adjustment', 100.00, '2026-01-26', NULL),
    (90007, 9001, 9002, 'refund', 20.00, '2026-01-30', NULL),
    (90008, 9002, 9003, 'charge', 2000.00, '2026-01-08', NULL),
    (90009, 9002, 9003, 'payment', 1800.00, '2026-01-28', NULL),
    (90010, 9002, 9003, 'contractual_adjustment', 100.00, '2026-01-28', NULL),
    (90011, 9002, 9003, 'denial_writeoff', 50.00, '2026-01-28', NULL),
    (90012, 9002, 9003, 'payment', -100.00, '2026-01-31', 90009),
    (90013, 9002, 9003, 'transfer', -150.00, '2026-01-31', NULL),
    (90014, 9002, 9004, 'transfer', 150.00, '2026-01-31', NULL),
    -- February 2026
    (90015, 9001, 9001, 'payment', 40.00, '2026-02-02', NULL),
    (90016, 9002, 9003, 'charge', 300.00, '2026-02-03', NULL),
    (90017, 9002, 9003, 'payment', 285.00, '2026-02-20', NULL),
    (90018, 9002, 9004, 'payment', 150.00, '2026-02-27', NULL),
    (90019, 9002, 9004, 'small_balance_writeoff', 4.99, '2026-02-28', NULL);
-- By payer = the account's primary payer (financial class): every row of
-- account 9001 counts for Medicare A (9001), every row of account 9002 for
-- Acme (9003), whichever payer the ledger row names.
-- 2026-01 Medicare A (account 9001): charges 1000.00 + 500.00 = 1500.00,
--   payments 760.00 + 300.00 = 1060.00, refunds 20.00, contractual
--   200.00 + 100.00 = 300.00; gross 1060/1500 = 0.70666..., net
--   (1060-20)/(1500-300) = 1040/1200 = 0.86666...; below_aafp_benchmark
--   NULL: since 0.3.0 a cash-basis month is never flagged (issue 15)
-- 2026-01 Acme (account 9002): charges 2000.00, payments 1800.00 - 100.00
--   = 1700.00, contractual 100.00, other 50.00, transfers move nothing;
--   gross 1700/2000 = 0.85, net 1700/1900 = 0.894736842105... -> NULL flag
-- 2026-02 Medicare A: payment 40.00, no charges -> rates NULL
-- 2026-02 Acme: charges 300.00, payments 285.00 + 150.00 (the patient's,
--   on the Acme account) = 435.00, other 4.99; gross = net = 435/300 = 1.45
--   -> NULL flag (a cash-basis month can exceed 100%)
-- Medicare B and Self Pay are primary on no account: no rows.
SELECT month, payer_name, payer_class, gross_charges, payments, refunds,
       contractual_adjustments, other_adjustments,
       gross_collection_rate, net_collection_rate, below_aafp_benchmark
FROM revcycle.collections_monthly_by_payer
WHERE payer_id BETWEEN 9001 AND 9004
ORDER BY month, payer_id;
-- By payer class of the primary payer: medicare = account 9001, commercial
-- = account 9002, so the same numbers as above: 2026-01 medicare 0.70666...
-- / 0.86666..., commercial 0.85 / 0.894736...; 2026-02 medicare NULL
-- rates, commercial 1.45 / 1.45; below_aafp_benchmark NULL on every row.
SELECT month, payer_class, gross_charges, payments, refunds,
       contractual_adjustments, other_adjustments,
       gross_collection_rate, net_collection_rate, below_aafp_benchmark
FROM revcycle.collections_monthly_by_payer_class
WHERE payer_class IN (SELECT payer_class::text FROM revcycle.payer WHERE payer_id BETWEEN 9001 AND 9004)
ORDER BY month, payer_class;
-- The view equals the plain formula on the same rows, rounded to the
-- view's 6 decimals (numeric(26,6)).
SELECT v.month, v.payer_name,
       v.net_collection_rate IS NOT DISTINCT FROM
       (SELECT round((coalesce(sum(amount) FILTER (WHERE kind = 'payment'), 0)
                      - coalesce(sum(amount) FILTER (WHERE kind = 'refund'), 0))
                     / nullif(coalesce(sum(amount) FILTER (WHERE kind = 'charge'), 0)
                      - coalesce(sum(amount) FILTER (WHERE kind = 'contractual_adjustment'), 0), 0), 6)
        FROM revcycle.ledger l
        JOIN revcycle.account a ON a.account_id = l.account_id
        WHERE a.primary_payer_id = v.payer_id
          AND date_trunc('month', l.posted_date)::date = v.month) AS net_matches_sql
FROM revcycle.collections_monthly_by_payer v
WHERE v.payer_id BETWEEN 9001 AND 9004
ORDER BY v.month, v.payer_id;
ROLLBACK;
