-- Benchmark: collection-rate aggregates (src/collections.c) against the
-- plain-SQL formulas and the count(*) floor.
--   psql -v millions=5 -f bench/10_collections.sql   (after bench/lib.sql)
-- Goal (issue 2): net_collection_rate over 5M rows at least 2x faster than
-- sum(payment)/(sum(charge)-sum(contractual_adjustment)) and at most 1.5x
-- count(*).
\set ON_ERROR_STOP 1
\if :{?millions}
\else
\set millions 5
\endif
\timing off

DROP TABLE IF EXISTS bench.collections_rows;
-- One table holds both shapes: column-wise amounts (payment, charge,
-- contractual_adjustment) and ledger-shaped (kind, amount).  Amounts are
-- numeric(14,2) like the data model; about 2% NULL payments.
CREATE UNLOGGED TABLE bench.collections_rows (
    payment                 numeric(14,2),
    charge                  numeric(14,2) NOT NULL,
    contractual_adjustment  numeric(14,2) NOT NULL,
    kind                    revcycle.txn_kind NOT NULL,
    amount                  numeric(14,2) NOT NULL
);
SELECT setseed(0.5);
INSERT INTO bench.collections_rows
SELECT CASE WHEN random() < 0.02 THEN NULL ELSE round((random() * 900)::numeric, 2) END,
       round((random() * 1000 + 1)::numeric, 2),
       round((random() * 300)::numeric, 2),
       (enum_range(NULL::revcycle.txn_kind))[1 + (i % 10)],
       round((random() * 2000 - 100)::numeric, 2)
FROM generate_series(1, (:millions * 1000000)::int) AS i;
VACUUM ANALYZE bench.collections_rows;
SELECT pg_size_pretty(pg_table_size('bench.collections_rows')) AS table_size,
       :millions AS millions_of_rows;

-- Sanity: the C results equal the plain SQL before anything is timed.
SELECT revcycle.net_collection_rate(payment, charge, contractual_adjustment)
         = coalesce(sum(payment), 0) / (sum(charge) - sum(contractual_adjustment)) AS net_equal,
       revcycle.gross_collection_rate(payment, charge) = coalesce(sum(payment), 0) / sum(charge) AS gross_equal
FROM bench.collections_rows;

SELECT * FROM bench.compare(
    'net_collection_rate',
    'SELECT revcycle.net_collection_rate(payment, charge, contractual_adjustment) FROM bench.collections_rows',
    'SELECT sum(payment) / (sum(charge) - sum(contractual_adjustment)) FROM bench.collections_rows',
    'SELECT count(*) FROM bench.collections_rows');

SELECT * FROM bench.compare(
    'gross_collection_rate',
    'SELECT revcycle.gross_collection_rate(payment, charge) FROM bench.collections_rows',
    'SELECT sum(payment) / sum(charge) FROM bench.collections_rows',
    'SELECT count(*) FROM bench.collections_rows');

SELECT * FROM bench.compare(
    'collections_agg(kind, amount)',
    'SELECT revcycle.collections_agg(kind, amount) FROM bench.collections_rows',
    $q$SELECT sum(amount) FILTER (WHERE kind = 'charge'),
              sum(amount) FILTER (WHERE kind = 'payment'),
              sum(amount) FILTER (WHERE kind = 'refund'),
              sum(amount) FILTER (WHERE kind = 'contractual_adjustment'),
              sum(amount) FILTER (WHERE kind IN ('administrative_adjustment', 'small_balance_writeoff',
                                                 'denial_writeoff', 'bad_debt', 'charity'))
       FROM bench.collections_rows$q$,
    'SELECT count(*) FROM bench.collections_rows');

DROP TABLE bench.collections_rows;
