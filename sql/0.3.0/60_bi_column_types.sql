
-- ===================================================================
-- revcycle 0.3.0: BI tools read exact types (issue 10).
-- Every numeric column of the views below gets a declared precision and
-- scale, rounded once, in the view's final select (README.md, "Connecting
-- BI tools"):
--   money      numeric(18,2)  rounded to the cent (16 integer digits)
--   fractions  numeric(26,6)  rates and shares, 6 decimals (20 integer
--                             digits: any ratio of two amounts of the money
--                             type, or of two counts, fits)
--   days       numeric(21,1)  days in A/R and average days, 1 decimal
--   averages   numeric(22,2)  average monthly claim counts, 2 decimals
-- pg_catalog.round(numeric, integer) rounds half away from zero.  Rates
-- are divided from the unrounded sums, then rounded.  A value that does not
-- fit its type raises SQLSTATE 22003 (numeric field overflow).
-- The other views (carc_category, denial_writeoff_review,
-- unmatched_remittance_claims) pass numeric(14,2) table columns through
-- and are left as they are.
-- A view's column types change only by DROP VIEW and CREATE VIEW:
-- definitions, column names and order, comments (each numeric column's
-- now names its type) and security_invoker are those of 0.2.0.  Runs after
-- the 0.2.0 definitions on a fresh install and on upgrade alike.
-- ===================================================================

-- aged_trial_balance and aged_ar_percent read month_end_balances.
DROP VIEW @extschema@.aged_ar_percent;
DROP VIEW @extschema@.aged_trial_balance;
DROP VIEW @extschema@.month_end_balances;
DROP VIEW @extschema@.days_in_ar_trend;
DROP VIEW @extschema@.credit_balances;
DROP VIEW @extschema@.collections_monthly_by_payer;
DROP VIEW @extschema@.collections_monthly_by_payer_class;
DROP VIEW @extschema@.initial_denial_rate;
DROP VIEW @extschema@.remittance_denial_rate;
DROP VIEW @extschema@.denial_root_cause_pareto;
DROP VIEW @extschema@.denial_category_trend;
DROP VIEW @extschema@.coding_denial_share;
DROP VIEW @extschema@.denial_appeal_summary;
DROP VIEW @extschema@.denial_writeoff_rate;

CREATE VIEW @extschema@.collections_monthly_by_payer WITH (security_invoker = true) AS
SELECT s.month,
       p.payer_id,
       p.name AS payer_name,
       p.payer_class::text AS payer_class,
       pg_catalog.round(@extschema@.gross_charges(s.summary), 2)::pg_catalog.numeric(18,2) AS gross_charges,
       pg_catalog.round(@extschema@.payments(s.summary), 2)::pg_catalog.numeric(18,2) AS payments,
       pg_catalog.round(@extschema@.refunds(s.summary), 2)::pg_catalog.numeric(18,2) AS refunds,
       pg_catalog.round(@extschema@.contractual_adjustments(s.summary), 2)::pg_catalog.numeric(18,2) AS contractual_adjustments,
       pg_catalog.round(@extschema@.other_adjustments(s.summary), 2)::pg_catalog.numeric(18,2) AS other_adjustments,
       pg_catalog.round(@extschema@.gross_collection_rate(s.summary), 6)::pg_catalog.numeric(26,6) AS gross_collection_rate,
       pg_catalog.round(@extschema@.net_collection_rate(s.summary), 6)::pg_catalog.numeric(26,6) AS net_collection_rate,
       @extschema@.net_collection_rate(s.summary) < 0.95 AS below_aafp_benchmark
FROM (SELECT pg_catalog.date_trunc('month', l.posted_date::timestamp)::date AS month,
             a.primary_payer_id AS payer_id,
             @extschema@.collections_agg(l.kind, l.amount) AS summary
      FROM @extschema@.ledger AS l
      JOIN @extschema@.account AS a ON a.account_id = l.account_id
      GROUP BY 1, 2) AS s
JOIN @extschema@.payer AS p ON p.payer_id = s.payer_id;

COMMENT ON VIEW @extschema@.collections_monthly_by_payer IS
    'Monthly collection KPIs per primary payer of the accounts (financial class), by posting month (security_invoker: row-level security on the ledger and accounts applies).';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.month IS 'First day of the posting month.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.payer_id IS 'Primary payer of the accounts (financial class); all of an account''s activity counts here, including patient and secondary-payer payments.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.payer_name IS 'Primary payer name.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.payer_class IS 'Class of the primary payer (medicare, medicaid, commercial, managed_care, self_pay, workers_comp, other_government).';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.gross_charges IS 'Gross charges posted in the month. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.payments IS 'Payments posted in the month. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.refunds IS 'Refunds posted in the month. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.contractual_adjustments IS 'Contractual adjustments posted in the month. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.other_adjustments IS 'Administrative, small-balance, denial, bad-debt and charity write-offs posted in the month. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.gross_collection_rate IS 'Payments / gross charges (fraction); NULL when no charges posted. numeric(26,6): a fraction, rounded to 6 decimals.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.net_collection_rate IS 'AAFP net collection rate: (payments - refunds) / (gross charges - contractual adjustments), a fraction; NULL when the denominator is zero. numeric(26,6): a fraction, rounded to 6 decimals.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.below_aafp_benchmark IS 'True when the net collection rate is below the AAFP benchmark of 95%; NULL when the rate is NULL. Compares the exact rate, before rounding.';

CREATE VIEW @extschema@.collections_monthly_by_payer_class WITH (security_invoker = true) AS
SELECT s.month,
       s.payer_class::text AS payer_class,
       pg_catalog.round(@extschema@.gross_charges(s.summary), 2)::pg_catalog.numeric(18,2) AS gross_charges,
       pg_catalog.round(@extschema@.payments(s.summary), 2)::pg_catalog.numeric(18,2) AS payments,
       pg_catalog.round(@extschema@.refunds(s.summary), 2)::pg_catalog.numeric(18,2) AS refunds,
       pg_catalog.round(@extschema@.contractual_adjustments(s.summary), 2)::pg_catalog.numeric(18,2) AS contractual_adjustments,
       pg_catalog.round(@extschema@.other_adjustments(s.summary), 2)::pg_catalog.numeric(18,2) AS other_adjustments,
       pg_catalog.round(@extschema@.gross_collection_rate(s.summary), 6)::pg_catalog.numeric(26,6) AS gross_collection_rate,
       pg_catalog.round(@extschema@.net_collection_rate(s.summary), 6)::pg_catalog.numeric(26,6) AS net_collection_rate,
       @extschema@.net_collection_rate(s.summary) < 0.95 AS below_aafp_benchmark
FROM (SELECT pg_catalog.date_trunc('month', l.posted_date::timestamp)::date AS month,
             p.payer_class,
             @extschema@.collections_agg(l.kind, l.amount) AS summary
      FROM @extschema@.ledger AS l
      JOIN @extschema@.account AS a ON a.account_id = l.account_id
      JOIN @extschema@.payer AS p ON p.payer_id = a.primary_payer_id
      GROUP BY 1, 2) AS s;

