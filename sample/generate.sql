\set rc_saved_echo :ECHO
\set ECHO none
-- ===================================================================
-- sample/generate.sql: a deterministic sample hospital for revcycle.
--
-- Riverside General Hospital, a mid-size acute-care hospital with a
-- hospital-based clinic: one year of encounters (dates of service in
-- calendar 2025) with their charges, claims, remittances, denials, appeals
-- and every ledger posting up to the data cut-off date 2026-03-31, so the
-- open A/R at 2025-12-31 (and some at the cut-off) is real.
--
--   psql -v accounts=3000 -f sample/generate.sql      (default 3000)
--   psql -v accounts=500000 -v quiet=1 -f sample/generate.sql
--
-- Variables: accounts (number of patient accounts), seed (default 2025),
-- quiet (set it to suppress the summary).  The script:
--   * needs an empty data model (it stops with an error otherwise);
--   * runs inside a caller's transaction (no transaction control, no VACUUM);
--   * is byte-for-byte deterministic: every random draw is a keyed hash of a
--     row key (pg_temp.rc_u), so values do not depend on plan or row order;
--     setseed() is also called so any random() use stays reproducible;
--     every id is assigned explicitly (sequences are moved past them).
--   * runs serially (max_parallel_workers_per_gather = 0 while it runs) and
--     restores the settings and psql variables it changes.
-- ===================================================================
\set rc_saved_on_error_stop :ON_ERROR_STOP
\set rc_saved_quiet :QUIET
\set ON_ERROR_STOP on
\set QUIET on
\if :{?accounts} \else \set accounts 3000 \endif
\if :{?seed} \else \set seed 2025 \endif
\set rc_cutoff 2026-03-31
SELECT pg_catalog.current_setting('client_min_messages') AS rc_saved_cmm,
       pg_catalog.current_setting('max_parallel_workers_per_gather') AS rc_saved_mpwpg
\gset
SET client_min_messages = warning;
SET max_parallel_workers_per_gather = 0;
SELECT pg_catalog.setseed(0.2025) AS rc_setseed \gset

DO $rc$
BEGIN
    IF EXISTS (SELECT 1 FROM revcycle.ledger) THEN
        RAISE EXCEPTION 'sample/generate.sql needs an empty revcycle data model, but revcycle.ledger already has rows'
            USING HINT = 'Load the sample into a fresh database (or delete the revcycle rows first).';
    END IF;
    IF EXISTS (SELECT 1 FROM revcycle.payer) OR EXISTS (SELECT 1 FROM revcycle.account)
       OR EXISTS (SELECT 1 FROM revcycle.claim) OR EXISTS (SELECT 1 FROM revcycle.remittance)
       OR EXISTS (SELECT 1 FROM revcycle.department) OR EXISTS (SELECT 1 FROM revcycle.patient) THEN
        RAISE EXCEPTION 'sample/generate.sql needs an empty revcycle data model, but payer, department, patient, account, claim or remittance already has rows';
    END IF;
END
$rc$;
SELECT (:accounts)::bigint >= 1 AS rc_ok \gset
\if :rc_ok \else
  \echo 'sample/generate.sql: accounts must be >= 1'
\endif

-- Uniform draw in [0,1) from a row key and a salt: a keyed hash, independent
-- of plan and row order.  Inlined by the planner (plain SQL, IMMUTABLE).
\set rc_body 'SELECT ((pg_catalog.hashint8extended($1, $2::bigint * 1000003 + ' :seed ') & 9007199254740991)::double precision / 9007199254740992.0)'
CREATE OR REPLACE FUNCTION pg_temp.rc_u(k bigint, salt integer) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS :'rc_body';
-- Uniform integer in [lo, hi].
CREATE OR REPLACE FUNCTION pg_temp.rc_i(k bigint, salt integer, lo integer, hi integer) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS 'SELECT $3 + pg_catalog.floor(pg_temp.rc_u($1, $2) * ($4 - $3 + 1))::integer';

DROP TABLE IF EXISTS pg_temp.rc_payer, pg_temp.rc_cdm, pg_temp.rc_pool, pg_temp.rc_poolsz, pg_temp.rc_pat,
    pg_temp.rc_acct, pg_temp.rc_line, pg_temp.rc_bill, pg_temp.rc_fin, pg_temp.rc_claim,
    pg_temp.rc_rc, pg_temp.rc_remit, pg_temp.rc_den, pg_temp.rc_ev;

-- -------------------------------------------------------------------
-- Payers.  a_lo..a_hi: allowed amount as a fraction of charges (the rest is
-- the contractual allowance); r_lo..r_hi: patient share of the allowed
-- amount; lag: days from claim to payment; eft: sends 835 remittances.
-- -------------------------------------------------------------------
CREATE TEMP TABLE rc_payer (payer_id bigint, name text, cls revcycle.payer_class, tf integer,
    ident text, a_lo numeric, a_hi numeric, r_lo numeric, r_hi numeric, lag_lo integer,
    lag_hi integer, eft boolean, filing text, method text);
INSERT INTO rc_payer VALUES
 ( 1, 'Medicare Part A',                  'medicare',         365, '12302', 0.30, 0.45, 0.03, 0.10, 17, 30, true,  'MA', 'ACH'),
 ( 2, 'Medicare Part B',                  'medicare',         365, '12402', 0.35, 0.50, 0.03, 0.10, 17, 30, true,  'MB', 'ACH'),
 ( 3, 'Railroad Medicare',                'medicare',         365, 'RRM01', 0.32, 0.46, 0.03, 0.10, 20, 35, true,  'MB', 'ACH'),
 ( 4, 'State Medicaid',                   'medicaid',         365, 'SMC01', 0.30, 0.42, 0.00, 0.00, 30, 70, true,  'MC', 'ACH'),
 ( 5, 'Riverbend Medicaid Health Plan',   'medicaid',         180, 'RBM77', 0.32, 0.44, 0.00, 0.00, 30, 65, true,  'MC', 'ACH'),
 ( 6, 'Lakeshore Blue PPO',               'commercial',       180, 'LBP47', 0.55, 0.70, 0.03, 0.10, 25, 45, true,  'BL', 'ACH'),
 ( 7, 'Summit Health Commercial',         'commercial',       120, 'SHC62', 0.57, 0.70, 0.03, 0.10, 25, 55, true,  'CI', 'ACH'),
 ( 8, 'Keystone Mutual Insurance',        'commercial',        90, 'KMI10', 0.55, 0.68, 0.03, 0.10, 30, 60, true,  'CI', 'CHK'),
 ( 9, 'Granite Employers Benefit Plan',   'commercial',        60, 'GEB05', 0.58, 0.70, 0.04, 0.10, 20, 45, false, 'CI', 'CHK'),
 (10, 'Harbor HMO',                       'managed_care',      90, 'HHM31', 0.45, 0.60, 0.02, 0.06, 35, 75, true,  'HM', 'ACH'),
 (11, 'Summit Medicare Advantage HMO',    'managed_care',     120, 'SMA88', 0.40, 0.52, 0.02, 0.07, 30, 60, true,  'HM', 'ACH'),
 (12, 'Crestview Point-of-Service Plan',  'managed_care',      90, 'CPS22', 0.45, 0.60, 0.02, 0.06, 35, 75, true,  'HM', 'CHK'),
 (13, 'State Workers Compensation Fund',  'workers_comp',     365, 'SWC01', 0.70, 0.85, 0.00, 0.00, 45, 90, false, 'WC', 'CHK'),
 (14, 'Ironbridge Casualty Workers Comp', 'workers_comp',     180, 'IBC09', 0.72, 0.85, 0.00, 0.00, 45, 90, true,  'WC', 'CHK'),
 (15, 'TRICARE East',                     'other_government', 365, 'TRE99', 0.38, 0.50, 0.02, 0.08, 25, 45, true,  'CH', 'ACH'),
 (16, 'Self-pay',                         'self_pay',         365, NULL,    1.00, 1.00, 1.00, 1.00,  0,  0, false, NULL, NULL);

INSERT INTO revcycle.payer (payer_id, name, payer_class, timely_filing_days, payer_identifier)
SELECT payer_id, name, cls, tf, ident FROM rc_payer ORDER BY payer_id;

INSERT INTO revcycle.department (dept_code, name, facility) VALUES
 ('1010', 'Pharmacy',                      'Riverside General Hospital'),
 ('1020', 'Central Supply',                'Riverside General Hospital'),
 ('5010', 'Surgical Services',             'Riverside General Hospital'),
 ('5020', 'Anesthesiology',                'Riverside General Hospital'),
 ('5030', 'Post-Anesthesia Recovery',      'Riverside General Hospital'),
 ('5040', 'Endoscopy',                     'Riverside General Hospital'),
 ('6010', 'Emergency Department',          'Riverside General Hospital'),
 ('6510', 'Medical/Surgical Unit',         'Riverside General Hospital'),
 ('6520', 'Intensive Care Unit',           'Riverside General Hospital'),
 ('6530', 'Labor and Delivery',            'Riverside General Hospital'),
 ('6540', 'Observation Unit',              'Riverside General Hospital'),
 ('7010', 'Diagnostic Radiology',          'Riverside General Hospital'),
 ('7011', 'CT Scanning',                   'Riverside General Hospital'),
 ('7020', 'MRI',                           'Riverside General Hospital'),
 ('7030', 'Ultrasound',                    'Riverside General Hospital'),
 ('7510', 'Laboratory',                    'Riverside General Hospital'),
 ('7520', 'Blood Bank',                    'Riverside General Hospital'),
 ('7610', 'Cardiology Diagnostics',        'Riverside General Hospital'),
 ('7710', 'Physical Therapy',              'Riverside General Hospital'),
 ('8010', 'Family Medicine Clinic',        'Riverside Family Clinic'),
 ('8020', 'Orthopedic Clinic',             'Riverside Family Clinic');

