
-- ===================================================================
-- revcycle 0.3.0: KPI definitions to the standard (issue 15).
-- Runs after 60_bi_column_types.sql: a view changed here is redefined
-- from its 60_ form (declared numeric types rounded once in the final
-- select, a comment on every column ending with its type,
-- security_invoker).  Operators in the new DDL are written
-- OPERATOR(pg_catalog.x) (README.md, "Security").
-- ===================================================================

-- -------------------------------------------------------------------
-- Item 1. Collection rates by service month (cohort; AAFP, HFMA).
-- The charges of the services of a month (accounts whose first date of
-- service falls in it, by the account's primary payer) against
-- everything posted on those accounts up to the as-of date, whenever it
-- was posted.  Sums come from the engine (collections_agg(kind, amount)
-- and its accessors); the open balance, share and rates are computed
-- once per cohort from those sums.
--   open_ar    = charges - payments + refunds - contractual - other
--                (transfers move A/R between payers of the same account
--                and net to zero in a cohort)
--   open_share = open_ar / charges (NULL when charges are not positive)
--   months_since_service = calendar months from the service month to
--                the month of as_of (January -> March = 2)
--   is_mature  = months_since_service >= 6, or months_since_service >= 1
--                and open_share < 0.05 (the service month itself is
--                never mature: its late charges can still post)
--   below_aafp_benchmark = net rate < 0.95 on mature cohorts only,
--                NULL on immature ones.
-- -------------------------------------------------------------------
CREATE FUNCTION @extschema@.collections_by_service_month(as_of date)
    RETURNS TABLE (service_month date, payer_id bigint, payer_name text, payer_class text,
                   gross_charges numeric, payments numeric, refunds numeric,
                   contractual_adjustments numeric, other_adjustments numeric,
                   open_ar numeric, open_share numeric, months_since_service integer,
                   is_mature boolean, gross_collection_rate numeric,
                   net_collection_rate numeric, below_aafp_benchmark boolean)
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT c.service_month, c.payer_id, p.name, p.payer_class::pg_catalog.text,
           @extschema@.gross_charges(c.s), @extschema@.payments(c.s), @extschema@.refunds(c.s),
           @extschema@.contractual_adjustments(c.s), @extschema@.other_adjustments(c.s),
           o.open_ar, sh.open_share, ms.months, mt.is_mature,
           @extschema@.gross_collection_rate(c.s), @extschema@.net_collection_rate(c.s),
           CASE WHEN mt.is_mature
                THEN @extschema@.net_collection_rate(c.s) OPERATOR(pg_catalog.<) 0.95 END
      FROM (SELECT pg_catalog.date_trunc('month', a.service_from::pg_catalog.timestamp)::pg_catalog.date AS service_month,
                   a.primary_payer_id AS payer_id,
                   @extschema@.collections_agg(l.kind, l.amount) AS s
              FROM @extschema@.ledger l
              JOIN @extschema@.account a ON a.account_id OPERATOR(pg_catalog.=) l.account_id
             WHERE l.posted_date OPERATOR(pg_catalog.<=) collections_by_service_month.as_of
               AND a.service_from OPERATOR(pg_catalog.<=) collections_by_service_month.as_of
             GROUP BY 1, 2) c
      JOIN @extschema@.payer p ON p.payer_id OPERATOR(pg_catalog.=) c.payer_id
     CROSS JOIN LATERAL (
           SELECT @extschema@.gross_charges(c.s) OPERATOR(pg_catalog.-) @extschema@.payments(c.s)
                  OPERATOR(pg_catalog.+) @extschema@.refunds(c.s)
                  OPERATOR(pg_catalog.-) @extschema@.contractual_adjustments(c.s)
                  OPERATOR(pg_catalog.-) @extschema@.other_adjustments(c.s) AS open_ar) o
     CROSS JOIN LATERAL (
           SELECT CASE WHEN @extschema@.gross_charges(c.s) OPERATOR(pg_catalog.>) 0
                       THEN o.open_ar OPERATOR(pg_catalog./) @extschema@.gross_charges(c.s) END AS open_share) sh
     CROSS JOIN LATERAL (
           SELECT ((pg_catalog.date_part('year', collections_by_service_month.as_of::pg_catalog.timestamp)
                    OPERATOR(pg_catalog.-) pg_catalog.date_part('year', c.service_month::pg_catalog.timestamp))
                   OPERATOR(pg_catalog.*) 12
                   OPERATOR(pg_catalog.+) pg_catalog.date_part('month', collections_by_service_month.as_of::pg_catalog.timestamp)
                   OPERATOR(pg_catalog.-) pg_catalog.date_part('month', c.service_month::pg_catalog.timestamp)
                  )::pg_catalog.int4 AS months) ms
     CROSS JOIN LATERAL (
           SELECT ms.months OPERATOR(pg_catalog.>=) 6
                  OR (ms.months OPERATOR(pg_catalog.>=) 1
                      AND COALESCE(sh.open_share OPERATOR(pg_catalog.<) 0.05, false)) AS is_mature) mt;
END;
COMMENT ON FUNCTION @extschema@.collections_by_service_month(date) IS
    'Collection rates by service month (cohort): per first-service month of the accounts and primary payer, the charges against everything posted on those accounts on or before as_of, with the share still open, the months since service (calendar months to the month of as_of) and maturity (6 months passed, or at least one month passed and under 5% of charges still open); the AAFP 95% flag only on mature cohorts.  Exact values, unrounded; the view collections_by_service_month rounds them.';

CREATE VIEW @extschema@.collections_by_service_month WITH (security_invoker = true) AS
SELECT c.service_month, c.payer_id, c.payer_name, c.payer_class,
       pg_catalog.round(c.gross_charges, 2)::pg_catalog.numeric(18,2) AS gross_charges,
       pg_catalog.round(c.payments, 2)::pg_catalog.numeric(18,2) AS payments,
       pg_catalog.round(c.refunds, 2)::pg_catalog.numeric(18,2) AS refunds,
       pg_catalog.round(c.contractual_adjustments, 2)::pg_catalog.numeric(18,2) AS contractual_adjustments,
       pg_catalog.round(c.other_adjustments, 2)::pg_catalog.numeric(18,2) AS other_adjustments,
       pg_catalog.round(c.open_ar, 2)::pg_catalog.numeric(18,2) AS open_ar,
       pg_catalog.round(c.open_share, 6)::pg_catalog.numeric(26,6) AS open_share,
       c.months_since_service,
       c.is_mature,
       pg_catalog.round(c.gross_collection_rate, 6)::pg_catalog.numeric(26,6) AS gross_collection_rate,
       pg_catalog.round(c.net_collection_rate, 6)::pg_catalog.numeric(26,6) AS net_collection_rate,
       c.below_aafp_benchmark,
       r.as_of
  FROM (SELECT COALESCE(pg_catalog.max(l.posted_date), CURRENT_DATE) AS as_of
          FROM @extschema@.ledger l) r
 CROSS JOIN LATERAL @extschema@.collections_by_service_month(r.as_of) c;
COMMENT ON VIEW @extschema@.collections_by_service_month IS
    'Collection rates by service month (cohort; AAFP net collection rate, MGMA gross and adjusted FFS collection percentages): collections_by_service_month(as_of) as of the last posting date in the ledger (the data cut-off, not CURRENT_DATE: a ledger loaded up to a past date does not make its cohorts look mature), rounded.  Judge the AAFP 95% benchmark here, on mature cohorts; collections_monthly_by_payer is cash basis.';
COMMENT ON COLUMN @extschema@.collections_by_service_month.service_month IS 'First day of the month of the accounts'' first date of service (account.service_from): the cohort.';
COMMENT ON COLUMN @extschema@.collections_by_service_month.payer_id IS 'Primary payer of the accounts (financial class); all of an account''s postings count here, including patient and secondary-payer payments.';
COMMENT ON COLUMN @extschema@.collections_by_service_month.payer_name IS 'Primary payer name.';
COMMENT ON COLUMN @extschema@.collections_by_service_month.payer_class IS 'Class of the primary payer (medicare, medicaid, commercial, managed_care, self_pay, workers_comp, other_government).';
COMMENT ON COLUMN @extschema@.collections_by_service_month.gross_charges IS 'Gross charges of the cohort''s accounts posted on or before as_of (whenever posted). numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.collections_by_service_month.payments IS 'Payments posted on the cohort''s accounts on or before as_of, in any month. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.collections_by_service_month.refunds IS 'Refunds posted on the cohort''s accounts on or before as_of. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.collections_by_service_month.contractual_adjustments IS 'Contractual adjustments posted on the cohort''s accounts on or before as_of. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.collections_by_service_month.other_adjustments IS 'Administrative, small-balance, denial, bad-debt and charity write-offs posted on the cohort''s accounts on or before as_of. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.collections_by_service_month.open_ar IS 'Still open: gross_charges - payments + refunds - contractual_adjustments - other_adjustments (the cohort''s net A/R, all payers). numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.collections_by_service_month.open_share IS 'open_ar / gross_charges, a fraction; NULL when gross charges are not positive. numeric(26,6): a fraction, rounded to 6 decimals.';
COMMENT ON COLUMN @extschema@.collections_by_service_month.months_since_service IS 'Calendar months from service_month to the month of as_of (0 = the service month itself).';
COMMENT ON COLUMN @extschema@.collections_by_service_month.is_mature IS 'Maturity rule: months_since_service >= 6, or months_since_service >= 1 and open_share < 0.05 (compares the exact share).';
COMMENT ON COLUMN @extschema@.collections_by_service_month.gross_collection_rate IS 'Payments / gross charges of the cohort (MGMA gross FFS collection percentage); NULL when charges are zero. numeric(26,6): a fraction, rounded to 6 decimals.';
COMMENT ON COLUMN @extschema@.collections_by_service_month.net_collection_rate IS 'AAFP net (adjusted) collection rate of the cohort: (payments - refunds) / (gross charges - contractual adjustments); NULL when the denominator is zero. numeric(26,6): a fraction, rounded to 6 decimals.';
COMMENT ON COLUMN @extschema@.collections_by_service_month.below_aafp_benchmark IS 'AAFP: true when the exact net collection rate of a mature cohort is below 95%; NULL when the cohort is not mature or the rate is NULL.';
COMMENT ON COLUMN @extschema@.collections_by_service_month.as_of IS 'The as-of date: the last posting date in the ledger (CURRENT_DATE when the ledger is empty).';

-- The cash-basis views keep their columns; below_aafp_benchmark is never
-- set on a cash-basis row any more (a month's payments against the same
-- month's charges swing outside 0-100%: the AAFP benchmark is judged on
-- mature cohorts, collections_by_service_month).
CREATE OR REPLACE VIEW @extschema@.collections_monthly_by_payer WITH (security_invoker = true) AS
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
       NULL::pg_catalog.bool AS below_aafp_benchmark
FROM (SELECT pg_catalog.date_trunc('month', l.posted_date::pg_catalog.timestamp)::pg_catalog.date AS month,
             a.primary_payer_id AS payer_id,
             @extschema@.collections_agg(l.kind, l.amount) AS summary
      FROM @extschema@.ledger AS l
      JOIN @extschema@.account AS a ON a.account_id OPERATOR(pg_catalog.=) l.account_id
      GROUP BY 1, 2) AS s
JOIN @extschema@.payer AS p ON p.payer_id OPERATOR(pg_catalog.=) s.payer_id;
COMMENT ON VIEW @extschema@.collections_monthly_by_payer IS
    'Cash basis: monthly collection sums and rates per primary payer of the accounts (financial class), by posting month: a month''s payments against the same month''s charges, which can fall outside 0-100% and are never judged against the AAFP benchmark; use collections_by_service_month (cohort) for that (security_invoker: row-level security on the ledger and accounts applies).';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.gross_collection_rate IS 'Cash basis: payments / gross charges posted in the same month (fraction); NULL when no charges posted. numeric(26,6): a fraction, rounded to 6 decimals.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.net_collection_rate IS 'Cash basis: (payments - refunds) / (gross charges - contractual adjustments) posted in the same month, a fraction; NULL when the denominator is zero; not a cohort rate, not comparable with the AAFP benchmark. numeric(26,6): a fraction, rounded to 6 decimals.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.below_aafp_benchmark IS 'Always NULL since 0.3.0: a cash-basis month is never flagged against the AAFP 95% benchmark (see collections_by_service_month.below_aafp_benchmark, set on mature cohorts).';

CREATE OR REPLACE VIEW @extschema@.collections_monthly_by_payer_class WITH (security_invoker = true) AS
SELECT s.month,
       s.payer_class::text AS payer_class,
       pg_catalog.round(@extschema@.gross_charges(s.summary), 2)::pg_catalog.numeric(18,2) AS gross_charges,
       pg_catalog.round(@extschema@.payments(s.summary), 2)::pg_catalog.numeric(18,2) AS payments,
       pg_catalog.round(@extschema@.refunds(s.summary), 2)::pg_catalog.numeric(18,2) AS refunds,
       pg_catalog.round(@extschema@.contractual_adjustments(s.summary), 2)::pg_catalog.numeric(18,2) AS contractual_adjustments,
       pg_catalog.round(@extschema@.other_adjustments(s.summary), 2)::pg_catalog.numeric(18,2) AS other_adjustments,
       pg_catalog.round(@extschema@.gross_collection_rate(s.summary), 6)::pg_catalog.numeric(26,6) AS gross_collection_rate,
       pg_catalog.round(@extschema@.net_collection_rate(s.summary), 6)::pg_catalog.numeric(26,6) AS net_collection_rate,
       NULL::pg_catalog.bool AS below_aafp_benchmark
FROM (SELECT pg_catalog.date_trunc('month', l.posted_date::pg_catalog.timestamp)::pg_catalog.date AS month,
             p.payer_class,
             @extschema@.collections_agg(l.kind, l.amount) AS summary
      FROM @extschema@.ledger AS l
      JOIN @extschema@.account AS a ON a.account_id OPERATOR(pg_catalog.=) l.account_id
      JOIN @extschema@.payer AS p ON p.payer_id OPERATOR(pg_catalog.=) a.primary_payer_id
      GROUP BY 1, 2) AS s;
COMMENT ON VIEW @extschema@.collections_monthly_by_payer_class IS
    'Cash basis: monthly collection sums and rates per payer class of the accounts'' primary payer, by posting month; never judged against the AAFP benchmark (use collections_by_service_month, cohort) (security_invoker: row-level security on the ledger and accounts applies).';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.gross_collection_rate IS 'Cash basis: payments / gross charges posted in the same month (fraction); NULL when no charges posted. numeric(26,6): a fraction, rounded to 6 decimals.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.net_collection_rate IS 'Cash basis: (payments - refunds) / (gross charges - contractual adjustments) posted in the same month, a fraction; NULL when the denominator is zero; not comparable with the AAFP benchmark. numeric(26,6): a fraction, rounded to 6 decimals.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.below_aafp_benchmark IS 'Always NULL since 0.3.0: a cash-basis month is never flagged against the AAFP 95% benchmark (see collections_by_service_month.below_aafp_benchmark, set on mature cohorts).';

-- -------------------------------------------------------------------
-- Item 2. Aged A/R: billed vs total (HFMA MAP Keys AR-1, AR-3).
-- AR-1 "aged A/R as a percentage of billed A/R" counts only accounts
-- final billed (account.final_billed_date on or before the month-end);
-- AR-3 is the same share of total A/R, billed + unbilled (DNFB and
-- in-house accounts are unbilled).  Debit balances, aged from the date of
-- service (AAFP) as before; total_ar is what billed_ar was in 0.2.0.
-- -------------------------------------------------------------------
DROP VIEW @extschema@.aged_ar_percent;
CREATE VIEW @extschema@.aged_ar_percent WITH (security_invoker = true) AS
WITH aged AS (
    SELECT b.month_end, p.payer_class::pg_catalog.text AS payer_class,
           COALESCE(a.final_billed_date OPERATOR(pg_catalog.<=) b.month_end, false) AS billed,
           @extschema@.ar_aging(b.balance, b.service_date, b.month_end) AS aging
      FROM @extschema@.month_end_balances b
      JOIN @extschema@.payer p ON p.payer_id OPERATOR(pg_catalog.=) b.payer_id
      JOIN @extschema@.account a ON a.account_id OPERATOR(pg_catalog.=) b.account_id
     GROUP BY b.month_end, p.payer_class, 3
), rolled AS (
    SELECT g.month_end, COALESCE(g.payer_class, 'all') AS payer_group,
           @extschema@.ar_aging_merge(g.aging) AS total_aging,
           @extschema@.ar_aging_merge(g.aging) FILTER (WHERE g.billed) AS billed_aging,
           @extschema@.ar_aging_merge(g.aging) FILTER (WHERE NOT g.billed) AS unbilled_aging
      FROM aged g
     GROUP BY GROUPING SETS ((g.month_end, g.payer_class), (g.month_end))
)
SELECT r.month_end, r.payer_group,
       pg_catalog.round(@extschema@.ar_debit_total(r.total_aging), 2)::pg_catalog.numeric(18,2) AS total_ar,
       pg_catalog.round(COALESCE(@extschema@.ar_debit_total(r.unbilled_aging), 0), 2)::pg_catalog.numeric(18,2) AS unbilled_ar,
       pg_catalog.round(COALESCE(@extschema@.ar_debit_total(r.billed_aging), 0), 2)::pg_catalog.numeric(18,2) AS billed_ar,
       pg_catalog.round(ov.total_90, 2)::pg_catalog.numeric(18,2) AS ar_over_90_total,
       pg_catalog.round(ov.billed_90, 2)::pg_catalog.numeric(18,2) AS ar_over_90_billed,
       pg_catalog.round(ov.total_120, 2)::pg_catalog.numeric(18,2) AS ar_over_120_total,
       pg_catalog.round(ov.billed_120, 2)::pg_catalog.numeric(18,2) AS ar_over_120_billed,
       pg_catalog.round(@extschema@.ar_over(r.billed_aging, 90), 6)::pg_catalog.numeric(26,6) AS share_over_90_billed,
       pg_catalog.round(@extschema@.ar_over(r.total_aging, 90), 6)::pg_catalog.numeric(26,6) AS share_over_90_total,
       pg_catalog.round(@extschema@.ar_over(r.billed_aging, 120), 6)::pg_catalog.numeric(26,6) AS share_over_120_billed,
       pg_catalog.round(@extschema@.ar_over(r.total_aging, 120), 6)::pg_catalog.numeric(26,6) AS share_over_120_total
  FROM rolled r
 CROSS JOIN LATERAL (
       SELECT (SELECT pg_catalog.sum(x.amount) FROM @extschema@.aging_buckets(r.total_aging) x
                WHERE x.min_days OPERATOR(pg_catalog.>) 90) AS total_90,
              COALESCE((SELECT pg_catalog.sum(x.amount) FROM @extschema@.aging_buckets(r.billed_aging) x
                         WHERE x.min_days OPERATOR(pg_catalog.>) 90), 0) AS billed_90,
              (SELECT pg_catalog.sum(x.amount) FROM @extschema@.aging_buckets(r.total_aging) x
                WHERE x.min_days OPERATOR(pg_catalog.>) 120) AS total_120,
              COALESCE((SELECT pg_catalog.sum(x.amount) FROM @extschema@.aging_buckets(r.billed_aging) x
                         WHERE x.min_days OPERATOR(pg_catalog.>) 120), 0) AS billed_120) ov;
COMMENT ON VIEW @extschema@.aged_ar_percent IS
    'Aged A/R per month-end, per payer class and in total (payer_group ''all''), aged from the date of service (AAFP), debit balances only: HFMA MAP Key AR-1 (aged A/R as a percentage of billed A/R: accounts final billed by the month-end) and AR-3 (aged A/R as a percentage of total A/R: billed + unbilled, DNFB and in-house included); AAFP % of A/R over 120 days.';
COMMENT ON COLUMN @extschema@.aged_ar_percent.month_end IS 'Last day of the month.';
COMMENT ON COLUMN @extschema@.aged_ar_percent.payer_group IS 'Payer class of the responsible payer, or ''all'' for all payers.';
COMMENT ON COLUMN @extschema@.aged_ar_percent.total_ar IS 'Total A/R (HFMA AR-3 denominator): sum of debit balances at month-end, billed and unbilled; billed_ar + unbilled_ar. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_ar_percent.unbilled_ar IS 'Debit balances of accounts not final billed by the month-end (account.final_billed_date NULL or later): discharged not final billed (DNFB) and in-house. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_ar_percent.billed_ar IS 'Billed A/R (HFMA AR-1 denominator): debit balances of accounts final billed on or before the month-end. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_ar_percent.ar_over_90_total IS 'Debit balances older than 90 days from the date of service, billed and unbilled. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_ar_percent.ar_over_90_billed IS 'Billed debit balances older than 90 days from the date of service. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_ar_percent.ar_over_120_total IS 'Debit balances older than 120 days from the date of service, billed and unbilled. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_ar_percent.ar_over_120_billed IS 'Billed debit balances older than 120 days from the date of service. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_ar_percent.share_over_90_billed IS 'HFMA MAP Key AR-1 (> 90 days): ar_over_90_billed / billed_ar, a fraction; NULL when billed_ar is zero. numeric(26,6): a fraction, rounded to 6 decimals.';
COMMENT ON COLUMN @extschema@.aged_ar_percent.share_over_90_total IS 'HFMA MAP Key AR-3 (> 90 days): ar_over_90_total / total_ar, a fraction; NULL when total_ar is zero. numeric(26,6): a fraction, rounded to 6 decimals.';
COMMENT ON COLUMN @extschema@.aged_ar_percent.share_over_120_billed IS 'HFMA MAP Key AR-1 (> 120 days): ar_over_120_billed / billed_ar, a fraction; NULL when billed_ar is zero. numeric(26,6): a fraction, rounded to 6 decimals.';
COMMENT ON COLUMN @extschema@.aged_ar_percent.share_over_120_total IS 'HFMA MAP Key AR-3 (> 120 days) and AAFP % of A/R over 120 days: ar_over_120_total / total_ar, a fraction; NULL when total_ar is zero. numeric(26,6): a fraction, rounded to 6 decimals.';

-- -------------------------------------------------------------------
-- Item 8. Aged trial balance reconciliation (domain brief,
-- "Reconciliation"): beginning A/R + charges - payments - adjustments
-- +- transfers = ending A/R on every row, whatever the order of postings.
-- A payment posted before the date of service (a deposit) used to fall
-- out of ending_ar (aging leaves out a balance whose anchor is after the
-- as-of date) while beginning_ar and the activity columns counted it:
-- -100.00 at the month-end before the visit.  It now has its own column,
-- pre_service_ar, part of ending_ar.  A column in the middle: DROP and
-- CREATE, from the 60_ definition.
-- -------------------------------------------------------------------
DROP VIEW @extschema@.aged_trial_balance;
CREATE VIEW @extschema@.aged_trial_balance WITH (security_invoker = true) AS
WITH aged AS (
    -- A balance whose date of service is after the month-end (a deposit or
    -- prepayment before the visit) has no age yet: ar_aging leaves it out,
    -- so it is summarised apart, as of the month-end (anchor = month_end),
    -- and enters ending_ar through pre_service_ar.
    SELECT b.month_end, b.payer_id,
           @extschema@.ar_aging(b.balance, b.service_date, b.month_end) AS aging,
           @extschema@.ar_aging(b.balance, b.month_end, b.month_end)
               FILTER (WHERE b.service_date OPERATOR(pg_catalog.>) b.month_end) AS pre_service
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
       pg_catalog.round(@extschema@.ar_net_total(g.aging) OPERATOR(pg_catalog.+) ps.pre_service_ar, 2)::pg_catalog.numeric(18,2) AS ending_ar,
       pg_catalog.round(bk.ar_0_30, 2)::pg_catalog.numeric(18,2) AS ar_0_30,
       pg_catalog.round(bk.ar_31_60, 2)::pg_catalog.numeric(18,2) AS ar_31_60,
       pg_catalog.round(bk.ar_61_90, 2)::pg_catalog.numeric(18,2) AS ar_61_90,
       pg_catalog.round(bk.ar_91_120, 2)::pg_catalog.numeric(18,2) AS ar_91_120,
       pg_catalog.round(bk.ar_over_120, 2)::pg_catalog.numeric(18,2) AS ar_over_120,
       pg_catalog.round(ps.pre_service_ar, 2)::pg_catalog.numeric(18,2) AS pre_service_ar,
       pg_catalog.round(-@extschema@.ar_credit_total(g.aging), 2)::pg_catalog.numeric(18,2) AS credit_balance_amount,
       @extschema@.ar_credit_items(g.aging) AS credit_balance_count,
       pg_catalog.round(COALESCE(bg.beginning_ar, 0) + COALESCE(ac.charges, 0) - COALESCE(ac.payments, 0)
                        + COALESCE(ac.refunds, 0) - COALESCE(ac.adjustments, 0) + COALESCE(ac.transfers, 0)
                        - @extschema@.ar_net_total(g.aging) - ps.pre_service_ar, 2)::pg_catalog.numeric(18,2) AS reconciliation
  FROM aged g
  JOIN @extschema@.payer p ON p.payer_id = g.payer_id
  LEFT JOIN activity ac ON ac.month_end = g.month_end AND ac.payer_id = g.payer_id
  LEFT JOIN beginning bg ON bg.month_end = g.month_end AND bg.payer_id = g.payer_id
  CROSS JOIN LATERAL (SELECT COALESCE(@extschema@.ar_net_total(g.pre_service), 0) AS pre_service_ar) ps
  CROSS JOIN LATERAL (
      SELECT pg_catalog.sum(x.amount + x.credit_amount) FILTER (WHERE x.min_days = 0) AS ar_0_30,
             pg_catalog.sum(x.amount + x.credit_amount) FILTER (WHERE x.min_days = 31) AS ar_31_60,
             pg_catalog.sum(x.amount + x.credit_amount) FILTER (WHERE x.min_days = 61) AS ar_61_90,
             pg_catalog.sum(x.amount + x.credit_amount) FILTER (WHERE x.min_days = 91) AS ar_91_120,
             pg_catalog.sum(x.amount + x.credit_amount) FILTER (WHERE x.min_days = 121) AS ar_over_120
        FROM @extschema@.aging_buckets(g.aging) x) bk;
COMMENT ON VIEW @extschema@.aged_trial_balance IS
    'Aged trial balance per month-end and responsible payer, aged from the date of service (AAFP).  ending_ar = the aged buckets + pre_service_ar (balances of services after the month-end, e.g. deposits); reconciliation = beginning_ar + charges - payments + refunds - adjustments + transfers - ending_ar, zero on every row whatever the order of postings (domain brief, "Reconciliation").';
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
COMMENT ON COLUMN @extschema@.aged_trial_balance.ending_ar IS 'A/R at month-end: sum of the aged balances (debit and credit, ar_0_30 .. ar_over_120) + pre_service_ar. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.ar_0_30 IS 'Net balance aged 0-30 days from the date of service. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.ar_31_60 IS 'Net balance aged 31-60 days. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.ar_61_90 IS 'Net balance aged 61-90 days. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.ar_91_120 IS 'Net balance aged 91-120 days. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.ar_over_120 IS 'Net balance aged over 120 days. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.pre_service_ar IS 'Net balance of accounts whose date of service is after the month-end (deposits and prepayments before the visit: usually a credit, negative); not aged, since its age starts at the service date; part of ending_ar. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.credit_balance_amount IS 'Sum of aged credit balances (owed back), as a positive amount (inside the buckets; pre-service credits are in pre_service_ar). numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.credit_balance_count IS 'Number of aged account balances that are credits (pre-service balances not counted).';
COMMENT ON COLUMN @extschema@.aged_trial_balance.reconciliation IS 'beginning_ar + charges - payments + refunds - adjustments + transfers - ending_ar; zero on every row (a deposit before the date of service included: it is in pre_service_ar). numeric(18,2): money, rounded to the cent.';

-- -------------------------------------------------------------------
-- Item 9. Credit balances as of a date, and HFMA MAP Key AR-9 (credit
-- balance days: credit balances / average daily net patient service
-- revenue).  The view credit_balances stays (as of CURRENT_DATE) and now
-- reads the function.
-- -------------------------------------------------------------------
CREATE FUNCTION @extschema@.credit_balances(as_of date)
    RETURNS TABLE (account_id bigint, account_number text, payer_id bigint, payer_name text,
                   payer_class text, amount numeric, service_date date, last_activity_date date,
                   age_days integer, age_from_service_days integer)
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT b.account_id, a.account_number, b.payer_id, p.name, p.payer_class::pg_catalog.text,
           OPERATOR(pg_catalog.-) b.balance, b.service_date, b.last_activity_date,
           credit_balances.as_of OPERATOR(pg_catalog.-) b.last_activity_date,
           credit_balances.as_of OPERATOR(pg_catalog.-) b.service_date
      FROM @extschema@.ar_balances(credit_balances.as_of) b
      JOIN @extschema@.account a ON a.account_id OPERATOR(pg_catalog.=) b.account_id
      JOIN @extschema@.payer p ON p.payer_id OPERATOR(pg_catalog.=) b.payer_id
     WHERE b.balance OPERATOR(pg_catalog.<) 0;
END;
COMMENT ON FUNCTION @extschema@.credit_balances(date) IS
    'Credit balances (owed back to a patient or payer) per account and responsible payer as of a date, from ledger rows posted on or before it (ar_balances): amount as a positive number, exact; ages in days from the last activity and from the date of service, counted to as_of.  The view credit_balances is this as of CURRENT_DATE, rounded.';

CREATE OR REPLACE VIEW @extschema@.credit_balances WITH (security_invoker = true) AS
SELECT c.account_id, c.account_number, c.payer_id, c.payer_name, c.payer_class,
       pg_catalog.round(c.amount, 2)::pg_catalog.numeric(18,2) AS amount,
       c.service_date, c.last_activity_date, c.age_days, c.age_from_service_days
  FROM @extschema@.credit_balances(CURRENT_DATE) c;
COMMENT ON VIEW @extschema@.credit_balances IS
    'Credit balances (money owed back to a patient or payer) per account and payer as of today (credit_balances(CURRENT_DATE); call the function for another date), with their age from the last activity; input of the small-balance policy.';

CREATE FUNCTION @extschema@.credit_balance_days(as_of date)
    RETURNS TABLE (credit_balances numeric, credit_balance_count bigint,
                   net_patient_service_revenue_3m numeric, window_days integer,
                   credit_balance_days numeric)
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT cr.credits, cr.items, rv.npsr, rv.days,
           CASE WHEN rv.npsr OPERATOR(pg_catalog.>) 0
                THEN cr.credits OPERATOR(pg_catalog.*) rv.days OPERATOR(pg_catalog./) rv.npsr END
      FROM (SELECT COALESCE(OPERATOR(pg_catalog.-) @extschema@.ar_credit_total(g.aging), 0) AS credits,
                   COALESCE(@extschema@.ar_credit_items(g.aging), 0) AS items
              FROM (SELECT @extschema@.ar_aging(b.balance, LEAST(b.service_date, credit_balance_days.as_of),
                                                credit_balance_days.as_of) AS aging
                      FROM @extschema@.ar_balances(credit_balance_days.as_of) b) g) cr
     CROSS JOIN (SELECT @extschema@.net_patient_service_revenue(s.s) AS npsr,
                        (credit_balance_days.as_of OPERATOR(pg_catalog.-) @extschema@.net_window_start(s.s))
                            OPERATOR(pg_catalog.+) 1 AS days
                   FROM (SELECT @extschema@.ar_days_agg(l.kind, l.amount, l.posted_date, credit_balance_days.as_of) AS s
                           FROM @extschema@.ledger l
                          WHERE l.posted_date OPERATOR(pg_catalog.<=) credit_balance_days.as_of) s) rv;
END;
COMMENT ON FUNCTION @extschema@.credit_balance_days(date) IS
    'HFMA MAP Key AR-9, credit balance days, as of a date: credit_balances (sum of the credit balances per account and responsible payer, as a positive amount, pre-service deposits included) / (net patient service revenue of the trailing 3 calendar months / their days), the window and revenue of net_days_in_ar.  credit_balance_days NULL when that revenue is not positive.  Exact values.';

-- -------------------------------------------------------------------
-- Item 4. Days in A/R per payer (domain brief, "Per-payer ratios").
-- Charges post to the primary payer only, so a payer that receives
-- balances by transfer had no denominator and per-payer rows read
-- -34.5, -44.1 or 429.5 days.  A payer's look-back charges and net
-- revenue now count the charges that became its responsibility (transfers
-- in); days are NULL with a reason when net A/R is a credit or the
-- denominator is not positive.  Columns unchanged but one appended
-- (days_undefined_reason): CREATE OR REPLACE.
-- -------------------------------------------------------------------
CREATE OR REPLACE VIEW @extschema@.days_in_ar_trend WITH (security_invoker = true) AS
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
    -- Per payer, the charges that became its responsibility: its own
    -- charge rows and the balances transferred to it (a day's net
    -- transfer in, fed as kind 'charge': both raise A/R, so net A/R is
    -- unchanged).  Over all payers transfers net to zero and only charge
    -- rows count.
    SELECT f.month_end, f.payer_id, GROUPING(f.payer_id) AS all_payers,
           @extschema@.ar_days_agg(f.kind, f.amount, f.posted_date, f.month_end) AS s_all,
           @extschema@.ar_days_agg(CASE WHEN f.kind OPERATOR(pg_catalog.=) 'transfer'::@extschema@.txn_kind
                                             AND f.amount OPERATOR(pg_catalog.>) 0
                                        THEN 'charge'::@extschema@.txn_kind ELSE f.kind END,
                                   f.amount, f.posted_date, f.month_end) AS s_payer
      FROM (SELECT (f.month_start + interval '1 month' - interval '1 day')::date AS month_end,
                   f.payer_id, f.kind, f.amount, f.posted_date
              FROM fed f) f
     GROUP BY GROUPING SETS ((f.month_end, f.payer_id), (f.month_end))
), picked AS (
    SELECT m.month_end, m.payer_id,
           CASE WHEN m.all_payers OPERATOR(pg_catalog.=) 1 THEN m.s_all ELSE m.s_payer END AS s
      FROM summ m
)
SELECT s.month_end, s.payer_id,
       COALESCE(p.name, 'All payers') AS payer_name,
       COALESCE(p.payer_class::text, 'all') AS payer_class,
       pg_catalog.round(@extschema@.net_ar(s.s), 2)::pg_catalog.numeric(18,2) AS net_ar,
       pg_catalog.round(@extschema@.lookback_charges(s.s), 2)::pg_catalog.numeric(18,2) AS gross_charges_90d,
       pg_catalog.round(CASE WHEN @extschema@.net_ar(s.s) OPERATOR(pg_catalog.>=) 0
                              AND @extschema@.lookback_charges(s.s) OPERATOR(pg_catalog.>) 0
                             THEN @extschema@.days_in_ar(s.s) END, 1)::pg_catalog.numeric(21,1) AS days_in_ar,
       pg_catalog.round(@extschema@.net_patient_service_revenue(s.s), 2)::pg_catalog.numeric(18,2) AS net_patient_service_revenue_3m,
       pg_catalog.round(CASE WHEN @extschema@.net_ar(s.s) OPERATOR(pg_catalog.>=) 0
                              AND @extschema@.net_patient_service_revenue(s.s) OPERATOR(pg_catalog.>) 0
                             THEN @extschema@.net_days_in_ar(s.s) END, 1)::pg_catalog.numeric(21,1) AS net_days_in_ar,
       CASE WHEN @extschema@.net_ar(s.s) OPERATOR(pg_catalog.<) 0
                 THEN 'net A/R is a credit balance'
            WHEN @extschema@.lookback_charges(s.s) OPERATOR(pg_catalog.<=) 0
                 AND @extschema@.net_patient_service_revenue(s.s) OPERATOR(pg_catalog.<=) 0
                 THEN 'no charges became this payer''s responsibility in the look-back and no net revenue in the 3 months'
            WHEN @extschema@.lookback_charges(s.s) OPERATOR(pg_catalog.<=) 0
                 THEN 'no charges became this payer''s responsibility in the 90-day look-back'
            WHEN @extschema@.net_patient_service_revenue(s.s) OPERATOR(pg_catalog.<=) 0
                 THEN 'net patient service revenue of the 3 months is not positive'
       END AS days_undefined_reason
  FROM picked s
  LEFT JOIN @extschema@.payer p ON p.payer_id = s.payer_id;
COMMENT ON VIEW @extschema@.days_in_ar_trend IS
    'Days in A/R per month-end and responsible payer (payer_id NULL: all payers), both bases: gross (AAFP/MGMA, 90-day look-back) and net (HFMA MAP Key FM-1 family, net days in A/R, trailing 3 calendar months).  A payer''s denominator is the charges that became its responsibility (its charge rows plus balances transferred to it), never the charges of accounts where it is primary only; days are NULL, with days_undefined_reason, when net A/R is a credit or the denominator is not positive: never negative.';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.month_end IS 'Last day of the month (the as-of date).';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.payer_id IS 'Responsible payer; NULL on the all-payers row.';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.payer_name IS 'Payer name, or ''All payers''.';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.payer_class IS 'Payer class, or ''all''.';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.net_ar IS 'Net A/R at month-end (debit minus credit balances). numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.gross_charges_90d IS 'Charges that became the payer''s responsibility in the 90 days ending at month-end: its charge rows plus the net balance transferred to it per day (all payers: charge rows only; transfers net to zero). numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.days_in_ar IS 'Gross days in A/R (AAFP, MGMA): net_ar / (gross_charges_90d / 90); NULL when gross_charges_90d is not positive or net_ar is negative (see days_undefined_reason). numeric(21,1): days, rounded to 1 decimal.';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.net_patient_service_revenue_3m IS 'Charges (per payer: those that became its responsibility, as gross_charges_90d) - contractual adjustments - other deductions in the 3 calendar months ending at month-end. numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.net_days_in_ar IS 'HFMA net days in A/R: net_ar / (net_patient_service_revenue_3m / days in those 3 months); NULL when that revenue is not positive or net_ar is negative (see days_undefined_reason). numeric(21,1): days, rounded to 1 decimal.';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.days_undefined_reason IS 'Why days_in_ar or net_days_in_ar is NULL (net A/R a credit balance; no charges became the payer''s responsibility; net revenue not positive); NULL when both are defined.';

-- -------------------------------------------------------------------
-- Item 10. Per-row rates that cannot be read: denial_writeoff_rate is
-- reported only where its denominator, the month's net patient service
-- revenue, is positive (174 of 343 rows of the 200-account sample have a
-- negative one, which gave negative rates); otherwise NULL with
-- rate_undefined_reason (appended: CREATE OR REPLACE).
-- -------------------------------------------------------------------
CREATE OR REPLACE VIEW @extschema@.denial_writeoff_rate WITH (security_invoker = true) AS
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
       pg_catalog.round(CASE WHEN agg.net_patient_service_revenue OPERATOR(pg_catalog.>) 0
                             THEN agg.denial_writeoffs OPERATOR(pg_catalog./) agg.net_patient_service_revenue END,
                        6)::pg_catalog.numeric(26,6) AS denial_writeoff_rate,
       CASE WHEN agg.net_patient_service_revenue OPERATOR(pg_catalog.=) 0
                 THEN 'no net patient service revenue posted in the month'
            WHEN agg.net_patient_service_revenue OPERATOR(pg_catalog.<) 0
                 THEN 'net patient service revenue of the month is negative (deductions posted exceed its charges)'
       END AS rate_undefined_reason
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
COMMENT ON COLUMN @extschema@.denial_writeoff_rate.denial_writeoff_rate IS 'HFMA MAP Key "Denial write-offs as a percentage of net patient service revenue": denial_writeoffs / net_patient_service_revenue (fraction), only where that revenue is positive; NULL otherwise, see rate_undefined_reason. numeric(26,6): a fraction, rounded to 6 decimals.';
COMMENT ON COLUMN @extschema@.denial_writeoff_rate.rate_undefined_reason IS 'Why denial_writeoff_rate is NULL: no net patient service revenue in the month, or a negative one (a payer or department whose deductions posted in the month exceed its charges, e.g. a secondary payer, which receives no charge rows); NULL when the rate is reported.';