COMMENT ON VIEW @extschema@.collections_monthly_by_payer_class IS
    'Monthly collection KPIs per payer class of the accounts'' primary payer, by posting month (security_invoker: row-level security on the ledger and accounts applies).';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.month IS 'First day of the posting month.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.payer_class IS 'Class of the accounts'' primary payer (medicare, medicaid, commercial, managed_care, self_pay, workers_comp, other_government).';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.gross_charges IS 'Gross charges posted in the month. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.payments IS 'Payments posted in the month. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.refunds IS 'Refunds posted in the month. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.contractual_adjustments IS 'Contractual adjustments posted in the month. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.other_adjustments IS 'Administrative, small-balance, denial, bad-debt and charity write-offs posted in the month. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.gross_collection_rate IS 'Payments / gross charges (fraction); NULL when no charges posted. numeric(26,6): a fraction, rounded to 6 decimals.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.net_collection_rate IS 'AAFP net collection rate: (payments - refunds) / (gross charges - contractual adjustments), a fraction; NULL when the denominator is zero. numeric(26,6): a fraction, rounded to 6 decimals.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.below_aafp_benchmark IS 'True when the net collection rate is below the AAFP benchmark of 95%; NULL when the rate is NULL. Compares the exact rate, before rounding.';

CREATE VIEW @extschema@.month_end_balances WITH (security_invoker = true) AS
-- One pass over the ledger: net and last posting per account, payer and
-- month; the balance at a month-end is the running sum of those, carried
-- forward over the month-ends without activity up to the last month of the
-- ledger (cost linear in ledger rows + output rows, not months x rows).
WITH monthly AS (
    SELECT l.account_id, l.payer_id,
           pg_catalog.date_trunc('month', l.posted_date::timestamp) AS month_start,
           pg_catalog.sum(@extschema@.ar_sign(l.kind) * l.amount) AS net,
           pg_catalog.max(l.posted_date) AS last_activity_date
      FROM @extschema@.ledger l
     GROUP BY l.account_id, l.payer_id, 3
), spans AS (
    SELECT m.account_id, m.payer_id, m.month_start, m.last_activity_date,
           pg_catalog.sum(m.net) OVER w AS balance,
           pg_catalog.lead(m.month_start) OVER w AS next_month_start
      FROM monthly m
    WINDOW w AS (PARTITION BY m.account_id, m.payer_id ORDER BY m.month_start)
)
SELECT (g.month_start + interval '1 month' - interval '1 day')::date AS month_end,
       s.account_id, s.payer_id, pg_catalog.round(s.balance, 2)::pg_catalog.numeric(18,2) AS balance,
       a.service_from AS service_date,
       s.last_activity_date
  FROM spans s
  JOIN @extschema@.account a ON a.account_id = s.account_id
  CROSS JOIN (SELECT pg_catalog.date_trunc('month', pg_catalog.max(posted_date)::timestamp) AS hi
                FROM @extschema@.ledger) r
  CROSS JOIN LATERAL pg_catalog.generate_series(
      s.month_start,
      COALESCE(s.next_month_start - interval '1 month', r.hi),
      interval '1 month') AS g(month_start);
COMMENT ON VIEW @extschema@.month_end_balances IS
    'Balance of every account and responsible payer at every month-end covered by the ledger, rebuilt from rows posted on or before the month-end (zero balances included).';
COMMENT ON COLUMN @extschema@.month_end_balances.month_end IS 'Last day of the month.';
COMMENT ON COLUMN @extschema@.month_end_balances.account_id IS 'Account.';
COMMENT ON COLUMN @extschema@.month_end_balances.payer_id IS 'Responsible payer (ledger.payer_id).';
COMMENT ON COLUMN @extschema@.month_end_balances.balance IS 'Balance = sum of ar_sign(kind) x amount posted on or before month_end; negative = credit balance. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.month_end_balances.service_date IS 'First date of service of the account: the aging anchor of the views (AAFP).';
COMMENT ON COLUMN @extschema@.month_end_balances.last_activity_date IS 'Last posting date of the account and payer on or before month_end.';

CREATE VIEW @extschema@.aged_trial_balance WITH (security_invoker = true) AS
WITH aged AS (
    SELECT b.month_end, b.payer_id,
           @extschema@.ar_aging(b.balance, b.service_date, b.month_end) AS aging
      FROM @extschema@.month_end_balances b
     GROUP BY b.month_end, b.payer_id
), activity AS (
    SELECT (pg_catalog.date_trunc('month', l.posted_date::timestamp) + interval '1 month' - interval '1 day')::date AS month_end,
           l.payer_id,
           pg_catalog.sum(l.amount) FILTER (WHERE l.kind = 'charge') AS charges,
           pg_catalog.sum(l.amount) FILTER (WHERE l.kind = 'payment') AS payments,
           pg_catalog.sum(l.amount) FILTER (WHERE l.kind = 'refund') AS refunds,
           pg_catalog.sum(l.amount) FILTER (WHERE l.kind NOT IN ('charge', 'payment', 'refund', 'transfer')) AS adjustments,
           pg_catalog.sum(l.amount) FILTER (WHERE l.kind = 'transfer') AS transfers,
           pg_catalog.sum(@extschema@.ar_sign(l.kind) * l.amount) AS net
      FROM @extschema@.ledger l
     GROUP BY 1, 2
), beginning AS (
    -- Net of every earlier month of the payer.  aged has every month-end from
    -- the payer's first activity on (month_end_balances carries balances
    -- forward), so the rows before the current one are all earlier months.
    SELECT g.month_end, g.payer_id,
           pg_catalog.sum(ac.net) OVER (PARTITION BY g.payer_id ORDER BY g.month_end
                                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS beginning_ar
      FROM aged g
      LEFT JOIN activity ac ON ac.month_end = g.month_end AND ac.payer_id = g.payer_id
)
SELECT g.month_end, g.payer_id, p.name AS payer_name, p.payer_class::text AS payer_class,
       pg_catalog.round(COALESCE(bg.beginning_ar, 0), 2)::pg_catalog.numeric(18,2) AS beginning_ar,
       pg_catalog.round(COALESCE(ac.charges, 0), 2)::pg_catalog.numeric(18,2) AS charges,
       pg_catalog.round(COALESCE(ac.payments, 0), 2)::pg_catalog.numeric(18,2) AS payments,
       pg_catalog.round(COALESCE(ac.refunds, 0), 2)::pg_catalog.numeric(18,2) AS refunds,
       pg_catalog.round(COALESCE(ac.adjustments, 0), 2)::pg_catalog.numeric(18,2) AS adjustments,
       pg_catalog.round(COALESCE(ac.transfers, 0), 2)::pg_catalog.numeric(18,2) AS transfers,
       pg_catalog.round(@extschema@.ar_net_total(g.aging), 2)::pg_catalog.numeric(18,2) AS ending_ar,
       pg_catalog.round(bk.ar_0_30, 2)::pg_catalog.numeric(18,2) AS ar_0_30,
       pg_catalog.round(bk.ar_31_60, 2)::pg_catalog.numeric(18,2) AS ar_31_60,
       pg_catalog.round(bk.ar_61_90, 2)::pg_catalog.numeric(18,2) AS ar_61_90,
       pg_catalog.round(bk.ar_91_120, 2)::pg_catalog.numeric(18,2) AS ar_91_120,
       pg_catalog.round(bk.ar_over_120, 2)::pg_catalog.numeric(18,2) AS ar_over_120,
       pg_catalog.round(-@extschema@.ar_credit_total(g.aging), 2)::pg_catalog.numeric(18,2) AS credit_balance_amount,
       @extschema@.ar_credit_items(g.aging) AS credit_balance_count,
       pg_catalog.round(COALESCE(bg.beginning_ar, 0) + COALESCE(ac.charges, 0) - COALESCE(ac.payments, 0)
                        + COALESCE(ac.refunds, 0) - COALESCE(ac.adjustments, 0) + COALESCE(ac.transfers, 0)
                        - @extschema@.ar_net_total(g.aging), 2)::pg_catalog.numeric(18,2) AS reconciliation
  FROM aged g
  JOIN @extschema@.payer p ON p.payer_id = g.payer_id
  LEFT JOIN activity ac ON ac.month_end = g.month_end AND ac.payer_id = g.payer_id
  LEFT JOIN beginning bg ON bg.month_end = g.month_end AND bg.payer_id = g.payer_id
  CROSS JOIN LATERAL (
      SELECT pg_catalog.sum(x.amount + x.credit_amount) FILTER (WHERE x.min_days = 0) AS ar_0_30,
             pg_catalog.sum(x.amount + x.credit_amount) FILTER (WHERE x.min_days = 31) AS ar_31_60,
             pg_catalog.sum(x.amount + x.credit_amount) FILTER (WHERE x.min_days = 61) AS ar_61_90,
             pg_catalog.sum(x.amount + x.credit_amount) FILTER (WHERE x.min_days = 91) AS ar_91_120,
             pg_catalog.sum(x.amount + x.credit_amount) FILTER (WHERE x.min_days = 121) AS ar_over_120
        FROM @extschema@.aging_buckets(g.aging) x) bk;
