--
-- money_shapes: every way a numeric can be laid out, through every
-- aggregate that decodes amounts in C (collections, aging, denials), each
-- checked against sum(numeric): value and display scale (compared as text).
--
-- The decoder (src/rcmoney.h) has three paths: two shapes read with no
-- loop (a 1-byte header with two base-10000 digits and weight 0..2, or one
-- digit and weight -1..2), a general in-line path (0..4 digits, weight
-- -1..2, at most 4 decimals, either varlena header), and the out-of-line
-- decoder for everything else (more decimals, 10^12 and up, the long
-- format).  Sums are kept at scale 4 on the fast paths and at a larger
-- scale once an amount with more decimals arrives, so the order of the
-- rows matters: the aggregates below take the rows in the order given.
--
SET search_path = public;
SET extra_float_digits = 0;

CREATE TEMP TABLE shapes (ord int, v numeric, why text);
INSERT INTO shapes VALUES
  -- two digits, weight 0..2 (the first fast shape)
  ( 1, 1234.56, '2 digits, weight 0: [1234, 5600]'),
  ( 2, -1.05, '2 digits, weight 0, negative'),
  ( 3, 12345.6789, '3 digits, weight 1 (general path)'),
  ( 4, 12340000.5, '3 digits, weight 1: [1234, 0, 5000]'),
  ( 5, 50000001, '2 digits, weight 1: [5000, 1], integer'),
  ( 6, 500000000001, '3 digits, weight 2: [5000, 0, 1]'),
  ( 7, 500000010000, '2 digits, weight 2: [5000, 1], trailing zero digit dropped'),
  -- one digit, weight -1..2 (the second fast shape)
  ( 8, 0.45, '1 digit, weight -1'),
  ( 9, 150.00, '1 digit, weight 0, display scale 2'),
  (10, 150, '1 digit, weight 0, display scale 0'),
  (11, 20000, '1 digit, weight 1'),
  (12, 300000000, '1 digit, weight 2'),
  (13, -0.0001, '1 digit, weight -1, smallest fast value'),
  -- zero (no digits) with several display scales, and minus zero
  (14, 0, 'zero, no digits'),
  (15, 0.000, 'zero, display scale 3'),
  (16, -0.00, 'minus zero, which numeric input reads as zero'),
  -- four digits: the largest fast values
  (17, 999999999999.9999, '4 digits, weight 2: just under 10^12'),
  (18, -999999999999.9999, 'same, negative'),
  -- trailing zeros past the last digit kept in the display scale only
  (19, 1.50000, 'display scale 5 with 1 decimal of digits'),
  (20, 7.000000, 'display scale 6, integer value'),
  -- outside the fast paths: more decimals, 10^12 and up
  (21, 0.00001, '5 decimals'),
  (22, 1.123456789012345678, '18 decimals'),
  (23, 1000000000000, 'weight 3'),
  (24, 123456789012345.5, 'weight 3, 16 digits'),
  (25, -98765.4321, '3 digits, weight 1, negative, 4 decimals'),
  -- fast values again after the sum's scale went up
  (26, 2.50, 'after the scale rose to 18'),
  (27, 99.99, 'again');

-- Amounts with a 4-byte header (computed, not read from a table) take the
-- general path's other branch: the same values plus zero, computed in line.
CREATE TEMP VIEW shapes_4b AS SELECT ord, v + 0 * ord AS v FROM shapes;

-- Each value alone: the C sum is the value itself, with its display scale.
SELECT s.ord, s.v,
       revcycle.gross_charges(revcycle.collections_agg(s.v, NULL, NULL, NULL, NULL)) AS c_sum,
       revcycle.gross_charges(revcycle.collections_agg(s.v, NULL, NULL, NULL, NULL))::text = s.v::text AS same_text
  FROM shapes s GROUP BY s.ord, s.v ORDER BY s.ord;

-- Running sums in row order (each prefix), the five collection fields at
-- once (columns form) and the ledger form, against sum() over the same rows.
SELECT count(*) AS prefixes,
       count(*) FILTER (WHERE c_text = s_text) AS columns_equal,
       count(*) FILTER (WHERE l_text = s_text) AS ledger_equal
  FROM (SELECT p.n,
               (SELECT revcycle.gross_charges(revcycle.collections_agg(v, v, v, v, v ORDER BY ord))::text
                  FROM shapes WHERE ord <= p.n) AS c_text,
               (SELECT revcycle.payments(revcycle.collections_agg('payment'::revcycle.txn_kind, v ORDER BY ord))::text
                  FROM shapes WHERE ord <= p.n) AS l_text,
               (SELECT sum(v)::text FROM shapes WHERE ord <= p.n) AS s_text
          FROM generate_series(1, 27) p(n)) t;

