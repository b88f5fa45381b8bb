-- pgTAP: X12 835 parser SRFs, check_835, load_835 and the unmatched view.
-- Documents are inline (envelope-stripped, default delimiters * ~ :) so the
-- file does not depend on the working directory.
BEGIN;
SELECT plan(37);

SELECT has_function('revcycle', 'parse_835_transactions', ARRAY['text']);
SELECT has_function('revcycle', 'parse_835', ARRAY['text']);
SELECT has_function('revcycle', 'parse_835_lines', ARRAY['text']);
SELECT has_function('revcycle', 'parse_835_adjustments', ARRAY['text']);
SELECT has_function('revcycle', 'parse_835_provider_adjustments', ARRAY['text']);
SELECT has_function('revcycle', 'check_835', ARRAY['text']);
SELECT has_function('revcycle', 'load_835', ARRAY['text', 'text', 'boolean', 'boolean', 'text']);
SELECT has_function('revcycle', 'adjustment_is_denial', ARRAY['text', 'text', 'text']);
SELECT has_view('revcycle', 'unmatched_remittance_claims', 'unmatched view exists');
SELECT is((SELECT 'security_invoker=true' = ANY (c.reloptions) FROM pg_class c
            WHERE c.oid = 'revcycle.unmatched_remittance_claims'::regclass),
          true, 'unmatched view is security_invoker');
SELECT is((SELECT count(*) FROM pg_proc p
            WHERE p.pronamespace = 'revcycle'::regnamespace
              AND p.proname IN ('parse_835_transactions', 'parse_835', 'parse_835_lines',
                                'parse_835_adjustments', 'parse_835_provider_adjustments',
                                'check_835', 'load_835', 'adjustment_is_denial')
              AND obj_description(p.oid, 'pg_proc') IS NOT NULL),
          8::bigint, 'every 835 function has a comment');

-- A small balanced transaction:
--   P1: 100.00 - (CO-45 20.00 + PR-2 10.00) = 70.00; P2 (CLP02 = 4): 50 - CO-50 50 = 0.
--   BPR02 = 70.00 - PLB(-1.25) = 71.25.
\set ok 'ST*835*77*005010X221A1~BPR*I*71.25*C*ACH************20261120~TRN*1*TAPTRACE*TAPPAYER~DTM*405*20261119~N1*PR*TAP TEST PAYER*XV*TAPPAYER~N1*PE*TAP HOSPITAL*XX*1234567890~LX*1~CLP*P1*1*100.00*70.00*10.00*12*X1*13*1~SVC*HC:99213:25:59*100.00*70.00**1~DTM*472*20261101~CAS*CO*45*20.00~CAS*PR*2*10.00~AMT*B6*80.00~LQ*HE*N1~CLP*P2*4*50*0**12*X2*13*1~CAS*CO*50*50~PLB*1234567890*20261231*L6*-1.25~SE*18*77~'
SELECT results_eq($$SELECT transaction_control_number, total_payment, payment_date, trace_number, claim_count
                     FROM revcycle.parse_835_transactions('$$ || :'ok' || $$')$$,
                  $$VALUES ('77', 71.25::numeric, '2026-11-20'::date, 'TAPTRACE', 2)$$,
                  'parse_835_transactions: BPR, TRN, claim count');
SELECT results_eq($$SELECT patient_control_number, status_code, charge_amount, paid_amount
                     FROM revcycle.parse_835('$$ || :'ok' || $$') ORDER BY claim_position$$,
                  $$VALUES ('P1', '1', 100.00::numeric, 70.00::numeric), ('P2', '4', 50, 0)$$,
                  'parse_835: one row per CLP');
SELECT results_eq($$SELECT procedure_code, modifiers, allowed_amount, remark_codes, service_from
                     FROM revcycle.parse_835_lines('$$ || :'ok' || $$')$$,
                  $$VALUES ('99213', ARRAY['25', '59'], 80.00::numeric, ARRAY['N1'], '2026-11-01'::date)$$,
                  'parse_835_lines: modifiers, AMT*B6, LQ*HE, DTM*472');