COMMENT ON VIEW @extschema@.aged_trial_balance IS
    'Aged trial balance per month-end and responsible payer, aged from the date of service (AAFP).  reconciliation = beginning_ar + charges - payments + refunds - adjustments + transfers - ending_ar, zero when the aged balances reconcile to the ledger.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.month_end IS 'Last day of the month.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.payer_id IS 'Responsible payer.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.payer_name IS 'Payer name.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.payer_class IS 'Payer class (Medicare, Medicaid, commercial, self-pay, ...).';
COMMENT ON COLUMN @extschema@.aged_trial_balance.beginning_ar IS 'A/R at the end of the previous month (ledger rows posted before the first of the month). numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.charges IS 'Gross charges posted in the month (net of charge corrections). numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.payments IS 'Payments posted in the month (net of payment corrections). numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.refunds IS 'Refunds posted in the month (they raise A/R). numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.adjustments IS 'Contractual and other adjustments and write-offs posted in the month. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.transfers IS 'Net balance transferred to (+) or from (-) this payer in the month; zero over all payers. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.ending_ar IS 'A/R at month-end: sum of the aged balances (debit and credit). numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.ar_0_30 IS 'Net balance aged 0-30 days from the date of service. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.ar_31_60 IS 'Net balance aged 31-60 days. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.ar_61_90 IS 'Net balance aged 61-90 days. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.ar_91_120 IS 'Net balance aged 91-120 days. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.ar_over_120 IS 'Net balance aged over 120 days. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.credit_balance_amount IS 'Sum of credit balances (owed back), as a positive amount. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.credit_balance_count IS 'Number of account balances that are credits.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.reconciliation IS 'beginning_ar + charges - payments + refunds - adjustments + transfers - ending_ar; zero when the month reconciles. numeric(18,2): money, rounded to the cent.';

CREATE VIEW @extschema@.aged_ar_percent WITH (security_invoker = true) AS
WITH aged AS (
    SELECT b.month_end, p.payer_class::text AS payer_class,
           @extschema@.ar_aging(b.balance, b.service_date, b.month_end) AS aging
      FROM @extschema@.month_end_balances b
      JOIN @extschema@.payer p ON p.payer_id = b.payer_id
     GROUP BY b.month_end, p.payer_class
), rolled AS (
    SELECT g.month_end, COALESCE(g.payer_class, 'all') AS payer_group,
           @extschema@.ar_aging_merge(g.aging) AS aging
      FROM aged g
     GROUP BY GROUPING SETS ((g.month_end, g.payer_class), (g.month_end))
)
SELECT r.month_end, r.payer_group,
       pg_catalog.round(@extschema@.ar_debit_total(r.aging), 2)::pg_catalog.numeric(18,2) AS billed_ar,
       pg_catalog.round((SELECT pg_catalog.sum(x.amount) FROM @extschema@.aging_buckets(r.aging) x WHERE x.min_days > 90), 2)::pg_catalog.numeric(18,2) AS ar_over_90,
       pg_catalog.round((SELECT pg_catalog.sum(x.amount) FROM @extschema@.aging_buckets(r.aging) x WHERE x.min_days > 120), 2)::pg_catalog.numeric(18,2) AS ar_over_120,
       pg_catalog.round(@extschema@.ar_over(r.aging, 90), 6)::pg_catalog.numeric(26,6) AS share_over_90,
       pg_catalog.round(@extschema@.ar_over(r.aging, 120), 6)::pg_catalog.numeric(26,6) AS share_over_120
  FROM rolled r;
COMMENT ON VIEW @extschema@.aged_ar_percent IS
    'Aged A/R as a share of billed A/R (HFMA family; AAFP % of A/R over 120 days) per month-end, per payer class and in total (payer_group ''all''), aged from the date of service (AAFP); debit balances only.';
COMMENT ON COLUMN @extschema@.aged_ar_percent.month_end IS 'Last day of the month.';
COMMENT ON COLUMN @extschema@.aged_ar_percent.payer_group IS 'Payer class, or ''all'' for all payers.';
COMMENT ON COLUMN @extschema@.aged_ar_percent.billed_ar IS 'Sum of debit balances at month-end. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_ar_percent.ar_over_90 IS 'Debit balances older than 90 days from the date of service. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_ar_percent.ar_over_120 IS 'Debit balances older than 120 days from the date of service. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_ar_percent.share_over_90 IS 'ar_over_90 / billed_ar, a fraction; NULL when billed_ar is zero. numeric(26,6): a fraction, rounded to 6 decimals.';
COMMENT ON COLUMN @extschema@.aged_ar_percent.share_over_120 IS 'ar_over_120 / billed_ar, a fraction; NULL when billed_ar is zero. numeric(26,6): a fraction, rounded to 6 decimals.';