-- Charge master (our own descriptions); qlo..qhi: units per charge line.
CREATE TEMP TABLE rc_cdm (charge_code text, description text, dept_code text, hcpcs text,
    revenue_code text, price numeric(14,2), qlo integer, qhi integer);
INSERT INTO rc_cdm VALUES
 ('61200',     'Room and board, medical/surgical, semi-private', '6510', NULL,    '0120',  2450.00, 1, 1),
 ('62200',     'Room and board, intensive care',                 '6520', NULL,    '0200',  5800.00, 1, 1),
 ('63200',     'Room and board, obstetrics',                     '6530', NULL,    '0112',  2650.00, 1, 1),
 ('63210',     'Labor and delivery room',                        '6530', NULL,    '0720',  3900.00, 1, 1),
 ('63220',     'Newborn nursery, level I',                       '6530', NULL,    '0171',  1200.00, 1, 1),
 ('64100',     'Observation care, per hour',                     '6540', 'G0378', '0762',    95.00, 8, 40),
 ('60283',     'Emergency visit, moderate complexity',           '6010', '99283', '0450',   780.00, 1, 1),
 ('60284',     'Emergency visit, high-moderate complexity',      '6010', '99284', '0450',  1250.00, 1, 1),
 ('60285',     'Emergency visit, high complexity',               '6010', '99285', '0450',  2100.00, 1, 1),
 ('60291',     'Critical care, first 30-74 minutes',             '6010', '99291', '0450',  3200.00, 1, 1),
 ('70101',     'Chest X-ray, two views',                         '7010', '71046', '0320',   265.00, 1, 1),
 ('70102',     'Ankle X-ray, three or more views',               '7010', '73610', '0320',   210.00, 1, 1),
 ('70117',     'CT head without contrast',                       '7011', '70450', '0350',   955.00, 1, 1),
 ('70118',     'CT abdomen and pelvis with contrast',            '7011', '74177', '0350',  2450.00, 1, 1),
 ('70119',     'CT chest with contrast',                         '7011', '71260', '0350',  1650.00, 1, 1),
 ('70201',     'MRI brain without contrast',                     '7020', '70551', '0610',  2850.00, 1, 1),
 ('70202',     'MRI lumbar spine without contrast',              '7020', '72148', '0610',  2600.00, 1, 1),
 ('70301',     'Ultrasound abdomen, complete',                   '7030', '76700', '0402',   720.00, 1, 1),
 ('70302',     'Obstetric ultrasound, first fetus',              '7030', '76805', '0402',   680.00, 1, 1),
 ('75101',     'Comprehensive metabolic panel',                  '7510', '80053', '0301',   185.00, 1, 1),
 ('75102',     'Complete blood count with differential',         '7510', '85025', '0305',    95.00, 1, 1),
 ('75103',     'Basic metabolic panel',                          '7510', '80048', '0301',   140.00, 1, 1),
 ('75104',     'Troponin, quantitative',                         '7510', '84484', '0301',   160.00, 1, 2),
 ('75105',     'Urinalysis, automated without microscopy',       '7510', '81003', '0307',    45.00, 1, 1),
 ('75106',     'Lipid panel',                                    '7510', '80061', '0301',   120.00, 1, 1),
 ('75107',     'Prothrombin time (PT/INR)',                      '7510', '85610', '0305',    55.00, 1, 1),
 ('75108',     'Blood culture, bacterial',                       '7510', '87040', '0306',   150.00, 1, 2),
 ('75201',     'Red blood cell transfusion',                     '7520', '36430', '0391',   650.00, 1, 2),
 ('76101',     'Electrocardiogram, 12-lead, tracing',            '7610', '93005', '0730',   240.00, 1, 1),
 ('76102',     'Echocardiogram, transthoracic, complete',        '7610', '93306', '0483',  2300.00, 1, 1),
 ('77101',     'Physical therapy evaluation, low complexity',    '7710', '97161', '0424',   310.00, 1, 1),
 ('77102',     'Therapeutic exercise, each 15 minutes',          '7710', '97110', '0420',   145.00, 1, 4),
 ('80101',     'Clinic visit, hospital outpatient',              '8010', 'G0463', '0510',   235.00, 1, 1),
 ('80201',     'Orthopedic clinic visit, hospital outpatient',   '8020', 'G0463', '0510',   285.00, 1, 1),
 ('80102',     'Immunization administration, first vaccine',     '8010', '90471', '0771',    65.00, 1, 1),
 ('80103',     'Influenza vaccine, quadrivalent, 0.5 mL',        '8010', '90686', '0636',    55.00, 1, 1),
 ('50101',     'Operating room time, each 15 minutes',           '5010', NULL,    '0360',  1050.00, 4, 12),
 ('50201',     'Anesthesia, each 15 minutes',                    '5020', NULL,    '0370',   650.00, 4, 12),
 ('50301',     'Recovery room, first hour',                      '5030', NULL,    '0710',  1150.00, 1, 1),
 ('50401',     'Colonoscopy with biopsy',                        '5040', '45380', '0750',  3100.00, 1, 1),
 ('101045368', 'Cefazolin 1 g injection',                        '1010', 'J0690', '0250',    45.00, 1, 3),
 ('101045402', 'Ondansetron 1 mg injection',                     '1010', 'J2405', '0636',    38.00, 2, 4),
 ('101045415', 'Ketorolac 15 mg injection',                      '1010', 'J1885', '0636',    42.00, 1, 2),
 ('101045433', 'Ceftriaxone 250 mg injection',                   '1010', 'J0696', '0636',    60.00, 1, 4),
 ('101045447', 'Morphine sulfate up to 10 mg injection',         '1010', 'J2270', '0636',    52.00, 1, 3),
 ('101045459', 'Normal saline 1000 mL infusion',                 '1010', 'J7030', '0258',    95.00, 1, 3),
 ('101045460', 'IV infusion, first hour',                        '1010', '96365', '0260',   520.00, 1, 1),
 ('101045461', 'IV push, single drug',                           '1010', '96374', '0260',   310.00, 1, 1),
 ('102010001', 'Sterile supply',                                 '1020', NULL,    '0272',    85.00, 1, 6),
 ('102010002', 'Orthopedic implant, anchor or screw',            '1020', 'C1713', '0278',  3400.00, 1, 2);

INSERT INTO revcycle.charge_master (charge_code, description, dept_code, hcpcs, revenue_code, price)
SELECT charge_code, description, dept_code, hcpcs, revenue_code, price FROM rc_cdm ORDER BY charge_code;
-- One retired code kept for history.
INSERT INTO revcycle.charge_master (charge_code, description, dept_code, hcpcs, revenue_code, price, active)
VALUES ('70100', 'Chest X-ray, single view (retired)', '7010', '71045', '0320', 190.00, false);

-- Item pools: P<dept> = the main service of an encounter, A<type> = ancillaries.
CREATE TEMP TABLE rc_pool AS
SELECT p.pool, c.idx::integer AS idx, c.code AS charge_code
FROM (VALUES
  ('P6510', ARRAY['70119','70118','76102','70101','50101','50101','70117']),
  ('P6520', ARRAY['60291','70117','76102','75201']),
  ('P6530', ARRAY['63210','63210','63220','70302']),
  ('P6540', ARRAY['64100']),
  ('P6010', ARRAY['60283','60283','60284','60284','60284','60285','60285','60291']),
  ('P7011', ARRAY['70117','70118','70119']),
  ('P7020', ARRAY['70201','70202']),
  ('P7030', ARRAY['70301','70302']),
  ('P5040', ARRAY['50401']),
  ('P5010', ARRAY['50101']),
  ('P7610', ARRAY['76102','76101']),
  ('P7710', ARRAY['77101','77102']),
  ('P7510', ARRAY['75101','75106','75102']),
  ('P8010', ARRAY['80101']),
  ('P8020', ARRAY['80201']),
  ('Ainpatient', ARRAY['75101','75102','75102','75103','75103','75104','75107','75108','70101',
                      '101045368','101045402','101045415','101045433','101045447','101045459',
                      '101045459','101045460','101045461','76101','77102','102010001','102010001',
                      '50201','50301','102010002','75201']),
  ('Aobservation', ARRAY['75101','75102','75103','75104','75104','75105','70101','70117','76101',
                        '101045402','101045459','101045460','101045461','101045447']),
  ('Aemergency', ARRAY['75101','75102','75103','75104','75105','70101','70102','70117',
                      '101045402','101045415','101045447','101045459','101045461','76101','102010001']),
  ('Aoutpatient', ARRAY['75102','75103','75105','101045459','101045461','102010001','50201',
                       '50301','101045402','75107']),
  ('Aclinic', ARRAY['75102','75106','75105','70102','80102','80103','75101'])
) AS p(pool, codes)
CROSS JOIN LATERAL unnest(p.codes) WITH ORDINALITY AS c(code, idx);
CREATE TEMP TABLE rc_poolsz AS SELECT pool, count(*)::integer AS n FROM rc_pool GROUP BY pool;

-- -------------------------------------------------------------------
-- Patients: coverage is a property of the patient (age follows it).
-- -------------------------------------------------------------------
SELECT greatest(1, ceil(:accounts * 0.65))::bigint AS rc_npat \gset
CREATE TEMP TABLE rc_pat AS
SELECT q.patient_id, q.cov, q.pay1, q.pay2,
       (CASE WHEN q.cov = 'medicare' OR q.pay1 = 11
             THEN DATE '1930-01-01' + pg_temp.rc_i(q.patient_id, 104, 0, 30 * 365)
             WHEN q.cov = 'medicaid' AND pg_temp.rc_u(q.patient_id, 105) < 0.4
             THEN DATE '2007-01-01' + pg_temp.rc_i(q.patient_id, 104, 0, 18 * 365)
             ELSE DATE '1960-06-01' + pg_temp.rc_i(q.patient_id, 104, 0, 64 * 365) END) AS birth_date
