-- pgTAP contracts of the revcycle 0.1.0 objects: data model, the
-- revcycle.collections type, its functions and aggregates, the two views.
-- The last two tests cover every object of the extension, whatever the
-- version: all commented, all functions PARALLEL SAFE.
BEGIN;
SELECT plan(238);

-- ---------------------------------------------------------------------
-- Functions: exists, return type, volatility, strictness, PARALLEL SAFE.
-- 18 functions x 5 tests = 90.
-- ---------------------------------------------------------------------
CREATE TEMP TABLE tap_fn (name text, args text[], ret text, strict boolean);
INSERT INTO tap_fn VALUES
    ('collections_in', '{cstring}', 'revcycle.collections', true),
    ('collections_out', '{revcycle.collections}', 'cstring', true),
    ('collections_recv', '{internal}', 'revcycle.collections', true),
    ('collections_send', '{revcycle.collections}', 'bytea', true),
    ('collections_columns_trans', '{revcycle.collections,numeric,numeric,numeric,numeric,numeric}', 'revcycle.collections', false),
    ('collections_ledger_trans', '{revcycle.collections,revcycle.txn_kind,numeric}', 'revcycle.collections', false),
    ('gross_collection_rate_trans', '{revcycle.collections,numeric,numeric}', 'revcycle.collections', false),
    ('net_collection_rate_trans', '{revcycle.collections,numeric,numeric,numeric}', 'revcycle.collections', false),
    ('collections_combine', '{revcycle.collections,revcycle.collections}', 'revcycle.collections', false),
    ('gross_charges', '{revcycle.collections}', 'numeric', true),
    ('payments', '{revcycle.collections}', 'numeric', true),
    ('refunds', '{revcycle.collections}', 'numeric', true),
    ('contractual_adjustments', '{revcycle.collections}', 'numeric', true),
    ('other_adjustments', '{revcycle.collections}', 'numeric', true),
    ('row_count', '{revcycle.collections}', 'bigint', true),
    ('gross_collection_rate', '{revcycle.collections}', 'numeric', true),
    ('net_collection_rate', '{revcycle.collections}', 'numeric', true),
    ('ar_sign', '{revcycle.txn_kind}', 'integer', true);

SELECT has_function('revcycle', name, args, format('function revcycle.%s(%s) exists', name, array_to_string(args, ', ')))
FROM tap_fn ORDER BY name, args;
SELECT function_returns('revcycle', name, args, ret, format('revcycle.%s(%s) returns %s', name, array_to_string(args, ', '), ret))
FROM tap_fn ORDER BY name, args;
SELECT volatility_is('revcycle', name, args, 'immutable', format('revcycle.%s(%s) is IMMUTABLE', name, array_to_string(args, ', ')))
FROM tap_fn ORDER BY name, args;
SELECT CASE WHEN strict
            THEN is_strict('revcycle', name, args, format('revcycle.%s(%s) is STRICT', name, array_to_string(args, ', ')))
            ELSE isnt_strict('revcycle', name, args, format('revcycle.%s(%s) is not STRICT (NULL state or NULL amounts)', name, array_to_string(args, ', ')))
       END
FROM tap_fn ORDER BY name, args;
SELECT is((SELECT p.proparallel::text FROM pg_proc p
           WHERE p.oid = to_regprocedure(format('revcycle.%I(%s)', f.name, array_to_string(f.args, ',')))),
          's', format('revcycle.%s(%s) is PARALLEL SAFE', name, array_to_string(args, ', ')))
FROM tap_fn AS f ORDER BY name, args;

-- ---------------------------------------------------------------------
-- Aggregates: exists as aggregate, return type, combine function, state
-- type revcycle.collections (not internal), PARALLEL SAFE.
-- 5 aggregates x 5 tests = 25.
-- ---------------------------------------------------------------------
CREATE TEMP TABLE tap_agg (name text, args text[], ret text);
INSERT INTO tap_agg VALUES
    ('collections_agg', '{numeric,numeric,numeric,numeric,numeric}', 'revcycle.collections'),
    ('collections_agg', '{revcycle.txn_kind,numeric}', 'revcycle.collections'),
    ('collections_merge', '{revcycle.collections}', 'revcycle.collections'),
    ('gross_collection_rate', '{numeric,numeric}', 'numeric'),
    ('net_collection_rate', '{numeric,numeric,numeric}', 'numeric');