CREATE VIEW @extschema@.days_in_ar_trend WITH (security_invoker = true) AS
-- The ledger is summed once per payer, kind and day.  A month-end's
-- summary gets the daily sums of its own and the 3 previous months (the
-- 90-day look-back and the trailing 3 calendar months lie inside them) and,
-- for everything older, one row per payer carrying its net A/R up to the end
-- of the 4th month before: a running sum over months, posted before both
-- windows, so it only adds to net A/R (as kind 'charge', sign +1).
WITH bounds AS (
    SELECT pg_catalog.date_trunc('month', pg_catalog.min(posted_date)::timestamp) AS lo,
           pg_catalog.date_trunc('month', pg_catalog.max(posted_date)::timestamp) AS hi
      FROM @extschema@.ledger
), daily AS (
    SELECT l.payer_id, l.kind, l.posted_date, pg_catalog.sum(l.amount) AS amount
      FROM @extschema@.ledger l
     GROUP BY l.payer_id, l.kind, l.posted_date
), payer_months AS (
    SELECT d.payer_id, pg_catalog.date_trunc('month', d.posted_date::timestamp) AS month_start,
           pg_catalog.sum(@extschema@.ar_sign(d.kind) * d.amount) AS net
      FROM daily d
     GROUP BY d.payer_id, 2
), running AS (
    SELECT p.payer_id, m.month_start,
           pg_catalog.sum(pm.net) OVER (PARTITION BY p.payer_id ORDER BY m.month_start) AS net_ar
      FROM (SELECT DISTINCT payer_id FROM payer_months) p
     CROSS JOIN bounds b
     CROSS JOIN LATERAL pg_catalog.generate_series(b.lo, b.hi, interval '1 month') AS m(month_start)
      LEFT JOIN payer_months pm ON pm.payer_id = p.payer_id AND pm.month_start = m.month_start
), fed AS (
    SELECT d.payer_id, m.month_start, d.kind, d.amount, d.posted_date
      FROM daily d
     CROSS JOIN bounds b
     CROSS JOIN LATERAL pg_catalog.generate_series(pg_catalog.date_trunc('month', d.posted_date::timestamp),
                                                   LEAST(pg_catalog.date_trunc('month', d.posted_date::timestamp) + interval '3 months', b.hi),
                                                   interval '1 month') AS m(month_start)
    UNION ALL
    SELECT r.payer_id, r.month_start + interval '4 months', 'charge'::@extschema@.txn_kind, r.net_ar,
           (r.month_start + interval '1 month' - interval '1 day')::date
      FROM running r
     CROSS JOIN bounds b
     WHERE r.net_ar IS NOT NULL AND r.month_start + interval '4 months' <= b.hi
), summ AS (
    SELECT f.month_end, f.payer_id,
           @extschema@.ar_days_agg(f.kind, f.amount, f.posted_date, f.month_end) AS s
      FROM (SELECT (f.month_start + interval '1 month' - interval '1 day')::date AS month_end,
                   f.payer_id, f.kind, f.amount, f.posted_date
              FROM fed f) f
     GROUP BY GROUPING SETS ((f.month_end, f.payer_id), (f.month_end))
)
SELECT s.month_end, s.payer_id,
       COALESCE(p.name, 'All payers') AS payer_name,
       COALESCE(p.payer_class::text, 'all') AS payer_class,
       pg_catalog.round(@extschema@.net_ar(s.s), 2)::pg_catalog.numeric(18,2) AS net_ar,
       pg_catalog.round(@extschema@.lookback_charges(s.s), 2)::pg_catalog.numeric(18,2) AS gross_charges_90d,
       pg_catalog.round(@extschema@.days_in_ar(s.s), 1)::pg_catalog.numeric(21,1) AS days_in_ar,
       pg_catalog.round(@extschema@.net_patient_service_revenue(s.s), 2)::pg_catalog.numeric(18,2) AS net_patient_service_revenue_3m,
       pg_catalog.round(@extschema@.net_days_in_ar(s.s), 1)::pg_catalog.numeric(21,1) AS net_days_in_ar
  FROM summ s
  LEFT JOIN @extschema@.payer p ON p.payer_id = s.payer_id;
COMMENT ON VIEW @extschema@.days_in_ar_trend IS
    'Days in A/R per month-end and responsible payer (payer_id NULL: all payers), both bases: gross (AAFP/MGMA, 90-day look-back) and net (HFMA MAP key, trailing 3 calendar months).';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.month_end IS 'Last day of the month (the as-of date).';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.payer_id IS 'Responsible payer; NULL on the all-payers row.';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.payer_name IS 'Payer name, or ''All payers''.';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.payer_class IS 'Payer class, or ''all''.';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.net_ar IS 'Net A/R at month-end (debit minus credit balances). numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.gross_charges_90d IS 'Gross charges posted in the 90 days ending at month-end. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.days_in_ar IS 'net_ar / (gross_charges_90d / 90); NULL when there were no charges. numeric(21,1): days, rounded to 1 decimal.';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.net_patient_service_revenue_3m IS 'Gross charges - contractual adjustments - other deductions in the 3 calendar months ending at month-end. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.net_days_in_ar IS 'net_ar / (net_patient_service_revenue_3m / days in those 3 months); NULL when that revenue is zero. numeric(21,1): days, rounded to 1 decimal.';

CREATE VIEW @extschema@.credit_balances WITH (security_invoker = true) AS
SELECT b.account_id, a.account_number, b.payer_id, p.name AS payer_name,
       p.payer_class::text AS payer_class,
       pg_catalog.round(-b.balance, 2)::pg_catalog.numeric(18,2) AS amount,
       b.service_date, b.last_activity_date,
       CURRENT_DATE - b.last_activity_date AS age_days,
       CURRENT_DATE - b.service_date AS age_from_service_days
  FROM @extschema@.ar_balances(CURRENT_DATE) b
  JOIN @extschema@.account a ON a.account_id = b.account_id
  JOIN @extschema@.payer p ON p.payer_id = b.payer_id
 WHERE b.balance < 0;
COMMENT ON VIEW @extschema@.credit_balances IS
    'Credit balances (money owed back to a patient or payer) per account and payer as of today, with their age from the last activity; input of the small-balance policy.';
COMMENT ON COLUMN @extschema@.credit_balances.account_id IS 'Account.';
COMMENT ON COLUMN @extschema@.credit_balances.account_number IS 'Patient account number.';
COMMENT ON COLUMN @extschema@.credit_balances.payer_id IS 'Responsible payer holding the credit.';
COMMENT ON COLUMN @extschema@.credit_balances.payer_name IS 'Payer name.';
COMMENT ON COLUMN @extschema@.credit_balances.payer_class IS 'Payer class.';
COMMENT ON COLUMN @extschema@.credit_balances.amount IS 'Credit owed back, as a positive amount. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.credit_balances.service_date IS 'First date of service of the account.';
COMMENT ON COLUMN @extschema@.credit_balances.last_activity_date IS 'Last posting of the account and payer (when the credit arose or last changed).';
COMMENT ON COLUMN @extschema@.credit_balances.age_days IS 'Days since the last activity.';
COMMENT ON COLUMN @extschema@.credit_balances.age_from_service_days IS 'Days since the date of service.';

CREATE VIEW @extschema@.initial_denial_rate WITH (security_invoker = true) AS
WITH first_denial AS (
    SELECT d.claim_id, pg_catalog.min(d.denial_date) AS first_denial_date,
           pg_catalog.sum(d.amount) AS denied_amount
      FROM @extschema@.denial d
     WHERE d.is_initial AND d.claim_id IS NOT NULL
     GROUP BY d.claim_id),
