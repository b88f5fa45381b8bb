--
-- collections_errors: every way the collections aggregates, the
-- revcycle.collections type and the data model must refuse bad input.
-- Each case prints SQLSTATE: message (and DETAIL where it explains the
-- reason); a case that wrongly succeeds prints "ok".
--
\pset null NULL
SET search_path = public;

CREATE FUNCTION pg_temp.err(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    d text;
BEGIN
    EXECUTE q;
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL;
    RETURN SQLSTATE || ': ' || SQLERRM || CASE WHEN d <> '' THEN ' | ' || d ELSE '' END;
END $$;

-- Same, but only SQLSTATE and DETAIL (text-input messages repeat the whole input).
CREATE FUNCTION pg_temp.err_detail(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    d text;
BEGIN
    EXECUTE q;
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL;
    RETURN SQLSTATE || ': ' || d;
END $$;

-- Only SQLSTATE and message (row details would show serial ids).
CREATE FUNCTION pg_temp.err_msg(q text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE q;
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

-- =====================================================================
-- 1. NaN, +Infinity, -Infinity in every argument position of every
--    aggregate: 22023 naming the value.  The other arguments are 1.00.
-- =====================================================================
SELECT a.agg, pos, val,
       pg_temp.err(format('SELECT revcycle.%s(%s)', a.agg,
                          (SELECT string_agg(CASE WHEN i = pos THEN quote_literal(val) || '::numeric'
                                                  ELSE '1.00' END, ', ' ORDER BY i)
                           FROM generate_series(1, a.nargs) AS i))) AS result
FROM (VALUES ('gross_collection_rate', 2), ('net_collection_rate', 3),
             ('collections_agg', 5)) AS a(agg, nargs)
     CROSS JOIN LATERAL generate_series(1, a.nargs) AS pos
     CROSS JOIN unnest(ARRAY['NaN', 'Infinity', '-Infinity']) AS val
ORDER BY a.agg, pos, val;

-- Ledger form: every kind with a non-finite amount, including transfer
-- (a transfer moves no money, but a NaN amount is still bad data and must
-- not be skipped silently).
SELECT k AS kind, val,
       pg_temp.err(format('SELECT revcycle.collections_agg(%L::revcycle.txn_kind, %L::numeric)', k, val)) AS result
FROM unnest(enum_range(NULL::revcycle.txn_kind)) AS k
     CROSS JOIN unnest(ARRAY['NaN', 'Infinity', '-Infinity']) AS val
ORDER BY k, val;

-- A bad value after good rows still fails (nothing is skipped).
SELECT pg_temp.err($q$SELECT revcycle.net_collection_rate(p, 100.00, 0.00)
    FROM (VALUES (1.00), (2.00), ('NaN')) AS v(p)$q$) AS nan_in_third_row;

-- =====================================================================
-- 2. Out of range: 22003.  Sums are exact int128 (38 significant digits).
-- =====================================================================
-- 1e36 summed 200 times = 2e38 > 1.7e38 (int128 max): 22003.
SELECT pg_temp.err($q$SELECT revcycle.gross_collection_rate(1e36, 1.00)
    FROM generate_series(1, 200)$q$) AS sum_1e36_x200;
-- 1e36 summed 170 times = 1.7e38 < 170141183460469231731687303715884105727: fits.
SELECT pg_temp.err($q$SELECT revcycle.gross_collection_rate(1e36, 1.00)
    FROM generate_series(1, 170)$q$) AS sum_1e36_x170;
SELECT revcycle.payments(revcycle.collections_agg(NULL, 1e36, NULL, NULL, NULL)) = 170e36 AS exact_170e36
FROM generate_series(1, 170);
-- 9e37 + 9e37 = 1.8e38: 22003 in the ledger form too.
SELECT pg_temp.err($q$SELECT revcycle.collections_agg(k, a)
    FROM (VALUES ('charge'::revcycle.txn_kind, 9e37), ('charge', 9e37)) AS v(k, a)$q$) AS ledger_9e37_x2;
-- A single amount of 1e40 (41 digits): 22003 naming the value.
SELECT pg_temp.err($q$SELECT revcycle.net_collection_rate(1e40, 1.00, 0)$q$) AS amount_1e40;
SELECT pg_temp.err($q$SELECT revcycle.collections_agg(1.00, 1.00, 1.00, 1.00, -1e40)$q$) AS amount_minus_1e40;
-- 40 significant decimal places: 22003 (more than 38 decimal places).
SELECT pg_temp.err($q$SELECT revcycle.gross_collection_rate(
    0.0000000000000000000000000000000000000001, 1.00)$q$) AS amount_40_decimals;
SELECT pg_temp.err($q$SELECT revcycle.gross_collection_rate(
    1.1234567890123456789012345678901234567891, 1.00)$q$) AS amount_41_digits;
-- 40 decimal places that are all zeros is an exact 1: accepted.
SELECT revcycle.gross_collection_rate(1.0000000000000000000000000000000000000000, 4.00) AS quarter;
-- Scales are aligned exactly: 2e36 with 0.01 needs 2e38 at scale 2: 22003
-- (documented limit: 38 significant digits in one sum).
SELECT pg_temp.err($q$SELECT revcycle.gross_collection_rate(a, 1.00)
    FROM (VALUES (2e36), (0.01)) AS v(a)$q$) AS scale_alignment;
-- Merging two stored summaries whose payments add past int128: 22003.
SELECT pg_temp.err($q$SELECT revcycle.collections_merge(s)
    FROM (SELECT revcycle.collections_agg(NULL, 9e37, NULL, NULL, NULL) AS s
          UNION ALL
          SELECT revcycle.collections_agg(NULL, 9e37, NULL, NULL, NULL)) AS x$q$) AS merge_overflow;
-- Merging row counts past bigint: 22003.
SELECT pg_temp.err($q$SELECT revcycle.collections_merge(s::revcycle.collections)
    FROM (VALUES ('{"v":1,"rows":9223372036854775807,"charges":0,"charge_rows":0,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}'),
                 ('{"v":1,"rows":1,"charges":0,"charge_rows":0,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}')) AS v(s)$q$) AS merge_rows_overflow;
-- Net rate of a summary whose payments - refunds leave the range:
-- 1.5e38 - (-1.5e38) = 3e38: 22003.
SELECT pg_temp.err($q$SELECT revcycle.net_collection_rate('{"v":1,"rows":2,"charges":1,"charge_rows":1,"payments":150000000000000000000000000000000000000,"payment_rows":1,"refunds":-150000000000000000000000000000000000000,"refund_rows":1,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}'::revcycle.collections)$q$) AS net_rate_overflow;

-- =====================================================================
-- 3. Malformed text input of revcycle.collections: 22P02 with the reason.
-- =====================================================================
CREATE TEMP TABLE bad_text (n int, what text, input text);
INSERT INTO bad_text VALUES
 (1, 'not JSON', 'not json'),
 (2, 'empty', ''),
 (3, 'JSON array', '[1,2]'),
 (4, 'wrong version', '{"v":2,"rows":0,"charges":0,"charge_rows":0,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}'),
 (5, 'version 1.0', '{"v":1.0,"rows":0,"charges":0,"charge_rows":0,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}'),
 (6, 'missing version', '{"rows":0,"charges":0,"charge_rows":0,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}'),
 (7, 'missing key refunds', '{"v":1,"rows":0,"charges":0,"charge_rows":0,"payments":0,"payment_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}'),
 (8, 'missing last key', '{"v":1,"rows":0,"charges":0,"charge_rows":0,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0}'),
 (9, 'wrong key order', '{"v":1,"rows":0,"payments":0,"payment_rows":0,"charges":0,"charge_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}'),
 (10, 'duplicate key', '{"v":1,"rows":0,"rows":0,"charges":0,"charge_rows":0,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}'),
 (11, 'extra key', '{"v":1,"rows":0,"charges":0,"charge_rows":0,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0,"x":1}'),
 (12, 'extra text', '{"v":1,"rows":0,"charges":0,"charge_rows":0,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0} x'),
 (13, 'two objects', '{"v":1,"rows":0,"charges":0,"charge_rows":0,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}{}'),
 (14, 'negative count', '{"v":1,"rows":1,"charges":0,"charge_rows":-1,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}'),
 (15, 'negative rows', '{"v":1,"rows":-1,"charges":0,"charge_rows":0,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}'),
 (16, 'exponent in amount', '{"v":1,"rows":1,"charges":1e2,"charge_rows":1,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}'),
 (17, 'amount as string', '{"v":1,"rows":1,"charges":"5.00","charge_rows":1,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}'),
 (18, 'amount NaN', '{"v":1,"rows":1,"charges":NaN,"charge_rows":1,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}'),
 (19, 'amount null', '{"v":1,"rows":1,"charges":null,"charge_rows":1,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}'),
 (20, 'amount "5."', '{"v":1,"rows":1,"charges":5.,"charge_rows":1,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}'),
 (21, 'amount ".5"', '{"v":1,"rows":1,"charges":.5,"charge_rows":1,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}'),
 (22, 'amount "+5"', '{"v":1,"rows":1,"charges":+5,"charge_rows":1,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}'),
 (23, 'amount 1.2.3', '{"v":1,"rows":1,"charges":1.2.3,"charge_rows":1,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}'),
 (24, 'count 1.5', '{"v":1,"rows":2,"charges":0,"charge_rows":1.5,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}'),
 (25, 'non-zero sum, zero rows', '{"v":1,"rows":1,"charges":0,"charge_rows":0,"payments":5.00,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}'),
 (26, 'count > rows', '{"v":1,"rows":1,"charges":0,"charge_rows":0,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":3.00,"other_adjustment_rows":2}'),
 (27, 'huge rows', '{"v":1,"rows":99999999999999999999,"charges":0,"charge_rows":0,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}'),
 (28, 'huge version', '{"v":99999999999,"rows":0,"charges":0,"charge_rows":0,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}'),
 (29, 'amount of 40 digits', '{"v":1,"rows":1,"charges":1234567890123456789012345678901234567890,"charge_rows":1,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}'),
 (30, 'unterminated key', '{"v'),
 (31, 'unsupported escape', '{"\u0076":1}'),
 (32, 'missing colon', '{"v" 1}'),
 (33, 'truncated', '{"v":1,"rows":0,"charges":0,');
SELECT n, what, pg_temp.err_detail(format('SELECT %L::revcycle.collections', input)) AS result
FROM bad_text ORDER BY n;
-- The message names the type and the input.
SELECT pg_temp.err($q$SELECT 'not json'::revcycle.collections$q$) AS message;
-- Whitespace between tokens is allowed (valid input, for contrast).
SELECT revcycle.row_count(E' {\n "v" : 1 , "rows" : 0 , "charges" : 0 , "charge_rows" : 0 , "payments" : 0 , "payment_rows" : 0 , "refunds" : 0 , "refund_rows" : 0 , "contractual" : 0 , "contractual_rows" : 0 , "other_adjustments" : 0 , "other_adjustment_rows" : 0 }\n'::revcycle.collections) AS spaced_rows;

-- =====================================================================
-- 4. Binary I/O.  Happy path: COPY a table of summaries out and back in.
-- =====================================================================
CREATE TEMP TABLE summaries (id int, s revcycle.collections);
INSERT INTO summaries
SELECT 1, revcycle.collections_agg(c, p, r, ca, o)
FROM (VALUES (100.00, 90.00, 1.5, 5.125, NULL::numeric), (-3.000001, -1, NULL, NULL, 7)) AS v(c, p, r, ca, o)
UNION ALL
SELECT 2, revcycle.collections_agg(k, a)
FROM (VALUES ('charge'::revcycle.txn_kind, 99999999999999999999999999999999999.99),
             ('payment', -0.01), ('transfer', 5.00)) AS v(k, a)
UNION ALL
SELECT 3, NULL
UNION ALL
SELECT 4, revcycle.collections_agg(NULL::numeric, NULL, NULL, NULL, NULL);
COPY summaries TO '/tmp/rc_coll.bin' (FORMAT binary);
CREATE TEMP TABLE summaries_back (LIKE summaries);
COPY summaries_back FROM '/tmp/rc_coll.bin' (FORMAT binary);
SELECT a.id, a.s::text IS NOT DISTINCT FROM b.s::text AS same
FROM summaries a JOIN summaries_back b USING (id) ORDER BY a.id;
SELECT id, s FROM summaries_back ORDER BY id;

-- Tampered files.  A binary COPY file: signature, flags, header extension
-- length, then per row a field count, the field length and the bytes of
-- collections_send; then -1.  The value is 149 bytes: version (1),
-- rows (8), five counts (8 each), five sums (hi 8, lo 8, scale 2, dscale 2).
CREATE TEMP TABLE bin_in (s revcycle.collections);
CREATE FUNCTION pg_temp.load_bin(val bytea) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    lo oid;
    d text;
BEGIN
    lo := lo_from_bytea(0, '\x5047434f50590aff0d0a00'::bytea || int4send(0) || int4send(0)
                           || int2send(1::int2) || int4send(length(val)) || val
                           || int2send((-1)::int2));
    PERFORM lo_export(lo, '/tmp/rc_coll_bad.bin');
    PERFORM lo_unlink(lo);
    TRUNCATE bin_in;
    BEGIN
        COPY bin_in FROM '/tmp/rc_coll_bad.bin' (FORMAT binary);
        RETURN 'ok: ' || (SELECT s::text FROM bin_in);
    EXCEPTION WHEN OTHERS THEN
        GET STACKED DIAGNOSTICS d = PG_EXCEPTION_DETAIL;
        RETURN SQLSTATE || ': ' || SQLERRM || CASE WHEN d <> '' THEN ' | ' || d ELSE '' END;
    END;
END $$;

-- The good value, sent: rows 2, charges 96.999999 (2 rows), payments 89.00 ...
CREATE TEMP TABLE good AS SELECT revcycle.collections_send(s) AS b FROM summaries WHERE id = 1;
SELECT length(b) AS bytes, get_byte(b, 0) AS version FROM good;
-- Loaded unchanged through the same path: ok.
SELECT pg_temp.load_bin(b) AS unchanged FROM good;
-- Version byte 2: 22P03.
SELECT pg_temp.load_bin(set_byte(b, 0, 2)) AS wrong_version FROM good;
-- Version byte 0: 22P03.
SELECT pg_temp.load_bin(set_byte(b, 0, 0)) AS version_zero FROM good;
-- Empty value: 22P03.
SELECT pg_temp.load_bin(''::bytea) AS empty FROM good;
-- Truncated by one byte (148 bytes): 22P03.
SELECT pg_temp.load_bin(substr(b, 1, 148)) AS truncated FROM good;
-- Only the version byte: 22P03.
SELECT pg_temp.load_bin(substr(b, 1, 1)) AS version_only FROM good;
-- One extra byte (150 bytes): 22P03.
SELECT pg_temp.load_bin(b || '\x00'::bytea) AS extra_byte FROM good;
-- Negative row count (rows = -1, 0-based bytes 1..8 all 0xff): 22P03.
SELECT pg_temp.load_bin(overlay(b placing '\xffffffffffffffff'::bytea from 2 for 8)) AS negative_rows FROM good;
-- Negative per-amount count (charge_rows = -1, 0-based bytes 9..16): 22P03.
SELECT pg_temp.load_bin(overlay(b placing '\xffffffffffffffff'::bytea from 10 for 8)) AS negative_count FROM good;
-- charge_rows = 3 > rows = 2: 22P03.
SELECT pg_temp.load_bin(overlay(b placing int8send(3) from 10 for 8)) AS count_above_rows FROM good;
-- Invalid scale 39 in the first sum (0-based bytes 65..66): 22P03.
SELECT pg_temp.load_bin(overlay(b placing int2send(39::int2) from 66 for 2)) AS scale_39 FROM good;
-- Invalid scale -1: 22P03.
SELECT pg_temp.load_bin(overlay(b placing int2send((-1)::int2) from 66 for 2)) AS scale_negative FROM good;
-- Display scale 0 below the digits the value holds (96.999999): 22P03
-- (only the SQLSTATE: the internal scale in the message is not part of the contract).
SELECT split_part(pg_temp.load_bin(overlay(b placing int2send(0::int2) from 68 for 2)), ':', 1) AS dscale_below_scale FROM good;
-- A non-zero sum with zero rows: other_adjustment_rows (0-based bytes 41..48) = 0
-- while other_adjustments = 7: 22P03.
SELECT pg_temp.load_bin(overlay(b placing int8send(0) from 42 for 8)) AS sum_without_rows FROM good;
-- Garbage of the right length: 22P03 (version byte 0xab).
SELECT pg_temp.load_bin(decode(repeat('ab', 149), 'hex')) AS garbage FROM good;
-- The session is still alive and the good value still reads.
SELECT revcycle.row_count(s) FROM summaries WHERE id = 1;

-- =====================================================================
-- 5. Data-model constraints: the constraint name is in the message.
-- =====================================================================
BEGIN;
INSERT INTO revcycle.payer (payer_id, name, payer_class) VALUES (9101, 'Err Payer (test)', 'commercial');
INSERT INTO revcycle.department VALUES ('E100', 'Err Dept (test)', 'Main (test)');
INSERT INTO revcycle.patient (patient_id, mrn) VALUES (9101, 'E-MRN-1');
INSERT INTO revcycle.account (account_id, account_number, patient_id, facility, dept_code,
                              patient_type, service_from, service_to, primary_payer_id)
VALUES (9101, 'E-ACC-1', 9101, 'Main (test)', 'E100', 'clinic', '2026-03-01', '2026-03-02', 9101);
INSERT INTO revcycle.charge_master VALUES ('E-CT', 'CT head (test)', 'E100', '70450', '0350', 955.00);
INSERT INTO revcycle.claim (claim_id, claim_number, account_id, payer_id, statement_from,
                            statement_to, submitted_date, billed_amount)
VALUES (9101, 'E-CLM-1', 9101, 9101, '2026-03-01', '2026-03-02', '2026-03-05', 955.00);
SELECT 'ledger NaN amount' AS what, pg_temp.err_msg($q$INSERT INTO revcycle.ledger (account_id, payer_id, kind, amount, posted_date)
    VALUES (9101, 9101, 'payment', 'NaN', '2026-03-10')$q$) AS result
UNION ALL
SELECT 'ledger zero amount', pg_temp.err_msg($q$INSERT INTO revcycle.ledger (account_id, payer_id, kind, amount, posted_date)
    VALUES (9101, 9101, 'payment', 0.00, '2026-03-10')$q$)
UNION ALL
SELECT 'ledger Infinity amount', pg_temp.err_msg($q$INSERT INTO revcycle.ledger (account_id, payer_id, kind, amount, posted_date)
    VALUES (9101, 9101, 'payment', 'Infinity', '2026-03-10')$q$)
UNION ALL
SELECT 'account service_to < service_from', pg_temp.err_msg($q$INSERT INTO revcycle.account
    (account_number, patient_id, facility, dept_code, patient_type, service_from, service_to, primary_payer_id)
    VALUES ('E-ACC-2', 9101, 'Main (test)', 'E100', 'clinic', '2026-03-05', '2026-03-04', 9101)$q$)
UNION ALL
SELECT 'charge_line post_date < service_date', pg_temp.err_msg($q$INSERT INTO revcycle.charge_line
    (account_id, charge_code, service_date, post_date, quantity, amount)
    VALUES (9101, 'E-CT', '2026-03-02', '2026-03-01', 1, 955.00)$q$)
UNION ALL
SELECT 'charge_master revenue code 350', pg_temp.err_msg($q$INSERT INTO revcycle.charge_master
    VALUES ('E-CT2', 'CT (test)', 'E100', '70450', '350', 955.00)$q$)
UNION ALL
SELECT 'charge_master revenue code 03A0', pg_temp.err_msg($q$INSERT INTO revcycle.charge_master
    VALUES ('E-CT3', 'CT (test)', 'E100', '70450', '03A0', 955.00)$q$)
UNION ALL
SELECT 'claim rebill without original', pg_temp.err_msg($q$INSERT INTO revcycle.claim
    (claim_number, account_id, payer_id, frequency_code, statement_from, statement_to, submitted_date, billed_amount)
    VALUES ('E-CLM-2', 9101, 9101, '7', '2026-03-01', '2026-03-02', '2026-03-20', 955.00)$q$)
UNION ALL
SELECT 'claim original with original_claim_id', pg_temp.err_msg($q$INSERT INTO revcycle.claim
    (claim_number, account_id, payer_id, frequency_code, original_claim_id, statement_from, statement_to, submitted_date, billed_amount)
    VALUES ('E-CLM-3', 9101, 9101, '1', 9101, '2026-03-01', '2026-03-02', '2026-03-20', 955.00)$q$);
-- For contrast, the valid rebill and a ledger correction (negative payment) are accepted.
INSERT INTO revcycle.claim (claim_number, account_id, payer_id, frequency_code, original_claim_id,
                            statement_from, statement_to, submitted_date, billed_amount)
VALUES ('E-CLM-4', 9101, 9101, '7', 9101, '2026-03-01', '2026-03-02', '2026-03-20', 955.00);
INSERT INTO revcycle.ledger (account_id, payer_id, kind, amount, posted_date)
VALUES (9101, 9101, 'payment', -10.00, '2026-03-10');
ROLLBACK;
