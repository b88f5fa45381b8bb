
-- ===================================================================
-- Access for analysts and loaders that survives upgrades.
-- grant_access() records a role and what it may do; apply_access() grants
-- exactly that on every object of the schema, and runs at the end of every
-- install and upgrade script (part 99_), so objects a later version adds or
-- recreates are granted too.  The records are dumped by pg_dump.
-- ===================================================================

CREATE TABLE @extschema@.access_grant (
    role_name   pg_catalog.name NOT NULL PRIMARY KEY,
    access      pg_catalog.text NOT NULL
        CONSTRAINT access_grant_access_known
        CHECK (access OPERATOR(pg_catalog.=) ANY (ARRAY['analyst', 'loader']::pg_catalog.text[])),
    granted_at  pg_catalog.timestamptz NOT NULL DEFAULT pg_catalog.now()
);
COMMENT ON TABLE @extschema@.access_grant IS
'Roles given access to revcycle with grant_access(), re-applied by apply_access() after every upgrade.';
COMMENT ON COLUMN @extschema@.access_grant.role_name IS 'The role (by name, so that pg_dump/pg_restore to another cluster keeps it).';
COMMENT ON COLUMN @extschema@.access_grant.access IS
'analyst: USAGE on the schema, SELECT on every table and view, EXECUTE on every function. loader: analyst, plus INSERT, UPDATE, DELETE on the tables and USAGE on the sequences (to load data and run load_835).';
COMMENT ON COLUMN @extschema@.access_grant.granted_at IS 'When grant_access() last recorded the role.';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.access_grant', '');

CREATE FUNCTION @extschema@.apply_access(role pg_catalog.regrole DEFAULT NULL)
RETURNS pg_catalog.int4
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $rc$
DECLARE
    g record;
    obj record;
    n pg_catalog.int4 := 0;
BEGIN
    FOR g IN SELECT a.role_name, a.access
               FROM @extschema@.access_grant a
              WHERE role IS NULL OR a.role_name OPERATOR(pg_catalog.=) role::pg_catalog.text::pg_catalog.name
              ORDER BY a.role_name
    LOOP
        IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles r WHERE r.rolname OPERATOR(pg_catalog.=) g.role_name) THEN
            RAISE NOTICE 'revcycle: role "%" recorded in access_grant does not exist; skipped', g.role_name;
            CONTINUE;
        END IF;
        EXECUTE pg_catalog.format('GRANT USAGE ON SCHEMA %I TO %I', '@extschema@', g.role_name);
        FOR obj IN SELECT c.oid::pg_catalog.regclass AS rel, c.relkind
                     FROM pg_catalog.pg_class c
                    WHERE c.relnamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
                      AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                    ORDER BY c.oid
        LOOP
            IF obj.relkind OPERATOR(pg_catalog.=) 'S' THEN
                IF g.access OPERATOR(pg_catalog.=) 'loader' THEN
                    EXECUTE pg_catalog.format('GRANT USAGE, SELECT ON SEQUENCE %s TO %I', obj.rel, g.role_name);
                END IF;
            ELSIF obj.relkind IN ('r', 'p') AND g.access OPERATOR(pg_catalog.=) 'loader'
                  AND obj.rel OPERATOR(pg_catalog.<>) '@extschema@.access_grant'::pg_catalog.regclass THEN
                EXECUTE pg_catalog.format('GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE %s TO %I', obj.rel, g.role_name);
            ELSE
                EXECUTE pg_catalog.format('GRANT SELECT ON TABLE %s TO %I', obj.rel, g.role_name);
            END IF;
        END LOOP;
        FOR obj IN SELECT p.oid::pg_catalog.regprocedure AS fn, p.prokind
                     FROM pg_catalog.pg_proc p
                    WHERE p.pronamespace OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
                    ORDER BY p.oid
        LOOP
            EXECUTE pg_catalog.format('GRANT EXECUTE ON %s %s TO %I',
                                      CASE WHEN obj.prokind OPERATOR(pg_catalog.=) 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END,
                                      obj.fn, g.role_name);
        END LOOP;
        n := n OPERATOR(pg_catalog.+) 1;
    END LOOP;
    RETURN n;
END
$rc$;
COMMENT ON FUNCTION @extschema@.apply_access(pg_catalog.regrole) IS
'Grants each role recorded in access_grant (or only the given one) what its access level needs on every current object of revcycle; returns the number of roles granted. Runs at the end of every install and upgrade script; a DBA may run it any time.';

CREATE FUNCTION @extschema@.grant_access(role pg_catalog.regrole, access pg_catalog.text DEFAULT 'analyst')
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $rc$
BEGIN
    IF role IS NULL OR access IS NULL
       OR access OPERATOR(pg_catalog.<>) ALL (ARRAY['analyst', 'loader']::pg_catalog.text[]) THEN
        RAISE EXCEPTION 'revcycle access must be ''analyst'' or ''loader'', not %', coalesce(pg_catalog.quote_literal(access), 'NULL')
            USING ERRCODE = '22023';
    END IF;
    -- A loader that becomes an analyst loses its write privileges (and a
    -- caller who does not own the schema is refused there).
    PERFORM @extschema@.revoke_access(role, forget => false);
    -- The row's trigger grants (access_grant_apply).
    INSERT INTO @extschema@.access_grant AS a (role_name, access)
    VALUES (role::pg_catalog.text::pg_catalog.name, access)
    ON CONFLICT (role_name) DO UPDATE SET access = excluded.access, granted_at = pg_catalog.now();