orig AS (
    SELECT c.claim_id, c.payer_id, a.dept_code, c.billed_amount,
           pg_catalog.date_trunc('month', c.submitted_date)::date AS submitted_month,
           pg_catalog.date_trunc('month', f.first_denial_date)::date AS denied_month,
           f.denied_amount
      FROM @extschema@.claim c
      JOIN @extschema@.account a ON a.account_id = c.account_id
      LEFT JOIN first_denial f ON f.claim_id = c.claim_id
     WHERE c.frequency_code = '1'),
submitted AS (
    SELECT o.submitted_month AS month, o.payer_id, o.dept_code,
           pg_catalog.count(*) AS claims_submitted,
           pg_catalog.sum(o.billed_amount) AS charges_submitted,
           pg_catalog.count(*) FILTER (WHERE o.denied_amount IS NOT NULL) AS claims_denied,
           COALESCE(pg_catalog.sum(o.denied_amount), 0) AS dollars_denied
      FROM orig o
     GROUP BY 1, 2, 3),
denied_in_month AS (
    SELECT o.denied_month AS month, o.payer_id, o.dept_code,
           pg_catalog.count(*) AS claims_denied, pg_catalog.sum(o.denied_amount) AS dollars_denied
      FROM orig o
     WHERE o.denied_month IS NOT NULL
     GROUP BY 1, 2, 3),
keys AS (
    SELECT s.month, s.payer_id, s.dept_code FROM submitted s
    UNION
    SELECT m.month, m.payer_id, m.dept_code FROM denied_in_month m)
SELECT k.month, k.payer_id, p.name AS payer_name, k.dept_code,
       COALESCE(s.claims_submitted, 0) AS claims_submitted,
       pg_catalog.round(COALESCE(s.charges_submitted, 0), 2)::pg_catalog.numeric(18,2) AS charges_submitted,
       COALESCE(s.claims_denied, 0) AS claims_initially_denied,
       pg_catalog.round(COALESCE(s.dollars_denied, 0), 2)::pg_catalog.numeric(18,2) AS dollars_initially_denied,
       pg_catalog.round(s.claims_denied::numeric / NULLIF(s.claims_submitted, 0), 6)::pg_catalog.numeric(26,6) AS initial_denial_rate,
       pg_catalog.round(s.dollars_denied / NULLIF(s.charges_submitted, 0), 6)::pg_catalog.numeric(26,6) AS initial_denial_rate_dollars,
       COALESCE(m.claims_denied, 0) AS claims_denied_in_month,
       pg_catalog.round(COALESCE(m.dollars_denied, 0), 2)::pg_catalog.numeric(18,2) AS dollars_denied_in_month,
       pg_catalog.round(prior.claims_submitted_avg_3m, 2)::pg_catalog.numeric(22,2) AS claims_submitted_avg_3m,
       pg_catalog.round(prior.charges_submitted_avg_3m, 2)::pg_catalog.numeric(18,2) AS charges_submitted_avg_3m,
       pg_catalog.round(COALESCE(m.claims_denied, 0) / NULLIF(prior.claims_submitted_avg_3m, 0), 6)::pg_catalog.numeric(26,6) AS initial_denial_rate_hfma,
       pg_catalog.round(COALESCE(m.dollars_denied, 0) / NULLIF(prior.charges_submitted_avg_3m, 0), 6)::pg_catalog.numeric(26,6) AS initial_denial_rate_dollars_hfma
  FROM keys k
  JOIN @extschema@.payer p ON p.payer_id = k.payer_id
  LEFT JOIN submitted s ON (s.month, s.payer_id, s.dept_code) = (k.month, k.payer_id, k.dept_code)
  LEFT JOIN denied_in_month m ON (m.month, m.payer_id, m.dept_code) = (k.month, k.payer_id, k.dept_code)
  LEFT JOIN LATERAL (
       SELECT pg_catalog.sum(s2.claims_submitted) / 3.0 AS claims_submitted_avg_3m,
              pg_catalog.sum(s2.charges_submitted) / 3.0 AS charges_submitted_avg_3m
         FROM submitted s2
        WHERE s2.payer_id = k.payer_id AND s2.dept_code = k.dept_code
          AND s2.month >= k.month - 3 * '1 month'::interval AND s2.month < k.month) prior ON true;
COMMENT ON VIEW @extschema@.initial_denial_rate IS
    'Initial (first-pass) denial rate by month, payer and department (HFMA MAP Keys).  Cohort form: of the original claims submitted in the month, the share with an initial denial (at any later date).  HFMA form: claims whose first initial denial falls in the month / average monthly claims submitted over the 3 months before it.  Rebills and voids excluded.';
COMMENT ON COLUMN @extschema@.initial_denial_rate.month IS 'Calendar month (first day): submission month for the cohort columns, denial month for the *_in_month and *_hfma columns.';
COMMENT ON COLUMN @extschema@.initial_denial_rate.payer_id IS 'Payer billed.';
COMMENT ON COLUMN @extschema@.initial_denial_rate.payer_name IS 'Payer name.';
COMMENT ON COLUMN @extschema@.initial_denial_rate.dept_code IS 'Department of the account.';
COMMENT ON COLUMN @extschema@.initial_denial_rate.claims_submitted IS 'Original claims (frequency 1) submitted in the month.';
COMMENT ON COLUMN @extschema@.initial_denial_rate.charges_submitted IS 'Billed charges of those claims. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.initial_denial_rate.claims_initially_denied IS 'Of those claims, the number with at least one initial denial (denial.is_initial).';
COMMENT ON COLUMN @extschema@.initial_denial_rate.dollars_initially_denied IS 'Of those claims, the dollars of their initial denials. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.initial_denial_rate.initial_denial_rate IS 'claims_initially_denied / claims_submitted (fraction). numeric(26,6): a fraction, rounded to 6 decimals.';
COMMENT ON COLUMN @extschema@.initial_denial_rate.initial_denial_rate_dollars IS 'dollars_initially_denied / charges_submitted (fraction). numeric(26,6): a fraction, rounded to 6 decimals.';
COMMENT ON COLUMN @extschema@.initial_denial_rate.claims_denied_in_month IS 'Original claims whose first initial denial is dated in the month.';
COMMENT ON COLUMN @extschema@.initial_denial_rate.dollars_denied_in_month IS 'Initial-denial dollars of those claims. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.initial_denial_rate.claims_submitted_avg_3m IS 'Average monthly original claims submitted in the 3 months before the month (a month without claims counts as 0; NULL when none of the 3 has any). numeric(22,2): rounded to 2 decimals.';
COMMENT ON COLUMN @extschema@.initial_denial_rate.charges_submitted_avg_3m IS 'Average monthly billed charges of original claims in the 3 months before the month. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.initial_denial_rate.initial_denial_rate_hfma IS 'HFMA variant: claims_denied_in_month / claims_submitted_avg_3m (fraction). numeric(26,6): a fraction, rounded to 6 decimals.';
COMMENT ON COLUMN @extschema@.initial_denial_rate.initial_denial_rate_dollars_hfma IS 'HFMA variant by dollars: dollars_denied_in_month / charges_submitted_avg_3m (fraction). numeric(26,6): a fraction, rounded to 6 decimals.';

