--
-- aging_sample: on the sample hospital (200 accounts), the aged trial
-- balance reconciles to the ledger at every month-end, the aged totals equal
-- the ledger balance, the views agree with each other and with plain SQL
-- over the ledger, and balances as of a past date ignore later postings.
-- Each check lists the rows that break it (expected: none); known numbers
-- come from plain SQL over the ledger (A/R sign: +1 for charge, refund and
-- transfer, -1 for every other kind), not from revcycle's functions.
--
\pset null NULL
SET search_path = public;
BEGIN;
\set accounts 200
\set quiet 1
-- pg_regress feeds this file to psql on standard input, so \ir resolves
-- from the directory make runs in (the repository root).
\ir sample/generate.sql
SET LOCAL DateStyle = 'ISO, MDY';

-- The sample is there (the generator is seeded: these numbers are fixed).
SELECT count(*) AS ledger_rows, count(DISTINCT account_id) AS accounts,
       min(posted_date) AS first_posting, max(posted_date) AS last_posting
  FROM revcycle.ledger;
SELECT count(DISTINCT month_end) AS month_ends, count(*) AS payer_month_rows
  FROM revcycle.aged_trial_balance;

-- Plain-SQL A/R per month-end of the aged trial balance: the ledger posted on
-- or before it, signed by kind.
CREATE TEMP TABLE plain_month_ar AS
SELECT m.month_end,
       coalesce(sum(CASE WHEN l.kind IN ('charge', 'refund', 'transfer') THEN l.amount
                         ELSE -l.amount END), 0) AS ledger_ar
  FROM (SELECT DISTINCT month_end FROM revcycle.aged_trial_balance) m
  LEFT JOIN revcycle.ledger l ON l.posted_date <= m.month_end
 GROUP BY m.month_end;

-- Every month-end: reconciliation column zero (beginning + charges - payments
-- + refunds - adjustments + transfers = ending).  Rows that do not reconcile:
SELECT month_end, payer_id, reconciliation
  FROM revcycle.aged_trial_balance WHERE reconciliation <> 0 ORDER BY 1, 2;
-- Month-ends whose aged total differs from the plain-SQL ledger A/R, or whose
-- buckets do not add up to the ending A/R:
SELECT a.month_end, a.ending, a.buckets, p.ledger_ar
  FROM (SELECT month_end, sum(ending_ar) AS ending,
               sum(ar_0_30 + ar_31_60 + ar_61_90 + ar_91_120 + ar_over_120) AS buckets
          FROM revcycle.aged_trial_balance GROUP BY month_end) a
  FULL JOIN plain_month_ar p USING (month_end)
 WHERE a.ending IS DISTINCT FROM p.ledger_ar OR a.buckets IS DISTINCT FROM a.ending
 ORDER BY 1;
-- Beginning A/R of each month = ending A/R of the month before.  Rows where not:
SELECT cur.month_end, cur.payer_id, cur.beginning_ar, prev.ending_ar
  FROM revcycle.aged_trial_balance cur
  LEFT JOIN revcycle.aged_trial_balance prev
    ON prev.payer_id = cur.payer_id
   AND prev.month_end = (date_trunc('month', cur.month_end::timestamp) - interval '1 day')::date
 WHERE cur.beginning_ar <> coalesce(prev.ending_ar, 0)
 ORDER BY 1, 2;