FROM (SELECT s.patient_id, s.cov,
             CASE s.cov
               WHEN 'medicare' THEN CASE WHEN pg_temp.rc_u(s.patient_id, 102) < 0.03 THEN 3 ELSE 1 END
               WHEN 'medicaid' THEN CASE WHEN pg_temp.rc_u(s.patient_id, 102) < 0.6 THEN 4 ELSE 5 END
               WHEN 'commercial' THEN (ARRAY[6,6,6,6,7,7,7,8,8,9])[pg_temp.rc_i(s.patient_id, 102, 1, 10)]
               WHEN 'managed_care' THEN (ARRAY[10,10,10,10,11,11,11,12,12,12])[pg_temp.rc_i(s.patient_id, 102, 1, 10)]
               WHEN 'other_government' THEN 15
               ELSE 16 END AS pay1,
             CASE WHEN s.cov = 'medicare' THEN
                    CASE WHEN pg_temp.rc_u(s.patient_id, 103) < 0.20 THEN 4
                         WHEN pg_temp.rc_u(s.patient_id, 103) < 0.45 THEN 6
                         WHEN pg_temp.rc_u(s.patient_id, 103) < 0.55 THEN 7 END
                  WHEN s.cov = 'commercial' AND pg_temp.rc_u(s.patient_id, 103) < 0.04 THEN 7
             END AS pay2
      FROM (SELECT g AS patient_id,
                   CASE WHEN pg_temp.rc_u(g, 101) < 0.36 THEN 'medicare'
                        WHEN pg_temp.rc_u(g, 101) < 0.52 THEN 'medicaid'
                        WHEN pg_temp.rc_u(g, 101) < 0.76 THEN 'commercial'
                        WHEN pg_temp.rc_u(g, 101) < 0.90 THEN 'managed_care'
                        WHEN pg_temp.rc_u(g, 101) < 0.92 THEN 'other_government'
                        ELSE 'self_pay' END AS cov
            FROM generate_series(1, :rc_npat) AS g) AS s) AS q;

INSERT INTO revcycle.patient (patient_id, mrn, birth_date)
SELECT patient_id, 'MRN' || lpad(patient_id::text, 8, '0'), birth_date FROM rc_pat ORDER BY patient_id;

-- -------------------------------------------------------------------
-- Accounts (encounters), numbered in order of service.
-- -------------------------------------------------------------------
CREATE TEMP TABLE rc_acct AS
SELECT row_number() OVER (ORDER BY y.service_from, y.i) AS account_id, y.*,
       CASE WHEN y.p1 IN (13, 14) OR y.pay2 = y.p1 THEN NULL ELSE y.pay2 END AS p2,
       CASE y.ptype
         WHEN 'inpatient' THEN y.los + 1 + pg_temp.rc_i(y.i, 213, 5, 25)
         WHEN 'observation' THEN 1 + pg_temp.rc_i(y.i, 213, 5, 12)
         WHEN 'emergency' THEN 1 + pg_temp.rc_i(y.i, 213, 2, 8)
         WHEN 'outpatient' THEN 1 + pg_temp.rc_i(y.i, 213, 1, 4)
         ELSE 1 + pg_temp.rc_i(y.i, 213, 0, 2) END AS nlines
FROM (SELECT x.i, x.patient_id, x.ptype, x.los, pt.pay2,
             DATE '2025-01-01' + least(x.day, 364 - x.los) AS service_from,
             DATE '2025-01-01' + least(x.day, 364 - x.los) + x.los AS service_to,
             CASE x.ptype
               WHEN 'inpatient' THEN CASE WHEN pg_temp.rc_u(x.i, 210) < 0.15 THEN '6520'
                                          WHEN pg_temp.rc_u(x.i, 210) < 0.27 AND pt.cov <> 'medicare' THEN '6530'
                                          ELSE '6510' END
               WHEN 'observation' THEN '6540'
               WHEN 'emergency' THEN '6010'
               WHEN 'outpatient' THEN (ARRAY['7011','7011','7011','7020','7020','7030','7030','5040','5040',
                                             '5010','7610','7710','7710','7510','7510','7510'])[pg_temp.rc_i(x.i, 210, 1, 16)]
               ELSE CASE WHEN pg_temp.rc_u(x.i, 210) < 0.7 THEN '8010' ELSE '8020' END END AS dept,
             CASE WHEN x.ptype IN ('emergency', 'outpatient', 'clinic') AND pt.cov NOT IN ('medicare', 'self_pay')
                       AND pg_temp.rc_u(x.i, 211) < 0.03
                  THEN CASE WHEN pg_temp.rc_u(x.i, 212) < 0.6 THEN 13 ELSE 14 END
                  WHEN pt.pay1 = 1 AND x.ptype <> 'inpatient' THEN 2
                  ELSE pt.pay1 END::bigint AS p1
      FROM (SELECT v.*,
                   CASE v.ptype
                     WHEN 'inpatient' THEN least(30, 1 + floor(-ln(1 - pg_temp.rc_u(v.i, 204)) * 3.5)::integer)
                     WHEN 'observation' THEN 1 ELSE 0 END AS los
            FROM (SELECT g AS i,
                         pg_temp.rc_i(g, 201, 0, 364) AS day,
                         (CASE WHEN pg_temp.rc_u(g, 202) < 0.10 THEN 'inpatient'
                               WHEN pg_temp.rc_u(g, 202) < 0.15 THEN 'observation'
                               WHEN pg_temp.rc_u(g, 202) < 0.40 THEN 'emergency'
                               WHEN pg_temp.rc_u(g, 202) < 0.75 THEN 'outpatient'
                               ELSE 'clinic' END)::revcycle.patient_type AS ptype,
                         1 + floor(pg_temp.rc_u(g, 203) * :rc_npat)::bigint AS patient_id
                  FROM generate_series(1, :accounts) AS g) AS v) AS x
      JOIN rc_pat pt ON pt.patient_id = x.patient_id) AS y;

-- -------------------------------------------------------------------
-- Charge lines.  Charge lag: 70% same day, 24% next day, 6% 2-3 days; in
-- 4% of accounts the last line is a late charge (4-20 days).  A few accounts get a duplicated line and, 1-3 days
-- later, its credit line (negative quantity and amount).
-- -------------------------------------------------------------------
CREATE OR REPLACE FUNCTION pg_temp.rc_lag(kk bigint) RETURNS integer
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS 'SELECT CASE WHEN pg_temp.rc_u($1, 224) < 0.70 THEN 0 WHEN pg_temp.rc_u($1, 224) < 0.94 THEN 1
                    ELSE pg_temp.rc_i($1, 225, 2, 3) END';
CREATE TEMP TABLE rc_line AS
SELECT row_number() OVER (ORDER BY z.post_date, z.account_id, z.k) AS charge_line_id, z.*
FROM (SELECT y.*,
             y.service_date + CASE WHEN y.k = y.nlines + 2
                                   THEN pg_temp.rc_lag(y.i * 64 + y.nlines + 1) + pg_temp.rc_i(y.i, 226, 1, 3)
                                   WHEN y.k = y.nlines AND pg_temp.rc_u(y.i, 227) < 0.04
                                   THEN pg_temp.rc_i(y.i, 228, 4, 20)
                                   ELSE pg_temp.rc_lag(y.i * 64 + y.k) END AS post_date
      FROM (SELECT x.account_id, x.i, x.k, x.nlines, c.charge_code,
                   CASE WHEN x.ptype = 'inpatient' AND x.ks <= x.los THEN x.service_from + (x.ks - 1)
                        ELSE x.service_from + pg_temp.rc_i(x.i * 64 + x.ks, 222, 0, x.los) END AS service_date,
                   x.sgn * pg_temp.rc_i(x.i * 64 + x.ks, 223, c.qlo, c.qhi) AS quantity,
                   (x.sgn * pg_temp.rc_i(x.i * 64 + x.ks, 223, c.qlo, c.qhi) * c.price)::numeric(14,2) AS amount
            FROM (SELECT w.*,
                         CASE WHEN w.ptype = 'inpatient' AND w.ks <= w.los THEN
                                   CASE w.dept WHEN '6520' THEN '62200' WHEN '6530' THEN '63200' ELSE '61200' END
                              WHEN (w.ptype = 'inpatient' AND w.ks = w.los + 1) OR (w.ptype <> 'inpatient' AND w.ks = 1)
                              THEN 'P' || w.dept
                              ELSE 'A' || w.ptype::text END AS pool
                  FROM (SELECT a.account_id, a.i, a.nlines, a.ptype, a.los, a.dept, a.service_from, k.k,
                               CASE WHEN k.k > a.nlines THEN 2 ELSE k.k END AS ks,
                               CASE WHEN k.k = a.nlines + 2 THEN -1 ELSE 1 END AS sgn
                        FROM rc_acct a
                        CROSS JOIN LATERAL generate_series(1, a.nlines
                            + CASE WHEN pg_temp.rc_u(a.i, 220) < 0.006 AND a.nlines >= 2 THEN 2 ELSE 0 END) AS k(k) OFFSET 0) AS w OFFSET 0) AS x
            LEFT JOIN rc_poolsz ps ON ps.pool = x.pool
            LEFT JOIN rc_pool pl ON pl.pool = x.pool AND pl.idx = pg_temp.rc_i(x.i * 64 + x.ks, 221, 1, ps.n)
            JOIN rc_cdm c ON c.charge_code = coalesce(pl.charge_code, x.pool) OFFSET 0) AS y OFFSET 0) AS z;

-- -------------------------------------------------------------------
-- Billing: bill date, bill holds, front-end rejections, claims sent to the
-- wrong payer (voided), late charges that force a rebill.
-- -------------------------------------------------------------------
CREATE TEMP TABLE rc_bill AS
SELECT q.*,
       CASE WHEN q.c0raw <= 0 THEN q.c ELSE q.c0raw END AS c0,
       q.c0raw > 0 AND q.maxpost > q.b1raw AS late,
       CASE WHEN q.b1raw IS NULL THEN NULL WHEN q.c0raw <= 0 THEN greatest(q.b1raw, q.maxpost) ELSE q.b1raw END AS b1