-- The same in reverse order (the large-scale values first).
SELECT revcycle.net_collection_rate(v, v, 0 ORDER BY ord DESC) AS one,
       revcycle.payments(revcycle.collections_agg(v, v, v, v, v ORDER BY ord DESC))::text
         = (SELECT sum(v)::text FROM shapes) AS reverse_equal
  FROM shapes;

-- Known answer for the full set.  The 23 values of the fast paths
-- (all but ord 21..24, which take the out-of-line decoder) add up to
-- 1000362285227.6967: the two +-999999999999.9999
-- cancel, 500000000001 + 500000010000 = 1000000010001, and the rest is
-- 1234.56 - 1.05 + 12345.6789 + 12340000.5 + 50000001 + 0.45 + 150 + 150
-- + 20000 + 300000000 - 0.0001 + 1.5 + 7 - 98765.4321 + 2.5 + 99.99
-- = 362275226.6967.  Ord 21..24 add 0.00001 + 1.123456789012345678
-- + 1000000000000 + 123456789012345.5 = 124456789012346.623466789012345678.
-- Total: 125457151297574.320166789012345678, shown with the largest
-- display scale, 18.
SELECT revcycle.gross_charges(revcycle.collections_agg(v, NULL, NULL, NULL, NULL)) AS c_total,
       sum(v) AS sql_total
  FROM shapes;

-- The two rate aggregates (their own per-row path) against the plain-SQL
-- formulas, on values stored in tuples (1-byte headers) by a materialized
-- CTE, in row order and in reverse, with a NULL payment in the middle.
WITH m AS MATERIALIZED (
    SELECT ord, CASE WHEN ord = 14 THEN NULL ELSE v END AS p,
           abs(v) + 2 AS c, round(v * 0.3, 2) AS ca
      FROM shapes)
SELECT revcycle.gross_collection_rate(p, c ORDER BY ord)
         = coalesce(sum(p), 0) / sum(c) AS gross_equal,
       revcycle.net_collection_rate(p, c, ca ORDER BY ord)
         = coalesce(sum(p), 0) / (sum(c) - sum(ca)) AS net_equal,
       revcycle.net_collection_rate(p, c, ca ORDER BY ord DESC)
         = coalesce(sum(p), 0) / (sum(c) - sum(ca)) AS net_equal_reverse
  FROM m;

-- 4-byte headers: same sums.  (No ORDER BY here: sorting the rows would
-- store them in tuples, which packs the values into 1-byte headers.)
SELECT revcycle.gross_charges(revcycle.collections_agg(v, v, v, v, v))::text
         = sum(v)::text AS four_byte_equal,
       revcycle.net_collection_rate(v, v, 0) AS rate_one
  FROM shapes_4b;

-- Aging: debit and credit totals per value and in total, against sum().
SELECT count(*) AS values,
       count(*) FILTER (WHERE coalesce(d, 0) = coalesce(sd, 0) AND coalesce(c, 0) = coalesce(sc, 0)) AS aging_equal
  FROM (SELECT ord,
               revcycle.ar_debit_total(revcycle.ar_aging(v, date '2025-12-01', date '2025-12-31')) AS d,
               revcycle.ar_credit_total(revcycle.ar_aging(v, date '2025-12-01', date '2025-12-31')) AS c,
               sum(v) FILTER (WHERE v > 0) AS sd, sum(v) FILTER (WHERE v < 0) AS sc
          FROM shapes GROUP BY ord) t;
SELECT revcycle.ar_debit_total(a)::text = (SELECT sum(v)::text FROM shapes WHERE v > 0) AS debit_equal,
       revcycle.ar_credit_total(a)::text = (SELECT sum(v)::text FROM shapes WHERE v < 0) AS credit_equal
  FROM (SELECT revcycle.ar_aging(v, date '2025-12-01', date '2025-12-31' ORDER BY ord) AS a FROM shapes) s;
SELECT revcycle.ar_debit_total(a)::text = (SELECT sum(v)::text FROM shapes WHERE v > 0) AS debit_equal_4b
  FROM (SELECT revcycle.ar_aging(v, date '2025-12-01', date '2025-12-31') AS a FROM shapes_4b) s;

