--
-- summary_counts_overflow (issue 12, bug 4): counts (rows, items,
-- adjustments) never wrap; every overflow raises 22003, in the per-row
-- paths of the transition functions, in combine and merge, and in the
-- accessors that add counts up.  INT64_MAX = 9223372036854775807.
--
\pset null NULL
\set SHOW_CONTEXT never
SET search_path = public;

-- ar_debit_items / ar_credit_items of two buckets at INT64_MAX (used to print -2).
SELECT revcycle.ar_debit_items('{"v":1,"as_of":"2025-12-31","bounds":[30,60,90,120],"buckets":[{"items":9223372036854775807,"amount":1,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":9223372036854775807,"amount":1,"credit_items":0,"credit_amount":0}]}'::revcycle.aging);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT revcycle.ar_credit_items('{"v":1,"as_of":"2025-12-31","bounds":[30,60,90,120],"buckets":[{"items":0,"amount":0,"credit_items":9223372036854775807,"credit_amount":-1},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":9223372036854775807,"credit_amount":-1}]}'::revcycle.aging);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- one bucket at INT64_MAX is fine
SELECT revcycle.ar_debit_items('{"v":1,"as_of":"2025-12-31","bounds":[30,60,90,120],"buckets":[{"items":9223372036854775807,"amount":1,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0}]}'::revcycle.aging) AS debit_items;

-- aging_buckets: the last bucket of bounds {2147483647} would start at day
-- 2^31, which min_days (integer) cannot hold (it printed -2147483648+).
SELECT * FROM revcycle.aging_buckets(
    (SELECT revcycle.ar_aging(1.00, '2025-12-01', '2025-12-31', '{2147483647}')));
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- the summary itself is fine; one bound lower, the last bucket starts at 2^31 - 1
SELECT revcycle.ar_debit_total(revcycle.ar_aging(1.00, '2025-12-01', '2025-12-31', '{2147483647}'));
SELECT bucket, min_days, max_days, items FROM revcycle.aging_buckets(
    (SELECT revcycle.ar_aging(1.00, '2025-12-01', '2025-12-31', '{2147483646}')));

-- ar_aging_trans called on a summary whose 0-30 bucket holds INT64_MAX items.
SELECT revcycle.ar_aging_trans('{"v":1,"as_of":"2025-12-31","bounds":[30,60,90,120],"buckets":[{"items":9223372036854775807,"amount":1,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0}]}'::revcycle.aging, 1.00, '2025-12-01', '2025-12-31');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT revcycle.ar_aging_trans('{"v":1,"as_of":"2025-12-31","bounds":[30,60,90,120],"buckets":[{"items":0,"amount":0,"credit_items":9223372036854775807,"credit_amount":-1},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0}]}'::revcycle.aging, -1.00, '2025-12-01', '2025-12-31');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- ... and the general path (an amount outside the money fast path)
SELECT revcycle.ar_aging_trans('{"v":1,"as_of":"2025-12-31","bounds":[30,60,90,120],"buckets":[{"items":9223372036854775807,"amount":1,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0}]}'::revcycle.aging, 1.000001, '2025-12-01', '2025-12-31');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- An aggregate starting from such a summary: the second row takes the
-- per-row path into the 121+ bucket, which holds INT64_MAX items.
CREATE AGGREGATE pg_temp.aging_from_full(numeric, date, date) (
    SFUNC = revcycle.ar_aging_trans, STYPE = revcycle.aging,
    INITCOND = '{"v":1,"as_of":"2025-12-31","bounds":[30,60,90,120],"buckets":[{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":9223372036854775807,"amount":1,"credit_items":0,"credit_amount":0}]}');
SELECT pg_temp.aging_from_full(v, anchor, '2025-12-31')
  FROM (VALUES (1.00, date '2025-12-01'), (1.00, '2025-01-01')) r(v, anchor);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- merging two such summaries
SELECT revcycle.ar_aging_merge(a) FROM (VALUES ('{"v":1,"as_of":"2025-12-31","bounds":[30,60,90,120],"buckets":[{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":9223372036854775807,"amount":1,"credit_items":0,"credit_amount":0}]}'::revcycle.aging), ('{"v":1,"as_of":"2025-12-31","bounds":[30,60,90,120],"buckets":[{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":9223372036854775807,"amount":1,"credit_items":0,"credit_amount":0}]}')) v(a);
\echo SQLSTATE :LAST_ERROR_SQLSTATE

