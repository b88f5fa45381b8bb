--
-- aging_known: known answers of ar_aging, ar_aging_merge, aging_buckets,
-- ar_over and the days-in-A/R functions, with the arithmetic next to each.
--
\pset null NULL
SET search_path = public;

-- Boundary ages, as_of 2025-12-31 (age = as_of - anchor in days):
--   2025-12-31 age 0 -> 0-30     2025-12-01 age 30 -> 0-30
--   2025-11-30 age 31 -> 31-60   2025-11-01 age 60 -> 31-60
--   2025-10-31 age 61 -> 61-90   2025-10-02 age 90 -> 61-90
--   2025-10-01 age 91 -> 91-120  2025-09-02 age 120 -> 91-120
--   2025-09-01 age 121 -> 121+   2026-01-01 anchor after as_of -> left out
CREATE TEMP TABLE ages (label text, balance numeric(14,2), anchor date);
INSERT INTO ages VALUES
    ('age 0 (anchor = as_of)', 1.00, '2025-12-31'),
    ('age 30',                 2.00, '2025-12-01'),
    ('age 31',                 4.00, '2025-11-30'),
    ('age 60',                 8.00, '2025-11-01'),
    ('age 61',                16.00, '2025-10-31'),
    ('age 90',                32.00, '2025-10-02'),
    ('age 91',                64.00, '2025-10-01'),
    ('age 120',              128.00, '2025-09-02'),
    ('age 121',              256.00, '2025-09-01'),
    ('anchor after as_of',   512.00, '2026-01-01'),
    ('zero balance',           0.00, '2025-12-31'),
    ('NULL balance',           NULL, '2025-12-31'),
    ('NULL anchor',         1024.00, NULL),
    ('credit, age 45',       -10.50, '2025-11-16'),
    ('credit, age 200',       -0.25, '2025-06-14');
SELECT label, date '2025-12-31' - anchor AS age FROM ages ORDER BY anchor NULLS LAST, label;

-- Buckets: 0-30 = 1+2 = 3.00 (2 items); 31-60 = 4+8 = 12.00 (2), credit -10.50 (1);
-- 61-90 = 16+32 = 48.00 (2); 91-120 = 64+128 = 192.00 (2);
-- 121+ = 256.00 (1), credit -0.25 (1).  Debit total = 3+12+48+192+256 = 511.00;
-- share 0-30 = 3/511 = 0.00587..., 121+ = 256/511 = 0.50097...
SELECT b.* FROM (SELECT revcycle.ar_aging(balance, anchor, '2025-12-31') AS a FROM ages) s,
     revcycle.aging_buckets(s.a) b;

-- Totals: debit 511.00, credit -10.75 (= -10.50 - 0.25), net 500.25 (= 511.00 - 10.75),
-- 9 debit items, 2 credit items; over 90 = (192+256)/511 = 0.8767...; over 120 = 256/511.
SELECT revcycle.ar_debit_total(a) AS debit, revcycle.ar_credit_total(a) AS credit,
       revcycle.ar_net_total(a) AS net, revcycle.ar_debit_items(a) AS debit_items,
       revcycle.ar_credit_items(a) AS credit_items,
       revcycle.ar_over(a, 90) AS over_90, revcycle.ar_over(a, 120) AS over_120,
       revcycle.aging_as_of(a) AS as_of, revcycle.aging_bounds(a) AS bounds
  FROM (SELECT revcycle.ar_aging(balance, anchor, '2025-12-31') AS a FROM ages) s;

-- The text form.
SELECT revcycle.ar_aging(balance, anchor, '2025-12-31') FROM ages;

-- Custom bounds {15,45}: 0-15 = 1.00 (age 0); 16-45 = 2+4 = 6.00 (ages 30, 31), credit -10.50 (age 45);
-- 46+ = 8+16+32+64+128+256 = 504.00 (6 items: ages 60..121), credit -0.25 (age 200).
SELECT b.bucket, b.min_days, b.max_days, b.items, b.amount, b.credit_items, b.credit_amount
  FROM (SELECT revcycle.ar_aging(balance, anchor, '2025-12-31', '{15,45}') AS a FROM ages) s,
       revcycle.aging_buckets(s.a) b;

