-- pgTAP contracts of the aging objects (sql/0.2.0/10_aging.sql): types,
-- aggregates with combine functions, views with security_invoker and
-- commented columns, and a few known answers.
BEGIN;
SELECT plan(35);

SELECT has_type('revcycle', 'aging', 'type revcycle.aging exists');
SELECT has_type('revcycle', 'ar_days', 'type revcycle.ar_days exists');
SELECT has_type('revcycle', 'aging_anchor', 'type revcycle.aging_anchor exists');
SELECT enum_has_labels('revcycle', 'aging_anchor', ARRAY['service_date', 'bill_date', 'last_activity', 'discharge_date', 'final_bill_date'], 'aging_anchor labels');

SELECT has_function('revcycle', 'ar_aging', ARRAY['numeric', 'date', 'date'], 'ar_aging(balance, anchor, as_of)');
SELECT has_function('revcycle', 'ar_aging', ARRAY['numeric', 'date', 'date', 'integer[]'], 'ar_aging(balance, anchor, as_of, bounds)');
SELECT has_function('revcycle', 'ar_aging_merge', ARRAY['revcycle.aging'], 'ar_aging_merge(aging)');
SELECT has_function('revcycle', 'aging_buckets', ARRAY['revcycle.aging'], 'aging_buckets(aging)');
SELECT has_function('revcycle', 'ar_over', ARRAY['revcycle.aging', 'integer'], 'ar_over(aging, days)');
SELECT has_function('revcycle', 'days_in_ar', ARRAY['revcycle.txn_kind', 'numeric', 'date', 'date', 'integer'], 'days_in_ar aggregate with look-back');
SELECT has_function('revcycle', 'net_days_in_ar', ARRAY['revcycle.txn_kind', 'numeric', 'date', 'date'], 'net_days_in_ar aggregate');
SELECT has_function('revcycle', 'ar_balances', ARRAY['date', 'revcycle.aging_anchor'], 'ar_balances(as_of, anchor)');

SELECT is_aggregate('revcycle', 'ar_aging', ARRAY['numeric', 'date', 'date'], 'ar_aging is an aggregate');
SELECT is_aggregate('revcycle', 'ar_aging_merge', ARRAY['revcycle.aging'], 'ar_aging_merge is an aggregate');
SELECT is_aggregate('revcycle', 'days_in_ar', ARRAY['revcycle.txn_kind', 'numeric', 'date', 'date'], 'days_in_ar is an aggregate');

-- Every aging aggregate: a combine function, parallel safe, the summary type as state.
SELECT is(count(*)::int, 0, 'every aging/days aggregate has a combine function and is PARALLEL SAFE')
  FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
 WHERE p.pronamespace = 'revcycle'::regnamespace
   AND a.aggtranstype IN ('revcycle.aging'::regtype, 'revcycle.ar_days'::regtype)
   AND (a.aggcombinefn = 0 OR p.proparallel <> 's');
SELECT is(count(*)::int, 9, 'nine aggregates on the aging and ar_days states')
  FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
 WHERE p.pronamespace = 'revcycle'::regnamespace
   AND a.aggtranstype IN ('revcycle.aging'::regtype, 'revcycle.ar_days'::regtype);

SELECT has_view('revcycle', v, 'view revcycle.' || v)
  FROM unnest(ARRAY['month_end_balances', 'aged_trial_balance', 'aged_ar_percent', 'days_in_ar_trend', 'credit_balances']) v;
SELECT is(count(*)::int, 5, 'the five aging views are security_invoker')
  FROM pg_class c
 WHERE c.relnamespace = 'revcycle'::regnamespace
   AND c.relname IN ('month_end_balances', 'aged_trial_balance', 'aged_ar_percent', 'days_in_ar_trend', 'credit_balances')
   AND c.reloptions @> ARRAY['security_invoker=true'];
