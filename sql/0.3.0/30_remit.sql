
-- ===================================================================
-- revcycle 0.3.0: X12 835 remittances (issue 11).
--   * the natural key of a payment is (payer, TRN02 trace number): a
--     re-delivery with new ISA13/GS06/ST02 is skipped, a different payment
--     reusing a trace number is refused; concurrent loads serialize on it;
--   * carc_category is the single source of denial vs. not-denial, with
--     defaults for the CARCs payers use for pricing (CO-131, 42, 59, 90,
--     94, ...); negative contractual amounts post as reversals;
--   * patient responsibility goes to the account's next responsible payer;
--   * load_835(..., post => false) stores without posting;
--   * claim.status from CLP02, reversal and correction (REF*F8) links,
--     PLB posted as provider_transaction rows, remittance_reconciliation;
--   * the parser SRFs expose CUR, NM1*QC/IL, REF*F8/1L/CE, AMT*AU/I/D8,
--     MIA, MOA, SVC06/SVC07; load_835 stores them and refuses non-USD.
-- See README.md, "Remittances".  Runs on a fresh install (after the 0.2.0
-- script) and as the 0.2.0 -> 0.3.0 upgrade: both give the same objects.
-- ===================================================================

-- -------------------------------------------------------------------
-- Natural key of a remittance: (payer identifier, TRN02).  Refuse to
-- upgrade a database that already holds a payment twice (the bug this
-- fixes): the doubled ledger rows need a person to look at them.
-- -------------------------------------------------------------------
DO $rc_remit_key$
DECLARE
    r record;
BEGIN
    SELECT m.payer_identifier, m.trace_number, pg_catalog.count(*) AS n
      INTO r
      FROM @extschema@.remittance m
     GROUP BY m.payer_identifier, m.trace_number
    HAVING pg_catalog.count(*) OPERATOR(pg_catalog.>) 1
     ORDER BY 1, 2
     LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'revcycle 0.3.0: payment (payer %, trace %) was loaded % times',
                        COALESCE(r.payer_identifier, '(none)'), r.trace_number, r.n
            USING ERRCODE = '23505',
                  DETAIL = 'Version 0.3.0 identifies a payment by its payer and TRN02 trace number; earlier versions loaded a re-delivered remittance (new ISA13/GS06/ST02) again and posted it twice.',
                  HINT = 'List them with: SELECT payer_identifier, trace_number, array_agg(remittance_id) FROM revcycle.remittance GROUP BY 1, 2 HAVING count(*) > 1; delete the duplicate remittances (ON DELETE CASCADE removes their claims; remove their ledger rows first), then update again.';
    END IF;
END
$rc_remit_key$;

DROP INDEX @extschema@.remittance_natural_key;
CREATE UNIQUE INDEX remittance_natural_key ON @extschema@.remittance
    (payer_identifier, trace_number) NULLS NOT DISTINCT;
COMMENT ON INDEX @extschema@.remittance_natural_key IS
    'A payment is identified by its payer (N1*PR N104, else REF*2U, else TRN03) and its TRN02 trace number, not by the envelope control numbers a re-delivery changes.';