SELECT results_eq($$SELECT level, line_number, group_code, reason_code, amount
                     FROM revcycle.parse_835_adjustments('$$ || :'ok' || $$') ORDER BY segment$$,
                  $$VALUES ('line', 1, 'CO', '45', 20.00::numeric), ('line', 1, 'PR', '2', 10.00),
                           ('claim', NULL, 'CO', '50', 50)$$,
                  'parse_835_adjustments: claim and line level');
SELECT results_eq($$SELECT reason_code, reference, amount
                     FROM revcycle.parse_835_provider_adjustments('$$ || :'ok' || $$')$$,
                  $$VALUES ('L6', NULL::text, -1.25::numeric)$$,
                  'parse_835_provider_adjustments: PLB pair');
SELECT is_empty($$SELECT * FROM revcycle.check_835('$$ || :'ok' || $$')$$, 'check_835: balanced file');
SELECT results_eq($$SELECT level, expected, actual FROM revcycle.check_835(
                     'ST*835*1~BPR*I*60*C~TRN*1*T*X~CLP*P*1*100*60~CAS*CO*45*30~SE*6*1~') ORDER BY segment$$,
                  $$VALUES ('claim', 70::numeric, 60::numeric)$$,
                  'check_835: claim imbalance 100 - 30 = 70 vs 60');

SELECT throws_ok($$SELECT * FROM revcycle.parse_835('HELLO')$$, '22P02', NULL, 'not X12: 22P02');
SELECT throws_ok($$SELECT * FROM revcycle.parse_835('ST*835*1~BPR*I*5*C~SE*4*1~')$$, '22P02',
                 'invalid X12 835 document at segment 3 (SE), element 1: SE01: transaction has 3 segments, SE01 says ''4''',
                 'wrong SE01: 22P02 with the counts');
SELECT throws_ok($$SELECT * FROM revcycle.parse_835('ST*835*1~BPR*I*5x*C~SE*2*1~')$$, '22P02', NULL,
                 'non-numeric amount: 22P02');
SELECT throws_ok($$SELECT * FROM revcycle.parse_835('ST*835*1~BPR*I*5*C~DTM*405*20261301~SE*3*1~')$$,
                 '22P02', NULL, 'impossible date: 22P02');

-- load_835 against a tiny data model.
INSERT INTO revcycle.department VALUES ('TAP', 'Tap', 'Main');
INSERT INTO revcycle.payer (name, payer_class, payer_identifier) VALUES
    ('Tap Test Payer', 'commercial', 'TAPPAYER'), ('Tap Self-pay', 'self_pay', NULL);
INSERT INTO revcycle.patient (mrn) VALUES ('TAP-M1');
INSERT INTO revcycle.account (account_number, patient_id, facility, dept_code, patient_type,
                              service_from, service_to, primary_payer_id)
SELECT 'TAP-A1', patient_id, 'Main', 'TAP', 'clinic', '2026-11-01', '2026-11-01',
       (SELECT payer_id FROM revcycle.payer WHERE name = 'Tap Test Payer')
  FROM revcycle.patient WHERE mrn = 'TAP-M1';
INSERT INTO revcycle.claim (claim_number, account_id, payer_id, statement_from, statement_to,
                            submitted_date, billed_amount)
SELECT 'P1', account_id, primary_payer_id, '2026-11-01', '2026-11-01', '2026-11-02', 100.00
  FROM revcycle.account WHERE account_number = 'TAP-A1';

-- P1: payment 70.00, contractual 20.00, transfer -10.00 / +10.00 (4 rows);
-- P2 unmatched; its CO-50 50 is a denial (claim_id NULL).
SELECT results_eq($$SELECT transactions_loaded, claims, claims_matched, claims_unmatched, denials,
                           total_payment, total_paid, ledger_rows
                      FROM revcycle.load_835('$$ || :'ok' || $$', 'tap')$$,
                  $$VALUES (1, 2, 1, 1, 1, 71.25::numeric, 70.00::numeric, 4)$$,
                  'load_835: counts and totals');
