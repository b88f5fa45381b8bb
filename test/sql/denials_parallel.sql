-- revcycle.denials under forced parallelism: Partial Aggregate plans, the
-- same result as serial, and workers that see no rows (NULL partial states).
SET search_path = revcycle, public;
CREATE TABLE den_par AS
SELECT (ARRAY['CO','PR','OA','PI'])[1 + (hashint4(i) & 3)] AS g,
       (1 + (hashint4(i * 13) & 1023) % 60)::text AS c,
       round(((hashint4(i * 7) % 50000) / 100.0)::numeric, 2) AS a,
       CASE WHEN i % 997 = 0 THEN 'XX-' || i % 5 ELSE NULL END AS bad
  FROM generate_series(1, 60000) i;
ANALYZE den_par;

-- serial reference
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE den_serial AS
SELECT denial_summary(g, c, a)::text AS s3,
       denial_summary(coalesce(bad, g || '-' || c), a)::text AS s2
  FROM den_par;

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
EXPLAIN (COSTS OFF) SELECT denial_summary(g, c, a) FROM den_par;
SELECT denial_summary(g, c, a)::text = (SELECT s3 FROM den_serial) AS same_3arg,
       denial_summary(coalesce(bad, g || '-' || c), a)::text = (SELECT s2 FROM den_serial) AS same_2arg
  FROM den_par;

-- Grouped, with a filter that leaves most workers' groups empty: only
-- 'PI' rows with c = '7' pass; per group the parallel and serial results match.
-- (PostgreSQL 17 and later print no Group Key when the filter fixes the key:
-- expected/denials_parallel_1.out.)
EXPLAIN (COSTS OFF) SELECT g, denial_summary(g, c, a) FROM den_par WHERE c = '7' AND g = 'PI' GROUP BY g;
CREATE TEMP TABLE den_par_grouped AS
SELECT g, denial_summary(g, c, a)::text AS s FROM den_par WHERE c = '7' GROUP BY g;

-- A filter that matches nothing: every partial state is NULL -> NULL.
SELECT denial_summary(g, c, a) IS NULL AS no_rows FROM den_par WHERE c = 'none';

-- denial_merge in parallel over 16 stored partial summaries: they fit in
-- one page, so with the leader not participating one worker gets every row
-- and the other hands over a NULL (empty) partial state.
CREATE TABLE den_parts AS
SELECT (hashint4((a * 100)::int) & 15) AS part, denial_summary(g, c, a) AS s FROM den_par GROUP BY 1;
ALTER TABLE den_parts SET (parallel_workers = 2);
ANALYZE den_parts;
EXPLAIN (COSTS OFF) SELECT denial_merge(s) FROM den_parts;
SELECT denial_merge(s)::text = (SELECT s3 FROM den_serial) AS merge_equals_all FROM den_parts;

RESET parallel_leader_participation;
RESET max_parallel_workers_per_gather;
SET max_parallel_workers_per_gather = 0;
SELECT g, denial_summary(g, c, a)::text = (SELECT s FROM den_par_grouped p WHERE p.g = d.g) AS same_grouped
  FROM den_par d WHERE c = '7' GROUP BY g ORDER BY g;
DROP TABLE den_par, den_parts;
