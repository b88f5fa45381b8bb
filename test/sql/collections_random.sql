--
-- collections_random: seeded random data (50,000 rows, 2 to 4 decimals,
-- NULLs, negative corrections, 8 groups) cross-checked exactly against the
-- plain-SQL formulas, serially and in parallel.  Only booleans and counts
-- are printed, so the output does not depend on the random values.
--
SET search_path = public;
SELECT setseed(0.4242);

-- A plain table (parallel query cannot scan temp tables); dropped at the end.
CREATE TABLE coll_rand (
    grp         int NOT NULL,
    payment     numeric,
    charge      numeric,
    contractual numeric,
    refund      numeric,
    other       numeric,
    kind        revcycle.txn_kind,
    amount      numeric
);
-- Each amount: NULL 5% of the time, negative (a correction) 8% of the time,
-- rounded to 2, 3 or 4 decimals.
CREATE FUNCTION pg_temp.rand_amount(maxv numeric) RETURNS numeric LANGUAGE sql VOLATILE
RETURN CASE WHEN random() < 0.05 THEN NULL
            ELSE round((random() * maxv)::numeric * CASE WHEN random() < 0.08 THEN -1 ELSE 1 END,
                       2 + floor(random() * 3)::int) END;
INSERT INTO coll_rand
SELECT floor(random() * 8)::int,
       pg_temp.rand_amount(900), pg_temp.rand_amount(1000), pg_temp.rand_amount(300),
       pg_temp.rand_amount(50), pg_temp.rand_amount(80),
       (enum_range(NULL::revcycle.txn_kind))[1 + floor(random() * 10)::int],
       pg_temp.rand_amount(1000)
FROM generate_series(1, 50000);
ALTER TABLE coll_rand SET (parallel_workers = 2);
ANALYZE coll_rand;

-- The data has what it should: rows, NULLs, negatives, 2/3/4-decimal scales, groups, kinds.
SELECT count(*) AS rows,
       count(*) FILTER (WHERE payment IS NULL) > 1000 AS has_nulls,
       count(*) FILTER (WHERE charge < 0) > 1000 AS has_negative_charges,
       count(DISTINCT scale(amount)) AS amount_scales,
       count(DISTINCT grp) AS groups,
       count(DISTINCT kind) AS kinds
FROM coll_rand;

