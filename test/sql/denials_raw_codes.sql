--
-- denials_raw_codes (issue 12, bug 2): a malformed code is kept as its
-- first 16 bytes (whole characters); raw text that would end in a blank or
-- read as a well-formed code gets a '~' (appended, or in place of the 16th
-- byte), so that every summary the aggregates build reads back through
-- text input and binary receive (and so survives COPY, COPY BINARY and
-- pg_restore).
--
\pset null NULL
\set SHOW_CONTEXT never
SET search_path = public;

CREATE TEMP TABLE raw_inputs (id int, group_code text, code text);
INSERT INTO raw_inputs VALUES
    -- 15 X, a blank, YYY: the cut ends in the blank
    (1, NULL, 'XXXXXXXXXXXXXXX YYY'),
    -- CO, 13 blanks, 16XXXX: the cut is "CO" + blanks + "1", a well-formed code
    (2, NULL, 'CO             16XXXX'),
    -- group column PR: "PR-" + "1" + 12 blanks + "XY", cut after the blanks
    (3, 'PR', '1            XY'),
    -- CO-16 and 11 blanks would read as CO-16
    (4, NULL, 'CO-16           X'),
    -- a 17-byte group column: its first 16 bytes are a well-formed code
    (5, 'CO             16', ''),
    -- cuts that were already fine keep their text
    (6, NULL, 'THIS IS A LONG INVALID CODE'),
    (7, NULL, 'ÄÄÄÄÄÄÄÄ X'),
    (8, 'ZZ', '16'),
    (9, NULL, 'CO-16?'),
    -- short ones that read as well-formed codes once joined: CR + CO1
    -- (a group in the CARC column that differs), CO + PI (a group alone)
    (10, 'CR', 'CO1'),
    (11, 'CO', 'PI');

CREATE TEMP TABLE raw_summaries AS
SELECT id,
       CASE WHEN group_code IS NULL THEN revcycle.denial_summary(code, 1.00)
            ELSE revcycle.denial_summary(group_code, code, 1.00) END AS d
  FROM raw_inputs GROUP BY id, group_code, code;

-- The raw text kept for each (its length in bytes, at most 16).
SELECT s.id, c.carc AS raw, octet_length(c.carc) AS bytes, c.category
  FROM raw_summaries s, revcycle.denial_codes(s.d) c ORDER BY s.id;

-- Text round trip: rows that do not read back as themselves (expected: none).
SELECT id FROM raw_summaries
 WHERE d::text::revcycle.denials::text IS DISTINCT FROM d::text;

-- All of them merged into one summary, then COPY out and back in text and
-- binary (client-side files in the results directory).
CREATE TEMP TABLE raw_rollup (k int, d revcycle.denials);
INSERT INTO raw_rollup SELECT id, d FROM raw_summaries
UNION ALL SELECT 0, revcycle.denial_merge(d) FROM raw_summaries;
\copy raw_rollup TO 'results/denials_raw_codes.txt'
\copy raw_rollup TO 'results/denials_raw_codes.bin' (FORMAT binary)
CREATE TEMP TABLE raw_text (LIKE raw_rollup);
CREATE TEMP TABLE raw_bin (LIKE raw_rollup);
\copy raw_text FROM 'results/denials_raw_codes.txt'
\copy raw_bin FROM 'results/denials_raw_codes.bin' (FORMAT binary)
SELECT (SELECT count(*) FROM raw_rollup) AS rows_out,
       (SELECT count(*) FROM raw_text) AS rows_back_text,
       (SELECT count(*) FROM raw_bin) AS rows_back_binary;
-- rows that came back different (expected: none)
SELECT r.k, 'text' AS via FROM raw_rollup r LEFT JOIN raw_text t USING (k)
 WHERE t.d::text IS DISTINCT FROM r.d::text
UNION ALL
SELECT r.k, 'binary' FROM raw_rollup r LEFT JOIN raw_bin b USING (k)
 WHERE b.d::text IS DISTINCT FROM r.d::text
    OR revcycle.denials_send(b.d) IS DISTINCT FROM revcycle.denials_send(r.d);

-- The merged summary: 11 rows of 1.00 in 10 entries (inputs 2 and 5 cut to
-- the same text, n = 2; inputs 8 and 9 are short malformed codes, kept whole).
SELECT revcycle.denial_merge(d) FROM raw_summaries;

-- Input still refuses raw text that no aggregate writes.
SELECT '{"v":1,"codes":[],"invalid":[{"raw":"XXXXXXXXXXXXXXX ","n":1,"amount":1.00}]}'::revcycle.denials;
SELECT '{"v":1,"codes":[],"invalid":[{"raw":"CO             1","n":1,"amount":1.00}]}'::revcycle.denials;