SELECT is_aggregate('revcycle', name, args, format('revcycle.%s(%s) is an aggregate', name, array_to_string(args, ', ')))
FROM tap_agg ORDER BY name, args;
SELECT function_returns('revcycle', name, args, ret, format('aggregate revcycle.%s(%s) returns %s', name, array_to_string(args, ', '), ret))
FROM tap_agg ORDER BY name, args;
SELECT is((SELECT a.aggcombinefn::text FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
           WHERE p.oid = to_regprocedure(format('revcycle.%I(%s)', g.name, array_to_string(g.args, ',')))),
          'revcycle.collections_combine',
          format('aggregate revcycle.%s(%s) has the combine function collections_combine', name, array_to_string(args, ', ')))
FROM tap_agg AS g ORDER BY name, args;
SELECT is((SELECT a.aggtranstype::regtype::text FROM pg_aggregate a JOIN pg_proc p ON p.oid = a.aggfnoid
           WHERE p.oid = to_regprocedure(format('revcycle.%I(%s)', g.name, array_to_string(g.args, ',')))),
          'revcycle.collections',
          format('aggregate revcycle.%s(%s) keeps a revcycle.collections state (not internal)', name, array_to_string(args, ', ')))
FROM tap_agg AS g ORDER BY name, args;
SELECT is((SELECT p.proparallel::text FROM pg_proc p
           WHERE p.oid = to_regprocedure(format('revcycle.%I(%s)', g.name, array_to_string(g.args, ',')))),
          's', format('aggregate revcycle.%s(%s) is PARALLEL SAFE', name, array_to_string(args, ', ')))
FROM tap_agg AS g ORDER BY name, args;

-- ---------------------------------------------------------------------
-- Types and enums: 6 has_type + 5 enum_has_labels + 2 type checks = 13.
-- ---------------------------------------------------------------------
SELECT has_type('revcycle', t, format('type revcycle.%s exists', t))
FROM unnest(ARRAY['collections', 'payer_class', 'txn_kind', 'patient_type', 'claim_status', 'appeal_outcome']) AS t;
SELECT enum_has_labels('revcycle', 'payer_class',
    ARRAY['medicare', 'medicaid', 'commercial', 'managed_care', 'self_pay', 'workers_comp', 'other_government'],
    'payer_class labels');
SELECT enum_has_labels('revcycle', 'txn_kind',
    ARRAY['charge', 'payment', 'refund', 'contractual_adjustment', 'administrative_adjustment',
          'small_balance_writeoff', 'denial_writeoff', 'bad_debt', 'charity', 'transfer'],
    'txn_kind labels');
SELECT enum_has_labels('revcycle', 'patient_type',
    ARRAY['inpatient', 'outpatient', 'emergency', 'observation', 'clinic'], 'patient_type labels');
SELECT enum_has_labels('revcycle', 'claim_status',
    ARRAY['submitted', 'rejected', 'accepted', 'paid', 'partially_paid', 'denied', 'voided',
          'reversed'],  -- 0.3.0: set by load_835 for CLP02 = 22
    'claim_status labels');
SELECT enum_has_labels('revcycle', 'appeal_outcome',
    ARRAY['pending', 'overturned', 'partially_overturned', 'upheld'], 'appeal_outcome labels');
SELECT is((SELECT ROW(typlen, typalign, typstorage, typreceive::text, typsend::text)::text
           FROM pg_type WHERE oid = 'revcycle.collections'::regtype),
          ROW(-1::int2, 'd'::"char", 'x'::"char", 'revcycle.collections_recv', 'revcycle.collections_send')::text,
          'revcycle.collections is a varlena (double aligned, extended) with binary send/recv');
SELECT is((SELECT count(*)::int FROM pg_proc p
           WHERE p.proname = 'collections_in' AND p.pronamespace = 'revcycle'::regnamespace
             AND (SELECT typinput FROM pg_type WHERE oid = 'revcycle.collections'::regtype) = p.oid),
          1, 'revcycle.collections reads its text form with collections_in');

