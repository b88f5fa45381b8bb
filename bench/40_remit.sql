-- X12 835 parsing and loading (issue 5).  Ignores :millions.
--   1. parse throughput on a generated ~100 MB file (one ST..SE holding
--      ~770k balanced claims): revcycle.parse_835 vs merely splitting the
--      text into segments with regexp_split_to_table (goal: >= 3x faster);
--   2. memory: see bench/45_remit_memory.sh (goal: < 3x the file size);
--   3. load_835 rate in claims per second on a 10k-claim file whose claims
--      all match data-model rows created here (rolled back afterwards).
\set ON_ERROR_STOP 1
\pset null NULL
SHOW work_mem;  -- parse_835 materializes its rows: above work_mem they spill to a temp file

-- One claim block, 5 segments, balanced (100.00 - 10.00 - 10.00 = 80.00).
DROP TABLE IF EXISTS bench.remit_doc;
CREATE TABLE bench.remit_doc (name text PRIMARY KEY, doc text, claims integer);
ALTER TABLE bench.remit_doc ALTER COLUMN doc SET STORAGE EXTERNAL;  -- no pglz in the timings

CREATE OR REPLACE FUNCTION bench.remit_835(n integer, pcn_prefix text) RETURNS text
LANGUAGE sql AS $$
SELECT 'ISA*00*          *00*          *ZZ*RIVERBENDCLR   *ZZ*NORTHWINDHP    *261115*0930*^*00501*000000001*0*P*:~' || E'\r\n'
    || 'GS*HP*NORTHWINDHP*RIVERBENDCLR*20261115*0930*1*X*005010X221A1~' || E'\r\n'
    || 'ST*835*0001*005010X221A1~' || E'\r\n'
    || 'BPR*I*' || (80 * n) || '.00*C*ACH*CCP*01*011000015*DA*1234567*1512345678**01*021000021*DA*7654321*20261115~' || E'\r\n'
    || 'TRN*1*BENCH' || n || '*1512345678~' || E'\r\n'
    || 'DTM*405*20261114~' || E'\r\n'
    || 'N1*PR*NORTHWIND HEALTH PLAN~' || E'\r\n' || 'REF*2U*BENCHPAYER~' || E'\r\n'
    || 'N1*PE*RIVERBEND MEMORIAL HOSPITAL*XX*1999999984~' || E'\r\n'
    || 'LX*1~' || E'\r\n'
    || (SELECT string_agg(format('CLP*%s%s*1*100.00*80.00*10.00*12*NWC%s*11*1~' || E'\r\n'
                                 'SVC*HC:99213:25*100.00*80.00**1~' || E'\r\n'
                                 'DTM*472*20261101~' || E'\r\n'
                                 'CAS*CO*45*10.00~' || E'\r\n'
                                 'CAS*PR*2*10.00~' || E'\r\n', pcn_prefix, i, i), '')
          FROM generate_series(1, n) i)
    || 'SE*' || (5 * n + 9) || '*0001~' || E'\r\n'
    || 'GE*1*1~' || E'\r\n' || 'IEA*1*000000001~' || E'\r\n'
$$;

-- ~131 bytes per claim: 770,000 claims ~ 100 MB.
INSERT INTO bench.remit_doc VALUES ('100MB', bench.remit_835(770000, 'BP'), 770000);
SELECT name, claims, pg_size_pretty(octet_length(doc)::bigint) AS size,
       round(octet_length(doc) / 1e6, 1) AS mb
  FROM bench.remit_doc;
-- Sanity: the generated file parses and balances.
SELECT count(*) AS violations FROM revcycle.check_835((SELECT doc FROM bench.remit_doc WHERE name = '100MB'));