-- collections: the transition functions on a summary at INT64_MAX rows.
SELECT revcycle.collections_ledger_trans('{"v":1,"rows":9223372036854775807,"charges":1,"charge_rows":1,"payments":1,"payment_rows":1,"refunds":0,"refund_rows":0,"contractual":1,"contractual_rows":1,"other_adjustments":0,"other_adjustment_rows":0}'::revcycle.collections, 'charge', 1.00);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT revcycle.collections_ledger_trans('{"v":1,"rows":9223372036854775807,"charges":1,"charge_rows":1,"payments":1,"payment_rows":1,"refunds":0,"refund_rows":0,"contractual":1,"contractual_rows":1,"other_adjustments":0,"other_adjustment_rows":0}'::revcycle.collections, 'transfer', 1.00);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT revcycle.collections_columns_trans('{"v":1,"rows":9223372036854775807,"charges":1,"charge_rows":1,"payments":1,"payment_rows":1,"refunds":0,"refund_rows":0,"contractual":1,"contractual_rows":1,"other_adjustments":0,"other_adjustment_rows":0}'::revcycle.collections, 1.00, NULL, NULL, NULL, NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT revcycle.gross_collection_rate_trans('{"v":1,"rows":9223372036854775807,"charges":1,"charge_rows":1,"payments":1,"payment_rows":1,"refunds":0,"refund_rows":0,"contractual":1,"contractual_rows":1,"other_adjustments":0,"other_adjustment_rows":0}'::revcycle.collections, 1.00, 1.00);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT revcycle.net_collection_rate_trans('{"v":1,"rows":9223372036854775807,"charges":1,"charge_rows":1,"payments":1,"payment_rows":1,"refunds":0,"refund_rows":0,"contractual":1,"contractual_rows":1,"other_adjustments":0,"other_adjustment_rows":0}'::revcycle.collections, 1.00, 1.00, 1.00);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- Aggregates starting from it: after the first row, every row takes the
-- per-row path (rows and the per-amount counts at INT64_MAX).
CREATE AGGREGATE pg_temp.ledger_from_full(revcycle.txn_kind, numeric) (
    SFUNC = revcycle.collections_ledger_trans, STYPE = revcycle.collections,
    INITCOND = '{"v":1,"rows":9223372036854775807,"charges":1,"charge_rows":9223372036854775807,"payments":1,"payment_rows":9223372036854775807,"refunds":0,"refund_rows":0,"contractual":1,"contractual_rows":9223372036854775807,"other_adjustments":0,"other_adjustment_rows":0}');
SELECT pg_temp.ledger_from_full(k, v)
  FROM (VALUES ('charge'::revcycle.txn_kind, 1.00), ('charge', 2.00)) r(k, v);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
CREATE AGGREGATE pg_temp.gross_from_full(numeric, numeric) (
    SFUNC = revcycle.gross_collection_rate_trans, STYPE = revcycle.collections,
    INITCOND = '{"v":1,"rows":9223372036854775807,"charges":1,"charge_rows":9223372036854775807,"payments":1,"payment_rows":9223372036854775807,"refunds":0,"refund_rows":0,"contractual":1,"contractual_rows":9223372036854775807,"other_adjustments":0,"other_adjustment_rows":0}');
SELECT pg_temp.gross_from_full(p, c) FROM (VALUES (1.00, 2.00), (1.00, 2.00)) r(p, c);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
CREATE AGGREGATE pg_temp.net_from_full(numeric, numeric, numeric) (
    SFUNC = revcycle.net_collection_rate_trans, STYPE = revcycle.collections,
    INITCOND = '{"v":1,"rows":9223372036854775807,"charges":1,"charge_rows":9223372036854775807,"payments":1,"payment_rows":9223372036854775807,"refunds":0,"refund_rows":0,"contractual":1,"contractual_rows":9223372036854775807,"other_adjustments":0,"other_adjustment_rows":0}');
SELECT pg_temp.net_from_full(p, c, a) FROM (VALUES (1.00, 2.00, 0.50), (1.00, 2.00, 0.50)) r(p, c, a);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- merge: rows, and the per-amount counts
SELECT revcycle.collections_merge(c) FROM (VALUES ('{"v":1,"rows":9223372036854775807,"charges":1,"charge_rows":1,"payments":1,"payment_rows":1,"refunds":0,"refund_rows":0,"contractual":1,"contractual_rows":1,"other_adjustments":0,"other_adjustment_rows":0}'::revcycle.collections), ('{"v":1,"rows":9223372036854775807,"charges":1,"charge_rows":1,"payments":1,"payment_rows":1,"refunds":0,"refund_rows":0,"contractual":1,"contractual_rows":1,"other_adjustments":0,"other_adjustment_rows":0}')) v(c);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- one row below the limit is fine: INT64_MAX - 1 rows + 1 row
SELECT revcycle.row_count(revcycle.collections_ledger_trans(
    '{"v":1,"rows":9223372036854775806,"charges":1,"charge_rows":1,"payments":1,"payment_rows":1,"refunds":0,"refund_rows":0,"contractual":1,"contractual_rows":1,"other_adjustments":0,"other_adjustment_rows":0}'::revcycle.collections, 'charge', 1.00)) AS row_count;

-- denials: an adjustment count at INT64_MAX, one more row.
SELECT revcycle.denial_summary_group_trans('{"v":1,"codes":[{"code":"CO-45","n":9223372036854775807,"amount":1.00}],"invalid":[]}'::revcycle.denials, 'CO', '45', 1.00);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