-- ---------------------------------------------------------------------
-- Tables: has_table + has_pk for 15 tables = 30; money columns are
-- numeric(14,2): 15.
-- ---------------------------------------------------------------------
SELECT has_table('revcycle', t, format('table revcycle.%s exists', t))
FROM unnest(ARRAY['payer', 'department', 'charge_master', 'patient', 'account', 'charge_line',
                  'claim', 'remittance', 'remittance_claim', 'remittance_line',
                  'remittance_adjustment', 'provider_adjustment', 'denial', 'appeal', 'ledger']) AS t;
SELECT has_pk('revcycle', t, format('table revcycle.%s has a primary key', t))
FROM unnest(ARRAY['payer', 'department', 'charge_master', 'patient', 'account', 'charge_line',
                  'claim', 'remittance', 'remittance_claim', 'remittance_line',
                  'remittance_adjustment', 'provider_adjustment', 'denial', 'appeal', 'ledger']) AS t;
SELECT col_type_is('revcycle', t, c, 'numeric(14,2)', format('revcycle.%s.%s is numeric(14,2)', t, c))
FROM (VALUES ('charge_master', 'price'), ('charge_line', 'amount'), ('claim', 'billed_amount'),
             ('remittance', 'total_payment'), ('remittance_claim', 'charge_amount'),
             ('remittance_claim', 'paid_amount'), ('remittance_claim', 'patient_responsibility'),
             ('remittance_line', 'charge_amount'), ('remittance_line', 'paid_amount'),
             ('remittance_line', 'allowed_amount'), ('remittance_adjustment', 'amount'),
             ('provider_adjustment', 'amount'), ('denial', 'amount'),
             ('appeal', 'recovered_amount'), ('ledger', 'amount')) AS v(t, c);

-- ---------------------------------------------------------------------
-- Views: has_view, columns_are, security_invoker, every column commented
-- (4 x 2 = 8) and the type of each of the 12 + 10 columns (22) = 30.
-- ---------------------------------------------------------------------
SELECT has_view('revcycle', v, format('view revcycle.%s exists', v))
FROM unnest(ARRAY['collections_monthly_by_payer', 'collections_monthly_by_payer_class']) AS v;
SELECT columns_are('revcycle', 'collections_monthly_by_payer',
    ARRAY['month', 'payer_id', 'payer_name', 'payer_class', 'gross_charges', 'payments', 'refunds',
          'contractual_adjustments', 'other_adjustments', 'gross_collection_rate',
          'net_collection_rate', 'below_aafp_benchmark'],
    'collections_monthly_by_payer has exactly its documented columns');
SELECT columns_are('revcycle', 'collections_monthly_by_payer_class',
    ARRAY['month', 'payer_class', 'gross_charges', 'payments', 'refunds',
          'contractual_adjustments', 'other_adjustments', 'gross_collection_rate',
          'net_collection_rate', 'below_aafp_benchmark'],
    'collections_monthly_by_payer_class has exactly its documented columns');
SELECT col_type_is('revcycle', v, c, t, format('revcycle.%s.%s is %s', v, c, t))
FROM (VALUES ('collections_monthly_by_payer', 'month', 'date'),
             ('collections_monthly_by_payer', 'payer_id', 'bigint'),
             ('collections_monthly_by_payer', 'payer_name', 'text'),
             ('collections_monthly_by_payer', 'payer_class', 'text'),
             ('collections_monthly_by_payer', 'gross_charges', 'numeric(18,2)'),
             ('collections_monthly_by_payer', 'payments', 'numeric(18,2)'),
             ('collections_monthly_by_payer', 'refunds', 'numeric(18,2)'),
             ('collections_monthly_by_payer', 'contractual_adjustments', 'numeric(18,2)'),
             ('collections_monthly_by_payer', 'other_adjustments', 'numeric(18,2)'),
             ('collections_monthly_by_payer', 'gross_collection_rate', 'numeric(26,6)'),
             ('collections_monthly_by_payer', 'net_collection_rate', 'numeric(26,6)'),
             ('collections_monthly_by_payer', 'below_aafp_benchmark', 'boolean'),
             ('collections_monthly_by_payer_class', 'month', 'date'),
             ('collections_monthly_by_payer_class', 'payer_class', 'text'),
             ('collections_monthly_by_payer_class', 'gross_charges', 'numeric(18,2)'),
             ('collections_monthly_by_payer_class', 'payments', 'numeric(18,2)'),
             ('collections_monthly_by_payer_class', 'refunds', 'numeric(18,2)'),
             ('collections_monthly_by_payer_class', 'contractual_adjustments', 'numeric(18,2)'),
             ('collections_monthly_by_payer_class', 'other_adjustments', 'numeric(18,2)'),
             ('collections_monthly_by_payer_class', 'gross_collection_rate', 'numeric(26,6)'),
             ('collections_monthly_by_payer_class', 'net_collection_rate', 'numeric(26,6)'),
             ('collections_monthly_by_payer_class', 'below_aafp_benchmark', 'boolean')) AS x(v, c, t);
