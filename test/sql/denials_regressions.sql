-- Regression tests for fixed bugs in the denial views.
SET datestyle = 'ISO, MDY';
BEGIN;
INSERT INTO revcycle.department VALUES ('R-ED', 'Emergency (regress)', 'Main');
INSERT INTO revcycle.payer (payer_id, name, payer_class) VALUES (801, 'Regress Health', 'commercial');
INSERT INTO revcycle.patient (patient_id, mrn) VALUES (801, 'R-MRN-1');
INSERT INTO revcycle.account (account_id, account_number, patient_id, facility, dept_code,
                              patient_type, service_from, service_to, primary_payer_id)
VALUES (801, 'R-ACC-1', 801, 'Main', 'R-ED', 'emergency', '2025-01-02', '2025-01-02', 801);
INSERT INTO revcycle.claim (claim_id, claim_number, account_id, payer_id, statement_from, statement_to,
                            submitted_date, billed_amount)
VALUES (801, 'R-CLM-1', 801, 801, '2025-01-02', '2025-01-02', '2025-01-05', 900.00),
       (802, 'R-CLM-2', 801, 801, '2025-01-02', '2025-01-02', '2025-01-05', 600.00);
INSERT INTO revcycle.denial (denial_id, claim_id, payer_id, denial_date, group_code, carc, amount)
VALUES (801, 801, 801, '2025-02-01', 'CO', '16', 900.00),
       (802, 802, 801, '2025-02-03', 'CO', '197', 600.00);

-- Bug: overturn_rate counted a denial whose level-1 appeal was partly
-- overturned while its level-2 appeal was still pending in the numerator
-- but not in the denominator, so the rate could exceed 1.
-- Denial 801: L1 partially overturned (decided), L2 pending -> undecided.
-- Denial 802: L1 upheld -> decided, not overturned.
-- overturn_rate = decided and overturned (0) / decided (1) = 0, not 1/1.
INSERT INTO revcycle.appeal (denial_id, appeal_level, filed_date, resolved_date, outcome, recovered_amount)
VALUES (801, 1, '2025-02-10', '2025-03-01', 'partially_overturned', 100.00),
       (801, 2, '2025-03-10', NULL, 'pending', 0),
       (802, 1, '2025-02-12', '2025-03-02', 'upheld', 0);
SELECT month, denials, denials_appealed, denials_overturned, overturn_rate
FROM revcycle.denial_appeal_summary WHERE payer_id = 801;

-- Bug: a write-off counted appeals filed after it.  Denial 802 is written
-- off on 2025-03-05 after one appeal; a second appeal filed on 2025-03-20
-- does not make the write-off compliant: appeals_filed 1, flagged.
INSERT INTO revcycle.appeal (denial_id, appeal_level, filed_date, resolved_date, outcome)
VALUES (802, 2, '2025-03-20', '2025-04-10', 'upheld');
INSERT INTO revcycle.ledger (account_id, payer_id, kind, amount, posted_date, denial_id)
VALUES (801, 801, 'denial_writeoff', 600.00, '2025-03-05', 802);
SELECT posted_date, denial_id, appeals_filed, fewer_than_two_appeals
FROM revcycle.denial_writeoff_review WHERE denial_id = 802;
ROLLBACK;

-- denial_summary(group_code, carc, amount) reads a plain pair (a group code
-- and 1-3 alphanumerics, no blanks) on a fast path; anything else goes
-- through the general parser.  The two must agree: each pair below is
-- summed as given and padded with blanks (which forces the general
-- parser, and trimming makes it the same code), and the summaries must be
-- equal; the codes are listed too.
WITH g(g) AS (VALUES ('CO'), ('co'), ('Co'), ('PR'), ('pi'), ('OA'), ('CR'), ('XX'), ('C'), ('C0')),
     c(c) AS (VALUES ('1'), ('16'), ('197'), ('a1'), ('B7'), ('p1'), ('PI'), ('CO1'), ('co16'), ('1234'),
                     ('1-'), ('*'), ('A'), ('Ab9'), ('é1'))
SELECT g.g, c.c, s.plain::text = s.padded::text AS same,
       (SELECT string_agg(coalesce(group_code, '?') || '|' || coalesce(carc, '?') || '|' || category, ',')
          FROM revcycle.denial_codes(s.plain)) AS codes
  FROM g, c,
       LATERAL (SELECT revcycle.denial_summary(v.g, v.c, 1.00) AS plain,
                       revcycle.denial_summary(' ' || v.g, ' ' || v.c || ' ', 1.00) AS padded
                  FROM (VALUES (g.g, c.c)) v(g, c)) s
 ORDER BY g.g COLLATE "C", c.c COLLATE "C";
