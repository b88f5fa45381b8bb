-- The sample hospital (sample/generate.sql): load 200 accounts inside a
-- transaction and check that the books hold together.  Exact counts and
-- totals double as the determinism check (the generator is seeded).
-- pg_regress feeds this file to psql on stdin, so \ir is relative to the
-- directory make runs in (the repository root), not to this file.
BEGIN;
SELECT current_setting('max_parallel_workers_per_gather') AS mpwpg_before \gset
\set accounts 200
\set quiet 1
\ir sample/generate.sql

-- The generator restores the settings it changes.
SELECT current_setting('max_parallel_workers_per_gather') = :'mpwpg_before' AS settings_restored;

-- Row counts per table.
SELECT t.tbl, t.n
FROM (VALUES
  (1, 'payer', (SELECT count(*) FROM revcycle.payer)),
  (2, 'department', (SELECT count(*) FROM revcycle.department)),
  (3, 'charge_master', (SELECT count(*) FROM revcycle.charge_master)),
  (4, 'patient', (SELECT count(*) FROM revcycle.patient)),
  (5, 'account', (SELECT count(*) FROM revcycle.account)),
  (6, 'charge_line', (SELECT count(*) FROM revcycle.charge_line)),
  (7, 'claim', (SELECT count(*) FROM revcycle.claim)),
  (8, 'remittance', (SELECT count(*) FROM revcycle.remittance)),
  (9, 'remittance_claim', (SELECT count(*) FROM revcycle.remittance_claim)),
  (10, 'remittance_adjustment', (SELECT count(*) FROM revcycle.remittance_adjustment)),
  (11, 'denial', (SELECT count(*) FROM revcycle.denial)),
  (12, 'appeal', (SELECT count(*) FROM revcycle.appeal)),
  (13, 'ledger', (SELECT count(*) FROM revcycle.ledger))) AS t(ord, tbl, n)
ORDER BY t.ord;

-- Exact totals, and a checksum of the whole ledger.
SELECT (SELECT sum(amount) FROM revcycle.charge_line) AS charge_lines_total,
       (SELECT sum(amount) FROM revcycle.ledger WHERE kind = 'charge') AS ledger_charges,
       (SELECT sum(amount) FROM revcycle.ledger WHERE kind = 'payment') AS ledger_payments;
SELECT md5(string_agg(concat_ws('|', txn_id, account_id, payer_id, kind, amount, to_char(posted_date, 'YYYY-MM-DD'), claim_id,
                                charge_line_id, remittance_claim_id, denial_id, reverses_txn_id, memo),
                      E'\n' ORDER BY txn_id)) AS ledger_md5
FROM revcycle.ledger;

-- Year of service 2025; postings from 2025 up to the cut-off.
SELECT min(service_from) >= DATE '2025-01-01' AND max(service_to) <= DATE '2025-12-31' AS services_in_2025,
       (SELECT max(posted_date) <= DATE '2026-03-31' FROM revcycle.ledger) AS postings_until_cutoff
FROM revcycle.account;

-- Every ledger row has its account and payer; every charge line has one
-- charge row of the same amount on the account's primary payer.
SELECT count(*) FILTER (WHERE a.account_id IS NULL) AS rows_without_account,
       count(*) FILTER (WHERE p.payer_id IS NULL) AS rows_without_payer
FROM revcycle.ledger l
LEFT JOIN revcycle.account a ON a.account_id = l.account_id
LEFT JOIN revcycle.payer p ON p.payer_id = l.payer_id;
SELECT count(*) AS charge_lines_without_their_charge_row
FROM revcycle.charge_line c
LEFT JOIN revcycle.ledger l ON l.charge_line_id = c.charge_line_id AND l.kind = 'charge'
LEFT JOIN revcycle.account a ON a.account_id = c.account_id
WHERE l.txn_id IS NULL OR l.amount <> c.amount OR l.account_id <> c.account_id
   OR l.payer_id <> a.primary_payer_id OR l.posted_date <> c.post_date;

-- Transfers net to zero per account and date.
SELECT count(*) AS unbalanced_transfer_days
FROM (SELECT account_id, posted_date FROM revcycle.ledger WHERE kind = 'transfer'
      GROUP BY 1, 2 HAVING sum(amount) <> 0) AS t;

