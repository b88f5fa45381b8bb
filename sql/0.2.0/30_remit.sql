
-- ===================================================================
-- X12 835 remittances (issue 5): parser SRFs over the plain-C core
-- (src/x12_835.c, wrapped by src/remit.c), the denial rule used when
-- posting, load_835() and the unmatched-claims view.  See README.md, "Remittances".
-- Only adds objects (this part is also the 0.1.0 -> 0.2.0 upgrade).
-- ===================================================================

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
                   total_claim_paid numeric, total_provider_adjustments numeric)
    AS 'MODULE_PATHNAME', 'rc_parse_835_transactions'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION @extschema@.parse_835_transactions(text) IS
    'One row per X12 835 transaction set (ST..SE) of a whole file (one or many interchanges, or envelope-stripped text starting at ST*835 with the default delimiters * ~ : ^): ordinal, ISA13, ISA06, GS06, ST02, BPR01/02/03/04/16, TRN02/03, DTM*405, N1*PR name and id (N104, else REF*2U), N1*PE name, qualifier and id, claim/line/PLB-pair/segment counts, sum of CLP04 and of PLB amounts.  Structural errors raise 22P02 with the segment number, id and element.';

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
                   received_date date, line_count integer, adjustment_count integer)
    AS 'MODULE_PATHNAME', 'rc_parse_835'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1000;
COMMENT ON FUNCTION @extschema@.parse_835(text) IS
    'One row per claim payment (CLP) of an X12 835 file, with its transaction''s envelope ids, payer, payee, BPR payment and TRN trace: CLP01..CLP09, is_reversal (CLP02 = 22; amounts keep the signs as sent), DTM*232/233/050, line and CAS-triplet counts.  Amounts are exact numerics of the text as sent; absent optional elements are NULL.  Structural errors raise 22P02.';

CREATE FUNCTION @extschema@.parse_835_lines(doc text)
    RETURNS TABLE (transaction_number integer, transaction_control_number text,
                   claim_position integer, patient_control_number text,
                   line_number integer, procedure_composite text,
                   procedure_qualifier text, procedure_code text, modifiers text[],
                   charge_amount numeric, paid_amount numeric, revenue_code text,
                   units numeric, service_from date, service_to date,
                   allowed_amount numeric, remark_codes text[],
                   line_control_number text)
    AS 'MODULE_PATHNAME', 'rc_parse_835_lines'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1000;
COMMENT ON FUNCTION @extschema@.parse_835_lines(text) IS
    'One row per service line (SVC) of an X12 835 file: SVC01 composite split on the component separator (qualifier, code, up to 4 modifiers; NULL array when none), SVC02 charge, SVC03 paid, SVC04 revenue code, SVC05 units, service dates (DTM*472 for both ends, else DTM*150/151), AMT*B6 allowed, LQ*HE remark codes (NULL when none), REF*6R line control number.  (transaction_number, claim_position) joins to parse_835.';

CREATE FUNCTION @extschema@.parse_835_adjustments(doc text)
    RETURNS TABLE (transaction_number integer, transaction_control_number text,
                   claim_position integer, patient_control_number text,
                   level text, line_number integer, segment integer,
                   triplet integer, group_code text, reason_code text,
                   amount numeric, quantity numeric)
    AS 'MODULE_PATHNAME', 'rc_parse_835_adjustments'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1000;
COMMENT ON FUNCTION @extschema@.parse_835_adjustments(text) IS
    'One row per CAS triplet of an X12 835 file: level ''claim'' (line_number NULL) or ''line'' (line_number = the SVC''s position in its claim), the CAS segment number, triplet 1..6, group code, reason code (CARC), amount and quantity (NULL when not sent).  Empty triplets are skipped.';

CREATE FUNCTION @extschema@.parse_835_provider_adjustments(doc text)
    RETURNS TABLE (transaction_number integer, transaction_control_number text,
                   adjustment_number integer, segment integer, pair integer,
                   provider_identifier text, fiscal_period_date date,
                   reason_code text, reference text, amount numeric)
    AS 'MODULE_PATHNAME', 'rc_parse_835_provider_adjustments'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 100;
COMMENT ON FUNCTION @extschema@.parse_835_provider_adjustments(text) IS
    'One row per PLB (reason, amount) pair of an X12 835 file: ordinal within the transaction, PLB segment number, pair 1..6, PLB01 provider, PLB02 fiscal period date, reason code and reference (the composite split on the component separator; reference NULL when absent), amount (positive reduces the payment, negative such as interest increases it).';

