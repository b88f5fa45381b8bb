-- ===================================================================
-- sample/dashboard.sql: the revcycle KPI dashboard for the loaded data.
--   psql -X -f sample/dashboard.sql
-- Rates are fractions in revcycle; shown here as percentages (1 decimal).
-- Uses the views revcycle.collections_monthly_by_payer(_class) when they
-- exist, else the collections aggregates directly.  Sections built by other
-- modules (A/R aging, days in A/R, denials) appear only when installed.
-- ===================================================================
\set QUIET on
\pset footer off
\pset null '-'

SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute AS a
               WHERE a.attrelid = to_regclass('revcycle.collections_monthly_by_payer_class')
                 AND a.attname = 'summary' AND NOT a.attisdropped) AS rc_has_class_view,
       to_regproc('revcycle.ar_aging') IS NOT NULL AS rc_has_aging,
       min(posted_date) AS rc_first, max(posted_date) AS rc_last, count(*) > 0 AS rc_has_rows
FROM revcycle.ledger
\gset

\echo '=================================================================='
\echo ' revcycle KPI dashboard'
\echo ' ledger postings' :rc_first 'to' :rc_last
\echo '=================================================================='
\if :rc_has_rows
\else
\echo 'revcycle.ledger is empty: load data first (e.g. psql -f sample/generate.sql).'
\quit
\endif

\echo
\echo '(a) Year totals: fiscal year 2025 postings, and all postings (service year 2025 with its run-out)'
SELECT p.period AS "period",
       to_char(revcycle.gross_charges(p.s), 'FM999,999,999,990.00') AS "gross charges",
       to_char(revcycle.payments(p.s), 'FM999,999,999,990.00') AS "payments",
       to_char(revcycle.refunds(p.s), 'FM999,999,999,990.00') AS "refunds",
       to_char(revcycle.contractual_adjustments(p.s), 'FM999,999,999,990.00') AS "contractual adj.",
       to_char(revcycle.other_adjustments(p.s), 'FM999,999,999,990.00') AS "other adj.",
       round(100 * revcycle.gross_collection_rate(p.s), 1) || '%' AS "gross coll. rate",
       round(100 * revcycle.net_collection_rate(p.s), 1) || '%' AS "net coll. rate"
FROM (SELECT 1 AS ord, 'FY 2025 (posted 2025-01-01..2025-12-31)' AS period,
             revcycle.collections_agg(l.kind, l.amount)
                 FILTER (WHERE l.posted_date BETWEEN DATE '2025-01-01' AND DATE '2025-12-31') AS s
      FROM revcycle.ledger AS l
      UNION ALL
      SELECT 2, 'all postings', revcycle.collections_agg(l.kind, l.amount)
      FROM revcycle.ledger AS l) AS p
WHERE p.s IS NOT NULL
ORDER BY p.ord;
\echo 'The sample holds one service year: FY 2025 lacks the run-out of 2024 services, so its'
\echo 'cash-basis rates are low; "all postings" follows the 2025 services to the data cut-off.'

\echo
\echo '(b) Net collection rate by payer class, all postings (AAFP benchmark: not below 95%)'
\if :rc_has_class_view
SELECT v.payer_class AS "payer class",
       to_char(revcycle.gross_charges(v.s), 'FM999,999,999,990.00') AS "gross charges",
       to_char(revcycle.payments(v.s), 'FM999,999,999,990.00') AS "payments",
       to_char(revcycle.contractual_adjustments(v.s), 'FM999,999,999,990.00') AS "contractual adj.",
       round(100 * revcycle.gross_collection_rate(v.s), 1) || '%' AS "gross coll. rate",
       round(100 * revcycle.net_collection_rate(v.s), 1) || '%' AS "net coll. rate",
       CASE WHEN revcycle.net_collection_rate(v.s) < 0.95 THEN 'below 95%' ELSE '' END AS "AAFP flag"
