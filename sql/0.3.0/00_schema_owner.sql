
-- ===================================================================
-- revcycle 0.3.0: installs wherever a DBA runs PostgreSQL.
-- ===================================================================

-- Refuse a schema that someone else prepared.  CREATE EXTENSION uses an
-- existing schema named revcycle as it is: an object its owner planted there
-- (an operator revcycle.<>, a function) would be found before pg_catalog's
-- while this script runs, and run as the installing superuser.  The schema
-- must belong to the installing role or to a superuser.
DO $rc_owner$
DECLARE
    owner pg_catalog.name;
BEGIN
    SELECT r.rolname INTO owner
      FROM pg_catalog.pg_namespace n
      JOIN pg_catalog.pg_roles r ON r.oid OPERATOR(pg_catalog.=) n.nspowner
     WHERE n.oid OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
       AND NOT r.rolsuper
       AND r.rolname OPERATOR(pg_catalog.<>) CURRENT_USER;
    IF FOUND THEN
        RAISE EXCEPTION 'schema "@extschema@" is owned by role "%", not by the installing role "%"',
                        owner, CURRENT_USER
            USING ERRCODE = '42501',
                  HINT = 'Drop the schema, or make the installing role or a superuser its owner (ALTER SCHEMA ... OWNER TO), then check what it contains before installing revcycle into it.';
    END IF;
END
$rc_owner$;