SELECT ok((SELECT 'security_invoker=true' = ANY (c.reloptions) FROM pg_class c
           WHERE c.oid = format('revcycle.%I', v)::regclass),
          format('view revcycle.%s is security_invoker', v))
FROM unnest(ARRAY['collections_monthly_by_payer', 'collections_monthly_by_payer_class']) AS v;
SELECT is((SELECT array_agg(a.attname ORDER BY a.attnum) FROM pg_attribute a
           LEFT JOIN pg_description d ON d.classoid = 'pg_class'::regclass
                AND d.objoid = a.attrelid AND d.objsubid = a.attnum
           WHERE a.attrelid = format('revcycle.%I', v)::regclass AND a.attnum > 0
             AND NOT a.attisdropped AND coalesce(btrim(d.description), '') = ''),
          NULL, format('every column of revcycle.%s has a comment', v))
FROM unnest(ARRAY['collections_monthly_by_payer', 'collections_monthly_by_payer_class']) AS v;

-- ---------------------------------------------------------------------
-- Cohort collection rates (0.3.0, issue 15): the view collections_by_
-- service_month and its function of as_of: has_view, columns_are,
-- security_invoker, has_function, STABLE = 5; the 8 non-money column
-- types (money and fraction types are in bi_types.sql) = 8; the
-- function's result columns = 1; the cash-basis views never flag the
-- AAFP benchmark = 2; PARALLEL SAFE, comments = 4.  20 in all.
-- ---------------------------------------------------------------------
SELECT has_view('revcycle', 'collections_by_service_month', 'view revcycle.collections_by_service_month exists');
SELECT columns_are('revcycle', 'collections_by_service_month',
    ARRAY['service_month', 'payer_id', 'payer_name', 'payer_class', 'gross_charges', 'payments',
          'refunds', 'contractual_adjustments', 'other_adjustments', 'open_ar', 'open_share',
          'months_since_service', 'is_mature', 'gross_collection_rate', 'net_collection_rate',
          'below_aafp_benchmark', 'as_of'],
    'collections_by_service_month has exactly its documented columns');
SELECT ok((SELECT 'security_invoker=true' = ANY (c.reloptions) FROM pg_class c
           WHERE c.oid = 'revcycle.collections_by_service_month'::regclass),
          'view revcycle.collections_by_service_month is security_invoker');
SELECT has_function('revcycle', 'collections_by_service_month', ARRAY['date'],
    'function revcycle.collections_by_service_month(date) exists');
SELECT volatility_is('revcycle', 'collections_by_service_month', ARRAY['date'], 'stable',
    'collections_by_service_month(date) is STABLE');
SELECT col_type_is('revcycle', 'collections_by_service_month', c, t,
                   format('revcycle.collections_by_service_month.%s is %s', c, t))
FROM (VALUES ('service_month', 'date'), ('payer_id', 'bigint'), ('payer_name', 'text'),
             ('payer_class', 'text'), ('months_since_service', 'integer'), ('is_mature', 'boolean'),
             ('below_aafp_benchmark', 'boolean'), ('as_of', 'date')) AS x(c, t);
SELECT is((SELECT pg_get_function_result('revcycle.collections_by_service_month(date)'::regprocedure)),
          'TABLE(service_month date, payer_id bigint, payer_name text, payer_class text, gross_charges numeric, payments numeric, refunds numeric, contractual_adjustments numeric, other_adjustments numeric, open_ar numeric, open_share numeric, months_since_service integer, is_mature boolean, gross_collection_rate numeric, net_collection_rate numeric, below_aafp_benchmark boolean)',
          'collections_by_service_month(date) returns the documented columns, exact (unrounded) numerics');
SELECT ok(pg_get_viewdef(format('revcycle.%I', v)::regclass) ~ 'NULL::boolean AS below_aafp_benchmark',
          format('cash-basis view revcycle.%s never sets below_aafp_benchmark', v))