-- Constant bounds are read once per call site, however many groups use
-- them: two as_of groups with {15,45}.  As of 2025-12-31 as above
-- (1.00 | 6.00, -10.50 | 504.00, -0.25).  As of 2025-12-15 every age is 16
-- days less and the anchors 2025-12-31 and 2026-01-01 are after as_of:
--   0-15:  ages 14 and 15: 2.00 + 4.00 = 6.00 (2 items)
--   16-45: ages 44 and 45: 8.00 + 16.00 = 24.00 (2 items), credit age 29: -10.50
--   46+:   ages 74, 75, 104, 105: 32 + 64 + 128 + 256 = 480.00 (4), credit age 184: -0.25
SELECT s.d, b.bucket, b.items, b.amount, b.credit_amount
  FROM (SELECT d, revcycle.ar_aging(balance, anchor, d, '{15,45}') AS a
          FROM ages, (VALUES (date '2025-12-31'), (date '2025-12-15')) v(d)
         GROUP BY d) s,
       revcycle.aging_buckets(s.a) b
 ORDER BY s.d, b.min_days;

-- One bound {1}: 0-1 = 1.00 (age 0); 2+ = the other 8 debits: 511 - 1 = 510.00.
SELECT b.bucket, b.items, b.amount
  FROM (SELECT revcycle.ar_aging(balance, anchor, '2025-12-31', '{1}') AS a FROM ages) s,
       revcycle.aging_buckets(s.a) b;

-- Empty input: no rows -> NULL summary; only left-out rows -> an all-zero summary
-- whose shares and ar_over are NULL (zero debit total).
SELECT revcycle.ar_aging(balance, anchor, '2025-12-31') IS NULL AS no_rows FROM ages WHERE false;
SELECT b.bucket, b.items, b.amount, b.share,
       revcycle.ar_over(s.a, 30) AS over_30
  FROM (SELECT revcycle.ar_aging(balance, anchor, '2025-12-31') AS a FROM ages
         WHERE label IN ('zero balance', 'anchor after as_of')) s,
       revcycle.aging_buckets(s.a) b;

-- Merge of rollups: split the rows in two groups, age each, merge = age all at once.
SELECT revcycle.ar_aging_merge(a)::text = (SELECT revcycle.ar_aging(balance, anchor, '2025-12-31')::text FROM ages)
       AS merge_equals_whole
  FROM (SELECT revcycle.ar_aging(balance, anchor, '2025-12-31') AS a
          FROM ages GROUP BY balance > 50) s;
-- Merge skips NULL summaries; merging nothing gives NULL.
SELECT revcycle.ar_debit_total(revcycle.ar_aging_merge(a)) AS merged_debit
  FROM (VALUES (NULL::revcycle.aging),
               ((SELECT revcycle.ar_aging(balance, anchor, '2025-12-31') FROM ages))) v(a);
SELECT revcycle.ar_aging_merge(a) IS NULL AS merge_of_nothing
  FROM (VALUES (NULL::revcycle.aging)) v(a);

-- AAFP: % of A/R over 120 days = ($114,000 + $145,000) / $2,120,000 = 0.12217 -> 12.2%.
-- Buckets {30,60,90,120,180}: 0-30 $1,200,000; 31-60 $400,000; 61-90 $160,000;
-- 91-120 $101,000; 121-180 $114,000; 181+ $145,000 (sum $2,120,000).
WITH aafp(balance, anchor) AS (VALUES
    (1200000.00, date '2025-12-20'), (400000.00, date '2025-11-15'), (160000.00, date '2025-10-15'),
    (101000.00, date '2025-09-15'), (114000.00, date '2025-07-15'), (145000.00, date '2025-03-01'))
SELECT revcycle.ar_debit_total(a) AS total_ar,
       revcycle.ar_over(a, 120) AS over_120,
       round(100 * revcycle.ar_over(a, 120), 1) AS pct_over_120
  FROM (SELECT revcycle.ar_aging(balance, anchor, '2025-12-31', '{30,60,90,120,180}') AS a FROM aafp) s;

-- AAFP days in A/R = ($70,000 - $5,000) / ($600,000 / 365) = 65,000 x 365 / 600,000 = 39.5416... -> 39.54.
SELECT revcycle.days_in_ar(70000, 5000, 600000, 365) AS days,
       round(revcycle.days_in_ar(70000, 5000, 600000, 365), 2) AS days_2;
