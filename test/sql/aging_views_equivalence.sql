--
-- aging_views_equivalence: the month-end views (rewritten in 0.2.0 to
-- aggregate the ledger once per account, payer and month and carry balances
-- forward with running sums) return exactly the rows of their original
-- months x ledger formulations, kept here as temp views, on the sample
-- hospital (3000 accounts).  Expected: every count 0 and the row counts equal.
--
\pset null NULL
SET search_path = public;
BEGIN;
\set accounts 3000
\set quiet 1
\ir sample/generate.sql

-- The original formulations (0.2.0 before the rewrite), verbatim but for the
-- schema and the old_ names.
CREATE TEMP VIEW old_month_end_balances AS
WITH months AS (
    SELECT (m + interval '1 month' - interval '1 day')::date AS month_end
      FROM (SELECT pg_catalog.min(posted_date) AS lo, pg_catalog.max(posted_date) AS hi
              FROM revcycle.ledger) r,
           pg_catalog.generate_series(pg_catalog.date_trunc('month', r.lo::timestamp),
                                      pg_catalog.date_trunc('month', r.hi::timestamp),
                                      interval '1 month') m
)
SELECT m.month_end, l.account_id, l.payer_id,
       pg_catalog.sum(revcycle.ar_sign(l.kind) * l.amount) AS balance,
       a.service_from AS service_date,
       pg_catalog.max(l.posted_date) AS last_activity_date
  FROM months m
  JOIN revcycle.ledger l ON l.posted_date <= m.month_end
  JOIN revcycle.account a ON a.account_id = l.account_id
 GROUP BY m.month_end, l.account_id, l.payer_id, a.service_from;

CREATE TEMP VIEW old_aged_trial_balance AS
WITH aged AS (
    SELECT b.month_end, b.payer_id,
           revcycle.ar_aging(b.balance, b.service_date, b.month_end) AS aging
      FROM old_month_end_balances b
     GROUP BY b.month_end, b.payer_id
), activity AS (
    SELECT (pg_catalog.date_trunc('month', l.posted_date::timestamp) + interval '1 month' - interval '1 day')::date AS month_end,
           l.payer_id,
           pg_catalog.sum(l.amount) FILTER (WHERE l.kind = 'charge') AS charges,
           pg_catalog.sum(l.amount) FILTER (WHERE l.kind = 'payment') AS payments,
           pg_catalog.sum(l.amount) FILTER (WHERE l.kind = 'refund') AS refunds,
           pg_catalog.sum(l.amount) FILTER (WHERE l.kind NOT IN ('charge', 'payment', 'refund', 'transfer')) AS adjustments,
           pg_catalog.sum(l.amount) FILTER (WHERE l.kind = 'transfer') AS transfers
      FROM revcycle.ledger l
     GROUP BY 1, 2
), beginning AS (
    SELECT g.month_end, g.payer_id,
           (SELECT pg_catalog.sum(revcycle.ar_sign(l.kind) * l.amount)
              FROM revcycle.ledger l
             WHERE l.payer_id = g.payer_id
               AND l.posted_date < pg_catalog.date_trunc('month', g.month_end::timestamp)::date) AS beginning_ar
      FROM aged g
)
SELECT g.month_end, g.payer_id, p.name AS payer_name, p.payer_class::text AS payer_class,
       COALESCE(bg.beginning_ar, 0) AS beginning_ar,
       COALESCE(ac.charges, 0) AS charges,
       COALESCE(ac.payments, 0) AS payments,
       COALESCE(ac.refunds, 0) AS refunds,
       COALESCE(ac.adjustments, 0) AS adjustments,
       COALESCE(ac.transfers, 0) AS transfers,
       revcycle.ar_net_total(g.aging) AS ending_ar,
       bk.ar_0_30, bk.ar_31_60, bk.ar_61_90, bk.ar_91_120, bk.ar_over_120,
       -revcycle.ar_credit_total(g.aging) AS credit_balance_amount,
       revcycle.ar_credit_items(g.aging) AS credit_balance_count,
       COALESCE(bg.beginning_ar, 0) + COALESCE(ac.charges, 0) - COALESCE(ac.payments, 0)
         + COALESCE(ac.refunds, 0) - COALESCE(ac.adjustments, 0) + COALESCE(ac.transfers, 0)
         - revcycle.ar_net_total(g.aging) AS reconciliation
  FROM aged g
  JOIN revcycle.payer p ON p.payer_id = g.payer_id
  LEFT JOIN activity ac ON ac.month_end = g.month_end AND ac.payer_id = g.payer_id
  LEFT JOIN beginning bg ON bg.month_end = g.month_end AND bg.payer_id = g.payer_id
  CROSS JOIN LATERAL (
      SELECT pg_catalog.sum(x.amount + x.credit_amount) FILTER (WHERE x.min_days = 0) AS ar_0_30,
             pg_catalog.sum(x.amount + x.credit_amount) FILTER (WHERE x.min_days = 31) AS ar_31_60,
             pg_catalog.sum(x.amount + x.credit_amount) FILTER (WHERE x.min_days = 61) AS ar_61_90,
             pg_catalog.sum(x.amount + x.credit_amount) FILTER (WHERE x.min_days = 91) AS ar_91_120,
             pg_catalog.sum(x.amount + x.credit_amount) FILTER (WHERE x.min_days = 121) AS ar_over_120
        FROM revcycle.aging_buckets(g.aging) x) bk;

