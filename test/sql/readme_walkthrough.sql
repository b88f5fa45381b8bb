-- The README's walk-through, run as written on the sample hospital
-- (3000 accounts, the demo's size).  Every output shown in the README
-- comes from this file's expected output.
SET datestyle = 'ISO, MDY';
BEGIN;
\set accounts 3000
\set quiet 1
\ir sample/generate.sql

-- 1. Collection rates for services and postings of calendar 2025, by the
--    class of the account's primary payer, as percentages.
SELECT p.payer_class::text AS payer_class,
       round(100 * revcycle.gross_collection_rate(revcycle.collections_agg(l.kind, l.amount)), 1) AS gross_pct,
       round(100 * revcycle.net_collection_rate(revcycle.collections_agg(l.kind, l.amount)), 1) AS net_pct
FROM revcycle.ledger AS l
JOIN revcycle.account AS a USING (account_id)
JOIN revcycle.payer AS p ON p.payer_id = a.primary_payer_id
GROUP BY p.payer_class
ORDER BY p.payer_class;

-- 2. Monthly rollups stored in a table, merged into a year later.
CREATE TEMP TABLE monthly_rollup AS
SELECT date_trunc('month', posted_date)::date AS month,
       revcycle.collections_agg(kind, amount) AS summary
FROM revcycle.ledger
GROUP BY 1;
SELECT revcycle.payments(revcycle.collections_merge(summary)) AS payments_2025,
       round(revcycle.net_collection_rate(revcycle.collections_merge(summary)), 4) AS net_rate_2025
FROM monthly_rollup
WHERE month BETWEEN '2025-01-01' AND '2025-12-01';

-- 3. A/R aging as of 2025-12-31, anchored on the date of service (AAFP).
SELECT bucket, items, amount, round(share, 3) AS share, credit_items, credit_amount
FROM revcycle.aging_buckets(
    (SELECT revcycle.ar_aging(balance, anchor_date, '2025-12-31')
     FROM revcycle.ar_balances('2025-12-31')));

-- 4. Days in A/R as of 2025-12-31: practice/gross basis (AAFP, 90-day
--    look-back) and hospital/net basis (HFMA MAP Key).
SELECT round(revcycle.days_in_ar(kind, amount, posted_date, '2025-12-31'), 1) AS days_in_ar_gross,
       round(revcycle.net_days_in_ar(kind, amount, posted_date, '2025-12-31'), 1) AS days_in_ar_net
FROM revcycle.ledger;

-- 5. Denial root causes for 2025 (a Pareto table).
SELECT category, adjustments, amount, round(share, 3) AS share,
       round(cumulative_share, 3) AS cumulative_share, top_codes
FROM revcycle.denial_root_causes(
    (SELECT revcycle.denial_summary(group_code, carc, amount)
     FROM revcycle.denial
     WHERE denial_date BETWEEN '2025-01-01' AND '2025-12-31'));
ROLLBACK;

-- 6. Reading an 835 remittance file.
\set doc `cat test/fixtures/835/02_partial_zero_denied.edi`
SELECT payer_name, patient_control_number, status_code, charge_amount, paid_amount, patient_responsibility
FROM revcycle.parse_835(:'doc');
SELECT level, line_number, group_code, reason_code, amount
FROM revcycle.parse_835_adjustments(:'doc')
ORDER BY 1, 2, 3, 4;
SELECT count(*) AS balancing_violations FROM revcycle.check_835(:'doc');