-- Denials: one code, every value, in order and in reverse, and with
-- 4-byte headers.  The codes come from a materialized CTE so that they are
-- short texts in tuples, as in a table (the per-row path reads those).
WITH m AS MATERIALIZED (SELECT ord, 'CO'::text AS g, '45'::text AS carc, v FROM shapes)
SELECT d.amount::text = (SELECT sum(v)::text FROM shapes) AS denial_equal, d.adjustments
  FROM revcycle.denial_codes((SELECT revcycle.denial_summary(g, carc, v ORDER BY ord) FROM m)) d;
WITH m AS MATERIALIZED (SELECT ord, 'CO'::text AS g, '45'::text AS carc, v FROM shapes)
SELECT d.amount::text = (SELECT sum(v)::text FROM shapes) AS denial_equal_reverse
  FROM revcycle.denial_codes((SELECT revcycle.denial_summary(g, carc, v ORDER BY ord DESC) FROM m)) d;
SELECT d.amount::text = (SELECT sum(v)::text FROM shapes) AS denial_equal_4b
  FROM revcycle.denial_codes((SELECT revcycle.denial_summary('CO', '45', v) FROM shapes_4b)) d;

-- The binary form is one per value: each sum is sent at the smallest scale
-- that holds it, so summaries of the same amounts built by the fast path
-- (scale 4) and read back from text (the scale written) have the same bytes.
SELECT revcycle.collections_send(c) = revcycle.collections_send(c::text::revcycle.collections) AS send_canonical
  FROM (SELECT revcycle.collections_agg(v, v, v, v, v) AS c FROM shapes WHERE ord <= 20) s;
SELECT revcycle.aging_send(a) = revcycle.aging_send(a::text::revcycle.aging) AS aging_send_canonical
  FROM (SELECT revcycle.ar_aging(v, date '2025-12-01', date '2025-12-31') AS a FROM shapes WHERE ord <= 20) s;

-- Range: sums keep 38 significant digits whichever path adds to them.  The
-- fast path keeps sums at scale 4, where only 34 integer digits fit; a sum
-- of whole amounts that grows past that is kept at a smaller scale.
-- 10^35 + 1 = 100000000000000000000000000000000001 (36 digits), in both
-- orders (fast path first, then the general path, and the reverse), with
-- a half (37 digits), through the three families; 10^37 + 0.01 needs 40
-- digits and raises 22003.
CREATE TEMP TABLE big (ord int, v numeric);
INSERT INTO big VALUES (1, 1), (2, 1e35), (3, 0.5);
SELECT revcycle.gross_charges(revcycle.collections_agg(v, NULL, NULL, NULL, NULL ORDER BY ord) FILTER (WHERE ord <= 2)) AS fast_first,
       revcycle.gross_charges(revcycle.collections_agg(v, NULL, NULL, NULL, NULL ORDER BY ord DESC) FILTER (WHERE ord <= 2)) AS big_first,
       revcycle.gross_charges(revcycle.collections_agg(v, NULL, NULL, NULL, NULL ORDER BY ord)) AS with_half,
       sum(v) AS sql_sum
  FROM big;
SELECT revcycle.ar_debit_total(revcycle.ar_aging(v, date '2025-12-01', date '2025-12-31' ORDER BY ord)) AS aging_total
  FROM big;
SELECT d.amount AS denial_total
  FROM revcycle.denial_codes((SELECT revcycle.denial_summary('CO', '45', v ORDER BY ord) FROM big)) d;
SELECT revcycle.gross_charges(revcycle.collections_agg(v, NULL, NULL, NULL, NULL ORDER BY ord))
  FROM (VALUES (1, 1e37), (2, 0.01)) t(ord, v);

-- The per-row paths of the rate and ledger aggregates add through the same
-- range fallback (bug fixed in 0.2.0: they raised 22003 instead).  Row 1
-- (general path) puts 17014118346046923173168730371588409.5 at scale 1;
-- row 2 (0.5) moves the sum to scale 4, where it is
-- 170141183460469231731687303715884100000, within 4105727 of the int128
-- limit 170141183460469231731687303715884105727; row 3 (1.00, per-row
-- path) overflows scale 4, so the sum drops to scale 0: ...88411, shown
-- with 2 decimals.
CREATE TEMP TABLE near_limit (ord int, p numeric);
INSERT INTO near_limit VALUES (1, 17014118346046923173168730371588409.5), (2, 0.5), (3, 1.00);
SELECT revcycle.gross_collection_rate(p, p ORDER BY ord) AS gross_one,
       revcycle.net_collection_rate(p, p, 0 ORDER BY ord) AS net_one,
       revcycle.payments(revcycle.collections_agg('payment'::revcycle.txn_kind, p ORDER BY ord)) AS ledger_payments,
       sum(p) AS sql_sum
  FROM near_limit;
