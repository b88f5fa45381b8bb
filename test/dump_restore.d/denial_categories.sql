-- A site's own edits to the denial reason-code reference, which must
-- survive pg_dump / pg_restore: recategorise a default, add a code, hide a
-- default, and load a licensed description.
\set ON_ERROR_STOP 1
INSERT INTO revcycle.carc_category_user (group_code, carc, category, is_denial, label)
VALUES ('CO', '16', 'coding', true, 'site: missing info handled by coding'),
       (NULL, 'P9', 'other', true, 'site-specific payer code');
INSERT INTO revcycle.carc_category_user (group_code, carc, hidden) VALUES (NULL, '45', true);
SELECT revcycle.load_code_descriptions(E'code_type,code,description\nCARC,16,"Site licensed text, quoted, with a comma"\n');
