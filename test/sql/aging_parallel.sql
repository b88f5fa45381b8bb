--
-- aging_parallel: ar_aging on random data equals the plain-SQL FILTER
-- formula exactly, and forced parallel plans (Partial Aggregate in the
-- workers, some of which see no rows) give exactly the serial results.
--
\pset null NULL
SET search_path = public;

-- Parallel query cannot scan temporary tables: a plain table, dropped at the end.
SELECT setseed(0.42);
CREATE TABLE aging_par_data (id int NOT NULL, grp int NOT NULL, balance numeric(14,4), anchor date,
                             kind revcycle.txn_kind, amount numeric(14,2), posted date);
-- 60,000 rows: balances -100.0000 .. 9899.9999 (some credits, some zero, 4 decimals on
-- every 5th row), anchors up to 400 days before 2025-12-31 and a few after it,
-- a NULL balance every 17th row and a NULL anchor every 19th.
INSERT INTO aging_par_data
SELECT i, i % 4,
       CASE WHEN i % 17 = 0 THEN NULL
            WHEN i % 23 = 0 THEN 0
            WHEN i % 5 = 0 THEN round((random() * 10000 - 100)::numeric, 4)
            ELSE round((random() * 10000 - 100)::numeric, 2) END,
       CASE WHEN i % 19 = 0 THEN NULL ELSE date '2025-12-31' - (random() * 405)::int + 4 END,
       (enum_range(NULL::revcycle.txn_kind))[1 + (random() * 9)::int],
       round((random() * 2000 - 20)::numeric, 2),
       date '2025-01-01' + (random() * 400)::int
  FROM generate_series(1, 60000) i;
ANALYZE aging_par_data;

-- The plain-SQL formula, bucket by bucket (debit and credit sums and counts).
CREATE VIEW aging_par_sql AS
SELECT grp, b.ord,
       coalesce(sum(balance) FILTER (WHERE balance > 0), 0) AS amount,
       count(*) FILTER (WHERE balance > 0) AS items,
       coalesce(sum(balance) FILTER (WHERE balance < 0), 0) AS credit_amount,
       count(*) FILTER (WHERE balance < 0) AS credit_items
  FROM (VALUES (1, 0, 30), (2, 31, 60), (3, 61, 90), (4, 91, 120), (5, 121, 1000000)) b(ord, lo, hi)
  LEFT JOIN aging_par_data d
    ON date '2025-12-31' - d.anchor BETWEEN b.lo AND b.hi
 GROUP BY GROUPING SETS ((grp, b.ord), (b.ord));

CREATE VIEW aging_par_c AS
SELECT s.grp, row_number() OVER (PARTITION BY s.grp ORDER BY x.min_days) AS ord,
       x.amount, x.items, x.credit_amount, x.credit_items
  FROM (SELECT grp, revcycle.ar_aging(balance, anchor, '2025-12-31') AS a
          FROM aging_par_data GROUP BY GROUPING SETS ((grp), ())) s,
       revcycle.aging_buckets(s.a) x;

-- Exact equality of every bucket, per group and in total (booleans).
SELECT count(*) AS buckets_compared,
       bool_and(c.amount = q.amount AND c.items = q.items
                AND c.credit_amount = q.credit_amount AND c.credit_items = q.credit_items) AS all_equal
  FROM aging_par_c c
  JOIN aging_par_sql q ON q.grp IS NOT DISTINCT FROM c.grp AND q.ord = c.ord;

-- Custom bounds {15,45,365} against FILTER sums.
SELECT (SELECT array_agg(amount ORDER BY min_days)
          FROM revcycle.aging_buckets(revcycle.ar_aging(balance, anchor, '2025-12-31', '{15,45,365}')))
       = ARRAY[coalesce(sum(balance) FILTER (WHERE balance > 0 AND date '2025-12-31' - anchor BETWEEN 0 AND 15), 0),
               coalesce(sum(balance) FILTER (WHERE balance > 0 AND date '2025-12-31' - anchor BETWEEN 16 AND 45), 0),
               coalesce(sum(balance) FILTER (WHERE balance > 0 AND date '2025-12-31' - anchor BETWEEN 46 AND 365), 0),
               coalesce(sum(balance) FILTER (WHERE balance > 0 AND date '2025-12-31' - anchor > 365), 0)]
       AS custom_bounds_equal
  FROM aging_par_data;