-- Corrections reverse a row of the same kind and account with the opposite amount.
SELECT count(*) AS corrections,
       count(*) FILTER (WHERE o.kind = r.kind AND o.account_id = r.account_id AND o.amount = -r.amount
                          AND o.posted_date <= r.posted_date) AS well_formed
FROM revcycle.ledger r JOIN revcycle.ledger o ON o.txn_id = r.reverses_txn_id;

-- Per account, payments and adjustments never exceed what was charged,
-- except the deliberate overpayments (paid twice), refunded or still open.
SELECT count(*) AS credit_balance_accounts,
       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM revcycle.ledger x
                                      WHERE x.account_id = b.account_id AND x.kind = 'payment'
                                        AND x.memo IN ('patient payment (paid twice)', 'payer paid twice'))) AS deliberate
FROM (SELECT account_id FROM revcycle.ledger
      GROUP BY account_id HAVING sum(amount * revcycle.ar_sign(kind)) < 0) AS b;
SELECT count(*) AS accounts_over_credited_before_refunds
FROM (SELECT account_id FROM revcycle.ledger
      WHERE kind <> 'refund' AND coalesce(memo, '') NOT IN ('patient payment (paid twice)', 'payer paid twice')
      GROUP BY account_id HAVING sum(amount * revcycle.ar_sign(kind)) < 0) AS b;

-- The open A/R at year end is real, and some of it is still open at the cut-off.
SELECT sum(amount * revcycle.ar_sign(kind)) FILTER (WHERE posted_date <= DATE '2025-12-31')
           > 0.05 * sum(amount) FILTER (WHERE kind = 'charge') AS year_end_ar_over_5pct_of_charges,
       sum(amount * revcycle.ar_sign(kind)) > 0 AS open_ar_at_cutoff
FROM revcycle.ledger;

-- collections_agg over the ledger equals the plain sums, kind by kind.
SELECT revcycle.gross_charges(s.c) = s.charges AS charges_match,
       revcycle.payments(s.c) = s.payments AS payments_match,
       revcycle.refunds(s.c) = s.refunds AS refunds_match,
       revcycle.contractual_adjustments(s.c) = s.contractual AS contractual_match,
       revcycle.other_adjustments(s.c) = s.other AS other_match,
       revcycle.row_count(s.c) = s.n AS row_count_match
FROM (SELECT revcycle.collections_agg(kind, amount) AS c,
             coalesce(sum(amount) FILTER (WHERE kind = 'charge'), 0) AS charges,
             coalesce(sum(amount) FILTER (WHERE kind = 'payment'), 0) AS payments,
             coalesce(sum(amount) FILTER (WHERE kind = 'refund'), 0) AS refunds,
             coalesce(sum(amount) FILTER (WHERE kind = 'contractual_adjustment'), 0) AS contractual,
             coalesce(sum(amount) FILTER (WHERE kind IN ('administrative_adjustment', 'small_balance_writeoff',
                                                         'denial_writeoff', 'bad_debt', 'charity')), 0) AS other,
             count(*) AS n
      FROM revcycle.ledger) AS s;
SELECT kind, count(*) > 0 AS present
FROM revcycle.ledger GROUP BY kind ORDER BY kind;

