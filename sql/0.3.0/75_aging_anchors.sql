-- -------------------------------------------------------------------
-- Aging anchors (issue 15, item 3): hospitals age inpatient accounts from
-- discharge or from the final bill, not from admission.  Two anchors are
-- added; a balance that moves to another payer keeps the anchor of its
-- account under every date anchor (bill_date included: the account's first
-- claim, whatever payer it went to).  last_activity is the one anchor that
-- moves with postings, by definition (a transfer is a posting).
--
-- ALTER TYPE ... ADD VALUE: the new labels cannot be used in the
-- transaction that adds them (the install or upgrade script), so the
-- function below compares the anchor as text.
-- -------------------------------------------------------------------
ALTER TYPE @extschema@.aging_anchor ADD VALUE IF NOT EXISTS 'discharge_date';
ALTER TYPE @extschema@.aging_anchor ADD VALUE IF NOT EXISTS 'final_bill_date';
COMMENT ON TYPE @extschema@.aging_anchor IS
    'Date A/R is aged from (each falls back as stated when its date is missing or after as_of; none re-ages a balance that moves to another payer, except last_activity): service_date (AAFP default: first date of service, account.service_from), bill_date (MGMA: the account''s first claim to any payer submitted on or before as_of, else the service date), last_activity (last posting of the account and payer, transfers included), discharge_date (hospital: account.discharge_date if on or before as_of, else the service date, e.g. outpatients), final_bill_date (hospital, by policy: account.final_billed_date if on or before as_of, else the discharge date, else the service date).';

CREATE OR REPLACE FUNCTION @extschema@.ar_balances(as_of date, anchor @extschema@.aging_anchor DEFAULT 'service_date')
    RETURNS TABLE (account_id bigint, payer_id bigint, balance numeric, service_date date,
                   bill_date date, last_activity_date date, anchor_date date)
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT b.account_id, b.payer_id, b.balance, a.service_from, bd.bill_date, b.last_activity_date,
           CASE ar_balances.anchor::pg_catalog.text
               WHEN 'service_date' THEN a.service_from
               WHEN 'bill_date' THEN COALESCE(bd.bill_date, a.service_from)
               WHEN 'last_activity' THEN b.last_activity_date
               WHEN 'discharge_date' THEN
                   CASE WHEN a.discharge_date OPERATOR(pg_catalog.<=) ar_balances.as_of
                        THEN a.discharge_date ELSE a.service_from END
               WHEN 'final_bill_date' THEN
                   CASE WHEN a.final_billed_date OPERATOR(pg_catalog.<=) ar_balances.as_of
                        THEN a.final_billed_date
                        WHEN a.discharge_date OPERATOR(pg_catalog.<=) ar_balances.as_of
                        THEN a.discharge_date
                        ELSE a.service_from END
           END
      FROM (SELECT l.account_id, l.payer_id,
                   pg_catalog.sum(@extschema@.ar_sign(l.kind) OPERATOR(pg_catalog.*) l.amount) AS balance,
                   pg_catalog.max(l.posted_date) AS last_activity_date
              FROM @extschema@.ledger l
             WHERE l.posted_date OPERATOR(pg_catalog.<=) ar_balances.as_of
             GROUP BY l.account_id, l.payer_id
            HAVING pg_catalog.sum(@extschema@.ar_sign(l.kind) OPERATOR(pg_catalog.*) l.amount) OPERATOR(pg_catalog.<>) 0) b
      JOIN @extschema@.account a ON a.account_id OPERATOR(pg_catalog.=) b.account_id
      -- The account's first bill, to whatever payer: a balance moved to a
      -- secondary payer (or to the patient) is not re-aged from that
      -- payer's claim.
      LEFT JOIN LATERAL (SELECT pg_catalog.min(c.submitted_date) AS bill_date
                           FROM @extschema@.claim c
                          WHERE c.account_id OPERATOR(pg_catalog.=) b.account_id
                            AND c.submitted_date OPERATOR(pg_catalog.<=) ar_balances.as_of) bd ON true;
END;
COMMENT ON FUNCTION @extschema@.ar_balances(date, @extschema@.aging_anchor) IS
    'Non-zero balances per account and responsible payer as of a date, rebuilt from ledger rows posted on or before it, with the candidate anchor dates and the chosen one.  bill_date is the account''s first claim to any payer submitted on or before as_of (a move to another payer does not re-age the balance); anchors fall back to the service date when their date is missing or after as_of (bill_date: never billed by then; discharge_date: outpatient or not discharged by then; final_bill_date: discharge date, then service date).  Only last_activity moves with postings, transfers included.';
