--
-- aging_anchors: issue 15, item 3.  Known answers of every aging anchor on
-- hand-built accounts, the fallbacks, and a balance moved to a secondary
-- payer that is not re-aged (the arithmetic in the comments).
--
\pset null NULL
SET search_path = public;

-- The labels, in enum order.
SELECT enum_range(NULL::revcycle.aging_anchor);

BEGIN;
INSERT INTO revcycle.payer (payer_id, name, payer_class, payer_identifier) VALUES
    (9701, 'Medicare (anchor test)', 'medicare', 'A-MC'),
    (9702, 'Medigap (anchor test)', 'commercial', 'A-GAP');
INSERT INTO revcycle.department VALUES ('A100', 'Medicine (anchor test)', 'Main (anchor test)');
INSERT INTO revcycle.patient (patient_id, mrn) VALUES (9701, 'A-MRN-1');
-- 9701 inpatient: admitted 2025-01-01, discharged 2025-01-20, final billed
--      2025-02-05 (claim to Medicare that day).  Medicare pays 6,000 and
--      writes off 3,000 on 2025-03-10; the remaining 1,000 moves to the
--      Medigap secondary that day, billed to it on 2025-03-15.
-- 9702 outpatient: seen 2025-03-01, no admission or discharge, final
--      billed and claimed 2025-03-04; 500 open.
INSERT INTO revcycle.account (account_id, account_number, patient_id, facility, dept_code,
                              patient_type, admit_date, discharge_date, service_from, service_to,
                              primary_payer_id, secondary_payer_id, final_billed_date)
VALUES (9701, 'A-ACC-1', 9701, 'Main (anchor test)', 'A100', 'inpatient',
        '2025-01-01', '2025-01-20', '2025-01-01', '2025-01-20', 9701, 9702, '2025-02-05'),
       (9702, 'A-ACC-2', 9701, 'Main (anchor test)', 'A100', 'outpatient',
        NULL, NULL, '2025-03-01', '2025-03-01', 9702, NULL, '2025-03-04');
INSERT INTO revcycle.claim (claim_id, claim_number, account_id, payer_id, payer_sequence,
                            statement_from, statement_to, submitted_date, billed_amount) VALUES
    (9701, 'A-CLM-1', 9701, 9701, 1, '2025-01-01', '2025-01-20', '2025-02-05', 10000.00),
    (9702, 'A-CLM-2', 9701, 9702, 2, '2025-01-01', '2025-01-20', '2025-03-15', 1000.00),
    (9703, 'A-CLM-3', 9702, 9702, 1, '2025-03-01', '2025-03-01', '2025-03-04', 500.00);
INSERT INTO revcycle.ledger (account_id, payer_id, kind, amount, posted_date) VALUES
    (9701, 9701, 'charge', 2000.00, '2025-01-05'),   -- interim, while in house
    (9701, 9701, 'charge', 8000.00, '2025-01-20'),
    (9701, 9701, 'payment', 6000.00, '2025-03-10'),
    (9701, 9701, 'contractual_adjustment', 3000.00, '2025-03-10'),
    (9701, 9701, 'transfer', -1000.00, '2025-03-10'),
    (9701, 9702, 'transfer', 1000.00, '2025-03-10'),
    (9702, 9702, 'charge', 500.00, '2025-03-01');

-- As of 2025-04-30 (age = 2025-04-30 - anchor; day of year: Jan 1 = 1,
-- Jan 20 = 20, Feb 5 = 36, Mar 1 = 60, Mar 4 = 63, Mar 10 = 69, Apr 30 = 120).
-- Medicare's balance on 9701 is 10,000 - 6,000 - 3,000 - 1,000 = 0: gone.
-- 9701 / Medigap, 1,000.00:
--   service_date     2025-01-01  age 119  -> 91-120
--   bill_date        2025-02-05  age  84  -> 61-90  (the account's first claim,
--                    to Medicare; NOT the Medigap claim of 2025-03-15, age 46:
--                    the move to the secondary does not re-age the balance)
--   last_activity    2025-03-10  age  51  -> 31-60  (the transfer is a posting:
--                    the one anchor that moves with activity)
--   discharge_date   2025-01-20  age 100  -> 91-120
--   final_bill_date  2025-02-05  age  84  -> 61-90
-- 9702 / Medigap, 500.00 (outpatient):
--   service_date     2025-03-01  age  60  -> 31-60
--   bill_date        2025-03-04  age  57  -> 31-60
--   last_activity    2025-03-01  age  60  -> 31-60
--   discharge_date   none -> service date 2025-03-01, age 60 -> 31-60
--   final_bill_date  2025-03-04  age  57  -> 31-60
SELECT x.anchor, b.account_id, b.payer_id, b.balance, b.service_date, b.bill_date,
       b.last_activity_date, b.anchor_date, date '2025-04-30' - b.anchor_date AS age
  FROM unnest(enum_range(NULL::revcycle.aging_anchor)) x(anchor),
       revcycle.ar_balances('2025-04-30', x.anchor) b
 ORDER BY x.anchor, b.account_id, b.payer_id;