-- Net collection rates are plausible.  By the financial class of the account
-- (its primary payer's class: insurer and patient collections together):
-- all insured accounts 0.85-1.00; each insurer class 0.60-1.00 (wide: 200
-- accounts are few, one large denied account moves a class); self-pay
-- 0.05-0.90 (bad debt and charity).  By ledger payer (what the
-- collections_monthly_by_payer_class view shows) every rate exists.
SELECT revcycle.net_collection_rate(revcycle.collections_agg(l.kind, l.amount)) BETWEEN 0.85 AND 1.00
           AS insured_accounts_ncr_plausible
FROM revcycle.ledger l JOIN revcycle.account a ON a.account_id = l.account_id
JOIN revcycle.payer p ON p.payer_id = a.primary_payer_id
WHERE p.payer_class <> 'self_pay';
SELECT x.payer_class,
       CASE WHEN x.payer_class = 'self_pay' THEN revcycle.net_collection_rate(x.c) BETWEEN 0.05 AND 0.90
            ELSE revcycle.net_collection_rate(x.c) BETWEEN 0.60 AND 1.00 END AS ncr_plausible
FROM (SELECT p.payer_class, revcycle.collections_agg(l.kind, l.amount) AS c
      FROM revcycle.ledger l JOIN revcycle.account a ON a.account_id = l.account_id
      JOIN revcycle.payer p ON p.payer_id = a.primary_payer_id
      GROUP BY p.payer_class) AS x
ORDER BY x.payer_class;
SELECT p.payer_class, revcycle.net_collection_rate(revcycle.collections_agg(l.kind, l.amount)) IS NOT NULL AS has_rate
FROM revcycle.ledger l JOIN revcycle.payer p ON p.payer_id = l.payer_id
GROUP BY p.payer_class ORDER BY p.payer_class;

-- Remittances balance: claim charge - adjustments = paid; BPR total = sum
-- of claim payments; every payment posted from a remittance matches it.
SELECT count(*) AS unbalanced_remittance_claims
FROM revcycle.remittance_claim rc
LEFT JOIN (SELECT remittance_claim_id, sum(amount) AS adj FROM revcycle.remittance_adjustment GROUP BY 1) a
       USING (remittance_claim_id)
WHERE rc.charge_amount - coalesce(a.adj, 0) <> rc.paid_amount;
SELECT count(*) AS remittances_not_matching_total
FROM revcycle.remittance r
JOIN (SELECT remittance_id, sum(paid_amount) AS s FROM revcycle.remittance_claim GROUP BY 1) x USING (remittance_id)
WHERE r.total_payment <> x.s;
SELECT count(*) AS remitted_payments_not_posted
FROM revcycle.remittance_claim rc
LEFT JOIN (SELECT remittance_claim_id, sum(amount) AS s FROM revcycle.ledger
           WHERE kind = 'payment' AND reverses_txn_id IS NULL AND coalesce(memo, '') <> 'posted twice in error'
           GROUP BY 1) l USING (remittance_claim_id)
WHERE coalesce(l.s, 0) <> rc.paid_amount;
SELECT group_code || '-' || carc AS cas, count(*) > 0 AS present
FROM revcycle.remittance_adjustment
WHERE (group_code, carc) IN (('CO', '45'), ('PR', '1'), ('PR', '2'), ('PR', '3'), ('OA', '23'))
GROUP BY 1 ORDER BY 1;

-- Claims: rebills and voids point at their original; clean claim rate 85-99%;
-- initial denials are most denials; appeals at levels 1-2 only.
SELECT c.frequency_code, count(*) AS claims,
       count(*) FILTER (WHERE c.original_claim_id IS NOT NULL AND o.account_id <> c.account_id) AS bad_original
FROM revcycle.claim c LEFT JOIN revcycle.claim o ON o.claim_id = c.original_claim_id
GROUP BY c.frequency_code ORDER BY c.frequency_code;
SELECT avg(clean_claim::integer) BETWEEN 0.85 AND 0.99 AS clean_claim_rate_plausible
FROM revcycle.claim WHERE frequency_code = '1' AND payer_sequence = 1;
SELECT avg(is_initial::integer) > 0.7 AS mostly_initial,
       bool_and(group_code IN ('CO', 'PR', 'OA')) AS known_groups
FROM revcycle.denial;
SELECT min(appeal_level) AS min_level, max(appeal_level) AS max_level,
       bool_and(recovered_amount = 0 OR outcome IN ('overturned', 'partially_overturned')) AS recovery_only_when_won
FROM revcycle.appeal;
SELECT count(*) AS denial_writeoffs_without_denial
FROM revcycle.ledger WHERE kind = 'denial_writeoff' AND denial_id IS NULL;
SELECT count(*) AS late_charges_after_billing
FROM revcycle.charge_line c JOIN revcycle.account a USING (account_id)
WHERE c.post_date > a.final_billed_date;
ROLLBACK;
