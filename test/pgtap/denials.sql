-- pgTAP contracts of the denials part of revcycle (issue 4).
BEGIN;
SELECT plan(34);

SELECT has_type('revcycle', 'denials', 'type revcycle.denials exists');
SELECT has_function('revcycle', 'denial_summary', ARRAY['text', 'text', 'numeric'], 'denial_summary(group, carc, amount)');
SELECT has_function('revcycle', 'denial_summary', ARRAY['text', 'numeric'], 'denial_summary(code, amount)');
SELECT has_function('revcycle', 'denial_merge', ARRAY['revcycle.denials'], 'denial_merge(denials)');
SELECT has_function('revcycle', 'denial_codes', ARRAY['revcycle.denials'], 'denial_codes(denials)');
SELECT has_function('revcycle', 'denial_root_causes', ARRAY['revcycle.denials'], 'denial_root_causes(denials)');
SELECT has_function('revcycle', 'load_code_descriptions', ARRAY['text'], 'load_code_descriptions(text)');
SELECT is_aggregate('revcycle', 'denial_summary', ARRAY['text', 'text', 'numeric'], 'denial_summary/3 is an aggregate');
SELECT is_aggregate('revcycle', 'denial_merge', ARRAY['revcycle.denials'], 'denial_merge is an aggregate');
SELECT volatility_is('revcycle', 'denial_root_causes', ARRAY['revcycle.denials'], 'stable', 'denial_root_causes is STABLE (reads a table)');
SELECT volatility_is('revcycle', 'denial_codes', ARRAY['revcycle.denials'], 'stable', 'denial_codes is STABLE (reads a table)');

SELECT is_empty($$
    SELECT p.oid::regprocedure FROM pg_proc p
      JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
      JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'revcycle'
     WHERE (p.proname LIKE 'denial%' OR p.proname IN ('parse_code_csv'))
       AND p.proparallel <> 's'$$, 'every denial function and aggregate is PARALLEL SAFE');
SELECT results_eq($$SELECT aggcombinefn::text FROM pg_aggregate WHERE aggfnoid::text LIKE 'revcycle.denial_%' ORDER BY 1$$,
    $$VALUES ('revcycle.denials_combine'), ('revcycle.denials_combine'), ('revcycle.denials_combine')$$,
    'every denial aggregate has the combine function');
SELECT is((SELECT typalign::text FROM pg_type WHERE oid = 'revcycle.denials'::regtype), 'd', 'denials is double-aligned');

-- Views: security_invoker, every column commented.
SELECT is_empty($$
    SELECT c.relname FROM pg_class c
     WHERE c.relnamespace = 'revcycle'::regnamespace AND c.relkind = 'v'
       AND c.relname IN ('carc_category', 'initial_denial_rate', 'remittance_denial_rate', 'denial_root_cause_pareto',
                         'denial_category_trend', 'coding_denial_share', 'denial_appeal_summary',
                         'denial_writeoff_review', 'denial_writeoff_rate')
       AND NOT coalesce(c.reloptions @> ARRAY['security_invoker=true'], false)$$, 'denial views are security_invoker');
SELECT is((SELECT count(*)::int FROM pg_class c WHERE c.relnamespace = 'revcycle'::regnamespace AND c.relkind = 'v'
            AND c.relname IN ('carc_category', 'initial_denial_rate', 'remittance_denial_rate', 'denial_root_cause_pareto',
                              'denial_category_trend', 'coding_denial_share', 'denial_appeal_summary',
                              'denial_writeoff_review', 'denial_writeoff_rate')), 9, 'all nine denial views exist');
SELECT is_empty($$
    SELECT c.relname || '.' || a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
     WHERE c.relnamespace = 'revcycle'::regnamespace
       AND c.relname IN ('carc_category', 'initial_denial_rate', 'remittance_denial_rate', 'denial_root_cause_pareto',
                         'denial_category_trend', 'coding_denial_share', 'denial_appeal_summary',
                         'denial_writeoff_review', 'denial_writeoff_rate', 'carc_category_default',
                         'carc_category_user', 'code_description')
       AND col_description(c.oid, a.attnum) IS NULL$$, 'every column of the denial tables and views is commented');

-- Reference data: coverage of the categories, no descriptions shipped.
SELECT bag_eq($$SELECT DISTINCT category FROM revcycle.carc_category_default WHERE is_denial$$,
    $$VALUES ('eligibility/registration'), ('authorization'), ('coding'), ('bundling'), ('medical necessity'),
             ('timely filing'), ('duplicate'), ('missing information/documentation'), ('coordination of benefits'),
             ('non-covered/benefit limit'), ('credentialing/enrollment'), ('other')$$,
    'the default covers the twelve denial categories');