-- Buckets per anchor as of 2025-04-30, total 1,500.00:
--   service_date     31-60 500, 91-120 1,000: over 90 = 1000/1500 = 0.6667, over 120 = 0
--   bill_date        31-60 500, 61-90 1,000:  over 90 = 0
--   last_activity    31-60 1,500:             over 90 = 0
--   discharge_date   31-60 500, 91-120 1,000: over 90 = 0.6667, over 120 = 0
--   final_bill_date  31-60 500, 61-90 1,000:  over 90 = 0
SELECT x.anchor, g.bucket, g.items, g.amount
  FROM unnest(enum_range(NULL::revcycle.aging_anchor)) x(anchor),
       LATERAL (SELECT revcycle.ar_aging_merge(aging) AS a
                  FROM revcycle.ar_aging_by_payer('2025-04-30', x.anchor)) m,
       revcycle.aging_buckets(m.a) g
 WHERE g.items > 0
 ORDER BY x.anchor, g.min_days;
SELECT x.anchor, revcycle.ar_debit_total(m.a) AS total,
       round(revcycle.ar_over(m.a, 90), 4) AS over_90, round(revcycle.ar_over(m.a, 120), 4) AS over_120
  FROM unnest(enum_range(NULL::revcycle.aging_anchor)) x(anchor),
       LATERAL (SELECT revcycle.ar_aging_merge(aging) AS a
                  FROM revcycle.ar_aging_by_payer('2025-04-30', x.anchor)) m
 ORDER BY x.anchor;

-- As of 2025-06-30 (day 181): 9701 / Medigap ages 180 (service), 145 (bill,
-- final bill), 112 (last activity), 161 (discharge); 9702: 121 (service,
-- last activity, discharge fallback), 118 (bill, final bill).
-- Over 120: service 1500/1500 = 1; bill 1000/1500 = 0.6667;
-- last_activity 500/1500 = 0.3333; discharge 1; final bill 0.6667.  Over 90
-- = 1 under every anchor (the youngest age is 112).
SELECT x.anchor, revcycle.ar_debit_total(m.a) AS total,
       round(revcycle.ar_over(m.a, 90), 4) AS over_90, round(revcycle.ar_over(m.a, 120), 4) AS over_120
  FROM unnest(enum_range(NULL::revcycle.aging_anchor)) x(anchor),
       LATERAL (SELECT revcycle.ar_aging_merge(aging) AS a
                  FROM revcycle.ar_aging_by_payer('2025-06-30', x.anchor)) m
 ORDER BY x.anchor;

-- Fallbacks before the facts: as of 2025-01-31 (day 31) 9701 owes Medicare
-- 10,000, discharged (Jan 20) but not yet final billed (Feb 5) or claimed:
--   service_date 2025-01-01 age 30; bill_date never billed -> service date,
--   age 30; last_activity 2025-01-20 age 11; discharge_date 2025-01-20 age 11;
--   final_bill_date not yet -> discharge date 2025-01-20, age 11.
-- As of 2025-01-15 (day 15), in house (2,000 interim charge): not yet
-- discharged, so discharge_date and final_bill_date fall back to the service
-- date 2025-01-01, age 14, as do service_date and bill_date; last_activity
-- 2025-01-05, age 10.
SELECT d.as_of, x.anchor, b.account_id, b.payer_id, b.balance, b.anchor_date, d.as_of - b.anchor_date AS age
  FROM (VALUES (date '2025-01-15'), (date '2025-01-31')) d(as_of),
       unnest(enum_range(NULL::revcycle.aging_anchor)) x(anchor),
       revcycle.ar_balances(d.as_of, x.anchor) b
 ORDER BY d.as_of, x.anchor, b.account_id;

-- The default anchor is still the date of service (AAFP); rows that differ
-- (expected: none).
(SELECT * FROM revcycle.ar_balances('2025-04-30') EXCEPT ALL SELECT * FROM revcycle.ar_balances('2025-04-30', 'service_date'))
UNION ALL
(SELECT * FROM revcycle.ar_balances('2025-04-30', 'service_date') EXCEPT ALL SELECT * FROM revcycle.ar_balances('2025-04-30'));
ROLLBACK;
