-- Known-answer tests of revcycle.denials: spellings, unknown and malformed
-- codes, NULL rules, non-denials, Pareto order and ties, merges.
SET search_path = revcycle, public;

-- Every spelling of CO-16 lands on one code:
-- 'CO-16' 10.00 + 'CO16' 5.00 + 'co 16' 1.50 + 'CO*16' 2.00 + ' CO - 16 ' 0.25
--   = 18.75 over 5 adjustments; a bare ' 16 ' (group unknown) stays apart.
SELECT denial_summary(code, amount)
  FROM (VALUES ('CO-16', 10.00), ('CO16', 5.00), ('co 16', 1.50), ('CO*16', 2.00),
               (' CO - 16 ', 0.25), (' 16 ', 3.00)) v(code, amount);

-- NULL code or NULL amount rows are left out; no counted row -> NULL (like sum).
SELECT denial_summary(code, amount) IS NULL AS all_null
  FROM (VALUES (NULL, 1.00), ('CO-16', NULL)) v(code, amount);
SELECT denial_summary(code, amount)
  FROM (VALUES (NULL, 1.00), ('CO-16', NULL), ('PR-1', 7.00)) v(code, amount);

-- Malformed codes are kept with their raw text (blanks trimmed, first 16
-- characters): 'XX-', 'CO-1234' (4 characters), '' and '   ' (both raw ''),
-- 'CO-' (no reason), and a long string cut to 16 characters.
SELECT * FROM denial_codes((
  SELECT denial_summary(code, amount)
    FROM (VALUES ('XX-', 1.00), ('CO-1234', 2.00), ('', 3.00), ('   ', 4.00),
                 ('CO-', 5.00), ('this is not a code at all', 6.00)) v(code, amount)));

-- Three-argument form: group and CARC columns, in any case, blank group =
-- unknown, CARC column may carry the group itself; a conflicting or
-- unknown group is malformed ("PR-CO-16", "XX-16").
-- CO-16: 1.00 + 2.00 + 3.00 = 6.00 (3); bare 4: 6.00; PR-CO-16 5.00; XX-16 4.00
SELECT * FROM denial_codes((
  SELECT denial_summary(g, c, a)
    FROM (VALUES ('CO', '16', 1.00), (NULL, 'CO-16', 2.00), ('co', '16', 3.00),
                 ('XX', '16', 4.00), ('PR', 'CO-16', 5.00), (' ', '4', 6.00),
                 ('CO', NULL, 9.00), ('CO', '16', NULL)) v(g, c, a)));

-- Categories: PR-1/2/3, CO-45, CO-253, OA-23, CO-24 are not denials;
-- CO-999 is unknown -> uncategorized (a denial); lower-case b7 -> B7.
SELECT * FROM denial_codes((
  SELECT denial_summary(code, amount)
    FROM (VALUES ('PR-1', 100.00), ('PR-2', 20.00), ('PR-3', 15.00), ('CO-45', 500.00),
                 ('CO-253', 8.00), ('OA-23', 40.00), ('CO-24', 60.00), ('CO-999', 3.00),
                 ('co-b7', 12.00), ('CO-197', 80.00)) v(code, amount)));

-- Pareto: non-denials (PR-1 1000, CO-45 900) left out.  Denied dollars:
--   authorization  CO-197 80 + CO-15 20                  = 100
--   coding         CO-4 30 + CO-11 30 + CO-181 10 + CO-5 5 =  75
--   duplicate      CO-18 50                               =  50
--   bundling       CO-97 25                               =  25 (tie with timely
--   timely filing  CO-29 25                               =  25  filing: by name)
--   total 100 + 75 + 50 + 25 + 25 = 275
-- top_codes of coding: 30, 30 (tie: CO-11 before CO-4 by code text), 10;
-- CO-5 (the 4th) is not listed.
SELECT * FROM denial_root_causes((
  SELECT denial_summary(code, amount)
    FROM (VALUES ('CO-197', 80.00), ('CO-15', 20.00), ('CO-4', 30.00), ('CO-11', 30.00),
                 ('CO-181', 10.00), ('CO-5', 5.00), ('CO-18', 50.00), ('CO-97', 25.00),
                 ('CO-29', 25.00), ('PR-1', 1000.00), ('CO-45', 900.00)) v(code, amount)));
-- shares: 100/275 = 0.3636..., 75/275 = 0.2727..., 50/275 = 0.1818..., 25/275 = 0.0909...;
-- cumulative: 0.3636, 175/275 = 0.6364, 225/275 = 0.8182, 250/275 = 0.9091, 275/275 = 1.

-- Malformed and uncategorized codes appear in the Pareto (never dropped).
SELECT category, adjustments, amount, top_codes FROM denial_root_causes((
  SELECT denial_summary(code, amount)
    FROM (VALUES ('XX-', 7.00), ('CO-999', 3.00), ('ZZ9', 2.00), ('CO-45', 5.00)) v(code, amount)));

-- Only non-denials: no Pareto rows.  Zero denied dollars: shares NULL.
SELECT count(*) FROM denial_root_causes((SELECT denial_summary('PR-1', 5.00)));
SELECT * FROM denial_root_causes((
  SELECT denial_summary(code, amount) FROM (VALUES ('CO-16', 5.00), ('CO-16', -5.00)) v(code, amount)));