FROM (SELECT b.*, sum(l.amount) AS c, max(l.post_date) AS maxpost,
             coalesce(sum(l.amount) FILTER (WHERE l.post_date <= b.b1raw), 0) AS c0raw
      FROM (SELECT h.*,
                   h.b + CASE WHEN h.pre IS NOT NULL THEN pg_temp.rc_i(h.i, 305, 3, 8) ELSE 0 END AS b1raw
            FROM (SELECT g.*,
                         CASE WHEN g.p1 <> 16 AND NOT g.tf_hold AND g.b IS NOT NULL THEN
                              CASE WHEN pg_temp.rc_u(g.i, 304) < 0.02 THEN 'rejected'
                                   WHEN pg_temp.rc_u(g.i, 304) < 0.03 THEN 'wrongpayer' END END AS pre
                  FROM (SELECT f.*,
                               CASE WHEN f.service_to >= DATE '2025-12-15' AND pg_temp.rc_u(f.i, 303) < 0.05 THEN NULL
                                    WHEN f.tf_hold THEN f.service_from + f.tf + pg_temp.rc_i(f.i, 302, 5, 40)
                                    ELSE f.service_to + CASE WHEN f.ptype = 'inpatient' THEN pg_temp.rc_i(f.i, 301, 3, 10)
                                                             ELSE pg_temp.rc_i(f.i, 301, 2, 6) END END AS b
                        FROM (SELECT a.account_id, a.i, a.ptype, a.service_from, a.service_to, a.p1, a.p2,
                                     p.tf, p.cls, p.eft,
                                     (a.p1 <> 16 AND p.tf <= 120 AND a.service_from <= DATE '2025-09-30'
                                      AND pg_temp.rc_u(a.i, 300) < 0.04) AS tf_hold
                              FROM rc_acct a JOIN rc_payer p ON p.payer_id = a.p1 OFFSET 0) AS f OFFSET 0) AS g OFFSET 0) AS h OFFSET 0) AS b
      JOIN rc_line l ON l.account_id = b.account_id
      GROUP BY b.account_id, b.i, b.ptype, b.service_from, b.service_to, b.p1, b.p2, b.tf, b.cls, b.eft,
               b.tf_hold, b.b, b.pre, b.b1raw OFFSET 0) AS q;

-- -------------------------------------------------------------------
-- Adjudication, denials, appeals and the patient (self-pay) side, one row
-- per account, every date and amount of its story.  Events after the
-- cut-off are dropped later, which leaves the open A/R in place.
-- -------------------------------------------------------------------
CREATE TEMP TABLE rc_fin AS
SELECT t.*,
       CASE WHEN t.bucket IN ('payfull', 'partial') THEN t.sp_pay1_date + pg_temp.rc_i(t.i, 344, 3, 10) END AS sp_pay2_date