-- Days in A/R against plain SQL (365-day look-back and the 3-month net window).
SELECT revcycle.net_ar(s) = q.ar AS ar_equal,
       revcycle.lookback_charges(s) = q.charges AS charges_equal,
       revcycle.net_patient_service_revenue(s) = q.npsr AS npsr_equal
  FROM (SELECT revcycle.ar_days_agg(kind, amount, posted, '2025-12-31', 365) AS s FROM aging_par_data) c,
       (SELECT sum(revcycle.ar_sign(kind) * amount) FILTER (WHERE posted <= '2025-12-31') AS ar,
               sum(amount) FILTER (WHERE kind = 'charge' AND posted > date '2025-12-31' - 365 AND posted <= '2025-12-31') AS charges,
               sum(amount) FILTER (WHERE kind = 'charge' AND posted BETWEEN '2025-10-01' AND '2025-12-31')
               - sum(amount) FILTER (WHERE kind NOT IN ('charge', 'payment', 'refund', 'transfer')
                                      AND posted BETWEEN '2025-10-01' AND '2025-12-31') AS npsr
          FROM aging_par_data) q;

-- Serial results.
SET max_parallel_workers_per_gather = 0;
CREATE TEMP TABLE serial_res AS
SELECT 'all' AS q, revcycle.ar_aging(balance, anchor, '2025-12-31')::text AS r FROM aging_par_data
UNION ALL
SELECT 'few', revcycle.ar_aging(balance, anchor, '2025-12-31')::text FROM aging_par_data WHERE id > 59990
UNION ALL
SELECT 'none', coalesce(revcycle.ar_aging(balance, anchor, '2025-12-31')::text, 'NULL') FROM aging_par_data WHERE id < 0
UNION ALL
SELECT 'days', revcycle.ar_days_agg(kind, amount, posted, '2025-12-31')::text FROM aging_par_data
UNION ALL
SELECT 'days_few', revcycle.ar_days_agg(kind, amount, posted, '2025-12-31')::text FROM aging_par_data WHERE id > 59990;

-- Forced parallel plans.
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT revcycle.ar_aging(balance, anchor, '2025-12-31') FROM aging_par_data;
-- id > 59990: 10 rows in the last block, so one participant sees rows and the others hand over NULL states.
EXPLAIN (COSTS OFF) SELECT revcycle.ar_aging(balance, anchor, '2025-12-31') FROM aging_par_data WHERE id > 59990;
EXPLAIN (COSTS OFF) SELECT revcycle.ar_days_agg(kind, amount, posted, '2025-12-31') FROM aging_par_data;
CREATE TEMP TABLE parallel_res AS
SELECT 'all' AS q, revcycle.ar_aging(balance, anchor, '2025-12-31')::text AS r FROM aging_par_data
UNION ALL
SELECT 'few', revcycle.ar_aging(balance, anchor, '2025-12-31')::text FROM aging_par_data WHERE id > 59990
UNION ALL
SELECT 'none', coalesce(revcycle.ar_aging(balance, anchor, '2025-12-31')::text, 'NULL') FROM aging_par_data WHERE id < 0
UNION ALL
SELECT 'days', revcycle.ar_days_agg(kind, amount, posted, '2025-12-31')::text FROM aging_par_data
UNION ALL
SELECT 'days_few', revcycle.ar_days_agg(kind, amount, posted, '2025-12-31')::text FROM aging_par_data WHERE id > 59990;
SELECT s.q, s.r = p.r AS parallel_equals_serial, s.r = 'NULL' AS is_null
  FROM serial_res s JOIN parallel_res p USING (q) ORDER BY s.q;
-- The few-row result in full (10 rows), and merge under parallelism.
SELECT r FROM parallel_res WHERE q = 'few';
SELECT revcycle.ar_aging_merge(a)::text = (SELECT r FROM serial_res WHERE q = 'all') AS parallel_merge_equals
  FROM (SELECT grp, revcycle.ar_aging(balance, anchor, '2025-12-31') AS a FROM aging_par_data GROUP BY grp) s;

RESET max_parallel_workers_per_gather;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
DROP VIEW aging_par_c;
DROP VIEW aging_par_sql;
DROP TABLE aging_par_data;