-- -------------------------------------------------------------------
-- What real files carry (issue 11, item 6): CUR, NM1*QC/IL, REF*F8/1L/CE,
-- AMT*AU/I/D8, MIA, MOA, SVC06/SVC07.  The parser SRFs gain columns at the
-- end (DROP + CREATE: a set-returning function's columns cannot change).
-- -------------------------------------------------------------------
DROP FUNCTION @extschema@.parse_835_transactions(text);
CREATE FUNCTION @extschema@.parse_835_transactions(doc text)
    RETURNS TABLE (transaction_number integer, interchange_control_number text,
                   interchange_sender_id text, group_control_number text,
                   transaction_control_number text, envelope_stripped boolean,
                   handling_code text, total_payment numeric, credit_debit text,
                   payment_method text, payment_date date, trace_number text,
                   originating_company_id text, production_date date,
                   payer_name text, payer_identifier text, payee_name text,
                   payee_id_qualifier text, payee_identifier text,
                   claim_count integer, line_count integer,
                   provider_adjustment_count integer, segment_count integer,
                   total_claim_paid numeric, total_provider_adjustments numeric,
                   currency text)
    AS 'MODULE_PATHNAME', 'rc_parse_835_transactions'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION @extschema@.parse_835_transactions(text) IS
    'One row per X12 835 transaction set (ST..SE) of a whole file (one or many interchanges, or envelope-stripped text starting at ST*835 with the default delimiters * ~ : ^): ordinal, ISA13, ISA06, GS06, ST02, BPR01/02/03/04/16, TRN02/03, DTM*405, N1*PR name and id (N104, else REF*2U), N1*PE name, qualifier and id, claim/line/PLB-pair/segment counts, sum of CLP04 and of PLB amounts, CUR02 currency of the payer (CUR*PR; NULL when not sent, i.e. USD).  Structural errors raise 22P02 with the segment number, id and element.';

DROP FUNCTION @extschema@.parse_835(text);
CREATE FUNCTION @extschema@.parse_835(doc text)
    RETURNS TABLE (transaction_number integer, interchange_control_number text,
                   transaction_control_number text, payer_name text,
                   payer_identifier text, payee_name text, payee_identifier text,
                   payment_method text, total_payment numeric, payment_date date,
                   trace_number text, production_date date,
                   claim_position integer, patient_control_number text,
                   status_code text, is_reversal boolean,
                   charge_amount numeric, paid_amount numeric,
                   patient_responsibility numeric, claim_filing_indicator text,
                   payer_claim_control_number text, facility_type text,
                   frequency_code text, statement_from date, statement_to date,
                   received_date date, line_count integer, adjustment_count integer,
                   patient_identifier text, insured_identifier text,
                   original_reference text, group_number text, contract_class text,
                   coverage_amount numeric, interest_amount numeric,
                   discount_amount numeric, inpatient_adjudication text,
                   outpatient_adjudication text)
    AS 'MODULE_PATHNAME', 'rc_parse_835'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1000;
COMMENT ON FUNCTION @extschema@.parse_835(text) IS
    'One row per claim payment (CLP) of an X12 835 file, with its transaction''s envelope ids, payer, payee, BPR payment and TRN trace: CLP01..CLP09, is_reversal (CLP02 = 22; amounts keep the signs as sent), DTM*232/233/050, line and CAS-triplet counts, NM1*QC and NM1*IL NM109 (patient and insured ids), REF*F8 (original reference of a corrected claim), REF*1L (group/policy), REF*CE (class of contract), AMT*AU (coverage), AMT*I (interest), AMT*D8 (discount), MIA and MOA elements as sent.  Amounts are exact numerics of the text as sent; absent optional elements are NULL.  Structural errors raise 22P02.';

DROP FUNCTION @extschema@.parse_835_lines(text);
CREATE FUNCTION @extschema@.parse_835_lines(doc text)
    RETURNS TABLE (transaction_number integer, transaction_control_number text,
                   claim_position integer, patient_control_number text,
                   line_number integer, procedure_composite text,
                   procedure_qualifier text, procedure_code text, modifiers text[],
                   charge_amount numeric, paid_amount numeric, revenue_code text,
                   units numeric, service_from date, service_to date,
                   allowed_amount numeric, remark_codes text[],
                   line_control_number text, original_procedure_composite text,
                   original_units numeric)
    AS 'MODULE_PATHNAME', 'rc_parse_835_lines'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1000;
COMMENT ON FUNCTION @extschema@.parse_835_lines(text) IS
    'One row per service line (SVC) of an X12 835 file: SVC01 composite split on the component separator (qualifier, code, up to 4 modifiers; NULL array when none), SVC02 charge, SVC03 paid, SVC04 revenue code, SVC05 units paid, service dates (DTM*472 for both ends, else DTM*150/151), AMT*B6 allowed, LQ*HE remark codes (NULL when none), REF*6R line control number, SVC06 (the procedure billed, when the payer adjudicated another) and SVC07 (the units billed, when they differ from SVC05).  (transaction_number, claim_position) joins to parse_835.';

ALTER TABLE @extschema@.remittance
    ADD COLUMN credit_debit text,
    ADD COLUMN currency text;
COMMENT ON COLUMN @extschema@.remittance.credit_debit IS 'BPR03: C the payer credits the provider, D the payer debits the provider (the total is owed back).';
COMMENT ON COLUMN @extschema@.remittance.currency IS 'CUR02 of the payer (CUR*PR); NULL when not sent (USD).  load_835 refuses any other currency than USD.';

ALTER TABLE @extschema@.remittance_claim
    ADD COLUMN patient_identifier text,
    ADD COLUMN insured_identifier text,
    ADD COLUMN original_reference text,
    ADD COLUMN group_number text,
    ADD COLUMN contract_class text,
    ADD COLUMN coverage_amount numeric(14,2),
    ADD COLUMN interest_amount numeric(14,2),
    ADD COLUMN discount_amount numeric(14,2),
    ADD COLUMN inpatient_adjudication text,
    ADD COLUMN outpatient_adjudication text,
    ADD COLUMN reverses_remittance_claim_id bigint
        REFERENCES @extschema@.remittance_claim ON DELETE SET NULL,
    ADD COLUMN corrects_remittance_claim_id bigint
        REFERENCES @extschema@.remittance_claim ON DELETE SET NULL;
COMMENT ON COLUMN @extschema@.remittance_claim.patient_identifier IS 'NM1*QC NM109: the patient''s member id as sent.';
COMMENT ON COLUMN @extschema@.remittance_claim.insured_identifier IS 'NM1*IL NM109: the subscriber''s id as sent.';
COMMENT ON COLUMN @extschema@.remittance_claim.original_reference IS 'REF*F8: the payer claim control number of the claim this one corrects.';
COMMENT ON COLUMN @extschema@.remittance_claim.group_number IS 'REF*1L: group or policy number.';
COMMENT ON COLUMN @extschema@.remittance_claim.contract_class IS 'REF*CE: class of contract code.';
COMMENT ON COLUMN @extschema@.remittance_claim.coverage_amount IS 'AMT*AU: coverage amount.';
COMMENT ON COLUMN @extschema@.remittance_claim.interest_amount IS 'AMT*I: interest the payer included in CLP04.';
COMMENT ON COLUMN @extschema@.remittance_claim.discount_amount IS 'AMT*D8: prompt-pay discount.';
COMMENT ON COLUMN @extschema@.remittance_claim.inpatient_adjudication IS 'MIA elements as sent (MIA01 onward, separated by the element separator).';
COMMENT ON COLUMN @extschema@.remittance_claim.outpatient_adjudication IS 'MOA elements as sent (MOA01 onward, separated by the element separator).';
COMMENT ON COLUMN @extschema@.remittance_claim.reverses_remittance_claim_id IS 'For a reversal (CLP02 = 22): the remittance claim it reverses (same claim and payer, same CLP07 when sent, the latest not yet reversed).';
COMMENT ON COLUMN @extschema@.remittance_claim.corrects_remittance_claim_id IS 'For a corrected claim (REF*F8): the remittance claim whose CLP07 is the REF*F8 value (same payer, the latest).';

ALTER TABLE @extschema@.remittance_line
    ADD COLUMN original_procedure text,
    ADD COLUMN original_units numeric;
COMMENT ON COLUMN @extschema@.remittance_line.original_procedure IS 'SVC06: the procedure composite billed, when the payer adjudicated another code.';
COMMENT ON COLUMN @extschema@.remittance_line.original_units IS 'SVC07: the units billed, when they differ from the units paid (SVC05).';

-- The claim status an 835 can set that 0.2.0 lacked.
ALTER TYPE @extschema@.claim_status ADD VALUE IF NOT EXISTS 'reversed';
COMMENT ON TYPE @extschema@.claim_status IS
    'Current status of a claim: rejected = failed front-end edits at the clearinghouse; denied = adjudicated with no payment; reversed = the payer took its payment back (835 CLP02 = 22) and no correction has come yet.';

-- -------------------------------------------------------------------
-- Provider-level transactions (PLB): posted by load_835, one per PLB
-- (reason, amount) pair, so that BPR02 = Σ CLP04 + Σ provider
-- transactions for every remittance (remittance_reconciliation).
-- -------------------------------------------------------------------
CREATE TABLE @extschema@.provider_transaction (
    provider_transaction_id bigserial PRIMARY KEY,
    remittance_id           bigint NOT NULL REFERENCES @extschema@.remittance ON DELETE CASCADE,
    provider_adjustment_id  bigint NOT NULL REFERENCES @extschema@.provider_adjustment ON DELETE CASCADE,
    payer_id                bigint REFERENCES @extschema@.payer,
    kind                    text NOT NULL,
    amount                  numeric(14,2) NOT NULL,
    posted_date             date NOT NULL,
    remittance_claim_id     bigint REFERENCES @extschema@.remittance_claim ON DELETE SET NULL,
    claim_id                bigint REFERENCES @extschema@.claim,
    memo                    text,
    CONSTRAINT provider_transaction_kind_valid CHECK
        (kind OPERATOR(pg_catalog.=) ANY (ARRAY['interest', 'forward_balance', 'recoupment', 'other']::text[])),
    CONSTRAINT provider_transaction_amount_nonzero CHECK (amount OPERATOR(pg_catalog.<>) 0::numeric),
    CONSTRAINT provider_transaction_amount_finite CHECK (amount OPERATOR(pg_catalog.<>) 'NaN'::numeric)
);
CREATE INDEX provider_transaction_remittance_idx ON @extschema@.provider_transaction (remittance_id);
COMMENT ON TABLE @extschema@.provider_transaction IS 'Provider-level transactions posted from 835 PLB adjustments (interest, forward balances, recoupments): money that moves with a remittance but belongs to no claim line.  For every remittance, BPR02 = Σ CLP04 + Σ amount (see remittance_reconciliation).';
COMMENT ON COLUMN @extschema@.provider_transaction.provider_transaction_id IS 'Surrogate key.';
COMMENT ON COLUMN @extschema@.provider_transaction.remittance_id IS 'The remittance (835 transaction) that carried the PLB.';
COMMENT ON COLUMN @extschema@.provider_transaction.provider_adjustment_id IS 'The PLB (reason, amount) pair posted.';
COMMENT ON COLUMN @extschema@.provider_transaction.payer_id IS 'The remittance payer; NULL when unknown.';
COMMENT ON COLUMN @extschema@.provider_transaction.kind IS 'interest (PLB reason L6), forward_balance (FB), recoupment (WO overpayment recovery, 72 authorized return) or other.';
COMMENT ON COLUMN @extschema@.provider_transaction.amount IS 'Effect on the payment to the provider: the PLB amount with the opposite sign (interest paid is positive, a recoupment negative).';
COMMENT ON COLUMN @extschema@.provider_transaction.posted_date IS 'The remittance''s BPR16, else DTM*405, else PLB02.';
COMMENT ON COLUMN @extschema@.provider_transaction.remittance_claim_id IS 'For a recoupment whose PLB reference is a payer claim control number (CLP07) or patient control number (CLP01) already remitted by the same payer: that remittance claim (the latest).';
COMMENT ON COLUMN @extschema@.provider_transaction.claim_id IS 'The claim of remittance_claim_id, when matched.';
COMMENT ON COLUMN @extschema@.provider_transaction.memo IS 'PLB reason and reference as sent, and the trace number.';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.provider_transaction', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.provider_transaction_provider_transaction_id_seq', '');

