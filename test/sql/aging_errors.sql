--
-- aging_errors: bad bounds, changing as_of, bad merges, bad ar_over days,
-- malformed text input of revcycle.aging / revcycle.ar_days (each kind of
-- error), binary round trip and tampered binary input (SQLSTATE 22P03).
--
\pset null NULL
\set SHOW_CONTEXT never
SET search_path = public;

CREATE TEMP TABLE rows (balance numeric, anchor date, as_of date);
INSERT INTO rows VALUES (10, '2025-12-01', '2025-12-31'), (20, '2025-10-01', '2025-12-31');

-- Bounds: empty, non-increasing, equal, non-positive, NULL element, NULL array, 2-D.
SELECT revcycle.ar_aging(balance, anchor, as_of, '{}') FROM rows;
SELECT revcycle.ar_aging(balance, anchor, as_of, '{60,30}') FROM rows;
SELECT revcycle.ar_aging(balance, anchor, as_of, '{30,30}') FROM rows;
SELECT revcycle.ar_aging(balance, anchor, as_of, '{0,30}') FROM rows;
SELECT revcycle.ar_aging(balance, anchor, as_of, '{-5}') FROM rows;
SELECT revcycle.ar_aging(balance, anchor, as_of, '{30,NULL}') FROM rows;
SELECT revcycle.ar_aging(balance, anchor, as_of, NULL) FROM rows;
SELECT revcycle.ar_aging(balance, anchor, as_of, '{{30,60},{90,120}}') FROM rows;
-- Bounds changing within a group.
SELECT revcycle.ar_aging(balance, anchor, as_of, CASE WHEN balance = 10 THEN '{30}'::int[] ELSE '{60}' END) FROM rows;
-- as_of differing within a group, NULL, infinite.
SELECT revcycle.ar_aging(balance, anchor, CASE WHEN balance = 10 THEN as_of ELSE as_of - 1 END) FROM rows;
SELECT revcycle.ar_aging(balance, anchor, NULL) FROM rows;
SELECT revcycle.ar_aging(balance, anchor, 'infinity') FROM rows;
-- ... but grouping by as_of is fine.
SELECT d, revcycle.ar_debit_total(revcycle.ar_aging(balance, anchor, d))
  FROM rows, (VALUES (date '2025-12-31'), ('2025-12-15')) v(d) GROUP BY d ORDER BY d;
-- NaN and Infinity balances.
SELECT revcycle.ar_aging(b, '2025-12-01', '2025-12-31') FROM (VALUES ('NaN'::numeric)) v(b);
SELECT revcycle.ar_aging(b, '2025-12-01', '2025-12-31') FROM (VALUES ('Infinity'::numeric)) v(b);

-- Merges of different bounds or dates.
SELECT revcycle.ar_aging_merge(a) FROM (
    SELECT revcycle.ar_aging(balance, anchor, as_of) FROM rows
    UNION ALL SELECT revcycle.ar_aging(balance, anchor, as_of, '{30,60}') FROM rows) s(a);
SELECT revcycle.ar_aging_merge(a) FROM (
    SELECT revcycle.ar_aging(balance, anchor, as_of) FROM rows
    UNION ALL SELECT revcycle.ar_aging(balance, anchor, as_of - 1) FROM rows) s(a);

-- ar_over with a day count that is not a bound.
SELECT revcycle.ar_over(revcycle.ar_aging(balance, anchor, as_of), 100) FROM rows;

-- Days in A/R: as_of changing, look-back out of range or NULL, merge of different dates.
SELECT revcycle.days_in_ar(k, 1, '2025-12-01', d) FROM (VALUES ('charge'::revcycle.txn_kind, date '2025-12-31'), ('charge', '2025-12-30')) v(k, d);
SELECT revcycle.days_in_ar('charge'::revcycle.txn_kind, 1, '2025-12-01', '2025-12-31', 0);
SELECT revcycle.days_in_ar('charge'::revcycle.txn_kind, 1, '2025-12-01', '2025-12-31', NULL);
SELECT revcycle.ar_days_merge(s) FROM (
    SELECT revcycle.ar_days_agg('charge', 1, '2025-12-01', '2025-12-31')
    UNION ALL SELECT revcycle.ar_days_agg('charge', 1, '2025-12-01', '2025-12-31', 180)) v(s);