FROM unnest(ARRAY['collections_monthly_by_payer', 'collections_monthly_by_payer_class']) AS v;
SELECT is((SELECT p.proparallel::text FROM pg_proc p
           WHERE p.oid = 'revcycle.collections_by_service_month(date)'::regprocedure),
          's', 'collections_by_service_month(date) is PARALLEL SAFE');
SELECT ok(obj_description('revcycle.collections_by_service_month(date)'::regprocedure, 'pg_proc') ~ 'mature',
          'collections_by_service_month(date) is commented with its maturity rule');
SELECT ok(col_description('revcycle.collections_by_service_month'::regclass,
                          (SELECT attnum FROM pg_attribute WHERE attrelid = 'revcycle.collections_by_service_month'::regclass
                              AND attname = 'is_mature')) ~ 'months_since_service >= 6',
          'collections_by_service_month.is_mature states the maturity rule');
SELECT ok(col_description('revcycle.collections_by_service_month'::regclass,
                          (SELECT attnum FROM pg_attribute WHERE attrelid = 'revcycle.collections_by_service_month'::regclass
                              AND attname = 'net_collection_rate')) ~ 'AAFP',
          'collections_by_service_month.net_collection_rate names its source');

-- ---------------------------------------------------------------------
-- Credit balances as of a date and HFMA AR-9 (0.3.0, issue 15):
-- has_function, STABLE, PARALLEL SAFE, result columns for
-- credit_balances(date) and credit_balance_days(date) = 8.
-- ---------------------------------------------------------------------
SELECT has_function('revcycle', f, ARRAY['date'], format('function revcycle.%s(date) exists', f))
FROM unnest(ARRAY['credit_balances', 'credit_balance_days']) AS f;
SELECT volatility_is('revcycle', f, ARRAY['date'], 'stable', format('%s(date) is STABLE', f))
FROM unnest(ARRAY['credit_balances', 'credit_balance_days']) AS f;
SELECT is((SELECT p.proparallel::text FROM pg_proc p
           WHERE p.oid = format('revcycle.%s(date)', f)::regprocedure),
          's', format('%s(date) is PARALLEL SAFE', f))
FROM unnest(ARRAY['credit_balances', 'credit_balance_days']) AS f;
SELECT is(pg_get_function_result('revcycle.credit_balances(date)'::regprocedure),
          'TABLE(account_id bigint, account_number text, payer_id bigint, payer_name text, payer_class text, amount numeric, service_date date, last_activity_date date, age_days integer, age_from_service_days integer)',
          'credit_balances(date) returns the columns of the view credit_balances, exact');
SELECT is(pg_get_function_result('revcycle.credit_balance_days(date)'::regprocedure),
          'TABLE(credit_balances numeric, credit_balance_count bigint, net_patient_service_revenue_3m numeric, window_days integer, credit_balance_days numeric)',
          'credit_balance_days(date) returns the documented columns');

-- ---------------------------------------------------------------------
-- The views issue 15 redefined keep exactly their documented columns
-- (aged_ar_percent AR-1/AR-3, aged_trial_balance pre_service_ar,
-- days_in_ar_trend and denial_writeoff_rate reasons) = 4.
-- ---------------------------------------------------------------------
SELECT columns_are('revcycle', 'aged_ar_percent',
    ARRAY['month_end', 'payer_group', 'total_ar', 'unbilled_ar', 'billed_ar', 'ar_over_90_total',
          'ar_over_90_billed', 'ar_over_120_total', 'ar_over_120_billed', 'share_over_90_billed',
          'share_over_90_total', 'share_over_120_billed', 'share_over_120_total'],
    'aged_ar_percent has exactly its documented columns (HFMA AR-1 and AR-3)');
SELECT columns_are('revcycle', 'aged_trial_balance',
    ARRAY['month_end', 'payer_id', 'payer_name', 'payer_class', 'beginning_ar', 'charges', 'payments',
          'refunds', 'adjustments', 'transfers', 'ending_ar', 'ar_0_30', 'ar_31_60', 'ar_61_90',
          'ar_91_120', 'ar_over_120', 'pre_service_ar', 'credit_balance_amount', 'credit_balance_count',
          'reconciliation'],
    'aged_trial_balance has exactly its documented columns (pre_service_ar)');
