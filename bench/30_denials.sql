-- Benchmark: denial_summary + denial_root_causes (C) against the GROUP BY +
-- join to the reference table an analyst would write, and against count(*).
-- psql variable millions (default 5): adjustment rows, in millions.
\set ON_ERROR_STOP 1
\if :{?millions} \else \set millions 5 \endif
SET client_min_messages = warning;
DROP TABLE IF EXISTS bench.denial_adjustments;
-- ~60 codes with a skewed distribution: most rows are contractual
-- allowances and patient cost share, as in real 835 data.
CREATE TABLE bench.denial_adjustments AS
SELECT c.group_code, c.carc, round((random() * 500)::numeric, 2)::numeric(14,2) AS amount
  FROM generate_series(1, (:millions * 1000000)::bigint) i
 CROSS JOIN LATERAL (
       SELECT (ARRAY['CO','CO','CO','PR','PR','OA','PI','CO'])[1 + (i * 7 % 8)::int] AS group_code,
              (ARRAY['45','45','45','1','2','3','16','197','50','97','29','18','4','11','96','22','27',
                     '31','109','119','151','167','181','182','185','204','226','234','236','250','252',
                     '253','23','24','B7','A1','15','198','5','6','7','8','9','10','12','19','20','21',
                     '26','55','56','107','140','170','227','251','999','P1'])
                    [1 + (hashint8(i) & 65535) % 58]::text AS carc) c;
-- Vacuumed like the other bench tables, so that count(*) reads all-visible
-- pages as it would on a settled warehouse table.
VACUUM (FREEZE, ANALYZE) bench.denial_adjustments;
SELECT count(*) AS rows FROM bench.denial_adjustments;

SELECT * FROM bench.compare(
  'denial_summary + denial_root_causes vs GROUP BY + join',
  $q$SELECT * FROM revcycle.denial_root_causes(
        (SELECT revcycle.denial_summary(group_code, carc, amount) FROM bench.denial_adjustments))$q$,
  $q$WITH per_code AS (
        SELECT a.group_code, a.carc, count(*) AS n, sum(a.amount) AS amount
          FROM bench.denial_adjustments a GROUP BY a.group_code, a.carc),
      cat AS (
        SELECT p.*, coalesce(u.category, g.category, 'uncategorized') AS category,
               coalesce(u.is_denial, g.is_denial, true) AS is_denial
          FROM per_code p
          LEFT JOIN revcycle.carc_category u ON u.group_code = p.group_code AND u.carc = p.carc
          LEFT JOIN revcycle.carc_category g ON g.group_code IS NULL AND g.carc = p.carc),
      per_cat AS (
        SELECT category, sum(n) AS n, sum(amount) AS amount FROM cat WHERE is_denial GROUP BY category)
     SELECT category, n, amount, amount / sum(amount) OVER () AS share,
            sum(amount) OVER (ORDER BY amount DESC, category) / sum(amount) OVER () AS cumulative_share
       FROM per_cat ORDER BY amount DESC, category$q$,
  $q$SELECT count(*) FROM bench.denial_adjustments$q$);

-- The same with the combined code column ("CO-16") an analyst would split.
SELECT * FROM bench.compare(
  'denial_summary(code) vs GROUP BY on a combined code',
  $q$SELECT revcycle.denial_summary(group_code || '-' || carc, amount) FROM bench.denial_adjustments$q$,
  $q$SELECT group_code || '-' || carc, count(*), sum(amount) FROM bench.denial_adjustments GROUP BY 1$q$,
  $q$SELECT count(*) FROM bench.denial_adjustments$q$);

DROP TABLE bench.denial_adjustments;