-- The checks, as one query per mode: every line must be true.
CREATE VIEW coll_rand_checks AS
WITH c AS (
    SELECT grp,
           revcycle.gross_collection_rate(payment, charge) AS gross,
           revcycle.net_collection_rate(payment, charge, contractual) AS net,
           revcycle.collections_agg(charge, payment, refund, contractual, other) AS cols,
           revcycle.collections_agg(kind, amount) AS led,
           coalesce(sum(payment), 0) AS sp, coalesce(sum(charge), 0) AS sc,
           coalesce(sum(contractual), 0) AS sca, coalesce(sum(refund), 0) AS sr,
           coalesce(sum(other), 0) AS so,
           count(payment) AS np, count(charge) AS nc,
           coalesce(sum(amount) FILTER (WHERE kind = 'charge'), 0) AS l_c,
           coalesce(sum(amount) FILTER (WHERE kind = 'payment'), 0) AS l_p,
           coalesce(sum(amount) FILTER (WHERE kind = 'refund'), 0) AS l_r,
           coalesce(sum(amount) FILTER (WHERE kind = 'contractual_adjustment'), 0) AS l_ca,
           coalesce(sum(amount) FILTER (WHERE kind IN ('administrative_adjustment', 'small_balance_writeoff',
                                                       'denial_writeoff', 'bad_debt', 'charity')), 0) AS l_o,
           count(*) AS n
    FROM coll_rand GROUP BY grp
    UNION ALL
    SELECT NULL,
           revcycle.gross_collection_rate(payment, charge) AS gross,
           revcycle.net_collection_rate(payment, charge, contractual) AS net,
           revcycle.collections_agg(charge, payment, refund, contractual, other) AS cols,
           revcycle.collections_agg(kind, amount) AS led,
           coalesce(sum(payment), 0) AS sp, coalesce(sum(charge), 0) AS sc,
           coalesce(sum(contractual), 0) AS sca, coalesce(sum(refund), 0) AS sr,
           coalesce(sum(other), 0) AS so,
           count(payment) AS np, count(charge) AS nc,
           coalesce(sum(amount) FILTER (WHERE kind = 'charge'), 0) AS l_c,
           coalesce(sum(amount) FILTER (WHERE kind = 'payment'), 0) AS l_p,
           coalesce(sum(amount) FILTER (WHERE kind = 'refund'), 0) AS l_r,
           coalesce(sum(amount) FILTER (WHERE kind = 'contractual_adjustment'), 0) AS l_ca,
           coalesce(sum(amount) FILTER (WHERE kind IN ('administrative_adjustment', 'small_balance_writeoff',
                                                       'denial_writeoff', 'bad_debt', 'charity')), 0) AS l_o,
           count(*) AS n
    FROM coll_rand
)
SELECT count(*) AS groups_checked,
       bool_and(gross = sp / sc) AS gross_rate_exact,
       bool_and(gross::text = (sp / sc)::text) AS gross_rate_same_digits,
       bool_and(net = sp / (sc - sca)) AS net_rate_exact,
       bool_and(net::text = (sp / (sc - sca))::text) AS net_rate_same_digits,
       bool_and(revcycle.gross_charges(cols) = sc AND revcycle.payments(cols) = sp
                AND revcycle.refunds(cols) = sr AND revcycle.contractual_adjustments(cols) = sca
                AND revcycle.other_adjustments(cols) = so) AS column_sums_exact,
       bool_and(revcycle.row_count(cols) = n) AS column_row_count,
       bool_and(revcycle.gross_collection_rate(cols) = sp / sc) AS column_gross_rate,
       bool_and(revcycle.net_collection_rate(cols) = (sp - sr) / (sc - sca)) AS column_net_rate,
       bool_and((cols::text::jsonb->>'payment_rows')::bigint = np
                AND (cols::text::jsonb->>'charge_rows')::bigint = nc) AS column_per_amount_counts,
       bool_and(revcycle.gross_charges(led) = l_c AND revcycle.payments(led) = l_p
                AND revcycle.refunds(led) = l_r AND revcycle.contractual_adjustments(led) = l_ca
                AND revcycle.other_adjustments(led) = l_o AND revcycle.row_count(led) = n) AS ledger_sums_exact,
       bool_and(revcycle.net_collection_rate(led) = (l_p - l_r) / (l_c - l_ca)) AS ledger_net_rate,
       bool_and(cols::text::revcycle.collections::text = cols::text
                AND led::text::revcycle.collections::text = led::text) AS text_round_trip
FROM c;

-- Per-group summaries merged equal the one-pass total.
CREATE VIEW coll_rand_merge AS
SELECT (SELECT revcycle.collections_merge(s)::text
        FROM (SELECT revcycle.collections_agg(kind, amount) AS s FROM coll_rand GROUP BY grp) AS g)
       = (SELECT revcycle.collections_agg(kind, amount)::text FROM coll_rand) AS merged_groups_equal_total;

CREATE FUNCTION pg_temp.plan_count(q text, node text) RETURNS int LANGUAGE plpgsql AS $$
DECLARE
    line text;
    n int := 0;
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
        IF line LIKE '%' || node || '%' THEN n := n + 1; END IF;
    END LOOP;
    RETURN n;
END $$;

-- Serial.
SET max_parallel_workers_per_gather = 0;
SELECT pg_temp.plan_count('SELECT * FROM coll_rand_checks', 'Partial') AS serial_partial_nodes;
SELECT * FROM coll_rand_checks;
SELECT * FROM coll_rand_merge;
CREATE TEMP TABLE serial_result AS
SELECT grp, revcycle.net_collection_rate(payment, charge, contractual)::text AS net,
       revcycle.collections_agg(kind, amount)::text AS led
FROM coll_rand GROUP BY grp;

-- Parallel (2 workers, the leader not participating).
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
SELECT pg_temp.plan_count('SELECT * FROM coll_rand_checks', 'Partial') >= 2 AS parallel_partial_aggregation;
SELECT * FROM coll_rand_checks;
SELECT * FROM coll_rand_merge;
-- Group by group, the parallel results are the serial ones.
SELECT count(*) AS groups, bool_and(s.net = p.net AND s.led = p.led) AS parallel_equals_serial
FROM serial_result AS s
JOIN (SELECT grp, revcycle.net_collection_rate(payment, charge, contractual)::text AS net,
             revcycle.collections_agg(kind, amount)::text AS led
      FROM coll_rand GROUP BY grp) AS p USING (grp);

RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;
DROP VIEW coll_rand_merge;
DROP VIEW coll_rand_checks;
DROP TABLE coll_rand;