SELECT bag_eq($$SELECT carc FROM revcycle.carc_category_default WHERE NOT is_denial$$,
    $$VALUES ('1'), ('2'), ('3'), ('45'), ('253'), ('23'), ('24'),
             -- 0.3.0: pricing CARCs are contractual allowances (domain brief)
             ('42'), ('44'), ('59'), ('90'), ('94'), ('104'), ('131'), ('144'), ('237'),
             ('66'), ('187')$$,
    'non-denials: cost share, CO-45, CO-253, OA-23, CO-24, pricing reductions 42/44/59/90/94/104/131/144/237, cost share 66/187');
SELECT is((SELECT count(*)::int FROM revcycle.code_description), 0, 'no code descriptions are shipped');
SELECT ok((SELECT max(length(label)) FROM revcycle.carc_category_default) <= 40, 'default labels are short (our own)');

-- Survives dumps: the user table and the descriptions are config-dumped, the defaults are not.
SELECT ok((SELECT 'revcycle.carc_category_user'::regclass = ANY (extconfig) FROM pg_extension WHERE extname = 'revcycle'),
    'carc_category_user is dumped by pg_dump');
SELECT ok((SELECT 'revcycle.code_description'::regclass = ANY (extconfig) FROM pg_extension WHERE extname = 'revcycle'),
    'code_description is dumped by pg_dump');
SELECT ok((SELECT NOT ('revcycle.carc_category_default'::regclass = ANY (extconfig)) FROM pg_extension WHERE extname = 'revcycle'),
    'carc_category_default is not dumped (the extension script recreates it)');

-- Survives upgrades: edit a default, add a code, hide a default; then run
-- the refresh a later version's upgrade script runs (rewrite the defaults,
-- here with a changed category for 16 and a new code 300).
INSERT INTO revcycle.carc_category_user (group_code, carc, category, is_denial, label)
VALUES (NULL, '16', 'coding', true, 'Site: 16 is a coding problem'),
       ('CO', 'Z9', 'authorization', true, 'Site code');
INSERT INTO revcycle.carc_category_user (group_code, carc, hidden) VALUES (NULL, '18', true);
CREATE TEMP TABLE den_s AS
SELECT revcycle.denial_summary(code, 1.00) AS s FROM (VALUES ('CO-16'), ('CO-Z9'), ('CO-18'), ('CO-300')) v(code);
SELECT results_eq($$SELECT carc, category FROM revcycle.denial_codes((SELECT s FROM den_s))$$,
    $$VALUES ('16', 'coding'), ('18', 'uncategorized'), ('300', 'uncategorized'), ('Z9', 'authorization')$$,
    'user rows win over defaults; a hidden default falls back');
-- the documented default refresh of a later version
DELETE FROM revcycle.carc_category_default;
INSERT INTO revcycle.carc_category_default (group_code, carc, category, is_denial, label)
VALUES (NULL, '16', 'missing information/documentation', true, 'Missing data v2'),
       (NULL, '18', 'duplicate', true, 'Duplicate v2'),
       (NULL, '300', 'other', true, 'New code v2');
SELECT is((SELECT count(*)::int FROM revcycle.carc_category_user), 3, 'the refresh leaves the user rows intact');
SELECT results_eq($$SELECT carc, category FROM revcycle.denial_codes((SELECT s FROM den_s))$$,
    $$VALUES ('16', 'coding'), ('18', 'uncategorized'), ('300', 'other'), ('Z9', 'authorization')$$,
    'after the refresh: the user''s edit, addition and hide still win; the new default shows');
SELECT throws_ok($$INSERT INTO revcycle.carc_category_user (group_code, carc, category, is_denial) VALUES ('CO', 'Z9', 'x', true)$$,
    '23505', NULL, 'one user row per (group, carc)');
SELECT throws_ok($$INSERT INTO revcycle.carc_category_user (group_code, carc, category, is_denial) VALUES ('ZZ', '16', 'x', true)$$,
    '23514', NULL, 'group codes are checked');

-- Licensed descriptions loader.
SELECT is(revcycle.load_code_descriptions(E'code_type,code,description\r\nCARC,16,"Site text, with a comma"\r\nRARC,N290,"He said ""no"""\r\n'),
    2, 'loader returns the number of codes written');
SELECT is((SELECT description FROM revcycle.code_description WHERE code_type = 'RARC' AND code = 'N290'),
    'He said "no"', 'quoted fields with doubled quotes');
SELECT is(revcycle.load_code_descriptions(E'code_type,code,description\nCARC,16,replaced\n'), 1, 'loading again upserts');
SELECT throws_ok($$SELECT revcycle.load_code_descriptions(E'code,description\n16,x\n')$$, '22P04', NULL, 'a wrong header is refused');
SELECT throws_ok($$SELECT revcycle.load_code_descriptions(E'code_type,code,description\nCARC,16,"open\n')$$, '22P04', NULL, 'an unterminated quote is refused');

SELECT * FROM finish();
ROLLBACK;