SELECT is(count(*)::int, 0, 'every column of the aging views is commented and of a plain type')
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
 WHERE c.relnamespace = 'revcycle'::regnamespace
   AND c.relname IN ('month_end_balances', 'aged_trial_balance', 'aged_ar_percent', 'days_in_ar_trend', 'credit_balances')
   AND a.attnum > 0
   AND (col_description(c.oid, a.attnum) IS NULL
        OR a.atttypid NOT IN ('text'::regtype, 'numeric'::regtype, 'bigint'::regtype, 'integer'::regtype, 'date'::regtype, 'boolean'::regtype));

-- Known answers.
SELECT is(round(revcycle.days_in_ar(70000, 5000, 600000, 365), 2), 39.54, 'AAFP days in A/R = 39.54');
SELECT is(round(100 * revcycle.ar_over(a, 120), 1), 12.2, 'AAFP % A/R over 120 days = 12.2')
  FROM (SELECT revcycle.ar_aging(b, d, '2025-12-31', '{30,60,90,120,180}') AS a
          FROM (VALUES (1200000, date '2025-12-20'), (400000, '2025-11-15'), (160000, '2025-10-15'),
                       (101000, '2025-09-15'), (114000, '2025-07-15'), (145000, '2025-03-01')) v(b, d)) s;
SELECT results_eq(
    $$SELECT bucket, items, amount FROM revcycle.aging_buckets(
          (SELECT revcycle.ar_aging(b, d, '2025-12-31') FROM (VALUES (1.00, date '2025-12-01'), (2.00, '2025-11-30'), (4.00, '2025-09-02'), (8.00, '2025-09-01')) v(b, d)))$$,
    $$VALUES ('0-30', 1::bigint, 1.00), ('31-60', 1, 2.00), ('61-90', 0, 0), ('91-120', 1, 4.00), ('121+', 1, 8.00)$$,
    'boundary ages 30, 31, 120, 121 land in the right buckets');
SELECT results_eq(
    $$SELECT bucket FROM revcycle.aging_buckets((SELECT revcycle.ar_aging(1, '2025-12-01', '2025-12-31', '{15,45}')))$$,
    $$VALUES ('0-15'), ('16-45'), ('46+')$$, 'custom bounds labels');
SELECT throws_ok($$SELECT revcycle.ar_aging(1, '2025-12-01', '2025-12-31', '{}')$$, '22023', NULL, 'empty bounds raise 22023');
SELECT throws_ok($$SELECT revcycle.ar_aging(1, '2025-12-01', '2025-12-31', '{60,30}')$$, '22023', NULL, 'decreasing bounds raise 22023');
SELECT throws_ok($$SELECT revcycle.ar_aging(b, '2025-12-01', d) FROM (VALUES (1, date '2025-12-31'), (2, '2025-12-30')) v(b, d)$$,
                 '22023', NULL, 'as_of changing within a group raises 22023');
SELECT throws_ok($$SELECT revcycle.ar_aging_merge(a) FROM (VALUES ((SELECT revcycle.ar_aging(1, '2025-12-01', '2025-12-31'))), ((SELECT revcycle.ar_aging(1, '2025-12-01', '2025-12-31', '{30}')))) v(a)$$,
                 '22023', NULL, 'merging different bounds raises 22023');
SELECT throws_ok($$SELECT revcycle.ar_over(revcycle.ar_aging(1, '2025-12-01', '2025-12-31'), 45)$$, '22023', NULL, 'ar_over off a bound raises 22023');
SELECT throws_ok($$SELECT '{"v":9}'::revcycle.aging$$, '22P02', NULL, 'bad text input raises 22P02');
SELECT ok(revcycle.ar_aging(1, '2025-12-01', '2025-12-31')::text::revcycle.aging::text
          = revcycle.ar_aging(1, '2025-12-01', '2025-12-31')::text, 'text round trip');

SELECT * FROM finish();
ROLLBACK;