SELECT results_eq($$SELECT l.kind::text, p.name, l.amount FROM revcycle.ledger l
                      JOIN revcycle.payer p USING (payer_id)
                      JOIN revcycle.claim c USING (claim_id)
                     WHERE c.claim_number = 'P1' ORDER BY l.txn_id$$,
                  $$VALUES ('payment', 'Tap Test Payer', 70.00::numeric),
                           ('contractual_adjustment', 'Tap Test Payer', 20.00),
                           ('transfer', 'Tap Test Payer', -10.00),
                           ('transfer', 'Tap Self-pay', 10.00)$$,
                  'load_835: ledger for the matched claim');
SELECT results_eq($$SELECT patient_control_number FROM revcycle.unmatched_remittance_claims
                     WHERE source = 'tap'$$,
                  $$VALUES ('P2')$$, 'unmatched claim listed');
SELECT results_eq($$SELECT d.carc, d.amount, d.claim_id IS NULL FROM revcycle.denial d
                      JOIN revcycle.remittance_claim rc USING (remittance_claim_id)
                     WHERE rc.patient_control_number = 'P2'$$,
                  $$VALUES ('50', 50.00::numeric, true)$$, 'denial of the unmatched claim recorded');
SELECT results_eq($$SELECT transactions_loaded, transactions_skipped, ledger_rows
                      FROM revcycle.load_835('$$ || :'ok' || $$', 'tap again')$$,
                  $$VALUES (0, 1, 0)$$, 'second load skips the transaction');
SELECT is((SELECT count(*) FROM revcycle.remittance WHERE trace_number = 'TAPTRACE'), 1::bigint,
          'one remittance after two loads');
SELECT throws_ok($$SELECT * FROM revcycle.load_835(
                     'ST*835*2~BPR*I*61*C~TRN*1*TAP2*TAPPAYER~DTM*405*20261120~CLP*P1*1*100*60~CAS*CO*45*30~SE*7*2~')$$,
                 '23514', NULL, 'unbalanced file refused');
SELECT lives_ok($$SELECT * FROM revcycle.load_835(
                     'ST*835*2~BPR*I*61*C~TRN*1*TAP2*TAPPAYER~DTM*405*20261120~CLP*P1*1*100*60~CAS*CO*45*30~SE*7*2~',
                     NULL, true)$$, 'unbalanced file loaded with allow_unbalanced');
SELECT is((SELECT count(*) FROM revcycle.remittance WHERE trace_number = 'TAP2'), 1::bigint,
          'override load stored the remittance');

-- 0.3.0 (issue 11): re-delivery with a new ST02 is skipped, a reused trace
-- with another amount is refused, the reconciliation view and table exist.
SELECT results_eq($$SELECT transactions_loaded, transactions_skipped, ledger_rows
                      FROM revcycle.load_835(replace(replace('$$ || :'ok' || $$', 'ST*835*77*', 'ST*835*78*'), '*77~', '*78~'), 'tap redelivery')$$,
                  $$VALUES (0, 1, 0)$$, 're-delivery with a new ST02 skips the transaction');
SELECT throws_ok($$SELECT * FROM revcycle.load_835(
                     'ST*835*3~BPR*I*60*C~TRN*1*TAPTRACE*TAPPAYER~DTM*405*20261120~N1*PR*TAP TEST PAYER*XV*TAPPAYER~CLP*P9*1*60*60~SE*7*3~')$$,
                 '23505', NULL, 'a different payment reusing the trace is refused');
SELECT has_table('revcycle', 'provider_transaction', 'provider_transaction exists');
SELECT has_view('revcycle', 'remittance_reconciliation', 'reconciliation view exists');
SELECT is((SELECT 'security_invoker=true' = ANY (c.reloptions) FROM pg_class c
            WHERE c.oid = 'revcycle.remittance_reconciliation'::regclass),
          true, 'reconciliation view is security_invoker');
SELECT is((SELECT count(*) FROM revcycle.remittance_reconciliation WHERE unreconciled <> 0
             AND trace_number = 'TAPTRACE'), 0::bigint, 'the loaded payment reconciles (PLB posted)');

SELECT * FROM finish();
ROLLBACK;
