-- pgTAP contracts of the estimated net A/R objects (sql/0.2.0/15_net_ar.sql):
-- signatures, return types, STABLE, PARALLEL SAFE, comments.
BEGIN;
SELECT plan(15);

SELECT has_function('revcycle', 'contractual_ratio', ARRAY['date', 'integer'], 'contractual_ratio(as_of, lookback_days)');
SELECT has_function('revcycle', 'net_ar_by_payer', ARRAY['date', 'integer'], 'net_ar_by_payer(as_of, lookback_days)');
SELECT has_function('revcycle', 'net_days_in_ar_estimated', ARRAY['date', 'integer'], 'net_days_in_ar_estimated(as_of, lookback_days)');

SELECT function_returns('revcycle', 'contractual_ratio', ARRAY['date', 'integer'], 'setof record', 'contractual_ratio returns a table');
SELECT function_returns('revcycle', 'net_ar_by_payer', ARRAY['date', 'integer'], 'setof record', 'net_ar_by_payer returns a table');
SELECT function_returns('revcycle', 'net_days_in_ar_estimated', ARRAY['date', 'integer'], 'numeric', 'net_days_in_ar_estimated returns numeric');

SELECT volatility_is('revcycle', 'contractual_ratio', ARRAY['date', 'integer'], 'stable', 'contractual_ratio is STABLE');
SELECT volatility_is('revcycle', 'net_ar_by_payer', ARRAY['date', 'integer'], 'stable', 'net_ar_by_payer is STABLE');
SELECT volatility_is('revcycle', 'net_days_in_ar_estimated', ARRAY['date', 'integer'], 'stable', 'net_days_in_ar_estimated is STABLE');

SELECT is((SELECT count(*)::int FROM pg_proc p
            WHERE p.oid IN ('revcycle.contractual_ratio(date, integer)'::regprocedure,
                            'revcycle.net_ar_by_payer(date, integer)'::regprocedure,
                            'revcycle.net_days_in_ar_estimated(date, integer)'::regprocedure)
              AND p.proparallel = 's'), 3, 'the three functions are PARALLEL SAFE');

SELECT isnt(obj_description('revcycle.contractual_ratio(date, integer)'::regprocedure, 'pg_proc'), NULL, 'contractual_ratio has a COMMENT');
SELECT isnt(obj_description('revcycle.net_ar_by_payer(date, integer)'::regprocedure, 'pg_proc'), NULL, 'net_ar_by_payer(date, integer) has a COMMENT');
SELECT isnt(obj_description('revcycle.net_days_in_ar_estimated(date, integer)'::regprocedure, 'pg_proc'), NULL, 'net_days_in_ar_estimated has a COMMENT');

-- The table columns, in order.
SELECT is((SELECT array_to_string(proargnames, ',') FROM pg_proc
            WHERE oid = 'revcycle.contractual_ratio(date, integer)'::regprocedure),
          'as_of,lookback_days,payer_id,charges,contractual,ratio', 'contractual_ratio columns');
SELECT is((SELECT array_to_string(proargnames, ',') FROM pg_proc
            WHERE oid = 'revcycle.net_ar_by_payer(date, integer)'::regprocedure),
          'as_of,lookback_days,payer_id,gross_ar,unadjudicated_ar,estimated_allowance,net_ar', 'net_ar columns');

SELECT * FROM finish();
ROLLBACK;
