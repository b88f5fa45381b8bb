--
-- collections_parallel: the collections aggregates under forced parallel
-- plans (Partial Aggregate in workers, combine in Finalize Aggregate) give
-- exactly the serial results, including workers that see no rows.
--
\pset null NULL
SET search_path = public;

-- Parallel query cannot scan temporary tables: a plain table, dropped at the end.
CREATE TABLE coll_par_data (
    id          int NOT NULL,   -- no index: every filter below is a (parallel) seq scan
    grp         int NOT NULL,
    payment     numeric(14,2),
    charge      numeric(14,2),
    contractual numeric(14,2),
    refund      numeric(14,4),
    kind        revcycle.txn_kind,
    amount      numeric(14,2)
);
-- 40,000 deterministic rows; every 7th payment NULL, every 11th charge a
-- negative correction, refunds with 4 decimals, ledger kinds cycling through
-- all ten labels.
INSERT INTO coll_par_data
SELECT i, i % 5,
       CASE WHEN i % 7 = 0 THEN NULL ELSE ((i * 37) % 100000) / 100.0 END,
       CASE WHEN i % 11 = 0 THEN -((i * 53) % 50000) / 100.0 ELSE ((i * 53) % 100000) / 100.0 + 1 END,
       ((i * 13) % 20000) / 100.0,
       CASE WHEN i % 3 = 0 THEN ((i * 17) % 100000) / 10000.0 END,
       (enum_range(NULL::revcycle.txn_kind))[1 + i % 10],
       CASE WHEN i % 13 = 0 THEN -((i * 29) % 50000) / 100.0 - 0.01 ELSE ((i * 29) % 50000) / 100.0 + 0.01 END
FROM generate_series(1, 40000) AS i;
ALTER TABLE coll_par_data SET (parallel_workers = 2);
ANALYZE coll_par_data;

-- 5 x 2003 = 10015 stored summaries to merge.
CREATE TABLE coll_par_rollup AS
SELECT grp, id % 2003 AS bucket, revcycle.collections_agg(kind, amount) AS summary
FROM coll_par_data GROUP BY 1, 2;
ALTER TABLE coll_par_rollup SET (parallel_workers = 2);
ANALYZE coll_par_rollup;
SELECT count(*) AS rollup_rows FROM coll_par_rollup;

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;

-- =====================================================================
-- 1. Plans: every aggregate runs as Partial Aggregate + Finalize Aggregate.
-- =====================================================================
EXPLAIN (COSTS OFF) SELECT revcycle.gross_collection_rate(payment, charge) FROM coll_par_data;
EXPLAIN (COSTS OFF) SELECT revcycle.net_collection_rate(payment, charge, contractual) FROM coll_par_data;
EXPLAIN (COSTS OFF) SELECT revcycle.collections_agg(charge, payment, refund, contractual, NULL) FROM coll_par_data;
EXPLAIN (COSTS OFF) SELECT revcycle.collections_agg(kind, amount) FROM coll_par_data;
EXPLAIN (COSTS OFF) SELECT revcycle.collections_merge(summary) FROM coll_par_rollup;
EXPLAIN (COSTS OFF) SELECT grp, revcycle.net_collection_rate(payment, charge, contractual)
FROM coll_par_data GROUP BY grp;

-- =====================================================================
-- 2. Parallel results (kept in psql variables) ...
-- =====================================================================
SELECT revcycle.gross_collection_rate(payment, charge)::text AS p_gross,
       revcycle.net_collection_rate(payment, charge, contractual)::text AS p_net,
       revcycle.collections_agg(charge, payment, refund, contractual, NULL)::text AS p_cols,
       revcycle.collections_agg(kind, amount)::text AS p_ledger
FROM coll_par_data \gset
SELECT revcycle.collections_merge(summary)::text AS p_merge FROM coll_par_rollup \gset
SELECT string_agg(grp || ':' || r::text, ' ' ORDER BY grp) AS p_groups
FROM (SELECT grp, revcycle.net_collection_rate(payment, charge, contractual) AS r
      FROM coll_par_data GROUP BY grp) AS g \gset