FROM (SELECT s.*,
             CASE WHEN s.xn IS NULL OR s.xn <= 0 THEN NULL
                  WHEN s.xn < 10 THEN CASE WHEN pg_temp.rc_u(s.i, 340) < 0.5 THEN 'payfull' ELSE 'small' END
                  WHEN NOT s.unins THEN
                       CASE WHEN pg_temp.rc_u(s.i, 340) < 0.50 THEN 'payfull' WHEN pg_temp.rc_u(s.i, 340) < 0.68 THEN 'partial'
                            WHEN pg_temp.rc_u(s.i, 340) < 0.78 THEN 'baddebt' WHEN pg_temp.rc_u(s.i, 340) < 0.81 THEN 'charity'
                            WHEN pg_temp.rc_u(s.i, 340) < 0.83 THEN 'admin' ELSE 'open' END
                  ELSE CASE WHEN pg_temp.rc_u(s.i, 340) < 0.15 THEN 'payfull' WHEN pg_temp.rc_u(s.i, 340) < 0.30 THEN 'partial'
                            WHEN pg_temp.rc_u(s.i, 340) < 0.60 THEN 'baddebt' WHEN pg_temp.rc_u(s.i, 340) < 0.88 THEN 'charity'
                            WHEN pg_temp.rc_u(s.i, 340) < 0.90 THEN 'admin' ELSE 'open' END END AS bucket,
             s.t + pg_temp.rc_i(s.i, 342, 15, 60) AS sp_pay1_date
      FROM (SELECT r.*,
                   r.x - r.du AS xn
            FROM (SELECT q.*,
                         CASE WHEN q.p1 = 16 OR q.mode = 'pr27' THEN q.c
                              WHEN q.prx IS NOT NULL AND q.p2 IS NULL THEN q.prx END AS x,
                         CASE WHEN q.p1 = 16 THEN q.s WHEN q.mode = 'pr27' THEN q.d1
                              WHEN q.prx IS NOT NULL AND q.p2 IS NULL THEN q.dpay END AS t,
                         (q.p1 = 16 OR q.mode = 'pr27') AS unins,
                         CASE WHEN q.p1 = 16 OR q.mode = 'pr27' THEN round(q.c * 0.35, 2) ELSE 0 END AS du
                  FROM (SELECT o.*,
                               CASE WHEN o.dpay IS NOT NULL AND o.pr > 0 THEN o.pr END AS prx,
                               CASE o.mode WHEN 'none' THEN o.d1 WHEN 'partial' THEN o.d1 WHEN 'pr27' THEN NULL
                                           ELSE coalesce(o.dpay, o.dw) END AS kdate,
                               CASE WHEN o.dw IS NULL THEN NULL
                                    WHEN o.mode = 'appeal' AND o.fo = 'partially_overturned' THEN o.e - round(o.e / 2, 2)
                                    ELSE o.allowed END AS wamt,
                               CASE WHEN o.mode = 'partial' AND o.appealed THEN
                                    CASE o.o1 WHEN 'overturned' THEN o.dexp WHEN 'partially_overturned' THEN round(o.dexp / 2, 2) ELSE 0 END
                               END AS rp,
                               CASE WHEN o.mode <> 'partial' THEN NULL
                                    WHEN NOT o.appealed THEN o.d1 + pg_temp.rc_i(o.i, 328, 15, 45)
                                    WHEN o.o1 = 'upheld' THEN o.r1 + pg_temp.rc_i(o.i, 328, 5, 15)
                                    ELSE o.r1 END AS wp_date
                        FROM (SELECT n.*,
                                     CASE n.mode WHEN 'none' THEN n.d1 WHEN 'partial' THEN n.d1
                                                 WHEN 'appeal' THEN CASE WHEN n.fo <> 'upheld' THEN n.fr END
                                                 WHEN 'corr' THEN CASE WHEN n.corr_paid THEN n.dc END END AS dpay,
                                     CASE n.mode WHEN 'none' THEN n.e WHEN 'partial' THEN n.e - n.dexp
                                                 WHEN 'appeal' THEN CASE n.fo WHEN 'overturned' THEN n.e
                                                                              WHEN 'partially_overturned' THEN round(n.e / 2, 2) END
                                                 WHEN 'corr' THEN CASE WHEN n.corr_paid THEN n.e END END AS pmain,
                                     CASE n.mode WHEN 'appeal' THEN CASE n.fo WHEN 'upheld' THEN n.fr + pg_temp.rc_i(n.i, 327, 5, 15)
                                                                              WHEN 'partially_overturned' THEN n.fr END
                                                 WHEN 'tf' THEN n.d1 + pg_temp.rc_i(n.i, 327, 7, 20)
                                                 WHEN 'corr' THEN CASE WHEN NOT n.corr_paid THEN n.dc + pg_temp.rc_i(n.i, 327, 20, 40) END
                                     END AS dw
                              FROM (SELECT m.*,
                                           CASE WHEN m.o1 <> 'upheld' THEN m.o1 WHEN m.goes2 THEN m.o2 ELSE 'upheld' END AS fo,
                                           CASE WHEN m.o1 <> 'upheld' OR NOT m.goes2 THEN m.r1 ELSE m.r2 END AS fr
                                    FROM (SELECT k.*,
                                                 CASE WHEN k.p1 = 16 THEN 'selfpay' WHEN k.b1 IS NULL THEN 'dnfb'
                                                      WHEN k.den IS NULL THEN 'none' WHEN k.den = 'partial' THEN 'partial'
                                                      WHEN k.dcarc = '29' THEN 'tf' WHEN k.dcarc = '27' THEN 'pr27'
                                                      WHEN k.rebill THEN 'corr' ELSE 'appeal' END AS mode,
                                                 CASE WHEN k.den = 'full' THEN k.dcarc NOT IN ('29', '27') AND NOT k.rebill
                                                      WHEN k.den = 'partial' THEN pg_temp.rc_u(k.i, 316) <
                                                           CASE WHEN k.dcarc = '97' THEN 0.2 WHEN k.dcarc IN ('4', '5', '11', '182') THEN 0.5
                                                                WHEN k.dcarc = '50' THEN 0.7 ELSE 0.6 END
                                                      ELSE false END AS appealed,
                                                 CASE WHEN k.den = 'full' AND k.dcarc NOT IN ('29', '27') AND NOT k.rebill
                                                           AND pg_temp.rc_u(k.i, 319) >= 0.55 THEN pg_temp.rc_u(k.i, 320) < 0.8
                                                      ELSE false END AS goes2,
                                                 k.f1 + pg_temp.rc_i(k.i, 318, 20, 60) AS r1,
                                                 k.f1 + pg_temp.rc_i(k.i, 318, 20, 60) + pg_temp.rc_i(k.i, 321, 10, 30) AS f2,
                                                 k.f1 + pg_temp.rc_i(k.i, 318, 20, 60) + pg_temp.rc_i(k.i, 321, 10, 30)
                                                      + pg_temp.rc_i(k.i, 322, 30, 60) AS r2,
                                                 CASE WHEN pg_temp.rc_u(k.i, 319) < CASE k.den WHEN 'full' THEN 0.45 ELSE 0.40 END THEN 'overturned'
                                                      WHEN pg_temp.rc_u(k.i, 319) < 0.55 THEN 'partially_overturned'
                                                      ELSE 'upheld' END AS o1,
                                                 CASE WHEN pg_temp.rc_u(k.i, 323) < 0.35 THEN 'overturned'
                                                      WHEN pg_temp.rc_u(k.i, 323) < 0.45 THEN 'partially_overturned'
                                                      ELSE 'upheld' END AS o2,
                                                 k.d1 + pg_temp.rc_i(k.i, 324, 5, 15) AS rc,
                                                 k.d1 + pg_temp.rc_i(k.i, 324, 5, 15) + pg_temp.rc_i(k.i, 325, k.lag_lo, k.lag_hi) AS dc,
                                                 pg_temp.rc_u(k.i, 326) < 0.85 AS corr_paid
                                          FROM (SELECT j.*,
                                                       j.d1 + pg_temp.rc_i(j.i, 317, 10, 30) AS f1,
                                                       -- full denials fixed by a corrected claim instead of an appeal:
                                                       -- missing information, coding, and Medicare's MSP (CO-22) once
                                                       -- the other coverage is shown to have ended
                                                       (j.den = 'full' AND (j.dcarc IN ('16', '5', '6', '11', '181', '182')
                                                                            OR (j.cls = 'medicare' AND j.dcarc = '22'))) AS rebill,
                                                       CASE WHEN j.den = 'partial' THEN greatest(0.01, round(j.e * (0.10 + 0.25 * pg_temp.rc_u(j.i, 315))::numeric, 2)) END AS dexp
                                                FROM (SELECT h.*,
                                                             h.allowed - h.pr AS e,
                                                             h.c - h.allowed AS k,
                                                             h.s + pg_temp.rc_i(h.i, 312, h.lag_lo, h.lag_hi) AS d1,
                                                             CASE WHEN h.den IS NULL THEN NULL
                                                                  WHEN h.tf_hold THEN 'CO'
                                                                  WHEN h.den = 'full' AND pg_temp.rc_u(h.i, 314) >= 0.70 AND pg_temp.rc_u(h.i, 314) < 0.80
                                                                       AND h.cls IN ('commercial', 'managed_care', 'workers_comp') THEN 'PR'
                                                                  ELSE 'CO' END AS dgrp,
                                                             CASE WHEN h.den IS NULL THEN NULL
                                                                  WHEN h.tf_hold THEN '29'
                                                                  WHEN h.den = 'full' AND h.cls = 'medicare' THEN
                                                                       CASE WHEN pg_temp.rc_u(h.i, 314) < 0.15 THEN CASE WHEN h.late THEN '50'
                                                                                 ELSE (ARRAY['5', '6', '11', '11', '181', '182'])[pg_temp.rc_i(h.i, 329, 1, 6)] END
                                                                            WHEN pg_temp.rc_u(h.i, 314) < 0.45 THEN CASE WHEN h.late THEN '50' ELSE '16' END
                                                                            WHEN pg_temp.rc_u(h.i, 314) < 0.85 THEN '50'
                                                                            ELSE '22' END
                                                                  WHEN h.den = 'full' THEN
                                                                       CASE WHEN pg_temp.rc_u(h.i, 314) < 0.10 THEN CASE WHEN h.late THEN '197'
                                                                                 ELSE (ARRAY['5', '6', '11', '11', '181', '182'])[pg_temp.rc_i(h.i, 329, 1, 6)] END
                                                                            WHEN pg_temp.rc_u(h.i, 314) < 0.30 THEN CASE WHEN h.late THEN '197' ELSE '16' END
                                                                            WHEN pg_temp.rc_u(h.i, 314) < 0.52 THEN '197'
                                                                            WHEN pg_temp.rc_u(h.i, 314) < 0.70 THEN '50'
                                                                            WHEN pg_temp.rc_u(h.i, 314) < 0.80 THEN
                                                                                 CASE WHEN h.cls IN ('commercial', 'managed_care', 'workers_comp') THEN '27' ELSE '22' END
                                                                            WHEN pg_temp.rc_u(h.i, 314) < 0.90 THEN '22'
                                                                            ELSE 'B7' END
                                                                  ELSE CASE WHEN pg_temp.rc_u(h.i, 314) < 0.35 THEN '97'
                                                                            WHEN pg_temp.rc_u(h.i, 314) < 0.60 THEN
                                                                                 (ARRAY['4', '4', '4', '11', '182', '5'])[pg_temp.rc_i(h.i, 329, 1, 6)]
                                                                            WHEN pg_temp.rc_u(h.i, 314) < 0.85 THEN '50'
                                                                            ELSE '16' END END AS dcarc
                                                      FROM (SELECT g.*,
                                                                   round(g.c * (p.a_lo + (p.a_hi - p.a_lo) * pg_temp.rc_u(g.i, 310)::numeric), 2) AS allowed,
                                                                   CASE WHEN p.cls = 'medicaid' THEN
                                                                             CASE WHEN g.ptype IN ('clinic', 'emergency') THEN least(3.00, round(g.c * p.a_lo, 2)) ELSE 0 END
                                                                        ELSE round(round(g.c * (p.a_lo + (p.a_hi - p.a_lo) * pg_temp.rc_u(g.i, 310)::numeric), 2)
                                                                                   * (p.r_lo + (p.r_hi - p.r_lo) * pg_temp.rc_u(g.i, 311)::numeric), 2) END AS pr,
                                                                   p.lag_lo, p.lag_hi,
                                                                   CASE WHEN g.p1 = 16 OR g.b1 IS NULL THEN NULL
                                                                        WHEN g.tf_hold THEN 'full'
                                                                        WHEN pg_temp.rc_u(g.i, 313) < CASE WHEN p.cls = 'medicare' THEN 0.040 ELSE 0.065 END THEN 'full'
                                                                        WHEN pg_temp.rc_u(g.i, 313) < 0.065 THEN NULL  -- Medicare denies fewer claims in full
                                                                        WHEN pg_temp.rc_u(g.i, 313) < 0.110 THEN 'partial' END AS den
                                                            FROM (SELECT b.*, CASE WHEN b.late THEN b.maxpost + pg_temp.rc_i(b.i, 306, 1, 3) ELSE b.b1 END AS s
                                                                  FROM rc_bill b OFFSET 0) AS g
                                                            JOIN rc_payer p ON p.payer_id = g.p1 OFFSET 0) AS h OFFSET 0) AS j OFFSET 0) AS k OFFSET 0) AS m OFFSET 0) AS n OFFSET 0) AS o OFFSET 0) AS q OFFSET 0) AS r OFFSET 0) AS s OFFSET 0) AS t;

-- -------------------------------------------------------------------
-- Claims.  Slots: 1 rejected at the clearinghouse, 2 sent to the wrong
-- payer, 3 its void (frequency 8), 4 the original claim, 5 its replacement
-- (frequency 7: late charges or a corrected claim), 6 a duplicate
-- submission, 7 the secondary claim.  Status is as of the cut-off date.
-- -------------------------------------------------------------------
CREATE TEMP TABLE rc_claim AS
SELECT row_number() OVER (ORDER BY x.submitted, x.account_id, x.slot) AS claim_id, x.*
FROM (SELECT f.account_id, v.slot, v.payer_id, v.seq, v.freq, v.orig_slot, v.submitted, v.billed,
             v.status::revcycle.claim_status AS status, v.clean
      FROM (SELECT f0.*,
                   CASE WHEN f0.d1 > DATE :'rc_cutoff' THEN 'accepted'
                        WHEN f0.mode = 'none' THEN 'paid'
                        WHEN f0.mode = 'partial' THEN 'partially_paid'
                        WHEN f0.mode = 'appeal' AND f0.dpay <= DATE :'rc_cutoff' THEN
                             CASE f0.fo WHEN 'overturned' THEN 'paid' ELSE 'partially_paid' END
                        ELSE 'denied' END AS st_init,
                   (f0.mode IN ('none', 'partial') AND pg_temp.rc_u(f0.i, 360) < 0.015 AND NOT f0.late) AS dup,
                   f0.b1 + pg_temp.rc_i(f0.i, 361, 10, 25) AS dup_sub,
                   f0.b1 + pg_temp.rc_i(f0.i, 361, 10, 25) + pg_temp.rc_i(f0.i, 362, f0.lag_lo, f0.lag_hi) AS dup_den,
                   CASE WHEN pg_temp.rc_u(f0.i, 363) < 0.5 THEN 'CO' ELSE 'OA' END AS dup_grp,
                   f0.dpay + pg_temp.rc_i(f0.i, 330, 2, 5) AS sec_sub,
                   f0.dpay + pg_temp.rc_i(f0.i, 330, 2, 5) + pg_temp.rc_i(f0.i, 331, 20, 40) AS sec_paid
            FROM rc_fin f0 WHERE f0.p1 <> 16 AND f0.b1 IS NOT NULL OFFSET 0) AS f
      CROSS JOIN LATERAL (VALUES
        (1, f.p1, 1, '1', NULL::integer, f.b, f.c0, 'rejected', false, f.pre = 'rejected'),
        (2, f.p1 % 15 + 1, 1, '1', NULL, f.b, f.c0, 'voided', true, f.pre = 'wrongpayer'),
        (3, f.p1 % 15 + 1, 1, '8', 2, f.b1, f.c0, 'voided', true, f.pre = 'wrongpayer'),
        (4, f.p1, 1, '1', NULL, f.b1, f.c0,
            CASE WHEN f.late THEN 'accepted' ELSE f.st_init END,
            NOT (f.mode = 'corr' OR pg_temp.rc_u(f.i, 370) < 0.05), true),
        (5, f.p1, 1, '7', 4, CASE WHEN f.late THEN f.s ELSE f.rc END, f.c,
            CASE WHEN f.late THEN f.st_init WHEN f.dc > DATE :'rc_cutoff' THEN 'accepted'
                 WHEN f.corr_paid THEN 'paid' ELSE 'denied' END,
            true, f.late OR f.mode = 'corr'),
        (6, f.p1, 1, '1', NULL, f.dup_sub, f.c0,
            CASE WHEN f.dup_den <= DATE :'rc_cutoff' THEN 'denied' ELSE 'accepted' END, true, f.dup),
        (7, f.p2, 2, '1', NULL, f.sec_sub, f.c,
            CASE WHEN f.sec_paid <= DATE :'rc_cutoff' THEN 'paid' ELSE 'accepted' END, true,
            f.p2 IS NOT NULL AND f.prx IS NOT NULL)
      ) AS v(slot, payer_id, seq, freq, orig_slot, submitted, billed, status, clean, present)
      WHERE v.present AND v.submitted <= DATE :'rc_cutoff' OFFSET 0) AS x;
