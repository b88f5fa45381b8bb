--
-- aging_sample: on the sample hospital (200 accounts), the aged trial
-- balance reconciles to the ledger at every month-end, the aged totals equal
-- the ledger balance, the views agree with each other, and balances as of a
-- past date ignore later postings.
--
\pset null NULL
SET search_path = public;
BEGIN;
\set accounts 200
\set quiet 1
\ir ../../sample/generate.sql

-- Every month-end: reconciliation column zero (beginning + charges - payments + refunds
-- - adjustments + transfers = ending) and ending A/R = ledger sum posted on or before it.
SELECT count(DISTINCT t.month_end) > 0 AS has_month_ends,
       bool_and(t.reconciliation = 0) AS all_reconcile
  FROM revcycle.aged_trial_balance t;
SELECT bool_and(a.ending = l.ledger_ar) AS aged_total_equals_ledger,
       bool_and(a.buckets = a.ending) AS buckets_sum_to_ending
  FROM (SELECT month_end, sum(ending_ar) AS ending,
               sum(ar_0_30 + ar_31_60 + ar_61_90 + ar_91_120 + ar_over_120) AS buckets
          FROM revcycle.aged_trial_balance GROUP BY month_end) a
  CROSS JOIN LATERAL (SELECT coalesce(sum(revcycle.ar_sign(kind) * amount), 0) AS ledger_ar
                        FROM revcycle.ledger WHERE posted_date <= a.month_end) l;
-- Beginning A/R of each month = ending A/R of the month before.
SELECT bool_and(cur.beginning_ar = coalesce(prev.ending_ar, 0)) AS beginning_equals_prior_ending
  FROM revcycle.aged_trial_balance cur
  LEFT JOIN revcycle.aged_trial_balance prev
    ON prev.payer_id = cur.payer_id
   AND prev.month_end = (date_trunc('month', cur.month_end::timestamp) - interval '1 day')::date;
-- The all-payers row of aged_ar_percent equals the merge of the per-class rows, and
-- ar_balances + ar_aging_by_payer agree with the view at 2025-12-31.
SELECT bool_and(t.billed_ar = c.billed_ar) AS total_equals_sum_of_classes
  FROM revcycle.aged_ar_percent t
  JOIN (SELECT month_end, sum(billed_ar) AS billed_ar FROM revcycle.aged_ar_percent
         WHERE payer_group <> 'all' GROUP BY month_end) c USING (month_end)
 WHERE t.payer_group = 'all';
SELECT (SELECT revcycle.ar_net_total(revcycle.ar_aging_merge(aging)) FROM revcycle.ar_aging_by_payer('2025-12-31'))
     = (SELECT sum(ending_ar) FROM revcycle.aged_trial_balance WHERE month_end = '2025-12-31') AS function_equals_view;
-- Every anchor convention ages the same total; anchors are never after the balance date.
SELECT x.anchor,
       (SELECT revcycle.ar_net_total(revcycle.ar_aging_merge(aging))
          FROM revcycle.ar_aging_by_payer('2025-12-31', x.anchor))
     = (SELECT sum(balance) FROM revcycle.ar_balances('2025-12-31')) AS same_total
  FROM unnest(enum_range(NULL::revcycle.aging_anchor)) x(anchor) ORDER BY x.anchor;
-- Balances as of a past date count only rows posted on or before it: adding a payment
-- dated after 2025-06-30 leaves the 2025-06-30 balances unchanged.
CREATE TEMP TABLE before_bal AS SELECT * FROM revcycle.ar_balances('2025-06-30');
INSERT INTO revcycle.ledger (account_id, payer_id, kind, amount, posted_date)
SELECT account_id, payer_id, 'payment', 1.00, '2025-07-01' FROM before_bal LIMIT 1;
SELECT (SELECT count(*) FROM before_bal) > 0 AS has_balances,
       NOT EXISTS (SELECT * FROM revcycle.ar_balances('2025-06-30') EXCEPT SELECT * FROM before_bal)
       AND NOT EXISTS (SELECT * FROM before_bal EXCEPT SELECT * FROM revcycle.ar_balances('2025-06-30')) AS unchanged;
-- Days in A/R trend: the all-payers row equals the aggregates computed directly.
SELECT bool_and(t.net_ar = d.net_ar AND t.days_in_ar IS NOT DISTINCT FROM d.gross
                AND t.net_days_in_ar IS NOT DISTINCT FROM d.net) AS trend_equals_direct
  FROM revcycle.days_in_ar_trend t
  CROSS JOIN LATERAL (SELECT revcycle.net_ar(revcycle.ar_days_agg(kind, amount, posted_date, t.month_end)) AS net_ar,
                             revcycle.days_in_ar(kind, amount, posted_date, t.month_end) AS gross,
                             revcycle.net_days_in_ar(kind, amount, posted_date, t.month_end) AS net
                        FROM revcycle.ledger WHERE posted_date <= t.month_end) d
 WHERE t.payer_id IS NULL;
-- Credit balances view: every row is a credit, amounts positive.
SELECT bool_and(amount > 0) IS NOT FALSE AS credits_positive FROM revcycle.credit_balances;
ROLLBACK;
