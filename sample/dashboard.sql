-- ===================================================================
-- sample/dashboard.sql: the revcycle KPI dashboard for the loaded data.
--   psql -X -f sample/dashboard.sql
-- Rates are fractions in revcycle; shown here as percentages (1 decimal).
-- Leads with collection rates by service month (cohort:
-- revcycle.collections_by_service_month, when installed), the rates the
-- AAFP 95% benchmark applies to; the posting-month tables after it are
-- cash basis and are labelled so.  Sections built by other
-- modules (A/R aging, days in A/R, denials) appear only when installed.
-- ===================================================================
\set QUIET on
\pset footer off
-- As-of date of the A/R and denial sections (psql -v rc_as_of=YYYY-MM-DD);
-- the sample hospital's service year ends 2025-12-31.
\if :{?rc_as_of}
\else
\set rc_as_of 2025-12-31
\endif
\pset null '-'

-- Which modules are installed.  (to_regproc() is NULL for an overloaded name
-- such as the ar_aging aggregate, hence the pg_proc look-ups.)
SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_proc
               WHERE proname = 'ar_aging' AND pronamespace = to_regnamespace('revcycle')) AS rc_has_aging,
       EXISTS (SELECT 1 FROM pg_catalog.pg_proc
               WHERE proname = 'ar_days_agg' AND pronamespace = to_regnamespace('revcycle')) AS rc_has_ar_days,
       to_regclass('revcycle.days_in_ar_trend') IS NOT NULL AS rc_has_days_view,
       EXISTS (SELECT 1 FROM pg_catalog.pg_proc
               WHERE proname = 'net_days_in_ar_estimated' AND pronamespace = to_regnamespace('revcycle')) AS rc_has_net_est,
       to_regclass('revcycle.initial_denial_rate') IS NOT NULL
         AND to_regclass('revcycle.denial_appeal_summary') IS NOT NULL AS rc_has_denials,
       EXISTS (SELECT 1 FROM pg_catalog.pg_proc
               WHERE proname = 'load_835' AND pronamespace = to_regnamespace('revcycle')) AS rc_has_remit,
       to_regclass('revcycle.collections_by_service_month') IS NOT NULL AS rc_has_cohorts,
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

\if :rc_has_cohorts
\echo
\echo '(a0) Collection rates by service month (cohort): charges of each month''s services against everything'
\echo '     posted on them up to' :rc_last '(the ledger''s last posting); the AAFP 95% flag on mature cohorts only'
SELECT to_char(c.service_month, 'YYYY-MM') AS "service month",
       to_char(sum(c.gross_charges), 'FM999,999,999,990.00') AS "gross charges",
       to_char(sum(c.payments), 'FM999,999,999,990.00') AS "payments",
       to_char(sum(c.open_ar), 'FM999,999,999,990.00') AS "still open",
       round(100 * sum(c.open_ar) / NULLIF(sum(c.gross_charges), 0), 1) || '%' AS "open",
       max(c.months_since_service) AS "months",
       count(*) FILTER (WHERE c.is_mature) || ' of ' || count(*) AS "mature payers",
       round(100 * (sum(c.payments) - sum(c.refunds))
                 / NULLIF(sum(c.gross_charges) - sum(c.contractual_adjustments), 0), 1) || '%' AS "net rate",
       count(*) FILTER (WHERE c.below_aafp_benchmark) AS "payers below 95%"
FROM revcycle.collections_by_service_month AS c
GROUP BY c.service_month
ORDER BY c.service_month;
\echo 'Rows: revcycle.collections_by_service_month, one per service month and primary payer (the net rate'
\echo 'here is recomputed from the rounded payer rows); mature = 6 months passed, or under 5% still open.'
\endif

\echo
\echo '(a) Year totals: fiscal year 2025 postings (2025-01-01..2025-12-31), and all postings (service year 2025'
\echo '    with its run-out); rates are collection rates (gross: payments / charges; net: AAFP)'
SELECT p.period AS "period",
       to_char(revcycle.gross_charges(p.s), 'FM999,999,999,990.00') AS "gross charges",
       to_char(revcycle.payments(p.s), 'FM999,999,999,990.00') AS "payments",
       to_char(revcycle.refunds(p.s), 'FM999,999,999,990.00') AS "refunds",
       to_char(revcycle.contractual_adjustments(p.s), 'FM999,999,999,990.00') AS "contractual adj.",
       to_char(revcycle.other_adjustments(p.s), 'FM999,999,999,990.00') AS "other adj.",
       round(100 * revcycle.gross_collection_rate(p.s), 1) || '%' AS "gross rate",
       round(100 * revcycle.net_collection_rate(p.s), 1) || '%' AS "net rate"