CREATE INDEX ON rc_claim (account_id, slot);

-- -------------------------------------------------------------------
-- Remittances (835) from the payers that send them.  Remit slots: 1 first
-- adjudication, 2 payment after a won appeal, 3 corrected claim, 4 the
-- secondary payer, 5 the duplicate claim denied.  Each claim balances:
-- charge - adjustments = paid.
-- -------------------------------------------------------------------
CREATE TEMP TABLE rc_rc AS
SELECT x.*, NULL::bigint AS remittance_id,
       row_number() OVER (ORDER BY x.rdate, x.payer_id, x.account_id, x.rslot) AS remittance_claim_id
FROM (SELECT f.account_id, v.*
      FROM (SELECT f0.*,
                   CASE WHEN f0.ptype IN ('clinic', 'emergency', 'outpatient')
                        THEN least(f0.pr, CASE f0.ptype WHEN 'clinic' THEN 25 WHEN 'emergency' THEN 150 ELSE 50 END)
                        ELSE 0 END AS pr3
            FROM rc_fin f0 WHERE f0.p1 <> 16 AND f0.b1 IS NOT NULL OFFSET 0) AS f0x
      CROSS JOIN LATERAL (SELECT f0x.*, round((f0x.pr - f0x.pr3) * 0.4, 2) AS pr1) AS f
      JOIN rc_payer p1 ON p1.payer_id = f.p1
      LEFT JOIN rc_payer p2 ON p2.payer_id = f.p2
      JOIN rc_claim c ON c.account_id = f.account_id AND c.slot = 4
      CROSS JOIN LATERAL (VALUES
        -- rslot, payer, date, claim slot, status, charge, paid, patient resp, CO-45, PR-1, PR-2, PR-3, denial group, CARC, amount, OA-23
        (1, f.p1, f.d1, CASE WHEN f.late THEN 5 ELSE 4 END,
            CASE WHEN f.mode IN ('none', 'partial') THEN '1' ELSE '4' END,
            CASE WHEN f.late THEN f.c ELSE f.c0 END,
            CASE WHEN f.mode IN ('none', 'partial') THEN f.pmain ELSE 0 END,
            CASE WHEN f.mode IN ('none', 'partial') THEN f.pr WHEN f.mode = 'pr27' THEN f.c ELSE 0 END,
            CASE WHEN f.mode IN ('none', 'partial') THEN f.k END,
            CASE WHEN f.mode IN ('none', 'partial') THEN f.pr1 END,
            CASE WHEN f.mode IN ('none', 'partial') THEN f.pr - f.pr3 - f.pr1 END,
            CASE WHEN f.mode IN ('none', 'partial') THEN f.pr3 END,
            f.dgrp, f.dcarc, CASE WHEN f.mode = 'partial' THEN f.dexp WHEN f.mode <> 'none' THEN f.c END,
            NULL::numeric, p1.eft AND f.mode <> 'dnfb'),
        (2, f.p1, f.dpay, 4, '1', f.c, f.pmain, f.pr, f.k, f.pr1, f.pr - f.pr3 - f.pr1, f.pr3,
            f.dgrp, f.dcarc, CASE WHEN f.fo = 'partially_overturned' THEN f.e - f.pmain END,
            NULL, p1.eft AND f.mode = 'appeal' AND f.dpay IS NOT NULL),
        (3, f.p1, f.dc, 5, CASE WHEN f.corr_paid THEN '1' ELSE '4' END, f.c,
            CASE WHEN f.corr_paid THEN f.e ELSE 0 END, CASE WHEN f.corr_paid THEN f.pr ELSE 0 END,
            CASE WHEN f.corr_paid THEN f.k END, CASE WHEN f.corr_paid THEN f.pr1 END,
            CASE WHEN f.corr_paid THEN f.pr - f.pr3 - f.pr1 END, CASE WHEN f.corr_paid THEN f.pr3 END,
            f.dgrp, f.dcarc, CASE WHEN NOT f.corr_paid THEN f.c END,
            NULL, p1.eft AND f.mode = 'corr'),
        (4, f.p2, f.dpay + pg_temp.rc_i(f.i, 330, 2, 5) + pg_temp.rc_i(f.i, 331, 20, 40), 7, '2', f.c,
            CASE WHEN p2.cls = 'medicaid' THEN round(f.pr * 0.5, 2) ELSE f.pr END, 0,
            f.pr - CASE WHEN p2.cls = 'medicaid' THEN round(f.pr * 0.5, 2) ELSE f.pr END, NULL, NULL, NULL,
            NULL, NULL, NULL, f.c - f.pr, coalesce(p2.eft, false) AND f.prx IS NOT NULL),
        (5, f.p1, f.b1 + pg_temp.rc_i(f.i, 361, 10, 25) + pg_temp.rc_i(f.i, 362, f.lag_lo, f.lag_hi), 6, '4', f.c0, 0, 0,
            NULL, NULL, NULL, NULL,
            CASE WHEN pg_temp.rc_u(f.i, 363) < 0.5 THEN 'CO' ELSE 'OA' END, '18', f.c0,
            NULL, p1.eft AND f.mode IN ('none', 'partial') AND pg_temp.rc_u(f.i, 360) < 0.015 AND NOT f.late)
      ) AS v(rslot, payer_id, rdate, cslot, status, charge, paid, patresp, co45, pr1, pr2, pr3, dgrp, dcarc, damt, oa23, present)
      WHERE v.present AND v.rdate <= DATE :'rc_cutoff' OFFSET 0) AS x;
-- One 835 per payer and payment date.
CREATE TEMP TABLE rc_remit AS
SELECT row_number() OVER (ORDER BY rdate, payer_id) AS remittance_id, payer_id, rdate, sum(paid) AS total
FROM rc_rc GROUP BY rdate, payer_id;
UPDATE rc_rc r SET remittance_id = m.remittance_id FROM rc_remit m WHERE m.payer_id = r.payer_id AND m.rdate = r.rdate;
CREATE INDEX ON rc_rc (account_id, rslot);

-- -------------------------------------------------------------------
-- Denials (dslot 1 first denial, 2 corrected claim denied again, 3 the
-- duplicate claim) and appeals.
-- -------------------------------------------------------------------
CREATE TEMP TABLE rc_den AS
SELECT row_number() OVER (ORDER BY x.ddate, x.account_id, x.dslot) AS denial_id, x.*
FROM (SELECT f.account_id, v.*
      FROM rc_fin f
      CROSS JOIN LATERAL (VALUES
        (1, CASE WHEN f.late THEN 5 ELSE 4 END, 1, f.d1, f.dgrp, f.dcarc,
            CASE WHEN f.mode = 'partial' THEN f.dexp ELSE f.c END, NOT f.late,
            f.mode IN ('partial', 'appeal', 'corr', 'tf', 'pr27')),
        (2, 5, 3, f.dc, f.dgrp, f.dcarc, f.c, false, f.mode = 'corr' AND NOT f.corr_paid),
        (3, 6, 5, f.b1 + pg_temp.rc_i(f.i, 361, 10, 25) + pg_temp.rc_i(f.i, 362, f.lag_lo, f.lag_hi),
            CASE WHEN pg_temp.rc_u(f.i, 363) < 0.5 THEN 'CO' ELSE 'OA' END, '18', f.c0, true,
            f.mode IN ('none', 'partial') AND pg_temp.rc_u(f.i, 360) < 0.015 AND NOT f.late)
      ) AS v(dslot, cslot, rslot, ddate, dgrp, dcarc, amount, is_initial, present)
      WHERE v.present AND v.ddate <= DATE :'rc_cutoff' AND v.amount > 0 OFFSET 0) AS x;
CREATE INDEX ON rc_den (account_id, dslot);

-- -------------------------------------------------------------------
-- Ledger events (ev_no: 10-45 money and adjustments, 1000+k charge lines).
-- -------------------------------------------------------------------
CREATE TEMP TABLE rc_ev AS
SELECT f.account_id, v.ev_no, v.kind::revcycle.txn_kind AS kind, v.payer_id, v.amount, v.posted_date,
       v.cslot, v.rslot, v.dslot, v.rev_ev_no, v.memo