-- Known answers at 2025-12-31, aged from the date of service: net balance
-- per bucket from plain SQL (balance per account and payer, age = as-of
-- minus the account's first service date), beside the view's.
CREATE TEMP TABLE plain_aging AS
SELECT CASE WHEN age <= 30 THEN '0-30' WHEN age <= 60 THEN '31-60' WHEN age <= 90 THEN '61-90'
            WHEN age <= 120 THEN '91-120' ELSE '121+' END AS bucket,
       count(*) AS balances, sum(balance) AS net
  FROM (SELECT date '2025-12-31' - a.service_from AS age, b.balance
          FROM (SELECT account_id, payer_id,
                       sum(CASE WHEN kind IN ('charge', 'refund', 'transfer') THEN amount
                                ELSE -amount END) AS balance
                  FROM revcycle.ledger WHERE posted_date <= '2025-12-31'
                 GROUP BY account_id, payer_id) b
          JOIN revcycle.account a USING (account_id)
         WHERE b.balance <> 0 AND a.service_from <= '2025-12-31') x
 GROUP BY 1;
SELECT p.bucket, p.balances, p.net AS plain_sql, v.net AS aged_trial_balance
  FROM plain_aging p
  LEFT JOIN (SELECT unnest(ARRAY['0-30', '31-60', '61-90', '91-120', '121+']) AS bucket,
                    unnest(ARRAY[sum(ar_0_30), sum(ar_31_60), sum(ar_61_90), sum(ar_91_120), sum(ar_over_120)]) AS net
               FROM revcycle.aged_trial_balance WHERE month_end = '2025-12-31') v USING (bucket)
 ORDER BY array_position(ARRAY['0-30', '31-60', '61-90', '91-120', '121+'], p.bucket);
-- Buckets where they differ:
SELECT p.bucket, p.net, v.net
  FROM plain_aging p
  FULL JOIN (SELECT unnest(ARRAY['0-30', '31-60', '61-90', '91-120', '121+']) AS bucket,
                    unnest(ARRAY[sum(ar_0_30), sum(ar_31_60), sum(ar_61_90), sum(ar_91_120), sum(ar_over_120)]) AS net
               FROM revcycle.aged_trial_balance WHERE month_end = '2025-12-31') v USING (bucket)
 WHERE p.net IS DISTINCT FROM coalesce(v.net, 0);

-- The all-payers row of aged_ar_percent equals the sum of the per-class rows.
-- Month-ends where not:
SELECT t.month_end, t.billed_ar, c.billed_ar
  FROM revcycle.aged_ar_percent t
  JOIN (SELECT month_end, sum(billed_ar) AS billed_ar FROM revcycle.aged_ar_percent
         WHERE payer_group <> 'all' GROUP BY month_end) c USING (month_end)
 WHERE t.payer_group = 'all' AND t.billed_ar IS DISTINCT FROM c.billed_ar;
-- ar_aging_by_payer, the view and plain SQL agree on net A/R at 2025-12-31
-- (and every anchor convention ages the same total).
SELECT (SELECT sum(net) FROM plain_aging) AS plain_sql_ar,
       (SELECT revcycle.ar_net_total(revcycle.ar_aging_merge(aging))
          FROM revcycle.ar_aging_by_payer('2025-12-31')) AS by_payer_ar,
       (SELECT sum(ending_ar) FROM revcycle.aged_trial_balance WHERE month_end = '2025-12-31') AS view_ar;
SELECT x.anchor, t.net
  FROM unnest(enum_range(NULL::revcycle.aging_anchor)) x(anchor)
  CROSS JOIN LATERAL (SELECT revcycle.ar_net_total(revcycle.ar_aging_merge(aging)) AS net
                        FROM revcycle.ar_aging_by_payer('2025-12-31', x.anchor)) t
 WHERE t.net IS DISTINCT FROM (SELECT sum(net) FROM plain_aging);

-- Balances as of a past date count only rows posted on or before it: adding a
-- payment dated after 2025-06-30 leaves the 2025-06-30 balances unchanged.
CREATE TEMP TABLE before_bal AS SELECT * FROM revcycle.ar_balances('2025-06-30');
SELECT count(*) AS balances_at_2025_06_30 FROM before_bal;
INSERT INTO revcycle.ledger (account_id, payer_id, kind, amount, posted_date)
SELECT account_id, payer_id, 'payment', 1.00, '2025-07-01' FROM before_bal ORDER BY account_id, payer_id LIMIT 1;
-- Rows that changed (expected: none):
(SELECT 'now' AS side, * FROM revcycle.ar_balances('2025-06-30') EXCEPT SELECT 'now', * FROM before_bal)
UNION ALL
(SELECT 'before', * FROM before_bal EXCEPT SELECT 'before', * FROM revcycle.ar_balances('2025-06-30'));

-- Days in A/R trend: the all-payers row equals the aggregates computed
-- directly, rounded as the view rounds them (days numeric(21,1), money
-- numeric(18,2)), and NULL where the view leaves days undefined (net A/R a
-- credit, or a denominator that is not positive: never negative days).
-- Month-ends where not:
SELECT t.month_end, t.net_ar, d.net_ar, t.days_in_ar, d.gross, t.net_days_in_ar, d.net
  FROM revcycle.days_in_ar_trend t
  CROSS JOIN LATERAL (SELECT round(revcycle.net_ar(a), 2) AS net_ar,
                             round(CASE WHEN revcycle.net_ar(a) >= 0 AND revcycle.lookback_charges(a) > 0
                                        THEN revcycle.days_in_ar(a) END, 1) AS gross,
                             round(CASE WHEN revcycle.net_ar(a) >= 0 AND revcycle.net_patient_service_revenue(a) > 0
                                        THEN revcycle.net_days_in_ar(a) END, 1) AS net
                        FROM (SELECT revcycle.ar_days_agg(kind, amount, posted_date, t.month_end) AS a
                                FROM revcycle.ledger WHERE posted_date <= t.month_end) x) d
 WHERE t.payer_id IS NULL
   AND (t.net_ar IS DISTINCT FROM d.net_ar OR t.days_in_ar IS DISTINCT FROM d.gross
        OR t.net_days_in_ar IS DISTINCT FROM d.net);
SELECT count(*) AS trend_month_ends FROM revcycle.days_in_ar_trend WHERE payer_id IS NULL;

-- Credit balances view (as of today) = the negative balances per account
-- and payer from plain SQL, amount = -balance.  The sample's credits are all
-- refunded by its last posting date, so two overpayments make two: 25.00 on
-- the first account and payer with a debit balance, 10.50 on the second
-- (payment = balance + credit); total 35.50.
INSERT INTO revcycle.ledger (account_id, payer_id, kind, amount, posted_date)
SELECT b.account_id, b.payer_id, 'payment', b.balance + c.credit, '2026-03-31'
  FROM (SELECT account_id, payer_id, balance,
               row_number() OVER (ORDER BY account_id, payer_id) AS n
          FROM revcycle.ar_balances('2026-03-31') WHERE balance > 0) b
  JOIN (VALUES (1, 25.00), (2, 10.50)) c(n, credit) USING (n);
CREATE TEMP TABLE plain_credits AS
SELECT account_id, payer_id, -sum(CASE WHEN kind IN ('charge', 'refund', 'transfer') THEN amount
                                       ELSE -amount END) AS amount
  FROM revcycle.ledger WHERE posted_date <= CURRENT_DATE
 GROUP BY account_id, payer_id
HAVING sum(CASE WHEN kind IN ('charge', 'refund', 'transfer') THEN amount ELSE -amount END) < 0;
SELECT (SELECT count(*) FROM plain_credits) AS plain_sql_credits,
       (SELECT sum(amount) FROM plain_credits) AS plain_sql_amount,
       (SELECT count(*) FROM revcycle.credit_balances) AS view_credits,
       (SELECT sum(amount) FROM revcycle.credit_balances) AS view_amount;
-- Rows on one side only (expected: none):
(SELECT 'only in view' AS side, account_id, payer_id, amount FROM revcycle.credit_balances
 EXCEPT SELECT 'only in view', * FROM plain_credits)
UNION ALL
(SELECT 'only in plain SQL', * FROM plain_credits
 EXCEPT SELECT 'only in plain SQL', account_id, payer_id, amount FROM revcycle.credit_balances);
ROLLBACK;
