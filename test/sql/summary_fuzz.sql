--
-- summary_fuzz (issue 12, "done when"): a bounded, seeded fuzz run of the
-- summary types' text and binary input.  Random summaries of every type
-- (amounts of every scale and sign, as_of dates over PostgreSQL's whole date
-- range, random bounds, random codes with blanks, separators, multibyte and
-- control characters) must round-trip text -> value -> text and, through a
-- binary COPY, send -> recv -> send identically; then mutations of their
-- text forms (replaced, deleted, inserted and doubled characters) are fed
-- to input: each one is refused with 22P02 or, if accepted, reads back as
-- itself with the same binary form.  Every query lists the offending
-- inputs (expected: none).
--
\pset null NULL
SET search_path = public;
SELECT setseed(0.12);

-- Random amounts: every scale 0..6, magnitudes up to 10^13, both signs, some NULL.
CREATE FUNCTION pg_temp.rnd_amount() RETURNS numeric LANGUAGE sql VOLATILE AS $$
    SELECT CASE WHEN random() < 0.05 THEN NULL
                ELSE round(((random() - 0.3) * 10 ^ (random() * 13))::numeric, (random() * 6)::int) END
$$;
-- Random code text: pieces of real codes, blanks, separators, odd bytes.
CREATE FUNCTION pg_temp.rnd_code() RETURNS text LANGUAGE sql VOLATILE AS $$
    SELECT string_agg((ARRAY['CO', 'PR', 'OA', 'PI', 'CR', '16', '45', 'A1', '1', '-', '*', ':', ' ', '   ',
                             'X', 'Ä', '~', '?', '"', '\', chr(1), chr(9), 'zz', '97'])[1 + (random() * 23)::int], '')
      FROM generate_series(1, (random() * 9)::int)
$$;

-- as_of dates: a third over 4710 BC .. 5874000 AD, a third over 4710 BC ..
-- 10000 AD, a third over 1990 .. 2099.
CREATE TEMP TABLE fuzz_groups AS
SELECT g,
       CASE g % 3 WHEN 0 THEN date '4710-01-01 BC' + (random() * 2147000000)::int
                  WHEN 1 THEN date '4710-01-01 BC' + (random() * 5370000)::int
                  ELSE date '1990-01-01' + (random() * 40000)::int END AS as_of,
       (SELECT array_agg(b ORDER BY b) FROM (SELECT DISTINCT 1 + (random() * 400)::int AS b
                                              FROM generate_series(1, 1 + (random() * 5)::int)) x) AS bounds,
       (ARRAY[90, 180, 365, 1, 3660])[1 + (random() * 4)::int] AS lookback
  FROM generate_series(1, 80) g;
CREATE TEMP TABLE fuzz_rows AS
SELECT g, pg_temp.rnd_amount() AS a1, pg_temp.rnd_amount() AS a2, pg_temp.rnd_amount() AS a3,
       (random() * 600)::int AS age,
       (enum_range(NULL::revcycle.txn_kind))[1 + (random() * 9)::int] AS kind,
       pg_temp.rnd_code() AS code, pg_temp.rnd_code() AS grp
  FROM fuzz_groups, generate_series(1, 1 + (random() * 12)::int);

CREATE TEMP TABLE fuzz_values AS
SELECT g.g,
       revcycle.collections_agg(r.a1, r.a2, r.a3, r.a1, r.a2) AS c,
       revcycle.ar_aging(r.a1, g.as_of - r.age, g.as_of, g.bounds) AS a,
       revcycle.ar_days_agg(r.kind, r.a2, g.as_of - r.age, g.as_of, g.lookback) AS s,
       revcycle.denial_summary(r.code, r.a3) AS d,
       revcycle.denial_summary(r.grp, r.code, r.a1) AS d3
  FROM fuzz_groups g JOIN fuzz_rows r USING (g)
 GROUP BY g.g, g.as_of, g.bounds, g.lookback;
-- What the random values cover.
SELECT count(*) AS fuzz_groups,
       count(*) FILTER (WHERE (a::text::jsonb ->> 'as_of') LIKE '% BC') AS bc_dates,
       count(*) FILTER (WHERE (a::text::jsonb ->> 'as_of') ~ '^[0-9]{5}') AS five_digit_years
  FROM fuzz_values;
SELECT count(*) AS malformed_codes, count(*) FILTER (WHERE octet_length(r ->> 'raw') = 16) AS cut_at_16_bytes,
       count(*) FILTER (WHERE r ->> 'raw' LIKE '%~') AS ending_in_tilde
  FROM fuzz_values,
       jsonb_array_elements(coalesce(d::text::jsonb -> 'invalid', '[]') || coalesce(d3::text::jsonb -> 'invalid', '[]')) r;

-- Text round trip of every value (expected: none).
SELECT g, t FROM fuzz_values, LATERAL (VALUES
    ('collections', c::text::revcycle.collections::text IS DISTINCT FROM c::text),
    ('aging', a::text::revcycle.aging::text IS DISTINCT FROM a::text),
    ('ar_days', s::text::revcycle.ar_days::text IS DISTINCT FROM s::text),
    ('denials', d::text::revcycle.denials::text IS DISTINCT FROM d::text),
    ('denials3', d3::text::revcycle.denials::text IS DISTINCT FROM d3::text)) v(t, bad)
 WHERE bad ORDER BY 1, 2;

-- Binary round trip through COPY (client side, results directory): values
-- whose send bytes or text differ after send -> recv (expected: none).
\copy fuzz_values TO 'results/summary_fuzz.bin' (FORMAT binary)
CREATE TEMP TABLE fuzz_back (LIKE fuzz_values);
\copy fuzz_back FROM 'results/summary_fuzz.bin' (FORMAT binary)
SELECT count(*) AS rows_back FROM fuzz_back;
SELECT v.g FROM fuzz_values v LEFT JOIN fuzz_back b USING (g)
 WHERE revcycle.collections_send(b.c) IS DISTINCT FROM revcycle.collections_send(v.c)
    OR revcycle.aging_send(b.a) IS DISTINCT FROM revcycle.aging_send(v.a)
    OR revcycle.ar_days_send(b.s) IS DISTINCT FROM revcycle.ar_days_send(v.s)
    OR revcycle.denials_send(b.d) IS DISTINCT FROM revcycle.denials_send(v.d)
    OR revcycle.denials_send(b.d3) IS DISTINCT FROM revcycle.denials_send(v.d3)
    OR b.a::text IS DISTINCT FROM v.a::text OR b.d3::text IS DISTINCT FROM v.d3::text
 ORDER BY 1;

-- Mutated text forms: n mutants of random seeds of type typ, each refused
-- with 22P02 or accepted and then read back as itself (text and send bytes).
-- Returns the mutants that break this, and why; counts go to fuzz_stats.
CREATE TEMP TABLE fuzz_stats (type text, mutants int, accepted int);
CREATE FUNCTION pg_temp.fuzz_text(typ text, seeds text[], n int)
RETURNS TABLE (input text, problem text) LANGUAGE plpgsql AS $$
DECLARE
    pieces text[] := ARRAY['0', '1', '9', '-', '.', ',', '"', ':', '{', '}', '[', ']', ' ', 'e',
                           ' BC', '~', '\', '00', 'Ä', '99999999999999999999', '-0', chr(9)];
    s text;
    v text;
    back text;
    same_bytes boolean;
    pos int;
    accepted int := 0;
BEGIN
    FOR i IN 1..n LOOP
        s := seeds[1 + floor(random() * array_length(seeds, 1))::int];
        FOR k IN 1..1 + floor(random() * 3)::int LOOP
            pos := 1 + floor(random() * length(s))::int;
            CASE floor(random() * 4)::int
                WHEN 0 THEN s := overlay(s PLACING pieces[1 + floor(random() * array_length(pieces, 1))::int] FROM pos FOR 1);
                WHEN 1 THEN s := overlay(s PLACING '' FROM pos FOR 1);
                WHEN 2 THEN s := overlay(s PLACING pieces[1 + floor(random() * array_length(pieces, 1))::int] FROM pos FOR 0);
                ELSE s := overlay(s PLACING repeat(substr(s, pos, 1), 2) FROM pos FOR 1);
            END CASE;
        END LOOP;
        BEGIN
            EXECUTE format('SELECT %L::revcycle.%s::text', s, typ) INTO v;
        EXCEPTION
            WHEN invalid_text_representation THEN CONTINUE;
            WHEN OTHERS THEN
                input := s; problem := SQLSTATE || ': ' || SQLERRM; RETURN NEXT; CONTINUE;
        END;
        EXECUTE format('SELECT %L::revcycle.%s::text, revcycle.%s_send(%L::revcycle.%s) = revcycle.%s_send(%L::revcycle.%s)',
                       v, typ, typ, s, typ, typ, v, typ) INTO back, same_bytes;
        IF back IS DISTINCT FROM v OR NOT same_bytes THEN
            input := s; problem := 'does not read back: ' || back; RETURN NEXT;
        END IF;
        accepted := accepted + 1;
    END LOOP;
    INSERT INTO fuzz_stats VALUES (typ, n, accepted);
END $$;

SELECT 'collections' AS type, f.* FROM pg_temp.fuzz_text('collections', (SELECT array_agg(c::text) FROM fuzz_values), 700) f
UNION ALL
SELECT 'aging', f.* FROM pg_temp.fuzz_text('aging', (SELECT array_agg(a::text) FROM fuzz_values), 700) f
UNION ALL
SELECT 'ar_days', f.* FROM pg_temp.fuzz_text('ar_days', (SELECT array_agg(s::text) FROM fuzz_values), 700) f
UNION ALL
SELECT 'denials', f.* FROM pg_temp.fuzz_text('denials', (SELECT array_agg(x) FILTER (WHERE x IS NOT NULL) FROM fuzz_values, LATERAL (VALUES (d::text), (d3::text)) v(x)), 900) f;
-- How many mutants each type saw and accepted (the seed fixes them).
SELECT * FROM fuzz_stats ORDER BY type;