CREATE VIEW @extschema@.remittance_denial_rate WITH (security_invoker = true) AS
SELECT pg_catalog.date_trunc('month', COALESCE(r.payment_date, r.production_date, r.loaded_at::date))::date AS month,
       COALESCE(r.payer_id, c.payer_id) AS payer_id,
       p.name AS payer_name,
       a.dept_code,
       pg_catalog.count(*) AS claims_remitted,
       pg_catalog.round(pg_catalog.sum(rc.charge_amount), 2)::pg_catalog.numeric(18,2) AS charges_remitted,
       pg_catalog.count(*) FILTER (WHERE x.denied) AS claims_denied,
       pg_catalog.round(COALESCE(pg_catalog.sum(rc.charge_amount) FILTER (WHERE x.denied), 0), 2)::pg_catalog.numeric(18,2) AS charges_denied,
       pg_catalog.round((pg_catalog.count(*) FILTER (WHERE x.denied))::numeric / NULLIF(pg_catalog.count(*), 0), 6)::pg_catalog.numeric(26,6) AS remittance_denial_rate,
       pg_catalog.round(COALESCE(pg_catalog.sum(rc.charge_amount) FILTER (WHERE x.denied), 0)
                        / NULLIF(pg_catalog.sum(rc.charge_amount), 0), 6)::pg_catalog.numeric(26,6) AS remittance_denial_rate_dollars
  FROM @extschema@.remittance_claim rc
  JOIN @extschema@.remittance r ON r.remittance_id = rc.remittance_id
  LEFT JOIN @extschema@.claim c ON c.claim_id = rc.claim_id
  LEFT JOIN @extschema@.account a ON a.account_id = c.account_id
  LEFT JOIN @extschema@.payer p ON p.payer_id = COALESCE(r.payer_id, c.payer_id)
  CROSS JOIN LATERAL (
       SELECT rc.status_code = '4'
              OR EXISTS (SELECT FROM @extschema@.denial d
                          WHERE d.remittance_claim_id = rc.remittance_claim_id) AS denied) x
 WHERE NOT rc.is_reversal
   -- netting: a claim payment that a later reversal (CLP02 = 22, same patient
   -- control number and payer, charge of the opposite sign) takes back is not
   -- counted; its corrected claim is.
   AND NOT EXISTS (
       SELECT FROM @extschema@.remittance_claim rv
         JOIN @extschema@.remittance r2 ON r2.remittance_id = rv.remittance_id
        WHERE rv.is_reversal
          AND rv.patient_control_number = rc.patient_control_number
          AND rv.charge_amount = -rc.charge_amount
          AND rv.remittance_claim_id > rc.remittance_claim_id
          AND r2.payer_identifier IS NOT DISTINCT FROM r.payer_identifier)
 GROUP BY 1, 2, 3, 4;
COMMENT ON VIEW @extschema@.remittance_denial_rate IS
    'Remittance denial rate by month, payer and department: claims denied / claims remitted, by count and by charges.  A remitted claim is a remittance_claim row; reversals are netted (neither a reversal nor the payment it takes back counts, the corrected claim does); it is denied when CLP02 = 4 or a denial row points to it.';
COMMENT ON COLUMN @extschema@.remittance_denial_rate.month IS 'Month of the remittance (payment date, else production date, else load date).';
COMMENT ON COLUMN @extschema@.remittance_denial_rate.payer_id IS 'Payer of the remittance (else of the matched claim); NULL when unknown.';
COMMENT ON COLUMN @extschema@.remittance_denial_rate.payer_name IS 'Payer name.';
COMMENT ON COLUMN @extschema@.remittance_denial_rate.dept_code IS 'Department of the matched claim''s account; NULL for unmatched claims.';
COMMENT ON COLUMN @extschema@.remittance_denial_rate.claims_remitted IS 'Claim payments (835 CLP) received, reversals netted.';
COMMENT ON COLUMN @extschema@.remittance_denial_rate.charges_remitted IS 'Their claim charges (CLP03). numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.remittance_denial_rate.claims_denied IS 'Of those, the claims denied (CLP02 = 4 or with a denial row).';
COMMENT ON COLUMN @extschema@.remittance_denial_rate.charges_denied IS 'Claim charges of the denied claims. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.remittance_denial_rate.remittance_denial_rate IS 'claims_denied / claims_remitted (fraction). numeric(26,6): a fraction, rounded to 6 decimals.';
COMMENT ON COLUMN @extschema@.remittance_denial_rate.remittance_denial_rate_dollars IS 'charges_denied / charges_remitted (fraction). numeric(26,6): a fraction, rounded to 6 decimals.';

CREATE VIEW @extschema@.denial_root_cause_pareto WITH (security_invoker = true) AS
SELECT s.month, s.payer_id, p.name AS payer_name,
       rc.ord::integer AS rank, rc.category, rc.adjustments,
       pg_catalog.round(rc.amount, 2)::pg_catalog.numeric(18,2) AS amount,
       pg_catalog.round(rc.share, 6)::pg_catalog.numeric(26,6) AS share,
       pg_catalog.round(rc.cumulative_share, 6)::pg_catalog.numeric(26,6) AS cumulative_share,
       pg_catalog.array_to_string(rc.top_codes, ', ') AS top_codes
  FROM (SELECT pg_catalog.date_trunc('month', d.denial_date)::date AS month, d.payer_id,
               @extschema@.denial_summary(d.group_code, d.carc, d.amount) AS summary
          FROM @extschema@.denial d
         GROUP BY 1, 2) s
  JOIN @extschema@.payer p ON p.payer_id = s.payer_id
  CROSS JOIN LATERAL @extschema@.denial_root_causes(s.summary)
       WITH ORDINALITY AS rc(category, adjustments, amount, share, cumulative_share, top_codes, ord);
COMMENT ON VIEW @extschema@.denial_root_cause_pareto IS
    'Denial root causes as a Pareto table per month and payer (denial_root_causes over the denial rows; codes marked not-a-denial are left out).';
COMMENT ON COLUMN @extschema@.denial_root_cause_pareto.month IS 'Month of the denial date.';
COMMENT ON COLUMN @extschema@.denial_root_cause_pareto.payer_id IS 'Payer that denied.';
COMMENT ON COLUMN @extschema@.denial_root_cause_pareto.payer_name IS 'Payer name.';
COMMENT ON COLUMN @extschema@.denial_root_cause_pareto.rank IS 'Position in the Pareto order, 1 = most denied dollars.';
COMMENT ON COLUMN @extschema@.denial_root_cause_pareto.category IS 'Root-cause category.';
COMMENT ON COLUMN @extschema@.denial_root_cause_pareto.adjustments IS 'Denial rows in the category.';
COMMENT ON COLUMN @extschema@.denial_root_cause_pareto.amount IS 'Dollars denied in the category. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.denial_root_cause_pareto.share IS 'Share of the month''s and payer''s denied dollars (fraction). numeric(26,6): a fraction, rounded to 6 decimals.';
COMMENT ON COLUMN @extschema@.denial_root_cause_pareto.cumulative_share IS 'Running share down the Pareto order (fraction). numeric(26,6): a fraction, rounded to 6 decimals.';
COMMENT ON COLUMN @extschema@.denial_root_cause_pareto.top_codes IS 'The category''s three largest codes by dollars, as GROUP-CARC, comma-separated text (plain text for BI tools; denial_root_causes() returns them as text[]).';

