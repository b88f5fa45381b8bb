--
-- summary_sum_limits (issue 12, bug 3): an exact sum holds the whole int128
-- range, -2^127 included, and every sum the aggregates can build (or binary
-- receive accepts) reads back from its text form.
--   2^127 = 170141183460469231731687303715884105728
--   2^126 =  85070591730234615865843651857942052864
--
\pset null NULL
\set SHOW_CONTEXT never
SET search_path = public;

-- Two amounts of -2^126 sum to exactly -2^127 in each summary type.
CREATE TEMP TABLE min_sums AS
SELECT revcycle.collections_agg(v, NULL, NULL, NULL, NULL) AS c,
       revcycle.ar_aging(v, '2025-12-01', '2025-12-31') AS a,
       revcycle.ar_days_agg('charge', v, '2025-12-01', '2025-12-31') AS s,
       revcycle.denial_summary('CO-45', v) AS d
  FROM (VALUES (-85070591730234615865843651857942052864::numeric),
               (-85070591730234615865843651857942052864)) r(v);
-- Each is -2^127 (expected: all true).
SELECT revcycle.gross_charges(c) = -(2::numeric ^ 127) AS collections_min,
       revcycle.ar_credit_total(a) = -(2::numeric ^ 127) AS aging_min,
       revcycle.net_ar(s) = -(2::numeric ^ 127) AS ar_days_min,
       (SELECT amount FROM revcycle.denial_codes(d)) = -(2::numeric ^ 127) AS denials_min
  FROM min_sums;
SELECT c FROM min_sums;
-- Text round trip: types whose value does not read back as itself (expected: none).
SELECT t FROM min_sums, LATERAL (VALUES
    ('collections', c::text::revcycle.collections::text IS DISTINCT FROM c::text),
    ('aging', a::text::revcycle.aging::text IS DISTINCT FROM a::text),
    ('ar_days', s::text::revcycle.ar_days::text IS DISTINCT FROM s::text),
    ('denials', d::text::revcycle.denials::text IS DISTINCT FROM d::text)) v(t, bad)
 WHERE bad;

-- Binary: COPY out and in (client side, results directory); rows that came
-- back different (expected: none).
\copy min_sums TO 'results/summary_sum_limits.bin' (FORMAT binary)
CREATE TEMP TABLE min_sums_bin (LIKE min_sums);
\copy min_sums_bin FROM 'results/summary_sum_limits.bin' (FORMAT binary)
SELECT count(*) AS rows_back FROM min_sums_bin;
SELECT 'differs' AS problem FROM min_sums m, min_sums_bin b
 WHERE b.c::text IS DISTINCT FROM m.c::text OR b.a::text IS DISTINCT FROM m.a::text
    OR b.s::text IS DISTINCT FROM m.s::text OR b.d::text IS DISTINCT FROM m.d::text
    OR revcycle.collections_send(b.c) IS DISTINCT FROM revcycle.collections_send(m.c);

-- Text input: the int128 range exactly, at any scale.
SELECT revcycle.gross_charges(('{"v":1,"rows":1,"charges":' || x || ',"charge_rows":1,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}')::revcycle.collections) AS charges
  FROM (VALUES ('-170141183460469231731687303715884105728'),
               ('170141183460469231731687303715884105727'),
               ('-17014118346046923173168730371588410572.8'),
               ('-1.70141183460469231731687303715884105728000')) v(x);
-- one past either end is refused (22P02)
SELECT '{"v":1,"rows":1,"charges":-170141183460469231731687303715884105729,"charge_rows":1,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}'::revcycle.collections;
SELECT '{"v":1,"rows":1,"charges":170141183460469231731687303715884105728,"charge_rows":1,"payments":0,"payment_rows":0,"refunds":0,"refund_rows":0,"contractual":0,"contractual_rows":0,"other_adjustments":0,"other_adjustment_rows":0}'::revcycle.collections;
-- Adding anything negative to -2^127 overflows (22003).
SELECT revcycle.collections_agg(v, NULL, NULL, NULL, NULL)
  FROM (VALUES (-85070591730234615865843651857942052864::numeric),
               (-85070591730234615865843651857942052864), (-0.01)) r(v);