END
$rc$;
COMMENT ON FUNCTION @extschema@.grant_access(pg_catalog.regrole, pg_catalog.text) IS
'Gives a role access to revcycle: ''analyst'' (read every table and view, run every function) or ''loader'' (analyst plus writing the tables, e.g. load_835). Recorded in access_grant and re-applied after every ALTER EXTENSION revcycle UPDATE. Needs the privileges to grant (the extension owner).';

CREATE FUNCTION @extschema@.revoke_access(role pg_catalog.regrole, forget pg_catalog.bool DEFAULT true)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $rc$
BEGIN
    IF NOT pg_catalog.pg_has_role(CURRENT_USER,
              (SELECT n.nspowner FROM pg_catalog.pg_namespace n
                WHERE n.oid OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace), 'USAGE') THEN
        RAISE EXCEPTION 'only the owner of schema "@extschema@" may change who has access to revcycle'
            USING ERRCODE = '42501';
    END IF;
    EXECUTE pg_catalog.format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM %I', '@extschema@', role);
    EXECUTE pg_catalog.format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM %I', '@extschema@', role);
    EXECUTE pg_catalog.format('REVOKE ALL ON ALL FUNCTIONS IN SCHEMA %I FROM %I', '@extschema@', role);
    EXECUTE pg_catalog.format('REVOKE ALL ON ALL PROCEDURES IN SCHEMA %I FROM %I', '@extschema@', role);
    EXECUTE pg_catalog.format('REVOKE ALL ON SCHEMA %I FROM %I', '@extschema@', role);
    IF forget THEN
        DELETE FROM @extschema@.access_grant a
         WHERE a.role_name OPERATOR(pg_catalog.=) role::pg_catalog.text::pg_catalog.name;
    END IF;
END
$rc$;
COMMENT ON FUNCTION @extschema@.revoke_access(pg_catalog.regrole, pg_catalog.bool) IS
'Takes back every privilege a role holds on revcycle''s schema and objects (functions keep PUBLIC''s EXECUTE) and, unless forget is false, removes it from access_grant.';

-- A row in access_grant means the role has that access: the row's insert or
-- update grants it.  This also restores grants after pg_restore, which loads
-- access_grant's rows after CREATE EXTENSION (grants made while an extension
-- script runs are the objects' initial privileges, which pg_dump leaves out).
CREATE FUNCTION @extschema@.access_grant_apply()
RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $rc$
BEGIN
    IF EXISTS (SELECT FROM pg_catalog.pg_roles r WHERE r.rolname OPERATOR(pg_catalog.=) NEW.role_name) THEN
        PERFORM @extschema@.apply_access(NEW.role_name::pg_catalog.text::pg_catalog.regrole);
    ELSE
        RAISE NOTICE 'revcycle: role "%" does not exist; recorded in access_grant, granted once it exists (apply_access())',
                     NEW.role_name;
    END IF;
    RETURN NULL;
END
$rc$;
COMMENT ON FUNCTION @extschema@.access_grant_apply() IS
'Trigger function of access_grant: grants a recorded role its access when its row is inserted or changed (grant_access, pg_restore).';
CREATE TRIGGER access_grant_apply
    AFTER INSERT OR UPDATE ON @extschema@.access_grant
    FOR EACH ROW EXECUTE FUNCTION @extschema@.access_grant_apply();
COMMENT ON TRIGGER access_grant_apply ON @extschema@.access_grant IS
'Grants the role of each inserted or changed row what its access level needs.';

-- Upgrading from 0.1.0 or 0.2.0: the README told DBAs to grant by hand.
-- Record each role that was given USAGE on the schema and SELECT on the
-- ledger, as a loader if it may insert into the ledger, else as an analyst,
-- so that what this and later versions add or recreate is granted to it too.
-- (On a fresh install nobody has been granted the new ledger yet, unless by
-- the installer's default privileges, which then agree.)
INSERT INTO @extschema@.access_grant (role_name, access)
SELECT r.rolname,
       CASE WHEN pg_catalog.has_table_privilege(r.oid, '@extschema@.ledger', 'INSERT')
            THEN 'loader' ELSE 'analyst' END
  FROM pg_catalog.pg_namespace n,
       pg_catalog.aclexplode(n.nspacl) AS acl
  JOIN pg_catalog.pg_roles r ON r.oid OPERATOR(pg_catalog.=) acl.grantee
 WHERE n.oid OPERATOR(pg_catalog.=) '@extschema@'::pg_catalog.regnamespace
   AND acl.privilege_type OPERATOR(pg_catalog.=) 'USAGE'
   AND acl.grantee OPERATOR(pg_catalog.<>) n.nspowner
   AND NOT r.rolsuper
   AND pg_catalog.has_table_privilege(r.oid, '@extschema@.ledger', 'SELECT')
ON CONFLICT (role_name) DO NOTHING;