CREATE VIEW @extschema@.remittance_reconciliation WITH (security_invoker = true) AS
SELECT r.remittance_id, r.payer_id, r.payer_identifier, r.trace_number, r.payment_date,
       r.total_payment,
       -- sums of numeric(14,2) amounts: exact at scale 2, declared for BI tools
       pg_catalog.round(COALESCE(c.claims_paid, 0::numeric), 2)::pg_catalog.numeric(18,2) AS claims_paid,
       pg_catalog.round(COALESCE(p.interest, 0::numeric), 2)::pg_catalog.numeric(18,2) AS interest,
       pg_catalog.round(COALESCE(p.forward_balance, 0::numeric), 2)::pg_catalog.numeric(18,2) AS forward_balance,
       pg_catalog.round(COALESCE(p.recoupment, 0::numeric), 2)::pg_catalog.numeric(18,2) AS recoupment,
       pg_catalog.round(COALESCE(p.other, 0::numeric), 2)::pg_catalog.numeric(18,2) AS other_provider_adjustments,
       pg_catalog.round(r.total_payment OPERATOR(pg_catalog.-) COALESCE(c.claims_paid, 0::numeric)
           OPERATOR(pg_catalog.-) COALESCE(p.total, 0::numeric), 2)::pg_catalog.numeric(18,2) AS unreconciled
  FROM @extschema@.remittance r
  LEFT JOIN LATERAL (
        SELECT pg_catalog.sum(rc.paid_amount) AS claims_paid
          FROM @extschema@.remittance_claim rc
         WHERE rc.remittance_id OPERATOR(pg_catalog.=) r.remittance_id) c ON true
  LEFT JOIN LATERAL (
        SELECT pg_catalog.sum(t.amount) FILTER (WHERE t.kind OPERATOR(pg_catalog.=) 'interest') AS interest,
               pg_catalog.sum(t.amount) FILTER (WHERE t.kind OPERATOR(pg_catalog.=) 'forward_balance') AS forward_balance,
               pg_catalog.sum(t.amount) FILTER (WHERE t.kind OPERATOR(pg_catalog.=) 'recoupment') AS recoupment,
               pg_catalog.sum(t.amount) FILTER (WHERE t.kind OPERATOR(pg_catalog.=) 'other') AS other,
               pg_catalog.sum(t.amount) AS total
          FROM @extschema@.provider_transaction t
         WHERE t.remittance_id OPERATOR(pg_catalog.=) r.remittance_id) p ON true;
COMMENT ON VIEW @extschema@.remittance_reconciliation IS
    'One row per remittance: the BPR02 payment against the claim payments and the provider-level transactions posted from its PLB; unreconciled = BPR02 - Σ CLP04 - Σ provider transactions, 0 once posted (not 0 when loaded with post => false or allow_unbalanced).';
COMMENT ON COLUMN @extschema@.remittance_reconciliation.remittance_id IS 'The remittance.';
COMMENT ON COLUMN @extschema@.remittance_reconciliation.payer_id IS 'Payer matched by identifier; NULL when unknown.';
COMMENT ON COLUMN @extschema@.remittance_reconciliation.payer_identifier IS 'Payer identifier as sent.';
COMMENT ON COLUMN @extschema@.remittance_reconciliation.trace_number IS 'TRN02 trace number.';
COMMENT ON COLUMN @extschema@.remittance_reconciliation.payment_date IS 'BPR16 payment date.';
COMMENT ON COLUMN @extschema@.remittance_reconciliation.total_payment IS 'BPR02 total payment.';
COMMENT ON COLUMN @extschema@.remittance_reconciliation.claims_paid IS 'Σ CLP04 of the remittance''s claims (matched or not).  numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.remittance_reconciliation.interest IS 'Σ provider transactions of kind interest (PLB L6).  numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.remittance_reconciliation.forward_balance IS 'Σ provider transactions of kind forward_balance (PLB FB).  numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.remittance_reconciliation.recoupment IS 'Σ provider transactions of kind recoupment (PLB WO, 72).  numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.remittance_reconciliation.other_provider_adjustments IS 'Σ the other provider transactions.  numeric(18,2): money, rounded to the cent.';
COMMENT ON COLUMN @extschema@.remittance_reconciliation.unreconciled IS 'BPR02 - claims_paid - Σ provider transactions: 0 when the payment is fully explained.  numeric(18,2): money, rounded to the cent.';

-- -------------------------------------------------------------------
-- Reason codes payers use for pricing are contractual allowances, not
-- denials (domain brief, "Contractual allowance").  carc_category_default
-- is extension-owned: the site's carc_category_user rows still win.
-- -------------------------------------------------------------------
INSERT INTO @extschema@.carc_category_default (group_code, carc, category, is_denial, label) VALUES
    (NULL, '42', 'contractual allowance', false, 'Above maximum allowable (contractual)'),
    (NULL, '44', 'contractual allowance', false, 'Prompt-pay discount'),
    (NULL, '59', 'contractual allowance', false, 'Multiple/concurrent procedure pricing'),
    (NULL, '90', 'contractual allowance', false, 'Ingredient cost pricing'),
    (NULL, '94', 'contractual allowance', false, 'Processed above charges'),
    (NULL, '104', 'contractual allowance', false, 'Managed care withhold'),
    (NULL, '131', 'contractual allowance', false, 'Negotiated discount for this claim'),
    (NULL, '144', 'contractual allowance', false, 'Incentive adjustment'),
    (NULL, '237', 'contractual allowance', false, 'Legislated/regulatory penalty'),
    (NULL, '66', 'patient cost share', false, 'Blood deductible'),
    (NULL, '187', 'patient cost share', false, 'Paid from a consumer spending account');