CREATE VIEW @extschema@.denial_category_trend WITH (security_invoker = true) AS
WITH monthly AS (
    SELECT pg_catalog.date_trunc('month', d.denial_date)::date AS month,
           @extschema@.denial_summary(d.group_code, d.carc, d.amount) AS summary
      FROM @extschema@.denial d
     GROUP BY 1),
causes AS (
    SELECT m.month, rc.category, rc.adjustments, rc.amount, rc.share
      FROM monthly m CROSS JOIN LATERAL @extschema@.denial_root_causes(m.summary) rc),
grid AS (
    SELECT m.month, c.category
      FROM (SELECT DISTINCT month FROM monthly) m
     CROSS JOIN (SELECT DISTINCT category FROM causes) c)
SELECT g.month, g.category,
       COALESCE(c.adjustments, 0) AS adjustments,
       pg_catalog.round(COALESCE(c.amount, 0), 2)::pg_catalog.numeric(18,2) AS amount,
       pg_catalog.round(c.share, 6)::pg_catalog.numeric(26,6) AS share,
       pg_catalog.round(pg_catalog.lag(COALESCE(c.amount, 0)) OVER w, 2)::pg_catalog.numeric(18,2) AS previous_amount,
       pg_catalog.round(COALESCE(c.amount, 0) - pg_catalog.lag(COALESCE(c.amount, 0)) OVER w, 2)::pg_catalog.numeric(18,2) AS change
  FROM grid g
  LEFT JOIN causes c ON c.month = g.month AND c.category = g.category
WINDOW w AS (PARTITION BY g.category ORDER BY g.month);
COMMENT ON VIEW @extschema@.denial_category_trend IS
    'Trend of each denial root-cause category, all payers: one row per month with denials and category seen in any month (0 when absent), with the change from the previous such month.';
COMMENT ON COLUMN @extschema@.denial_category_trend.month IS 'Month of the denial date.';
COMMENT ON COLUMN @extschema@.denial_category_trend.category IS 'Root-cause category.';
COMMENT ON COLUMN @extschema@.denial_category_trend.adjustments IS 'Denial rows in the category and month.';
COMMENT ON COLUMN @extschema@.denial_category_trend.amount IS 'Dollars denied in the category and month. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.denial_category_trend.share IS 'Share of the month''s denied dollars (fraction); NULL when the category is absent. numeric(26,6): a fraction, rounded to 6 decimals.';
COMMENT ON COLUMN @extschema@.denial_category_trend.previous_amount IS 'amount in the previous month listed; NULL for the first month. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.denial_category_trend.change IS 'amount - previous_amount. numeric(18,2): money, rounded to the cent.';

CREATE VIEW @extschema@.coding_denial_share WITH (security_invoker = true) AS
SELECT s.month, s.payer_id, p.name AS payer_name, s.dept_code,
       pg_catalog.round(x.denied_amount, 2)::pg_catalog.numeric(18,2) AS denied_amount,
       pg_catalog.round(x.coding_amount, 2)::pg_catalog.numeric(18,2) AS coding_amount,
       pg_catalog.round(x.coding_amount / NULLIF(x.denied_amount, 0), 6)::pg_catalog.numeric(26,6) AS coding_share
  FROM (SELECT pg_catalog.date_trunc('month', d.denial_date)::date AS month, d.payer_id, a.dept_code,
               @extschema@.denial_summary(d.group_code, d.carc, d.amount) AS summary
          FROM @extschema@.denial d
          LEFT JOIN @extschema@.claim c ON c.claim_id = d.claim_id
          LEFT JOIN @extschema@.account a ON a.account_id = c.account_id
         GROUP BY 1, 2, 3) s
  JOIN @extschema@.payer p ON p.payer_id = s.payer_id
  CROSS JOIN LATERAL (
       SELECT COALESCE(pg_catalog.sum(rc.amount), 0) AS denied_amount,
              COALESCE(pg_catalog.sum(rc.amount) FILTER (WHERE rc.category = 'coding'), 0) AS coding_amount
         FROM @extschema@.denial_root_causes(s.summary) rc) x;
COMMENT ON VIEW @extschema@.coding_denial_share IS
    'Share of denied dollars caused by coding (category "coding" of carc_category) by month, payer and department.';
COMMENT ON COLUMN @extschema@.coding_denial_share.month IS 'Month of the denial date.';
COMMENT ON COLUMN @extschema@.coding_denial_share.payer_id IS 'Payer that denied.';
COMMENT ON COLUMN @extschema@.coding_denial_share.payer_name IS 'Payer name.';
COMMENT ON COLUMN @extschema@.coding_denial_share.dept_code IS 'Department of the denied claim''s account; NULL when the denial has no claim.';
COMMENT ON COLUMN @extschema@.coding_denial_share.denied_amount IS 'Dollars denied (codes marked not-a-denial left out). numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.coding_denial_share.coding_amount IS 'Of those, the dollars in category coding. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.coding_denial_share.coding_share IS 'coding_amount / denied_amount (fraction). numeric(26,6): a fraction, rounded to 6 decimals.';

CREATE VIEW @extschema@.denial_appeal_summary WITH (security_invoker = true) AS
WITH da AS (
    SELECT d.denial_id, pg_catalog.date_trunc('month', d.denial_date)::date AS month,
           d.denial_date, d.payer_id, a.dept_code, d.amount,
           ap.appeals, ap.first_filed, ap.last_resolved, ap.any_pending, ap.overturned, ap.recovered
      FROM @extschema@.denial d
      LEFT JOIN @extschema@.claim c ON c.claim_id = d.claim_id
      LEFT JOIN @extschema@.account a ON a.account_id = c.account_id
      CROSS JOIN LATERAL (
           SELECT pg_catalog.count(*) AS appeals,
                  pg_catalog.min(x.filed_date) AS first_filed,
                  pg_catalog.max(x.resolved_date) AS last_resolved,
                  pg_catalog.bool_or(x.outcome = 'pending') AS any_pending,
                  pg_catalog.bool_or(x.outcome IN ('overturned', 'partially_overturned')) AS overturned,
                  COALESCE(pg_catalog.sum(x.recovered_amount), 0) AS recovered
             FROM @extschema@.appeal x
            WHERE x.denial_id = d.denial_id) ap)
