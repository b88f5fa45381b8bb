-- Access given with grant_access must survive pg_dump / pg_restore.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
DROP ROLE IF EXISTS rc_dump_analyst;
CREATE ROLE rc_dump_analyst;
RESET client_min_messages;
SELECT revcycle.grant_access('rc_dump_analyst');