-- -------------------------------------------------------------------
-- Which adjustments are denials: the carc_category view alone decides.
-- -------------------------------------------------------------------
CREATE OR REPLACE FUNCTION @extschema@.adjustment_is_denial(group_code text, carc text, claim_status text)
    RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT COALESCE(
        (SELECT c.is_denial
           FROM @extschema@.carc_category c
          WHERE c.carc OPERATOR(pg_catalog.=) adjustment_is_denial.carc
            AND (c.group_code OPERATOR(pg_catalog.=) adjustment_is_denial.group_code OR c.group_code IS NULL)
          ORDER BY c.group_code IS NULL
          LIMIT 1),
        true);
END;
COMMENT ON FUNCTION @extschema@.adjustment_is_denial(text, text, text) IS
    'True when a remittance adjustment (group code, CARC) is a denial.  The carc_category row for (group, CARC), else for (any group, CARC), decides; a code with no row is "uncategorized" and counts as a denial, exactly as in denial_codes and denial_root_causes.  claim_status (CLP02) no longer changes the result; it is kept for compatibility.';

-- -------------------------------------------------------------------
-- load_835: store and post.  New arguments post and
-- patient_responsibility_to: the old three-argument form is replaced.
-- -------------------------------------------------------------------
DROP FUNCTION @extschema@.load_835(text, text, boolean);

CREATE FUNCTION @extschema@.load_835(doc text, source text DEFAULT NULL,
                                     allow_unbalanced boolean DEFAULT false,
                                     post boolean DEFAULT true,
                                     patient_responsibility_to text DEFAULT 'next_payer',
                                     OUT transactions_loaded integer,
                                     OUT transactions_skipped integer,
                                     OUT claims integer, OUT claims_matched integer,
                                     OUT claims_unmatched integer, OUT lines integer,
                                     OUT adjustments integer,
                                     OUT provider_adjustments integer,
                                     OUT denials integer, OUT total_payment numeric,
                                     OUT total_paid numeric, OUT ledger_rows integer)
    LANGUAGE plpgsql VOLATILE PARALLEL UNSAFE
    SET search_path = pg_catalog, pg_temp
AS $load_835$
#variable_conflict use_column
DECLARE
    v_count     bigint;
    v_first     record;
    v_selfpay   bigint;
    r           record;
