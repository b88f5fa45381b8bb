-- Nothing needs superuser at query time, and views are security_invoker so
-- row-level security on the base tables still applies through them.
SET client_min_messages = warning;
DROP ROLE IF EXISTS regress_rc_analyst;
CREATE ROLE regress_rc_analyst;
RESET client_min_messages;

BEGIN;
INSERT INTO revcycle.department VALUES ('7011', 'Radiology', 'Main');
INSERT INTO revcycle.payer (payer_id, name, payer_class) VALUES
    (1, 'Medicare', 'medicare'), (2, 'Lakeside Mutual', 'commercial');
INSERT INTO revcycle.patient (patient_id, mrn) VALUES (1, 'M1');
INSERT INTO revcycle.account (account_id, account_number, patient_id, facility, dept_code,
                              patient_type, service_from, service_to, primary_payer_id)
VALUES (1, 'A1', 1, 'Main', '7011', 'outpatient', '2025-01-05', '2025-01-05', 1),
       (2, 'A2', 1, 'Main', '7011', 'outpatient', '2025-01-06', '2025-01-06', 2);
INSERT INTO revcycle.ledger (account_id, payer_id, kind, amount, posted_date) VALUES
    (1, 1, 'charge', 1000.00, '2025-01-05'),
    (1, 1, 'payment', 400.00, '2025-02-10'),
    (1, 1, 'contractual_adjustment', 550.00, '2025-02-10'),
    (2, 2, 'charge', 200.00, '2025-01-06'),
    (2, 2, 'payment', 150.00, '2025-02-20');

-- The analyst may read the schema and tables, nothing more.
GRANT USAGE ON SCHEMA revcycle TO regress_rc_analyst;
GRANT SELECT ON ALL TABLES IN SCHEMA revcycle TO regress_rc_analyst;
-- Row-level security: the analyst sees Medicare rows only.
ALTER TABLE revcycle.ledger ENABLE ROW LEVEL SECURITY;
CREATE POLICY medicare_only ON revcycle.ledger TO regress_rc_analyst USING (payer_id = 1);

SET LOCAL ROLE regress_rc_analyst;
SELECT rolsuper FROM pg_roles WHERE rolname = current_user;
-- Medicare only; the Lakeside rows are invisible to the analyst.
-- January: 0 / (1000.00 - 0) = 0.
-- February (cash basis, no charges posted that month):
--   400.00 / (0 - 550.00) = -0.72727...  Single months mislead; merge
--   months (collections_merge) before reading a rate.
SET LOCAL datestyle = 'ISO, MDY';
SELECT month, payer_name, gross_charges, payments, contractual_adjustments, net_collection_rate
FROM revcycle.collections_monthly_by_payer ORDER BY month, payer_name;
-- The aggregates work for the analyst: 400.00 / (1000.00 - 550.00) = 0.888...
SELECT revcycle.net_collection_rate(
           amount * (kind = 'payment')::int,
           amount * (kind = 'charge')::int,
           amount * (kind = 'contractual_adjustment')::int) AS medicare_net_rate
FROM revcycle.ledger;
-- Writing is not granted.
INSERT INTO revcycle.payer (name, payer_class) VALUES ('x', 'other_government');
ROLLBACK;

-- Search-path safety: objects in a schema earlier on the path must not
-- capture references made inside revcycle's functions and views.
BEGIN;
CREATE SCHEMA evil;
CREATE FUNCTION evil.date_trunc(text, timestamp) RETURNS timestamp
    LANGUAGE sql AS $$ SELECT '1999-01-01'::timestamp $$;
CREATE FUNCTION evil.gross_charges(revcycle.collections) RETURNS numeric
    LANGUAGE sql AS $$ SELECT -1::numeric $$;
SET LOCAL search_path = evil, revcycle, public;
INSERT INTO revcycle.department VALUES ('7011', 'Radiology', 'Main');
INSERT INTO revcycle.payer (payer_id, name, payer_class) VALUES (1, 'Medicare', 'medicare');
INSERT INTO revcycle.patient (patient_id, mrn) VALUES (1, 'M1');
INSERT INTO revcycle.account (account_id, account_number, patient_id, facility, dept_code,
                              patient_type, service_from, service_to, primary_payer_id)
VALUES (1, 'A1', 1, 'Main', '7011', 'outpatient', '2025-01-05', '2025-01-05', 1);
INSERT INTO revcycle.ledger (account_id, payer_id, kind, amount, posted_date)
VALUES (1, 1, 'charge', 1000.00, '2025-01-05');
-- 2025-01-01 and 1000.00, not 1999-01-01 and -1.
SET LOCAL datestyle = 'ISO, MDY';
SELECT month, gross_charges FROM revcycle.collections_monthly_by_payer;
ROLLBACK;

DROP ROLE regress_rc_analyst;