SELECT da.month, da.payer_id, p.name AS payer_name, da.dept_code,
       pg_catalog.count(*) AS denials,
       pg_catalog.round(pg_catalog.sum(da.amount), 2)::pg_catalog.numeric(18,2) AS denied_amount,
       pg_catalog.count(*) FILTER (WHERE da.appeals > 0) AS denials_appealed,
       pg_catalog.round((pg_catalog.count(*) FILTER (WHERE da.appeals > 0))::numeric / pg_catalog.count(*), 6)::pg_catalog.numeric(26,6) AS appeal_rate,
       pg_catalog.count(*) FILTER (WHERE da.overturned) AS denials_overturned,
       pg_catalog.round((pg_catalog.count(*) FILTER (WHERE da.overturned AND NOT da.any_pending))::numeric
                        / NULLIF(pg_catalog.count(*) FILTER (WHERE da.appeals > 0 AND NOT da.any_pending), 0),
                        6)::pg_catalog.numeric(26,6) AS overturn_rate,
       pg_catalog.round(pg_catalog.sum(da.recovered), 2)::pg_catalog.numeric(18,2) AS recovered_amount,
       pg_catalog.round(pg_catalog.sum(da.recovered) / NULLIF(pg_catalog.sum(da.amount), 0), 6)::pg_catalog.numeric(26,6) AS recovery_rate,
       pg_catalog.round(pg_catalog.avg(da.first_filed - da.denial_date), 1)::pg_catalog.numeric(21,1) AS avg_days_to_appeal,
       pg_catalog.round(pg_catalog.avg(da.last_resolved - da.denial_date)
                        FILTER (WHERE da.appeals > 0 AND NOT da.any_pending), 1)::pg_catalog.numeric(21,1) AS avg_days_to_resolution
  FROM da
  JOIN @extschema@.payer p ON p.payer_id = da.payer_id
 GROUP BY 1, 2, 3, 4;
COMMENT ON VIEW @extschema@.denial_appeal_summary IS
    'Appeals of denials by month of the denial, payer and department: denials appealed, overturned, dollars recovered, days from denial to first appeal and to final decision.';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.month IS 'Month of the denial date.';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.payer_id IS 'Payer that denied.';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.payer_name IS 'Payer name.';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.dept_code IS 'Department of the denied claim''s account; NULL when the denial has no claim.';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.denials IS 'Denial rows.';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.denied_amount IS 'Dollars denied. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.denials_appealed IS 'Denials with at least one appeal filed.';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.appeal_rate IS 'denials_appealed / denials (fraction). numeric(26,6): a fraction, rounded to 6 decimals.';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.denials_overturned IS 'Denials with an appeal overturned or partially overturned.';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.overturn_rate IS 'Decided denials overturned (fully or partly) / appealed denials with no appeal pending (fraction, at most 1). numeric(26,6): a fraction, rounded to 6 decimals.';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.recovered_amount IS 'Dollars recovered by appeals. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.recovery_rate IS 'recovered_amount / denied_amount (fraction). numeric(26,6): a fraction, rounded to 6 decimals.';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.avg_days_to_appeal IS 'Average days from the denial to its first appeal, appealed denials only. numeric(21,1): days, rounded to 1 decimal.';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.avg_days_to_resolution IS 'Average days from the denial to the last appeal decision, appealed denials with no appeal pending. numeric(21,1): days, rounded to 1 decimal.';

CREATE VIEW @extschema@.denial_writeoff_rate WITH (security_invoker = true) AS
WITH l AS (
    SELECT pg_catalog.date_trunc('month', l.posted_date)::date AS month, l.payer_id, a.dept_code,
           l.kind, l.amount, l.reverses_txn_id, l.denial_id, l.posted_date
      FROM @extschema@.ledger l
      JOIN @extschema@.account a ON a.account_id = l.account_id
     WHERE l.kind NOT IN ('payment', 'refund', 'transfer')),
agg AS (
    SELECT l.month, l.payer_id, l.dept_code,
           COALESCE(pg_catalog.sum(l.amount) FILTER (WHERE l.kind = 'denial_writeoff'), 0) AS denial_writeoffs,
           pg_catalog.count(*) FILTER (WHERE l.kind = 'denial_writeoff' AND l.reverses_txn_id IS NULL) AS writeoffs,
           pg_catalog.count(*) FILTER (WHERE l.kind = 'denial_writeoff' AND l.reverses_txn_id IS NULL
                                       AND ap.appeals < 2) AS writeoffs_fewer_than_two_appeals,
           COALESCE(pg_catalog.sum(l.amount) FILTER (WHERE l.kind = 'charge'), 0)
             - COALESCE(pg_catalog.sum(l.amount) FILTER (WHERE l.kind <> 'charge'), 0) AS net_patient_service_revenue
      FROM l
      CROSS JOIN LATERAL (SELECT pg_catalog.count(*) AS appeals
                            FROM @extschema@.appeal x
                           WHERE l.kind = 'denial_writeoff'
                             AND x.denial_id = l.denial_id
                             AND x.filed_date <= l.posted_date) ap
     GROUP BY 1, 2, 3)
SELECT agg.month, agg.payer_id, p.name AS payer_name, agg.dept_code,
       agg.writeoffs, agg.writeoffs_fewer_than_two_appeals,
       pg_catalog.round(agg.denial_writeoffs, 2)::pg_catalog.numeric(18,2) AS denial_writeoffs,
       pg_catalog.round(agg.net_patient_service_revenue, 2)::pg_catalog.numeric(18,2) AS net_patient_service_revenue,
       pg_catalog.round(agg.denial_writeoffs / NULLIF(agg.net_patient_service_revenue, 0), 6)::pg_catalog.numeric(26,6) AS denial_writeoff_rate
  FROM agg
  JOIN @extschema@.payer p ON p.payer_id = agg.payer_id;
COMMENT ON VIEW @extschema@.denial_writeoff_rate IS
    'Final denial write-offs (net of reversals) as a share of net patient service revenue, by month posted, payer and department (HFMA MAP Keys: denial write-offs as a percentage of net patient service revenue).';
COMMENT ON COLUMN @extschema@.denial_writeoff_rate.month IS 'Month of the ledger posting date.';
COMMENT ON COLUMN @extschema@.denial_writeoff_rate.payer_id IS 'Payer of the ledger rows.';
COMMENT ON COLUMN @extschema@.denial_writeoff_rate.payer_name IS 'Payer name.';
COMMENT ON COLUMN @extschema@.denial_writeoff_rate.dept_code IS 'Department of the account.';
COMMENT ON COLUMN @extschema@.denial_writeoff_rate.writeoffs IS 'Denial write-offs posted (corrections not counted).';
COMMENT ON COLUMN @extschema@.denial_writeoff_rate.writeoffs_fewer_than_two_appeals IS 'Of those, the ones whose denial had fewer than two appeals filed on or before the write-off (see denial_writeoff_review).';
COMMENT ON COLUMN @extschema@.denial_writeoff_rate.denial_writeoffs IS 'Dollars of denial write-offs, net of reversals (corrections carry the opposite sign). numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.denial_writeoff_rate.net_patient_service_revenue IS 'Net patient service revenue posted in the month: gross charges - contractual adjustments - administrative, small-balance and denial write-offs - bad debt - charity (the definition net days in A/R uses). numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.denial_writeoff_rate.denial_writeoff_rate IS 'denial_writeoffs / net_patient_service_revenue (fraction). numeric(26,6): a fraction, rounded to 6 decimals.';