BEGIN
    IF doc IS NULL THEN
        RAISE EXCEPTION 'load_835: doc must not be NULL' USING ERRCODE = '22004';
    END IF;
    IF allow_unbalanced IS NULL THEN
        RAISE EXCEPTION 'load_835: allow_unbalanced must not be NULL' USING ERRCODE = '22004';
    END IF;
    IF post IS NULL THEN
        RAISE EXCEPTION 'load_835: post must not be NULL' USING ERRCODE = '22004';
    END IF;
    IF patient_responsibility_to IS NULL
       OR patient_responsibility_to NOT IN ('next_payer', 'self_pay', 'none') THEN
        RAISE EXCEPTION 'load_835: patient_responsibility_to must be next_payer, self_pay or none, not %',
                        COALESCE(quote_literal(patient_responsibility_to), 'NULL')
            USING ERRCODE = '22023';
    END IF;

    -- 1. Structure and balancing (a structural error raises 22P02 here,
    --    before anything is written).
    SELECT count(*) INTO v_count FROM @extschema@.check_835(doc);
    IF v_count > 0 THEN
        SELECT * INTO v_first FROM @extschema@.check_835(doc) LIMIT 1;
        IF NOT allow_unbalanced THEN
            RAISE EXCEPTION 'X12 835 document does not balance: % violation(s)', v_count
                USING ERRCODE = '23514',
                      DETAIL = format('first: transaction %s (ST02 %s), %s level%s, segment %s: expected %s, sent %s',
                                      v_first.transaction_number, v_first.transaction_control_number,
                                      v_first.level,
                                      CASE WHEN v_first.patient_control_number IS NOT NULL
                                           THEN ' (claim ' || v_first.patient_control_number
                                                || COALESCE(' line ' || v_first.line_number, '') || ')'
                                           ELSE '' END,
                                      v_first.segment, v_first.expected, v_first.actual),
                      HINT = 'See revcycle.check_835(doc); pass allow_unbalanced => true to load it anyway.';
        END IF;
        RAISE WARNING 'loading an X12 835 document that does not balance: % violation(s)', v_count;
    END IF;

    -- 2. Stage the parse results, one pass of the parser per level.
    -- (ON COMMIT DROP tables of an earlier call in this transaction)
    IF to_regclass('pg_temp.rc835_txn') IS NOT NULL THEN
        DROP TABLE pg_temp.rc835_txn, pg_temp.rc835_claim, pg_temp.rc835_line,
                   pg_temp.rc835_adj;
    END IF;
    IF to_regclass('pg_temp.rc835_post') IS NOT NULL THEN
        DROP TABLE pg_temp.rc835_post;
    END IF;

    CREATE TEMP TABLE rc835_txn ON COMMIT DROP AS
    SELECT t.transaction_number, t.interchange_control_number,
           t.transaction_control_number, t.handling_code, t.total_payment,
           t.payment_method, t.payment_date, t.production_date, t.trace_number,
           t.credit_debit, t.currency,
           t.payer_name, COALESCE(t.payer_identifier, t.originating_company_id) AS payer_key,
           t.payee_name, t.payee_identifier,
           COALESCE((SELECT p.payer_id FROM @extschema@.payer p
                      WHERE p.payer_identifier = t.payer_identifier),
                    (SELECT p.payer_id FROM @extschema@.payer p
                      WHERE p.payer_identifier = t.originating_company_id)) AS payer_id,
           COALESCE(t.payment_date, t.production_date) AS posted_date,
           false AS skipped, NULL::bigint AS remittance_id
      FROM @extschema@.parse_835_transactions(doc) t;

    SELECT * INTO r FROM pg_temp.rc835_txn WHERE trace_number IS NULL
     ORDER BY transaction_number LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'invalid X12 835 document: transaction % (ST02 %) has no trace number (TRN02)',
                        r.transaction_number, r.transaction_control_number
            USING ERRCODE = '22P02';
    END IF;

    -- Amounts are posted as US dollars: another currency is refused, never
    -- taken for dollars.
    SELECT * INTO r FROM pg_temp.rc835_txn WHERE currency IS DISTINCT FROM 'USD' AND currency IS NOT NULL
     ORDER BY transaction_number LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'X12 835 transaction % (ST02 %) pays in % (CUR02), not USD',
                        r.transaction_number, r.transaction_control_number, r.currency
            USING ERRCODE = '0A000',
                  HINT = 'revcycle posts US dollars only: convert the amounts before loading, or read the file with revcycle.parse_835().';
    END IF;

    -- Serialize on the natural key (payer, trace): a session loading the
    -- same payment waits here until the first one commits or rolls back,
    -- then sees its rows (each statement below takes a new snapshot under
    -- READ COMMITTED) and skips.  Locks are taken in one order, so two
    -- files sharing several payments cannot deadlock.
    FOR r IN SELECT DISTINCT hashtext(COALESCE(payer_key, '') || chr(31) || trace_number) AS k
               FROM pg_temp.rc835_txn ORDER BY 1 LOOP
        PERFORM pg_advisory_xact_lock(835, r.k);
    END LOOP;

    -- Idempotency: the same payment (payer, trace) already loaded, or
    -- repeated earlier in this document, is skipped when its BPR02 and
    -- BPR16 agree (a re-delivery), refused when they do not (a different
    -- payment reusing the trace number).
    FOR r IN
        SELECT x.transaction_number, x.transaction_control_number, x.payer_key, x.trace_number,
               x.total_payment, x.payment_date,
               p.total_payment AS prior_payment, p.payment_date AS prior_date, p.what
          FROM pg_temp.rc835_txn x
          CROSS JOIN LATERAL (
                SELECT m.total_payment, m.payment_date,
                       format('remittance %s (ST02 %s, source %s, loaded %s)', m.remittance_id,
                              m.transaction_control_number, COALESCE(m.source, 'NULL'),
                              m.loaded_at) AS what, 1 AS pref, 0 AS ord
                  FROM @extschema@.remittance m
                 WHERE m.payer_identifier IS NOT DISTINCT FROM x.payer_key
                   AND m.trace_number = x.trace_number
                UNION ALL
                SELECT y.total_payment, y.payment_date,
                       format('transaction %s (ST02 %s) of this document', y.transaction_number,
                              y.transaction_control_number), 2, y.transaction_number
                  FROM pg_temp.rc835_txn y
                 WHERE y.payer_key IS NOT DISTINCT FROM x.payer_key
                   AND y.trace_number = x.trace_number
                   AND y.transaction_number < x.transaction_number
                ORDER BY pref, ord
                LIMIT 1) p
         ORDER BY x.transaction_number
    LOOP
        IF r.total_payment IS DISTINCT FROM r.prior_payment
           OR r.payment_date IS DISTINCT FROM r.prior_date THEN
            RAISE EXCEPTION 'X12 835 transaction % (ST02 %) reuses trace number % of payer % for a different payment',
                            r.transaction_number, r.transaction_control_number, r.trace_number,
                            COALESCE(r.payer_key, '(none)')
                USING ERRCODE = '23505',
                      DETAIL = format('This transaction pays %s on %s; %s pays %s on %s.',
                                      r.total_payment, COALESCE(r.payment_date::text, 'no date'),
                                      r.what, r.prior_payment,
                                      COALESCE(r.prior_date::text, 'no date')),
                      HINT = 'A payment is identified by its payer and TRN02 trace number; a re-delivery must repeat the BPR02 amount and BPR16 date.  Ask the payer which one is right.';
        END IF;
        RAISE NOTICE 'X12 835 transaction % (payer %, trace %, ST02 %) is already loaded: nothing posted',
                     r.transaction_number, COALESCE(r.payer_key, '(none)'), r.trace_number,
                     r.transaction_control_number;
        UPDATE pg_temp.rc835_txn SET skipped = true WHERE transaction_number = r.transaction_number;
    END LOOP;
    UPDATE pg_temp.rc835_txn
       SET remittance_id = nextval('@extschema@.remittance_remittance_id_seq'::regclass)
     WHERE NOT skipped;

    CREATE TEMP TABLE rc835_claim ON COMMIT DROP AS
    SELECT c.transaction_number, c.claim_position, c.patient_control_number,
           c.status_code, c.is_reversal, c.charge_amount, c.paid_amount,
           c.patient_responsibility, c.claim_filing_indicator,
           c.payer_claim_control_number, c.facility_type, c.frequency_code,
           c.statement_from, c.statement_to, c.received_date,
           c.patient_identifier, c.insured_identifier, c.original_reference, c.group_number,
           c.contract_class, c.coverage_amount, c.interest_amount, c.discount_amount,
           c.inpatient_adjudication, c.outpatient_adjudication,
           t.remittance_id, t.posted_date, t.payer_key,
           nextval('@extschema@.remittance_claim_remittance_claim_id_seq'::regclass) AS remittance_claim_id,
           m.claim_id, m.account_id, m.claim_frequency,
           COALESCE(t.payer_id, m.payer_id) AS payer_id,
           a.primary_payer_id, a.secondary_payer_id
      FROM @extschema@.parse_835(doc) c
      JOIN pg_temp.rc835_txn t ON t.transaction_number = c.transaction_number AND NOT t.skipped
      LEFT JOIN LATERAL (
            SELECT k.claim_id, k.account_id, k.payer_id, k.frequency_code AS claim_frequency, 1 AS pref
              FROM @extschema@.claim k
             WHERE k.claim_number = c.patient_control_number
            UNION ALL
            SELECT k.claim_id, k.account_id, k.payer_id, k.frequency_code, 2
              FROM @extschema@.account a
              JOIN @extschema@.claim k ON k.account_id = a.account_id
             WHERE a.account_number = c.patient_control_number
               AND k.payer_id = t.payer_id
            ORDER BY pref, claim_id DESC
            LIMIT 1) m ON true
      LEFT JOIN @extschema@.account a ON a.account_id = m.account_id;

    CREATE TEMP TABLE rc835_line ON COMMIT DROP AS
    SELECT l.transaction_number, l.claim_position, l.line_number,
           l.procedure_qualifier, l.procedure_code, l.modifiers, l.charge_amount,
           l.paid_amount, l.revenue_code, l.units, l.service_from, l.service_to,
           l.allowed_amount, l.remark_codes, l.line_control_number,
           l.original_procedure_composite, l.original_units,
           c.remittance_claim_id,
           nextval('@extschema@.remittance_line_remittance_line_id_seq'::regclass) AS remittance_line_id
      FROM @extschema@.parse_835_lines(doc) l
      JOIN pg_temp.rc835_claim c
        ON c.transaction_number = l.transaction_number AND c.claim_position = l.claim_position;

    CREATE TEMP TABLE rc835_adj ON COMMIT DROP AS
    SELECT a.transaction_number, a.claim_position, a.line_number, a.segment, a.triplet,
           a.group_code, a.reason_code, a.amount, a.quantity,
           c.remittance_claim_id, l.remittance_line_id, l.remark_codes,
           @extschema@.adjustment_is_denial(a.group_code, a.reason_code, c.status_code) AS is_denial
      FROM @extschema@.parse_835_adjustments(doc) a
      JOIN pg_temp.rc835_claim c
        ON c.transaction_number = a.transaction_number AND c.claim_position = a.claim_position
      LEFT JOIN pg_temp.rc835_line l
        ON l.transaction_number = a.transaction_number AND l.claim_position = a.claim_position
       AND l.line_number = a.line_number;

    -- Money columns are numeric(14,2): refuse what they would round.
    SELECT * INTO r FROM (
        SELECT transaction_number, 'BPR02' AS what, total_payment AS v FROM pg_temp.rc835_txn WHERE NOT skipped
        UNION ALL SELECT transaction_number, 'CLP03', charge_amount FROM pg_temp.rc835_claim
        UNION ALL SELECT transaction_number, 'CLP04', paid_amount FROM pg_temp.rc835_claim
        UNION ALL SELECT transaction_number, 'CLP05', patient_responsibility FROM pg_temp.rc835_claim
        UNION ALL SELECT transaction_number, 'AMT*AU', coverage_amount FROM pg_temp.rc835_claim
        UNION ALL SELECT transaction_number, 'AMT*I', interest_amount FROM pg_temp.rc835_claim
        UNION ALL SELECT transaction_number, 'AMT*D8', discount_amount FROM pg_temp.rc835_claim
        UNION ALL SELECT transaction_number, 'SVC02', charge_amount FROM pg_temp.rc835_line
        UNION ALL SELECT transaction_number, 'SVC03', paid_amount FROM pg_temp.rc835_line
        UNION ALL SELECT transaction_number, 'AMT02', allowed_amount FROM pg_temp.rc835_line
        UNION ALL SELECT transaction_number, 'CAS', amount FROM pg_temp.rc835_adj) x
     WHERE x.v IS NOT NULL AND (x.v <> round(x.v, 2) OR abs(x.v) >= 1e12)
     ORDER BY transaction_number LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'X12 835 amount % (%) in transaction % does not fit numeric(14,2)',
                        r.v, r.what, r.transaction_number
            USING ERRCODE = '22003';
    END IF;

    SELECT * INTO r FROM pg_temp.rc835_claim
     WHERE claim_id IS NOT NULL AND posted_date IS NULL LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'X12 835 transaction % has neither a payment date (BPR16) nor a production date (DTM*405): cannot post claim %',
                        r.transaction_number, r.patient_control_number
            USING ERRCODE = '22P02';
    END IF;

    -- 3. Store.
    INSERT INTO @extschema@.remittance
           (remittance_id, payer_id, payer_name, payer_identifier, payee_name,
            payee_identifier, interchange_control_number, transaction_control_number,
            trace_number, handling_code, payment_method, total_payment, payment_date,
            production_date, source, credit_debit, currency)
    SELECT remittance_id, payer_id, payer_name, payer_key, payee_name, payee_identifier,
           interchange_control_number, transaction_control_number, trace_number,
           handling_code, payment_method, total_payment, payment_date, production_date,
           load_835.source, credit_debit, currency
      FROM pg_temp.rc835_txn WHERE NOT skipped ORDER BY transaction_number;
    GET DIAGNOSTICS transactions_loaded = ROW_COUNT;
    SELECT count(*) FILTER (WHERE skipped) INTO transactions_skipped FROM pg_temp.rc835_txn;

    INSERT INTO @extschema@.remittance_claim
           (remittance_claim_id, remittance_id, claim_id, patient_control_number,
            status_code, charge_amount, paid_amount, patient_responsibility,
            claim_filing_indicator, payer_claim_control_number, facility_type,
            frequency_code, statement_from, statement_to, received_date,
            patient_identifier, insured_identifier, original_reference, group_number,
            contract_class, coverage_amount, interest_amount, discount_amount,
            inpatient_adjudication, outpatient_adjudication)
    SELECT remittance_claim_id, remittance_id, claim_id, patient_control_number,
           status_code, charge_amount, paid_amount, patient_responsibility,
           claim_filing_indicator, payer_claim_control_number, facility_type,
           frequency_code, statement_from, statement_to, received_date,
           patient_identifier, insured_identifier, original_reference, group_number,
           contract_class, coverage_amount, interest_amount, discount_amount,
           inpatient_adjudication, outpatient_adjudication
      FROM pg_temp.rc835_claim ORDER BY remittance_claim_id;

    -- Link each reversal (CLP02 = 22) to the remittance claim it reverses:
    -- same payer, same claim (else the same CLP01 when unmatched), same
    -- CLP07 when the reversal has one, not a reversal, not yet reversed,
    -- the latest; earlier in this file counts.  Link each corrected claim
    -- (REF*F8) to the remittance claim of the same payer whose CLP07 is
    -- the REF*F8 value.
    FOR r IN SELECT c.remittance_claim_id, c.claim_id, c.patient_control_number,
                    c.payer_claim_control_number, c.payer_key, c.is_reversal, c.original_reference
               FROM pg_temp.rc835_claim c
              WHERE c.is_reversal OR c.original_reference IS NOT NULL
              ORDER BY c.remittance_claim_id LOOP
        IF r.is_reversal THEN
            UPDATE @extschema@.remittance_claim x
               SET reverses_remittance_claim_id =
                   (SELECT o.remittance_claim_id
                      FROM @extschema@.remittance_claim o
                      JOIN @extschema@.remittance m ON m.remittance_id = o.remittance_id
                     WHERE o.remittance_claim_id < r.remittance_claim_id
                       AND NOT o.is_reversal
                       AND m.payer_identifier IS NOT DISTINCT FROM r.payer_key
                       AND CASE WHEN r.claim_id IS NOT NULL THEN o.claim_id = r.claim_id
                                ELSE o.patient_control_number = r.patient_control_number END
                       AND (r.payer_claim_control_number IS NULL
                            OR o.payer_claim_control_number = r.payer_claim_control_number)
                       AND NOT EXISTS (SELECT FROM @extschema@.remittance_claim z
                                        WHERE z.reverses_remittance_claim_id = o.remittance_claim_id)
                     ORDER BY o.remittance_claim_id DESC LIMIT 1)
             WHERE x.remittance_claim_id = r.remittance_claim_id;
        ELSE
            UPDATE @extschema@.remittance_claim x
               SET corrects_remittance_claim_id =
                   (SELECT o.remittance_claim_id
                      FROM @extschema@.remittance_claim o
                      JOIN @extschema@.remittance m ON m.remittance_id = o.remittance_id
                     WHERE o.remittance_claim_id < r.remittance_claim_id
                       AND m.payer_identifier IS NOT DISTINCT FROM r.payer_key
                       AND o.payer_claim_control_number = r.original_reference
                     ORDER BY NOT o.is_reversal DESC, o.remittance_claim_id DESC LIMIT 1)
             WHERE x.remittance_claim_id = r.remittance_claim_id;
        END IF;
    END LOOP;
    SELECT count(*), count(claim_id), count(*) - count(claim_id), COALESCE(sum(paid_amount), 0)
      INTO claims, claims_matched, claims_unmatched, total_paid
      FROM pg_temp.rc835_claim;
    SELECT COALESCE(sum(total_payment), 0) INTO total_payment
      FROM pg_temp.rc835_txn WHERE NOT skipped;

    INSERT INTO @extschema@.remittance_line
           (remittance_line_id, remittance_claim_id, line_number, procedure_qualifier,
            procedure_code, modifiers, charge_amount, paid_amount, revenue_code, units,
            service_from, service_to, allowed_amount, remark_codes, line_control_number,
            original_procedure, original_units)
    SELECT remittance_line_id, remittance_claim_id, line_number, procedure_qualifier,
           procedure_code, modifiers, charge_amount, paid_amount, revenue_code, units,
           service_from, service_to, allowed_amount, remark_codes, line_control_number,
           original_procedure_composite, original_units
      FROM pg_temp.rc835_line ORDER BY remittance_line_id;
    GET DIAGNOSTICS lines = ROW_COUNT;

    INSERT INTO @extschema@.remittance_adjustment
           (remittance_claim_id, remittance_line_id, group_code, carc, amount, quantity)
    SELECT remittance_claim_id, remittance_line_id, group_code, reason_code, amount, quantity
      FROM pg_temp.rc835_adj
     ORDER BY transaction_number, claim_position, segment, triplet;
    GET DIAGNOSTICS adjustments = ROW_COUNT;

    INSERT INTO @extschema@.provider_adjustment
           (remittance_id, provider_identifier, fiscal_period_date, reason_code, reference, amount)
    SELECT t.remittance_id, p.provider_identifier, p.fiscal_period_date, p.reason_code,
           p.reference, p.amount
      FROM @extschema@.parse_835_provider_adjustments(doc) p
      JOIN pg_temp.rc835_txn t ON t.transaction_number = p.transaction_number AND NOT t.skipped
     ORDER BY p.transaction_number, p.adjustment_number;
    GET DIAGNOSTICS provider_adjustments = ROW_COUNT;

    -- 4. Denials: one row per (claim, group, CARC) with a positive total.
    INSERT INTO @extschema@.denial
           (claim_id, remittance_claim_id, payer_id, denial_date, group_code, carc,
            rarc, amount, is_initial)
    SELECT c.claim_id, c.remittance_claim_id, c.payer_id, c.posted_date, d.group_code,
           d.reason_code,
           (SELECT array_agg(DISTINCT rm ORDER BY rm)
              FROM pg_temp.rc835_adj a2, unnest(a2.remark_codes) rm
             WHERE a2.remittance_claim_id = d.remittance_claim_id
               AND a2.group_code = d.group_code AND a2.reason_code = d.reason_code),
           d.amount,
           COALESCE(c.claim_frequency, c.frequency_code, '1') <> '7'
      FROM (SELECT a.remittance_claim_id, a.group_code, a.reason_code, sum(a.amount) AS amount
              FROM pg_temp.rc835_adj a
             WHERE a.is_denial
             GROUP BY a.remittance_claim_id, a.group_code, a.reason_code) d
      JOIN pg_temp.rc835_claim c ON c.remittance_claim_id = d.remittance_claim_id
     WHERE d.amount > 0 AND c.payer_id IS NOT NULL AND c.posted_date IS NOT NULL
     ORDER BY c.remittance_claim_id, d.group_code, d.reason_code;
    GET DIAGNOSTICS denials = ROW_COUNT;

    ledger_rows := 0;
    IF NOT post THEN
        RETURN;
    END IF;

    -- 5. Ledger postings for matched claims.  Patient responsibility goes to
    --    the account's next responsible party: from the primary payer to the
    --    secondary when the account has one, else (and from any other payer)
    --    to the self-pay payer; patient_responsibility_to => 'self_pay'
    --    always picks self-pay, 'none' leaves it with the paying payer.
    SELECT p.payer_id INTO v_selfpay FROM @extschema@.payer p
     WHERE p.payer_class = 'self_pay' ORDER BY p.payer_id LIMIT 1;

    CREATE TEMP TABLE rc835_post ON COMMIT DROP AS
    SELECT c.remittance_claim_id, c.claim_id, c.account_id, c.posted_date, c.is_reversal,
           c.payer_id, c.paid_amount,
           CASE WHEN patient_responsibility_to = 'next_payer'
                     AND c.payer_id = c.primary_payer_id AND c.secondary_payer_id IS NOT NULL
                THEN c.secondary_payer_id
                ELSE v_selfpay END AS pr_payer_id,
           patient_responsibility_to = 'next_payer'
               AND c.payer_id = c.primary_payer_id AND c.secondary_payer_id IS NOT NULL AS pr_to_secondary,
           COALESCE(sum(a.amount) FILTER (WHERE a.group_code IN ('CO', 'PI') AND NOT a.is_denial), 0) AS contractual,
           CASE WHEN patient_responsibility_to = 'none' THEN 0
                ELSE COALESCE(sum(a.amount) FILTER (WHERE a.group_code = 'PR'), 0) END AS patient,
           t.trace_number
      FROM pg_temp.rc835_claim c
      JOIN pg_temp.rc835_txn t ON t.transaction_number = c.transaction_number
      LEFT JOIN pg_temp.rc835_adj a ON a.remittance_claim_id = c.remittance_claim_id
     WHERE c.claim_id IS NOT NULL
     GROUP BY c.remittance_claim_id, c.claim_id, c.account_id, c.posted_date, c.is_reversal,
              c.payer_id, c.paid_amount, c.primary_payer_id, c.secondary_payer_id, t.trace_number;

    IF EXISTS (SELECT FROM pg_temp.rc835_post WHERE patient <> 0 AND pr_payer_id IS NULL) THEN
        RAISE EXCEPTION 'load_835: no self-pay payer to transfer patient responsibility to'
            USING ERRCODE = '55000',
                  HINT = 'Create one: INSERT INTO revcycle.payer (name, payer_class) VALUES (''Self-pay'', ''self_pay'').';
    END IF;

    WITH post AS (
        SELECT s.remittance_claim_id, s.claim_id, s.account_id, s.posted_date, s.is_reversal,
               x.ord, x.kind, x.payer_id, x.amount, x.memo
          FROM pg_temp.rc835_post s
          CROSS JOIN LATERAL (VALUES
                (1, 'payment'::@extschema@.txn_kind, s.payer_id, s.paid_amount,
                 '835 payment, trace ' || s.trace_number),
                (2, 'contractual_adjustment', s.payer_id, s.contractual,
                 '835 contractual adjustment, trace ' || s.trace_number),
                (3, 'transfer', s.payer_id, -s.patient,
                 CASE WHEN s.pr_to_secondary
                      THEN '835 patient responsibility to secondary payer, trace '
                      ELSE '835 patient responsibility to self-pay, trace ' END || s.trace_number),
                (4, 'transfer', s.pr_payer_id, s.patient,
                 '835 patient responsibility from payer, trace ' || s.trace_number)
          ) AS x(ord, kind, payer_id, amount, memo)
         WHERE x.amount <> 0)
    INSERT INTO @extschema@.ledger
           (account_id, payer_id, kind, amount, posted_date, claim_id,
            remittance_claim_id, reverses_txn_id, memo)
    SELECT p.account_id, p.payer_id, p.kind, p.amount, p.posted_date, p.claim_id,
           p.remittance_claim_id,
           CASE WHEN p.is_reversal THEN
               (SELECT g.txn_id
                  FROM @extschema@.ledger g
                  JOIN @extschema@.remittance_claim rc ON rc.remittance_claim_id = g.remittance_claim_id
                 WHERE g.claim_id = p.claim_id AND g.kind = p.kind AND g.payer_id = p.payer_id
                   AND g.amount = -p.amount AND NOT rc.is_reversal
                   AND NOT EXISTS (SELECT FROM @extschema@.ledger z WHERE z.reverses_txn_id = g.txn_id)
                 ORDER BY g.remittance_claim_id IS NOT DISTINCT FROM
                          (SELECT y.reverses_remittance_claim_id FROM @extschema@.remittance_claim y
                            WHERE y.remittance_claim_id = p.remittance_claim_id) DESC,
                          g.txn_id DESC LIMIT 1)
           -- A negative contractual amount (the payer giving back a
           -- reduction) reverses the claim's latest contractual adjustment
           -- from this payer that nothing reverses yet, the same amount first.
           WHEN p.kind = 'contractual_adjustment' AND p.amount < 0 THEN
               (SELECT g.txn_id
                  FROM @extschema@.ledger g
                 WHERE g.claim_id = p.claim_id AND g.kind = p.kind AND g.payer_id = p.payer_id
                   AND g.amount > 0
                   AND NOT EXISTS (SELECT FROM @extschema@.ledger z WHERE z.reverses_txn_id = g.txn_id)
                 ORDER BY g.amount = -p.amount DESC, g.txn_id DESC LIMIT 1)
           END,
           p.memo
      FROM post p
     ORDER BY p.remittance_claim_id, p.ord;
    GET DIAGNOSTICS ledger_rows = ROW_COUNT;
    DROP TABLE pg_temp.rc835_post;

    -- 6. Claim status from CLP02, the last remittance claim of each claim
    --    winning: 1/2/3/19/20/21 (processed) -> paid, partially_paid (some
    --    denial) or denied (nothing paid and some denial); 4 -> denied;
    --    22 -> reversed.  Other codes (23, 25) leave the status as it is.
    UPDATE @extschema@.claim k
       SET status = s.status
      FROM (SELECT DISTINCT ON (c.claim_id) c.claim_id,
                   CASE WHEN c.status_code = '4' THEN 'denied'
                        WHEN c.status_code = '22' THEN 'reversed'
                        WHEN c.status_code IN ('1', '2', '3', '19', '20', '21') THEN
                            CASE WHEN NOT EXISTS (SELECT FROM pg_temp.rc835_adj a
                                                   WHERE a.remittance_claim_id = c.remittance_claim_id
                                                     AND a.is_denial AND a.amount > 0)
                                 THEN 'paid'
                                 WHEN c.paid_amount > 0 THEN 'partially_paid'
                                 ELSE 'denied' END
                   END::@extschema@.claim_status AS status
              FROM pg_temp.rc835_claim c
             WHERE c.claim_id IS NOT NULL
             ORDER BY c.claim_id, c.remittance_claim_id DESC) s
     WHERE k.claim_id = s.claim_id AND s.status IS NOT NULL
       AND k.status IS DISTINCT FROM s.status;

    -- 7. Provider-level transactions: one per PLB pair of the loaded
    --    transactions, amount = -PLB (the effect on the payment), so that
    --    BPR02 = Σ CLP04 + Σ provider transactions.  A recoupment whose
    --    reference is a CLP07 (else CLP01) the same payer remitted before
    --    names that remittance claim and its claim.
    INSERT INTO @extschema@.provider_transaction
           (remittance_id, provider_adjustment_id, payer_id, kind, amount, posted_date,
            remittance_claim_id, claim_id, memo)
    SELECT pa.remittance_id, pa.provider_adjustment_id, t.payer_id,
           CASE WHEN pa.reason_code = 'L6' THEN 'interest'
                WHEN pa.reason_code = 'FB' THEN 'forward_balance'
                WHEN pa.reason_code IN ('WO', '72') THEN 'recoupment'
                ELSE 'other' END,
           -pa.amount, COALESCE(t.posted_date, pa.fiscal_period_date),
           o.remittance_claim_id, o.claim_id,
           '835 PLB ' || pa.reason_code || COALESCE(':' || pa.reference, '')
               || ', trace ' || t.trace_number
      FROM @extschema@.provider_adjustment pa
      JOIN pg_temp.rc835_txn t ON t.remittance_id = pa.remittance_id AND NOT t.skipped
      LEFT JOIN LATERAL (
            SELECT rc.remittance_claim_id, rc.claim_id
              FROM @extschema@.remittance_claim rc
              JOIN @extschema@.remittance m ON m.remittance_id = rc.remittance_id
             WHERE pa.reason_code IN ('WO', '72') AND pa.reference IS NOT NULL
               AND m.payer_identifier IS NOT DISTINCT FROM t.payer_key
               AND (rc.payer_claim_control_number = pa.reference
                    OR rc.patient_control_number = pa.reference)
             ORDER BY rc.payer_claim_control_number = pa.reference DESC NULLS LAST,
                      rc.remittance_claim_id DESC
             LIMIT 1) o ON true
     WHERE pa.amount <> 0
     ORDER BY pa.provider_adjustment_id;
END
$load_835$;
COMMENT ON FUNCTION @extschema@.load_835(text, text, boolean, boolean, text) IS
    'Loads an X12 835 file in the caller''s transaction: refuses it (23514) when check_835 finds violations unless allow_unbalanced; identifies a payment by its payer and TRN02 trace number (concurrent loads of one payment serialize on it): a re-delivery (same BPR02 and BPR16) is skipped with a NOTICE, a different payment reusing the trace is refused (23505); stores remittance, remittance_claim, remittance_line, remittance_adjustment and provider_adjustment rows; records denials (carc_category decides); unless post => false, posts payment, contractual_adjustment (CO and PI codes that are not denials, negative amounts as reversals) and the patient-responsibility transfer pair (to the account''s secondary payer when the primary pays, else to self-pay; patient_responsibility_to => self_pay or none) for claims matched by claim_number (else account_number + payer).  Returns counts and totals.  Any error leaves nothing behind.';
