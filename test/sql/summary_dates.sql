--
-- summary_dates (issue 12, bug 1): every as_of date the aggregates accept
-- prints in PostgreSQL's ISO form (date_out with DateStyle ISO: years
-- after 9999 in five or more digits, " BC" before 1 AD) and reads back, in
-- text and binary, so a rollup table holding such a summary dumps and
-- restores.  Infinite as_of dates are refused by the aggregates, by text
-- input and by binary receive alike; infinite anchor / posting dates sort
-- like any date (-infinity is older than every bound, infinity after every
-- as_of).
--
\pset null NULL
\set SHOW_CONTEXT never
SET search_path = public;
SET DateStyle = 'ISO, MDY';

CREATE TEMP TABLE as_of_dates (d date);
INSERT INTO as_of_dates VALUES
    ('2025-12-31'), ('0001-01-01'), ('9999-12-31'), ('10000-01-01'),
    ('0001-12-31 BC'), ('0001-01-01 BC'), ('4714-11-24 BC'), ('5874897-12-31');

-- One summary of each type per date (a 1.00 charge posted, or anchored, on it).
CREATE TEMP TABLE date_summaries AS
SELECT d, revcycle.ar_aging(1.00, d, d) AS a,
       revcycle.ar_days_agg('charge', 1.00, d, d) AS s
  FROM as_of_dates GROUP BY d;

-- The as_of of the text form is the date as date_out writes it (ISO).
SELECT d, (a::text::jsonb) ->> 'as_of' AS aging_as_of,
       (s::text::jsonb) ->> 'as_of' AS ar_days_as_of
  FROM date_summaries ORDER BY d;

-- The text form does not depend on DateStyle.
SET DateStyle = 'SQL, DMY';
SELECT d::text AS d_sql_style, (a::text::jsonb) ->> 'as_of' AS aging_as_of
  FROM date_summaries WHERE d IN ('10000-01-01', '0001-01-01 BC') ORDER BY d;
RESET DateStyle;
SET DateStyle = 'ISO, MDY';

-- Text round trip: rows whose value does not read back as itself (expected: none).
SELECT d FROM date_summaries
 WHERE a::text::revcycle.aging::text IS DISTINCT FROM a::text
    OR s::text::revcycle.ar_days::text IS DISTINCT FROM s::text
    OR revcycle.aging_as_of(a::text::revcycle.aging) IS DISTINCT FROM d
    OR revcycle.net_window_start(s::text::revcycle.ar_days) IS DISTINCT FROM revcycle.net_window_start(s);

-- A rollup table holding them: COPY out and back, in text and in binary
-- (client-side files in the results directory).
CREATE TEMP TABLE rollup (d date, a revcycle.aging, s revcycle.ar_days);
INSERT INTO rollup SELECT d, a, s FROM date_summaries;
\copy rollup TO 'results/summary_dates.txt'
\copy rollup TO 'results/summary_dates.bin' (FORMAT binary)
CREATE TEMP TABLE rollup_text (LIKE rollup);
CREATE TEMP TABLE rollup_bin (LIKE rollup);
\copy rollup_text FROM 'results/summary_dates.txt'
\copy rollup_bin FROM 'results/summary_dates.bin' (FORMAT binary)
SELECT (SELECT count(*) FROM rollup) AS rows_out,
       (SELECT count(*) FROM rollup_text) AS rows_back_text,
       (SELECT count(*) FROM rollup_bin) AS rows_back_binary;
-- rows that came back different (expected: none)
SELECT r.d, 'text' AS via FROM rollup r LEFT JOIN rollup_text t USING (d)
 WHERE t.a::text IS DISTINCT FROM r.a::text OR t.s::text IS DISTINCT FROM r.s::text
UNION ALL
SELECT r.d, 'binary' FROM rollup r LEFT JOIN rollup_bin b USING (d)
 WHERE b.a::text IS DISTINCT FROM r.a::text OR b.s::text IS DISTINCT FROM r.s::text
    OR revcycle.aging_send(b.a) IS DISTINCT FROM revcycle.aging_send(r.a)
    OR revcycle.ar_days_send(b.s) IS DISTINCT FROM revcycle.ar_days_send(r.s);

-- Text input takes exactly that form: each of these is refused (22P02).
SELECT '{"v":1,"as_of":"0000-01-01","bounds":[30],"buckets":[{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0}]}'::revcycle.aging;
SELECT '{"v":1,"as_of":"02025-12-31","bounds":[30],"buckets":[{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0}]}'::revcycle.aging;
SELECT '{"v":1,"as_of":"4714-11-23 BC","bounds":[30],"buckets":[{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0}]}'::revcycle.aging;
SELECT '{"v":1,"as_of":"5874898-01-01","bounds":[30],"buckets":[{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0}]}'::revcycle.aging;
SELECT '{"v":1,"as_of":"infinity","bounds":[30],"buckets":[{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0}]}'::revcycle.aging;
SELECT '{"v":1,"as_of":"2025-12-31 bc","bounds":[30],"buckets":[{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0}]}'::revcycle.aging;
-- 1 BC is a leap year (year 0), 2 BC is not.
SELECT ('{"v":1,"as_of":"0001-02-29 BC","lookback_days":90,"ar":0,"charges":0,"net_window_charges":0,"net_window_deductions":0}'::revcycle.ar_days::text::jsonb) ->> 'as_of' AS leap_1_bc;
SELECT '{"v":1,"as_of":"0002-02-29 BC","lookback_days":90,"ar":0,"charges":0,"net_window_charges":0,"net_window_deductions":0}'::revcycle.ar_days;
SELECT '{"v":1,"as_of":"-infinity","lookback_days":90,"ar":0,"charges":0,"net_window_charges":0,"net_window_deductions":0}'::revcycle.ar_days;

-- Infinite as_of: refused by the aggregates (22023), as by input and receive.
SELECT revcycle.ar_aging(1.00, '2025-01-01', 'infinity');
SELECT revcycle.ar_aging(1.00, '2025-01-01', '-infinity');
SELECT revcycle.ar_days_agg('charge', 1.00, '2025-01-01', 'infinity');
SELECT revcycle.ar_days_agg('charge', 1.00, '2025-01-01', '-infinity');

-- Infinite anchors: -infinity is older than every bound (the last bucket),
-- infinity is after every as_of (not yet receivable).  10.00 anchored at
-- -infinity -> 121+; 20.00 at infinity -> skipped; 5.00 aged 30 days -> 0-30.
SELECT b.bucket, b.items, b.amount
  FROM (SELECT revcycle.ar_aging(v, anchor, '2025-12-31') AS a
          FROM (VALUES (10.00, date '-infinity'), (20.00, 'infinity'), (5.00, '2025-12-01')) r(v, anchor)) s,
       revcycle.aging_buckets(s.a) b;
-- Days in A/R: a posting at -infinity is in A/R but in no window (10.00 of A/R,
-- charges 5.00 in the 90-day look-back); one at infinity is after as_of.
SELECT revcycle.net_ar(s) AS ar, revcycle.lookback_charges(s) AS charges
  FROM (SELECT revcycle.ar_days_agg('charge', v, posted, '2025-12-31') AS s
          FROM (VALUES (5.00, date '-infinity'), (20.00, 'infinity'), (5.00, '2025-12-01')) r(v, posted)) x;
