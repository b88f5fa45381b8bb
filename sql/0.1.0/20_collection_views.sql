
-- ===================================================================
-- BI views: monthly collection KPIs by payer and by payer class.
-- Month = calendar month of the ledger posting date (cash-basis reporting:
-- charges, payments and adjustments are counted in the month they post).
-- Payer = the account's primary payer (its financial class): every row of
-- an account, including the patient's and a secondary payer's payments,
-- counts toward the primary payer's rates.  Grouping by the ledger's
-- responsible party instead would leave the patient's share, moved to
-- self-pay by transfer rows, in the insurer's denominator.
-- ===================================================================

CREATE VIEW @extschema@.collections_monthly_by_payer WITH (security_invoker = true) AS
SELECT s.month,
       p.payer_id,
       p.name AS payer_name,
       p.payer_class::text AS payer_class,
       @extschema@.gross_charges(s.summary) AS gross_charges,
       @extschema@.payments(s.summary) AS payments,
       @extschema@.refunds(s.summary) AS refunds,
       @extschema@.contractual_adjustments(s.summary) AS contractual_adjustments,
       @extschema@.other_adjustments(s.summary) AS other_adjustments,
       @extschema@.gross_collection_rate(s.summary) AS gross_collection_rate,
       @extschema@.net_collection_rate(s.summary) AS net_collection_rate,
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
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.gross_charges IS 'Gross charges posted in the month.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.payments IS 'Payments posted in the month.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.refunds IS 'Refunds posted in the month.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.contractual_adjustments IS 'Contractual adjustments posted in the month.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.other_adjustments IS 'Administrative, small-balance, denial, bad-debt and charity write-offs posted in the month.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.gross_collection_rate IS 'Payments / gross charges (fraction); NULL when no charges posted.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.net_collection_rate IS 'AAFP net collection rate: (payments - refunds) / (gross charges - contractual adjustments), a fraction; NULL when the denominator is zero.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.below_aafp_benchmark IS 'True when the net collection rate is below the AAFP benchmark of 95%; NULL when the rate is NULL.';

CREATE VIEW @extschema@.collections_monthly_by_payer_class WITH (security_invoker = true) AS
SELECT s.month,
       s.payer_class::text AS payer_class,
       @extschema@.gross_charges(s.summary) AS gross_charges,
       @extschema@.payments(s.summary) AS payments,
       @extschema@.refunds(s.summary) AS refunds,
       @extschema@.contractual_adjustments(s.summary) AS contractual_adjustments,
       @extschema@.other_adjustments(s.summary) AS other_adjustments,
       @extschema@.gross_collection_rate(s.summary) AS gross_collection_rate,
       @extschema@.net_collection_rate(s.summary) AS net_collection_rate,
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
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.gross_charges IS 'Gross charges posted in the month.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.payments IS 'Payments posted in the month.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.refunds IS 'Refunds posted in the month.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.contractual_adjustments IS 'Contractual adjustments posted in the month.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.other_adjustments IS 'Administrative, small-balance, denial, bad-debt and charity write-offs posted in the month.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.gross_collection_rate IS 'Payments / gross charges (fraction); NULL when no charges posted.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.net_collection_rate IS 'AAFP net collection rate: (payments - refunds) / (gross charges - contractual adjustments), a fraction; NULL when the denominator is zero.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.below_aafp_benchmark IS 'True when the net collection rate is below the AAFP benchmark of 95%; NULL when the rate is NULL.';