SELECT columns_are('revcycle', 'days_in_ar_trend',
    ARRAY['month_end', 'payer_id', 'payer_name', 'payer_class', 'net_ar', 'gross_charges_90d', 'days_in_ar',
          'net_patient_service_revenue_3m', 'net_days_in_ar', 'days_undefined_reason'],
    'days_in_ar_trend has exactly its documented columns (days_undefined_reason)');
SELECT columns_are('revcycle', 'denial_writeoff_rate',
    ARRAY['month', 'payer_id', 'payer_name', 'dept_code', 'writeoffs', 'writeoffs_fewer_than_two_appeals',
          'denial_writeoffs', 'net_patient_service_revenue', 'denial_writeoff_rate', 'rate_undefined_reason'],
    'denial_writeoff_rate has exactly its documented columns (rate_undefined_reason)');

-- ---------------------------------------------------------------------
-- Every object of the extension (any version): commented; every function
-- and aggregate PARALLEL SAFE, except the listed functions that write
-- tables (a function that writes must be PARALLEL UNSAFE; add a new one to
-- the list deliberately).  2 tests.
-- ---------------------------------------------------------------------
SELECT is((SELECT array_agg(pg_describe_object(dep.classid, dep.objid, 0) ORDER BY 1)
           FROM pg_depend dep
           LEFT JOIN pg_class c ON dep.classid = 'pg_class'::regclass AND c.oid = dep.objid
           LEFT JOIN pg_type t ON dep.classid = 'pg_type'::regclass AND t.oid = dep.objid
           LEFT JOIN pg_description d ON d.classoid = dep.classid AND d.objoid = dep.objid
                AND d.objsubid = 0
           WHERE dep.refclassid = 'pg_extension'::regclass AND dep.deptype = 'e'
             AND dep.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'revcycle')
             AND (dep.classid = 'pg_proc'::regclass
                  OR (dep.classid = 'pg_class'::regclass AND c.relkind IN ('r', 'v', 'm', 'p', 'f'))
                  -- PostgreSQL 17 and later also record the array type of each
                  -- type as a member: it is implicit and takes no comment.
                  OR (dep.classid = 'pg_type'::regclass AND t.typtype IN ('b', 'e', 'd', 'r', 'm')
                      AND t.typcategory <> 'A'))
             AND coalesce(btrim(d.description), '') = ''),
          NULL, 'every table, view, function, aggregate and type of revcycle has a COMMENT');
SELECT is((SELECT array_agg(p.oid::regprocedure::text ORDER BY 1)
           FROM pg_depend dep JOIN pg_proc p ON p.oid = dep.objid
           WHERE dep.classid = 'pg_proc'::regclass
             AND dep.refclassid = 'pg_extension'::regclass AND dep.deptype = 'e'
             AND dep.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'revcycle')
             AND p.proparallel <> 's'
             AND p.oid::regprocedure::text NOT IN (
                 'revcycle.load_code_descriptions(text)',         -- 0.2.0: upserts code_description
                 'revcycle.load_835(text,text,boolean,boolean,text)',  -- 0.3.0: inserts remittances, posts the ledger
                 'revcycle.drop_guard()',                         -- 0.3.0: event trigger (runs SPI), not for queries
                 'revcycle.access_grant_apply()',                 -- 0.3.0: trigger on access_grant, grants
                 'revcycle.apply_access(regrole)',                -- 0.3.0: grants
                 'revcycle.grant_access(regrole,text)',           -- 0.3.0: writes access_grant, grants
                 'revcycle.revoke_access(regrole,boolean)')),     -- 0.3.0: writes access_grant, revokes
          NULL, 'every function and aggregate of revcycle is PARALLEL SAFE (except the table writers listed)');

-- BI tools read the views: every view column has a plain type (no arrays,
-- no enums, no revcycle types), in every version's views.
SELECT is((SELECT array_agg(c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod) ORDER BY 1)
           FROM pg_class c
           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
           JOIN pg_type t ON t.oid = a.atttypid
          WHERE c.relnamespace = 'revcycle'::regnamespace AND c.relkind = 'v'
            AND (t.typcategory IN ('A', 'E') OR t.typnamespace = 'revcycle'::regnamespace)),
          NULL, 'every view column of revcycle has a plain type (no array, enum or revcycle type)');

SELECT * FROM finish();
ROLLBACK;