CREATE FUNCTION @extschema@.check_835(doc text)
    RETURNS TABLE (transaction_number integer, transaction_control_number text,
                   level text, claim_position integer, patient_control_number text,
                   line_number integer, segment integer,
                   expected numeric, actual numeric, difference numeric)
    AS 'MODULE_PATHNAME', 'rc_check_835'
    LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION @extschema@.check_835(text) IS
    'One row per balancing violation of an X12 835 file, none when it balances: level ''line'' (SVC02 - line CAS = SVC03), ''claim'' (CLP03 - claim and line CAS = CLP04) or ''transaction'' (sum CLP04 - sum PLB = BPR02); expected is the left side, actual the amount sent, difference = actual - expected.  Structural errors raise 22P02 like parse_835.';

-- -------------------------------------------------------------------
-- Which adjustments are denials.
-- -------------------------------------------------------------------

CREATE FUNCTION @extschema@.adjustment_is_denial(group_code text, carc text, claim_status text)
    RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT COALESCE(
        (SELECT c.is_denial
           FROM @extschema@.carc_category c
          WHERE c.carc = adjustment_is_denial.carc
            AND (c.group_code = adjustment_is_denial.group_code OR c.group_code IS NULL)
          ORDER BY c.group_code IS NULL
          LIMIT 1),
        CASE WHEN (adjustment_is_denial.group_code, adjustment_is_denial.carc) IN
                  (('PR', '1'), ('PR', '2'), ('PR', '3'), ('CO', '45'), ('CO', '253'),
                   ('OA', '23'), ('CO', '24'))
             THEN false
             ELSE adjustment_is_denial.claim_status IS NOT DISTINCT FROM '4'
                  OR adjustment_is_denial.group_code IN ('CO', 'OA', 'PI')
        END);
END;
COMMENT ON FUNCTION @extschema@.adjustment_is_denial(text, text, text) IS
    'True when a remittance adjustment (group code, CARC) on a claim with status claim_status (CLP02) is a denial: the carc_category row for (group, CARC), else for (any group, CARC), decides; a code with no row is a denial unless it is PR-1/2/3, CO-45, CO-253, OA-23 or CO-24, when the claim is denied (CLP02 = 4) or the group is CO, OA or PI.';

-- -------------------------------------------------------------------
-- load_835: store and post.
-- -------------------------------------------------------------------