FROM (SELECT f0.*,
             pg_temp.rc_u(f0.i, 350) AS uerr,
             f0.d1 + pg_temp.rc_i(f0.i, 353, 1, 4) AS err_rev_date,
             CASE WHEN f0.mode IN ('none', 'partial') THEN 1 WHEN f0.mode = 'appeal' THEN 2 WHEN f0.mode = 'corr' THEN 3 END AS pslot,
             CASE WHEN f0.late OR f0.mode = 'corr' THEN 5 ELSE 4 END AS fslot,
             CASE WHEN f0.bucket = 'partial' THEN round(f0.xn * (0.4 + 0.5 * pg_temp.rc_u(f0.i, 341))::numeric, 2)
                  WHEN f0.bucket = 'payfull' THEN f0.xn END AS sp_pay1,
             f0.bucket = 'payfull' AND pg_temp.rc_u(f0.i, 343) < 0.05 AS sp_over,
             CASE WHEN p2.cls = 'medicaid' THEN round(f0.pr * 0.5, 2) ELSE f0.pr END AS s2
      FROM rc_fin f0 LEFT JOIN rc_payer p2 ON p2.payer_id = f0.p2
      WHERE f0.mode <> 'dnfb' OFFSET 0) AS f
CROSS JOIN LATERAL (VALUES
  (10, 'payment', f.p1, f.pmain, f.dpay, f.fslot, f.pslot, NULL::integer, NULL::integer,
       CASE WHEN f.mode = 'appeal' THEN 'appeal recovery' END),
  (11, 'contractual_adjustment', f.p1, f.k, f.kdate, f.fslot, CASE WHEN f.dpay IS NOT NULL THEN f.pslot END, NULL, NULL, NULL),
  (12, 'transfer', f.p1, -f.prx, f.dpay, f.fslot, f.pslot, NULL, NULL,
       CASE WHEN f.p2 IS NULL THEN 'patient responsibility to self-pay' ELSE 'balance to secondary payer' END),
  (13, 'transfer', coalesce(f.p2, 16), f.prx, f.dpay, f.fslot, f.pslot, NULL, NULL,
       CASE WHEN f.p2 IS NULL THEN 'patient responsibility to self-pay' ELSE 'balance to secondary payer' END),
  (14, 'denial_writeoff', f.p1, f.wamt, f.dw, f.fslot, NULL, CASE WHEN f.mode = 'corr' THEN 2 ELSE 1 END, NULL, 'final denial write-off'),
  (15, 'payment', f.p1, f.rp, f.r1, f.fslot, NULL, NULL, NULL, 'appeal recovery'),
  (16, 'denial_writeoff', f.p1, f.dexp - coalesce(f.rp, 0), f.wp_date, f.fslot, NULL, 1, NULL, 'final denial write-off'),
  (17, 'transfer', f.p1, CASE WHEN f.mode = 'pr27' THEN -f.c END, f.d1, f.fslot, 1, NULL, NULL, 'coverage terminated: balance to self-pay'),
  (18, 'transfer', 16, CASE WHEN f.mode = 'pr27' THEN f.c END, f.d1, f.fslot, 1, NULL, NULL, 'coverage terminated: balance to self-pay'),
  (20, 'payment', f.p2, CASE WHEN f.p2 IS NOT NULL THEN f.s2 END,
       f.dpay + pg_temp.rc_i(f.i, 330, 2, 5) + pg_temp.rc_i(f.i, 331, 20, 40), 7, 4, NULL, NULL, NULL),
  (21, 'contractual_adjustment', f.p2, CASE WHEN f.p2 IS NOT NULL THEN f.prx - f.s2 END,
       f.dpay + pg_temp.rc_i(f.i, 330, 2, 5) + pg_temp.rc_i(f.i, 331, 20, 40), 7, 4, NULL, NULL, NULL),
  (30, 'contractual_adjustment', 16, f.du, f.t, NULL, NULL, NULL, NULL, 'self-pay discount'),
  (31, 'payment', 16, f.sp_pay1, f.sp_pay1_date, NULL, NULL, NULL, NULL, 'patient payment'),
  (32, 'payment', 16, CASE WHEN f.sp_over THEN f.xn END, f.sp_pay2_date, NULL, NULL, NULL, NULL, 'patient payment (paid twice)'),
  (33, 'refund', 16, CASE WHEN f.sp_over THEN f.xn END, f.sp_pay2_date + pg_temp.rc_i(f.i, 345, 20, 45),
       NULL, NULL, NULL, NULL, 'refund of patient overpayment'),
  (34, 'small_balance_writeoff', 16,
       CASE WHEN f.bucket = 'small' THEN f.xn WHEN f.bucket = 'partial' AND f.xn - f.sp_pay1 < 10 THEN f.xn - f.sp_pay1 END,
       f.t + CASE WHEN f.bucket = 'small' THEN pg_temp.rc_i(f.i, 346, 60, 90) ELSE pg_temp.rc_i(f.i, 346, 75, 100) END,
       NULL, NULL, NULL, NULL, 'small balance under $10'),
  (35, 'bad_debt', 16,
       CASE WHEN f.bucket = 'baddebt' THEN f.xn WHEN f.bucket = 'partial' AND f.xn - f.sp_pay1 >= 10 THEN f.xn - f.sp_pay1 END,
       f.t + pg_temp.rc_i(f.i, 347, 120, 180), NULL, NULL, NULL, NULL, 'placed with collection agency'),
  (36, 'charity', 16, CASE WHEN f.bucket = 'charity' THEN f.xn END, f.t + pg_temp.rc_i(f.i, 348, 30, 75),
       NULL, NULL, NULL, NULL, 'financial assistance approved'),
  (37, 'administrative_adjustment', 16, CASE WHEN f.bucket = 'admin' THEN f.xn END, f.t + pg_temp.rc_i(f.i, 349, 30, 60),
       NULL, NULL, NULL, NULL, 'service recovery'),
  (40, 'payment', f.p1, CASE WHEN f.mode = 'none' AND f.uerr < 0.006 THEN f.pmain END,
       f.d1 + pg_temp.rc_i(f.i, 351, 7, 20), f.fslot, NULL, NULL, NULL, 'payer paid twice'),
  (41, 'refund', f.p1, CASE WHEN f.mode = 'none' AND f.uerr < 0.006 THEN f.pmain END,
       f.d1 + pg_temp.rc_i(f.i, 351, 7, 20) + pg_temp.rc_i(f.i, 352, 20, 50), f.fslot, NULL, NULL, NULL, 'refund of payer overpayment'),
  (42, 'payment', f.p1, CASE WHEN f.mode = 'none' AND f.uerr >= 0.006 AND f.uerr < 0.011
                              AND f.err_rev_date <= DATE :'rc_cutoff' THEN f.pmain END,
       f.d1, f.fslot, f.pslot, NULL, NULL, 'posted twice in error'),
  (43, 'payment', f.p1, CASE WHEN f.mode = 'none' AND f.uerr >= 0.006 AND f.uerr < 0.011
                              AND f.err_rev_date <= DATE :'rc_cutoff' THEN -f.pmain END,
       f.err_rev_date, f.fslot, f.pslot, NULL, 42, 'correction: reverses duplicate posting'),
  (44, 'contractual_adjustment', f.p1, CASE WHEN f.mode = 'none' AND f.uerr >= 0.011 AND f.uerr < 0.014
                                             AND f.err_rev_date <= DATE :'rc_cutoff' THEN f.k END,
       f.d1, f.fslot, f.pslot, NULL, NULL, 'posted twice in error'),
  (45, 'contractual_adjustment', f.p1, CASE WHEN f.mode = 'none' AND f.uerr >= 0.011 AND f.uerr < 0.014
                                             AND f.err_rev_date <= DATE :'rc_cutoff' THEN -f.k END,
       f.err_rev_date, f.fslot, f.pslot, NULL, 44, 'correction: reverses duplicate posting')
) AS v(ev_no, kind, payer_id, amount, posted_date, cslot, rslot, dslot, rev_ev_no, memo)
WHERE v.amount IS NOT NULL AND v.amount <> 0 AND v.posted_date <= DATE :'rc_cutoff';

-- -------------------------------------------------------------------
-- Load the data model.
-- -------------------------------------------------------------------
INSERT INTO revcycle.account (account_id, account_number, patient_id, facility, dept_code, patient_type,
    admit_date, discharge_date, service_from, service_to, primary_payer_id, secondary_payer_id, final_billed_date)
SELECT a.account_id, '25' || lpad(a.account_id::text, 8, '0'), a.patient_id, d.facility, a.dept, a.ptype,
       CASE WHEN a.ptype IN ('inpatient', 'observation') THEN a.service_from END,
       CASE WHEN a.ptype IN ('inpatient', 'observation') THEN a.service_to END,
       a.service_from, a.service_to, a.p1, a.p2, b.b
FROM rc_acct a JOIN rc_bill b ON b.account_id = a.account_id JOIN revcycle.department d ON d.dept_code = a.dept
ORDER BY a.account_id;

INSERT INTO revcycle.charge_line (charge_line_id, account_id, charge_code, service_date, post_date, quantity, amount)
SELECT charge_line_id, account_id, charge_code, service_date, post_date, quantity, amount
FROM rc_line ORDER BY charge_line_id;

INSERT INTO revcycle.claim (claim_id, claim_number, account_id, payer_id, payer_sequence, frequency_code,
    original_claim_id, statement_from, statement_to, submitted_date, billed_amount, status, clean_claim)
SELECT c.claim_id, 'RGH' || lpad(c.claim_id::text, 9, '0'), c.account_id, c.payer_id, c.seq, c.freq,
       o.claim_id, a.service_from, a.service_to, c.submitted, c.billed, c.status, c.clean
FROM rc_claim c JOIN rc_acct a ON a.account_id = c.account_id
LEFT JOIN rc_claim o ON o.account_id = c.account_id AND o.slot = c.orig_slot
ORDER BY c.claim_id;

INSERT INTO revcycle.remittance (remittance_id, payer_id, payer_name, payer_identifier, payee_name, payee_identifier,
    interchange_control_number, transaction_control_number, trace_number, handling_code, payment_method,
    total_payment, payment_date, production_date, source, loaded_at)
