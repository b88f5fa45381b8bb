-- Days in A/R: revcycle.days_in_ar / ar_days_agg (src/ar_days.c, one pass over
-- ledger-shaped rows) against the plain-SQL formula and count(*), over
-- :millions million rows.
-- (run by bench/run.sh after bench/lib.sql; psql variable millions, default 5)
\set ON_ERROR_STOP 1
\if :{?millions}
\else
\set millions 5
\endif

DROP TABLE IF EXISTS bench.ar_days_rows;
-- Every kind in turn, amounts 0.00-1999.99, posted over the 200 days before
-- 2025-12-31 plus a few after it (left out).
CREATE UNLOGGED TABLE bench.ar_days_rows (
    kind         revcycle.txn_kind NOT NULL,
    amount       numeric(14,2) NOT NULL,
    posted_date  date NOT NULL
);
SELECT setseed(0.5);
INSERT INTO bench.ar_days_rows
SELECT (enum_range(NULL::revcycle.txn_kind))[1 + (i % 10)],
       round((random() * 2000)::numeric, 2),
       date '2025-12-31' - (random() * 200)::int + 3
  FROM generate_series(1, (:millions * 1000000)::int) AS i;
VACUUM (FREEZE, ANALYZE) bench.ar_days_rows;

-- Same answer both ways, before timing.  (The plain SQL spells out
-- revcycle.ar_sign(kind): that SQL function is not inlined in an aggregate
-- argument and would cost more than everything else.)
SELECT revcycle.days_in_ar(kind, amount, posted_date, '2025-12-31')
       = sum(CASE WHEN kind IN ('charge', 'refund', 'transfer') THEN amount ELSE -amount END) FILTER (WHERE posted_date <= '2025-12-31') * 90
         / sum(amount) FILTER (WHERE kind = 'charge' AND posted_date > date '2025-12-31' - 90
                                 AND posted_date <= '2025-12-31') AS same_answer
  FROM bench.ar_days_rows;

SELECT * FROM bench.compare(
    'days_in_ar(kind, amount, posted_date, as_of) (' || :millions || 'M rows)',
    $q$SELECT revcycle.days_in_ar(kind, amount, posted_date, '2025-12-31') FROM bench.ar_days_rows$q$,
    $q$SELECT sum(CASE WHEN kind IN ('charge', 'refund', 'transfer') THEN amount ELSE -amount END) FILTER (WHERE posted_date <= '2025-12-31') * 90
              / sum(amount) FILTER (WHERE kind = 'charge' AND posted_date > date '2025-12-31' - 90
                                      AND posted_date <= '2025-12-31')
         FROM bench.ar_days_rows$q$,
    $q$SELECT count(*) FROM bench.ar_days_rows$q$);

SELECT * FROM bench.compare(
    'ar_days_agg (' || :millions || 'M rows)',
    $q$SELECT revcycle.ar_days_agg(kind, amount, posted_date, '2025-12-31') FROM bench.ar_days_rows$q$,
    $q$SELECT sum(CASE WHEN kind IN ('charge', 'refund', 'transfer') THEN amount ELSE -amount END) FILTER (WHERE posted_date <= '2025-12-31'),
              sum(amount) FILTER (WHERE kind = 'charge' AND posted_date > date '2025-12-31' - 90
                                    AND posted_date <= '2025-12-31')
         FROM bench.ar_days_rows$q$,
    $q$SELECT count(*) FROM bench.ar_days_rows$q$);

DROP TABLE bench.ar_days_rows;