-- 1. Throughput (best of 3).
SELECT round(octet_length(d.doc) / 1e6, 1) AS mb, t.parse_ms, t.split_ms, t.transactions_ms, t.check_ms,
       round(octet_length(d.doc) / 1e6 / (t.parse_ms / 1000), 1) AS parse_835_mb_s,
       round(octet_length(d.doc) / 1e6 / (t.split_ms / 1000), 1) AS regexp_split_mb_s,
       round(octet_length(d.doc) / 1e6 / (t.transactions_ms / 1000), 1) AS parse_835_transactions_mb_s,
       round(t.split_ms / t.parse_ms, 2) AS speedup_vs_split
  FROM bench.remit_doc d,
       LATERAL (SELECT bench.time_ms($q$SELECT count(*) FROM revcycle.parse_835((SELECT doc FROM bench.remit_doc WHERE name = '100MB'))$q$) AS parse_ms,
                       bench.time_ms($q$SELECT count(*) FROM regexp_split_to_table((SELECT doc FROM bench.remit_doc WHERE name = '100MB'), '~')$q$) AS split_ms,
                       bench.time_ms($q$SELECT count(*) FROM revcycle.parse_835_transactions((SELECT doc FROM bench.remit_doc WHERE name = '100MB'))$q$) AS transactions_ms,
                       bench.time_ms($q$SELECT count(*) FROM revcycle.check_835((SELECT doc FROM bench.remit_doc WHERE name = '100MB'))$q$) AS check_ms) t
 WHERE d.name = '100MB';

-- 2. Memory: bench/45_remit_memory.sh (samples the backend from outside).

-- 2b. Cancel: with statement_timeout = 100ms, each parser SRF on the
--     ~100 MB file (one ST..SE) must stop within 150 ms (\timing: the
--     whole round trip, reading the document included; goal: < 150 ms).
\set ON_ERROR_STOP 0
\timing on
SET statement_timeout = '100ms';
SELECT count(*) FROM revcycle.parse_835_transactions((SELECT doc FROM bench.remit_doc WHERE name = '100MB'));
SELECT count(*) FROM revcycle.check_835((SELECT doc FROM bench.remit_doc WHERE name = '100MB'));
SELECT count(*) FROM revcycle.parse_835_lines((SELECT doc FROM bench.remit_doc WHERE name = '100MB'));
SELECT count(*) FROM revcycle.parse_835((SELECT doc FROM bench.remit_doc WHERE name = '100MB'));
RESET statement_timeout;
\timing off
\set ON_ERROR_STOP 1

-- 3. load_835 rate: 10,000 claims, all matched, rolled back.
INSERT INTO bench.remit_doc VALUES ('10k', bench.remit_835(10000, 'LD'), 10000);
BEGIN;
INSERT INTO revcycle.department VALUES ('B835', 'Bench 835', 'Main');
INSERT INTO revcycle.payer (name, payer_class, payer_identifier) VALUES
    ('Bench 835 payer', 'commercial', 'BENCHPAYER'), ('Bench 835 self-pay', 'self_pay', NULL);
INSERT INTO revcycle.patient (mrn) VALUES ('B835-M');
INSERT INTO revcycle.account (account_number, patient_id, facility, dept_code, patient_type,
                              service_from, service_to, primary_payer_id)
SELECT 'B835-A' || i, (SELECT patient_id FROM revcycle.patient WHERE mrn = 'B835-M'), 'Main', 'B835',
       'clinic', '2026-11-01', '2026-11-01', (SELECT payer_id FROM revcycle.payer WHERE name = 'Bench 835 payer')
  FROM generate_series(1, 10000) i;
INSERT INTO revcycle.claim (claim_number, account_id, payer_id, statement_from, statement_to,
                            submitted_date, billed_amount)
SELECT 'LD' || i, a.account_id, a.primary_payer_id, '2026-11-01', '2026-11-01', '2026-11-02', 100.00
  FROM generate_series(1, 10000) i JOIN revcycle.account a ON a.account_number = 'B835-A' || i;
ANALYZE revcycle.claim, revcycle.account, revcycle.payer;
CREATE TEMP TABLE load_t0 AS SELECT clock_timestamp() AS t0;
CREATE TEMP TABLE load_result AS
SELECT * FROM revcycle.load_835((SELECT doc FROM bench.remit_doc WHERE name = '10k'), 'bench');
SELECT claims, claims_matched, lines, adjustments, ledger_rows, total_paid,
       round(extract(epoch FROM clock_timestamp() - t0) * 1000, 1) AS load_ms,
       round(claims / extract(epoch FROM clock_timestamp() - t0)) AS claims_per_s
  FROM load_result, load_t0;
ROLLBACK;
-- bench/45_remit_memory.sh uses the 100 MB file, then drops the table.
DELETE FROM bench.remit_doc WHERE name = '10k';