-- Same answer from an aging summary: debit total $70,000, credit balances $5,000.
WITH bal(balance, anchor) AS (VALUES (50000.00, date '2025-12-01'), (20000.00, date '2025-10-01'),
                                     (-3000.00, date '2025-11-01'), (-2000.00, date '2025-06-01'))
SELECT revcycle.ar_debit_total(a) AS total_ar, -revcycle.ar_credit_total(a) AS credit_balances,
       round(revcycle.days_in_ar(revcycle.ar_debit_total(a), -revcycle.ar_credit_total(a), 600000, 365), 2) AS days
  FROM (SELECT revcycle.ar_aging(balance, anchor, '2025-12-31') AS a FROM bal) s;

-- Days in A/R from ledger rows in one pass, as of 2025-12-31.
-- The same figures: charges $600,000 over the year (365-day look-back), net A/R $65,000.
--   2025-01-15 charge 300,000.00; 2025-07-01 charge 300,000.00 (sum 600,000, both in (2024-12-31, 2025-12-31])
--   payments 2025-03-01 285,000.00 and 2025-12-01 247,000.00; contractual 2025-12-15 3,000.00 (deduction)
--   a payment correction (-5,000.00 payment, i.e. +5,000 A/R) 2025-12-20 and its repost 5,000.00 2025-12-21
--   a charge posted 2026-01-02 (after as_of, left out); transfer pair -1,000/+1,000 (nets to 0)
--   A/R = 600,000 - 285,000 - 247,000 - 3,000 + 5,000 - 5,000 = 65,000
--   gross 365-day: 65,000 x 365 / 600,000 = 39.5416... -> 39.54
--   gross 90-day: charges in (2025-10-02, 2025-12-31] = 0 -> NULL
--   net basis window [2025-10-01, 2025-12-31] = 92 days: charges 0, deductions 3,000
--     -> net revenue -3,000 -> 65,000 x 92 / -3,000 = -1993.33 (a nonsense value, shown as computed)
CREATE TEMP TABLE led (kind revcycle.txn_kind, amount numeric(14,2), posted date);
INSERT INTO led VALUES
    ('charge', 300000.00, '2025-01-15'), ('charge', 300000.00, '2025-07-01'),
    ('payment', 285000.00, '2025-03-01'), ('payment', 247000.00, '2025-12-01'),
    ('contractual_adjustment', 3000.00, '2025-12-15'),
    ('payment', -5000.00, '2025-12-20'), ('payment', 5000.00, '2025-12-21'),
    ('charge', 999.00, '2026-01-02'),
    ('transfer', -1000.00, '2025-11-01'), ('transfer', 1000.00, '2025-11-01'),
    (NULL, 5.00, '2025-11-01'), ('charge', NULL, '2025-11-01'), ('charge', 7.00, NULL);
SELECT revcycle.ar_days_agg(kind, amount, posted, '2025-12-31', 365) FROM led;
SELECT round(revcycle.days_in_ar(kind, amount, posted, '2025-12-31', 365), 2) AS gross_365,
       revcycle.days_in_ar(kind, amount, posted, '2025-12-31') AS gross_90,
       round(revcycle.net_days_in_ar(kind, amount, posted, '2025-12-31'), 2) AS net_3m
  FROM led;