FROM (SELECT c.payer_class, revcycle.collections_merge(c.summary) AS s
      FROM revcycle.collections_monthly_by_payer_class AS c
      GROUP BY c.payer_class) AS v
ORDER BY v.payer_class;
\else
SELECT v.payer_class AS "payer class",
       to_char(revcycle.gross_charges(v.s), 'FM999,999,999,990.00') AS "gross charges",
       to_char(revcycle.payments(v.s), 'FM999,999,999,990.00') AS "payments",
       to_char(revcycle.contractual_adjustments(v.s), 'FM999,999,999,990.00') AS "contractual adj.",
       round(100 * revcycle.gross_collection_rate(v.s), 1) || '%' AS "gross coll. rate",
       round(100 * revcycle.net_collection_rate(v.s), 1) || '%' AS "net coll. rate",
       CASE WHEN revcycle.net_collection_rate(v.s) < 0.95 THEN 'below 95%' ELSE '' END AS "AAFP flag"
FROM (SELECT p.payer_class::text AS payer_class, revcycle.collections_agg(l.kind, l.amount) AS s
      FROM revcycle.ledger AS l JOIN revcycle.payer AS p ON p.payer_id = l.payer_id
      GROUP BY p.payer_class) AS v
ORDER BY v.payer_class;
\endif
\echo 'Rates are per responsible payer on the ledger: balances transferred to a secondary payer or to'
\echo 'the patient stay in the transferring payer''s denominator, and self-pay collects balances'
\echo 'transferred in that are not among its own charges.'

\echo
\echo '(c) Monthly trend, by posting month'
\if :rc_has_class_view
SELECT to_char(m.month, 'YYYY-MM') AS "month",
       to_char(revcycle.gross_charges(m.s), 'FM999,999,999,990.00') AS "gross charges",
       to_char(revcycle.payments(m.s), 'FM999,999,999,990.00') AS "payments",
       to_char(revcycle.refunds(m.s), 'FM999,999,999,990.00') AS "refunds",
       to_char(revcycle.contractual_adjustments(m.s), 'FM999,999,999,990.00') AS "contractual adj.",
       to_char(revcycle.other_adjustments(m.s), 'FM999,999,999,990.00') AS "other adj.",
       round(100 * revcycle.gross_collection_rate(m.s), 1) || '%' AS "gross coll. rate",
       round(100 * revcycle.net_collection_rate(m.s), 1) || '%' AS "net coll. rate"
FROM (SELECT c.month, revcycle.collections_merge(c.summary) AS s
      FROM revcycle.collections_monthly_by_payer_class AS c
      GROUP BY c.month) AS m
ORDER BY m.month;
\else
SELECT to_char(m.month, 'YYYY-MM') AS "month",
       to_char(revcycle.gross_charges(m.s), 'FM999,999,999,990.00') AS "gross charges",
       to_char(revcycle.payments(m.s), 'FM999,999,999,990.00') AS "payments",
       to_char(revcycle.refunds(m.s), 'FM999,999,999,990.00') AS "refunds",
       to_char(revcycle.contractual_adjustments(m.s), 'FM999,999,999,990.00') AS "contractual adj.",
       to_char(revcycle.other_adjustments(m.s), 'FM999,999,999,990.00') AS "other adj.",
       round(100 * revcycle.gross_collection_rate(m.s), 1) || '%' AS "gross coll. rate",
       round(100 * revcycle.net_collection_rate(m.s), 1) || '%' AS "net coll. rate"
FROM (SELECT date_trunc('month', l.posted_date::timestamp)::date AS month,
             revcycle.collections_agg(l.kind, l.amount) AS s
      FROM revcycle.ledger AS l
      GROUP BY 1) AS m
ORDER BY m.month;
\endif
\echo 'Monthly rates are cash-basis (payments of a month against that month''s charges).'

\if :rc_has_aging
\echo
\echo '(d) A/R aging: revcycle.ar_aging is installed; its dashboard section is not written yet.'
\endif

\pset footer on
\pset null ''
\set QUIET off