SELECT * FROM revcycle.ar_balances('2025-12-31', 'posting_date');

-- Text input: a good value round-trips; then each kind of error.
SELECT '{"v":1,"as_of":"2025-12-31","bounds":[30],"buckets":[{"items":1,"amount":5.00,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":2,"credit_amount":-1.5}]}'::revcycle.aging;
SELECT ' { "v" : 1 , "as_of" : "2025-12-31" , "bounds" : [ 30 ] , "buckets" : [ { "items" : 0 , "amount" : 0 , "credit_items" : 0 , "credit_amount" : 0 } , { "items" : 0 , "amount" : 0 , "credit_items" : 0 , "credit_amount" : 0 } ] } '::revcycle.aging;
SELECT ''::revcycle.aging;
SELECT '{"v":2,"as_of":"2025-12-31","bounds":[30],"buckets":[]}'::revcycle.aging;
SELECT '{"as_of":"2025-12-31","v":1}'::revcycle.aging;
SELECT '{"v":1,"as_of":"2025-02-29","bounds":[30],"buckets":[]}'::revcycle.aging;
SELECT '{"v":1,"as_of":"today","bounds":[30],"buckets":[]}'::revcycle.aging;
SELECT '{"v":1,"as_of":"2025-12-31","bounds":[],"buckets":[]}'::revcycle.aging;
SELECT '{"v":1,"as_of":"2025-12-31","bounds":[60,30],"buckets":[]}'::revcycle.aging;
SELECT '{"v":1,"as_of":"2025-12-31","bounds":[0],"buckets":[]}'::revcycle.aging;
SELECT '{"v":1,"as_of":"2025-12-31","bounds":[30.5],"buckets":[]}'::revcycle.aging;
SELECT '{"v":1,"as_of":"2025-12-31","bounds":[30],"buckets":[{"items":0,"amount":0,"credit_items":0,"credit_amount":0}]}'::revcycle.aging;
SELECT '{"v":1,"as_of":"2025-12-31","bounds":[30],"buckets":[{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0}]}'::revcycle.aging;
SELECT '{"v":1,"as_of":"2025-12-31","bounds":[30],"buckets":[{"items":-1,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0}]}'::revcycle.aging;
SELECT '{"v":1,"as_of":"2025-12-31","bounds":[30],"buckets":[{"items":1,"amount":-5,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0}]}'::revcycle.aging;
SELECT '{"v":1,"as_of":"2025-12-31","bounds":[30],"buckets":[{"items":0,"amount":5,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0}]}'::revcycle.aging;
SELECT '{"v":1,"as_of":"2025-12-31","bounds":[30],"buckets":[{"items":0,"amount":0,"credit_items":1,"credit_amount":5},{"items":0,"amount":0,"credit_items":0,"credit_amount":0}]}'::revcycle.aging;
SELECT '{"v":1,"as_of":"2025-12-31","bounds":[30],"buckets":[{"items":0,"amount":1e3,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0}]}'::revcycle.aging;
SELECT '{"v":1,"as_of":"2025-12-31","bounds":[30],"buckets":[{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0}]} x'::revcycle.aging;
SELECT '{"v":1,"as_of":"2025-12-31","bounds":[30],"buckets":[{"items":0,"amount":0,"credit_items":0,"credit_amount":0},{"items":0,"amount":0,"credit_items":0,"credit_amount":0}]'::revcycle.aging;
SELECT '{"v":1,"as_of":"2025-12-31","lookback_days":90,"ar":1.00,"charges":2,"net_window_charges":0,"net_window_deductions":0}'::revcycle.ar_days;
SELECT '{"v":1,"as_of":"2025-12-31","lookback_days":0,"ar":1.00,"charges":2,"net_window_charges":0,"net_window_deductions":0}'::revcycle.ar_days;
SELECT '{"v":1,"as_of":"2025-12-31","lookback_days":90,"ar":1.00,"charges":2,"net_window_charges":0}'::revcycle.ar_days;

