-- ALTER EXTENSION revcycle UPDATE from every released version (0.1.0, 0.2.0)
-- must give exactly what a fresh install of the current version gives, and
-- keep the user's rows.
-- The fingerprint covers every member object of the extension: its identity,
-- plus the full definition of functions, views, tables (columns, types,
-- defaults, constraints), types and comments.
CREATE FUNCTION pg_temp.revcycle_fingerprint()
RETURNS TABLE (obj text, def text)
LANGUAGE sql AS $$
    SELECT pg_describe_object(d.classid, d.objid, 0),
           md5(coalesce(CASE d.classid
               WHEN 'pg_proc'::regclass THEN
                   (SELECT CASE WHEN p.prokind = 'a' THEN
                               concat_ws(' ', pg_get_function_arguments(p.oid), p.proparallel,
                                         a.aggtransfn, a.aggcombinefn, a.aggfinalfn,
                                         a.aggtranstype::regtype, a.agginitval)
                           ELSE pg_get_functiondef(p.oid) END
                      FROM pg_proc p LEFT JOIN pg_aggregate a ON a.aggfnoid = p.oid
                     WHERE p.oid = d.objid)
               WHEN 'pg_class'::regclass THEN
                   (SELECT string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                                      || coalesce(' default ' || pg_get_expr(ad.adbin, ad.adrelid), '')
                                      || CASE WHEN a.attnotnull THEN ' not null' ELSE '' END, ', ' ORDER BY a.attnum)
                      FROM pg_attribute a LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
                     WHERE a.attrelid = d.objid AND a.attnum > 0 AND NOT a.attisdropped)
                   || coalesce(pg_get_viewdef(d.objid), '')
                   || coalesce((SELECT string_agg(c.conname || ' ' || pg_get_constraintdef(c.oid), ', ' ORDER BY c.conname)
                                  FROM pg_constraint c WHERE c.conrelid = d.objid), '')
                   || coalesce((SELECT string_agg(pg_get_indexdef(i.indexrelid), ', ' ORDER BY pg_get_indexdef(i.indexrelid))
                                  FROM pg_index i WHERE i.indrelid = d.objid), '')
               WHEN 'pg_type'::regclass THEN
                   (SELECT coalesce(string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder), '')
                      FROM pg_enum e WHERE e.enumtypid = d.objid)
               END, '')
               || coalesce(obj_description(d.objid, (SELECT relname FROM pg_class WHERE oid = d.classid)), ''))
    FROM pg_depend d
    JOIN pg_extension x ON x.oid = d.refobjid AND x.extname = 'revcycle'
    WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
$$;

SELECT extversion AS fresh_version FROM pg_extension WHERE extname = 'revcycle';
CREATE TEMP TABLE fresh AS SELECT * FROM pg_temp.revcycle_fingerprint();
SELECT count(*) > 50 AS has_many_objects FROM fresh;

-- Path 1: 0.1.0 -> current.
DROP EXTENSION revcycle CASCADE;
CREATE EXTENSION revcycle VERSION '0.1.0';
-- user data written under 0.1.0
INSERT INTO revcycle.payer (name, payer_class, timely_filing_days)
VALUES ('Lakeside Mutual', 'commercial', 90);
ALTER EXTENSION revcycle UPDATE;
SELECT extversion AS updated_version FROM pg_extension WHERE extname = 'revcycle';
CREATE TEMP TABLE updated AS SELECT * FROM pg_temp.revcycle_fingerprint();

-- Both lists must be empty.
SELECT 'only in fresh install' AS side, obj FROM (SELECT * FROM fresh EXCEPT SELECT * FROM updated) s
UNION ALL
SELECT 'only after update', obj FROM (SELECT * FROM updated EXCEPT SELECT * FROM fresh) s
ORDER BY 1, 2;

SELECT name, payer_class, timely_filing_days FROM revcycle.payer;

-- Path 2: 0.2.0 -> current.
SET revcycle.allow_drop_with_data = on;
DROP EXTENSION revcycle CASCADE;
RESET revcycle.allow_drop_with_data;
CREATE EXTENSION revcycle VERSION '0.2.0';
INSERT INTO revcycle.payer (name, payer_class, timely_filing_days)
VALUES ('Harbor Health Plan', 'managed_care', 120);
ALTER EXTENSION revcycle UPDATE;
SELECT extversion AS updated_version FROM pg_extension WHERE extname = 'revcycle';
CREATE TEMP TABLE updated_from_020 AS SELECT * FROM pg_temp.revcycle_fingerprint();

-- Both lists must be empty.
SELECT 'only in fresh install' AS side, obj FROM (SELECT * FROM fresh EXCEPT SELECT * FROM updated_from_020) s
UNION ALL
SELECT 'only after update', obj FROM (SELECT * FROM updated_from_020 EXCEPT SELECT * FROM fresh) s
ORDER BY 1, 2;

SELECT name, payer_class, timely_filing_days FROM revcycle.payer;

-- Leave a fresh install behind for the tests that follow.
SET revcycle.allow_drop_with_data = on;
DROP EXTENSION revcycle CASCADE;
RESET revcycle.allow_drop_with_data;
CREATE EXTENSION revcycle;
