-- Access for analysts and loaders that survives ALTER EXTENSION UPDATE
-- (grant_access, revoke_access, apply_access, access_grant).
\set SHOW_CONTEXT never
SET client_min_messages = warning;
DROP ROLE IF EXISTS regress_rc_old_analyst;
DROP ROLE IF EXISTS regress_rc_old_loader;
DROP ROLE IF EXISTS regress_rc_analyst2;
DROP ROLE IF EXISTS regress_rc_loader2;
CREATE ROLE regress_rc_old_analyst;
CREATE ROLE regress_rc_old_loader;
CREATE ROLE regress_rc_analyst2;
CREATE ROLE regress_rc_loader2;
RESET client_min_messages;

-- What a role cannot read or (for a loader) write: both lists must be empty.
CREATE FUNCTION pg_temp.rc_missing(r name, loader bool)
RETURNS TABLE (missing text) LANGUAGE sql AS $$
    SELECT c.relname || ' ' || p.priv
      FROM pg_class c
     CROSS JOIN LATERAL (VALUES ('SELECT'), ('INSERT')) AS p(priv)
     WHERE c.relnamespace = 'revcycle'::regnamespace AND c.relkind IN ('r', 'v')
       AND (p.priv = 'SELECT' OR (loader AND c.relkind = 'r' AND c.relname <> 'access_grant'))
       AND NOT has_table_privilege(r, c.oid, p.priv)
    UNION ALL
    SELECT 'schema USAGE' WHERE NOT has_schema_privilege(r, 'revcycle', 'USAGE')
    UNION ALL
    SELECT c.relname || ' USAGE'
      FROM pg_class c
     WHERE loader AND c.relnamespace = 'revcycle'::regnamespace AND c.relkind = 'S'
       AND CASE WHEN c.relkind = 'S' THEN NOT has_sequence_privilege(r, c.oid, 'USAGE') END
    ORDER BY 1
$$;

-- 1. A database on 0.1.0 whose DBA followed the old README's grants.  Before
--    0.3.0, ALTER EXTENSION UPDATE left the roles without the new objects
--    (permission denied for view month_end_balances).
DROP EXTENSION revcycle;
CREATE EXTENSION revcycle VERSION '0.1.0';
GRANT USAGE ON SCHEMA revcycle TO regress_rc_old_analyst, regress_rc_old_loader;
GRANT SELECT ON ALL TABLES IN SCHEMA revcycle TO regress_rc_old_analyst, regress_rc_old_loader;
GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA revcycle TO regress_rc_old_loader;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA revcycle TO regress_rc_old_loader;
ALTER EXTENSION revcycle UPDATE;
SELECT extversion FROM pg_extension WHERE extname = 'revcycle';
-- The upgrade recorded both roles, by what they could do.
SELECT role_name, access FROM revcycle.access_grant ORDER BY 1;
SELECT * FROM pg_temp.rc_missing('regress_rc_old_analyst', false);
SELECT * FROM pg_temp.rc_missing('regress_rc_old_loader', true);
SET ROLE regress_rc_old_analyst;
SELECT count(*) AS month_end_rows FROM revcycle.month_end_balances;
RESET ROLE;

-- 2. grant_access on a fresh install: the analyst reads everything and
--    writes nothing; the loader writes the tables and uses the sequences.
SET revcycle.allow_drop_with_data = on;
DROP EXTENSION revcycle;
RESET revcycle.allow_drop_with_data;
CREATE EXTENSION revcycle;
SELECT revcycle.grant_access('regress_rc_analyst2');
SELECT revcycle.grant_access('regress_rc_loader2', 'loader');
SELECT role_name, access FROM revcycle.access_grant ORDER BY 1;
SELECT * FROM pg_temp.rc_missing('regress_rc_analyst2', false);
SELECT * FROM pg_temp.rc_missing('regress_rc_loader2', true);
BEGIN;
SET LOCAL ROLE regress_rc_loader2;
INSERT INTO revcycle.payer (name, payer_class) VALUES ('Loader Mutual', 'commercial');
SELECT name FROM revcycle.payer;
ROLLBACK;
BEGIN;
SET LOCAL ROLE regress_rc_analyst2;
INSERT INTO revcycle.payer (name, payer_class) VALUES ('Analyst Mutual', 'commercial');
ROLLBACK;
-- Nobody but the owner changes who has access.
BEGIN;
SET LOCAL ROLE regress_rc_loader2;
SELECT revcycle.grant_access('regress_rc_loader2', 'analyst');
ROLLBACK;
SELECT revcycle.grant_access('regress_rc_analyst2', 'owner');

-- 3. What a later version adds or recreates is granted by apply_access(),
--    which the last part of every install and upgrade script runs.  Here a
--    view is added the way an upgrade script would, then apply_access().
BEGIN;
CREATE VIEW revcycle.future_view AS SELECT 1 AS x;
ALTER EXTENSION revcycle ADD VIEW revcycle.future_view;
SELECT * FROM pg_temp.rc_missing('regress_rc_analyst2', false);
SELECT revcycle.apply_access() AS roles_granted;
SELECT * FROM pg_temp.rc_missing('regress_rc_analyst2', false);
ROLLBACK;
-- Every upgrade script from 0.3.0 on ends with that call.
SELECT f AS upgrade_script,
       btrim(split_part(rtrim(pg_read_file(d || '/extension/' || f), E'\n'), E'\n', -1)) AS last_line
  FROM (SELECT setting AS d FROM pg_config WHERE name = 'SHAREDIR') s,
       pg_ls_dir((SELECT setting FROM pg_config WHERE name = 'SHAREDIR') || '/extension') AS f
 WHERE f LIKE 'revcycle--%--%.sql'
   AND string_to_array(substring(f FROM '--([0-9.]+)\.sql$'), '.')::int[] >= '{0,3,0}'
 ORDER BY 1;

-- 4. A loader turned analyst loses its writes; revoke_access takes all back.
SELECT revcycle.grant_access('regress_rc_loader2', 'analyst');
SELECT has_table_privilege('regress_rc_loader2', 'revcycle.ledger', 'INSERT') AS loader_can_insert,
       has_table_privilege('regress_rc_loader2', 'revcycle.ledger', 'SELECT') AS loader_can_select;
SELECT revcycle.revoke_access('regress_rc_loader2');
SELECT revcycle.revoke_access('regress_rc_analyst2');
SELECT has_schema_privilege('regress_rc_analyst2', 'revcycle', 'USAGE') AS analyst_has_usage,
       has_table_privilege('regress_rc_analyst2', 'revcycle.ledger', 'SELECT') AS analyst_can_select;
SELECT role_name, access FROM revcycle.access_grant ORDER BY 1;

-- Clean up: roles are cluster-wide.
SELECT revcycle.revoke_access('regress_rc_old_analyst');
SELECT revcycle.revoke_access('regress_rc_old_loader');
-- (Grants made while an install or upgrade script runs are recorded as the
-- objects' initial privileges; PostgreSQL 17 and later then want DROP OWNED
-- before DROP ROLE.)
DROP OWNED BY regress_rc_old_analyst, regress_rc_old_loader, regress_rc_analyst2, regress_rc_loader2;
DROP ROLE regress_rc_old_analyst;
DROP ROLE regress_rc_old_loader;
DROP ROLE regress_rc_analyst2;
DROP ROLE regress_rc_loader2;