-- Binary: COPY round trip of both types.
CREATE TABLE aging_bin (a revcycle.aging, d revcycle.ar_days);
INSERT INTO aging_bin
SELECT revcycle.ar_aging(balance, anchor, as_of, '{30,60,90,120,180}'),
       revcycle.ar_days_agg('charge', balance, anchor, as_of, 365)
  FROM rows;
COPY aging_bin TO '/tmp/revcycle_aging_test.bin' (FORMAT binary);
CREATE TABLE aging_bin2 (LIKE aging_bin);
COPY aging_bin2 FROM '/tmp/revcycle_aging_test.bin' (FORMAT binary);
SELECT a::text = (SELECT a::text FROM aging_bin) AS aging_round_trip,
       d::text = (SELECT d::text FROM aging_bin) AS ar_days_round_trip
  FROM aging_bin2;
SELECT revcycle.aging_send(a) AS aging_bytes FROM aging_bin;

-- Tampered binary input: a binary COPY file with one aging column, built by hand
-- (header, one tuple of 1 field, trailer) and written with xxd.
CREATE TABLE aging_bin3 (a revcycle.aging);
CREATE FUNCTION pg_temp.copy_hex(payload bytea) RETURNS text LANGUAGE sql AS $$
    SELECT encode('\x5047434f50590aff0d0a00'::bytea || '\x0000000000000000'::bytea
                  || '\x0001'::bytea || int4send(length(payload)) || payload || '\xffff'::bytea, 'hex')
