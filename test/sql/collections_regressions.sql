-- Regression tests for fixed bugs in the exact money core.

-- Bug: a summary whose display scale exceeded 1000 (possible: numeric keeps
-- up to 16383 display digits, e.g. round(x, 1500)) could not be read back
-- from its binary form.  Text and binary forms must both round trip.
CREATE TEMP TABLE wide AS
SELECT revcycle.collections_agg(round(1.5, 1500), NULL, NULL, NULL, NULL) AS s;
-- 1.5 shown with 1500 decimals: the text is "1.5" + 1499 zeros.
SELECT length(revcycle.gross_charges(s)::text) AS chars,
       revcycle.gross_charges(s) = 1.5 AS equals_1_5
FROM wide;
SELECT s::text::revcycle.collections::text = s::text AS text_round_trip FROM wide;
COPY wide TO '/tmp/revcycle_regress_wide.bin' (FORMAT binary);
CREATE TEMP TABLE wide2 (LIKE wide);
COPY wide2 FROM '/tmp/revcycle_regress_wide.bin' (FORMAT binary);
SELECT (SELECT s::text FROM wide) = (SELECT s::text FROM wide2) AS binary_round_trip;

-- Bug: trailing zeros printed by the output counted against the 38-digit
-- limit on input, so 1e37 with two decimals did not read back.
SELECT revcycle.collections_agg(10000000000000000000000000000000000000.00, NULL, NULL, NULL, NULL)::text::revcycle.collections
       IS NOT NULL AS big_value_reads_back;

-- Bug: ledger rows of kind transfer skipped the amount check.
SELECT revcycle.collections_agg('transfer'::revcycle.txn_kind, 'NaN'::numeric);