-- Merges: months merged equal the summary of all rows.
-- Jan: CO-16 10.00, CO-197 5.00; Feb: CO-16 2.50, XX- 1.00; Mar: no rows (NULL, skipped)
-- merged: CO-16 12.50 (2), CO-197 5.00 (1), XX- 1.00 (1)
WITH rows(month, code, amount) AS (
  VALUES (1, 'CO-16', 10.00), (1, 'CO-197', 5.00), (2, 'CO-16', 2.50), (2, 'XX-', 1.00)),
monthly AS (
  SELECT month, denial_summary(code, amount) AS s FROM rows GROUP BY month
  UNION ALL SELECT 3, NULL::denials)
SELECT denial_merge(s)::text AS merged,
       denial_merge(s)::text = (SELECT denial_summary(code, amount)::text FROM rows) AS equals_all
  FROM monthly;
SELECT denial_merge(s) IS NULL AS merge_of_nulls FROM (VALUES (NULL::denials)) v(s);

-- Growth: 600 distinct codes (300 CARCs x 2 groups), 100000 rows; the
-- hash table doubles several times.  Sum of i/100 for i = 1..100000 per
-- group = 100000 * 100001 / 2 / 100 = 50000500.00; twice = 100001000.00.
SELECT denial_code_count(s) AS codes,
       (SELECT sum(adjustments) FROM denial_codes(s)) AS adjustments,
       (SELECT sum(amount) FROM denial_codes(s)) AS amount
  FROM (SELECT denial_summary(g || '-' || (i % 300)::text, (i / 100.0)::numeric(14,2)) AS s
          FROM generate_series(1, 100000) i, (VALUES ('CO'), ('PR')) v(g)) x;

-- Text round trip and the canonical order (unknown group after groups).
SELECT '{"v":1,"codes":[{"code":"CO-16","n":2,"amount":3.50},{"code":"PR-1","n":1,"amount":1},{"code":"16","n":1,"amount":-2.00}],"invalid":[{"raw":"X\"Y","n":1,"amount":0.10}]}'::denials;

-- Exact money: scale kept, no rounding:
-- 0.1 + 0.2 + 0.000000001 + 99999999999999.99 = 100000000000000.290000001
SELECT amount FROM denial_codes((
  SELECT denial_summary(code, amount)
    FROM (VALUES ('CO-16', 0.1), ('CO-16', 0.2), ('CO-16', 0.000000001), ('CO-16', 99999999999999.99)) v(code, amount)));

-- Random data cross-checked against the plain-SQL GROUP BY (exact equality).
CREATE TEMP TABLE rnd AS
SELECT (ARRAY['CO','PR','OA','PI','CR'])[1 + (hashint4(i) & 4)] AS g,
       (1 + (hashint4(i * 31) & 255) % 40)::text AS c,
       round(((hashint4(i * 17) % 100000) / 100.0)::numeric, 2) AS a
  FROM generate_series(1, 20000) i;
WITH c AS (SELECT * FROM denial_codes((SELECT denial_summary(g, c, a) FROM rnd))),
     s AS (SELECT g, c, count(*) AS n, sum(a) AS a FROM rnd GROUP BY g, c)
SELECT (SELECT count(*) FROM c) = (SELECT count(*) FROM s) AS same_codes,
       NOT EXISTS (SELECT FROM s FULL JOIN c ON c.group_code = s.g AND c.carc = s.c
                    WHERE c.adjustments IS DISTINCT FROM s.n OR c.amount IS DISTINCT FROM s.a) AS same_sums;
WITH c AS (SELECT * FROM denial_root_causes((SELECT denial_summary(g, c, a) FROM rnd))),
     s AS (SELECT coalesce(u.category, n.category, 'uncategorized') AS category, count(*) AS n, sum(r.a) AS a
             FROM rnd r
             LEFT JOIN carc_category u ON u.group_code = r.g AND u.carc = r.c
             LEFT JOIN carc_category n ON n.group_code IS NULL AND n.carc = r.c
            WHERE coalesce(u.is_denial, n.is_denial, true)
            GROUP BY 1)
SELECT (SELECT count(*) FROM c) = (SELECT count(*) FROM s) AS same_categories,
       NOT EXISTS (SELECT FROM s FULL JOIN c USING (category)
                    WHERE c.adjustments IS DISTINCT FROM s.n OR c.amount IS DISTINCT FROM s.a) AS same_sums,
       (SELECT bool_and(share = amount / (SELECT sum(amount) FROM c)) FROM c) AS same_shares;
DROP TABLE rnd;

-- Lookup precedence: a group-specific row beats the any-group row; a user
-- row beats a default; a hidden default falls back.
BEGIN;
INSERT INTO carc_category_user (group_code, carc, category, is_denial, label)
VALUES ('PR', '16', 'patient cost share', false, 'Site: PR-16 is cost share');
SELECT group_code, carc, category, is_denial FROM denial_codes((
  SELECT denial_summary(code, 1.00) FROM (VALUES ('CO-16'), ('PR-16'), ('16')) v(code)));
ROLLBACK;