-- Net basis with realistic figures, as of 2025-11-30: window [2025-09-01, 2025-11-30] = 91 days.
--   charges in the window 100,000 (Sep 30,000; Oct 40,000; Nov 30,000), one before it (Aug 31, 50,000)
--   deductions in the window: contractual 35,000, charity 2,000, bad debt 1,500, denial write-off 1,000,
--     small balance 300, administrative 200  (sum 40,000); a charge correction -1,000 in November
--   net revenue = 100,000 - 1,000 - 40,000 = 59,000
--   payments 60,000 (Oct) and a refund 500 (Nov, raises A/R)
--   A/R = 50,000 + 99,000 - 40,000 - 60,000 + 500 = 49,500
--   net days = 49,500 x 91 / 59,000 = 76.347... -> 76.35
--   gross 90-day: charges in (2025-09-01, 2025-11-30] = 40,000 + 30,000 - 1,000 = 69,000 (the Sep 1 charge is day 0)
--     -> 49,500 x 90 / 69,000 = 64.565... -> 64.57
CREATE TEMP TABLE led2 (kind revcycle.txn_kind, amount numeric(14,2), posted date);
INSERT INTO led2 VALUES
    ('charge', 50000.00, '2025-08-31'), ('charge', 30000.00, '2025-09-01'),
    ('charge', 40000.00, '2025-10-10'), ('charge', 30000.00, '2025-11-30'), ('charge', -1000.00, '2025-11-15'),
    ('contractual_adjustment', 35000.00, '2025-10-20'), ('charity', 2000.00, '2025-10-21'),
    ('bad_debt', 1500.00, '2025-11-01'), ('denial_writeoff', 1000.00, '2025-11-02'),
    ('small_balance_writeoff', 300.00, '2025-11-03'), ('administrative_adjustment', 200.00, '2025-11-04'),
    ('payment', 60000.00, '2025-10-31'), ('refund', 500.00, '2025-11-20');
SELECT revcycle.net_ar(s) AS net_ar, revcycle.lookback_charges(s) AS charges_90d,
       revcycle.net_patient_service_revenue(s) AS npsr_3m, revcycle.net_window_start(s) AS window_start,
       round(revcycle.days_in_ar(s), 2) AS gross_days, round(revcycle.net_days_in_ar(s), 2) AS net_days
  FROM (SELECT revcycle.ar_days_agg(kind, amount, posted, '2025-11-30') AS s FROM led2) x;
-- Per-kind split merged back equals the whole (ar_days_merge).
SELECT revcycle.ar_days_merge(s)::text = (SELECT revcycle.ar_days_agg(kind, amount, posted, '2025-11-30')::text FROM led2)
       AS days_merge_equals_whole
  FROM (SELECT revcycle.ar_days_agg(kind, amount, posted, '2025-11-30') AS s FROM led2 GROUP BY kind) x;
-- Trailing-3-month windows at month-ends and mid-month (as_of + 1 day - 3 months).
SELECT d AS as_of, revcycle.net_window_start(revcycle.ar_days_agg('charge', 1, d, d)) AS window_start
  FROM (VALUES (date '2025-12-31'), ('2025-11-30'), ('2025-02-28'), ('2024-02-29'), ('2025-05-30'), ('2025-11-15')) v(d)
 GROUP BY d ORDER BY d;
-- 180-day look-back: charges in (2025-06-03, 2025-11-30] = 30,000+40,000+30,000-1,000 + 50,000 = 149,000
--   -> 49,500 x 180 / 149,000 = 59.798... -> 59.80
SELECT round(revcycle.days_in_ar(kind, amount, posted, '2025-11-30', 180), 2) AS gross_180 FROM led2;

-- Bucket lookup (ar_aging finds the bucket of an age up to the last bound
-- by table lookup when the last bound is below 1023, by comparing with the
-- bounds otherwise): the same ages on both sides of each bound, with last
-- bounds 1022 (table), 1023 and 2000 (comparisons).  One row per age, 1.00
-- each, so items = amount per bucket.
-- {30,1022}: ages 0,30 -> 0-30 (2); 31,1022 -> 31-1022 (2);
--            1023,2000,2001,5000 -> 1023+ (4).
-- {30,1023}: 0,30 -> 2; 31,1022,1023 -> 31-1023 (3); 2000,2001,5000 -> 1024+ (3).
-- {30,2000}: 0,30 -> 2; 31,1022,1023,2000 -> 31-2000 (4); 2001,5000 -> 2001+ (2).
WITH ages(age) AS (VALUES (0), (30), (31), (1022), (1023), (2000), (2001), (5000)),
     b(bounds) AS (VALUES ('{30,1022}'::int[]), ('{30,1023}'), ('{30,2000}'))
SELECT b.bounds, x.bucket, x.items, x.amount
  FROM b, LATERAL revcycle.aging_buckets(
            (SELECT revcycle.ar_aging(1.00, date '2030-01-01' - age, '2030-01-01', b.bounds) FROM ages)) x
 ORDER BY b.bounds, x.min_days;
