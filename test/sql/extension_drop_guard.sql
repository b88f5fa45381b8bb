-- DROP EXTENSION revcycle must never destroy hospital data without an
-- explicit step (src/guard.c, event trigger revcycle_drop_guard).  Every
-- case runs in a transaction that is rolled back, so the extension stays.
\set VERBOSITY default

-- 1. A table with rows: refused, the table is named, SQLSTATE 2BP01.
BEGIN;
INSERT INTO revcycle.payer (name, payer_class, timely_filing_days)
VALUES ('Guard Mutual', 'commercial', 90);
DROP EXTENSION revcycle;
\echo SQLSTATE :LAST_ERROR_SQLSTATE
ROLLBACK;

-- 2. The same through DROP SCHEMA ... CASCADE, which drops the extension too.
BEGIN;
INSERT INTO revcycle.payer (name, payer_class, timely_filing_days)
VALUES ('Guard Mutual', 'commercial', 90);
DROP SCHEMA revcycle CASCADE;
ROLLBACK;

-- 3. No rows anywhere, but a user's rollup table stores summaries: CASCADE
--    would drop its column, so this is refused too and the column named.
BEGIN;
CREATE TABLE public.guard_rollup (month date, a revcycle.aging, d revcycle.denials[]);
DROP EXTENSION revcycle CASCADE;
ROLLBACK;

-- 4. The explicit step: with revcycle.allow_drop_with_data on, the drop goes
--    through, data and all.
BEGIN;
INSERT INTO revcycle.payer (name, payer_class, timely_filing_days)
VALUES ('Guard Mutual', 'commercial', 90);
SET LOCAL revcycle.allow_drop_with_data = on;
DROP EXTENSION revcycle;
SELECT count(*) AS revcycle_installed FROM pg_extension WHERE extname = 'revcycle';
ROLLBACK;

-- 5. Nothing to lose: an empty install drops without the setting.
BEGIN;
DROP EXTENSION revcycle;
SELECT count(*) AS revcycle_installed FROM pg_extension WHERE extname = 'revcycle';
ROLLBACK;

-- 6. Other DROPs are not the guard's business, data or not.
BEGIN;
INSERT INTO revcycle.payer (name, payer_class, timely_filing_days)
VALUES ('Guard Mutual', 'commercial', 90);
CREATE SCHEMA guard_other;
CREATE TABLE guard_other.t (x int);
DROP SCHEMA guard_other CASCADE;
DROP EXTENSION IF EXISTS guard_no_such_extension;
DROP SCHEMA revcycle;   -- without CASCADE: PostgreSQL's own dependency error
ROLLBACK;

SELECT extname, extversion FROM pg_extension WHERE extname = 'revcycle';
