-- A/R aging: revcycle.ar_aging against the five-FILTER plain SQL an analyst
-- would write, and against count(*), over :millions million balances.
-- (run by bench/run.sh after bench/lib.sql; psql variable millions, default 5)
\set ON_ERROR_STOP 1
\if :{?millions}
\else
\set millions 5
\endif

DROP TABLE IF EXISTS bench.aging_rows;
CREATE TABLE bench.aging_rows (balance numeric(14,2), anchor date);
-- Balances from -50.00 to 4949.99 (about 1% credits), dates of service over
-- the 400 days before 2025-12-31 plus a few after it (not yet receivable).
INSERT INTO bench.aging_rows
SELECT round((random() * 5000 - 50)::numeric, 2),
       date '2025-12-31' - (random() * 400)::int + 5
  FROM generate_series(1, (:millions * 1000000)::int);
VACUUM (FREEZE, ANALYZE) bench.aging_rows;

-- Same answer both ways (debit amounts per bucket), before timing.
SELECT (SELECT array_agg(amount ORDER BY min_days)
          FROM revcycle.aging_buckets(revcycle.ar_aging(balance, anchor, '2025-12-31')))
       = ARRAY[sum(balance) FILTER (WHERE balance > 0 AND date '2025-12-31' - anchor BETWEEN 0 AND 30),
               sum(balance) FILTER (WHERE balance > 0 AND date '2025-12-31' - anchor BETWEEN 31 AND 60),
               sum(balance) FILTER (WHERE balance > 0 AND date '2025-12-31' - anchor BETWEEN 61 AND 90),
               sum(balance) FILTER (WHERE balance > 0 AND date '2025-12-31' - anchor BETWEEN 91 AND 120),
               sum(balance) FILTER (WHERE balance > 0 AND date '2025-12-31' - anchor > 120)] AS same_answer
  FROM bench.aging_rows;

SELECT * FROM bench.compare(
    'ar_aging (' || :millions || 'M rows)',
    $q$SELECT revcycle.ar_aging(balance, anchor, '2025-12-31') FROM bench.aging_rows$q$,
    $q$SELECT sum(balance) FILTER (WHERE balance > 0 AND date '2025-12-31' - anchor BETWEEN 0 AND 30),
              sum(balance) FILTER (WHERE balance > 0 AND date '2025-12-31' - anchor BETWEEN 31 AND 60),
              sum(balance) FILTER (WHERE balance > 0 AND date '2025-12-31' - anchor BETWEEN 61 AND 90),
              sum(balance) FILTER (WHERE balance > 0 AND date '2025-12-31' - anchor BETWEEN 91 AND 120),
              sum(balance) FILTER (WHERE balance > 0 AND date '2025-12-31' - anchor > 120)
         FROM bench.aging_rows$q$,
    $q$SELECT count(*) FROM bench.aging_rows$q$);

DROP TABLE bench.aging_rows;