$$;
-- the good bytes load
COPY (SELECT pg_temp.copy_hex(revcycle.aging_send(a)) FROM aging_bin) TO PROGRAM 'xxd -r -p > /tmp/revcycle_aging_bad.bin';
COPY aging_bin3 FROM '/tmp/revcycle_aging_bad.bin' (FORMAT binary);
SELECT a::text = (SELECT a::text FROM aging_bin) AS hand_built_ok FROM aging_bin3;
-- each must fail with SQLSTATE 22P03 (invalid_binary_representation)
-- version byte 2
COPY (SELECT pg_temp.copy_hex('\x02'::bytea || substr(revcycle.aging_send(a), 2)) FROM aging_bin) TO PROGRAM 'xxd -r -p > /tmp/revcycle_aging_bad.bin';
COPY aging_bin3 FROM '/tmp/revcycle_aging_bad.bin' (FORMAT binary);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- empty value, and truncated to 5 bytes
COPY (SELECT pg_temp.copy_hex(''::bytea)) TO PROGRAM 'xxd -r -p > /tmp/revcycle_aging_bad.bin';
COPY aging_bin3 FROM '/tmp/revcycle_aging_bad.bin' (FORMAT binary);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
COPY (SELECT pg_temp.copy_hex(substr(revcycle.aging_send(a), 1, 5)) FROM aging_bin) TO PROGRAM 'xxd -r -p > /tmp/revcycle_aging_bad.bin';
COPY aging_bin3 FROM '/tmp/revcycle_aging_bad.bin' (FORMAT binary);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- truncated by one byte, one byte too many
COPY (SELECT pg_temp.copy_hex(substr(revcycle.aging_send(a), 1, length(revcycle.aging_send(a)) - 1)) FROM aging_bin) TO PROGRAM 'xxd -r -p > /tmp/revcycle_aging_bad.bin';
COPY aging_bin3 FROM '/tmp/revcycle_aging_bad.bin' (FORMAT binary);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
COPY (SELECT pg_temp.copy_hex(revcycle.aging_send(a) || '\x00'::bytea) FROM aging_bin) TO PROGRAM 'xxd -r -p > /tmp/revcycle_aging_bad.bin';
COPY aging_bin3 FROM '/tmp/revcycle_aging_bad.bin' (FORMAT binary);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- number of bounds 0 and 1000 (bytes 6..9)
COPY (SELECT pg_temp.copy_hex(overlay(revcycle.aging_send(a) placing '\x00000000'::bytea from 6 for 4)) FROM aging_bin) TO PROGRAM 'xxd -r -p > /tmp/revcycle_aging_bad.bin';
COPY aging_bin3 FROM '/tmp/revcycle_aging_bad.bin' (FORMAT binary);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
COPY (SELECT pg_temp.copy_hex(overlay(revcycle.aging_send(a) placing '\x000003e8'::bytea from 6 for 4)) FROM aging_bin) TO PROGRAM 'xxd -r -p > /tmp/revcycle_aging_bad.bin';
COPY aging_bin3 FROM '/tmp/revcycle_aging_bad.bin' (FORMAT binary);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- as_of = infinity (0x7fffffff)
COPY (SELECT pg_temp.copy_hex(overlay(revcycle.aging_send(a) placing '\x7fffffff'::bytea from 2 for 4)) FROM aging_bin) TO PROGRAM 'xxd -r -p > /tmp/revcycle_aging_bad.bin';
COPY aging_bin3 FROM '/tmp/revcycle_aging_bad.bin' (FORMAT binary);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- first bound 0 (bytes 10..13), second bound equal to the first
COPY (SELECT pg_temp.copy_hex(overlay(revcycle.aging_send(a) placing '\x00000000'::bytea from 10 for 4)) FROM aging_bin) TO PROGRAM 'xxd -r -p > /tmp/revcycle_aging_bad.bin';
COPY aging_bin3 FROM '/tmp/revcycle_aging_bad.bin' (FORMAT binary);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
COPY (SELECT pg_temp.copy_hex(overlay(revcycle.aging_send(a) placing '\x0000001e'::bytea from 14 for 4)) FROM aging_bin) TO PROGRAM 'xxd -r -p > /tmp/revcycle_aging_bad.bin';
COPY aging_bin3 FROM '/tmp/revcycle_aging_bad.bin' (FORMAT binary);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- first bucket: items -1 (bytes 30..37); items 0 with its non-zero amount
COPY (SELECT pg_temp.copy_hex(overlay(revcycle.aging_send(a) placing '\xffffffffffffffff'::bytea from 30 for 8)) FROM aging_bin) TO PROGRAM 'xxd -r -p > /tmp/revcycle_aging_bad.bin';
COPY aging_bin3 FROM '/tmp/revcycle_aging_bad.bin' (FORMAT binary);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
COPY (SELECT pg_temp.copy_hex(overlay(revcycle.aging_send(a) placing '\x0000000000000000'::bytea from 30 for 8)) FROM aging_bin) TO PROGRAM 'xxd -r -p > /tmp/revcycle_aging_bad.bin';
COPY aging_bin3 FROM '/tmp/revcycle_aging_bad.bin' (FORMAT binary);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- first bucket's amount scale 99 (bytes 62..63)
COPY (SELECT pg_temp.copy_hex(overlay(revcycle.aging_send(a) placing '\x0063'::bytea from 62 for 2)) FROM aging_bin) TO PROGRAM 'xxd -r -p > /tmp/revcycle_aging_bad.bin';
COPY aging_bin3 FROM '/tmp/revcycle_aging_bad.bin' (FORMAT binary);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- first bucket's amount made negative (high word all ones, bytes 46..53)
COPY (SELECT pg_temp.copy_hex(overlay(revcycle.aging_send(a) placing '\xffffffffffffffff'::bytea from 46 for 8)) FROM aging_bin) TO PROGRAM 'xxd -r -p > /tmp/revcycle_aging_bad.bin';
COPY aging_bin3 FROM '/tmp/revcycle_aging_bad.bin' (FORMAT binary);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT count(*) AS rows_loaded_after_tampering FROM aging_bin3;

DROP TABLE aging_bin, aging_bin2, aging_bin3;
\! rm -f /tmp/revcycle_aging_test.bin /tmp/revcycle_aging_bad.bin

-- Bug fixed in 0.2.0: bounds in a PL/pgSQL variable are a parameter that
-- changes between calls of one cached expression; each call must use the
-- bounds it is given (they were once taken as constant after the first).
DO $$
DECLARE
    s revcycle.aging;
    b int[];
    i int;
BEGIN
    FOR i IN 1..2 LOOP
        b := CASE i WHEN 1 THEN '{30}'::int[] ELSE '{10,20}'::int[] END;
        s := revcycle.ar_aging_trans(NULL::revcycle.aging, 5::numeric, date '2025-12-01',
                                     date '2025-12-31', b);
        RAISE NOTICE 'bounds % -> % buckets', b,
            (SELECT count(*) FROM revcycle.aging_buckets(s));
    END LOOP;
END $$;