CREATE FUNCTION @extschema@.load_835(doc text, source text DEFAULT NULL,
                                     allow_unbalanced boolean DEFAULT false,
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

    CREATE TEMP TABLE rc835_txn ON COMMIT DROP AS
    SELECT t.transaction_number, t.interchange_control_number,
           t.transaction_control_number, t.handling_code, t.total_payment,
           t.payment_method, t.payment_date, t.production_date, t.trace_number,
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

    -- Idempotency: (payer, trace number, ST02) already loaded, or repeated
    -- earlier in this document.
    UPDATE pg_temp.rc835_txn x SET skipped = true
     WHERE EXISTS (SELECT FROM @extschema@.remittance m
                    WHERE m.payer_identifier IS NOT DISTINCT FROM x.payer_key
                      AND m.trace_number = x.trace_number
                      AND m.transaction_control_number = x.transaction_control_number)
        OR EXISTS (SELECT FROM pg_temp.rc835_txn y
                    WHERE y.payer_key IS NOT DISTINCT FROM x.payer_key
                      AND y.trace_number = x.trace_number
                      AND y.transaction_control_number = x.transaction_control_number
                      AND y.transaction_number < x.transaction_number);
    FOR r IN SELECT * FROM pg_temp.rc835_txn WHERE skipped ORDER BY transaction_number LOOP
        RAISE NOTICE 'X12 835 transaction % (payer %, trace %, ST02 %) is already loaded: nothing posted',
                     r.transaction_number, COALESCE(r.payer_key, '(none)'), r.trace_number,
                     r.transaction_control_number;
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
           t.remittance_id, t.posted_date,
           nextval('@extschema@.remittance_claim_remittance_claim_id_seq'::regclass) AS remittance_claim_id,
           m.claim_id, m.account_id, m.claim_frequency,
           COALESCE(t.payer_id, m.payer_id) AS payer_id
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
            LIMIT 1) m ON true;

    CREATE TEMP TABLE rc835_line ON COMMIT DROP AS
    SELECT l.transaction_number, l.claim_position, l.line_number,
           l.procedure_qualifier, l.procedure_code, l.modifiers, l.charge_amount,
           l.paid_amount, l.revenue_code, l.units, l.service_from, l.service_to,
           l.allowed_amount, l.remark_codes, l.line_control_number,
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
            production_date, source)
    SELECT remittance_id, payer_id, payer_name, payer_key, payee_name, payee_identifier,
           interchange_control_number, transaction_control_number, trace_number,
           handling_code, payment_method, total_payment, payment_date, production_date,
           load_835.source
      FROM pg_temp.rc835_txn WHERE NOT skipped ORDER BY transaction_number;
    GET DIAGNOSTICS transactions_loaded = ROW_COUNT;
    SELECT count(*) FILTER (WHERE skipped) INTO transactions_skipped FROM pg_temp.rc835_txn;

    INSERT INTO @extschema@.remittance_claim
           (remittance_claim_id, remittance_id, claim_id, patient_control_number,
            status_code, charge_amount, paid_amount, patient_responsibility,
            claim_filing_indicator, payer_claim_control_number, facility_type,
            frequency_code, statement_from, statement_to, received_date)
    SELECT remittance_claim_id, remittance_id, claim_id, patient_control_number,
           status_code, charge_amount, paid_amount, patient_responsibility,
           claim_filing_indicator, payer_claim_control_number, facility_type,
           frequency_code, statement_from, statement_to, received_date
      FROM pg_temp.rc835_claim ORDER BY remittance_claim_id;
    SELECT count(*), count(claim_id), count(*) - count(claim_id), COALESCE(sum(paid_amount), 0)
      INTO claims, claims_matched, claims_unmatched, total_paid
      FROM pg_temp.rc835_claim;
    SELECT COALESCE(sum(total_payment), 0) INTO total_payment
      FROM pg_temp.rc835_txn WHERE NOT skipped;

    INSERT INTO @extschema@.remittance_line
           (remittance_line_id, remittance_claim_id, line_number, procedure_qualifier,
            procedure_code, modifiers, charge_amount, paid_amount, revenue_code, units,
            service_from, service_to, allowed_amount, remark_codes, line_control_number)
    SELECT remittance_line_id, remittance_claim_id, line_number, procedure_qualifier,
           procedure_code, modifiers, charge_amount, paid_amount, revenue_code, units,
           service_from, service_to, allowed_amount, remark_codes, line_control_number
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

    -- 5. Ledger postings for matched claims.
    IF EXISTS (SELECT FROM pg_temp.rc835_adj a
                 JOIN pg_temp.rc835_claim c ON c.remittance_claim_id = a.remittance_claim_id
                WHERE c.claim_id IS NOT NULL AND a.group_code = 'PR'
                GROUP BY a.remittance_claim_id HAVING sum(a.amount) <> 0) THEN
        SELECT p.payer_id INTO v_selfpay FROM @extschema@.payer p
         WHERE p.payer_class = 'self_pay' ORDER BY p.payer_id LIMIT 1;
        IF v_selfpay IS NULL THEN
            RAISE EXCEPTION 'load_835: no self-pay payer to transfer patient responsibility to'
                USING ERRCODE = '55000',
                      HINT = 'Create one: INSERT INTO revcycle.payer (name, payer_class) VALUES (''Self-pay'', ''self_pay'').';
        END IF;
    END IF;

    WITH sums AS (
        SELECT c.remittance_claim_id,
               COALESCE(sum(a.amount) FILTER (WHERE a.group_code IN ('CO', 'PI') AND NOT a.is_denial), 0) AS contractual,
               COALESCE(sum(a.amount) FILTER (WHERE a.group_code = 'PR'), 0) AS patient
          FROM pg_temp.rc835_claim c
          LEFT JOIN pg_temp.rc835_adj a ON a.remittance_claim_id = c.remittance_claim_id
         WHERE c.claim_id IS NOT NULL
         GROUP BY c.remittance_claim_id),
    post AS (
        SELECT c.remittance_claim_id, c.claim_id, c.account_id, c.posted_date, c.is_reversal,
               x.ord, x.kind, x.payer_id, x.amount, x.memo
          FROM pg_temp.rc835_claim c
          JOIN sums s ON s.remittance_claim_id = c.remittance_claim_id
          JOIN pg_temp.rc835_txn t ON t.transaction_number = c.transaction_number
          CROSS JOIN LATERAL (VALUES
                (1, 'payment'::@extschema@.txn_kind, c.payer_id, c.paid_amount,
                 '835 payment, trace ' || t.trace_number),
                (2, 'contractual_adjustment', c.payer_id, s.contractual,
                 '835 contractual adjustment, trace ' || t.trace_number),
                (3, 'transfer', c.payer_id, -s.patient,
                 '835 patient responsibility to self-pay, trace ' || t.trace_number),
                (4, 'transfer', v_selfpay, s.patient,
                 '835 patient responsibility from payer, trace ' || t.trace_number)
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
                 ORDER BY g.txn_id DESC LIMIT 1)
           END,
           p.memo
      FROM post p
     ORDER BY p.remittance_claim_id, p.ord;
    GET DIAGNOSTICS ledger_rows = ROW_COUNT;
END
$load_835$;
COMMENT ON FUNCTION @extschema@.load_835(text, text, boolean) IS
    'Loads an X12 835 file in the caller''s transaction: refuses it (23514) when check_835 finds violations unless allow_unbalanced; skips (NOTICE) transactions already loaded (same payer identifier, TRN02, ST02); stores remittance, remittance_claim, remittance_line, remittance_adjustment and provider_adjustment rows; records denials; posts payment, contractual_adjustment and the patient-responsibility transfer pair to the ledger for claims matched by claim_number (else account_number + payer).  Returns counts and totals.  Any error leaves nothing behind.';

-- -------------------------------------------------------------------
-- Unmatched remittance claims.
-- -------------------------------------------------------------------

CREATE VIEW @extschema@.unmatched_remittance_claims WITH (security_invoker = true) AS
SELECT rc.remittance_claim_id, rc.remittance_id, r.payer_id, r.payer_name,
       r.payer_identifier, r.trace_number, r.transaction_control_number,
       r.payment_date, rc.patient_control_number, rc.status_code, rc.is_reversal,
       rc.charge_amount, rc.paid_amount, rc.patient_responsibility,
       rc.payer_claim_control_number, r.source, r.loaded_at
  FROM @extschema@.remittance_claim rc
  JOIN @extschema@.remittance r ON r.remittance_id = rc.remittance_id
 WHERE rc.claim_id IS NULL;
COMMENT ON VIEW @extschema@.unmatched_remittance_claims IS
    'Remittance claims whose patient control number (CLP01) matched no claim (claim_number, or account_number with the remittance payer): stored by load_835 but not posted to the ledger.';
COMMENT ON COLUMN @extschema@.unmatched_remittance_claims.remittance_claim_id IS 'The remittance claim.';
COMMENT ON COLUMN @extschema@.unmatched_remittance_claims.remittance_id IS 'The remittance (835 transaction) it came in.';
COMMENT ON COLUMN @extschema@.unmatched_remittance_claims.payer_id IS 'Payer matched by identifier; NULL when unknown.';
COMMENT ON COLUMN @extschema@.unmatched_remittance_claims.payer_name IS 'Payer name as sent (N1*PR).';
COMMENT ON COLUMN @extschema@.unmatched_remittance_claims.payer_identifier IS 'Payer identifier as sent (N1*PR N104 or REF*2U, else TRN03).';
COMMENT ON COLUMN @extschema@.unmatched_remittance_claims.trace_number IS 'Check or EFT trace number (TRN02).';
COMMENT ON COLUMN @extschema@.unmatched_remittance_claims.transaction_control_number IS 'ST02 of the transaction.';
COMMENT ON COLUMN @extschema@.unmatched_remittance_claims.payment_date IS 'BPR16 payment date.';
COMMENT ON COLUMN @extschema@.unmatched_remittance_claims.patient_control_number IS 'CLP01 as sent.';
COMMENT ON COLUMN @extschema@.unmatched_remittance_claims.status_code IS 'CLP02 claim status.';
COMMENT ON COLUMN @extschema@.unmatched_remittance_claims.is_reversal IS 'True for a reversal (CLP02 = 22).';
COMMENT ON COLUMN @extschema@.unmatched_remittance_claims.charge_amount IS 'CLP03 claim charge.';
COMMENT ON COLUMN @extschema@.unmatched_remittance_claims.paid_amount IS 'CLP04 claim payment (not posted).';
COMMENT ON COLUMN @extschema@.unmatched_remittance_claims.patient_responsibility IS 'CLP05 patient responsibility.';
COMMENT ON COLUMN @extschema@.unmatched_remittance_claims.payer_claim_control_number IS 'CLP07 payer claim control number.';
COMMENT ON COLUMN @extschema@.unmatched_remittance_claims.source IS 'Source given to load_835.';
COMMENT ON COLUMN @extschema@.unmatched_remittance_claims.loaded_at IS 'When the remittance was loaded.';
