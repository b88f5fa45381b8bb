-- pgTAP: BI tools read exact types (issue 10).  Every view column of
-- revcycle has a comment; every numeric view column has a declared precision
-- and scale (JDBC reports precision 0 and ODBC guesses for an unbounded
-- numeric), one of the documented types (README.md, "Connecting BI tools"),
-- and a column revcycle rounds names its type in its comment.
BEGIN;
SELECT plan(6);

SELECT is((SELECT array_agg(c.relname || '.' || a.attname ORDER BY 1)
           FROM pg_class c
           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
          WHERE c.relnamespace = 'revcycle'::regnamespace AND c.relkind = 'v'
            AND a.atttypid = 'numeric'::regtype AND a.atttypmod < 0),
          NULL, 'no view column of revcycle is an unbounded numeric');

SELECT is((SELECT array_agg(c.relname || '.' || a.attname ORDER BY 1)
           FROM pg_class c
           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
          WHERE c.relnamespace = 'revcycle'::regnamespace AND c.relkind = 'v'
            AND coalesce(btrim(col_description(c.oid, a.attnum)), '') = ''),
          NULL, 'every view column of revcycle has a comment');

SELECT is((SELECT array_agg(DISTINCT format_type(a.atttypid, a.atttypmod)
                            ORDER BY format_type(a.atttypid, a.atttypmod))
           FROM pg_class c
           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
          WHERE c.relnamespace = 'revcycle'::regnamespace AND c.relkind = 'v'
            AND a.atttypid = 'numeric'::regtype),
          ARRAY['numeric(14,2)', 'numeric(18,2)', 'numeric(21,1)', 'numeric(22,2)', 'numeric(26,6)'],
          'view numeric columns use only the documented types');