FROM (SELECT 1 AS ord, 'FY 2025 postings' AS period,
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
\echo '(b) Net collection rate by payer class, all postings (all services with their run-out to the data cut-off)'
SELECT v.payer_class AS "payer class",
       to_char(revcycle.gross_charges(v.s), 'FM999,999,999,990.00') AS "gross charges",
       to_char(revcycle.payments(v.s), 'FM999,999,999,990.00') AS "payments",
       to_char(revcycle.contractual_adjustments(v.s), 'FM999,999,999,990.00') AS "contractual adj.",
       round(100 * revcycle.gross_collection_rate(v.s), 1) || '%' AS "gross coll. rate",
       round(100 * revcycle.net_collection_rate(v.s), 1) || '%' AS "net coll. rate",
       CASE WHEN revcycle.net_collection_rate(v.s) < 0.95 THEN 'below 95%' ELSE '' END AS "AAFP flag (all postings)"
FROM (SELECT p.payer_class::text AS payer_class, revcycle.collections_agg(l.kind, l.amount) AS s
      FROM revcycle.ledger AS l
      JOIN revcycle.account AS a ON a.account_id = l.account_id
      JOIN revcycle.payer AS p ON p.payer_id = a.primary_payer_id
      GROUP BY p.payer_class) AS v
ORDER BY v.payer_class;
\echo 'By the class of each account''s primary payer (financial class): all of an account''s activity,'
\echo 'including the patient''s and a secondary payer''s payments, counts toward its primary payer.'

\echo
\echo '(c) Monthly trend, by posting month (cash basis: not comparable with the 95% benchmark)'
SELECT to_char(m.month, 'YYYY-MM') AS "month",
       to_char(revcycle.gross_charges(m.s), 'FM999,999,999,990.00') AS "gross charges",
       to_char(revcycle.payments(m.s), 'FM999,999,999,990.00') AS "payments",
       to_char(revcycle.refunds(m.s), 'FM999,999,999,990.00') AS "refunds",
       to_char(revcycle.contractual_adjustments(m.s), 'FM999,999,999,990.00') AS "contractual adj.",
       to_char(revcycle.other_adjustments(m.s), 'FM999,999,999,990.00') AS "other adj.",
       round(100 * revcycle.gross_collection_rate(m.s), 1) || '%' AS "gross rate",
       round(100 * revcycle.net_collection_rate(m.s), 1) || '%' AS "net rate"
FROM (SELECT date_trunc('month', l.posted_date::timestamp)::date AS month,
             revcycle.collections_agg(l.kind, l.amount) AS s
      FROM revcycle.ledger AS l
      GROUP BY 1) AS m
ORDER BY m.month;
\echo 'Monthly rates are cash-basis (payments of a month against that month''s charges).'

\if :rc_has_aging
\echo
\echo '(d) A/R aging as of' :rc_as_of 'by payer class (responsible payer; aged from the date of service, AAFP)'
-- One aging summary per responsible payer (ar_aging_by_payer), merged per
-- payer class and in total (no temporary table: read-only sessions work).
WITH rc_dash_aging AS (
    SELECT COALESCE(c.payer_class, 'all payers') AS payer_class, c.payer_class IS NULL AS is_total,
           revcycle.ar_aging_merge(c.aging) AS a
    FROM (SELECT p.payer_class::text AS payer_class, g.aging
          FROM revcycle.ar_aging_by_payer(:'rc_as_of'::date) AS g
          JOIN revcycle.payer AS p ON p.payer_id = g.payer_id) AS c
    GROUP BY GROUPING SETS ((c.payer_class), ()))
SELECT d.payer_class AS "payer class",
       to_char(revcycle.ar_debit_total(d.a), 'FM999,999,990') AS "A/R (debit)",
       to_char(b.b0, 'FM999,999,990') AS "0-30",
       to_char(b.b31, 'FM999,999,990') AS "31-60",
       to_char(b.b61, 'FM999,999,990') AS "61-90",
       to_char(b.b91, 'FM999,999,990') AS "91-120",
       to_char(b.b121, 'FM999,999,990') AS "121+",
       to_char(-revcycle.ar_credit_total(d.a), 'FM999,999,990') || ' (' || revcycle.ar_credit_items(d.a) || ')'
           AS "credits (n)",
       round(100 * revcycle.ar_over(d.a, 90), 1) || '%' AS "% >90",
       round(100 * revcycle.ar_over(d.a, 120), 1) || '%' AS "% >120"
FROM rc_dash_aging AS d
CROSS JOIN LATERAL (
    SELECT sum(x.amount) FILTER (WHERE x.min_days = 0) AS b0,
           sum(x.amount) FILTER (WHERE x.min_days = 31) AS b31,
           sum(x.amount) FILTER (WHERE x.min_days = 61) AS b61,
           sum(x.amount) FILTER (WHERE x.min_days = 91) AS b91,
           sum(x.amount) FILTER (WHERE x.min_days = 121) AS b121
    FROM revcycle.aging_buckets(d.a) AS x) AS b
ORDER BY d.is_total, d.payer_class;
\echo 'Share of each payer class''s debit A/R by bucket:'
WITH rc_dash_aging AS (
    SELECT COALESCE(c.payer_class, 'all payers') AS payer_class, c.payer_class IS NULL AS is_total,
           revcycle.ar_aging_merge(c.aging) AS a
    FROM (SELECT p.payer_class::text AS payer_class, g.aging
          FROM revcycle.ar_aging_by_payer(:'rc_as_of'::date) AS g
          JOIN revcycle.payer AS p ON p.payer_id = g.payer_id) AS c
    GROUP BY GROUPING SETS ((c.payer_class), ()))
SELECT d.payer_class AS "payer class",
       round(100 * b.s0, 1) || '%' AS "0-30",
       round(100 * b.s31, 1) || '%' AS "31-60",
       round(100 * b.s61, 1) || '%' AS "61-90",
       round(100 * b.s91, 1) || '%' AS "91-120",
       round(100 * b.s121, 1) || '%' AS "121+",
       revcycle.ar_debit_items(d.a) AS "balances"
FROM rc_dash_aging AS d
CROSS JOIN LATERAL (
    SELECT sum(x.share) FILTER (WHERE x.min_days = 0) AS s0,
           sum(x.share) FILTER (WHERE x.min_days = 31) AS s31,
           sum(x.share) FILTER (WHERE x.min_days = 61) AS s61,
           sum(x.share) FILTER (WHERE x.min_days = 91) AS s91,
           sum(x.share) FILTER (WHERE x.min_days = 121) AS s121
    FROM revcycle.aging_buckets(d.a) AS x) AS b
ORDER BY d.is_total, d.payer_class;
\echo 'Debit balances in dollars; credit balances (owed back; count in parentheses) shown apart, not in buckets.'
\endif

\if :rc_has_ar_days
\echo
\echo '(e) Days in A/R as of' :rc_as_of '(all payers)'
SELECT to_char(revcycle.net_ar(s.d), 'FM999,999,990') AS "A/R (ledger)",
       to_char(revcycle.lookback_charges(s.d), 'FM999,999,990') AS "charges 90 d",
       round(revcycle.days_in_ar(s.d), 1) AS "days in A/R (gross, AAFP 90 d)",
       to_char(revcycle.net_patient_service_revenue(s.d), 'FM999,999,990') AS "net pat. rev. 3 mo",
       round(revcycle.net_days_in_ar(s.d), 1) AS "net days in A/R (HFMA)"
FROM (SELECT revcycle.ar_days_agg(l.kind, l.amount, l.posted_date, :'rc_as_of'::date) AS d
      FROM revcycle.ledger AS l
      WHERE l.posted_date <= :'rc_as_of'::date) AS s;
\if :rc_has_net_est
SELECT round(revcycle.net_days_in_ar_estimated(:'rc_as_of'::date), 1) AS "net days in A/R (HFMA, est. allowances)";
\endif
\echo 'Monthly trend, last 6 month-ends:'
\if :rc_has_days_view
SELECT to_char(t.month_end, 'YYYY-MM-DD') AS "month-end",
       to_char(t.net_ar, 'FM999,999,990') AS "A/R (ledger)",
       to_char(t.gross_charges_90d, 'FM999,999,990') AS "charges 90 d",
       round(t.days_in_ar, 1) AS "days in A/R (gross)",
       to_char(t.net_patient_service_revenue_3m, 'FM999,999,990') AS "net pat. rev. 3 mo",
       round(t.net_days_in_ar, 1) AS "net days in A/R (HFMA)"
FROM revcycle.days_in_ar_trend AS t
WHERE t.payer_id IS NULL
  AND t.month_end > (date_trunc('month', :'rc_as_of'::date) - interval '5 months')::date
  AND t.month_end <= :'rc_as_of'::date
ORDER BY t.month_end;
\else
SELECT to_char(m.month_end, 'YYYY-MM-DD') AS "month-end",
       round(revcycle.days_in_ar(s.d), 1) AS "days in A/R (gross)",
       round(revcycle.net_days_in_ar(s.d), 1) AS "net days in A/R (HFMA)"
FROM (SELECT (date_trunc('month', :'rc_as_of'::date) - (k || ' months')::interval
              + interval '1 month' - interval '1 day')::date AS month_end
      FROM generate_series(0, 5) AS k) AS m
CROSS JOIN LATERAL (SELECT revcycle.ar_days_agg(l.kind, l.amount, l.posted_date, m.month_end) AS d
                    FROM revcycle.ledger AS l WHERE l.posted_date <= m.month_end) AS s
ORDER BY m.month_end;
\endif
\echo 'Gross: (A/R - credits) x 90 / charges of the last 90 days.  Net (HFMA): A/R / daily net patient service'
\echo 'revenue of the trailing 3 calendar months.  The ledger''s A/R is not reduced by expected contractual'
\echo 'allowances (they post with the payment), so the net figure overstates HFMA net days; the estimated'
\echo 'figure deducts from balances not yet adjudicated each payer''s contractual ratio of the last 365 days.'
\endif

\if :rc_has_denials
\echo
\echo '(f) Denials: initial denial rate by month, 6 months to' :rc_as_of '(original claims; no rebills, voids)'
-- Cohort: claims submitted in the month that were initially denied (at any
-- later date).  HFMA: claims first denied in the month / average monthly
-- claims submitted in the 3 months before (all payers: the sums of the
-- view's counts, not of its per-payer averages).
WITH m AS (
    SELECT v.month,
           sum(v.claims_submitted) AS submitted, sum(v.charges_submitted) AS charges,
           sum(v.claims_initially_denied) AS denied, sum(v.dollars_initially_denied) AS denied_dollars,
           sum(v.claims_denied_in_month) AS denied_in_month
    FROM revcycle.initial_denial_rate AS v
    GROUP BY v.month)
SELECT to_char(m.month, 'YYYY-MM') AS "month",
       m.submitted AS "claims submitted",
       m.denied AS "initially denied",
       round(100 * m.denied / NULLIF(m.submitted, 0), 1) || '%' AS "denial rate",
       round(100 * m.denied_dollars / NULLIF(m.charges, 0), 1) || '%' AS "by dollars",
       m.denied_in_month AS "first denied",
       round(100 * m.denied_in_month / NULLIF(p.prior / 3.0, 0), 1) || '%' AS "HFMA rate"
FROM m
CROSS JOIN LATERAL (SELECT sum(m2.submitted) AS prior FROM m AS m2
                    WHERE m2.month >= m.month - interval '3 months' AND m2.month < m.month) AS p
WHERE m.month > (date_trunc('month', :'rc_as_of'::date) - interval '6 months')::date
  AND m.month <= :'rc_as_of'::date
ORDER BY m.month;

\echo 'Denial rate: of the claims submitted in the month, those initially denied (at any later date).  HFMA rate:'
\echo 'claims first denied in the month / average monthly claims submitted in the 3 months before it.'
\echo
\echo 'Top denial root causes, denials dated in the year to' :rc_as_of '(Pareto)'
SELECT rc.category AS "category",
       rc.adjustments AS "adjustments",
       to_char(rc.amount, 'FM999,999,990.00') AS "amount",
       round(100 * rc.share, 1) || '%' AS "share",
       round(100 * rc.cumulative_share, 1) || '%' AS "cumulative",
       array_to_string(rc.top_codes, ', ') AS "top codes"
FROM (SELECT revcycle.denial_summary(d.group_code, d.carc, d.amount) AS s
      FROM revcycle.denial AS d
      WHERE d.denial_date >= date_trunc('year', :'rc_as_of'::date)::date
        AND d.denial_date <= :'rc_as_of'::date) AS x
CROSS JOIN LATERAL revcycle.denial_root_causes(x.s) AS rc;

\echo 'Appeals of the year''s denials, by quarter of the denial (status at the data cut-off)'
SELECT COALESCE(to_char(q.quarter, 'YYYY-"Q"Q'), 'year') AS "quarter",
       q.denials AS "denials",
       to_char(q.denied, 'FM999,999,990') AS "denied $",
       q.appealed AS "appealed",
       round(100 * q.appealed / NULLIF(q.denials, 0), 1) || '%' AS "appeal %",
       q.overturned AS "overturned",
       to_char(q.recovered, 'FM999,999,990') AS "recovered",
       round(100 * q.recovered / NULLIF(q.denied, 0), 1) || '%' AS "recovery",
       round(q.days_appeal, 1) AS "d. to appeal",
       round(q.days_resolution, 1) AS "d. to decide"
FROM (SELECT date_trunc('quarter', v.month)::date AS quarter,
             sum(v.denials) AS denials, sum(v.denied_amount) AS denied,
             sum(v.denials_appealed) AS appealed, sum(v.denials_overturned) AS overturned,
             sum(v.recovered_amount) AS recovered,
             -- the view's averages are per month, payer and department:
             -- weight them by the appealed denials
             sum(v.avg_days_to_appeal * v.denials_appealed)
                 / NULLIF(sum(v.denials_appealed) FILTER (WHERE v.avg_days_to_appeal IS NOT NULL), 0) AS days_appeal,
             sum(v.avg_days_to_resolution * v.denials_appealed)
                 FILTER (WHERE v.avg_days_to_resolution IS NOT NULL)
                 / NULLIF(sum(v.denials_appealed) FILTER (WHERE v.avg_days_to_resolution IS NOT NULL), 0)
                 AS days_resolution
      FROM revcycle.denial_appeal_summary AS v
      WHERE v.month >= date_trunc('year', :'rc_as_of'::date)::date AND v.month <= :'rc_as_of'::date
      GROUP BY GROUPING SETS ((date_trunc('quarter', v.month)::date), ())) AS q
ORDER BY q.quarter NULLS LAST;
\echo 'Quarter of the denial date.  d. = average days from the denial to the first appeal, and to the last'
\echo 'decision (decided appeals only); weighted from the view''s per-month averages, so approximate.'
\endif

\if :rc_has_remit
\echo
\echo '(g) Remittances (X12 835) on file'
SELECT count(DISTINCT r.remittance_id) AS "remittances",
       count(rc.remittance_claim_id) AS "claim payments",
       count(rc.remittance_claim_id) FILTER (WHERE rc.status_code = '4') AS "denied (CLP02 4)",
       count(rc.remittance_claim_id) FILTER (WHERE rc.status_code = '22') AS "reversals",
       count(rc.remittance_claim_id) FILTER (WHERE rc.remittance_claim_id IS NOT NULL AND rc.claim_id IS NULL)
           AS "unmatched",
       to_char(COALESCE(sum(rc.paid_amount), 0), 'FM999,999,990.00') AS "paid",
       COALESCE(to_char(min(r.payment_date), 'YYYY-MM-DD') || ' .. ' || to_char(max(r.payment_date), 'YYYY-MM-DD'),
                'none loaded') AS "payment dates"
FROM revcycle.remittance AS r
LEFT JOIN revcycle.remittance_claim AS rc ON rc.remittance_id = r.remittance_id;
\endif

\pset footer on
\pset null ''
\set QUIET off
