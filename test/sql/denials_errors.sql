-- Bad input of revcycle.denials: malformed text (each kind) -> 22P02,
-- corrupt binary -> 22P03, never a crash.
SET search_path = revcycle, public;
\set VERBOSITY sqlstate
SELECT ''::denials;
SELECT '{}'::denials;
SELECT '{"v":2,"codes":[],"invalid":[]}'::denials;
SELECT '{"v":1,"codes":[]}'::denials;
SELECT '{"v":1,"invalid":[],"codes":[]}'::denials;
SELECT '{"v":1,"codes":[{"code":"co-16","n":1,"amount":1}],"invalid":[]}'::denials;
SELECT '{"v":1,"codes":[{"code":"CO16","n":1,"amount":1}],"invalid":[]}'::denials;
SELECT '{"v":1,"codes":[{"code":"CO-1234","n":1,"amount":1}],"invalid":[]}'::denials;
SELECT '{"v":1,"codes":[{"code":"CO-16","n":0,"amount":1}],"invalid":[]}'::denials;
SELECT '{"v":1,"codes":[{"code":"CO-16","n":-1,"amount":1}],"invalid":[]}'::denials;
SELECT '{"v":1,"codes":[{"code":"CO-16","n":1,"amount":1e3}],"invalid":[]}'::denials;
SELECT '{"v":1,"codes":[{"code":"CO-16","n":1,"amount":"NaN"}],"invalid":[]}'::denials;
SELECT '{"v":1,"codes":[{"code":"PR-1","n":1,"amount":1},{"code":"CO-16","n":1,"amount":1}],"invalid":[]}'::denials;
SELECT '{"v":1,"codes":[{"code":"CO-16","n":1,"amount":1},{"code":"CO-16","n":1,"amount":1}],"invalid":[]}'::denials;
SELECT '{"v":1,"codes":[],"invalid":[{"raw":"CO-16","n":1,"amount":1}]}'::denials;
SELECT '{"v":1,"codes":[],"invalid":[{"raw":"abcdefghijklmnopq","n":1,"amount":1}]}'::denials;
SELECT '{"v":1,"codes":[],"invalid":[{"raw":" XX","n":1,"amount":1}]}'::denials;
SELECT '{"v":1,"codes":[],"invalid":[{"raw":"XX","n":1,"amount":1},{"raw":"XX","n":1,"amount":1}]}'::denials;
SELECT '{"v":1,"codes":[],"invalid":[]} extra'::denials;
SELECT '{"v":1,"codes":[{"code":"CO-16","n":1,"amount":1,"x":2}],"invalid":[]}'::denials;
SELECT '{"v":1,"codes":[{"code":"CO-16","n":99999999999999999999,"amount":1}],"invalid":[]}'::denials;

-- NaN/Infinity amounts -> 22023; a count overflow in a merge -> 22003.
SELECT denial_summary('CO-16', 'NaN'::numeric);
SELECT denial_summary('CO-16', 'Infinity'::numeric);
SELECT denial_merge(s) FROM (VALUES ('{"v":1,"codes":[{"code":"CO-16","n":9223372036854775807,"amount":1}],"invalid":[]}'::denials),
                                    ('{"v":1,"codes":[{"code":"CO-16","n":1,"amount":1}],"invalid":[]}'::denials)) v(s);
\set VERBOSITY default

-- Binary: COPY round trip (happy path).
CREATE TEMP TABLE den_bin (s denials);
INSERT INTO den_bin
SELECT denial_summary(code, amount)
  FROM (VALUES ('CO-16', 10.00), ('16', 1.5), ('XX-', 2.00), ('PR-1', 3.00)) v(code, amount);
COPY den_bin TO '/tmp/revcycle_denials_test.bin' (FORMAT binary);
CREATE TEMP TABLE den_bin2 (s denials);
COPY den_bin2 FROM '/tmp/revcycle_denials_test.bin' (FORMAT binary);
SELECT (SELECT s::text FROM den_bin) = (SELECT s::text FROM den_bin2) AS binary_round_trip;

-- Tampered bytes: denials_recv via a bytea -> 22P03.  Built from the
-- send form: version 2, truncated, trailing garbage, a bad key, a
-- lower-case CARC, a zero count, a raw code that is well formed.
\set VERBOSITY sqlstate
-- Each tampered value is written as the only field of a one-row COPY
-- binary file (a bytea column copies its bytes verbatim) and read back
-- into a denials column, which calls denials_recv on those bytes.
CREATE TEMP TABLE den_raw (b bytea);
CREATE TEMP TABLE den_cases AS
WITH good AS (SELECT denials_send(s) AS b FROM den_bin)
SELECT * FROM (VALUES
  ('version 2',        (SELECT set_byte(b, 0, 2) FROM good)),
  ('truncated',        (SELECT substring(b FROM 1 FOR length(b) - 3) FROM good)),
  ('trailing bytes',   (SELECT b || '\x00'::bytea FROM good)),
  ('empty',            ''::bytea),
  ('huge code count',  (SELECT set_byte(b, 1, 127) FROM good)),
  ('bad key bits',     (SELECT set_byte(b, 5, 127) FROM good)),
  ('lower-case carc',  (SELECT set_byte(b, 6, 97) FROM good)),
  ('zero count',       (SELECT overlay(b PLACING '\x0000000000000000'::bytea FROM 10 FOR 8) FROM good)),
  ('raw well formed',  (SELECT overlay(b PLACING convert_to('CO1', 'UTF8') FROM 107 FOR 3) FROM good)),
  ('raw too long',     (SELECT set_byte(b, 105, 200) FROM good))) v(name, b);
-- the untampered value (3 valid codes: CO-16, PR-1, 16; then XX-)
SELECT length(denials_send(s)) AS send_length, substring(denials_send(s) FROM 102 FOR 8) AS invalid_part FROM den_bin;
CREATE FUNCTION pg_temp.try_recv(b bytea) RETURNS text LANGUAGE plpgsql AS $f$
BEGIN
  TRUNCATE den_raw;
  INSERT INTO den_raw VALUES (b);
  COPY den_raw TO '/tmp/revcycle_denials_tampered.bin' (FORMAT binary);
  TRUNCATE den_bin2;
  COPY den_bin2 FROM '/tmp/revcycle_denials_tampered.bin' (FORMAT binary);
  RETURN 'accepted';
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ' ' || SQLERRM;
END $f$;
SELECT name, pg_temp.try_recv(b) AS result FROM den_cases ORDER BY name;
-- the untouched bytes are accepted
SELECT pg_temp.try_recv(denials_send(s)) AS untouched FROM den_bin;