-- Money numeric(18,2), fractions numeric(26,6), days numeric(21,1), average
-- counts numeric(22,2); numeric(14,2): table amounts passed through.
SELECT set_eq(
    $$SELECT c.relname::text, a.attname::text, format_type(a.atttypid, a.atttypmod)
        FROM pg_class c
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
       WHERE c.relnamespace = 'revcycle'::regnamespace AND c.relkind = 'v'
         AND a.atttypid = 'numeric'::regtype$$,
    $$VALUES
      ('aged_ar_percent', 'total_ar', 'numeric(18,2)'),
      ('aged_ar_percent', 'unbilled_ar', 'numeric(18,2)'),
      ('aged_ar_percent', 'billed_ar', 'numeric(18,2)'),
      ('aged_ar_percent', 'ar_over_90_total', 'numeric(18,2)'),
      ('aged_ar_percent', 'ar_over_90_billed', 'numeric(18,2)'),
      ('aged_ar_percent', 'ar_over_120_total', 'numeric(18,2)'),
      ('aged_ar_percent', 'ar_over_120_billed', 'numeric(18,2)'),
      ('aged_ar_percent', 'share_over_90_billed', 'numeric(26,6)'),
      ('aged_ar_percent', 'share_over_90_total', 'numeric(26,6)'),
      ('aged_ar_percent', 'share_over_120_billed', 'numeric(26,6)'),
      ('aged_ar_percent', 'share_over_120_total', 'numeric(26,6)'),
      ('aged_trial_balance', 'beginning_ar', 'numeric(18,2)'),
      ('aged_trial_balance', 'charges', 'numeric(18,2)'),
      ('aged_trial_balance', 'payments', 'numeric(18,2)'),
      ('aged_trial_balance', 'refunds', 'numeric(18,2)'),
      ('aged_trial_balance', 'adjustments', 'numeric(18,2)'),
      ('aged_trial_balance', 'transfers', 'numeric(18,2)'),
      ('aged_trial_balance', 'ending_ar', 'numeric(18,2)'),
      ('aged_trial_balance', 'ar_0_30', 'numeric(18,2)'),
      ('aged_trial_balance', 'ar_31_60', 'numeric(18,2)'),
      ('aged_trial_balance', 'ar_61_90', 'numeric(18,2)'),
      ('aged_trial_balance', 'ar_91_120', 'numeric(18,2)'),
      ('aged_trial_balance', 'ar_over_120', 'numeric(18,2)'),
      ('aged_trial_balance', 'pre_service_ar', 'numeric(18,2)'),
      ('aged_trial_balance', 'credit_balance_amount', 'numeric(18,2)'),
      ('aged_trial_balance', 'reconciliation', 'numeric(18,2)'),
      ('coding_denial_share', 'denied_amount', 'numeric(18,2)'),
      ('coding_denial_share', 'coding_amount', 'numeric(18,2)'),
      ('coding_denial_share', 'coding_share', 'numeric(26,6)'),
      ('collections_by_service_month', 'gross_charges', 'numeric(18,2)'),
      ('collections_by_service_month', 'payments', 'numeric(18,2)'),
      ('collections_by_service_month', 'refunds', 'numeric(18,2)'),
      ('collections_by_service_month', 'contractual_adjustments', 'numeric(18,2)'),
      ('collections_by_service_month', 'other_adjustments', 'numeric(18,2)'),
      ('collections_by_service_month', 'open_ar', 'numeric(18,2)'),
      ('collections_by_service_month', 'open_share', 'numeric(26,6)'),
      ('collections_by_service_month', 'gross_collection_rate', 'numeric(26,6)'),
      ('collections_by_service_month', 'net_collection_rate', 'numeric(26,6)'),
      ('collections_monthly_by_payer', 'gross_charges', 'numeric(18,2)'),
      ('collections_monthly_by_payer', 'payments', 'numeric(18,2)'),
      ('collections_monthly_by_payer', 'refunds', 'numeric(18,2)'),
      ('collections_monthly_by_payer', 'contractual_adjustments', 'numeric(18,2)'),
      ('collections_monthly_by_payer', 'other_adjustments', 'numeric(18,2)'),
      ('collections_monthly_by_payer', 'gross_collection_rate', 'numeric(26,6)'),
      ('collections_monthly_by_payer', 'net_collection_rate', 'numeric(26,6)'),
      ('collections_monthly_by_payer_class', 'gross_charges', 'numeric(18,2)'),
      ('collections_monthly_by_payer_class', 'payments', 'numeric(18,2)'),
      ('collections_monthly_by_payer_class', 'refunds', 'numeric(18,2)'),
      ('collections_monthly_by_payer_class', 'contractual_adjustments', 'numeric(18,2)'),
      ('collections_monthly_by_payer_class', 'other_adjustments', 'numeric(18,2)'),
      ('collections_monthly_by_payer_class', 'gross_collection_rate', 'numeric(26,6)'),
      ('collections_monthly_by_payer_class', 'net_collection_rate', 'numeric(26,6)'),
      ('credit_balances', 'amount', 'numeric(18,2)'),
      ('days_in_ar_trend', 'net_ar', 'numeric(18,2)'),
      ('days_in_ar_trend', 'gross_charges_90d', 'numeric(18,2)'),
      ('days_in_ar_trend', 'days_in_ar', 'numeric(21,1)'),
      ('days_in_ar_trend', 'net_patient_service_revenue_3m', 'numeric(18,2)'),
      ('days_in_ar_trend', 'net_days_in_ar', 'numeric(21,1)'),
      ('denial_appeal_summary', 'denied_amount', 'numeric(18,2)'),
      ('denial_appeal_summary', 'appeal_rate', 'numeric(26,6)'),
      ('denial_appeal_summary', 'overturn_rate', 'numeric(26,6)'),
      ('denial_appeal_summary', 'recovered_amount', 'numeric(18,2)'),
      ('denial_appeal_summary', 'recovery_rate', 'numeric(26,6)'),
      ('denial_appeal_summary', 'avg_days_to_appeal', 'numeric(21,1)'),
      ('denial_appeal_summary', 'avg_days_to_resolution', 'numeric(21,1)'),
      ('denial_category_trend', 'amount', 'numeric(18,2)'),
      ('denial_category_trend', 'share', 'numeric(26,6)'),
      ('denial_category_trend', 'previous_amount', 'numeric(18,2)'),
      ('denial_category_trend', 'change', 'numeric(18,2)'),
      ('denial_root_cause_pareto', 'amount', 'numeric(18,2)'),
      ('denial_root_cause_pareto', 'share', 'numeric(26,6)'),
      ('denial_root_cause_pareto', 'cumulative_share', 'numeric(26,6)'),
      ('denial_writeoff_rate', 'denial_writeoffs', 'numeric(18,2)'),
      ('denial_writeoff_rate', 'net_patient_service_revenue', 'numeric(18,2)'),
      ('denial_writeoff_rate', 'denial_writeoff_rate', 'numeric(26,6)'),
      ('denial_writeoff_review', 'amount', 'numeric(14,2)'),
      ('initial_denial_rate', 'charges_submitted', 'numeric(18,2)'),
      ('initial_denial_rate', 'dollars_initially_denied', 'numeric(18,2)'),
      ('initial_denial_rate', 'initial_denial_rate', 'numeric(26,6)'),
      ('initial_denial_rate', 'initial_denial_rate_dollars', 'numeric(26,6)'),
      ('initial_denial_rate', 'dollars_denied_in_month', 'numeric(18,2)'),
      ('initial_denial_rate', 'claims_submitted_avg_3m', 'numeric(22,2)'),
      ('initial_denial_rate', 'charges_submitted_avg_3m', 'numeric(18,2)'),
      ('initial_denial_rate', 'initial_denial_rate_hfma', 'numeric(26,6)'),
      ('initial_denial_rate', 'initial_denial_rate_dollars_hfma', 'numeric(26,6)'),
      ('month_end_balances', 'balance', 'numeric(18,2)'),
      ('remittance_reconciliation', 'total_payment', 'numeric(14,2)'),
      ('remittance_reconciliation', 'claims_paid', 'numeric(18,2)'),
      ('remittance_reconciliation', 'interest', 'numeric(18,2)'),
      ('remittance_reconciliation', 'forward_balance', 'numeric(18,2)'),
      ('remittance_reconciliation', 'recoupment', 'numeric(18,2)'),
      ('remittance_reconciliation', 'other_provider_adjustments', 'numeric(18,2)'),
      ('remittance_reconciliation', 'unreconciled', 'numeric(18,2)'),
      ('remittance_denial_rate', 'charges_remitted', 'numeric(18,2)'),
      ('remittance_denial_rate', 'charges_denied', 'numeric(18,2)'),
      ('remittance_denial_rate', 'remittance_denial_rate', 'numeric(26,6)'),
      ('remittance_denial_rate', 'remittance_denial_rate_dollars', 'numeric(26,6)'),
      ('unmatched_remittance_claims', 'charge_amount', 'numeric(14,2)'),
      ('unmatched_remittance_claims', 'paid_amount', 'numeric(14,2)'),
      ('unmatched_remittance_claims', 'patient_responsibility', 'numeric(14,2)')
    $$,
    'every numeric view column has its documented type (84 columns)');

SELECT is((SELECT array_agg(c.relname || '.' || a.attname ORDER BY 1)
           FROM pg_class c
           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
          WHERE c.relnamespace = 'revcycle'::regnamespace AND c.relkind = 'v'
            AND a.atttypid = 'numeric'::regtype
            AND format_type(a.atttypid, a.atttypmod) <> 'numeric(14,2)'
            AND strpos(col_description(c.oid, a.attnum), format_type(a.atttypid, a.atttypmod)) = 0),
          NULL, 'every rounded view column names its type in its comment');

-- The views recreated with their types keep security_invoker.
SELECT is((SELECT array_agg(c.relname ORDER BY 1) FROM pg_class c
            WHERE c.relnamespace = 'revcycle'::regnamespace AND c.relkind = 'v'
              AND NOT coalesce(c.reloptions @> ARRAY['security_invoker=true'], false)),
          NULL, 'every view of revcycle is security_invoker');

SELECT * FROM finish();
ROLLBACK;