CREATE TEMP VIEW old_aged_ar_percent AS
WITH aged AS (
    SELECT b.month_end, p.payer_class::text AS payer_class,
           revcycle.ar_aging(b.balance, b.service_date, b.month_end) AS aging
      FROM old_month_end_balances b
      JOIN revcycle.payer p ON p.payer_id = b.payer_id
     GROUP BY b.month_end, p.payer_class
), rolled AS (
    SELECT g.month_end, COALESCE(g.payer_class, 'all') AS payer_group,
           revcycle.ar_aging_merge(g.aging) AS aging
      FROM aged g
     GROUP BY GROUPING SETS ((g.month_end, g.payer_class), (g.month_end))
)
SELECT r.month_end, r.payer_group,
       revcycle.ar_debit_total(r.aging) AS billed_ar,
       (SELECT pg_catalog.sum(x.amount) FROM revcycle.aging_buckets(r.aging) x WHERE x.min_days > 90) AS ar_over_90,
       (SELECT pg_catalog.sum(x.amount) FROM revcycle.aging_buckets(r.aging) x WHERE x.min_days > 120) AS ar_over_120,
       revcycle.ar_over(r.aging, 90) AS share_over_90,
       revcycle.ar_over(r.aging, 120) AS share_over_120
  FROM rolled r;

CREATE TEMP VIEW old_days_in_ar_trend AS
WITH months AS (
    SELECT DISTINCT b.month_end FROM old_month_end_balances b
), summ AS (
    SELECT m.month_end, l.payer_id,
           revcycle.ar_days_agg(l.kind, l.amount, l.posted_date, m.month_end) AS s
      FROM months m
      JOIN revcycle.ledger l ON l.posted_date <= m.month_end
     GROUP BY GROUPING SETS ((m.month_end, l.payer_id), (m.month_end))
)
SELECT s.month_end, s.payer_id,
       COALESCE(p.name, 'All payers') AS payer_name,
       COALESCE(p.payer_class::text, 'all') AS payer_class,
       revcycle.net_ar(s.s) AS net_ar,
       revcycle.lookback_charges(s.s) AS gross_charges_90d,
       revcycle.days_in_ar(s.s) AS days_in_ar,
       revcycle.net_patient_service_revenue(s.s) AS net_patient_service_revenue_3m,
       revcycle.net_days_in_ar(s.s) AS net_days_in_ar
  FROM summ s
  LEFT JOIN revcycle.payer p ON p.payer_id = s.payer_id;

-- 0.3.0 declares the views' numeric types, rounded once in the view's final
-- select (README.md, "Connecting BI tools"): the original formulations with
-- the same final rounding and casts.
CREATE TEMP VIEW old_typed_month_end_balances AS
SELECT month_end, account_id, payer_id, round(balance, 2)::numeric(18,2) AS balance,
       service_date, last_activity_date
  FROM old_month_end_balances;

