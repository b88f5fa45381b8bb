-- Installing into a schema "revcycle" that another role prepared must be
-- refused: objects its owner planted there (here an operator <> on
-- (numeric, integer), which the 0.2.0 script bound into the constraint
-- ledger_amount_nonzero and into SQL function bodies) would otherwise be
-- found before pg_catalog's while the install script runs, and then run as
-- the superuser on every insert.
-- (PostgreSQL 18 adds the script's statement to the context: not shown.)
\set SHOW_CONTEXT never
SET client_min_messages = warning;
DROP ROLE IF EXISTS regress_rc_mallory;
CREATE ROLE regress_rc_mallory;
RESET client_min_messages;
DO $$ BEGIN EXECUTE format('GRANT CREATE ON DATABASE %I TO regress_rc_mallory', current_database()); END $$;

DROP EXTENSION revcycle;
DROP SCHEMA revcycle;

SET ROLE regress_rc_mallory;
CREATE SCHEMA revcycle;
CREATE FUNCTION revcycle.planted_ne(numeric, integer) RETURNS boolean
    LANGUAGE sql AS $$ SELECT $1 <> $2 $$;
CREATE OPERATOR revcycle.<> (FUNCTION = revcycle.planted_ne, LEFTARG = numeric, RIGHTARG = integer);
RESET ROLE;

-- Refused, with the owner named; nothing is installed.
CREATE EXTENSION revcycle;
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT count(*) AS installed FROM pg_extension WHERE extname = 'revcycle';

-- Released 0.2.0 has no such check (released scripts are never edited): it
-- installs, and binds the planted operator.  The update to 0.3.0 then runs
-- the check against the schema owner and refuses.
CREATE EXTENSION revcycle VERSION '0.2.0';
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'ledger_amount_nonzero';
ALTER EXTENSION revcycle UPDATE;
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT extversion FROM pg_extension WHERE extname = 'revcycle';
DROP EXTENSION revcycle;

-- A schema the installer (or another superuser) owns is fine.
DROP SCHEMA revcycle CASCADE;
CREATE SCHEMA revcycle;
CREATE EXTENSION revcycle;
SELECT extversion FROM pg_extension WHERE extname = 'revcycle';
-- and the constraint uses pg_catalog's operator
SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'ledger_amount_nonzero';

DO $$ BEGIN EXECUTE format('REVOKE CREATE ON DATABASE %I FROM regress_rc_mallory', current_database()); END $$;
DROP ROLE regress_rc_mallory;