-- A filter that leaves one worker without rows (only the first block
-- matches), and one that leaves every worker without rows.
SELECT revcycle.net_collection_rate(payment, charge, contractual)::text AS p_few,
       revcycle.collections_agg(kind, amount)::text AS p_few_ledger
FROM coll_par_data WHERE id * 1 <= 5 \gset
SELECT revcycle.net_collection_rate(payment, charge, contractual) IS NULL AS all_empty_net_is_null,
       revcycle.gross_collection_rate(payment, charge) IS NULL AS all_empty_gross_is_null,
       revcycle.collections_agg(kind, amount) IS NULL AS all_empty_ledger_is_null,
       revcycle.collections_agg(charge, payment, refund, contractual, NULL) IS NULL AS all_empty_cols_is_null
FROM coll_par_data WHERE id * 1 < 0;
SELECT revcycle.collections_merge(summary) IS NULL AS all_empty_merge_is_null
FROM coll_par_rollup WHERE grp * 1 < 0;
-- (id * 1 hides the selectivity from the planner, so it still plans partial
-- aggregation: ids 1..5 are in the first block, read by one worker only.)
EXPLAIN (COSTS OFF) SELECT revcycle.net_collection_rate(payment, charge, contractual)
FROM coll_par_data WHERE id * 1 <= 5;
EXPLAIN (COSTS OFF) SELECT revcycle.collections_agg(kind, amount)
FROM coll_par_data WHERE id * 1 < 0;
EXPLAIN (COSTS OFF) SELECT revcycle.collections_merge(summary)
FROM coll_par_rollup WHERE grp * 1 < 0;

-- =====================================================================
-- 3. ... equal the serial results.
-- =====================================================================
SET max_parallel_workers_per_gather = 0;
EXPLAIN (COSTS OFF) SELECT revcycle.net_collection_rate(payment, charge, contractual) FROM coll_par_data;
SELECT revcycle.gross_collection_rate(payment, charge)::text = :'p_gross' AS gross_same,
       revcycle.net_collection_rate(payment, charge, contractual)::text = :'p_net' AS net_same,
       revcycle.collections_agg(charge, payment, refund, contractual, NULL)::text = :'p_cols' AS cols_same,
       revcycle.collections_agg(kind, amount)::text = :'p_ledger' AS ledger_same
FROM coll_par_data;
SELECT revcycle.collections_merge(summary)::text = :'p_merge' AS merge_same FROM coll_par_rollup;
SELECT string_agg(grp || ':' || r::text, ' ' ORDER BY grp) = :'p_groups' AS groups_same
FROM (SELECT grp, revcycle.net_collection_rate(payment, charge, contractual) AS r
      FROM coll_par_data GROUP BY grp) AS g;
SELECT revcycle.net_collection_rate(payment, charge, contractual)::text = :'p_few' AS few_same,
       revcycle.collections_agg(kind, amount)::text = :'p_few_ledger' AS few_ledger_same
FROM coll_par_data WHERE id * 1 <= 5;
-- And both equal the plain-SQL formula (NULL counts as zero).
SELECT revcycle.net_collection_rate(payment, charge, contractual)
         = coalesce(sum(payment), 0) / (sum(charge) - sum(contractual)) AS net_is_formula,
       revcycle.gross_collection_rate(payment, charge)
         = coalesce(sum(payment), 0) / sum(charge) AS gross_is_formula
FROM coll_par_data;
-- The rows seen: 40000 in total, 5 for the filter.
SELECT revcycle.row_count(:'p_ledger'::revcycle.collections) AS rows_all,
       revcycle.row_count(:'p_few_ledger'::revcycle.collections) AS rows_few;
-- The merge of the rollup equals the one-pass ledger summary.
SELECT :'p_merge' = :'p_ledger' AS merge_equals_one_pass;

RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;
DROP TABLE coll_par_rollup;
DROP TABLE coll_par_data;