CREATE TEMP VIEW old_typed_aged_trial_balance AS
SELECT month_end, payer_id, payer_name, payer_class,
       round(beginning_ar, 2)::numeric(18,2) AS beginning_ar,
       round(charges, 2)::numeric(18,2) AS charges,
       round(payments, 2)::numeric(18,2) AS payments,
       round(refunds, 2)::numeric(18,2) AS refunds,
       round(adjustments, 2)::numeric(18,2) AS adjustments,
       round(transfers, 2)::numeric(18,2) AS transfers,
       round(ending_ar, 2)::numeric(18,2) AS ending_ar,
       round(ar_0_30, 2)::numeric(18,2) AS ar_0_30,
       round(ar_31_60, 2)::numeric(18,2) AS ar_31_60,
       round(ar_61_90, 2)::numeric(18,2) AS ar_61_90,
       round(ar_91_120, 2)::numeric(18,2) AS ar_91_120,
       round(ar_over_120, 2)::numeric(18,2) AS ar_over_120,
       round(credit_balance_amount, 2)::numeric(18,2) AS credit_balance_amount,
       credit_balance_count,
       round(reconciliation, 2)::numeric(18,2) AS reconciliation
  FROM old_aged_trial_balance;

CREATE TEMP VIEW old_typed_aged_ar_percent AS
SELECT month_end, payer_group,
       round(billed_ar, 2)::numeric(18,2) AS billed_ar,
       round(ar_over_90, 2)::numeric(18,2) AS ar_over_90,
       round(ar_over_120, 2)::numeric(18,2) AS ar_over_120,
       round(share_over_90, 6)::numeric(26,6) AS share_over_90,
       round(share_over_120, 6)::numeric(26,6) AS share_over_120
  FROM old_aged_ar_percent;

CREATE TEMP VIEW old_typed_days_in_ar_trend AS
SELECT month_end, payer_id, payer_name, payer_class,
       round(net_ar, 2)::numeric(18,2) AS net_ar,
       round(gross_charges_90d, 2)::numeric(18,2) AS gross_charges_90d,
       round(days_in_ar, 1)::numeric(21,1) AS days_in_ar,
       round(net_patient_service_revenue_3m, 2)::numeric(18,2) AS net_patient_service_revenue_3m,
       round(net_days_in_ar, 1)::numeric(21,1) AS net_days_in_ar
  FROM old_days_in_ar_trend;

-- The ledger spans enough month-ends for the look-back windows to matter.
SELECT count(DISTINCT month_end) > 6 AS many_month_ends FROM old_month_end_balances;

SELECT 'month_end_balances' AS view,
       (SELECT count(*) FROM (SELECT * FROM revcycle.month_end_balances EXCEPT ALL SELECT * FROM old_typed_month_end_balances) x) AS new_except_old,
       (SELECT count(*) FROM (SELECT * FROM old_typed_month_end_balances EXCEPT ALL SELECT * FROM revcycle.month_end_balances) x) AS old_except_new,
       (SELECT count(*) FROM revcycle.month_end_balances) = (SELECT count(*) FROM old_typed_month_end_balances) AS same_row_count,
       (SELECT count(*) FROM (SELECT n::text FROM revcycle.month_end_balances n EXCEPT ALL SELECT o::text FROM old_typed_month_end_balances o) x) AS text_differs;

-- 0.3.0 (issue 15) adds pre_service_ar (balances of services after the
-- month-end, part of ending_ar); the sample has none, so every other
-- column equals the original formulation's, and pre_service_ar is 0.
CREATE TEMP VIEW new_aged_trial_balance_cols AS
SELECT month_end, payer_id, payer_name, payer_class, beginning_ar, charges, payments, refunds,
       adjustments, transfers, ending_ar, ar_0_30, ar_31_60, ar_61_90, ar_91_120, ar_over_120,
       credit_balance_amount, credit_balance_count, reconciliation
  FROM revcycle.aged_trial_balance;
SELECT count(*) AS pre_service_rows FROM revcycle.aged_trial_balance WHERE pre_service_ar <> 0;
SELECT 'aged_trial_balance' AS view,
       (SELECT count(*) FROM (SELECT * FROM new_aged_trial_balance_cols EXCEPT ALL SELECT * FROM old_typed_aged_trial_balance) x) AS new_except_old,
       (SELECT count(*) FROM (SELECT * FROM old_typed_aged_trial_balance EXCEPT ALL SELECT * FROM new_aged_trial_balance_cols) x) AS old_except_new,
       (SELECT count(*) FROM revcycle.aged_trial_balance) = (SELECT count(*) FROM old_typed_aged_trial_balance) AS same_row_count,
       (SELECT count(*) FROM (SELECT n::text FROM new_aged_trial_balance_cols n EXCEPT ALL SELECT o::text FROM old_typed_aged_trial_balance o) x) AS text_differs;