SELECT m.remittance_id, m.payer_id, upper(p.name), p.ident, 'RIVERSIDE GENERAL HOSPITAL', '1417263544',
       lpad(m.remittance_id::text, 9, '0'), lpad((m.remittance_id % 10000)::text, 4, '0'),
       CASE WHEN p.method = 'CHK' THEN '' ELSE 'EFT' END || to_char(m.rdate, 'YYYYMMDD') || lpad(m.payer_id::text, 3, '0'),
       CASE WHEN m.total = 0 THEN 'H' ELSE 'I' END,
       CASE WHEN m.total = 0 THEN 'NON' ELSE p.method END,
       m.total, m.rdate, m.rdate - 1, 'sample/generate.sql',
       (m.rdate + TIME '06:00') AT TIME ZONE 'UTC'
FROM rc_remit m JOIN rc_payer p ON p.payer_id = m.payer_id
ORDER BY m.remittance_id;

INSERT INTO revcycle.remittance_claim (remittance_claim_id, remittance_id, claim_id, patient_control_number,
    status_code, charge_amount, paid_amount, patient_responsibility, claim_filing_indicator,
    payer_claim_control_number, facility_type, frequency_code, statement_from, statement_to, received_date)
SELECT r.remittance_claim_id, r.remittance_id, c.claim_id, '25' || lpad(r.account_id::text, 8, '0'),
       r.status, r.charge, r.paid, r.patresp, p.filing,
       p.ident || lpad(r.remittance_claim_id::text, 11, '0'),
       CASE WHEN a.ptype = 'inpatient' THEN '11' ELSE '13' END, c.freq,
       a.service_from, a.service_to, c.submitted + 2
FROM rc_rc r JOIN rc_payer p ON p.payer_id = r.payer_id
JOIN rc_acct a ON a.account_id = r.account_id
LEFT JOIN rc_claim c ON c.account_id = r.account_id AND c.slot = r.cslot
ORDER BY r.remittance_claim_id;

INSERT INTO revcycle.remittance_adjustment (adjustment_id, remittance_claim_id, group_code, carc, amount)
SELECT row_number() OVER (ORDER BY r.remittance_claim_id, v.ord), r.remittance_claim_id, v.grp, v.carc, v.amt
FROM rc_rc r
CROSS JOIN LATERAL (VALUES (1, 'CO', '45', r.co45), (2, 'PR', '1', r.pr1), (3, 'PR', '2', r.pr2), (4, 'PR', '3', r.pr3),
                           (5, r.dgrp, r.dcarc, r.damt), (6, 'OA', '23', r.oa23)) AS v(ord, grp, carc, amt)
WHERE v.amt IS NOT NULL AND v.amt <> 0
ORDER BY 1;

INSERT INTO revcycle.denial (denial_id, claim_id, remittance_claim_id, payer_id, denial_date, group_code, carc,
    rarc, amount, is_initial)
SELECT d.denial_id, c.claim_id, r.remittance_claim_id, a.p1, d.ddate, d.dgrp, d.dcarc,
       CASE d.dcarc WHEN '16' THEN ARRAY['MA130'] WHEN '50' THEN ARRAY['N115'] WHEN '197' THEN ARRAY['N54'] END,
       d.amount, d.is_initial
FROM rc_den d JOIN rc_acct a ON a.account_id = d.account_id
LEFT JOIN rc_claim c ON c.account_id = d.account_id AND c.slot = d.cslot
LEFT JOIN rc_rc r ON r.account_id = d.account_id AND r.rslot = d.rslot
ORDER BY d.denial_id;

INSERT INTO revcycle.appeal (appeal_id, denial_id, appeal_level, filed_date, resolved_date, outcome, recovered_amount)
SELECT row_number() OVER (ORDER BY v.filed, d.denial_id, v.lvl), d.denial_id, v.lvl, v.filed,
       CASE WHEN v.resolved <= DATE :'rc_cutoff' THEN v.resolved END,
       (CASE WHEN v.resolved <= DATE :'rc_cutoff' THEN v.outcome ELSE 'pending' END)::revcycle.appeal_outcome,
       CASE WHEN v.resolved <= DATE :'rc_cutoff' THEN v.recovered ELSE 0 END
FROM rc_fin f JOIN rc_den d ON d.account_id = f.account_id AND d.dslot = 1
CROSS JOIN LATERAL (VALUES
  (1, f.f1, f.r1, f.o1,
      CASE WHEN f.mode = 'partial' THEN coalesce(f.rp, 0)
           WHEN f.o1 = 'overturned' THEN f.e WHEN f.o1 = 'partially_overturned' THEN round(f.e / 2, 2) ELSE 0 END,
      f.appealed),
  (2, f.f2, f.r2, f.o2,
      CASE WHEN f.o2 = 'overturned' THEN f.e WHEN f.o2 = 'partially_overturned' THEN round(f.e / 2, 2) ELSE 0 END,
      f.goes2 AND f.r1 <= DATE :'rc_cutoff')
) AS v(lvl, filed, resolved, outcome, recovered, present)
WHERE v.present AND v.filed <= DATE :'rc_cutoff';

INSERT INTO revcycle.ledger (txn_id, account_id, payer_id, kind, amount, posted_date, claim_id, charge_line_id,
    remittance_claim_id, denial_id, reverses_txn_id, memo)
WITH ev AS (
    SELECT row_number() OVER (ORDER BY e.posted_date, e.account_id, e.ev_no) AS txn_id, e.*
    FROM (SELECT account_id, ev_no, kind, payer_id, amount, posted_date, cslot, rslot, dslot, rev_ev_no, memo,
                 NULL::bigint AS charge_line_id
          FROM rc_ev
          UNION ALL
          SELECT l.account_id, 1000 + l.k, 'charge', a.p1, l.amount, l.post_date, NULL, NULL, NULL,
                 CASE WHEN l.k = l.nlines + 2 THEN 1000 + l.nlines + 1 END,
                 CASE WHEN l.k = l.nlines + 2 THEN 'charge credited: duplicate line' END,
                 l.charge_line_id
          FROM rc_line l JOIN rc_acct a ON a.account_id = l.account_id) AS e
)
SELECT ev.txn_id, ev.account_id, ev.payer_id, ev.kind, ev.amount, ev.posted_date, c.claim_id, ev.charge_line_id,
       r.remittance_claim_id, d.denial_id, o.txn_id, ev.memo
FROM ev
LEFT JOIN rc_claim c ON c.account_id = ev.account_id AND c.slot = ev.cslot
LEFT JOIN rc_rc r ON r.account_id = ev.account_id AND r.rslot = ev.rslot
LEFT JOIN rc_den d ON d.account_id = ev.account_id AND d.dslot = ev.dslot
LEFT JOIN ev o ON o.account_id = ev.account_id AND o.ev_no = ev.rev_ev_no
ORDER BY ev.txn_id;

-- Move every sequence past the ids used (never backwards: setval is not
-- rolled back with the caller's transaction).
SELECT count(*) AS rc_nseq
FROM (SELECT pg_catalog.setval(v.seq::regclass,
                 greatest(v.maxid, coalesce(pg_catalog.pg_sequence_last_value(v.seq::regclass), 0)))
      FROM (VALUES
        ('revcycle.payer_payer_id_seq', (SELECT max(payer_id) FROM revcycle.payer)),
        ('revcycle.patient_patient_id_seq', (SELECT max(patient_id) FROM revcycle.patient)),
        ('revcycle.account_account_id_seq', (SELECT max(account_id) FROM revcycle.account)),
        ('revcycle.charge_line_charge_line_id_seq', (SELECT max(charge_line_id) FROM revcycle.charge_line)),
        ('revcycle.claim_claim_id_seq', (SELECT max(claim_id) FROM revcycle.claim)),
        ('revcycle.remittance_remittance_id_seq', (SELECT max(remittance_id) FROM revcycle.remittance)),
        ('revcycle.remittance_claim_remittance_claim_id_seq', (SELECT max(remittance_claim_id) FROM revcycle.remittance_claim)),
        ('revcycle.remittance_adjustment_adjustment_id_seq', (SELECT max(adjustment_id) FROM revcycle.remittance_adjustment)),
        ('revcycle.denial_denial_id_seq', (SELECT max(denial_id) FROM revcycle.denial)),
        ('revcycle.appeal_appeal_id_seq', (SELECT max(appeal_id) FROM revcycle.appeal)),
        ('revcycle.ledger_txn_id_seq', (SELECT max(txn_id) FROM revcycle.ledger))
      ) AS v(seq, maxid)
      WHERE v.maxid IS NOT NULL) AS s
\gset

ANALYZE revcycle.payer, revcycle.department, revcycle.charge_master, revcycle.patient, revcycle.account,
    revcycle.charge_line, revcycle.claim, revcycle.remittance, revcycle.remittance_claim,
    revcycle.remittance_adjustment, revcycle.denial, revcycle.appeal, revcycle.ledger;

DROP TABLE pg_temp.rc_payer, pg_temp.rc_cdm, pg_temp.rc_pool, pg_temp.rc_poolsz, pg_temp.rc_pat,
    pg_temp.rc_acct, pg_temp.rc_line, pg_temp.rc_bill, pg_temp.rc_fin, pg_temp.rc_claim,
    pg_temp.rc_rc, pg_temp.rc_remit, pg_temp.rc_den, pg_temp.rc_ev;
DROP FUNCTION pg_temp.rc_lag(bigint), pg_temp.rc_i(bigint, integer, integer, integer), pg_temp.rc_u(bigint, integer);

\if :{?quiet}
\else
\echo revcycle sample hospital loaded: :accounts accounts, seed :seed, data cut-off :rc_cutoff
SELECT t.tbl AS "table", t.n AS "rows"
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
\endif

SET client_min_messages TO :'rc_saved_cmm';
SET max_parallel_workers_per_gather TO :'rc_saved_mpwpg';
\set QUIET :rc_saved_quiet
\set ON_ERROR_STOP :rc_saved_on_error_stop
\set ECHO :rc_saved_echo
