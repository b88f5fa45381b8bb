
-- ===================================================================
-- DROP EXTENSION never destroys hospital data by accident (src/guard.c).
-- ===================================================================

CREATE FUNCTION @extschema@.drop_guard()
RETURNS event_trigger
LANGUAGE C
AS 'MODULE_PATHNAME', 'rc_drop_guard';
COMMENT ON FUNCTION @extschema@.drop_guard() IS
'Event trigger function of revcycle_drop_guard: refuses DROP EXTENSION revcycle (and DROP SCHEMA revcycle CASCADE) while a revcycle table holds rows or another table has a column of a revcycle type, unless revcycle.allow_drop_with_data is on.';

CREATE EVENT TRIGGER revcycle_drop_guard
    ON ddl_command_start
    WHEN TAG IN ('DROP EXTENSION', 'DROP SCHEMA')
    EXECUTE FUNCTION @extschema@.drop_guard();
COMMENT ON EVENT TRIGGER revcycle_drop_guard IS
'Refuses to drop revcycle together with hospital data; SET revcycle.allow_drop_with_data = on to drop it deliberately (after pg_dump).';