-- 0.3.0 (issue 15) splits aged_ar_percent into billed (HFMA AR-1) and
-- total (AR-3) A/R; its total columns are what the original formulation
-- computed (all debit balances): compare those.
CREATE TEMP VIEW new_aged_ar_percent_total AS
SELECT month_end, payer_group, total_ar AS billed_ar, ar_over_90_total AS ar_over_90,
       ar_over_120_total AS ar_over_120, share_over_90_total AS share_over_90,
       share_over_120_total AS share_over_120
  FROM revcycle.aged_ar_percent;
SELECT 'aged_ar_percent' AS view,
       (SELECT count(*) FROM (SELECT * FROM new_aged_ar_percent_total EXCEPT ALL SELECT * FROM old_typed_aged_ar_percent) x) AS new_except_old,
       (SELECT count(*) FROM (SELECT * FROM old_typed_aged_ar_percent EXCEPT ALL SELECT * FROM new_aged_ar_percent_total) x) AS old_except_new,
       (SELECT count(*) FROM revcycle.aged_ar_percent) = (SELECT count(*) FROM old_typed_aged_ar_percent) AS same_row_count,
       (SELECT count(*) FROM (SELECT n::text FROM new_aged_ar_percent_total n EXCEPT ALL SELECT o::text FROM old_typed_aged_ar_percent o) x) AS text_differs;

-- 0.3.0 (issue 15) gives a payer's row the charges that became its
-- responsibility (transfers in) and leaves days NULL where undefined: the
-- all-payers rows are compared whole (days where the original's were not
-- negative: 0.3.0 never shows negative days), the payer rows on net A/R.
CREATE TEMP VIEW new_days_in_ar_trend_cmp AS
SELECT month_end, payer_id, payer_name, payer_class, net_ar,
       CASE WHEN payer_id IS NULL THEN gross_charges_90d END AS gross_charges_90d,
       CASE WHEN payer_id IS NULL AND days_in_ar >= 0 THEN days_in_ar END AS days_in_ar,
       CASE WHEN payer_id IS NULL THEN net_patient_service_revenue_3m END AS net_patient_service_revenue_3m,
       CASE WHEN payer_id IS NULL AND net_days_in_ar >= 0 THEN net_days_in_ar END AS net_days_in_ar
  FROM revcycle.days_in_ar_trend;
CREATE TEMP VIEW old_days_in_ar_trend_cmp AS
SELECT month_end, payer_id, payer_name, payer_class, net_ar,
       CASE WHEN payer_id IS NULL THEN gross_charges_90d END AS gross_charges_90d,
       CASE WHEN payer_id IS NULL AND days_in_ar >= 0 THEN days_in_ar END AS days_in_ar,
       CASE WHEN payer_id IS NULL THEN net_patient_service_revenue_3m END AS net_patient_service_revenue_3m,
       CASE WHEN payer_id IS NULL AND net_days_in_ar >= 0 THEN net_days_in_ar END AS net_days_in_ar
  FROM old_typed_days_in_ar_trend;
SELECT 'days_in_ar_trend' AS view,
       (SELECT count(*) FROM (SELECT * FROM new_days_in_ar_trend_cmp EXCEPT ALL SELECT * FROM old_days_in_ar_trend_cmp) x) AS new_except_old,
       (SELECT count(*) FROM (SELECT * FROM old_days_in_ar_trend_cmp EXCEPT ALL SELECT * FROM new_days_in_ar_trend_cmp) x) AS old_except_new,
       (SELECT count(*) FROM revcycle.days_in_ar_trend) = (SELECT count(*) FROM old_typed_days_in_ar_trend) AS same_row_count,
       (SELECT count(*) FROM (SELECT n::text FROM new_days_in_ar_trend_cmp n EXCEPT ALL SELECT o::text FROM old_days_in_ar_trend_cmp o) x) AS text_differs;

-- The sample exercises what the rewrite must carry: month-ends without
-- activity, zero balances and credit balances.
SELECT count(*) FILTER (WHERE last_activity_date < date_trunc('month', month_end)) > 0 AS has_carried_forward,
       count(*) FILTER (WHERE balance = 0) > 0 AS has_zero_balances,
       count(*) FILTER (WHERE balance < 0) > 0 AS has_credit_balances
  FROM old_month_end_balances;
ROLLBACK;
