-- revcycle 0.1.0 install script (released; never edited)
\echo Use "CREATE EXTENSION revcycle" to load this file. \quit

-- ===================================================================
-- Data model.  Every balance is derived from the financial transaction
-- ledger (revcycle.ledger); the other tables describe who, what and when.
-- Money is numeric(14,2): exact, what warehouses already use, and read by
-- the C aggregates straight from its digits (see README, "Money").
-- ===================================================================

CREATE TYPE @extschema@.payer_class AS ENUM (
    'medicare', 'medicaid', 'commercial', 'managed_care', 'self_pay',
    'workers_comp', 'other_government');
COMMENT ON TYPE @extschema@.payer_class IS
    'Payer class used to break down KPIs (AAFP: Medicare, Medicaid, commercial, self-pay; plus managed care, workers'' comp, other government).';

CREATE TYPE @extschema@.txn_kind AS ENUM (
    'charge', 'payment', 'refund', 'contractual_adjustment',
    'administrative_adjustment', 'small_balance_writeoff', 'denial_writeoff',
    'bad_debt', 'charity', 'transfer');
COMMENT ON TYPE @extschema@.txn_kind IS
    'Kind of a ledger transaction.  A reversal is a row of the same kind with the opposite sign and reverses_txn_id set.';

CREATE TYPE @extschema@.patient_type AS ENUM (
    'inpatient', 'outpatient', 'emergency', 'observation', 'clinic');
COMMENT ON TYPE @extschema@.patient_type IS 'Encounter type of a patient account.';

CREATE TYPE @extschema@.claim_status AS ENUM (
    'submitted', 'rejected', 'accepted', 'paid', 'partially_paid', 'denied',
    'voided');
COMMENT ON TYPE @extschema@.claim_status IS
    'Current status of a claim: rejected = failed front-end edits at the clearinghouse; denied = adjudicated with no payment.';

CREATE TYPE @extschema@.appeal_outcome AS ENUM (
    'pending', 'overturned', 'partially_overturned', 'upheld');
COMMENT ON TYPE @extschema@.appeal_outcome IS 'Outcome of a denial appeal.';

-- A/R effect of a ledger row: +1 raises the balance owed, -1 lowers it.
-- transfer rows carry their own sign (-x from one payer, +x to another).
CREATE FUNCTION @extschema@.ar_sign(kind @extschema@.txn_kind) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN CASE kind
    WHEN 'charge' THEN 1
    WHEN 'refund' THEN 1
    WHEN 'transfer' THEN 1
    ELSE -1 END;
COMMENT ON FUNCTION @extschema@.ar_sign(@extschema@.txn_kind) IS
    'Sign of a ledger kind''s effect on A/R: +1 for charge, refund and transfer (signed by itself), -1 for payments and every adjustment or write-off.';

CREATE TABLE @extschema@.payer (
    payer_id            bigserial PRIMARY KEY,
    name                text NOT NULL,
    payer_class         @extschema@.payer_class NOT NULL,
    timely_filing_days  integer NOT NULL DEFAULT 365,
    payer_identifier    text,
    CONSTRAINT payer_name_unique UNIQUE (name),
    CONSTRAINT payer_identifier_unique UNIQUE (payer_identifier),
    CONSTRAINT payer_name_not_blank CHECK (btrim(name) <> ''),
    CONSTRAINT payer_timely_filing_days_range CHECK (timely_filing_days BETWEEN 1 AND 3650)
);
COMMENT ON TABLE @extschema@.payer IS 'Payers (insurers, government programs, and one self-pay row for patients).';
COMMENT ON COLUMN @extschema@.payer.payer_id IS 'Surrogate key.';
COMMENT ON COLUMN @extschema@.payer.name IS 'Payer name as shown in reports.';
COMMENT ON COLUMN @extschema@.payer.payer_class IS 'Payer class for KPI breakdowns.';
COMMENT ON COLUMN @extschema@.payer.timely_filing_days IS 'Filing deadline in days from the date of service (e.g. 365 for Medicare, 60-180 for many commercial plans).';
COMMENT ON COLUMN @extschema@.payer.payer_identifier IS 'Identifier the payer uses on remittances (835 N1*PR N104 or TRN03); matches 835 files to this payer.';

CREATE TABLE @extschema@.department (
    dept_code   text PRIMARY KEY,
    name        text NOT NULL,
    facility    text NOT NULL,
    CONSTRAINT department_code_format CHECK (dept_code ~ '^[A-Za-z0-9_-]{1,20}$')
);
COMMENT ON TABLE @extschema@.department IS 'GL departments (cost centers) that charges and accounts belong to.';
COMMENT ON COLUMN @extschema@.department.dept_code IS 'GL department code, e.g. 7011.';
COMMENT ON COLUMN @extschema@.department.name IS 'Department name.';
COMMENT ON COLUMN @extschema@.department.facility IS 'Facility (hospital or clinic) of the department.';

CREATE TABLE @extschema@.charge_master (
    charge_code     text PRIMARY KEY,
    description     text NOT NULL,
    dept_code       text NOT NULL REFERENCES @extschema@.department,
    hcpcs           text,
    revenue_code    text NOT NULL,
    price           numeric(14,2) NOT NULL,
    active          boolean NOT NULL DEFAULT true,
    CONSTRAINT charge_master_revenue_code_format CHECK (revenue_code ~ '^[0-9]{4}$'),
    CONSTRAINT charge_master_hcpcs_format CHECK (hcpcs ~ '^[A-Z0-9]{5}$'),
    CONSTRAINT charge_master_price_nonnegative CHECK (price >= 0 AND price <> 'NaN')
);
COMMENT ON TABLE @extschema@.charge_master IS 'Hospital charge master: every billable service and supply with its price.';
COMMENT ON COLUMN @extschema@.charge_master.charge_code IS 'Charge code (CDM number).';
COMMENT ON COLUMN @extschema@.charge_master.description IS 'Charge description.';
COMMENT ON COLUMN @extschema@.charge_master.dept_code IS 'GL department the charge posts to.';
COMMENT ON COLUMN @extschema@.charge_master.hcpcs IS 'HCPCS/CPT code, five characters, NULL when none applies.';
COMMENT ON COLUMN @extschema@.charge_master.revenue_code IS 'UB-04 revenue code, four digits (e.g. 0350 CT scan).';
COMMENT ON COLUMN @extschema@.charge_master.price IS 'Gross charge per unit.';
COMMENT ON COLUMN @extschema@.charge_master.active IS 'False for retired charge codes kept for history.';

CREATE TABLE @extschema@.patient (
    patient_id  bigserial PRIMARY KEY,
    mrn         text NOT NULL,
    birth_date  date,
    CONSTRAINT patient_mrn_unique UNIQUE (mrn)
);
COMMENT ON TABLE @extschema@.patient IS 'Patients (medical record number only: revcycle needs no demographics).';
COMMENT ON COLUMN @extschema@.patient.patient_id IS 'Surrogate key.';
COMMENT ON COLUMN @extschema@.patient.mrn IS 'Medical record number.';
COMMENT ON COLUMN @extschema@.patient.birth_date IS 'Date of birth, optional.';

CREATE TABLE @extschema@.account (
    account_id          bigserial PRIMARY KEY,
    account_number      text NOT NULL,
    patient_id          bigint NOT NULL REFERENCES @extschema@.patient,
    facility            text NOT NULL,
    dept_code           text NOT NULL REFERENCES @extschema@.department,
    patient_type        @extschema@.patient_type NOT NULL,
    admit_date          date,
    discharge_date      date,
    service_from        date NOT NULL,
    service_to          date NOT NULL,
    primary_payer_id    bigint NOT NULL REFERENCES @extschema@.payer,
    secondary_payer_id  bigint REFERENCES @extschema@.payer,
    final_billed_date   date,
    CONSTRAINT account_number_unique UNIQUE (account_number),
    CONSTRAINT account_service_dates_in_order CHECK (service_to >= service_from),
    CONSTRAINT account_discharge_after_admit CHECK (discharge_date >= admit_date),
    CONSTRAINT account_payers_differ CHECK (secondary_payer_id <> primary_payer_id)
);
COMMENT ON TABLE @extschema@.account IS 'Patient accounts (encounters): the unit that is billed and carries a balance.';
COMMENT ON COLUMN @extschema@.account.account_id IS 'Surrogate key.';
COMMENT ON COLUMN @extschema@.account.account_number IS 'Patient account number; sent as the claim''s patient control number (835 CLP01).';
COMMENT ON COLUMN @extschema@.account.patient_id IS 'The patient.';
COMMENT ON COLUMN @extschema@.account.facility IS 'Facility where the service was given.';
COMMENT ON COLUMN @extschema@.account.dept_code IS 'Attending department, for denial and A/R breakdowns.';
COMMENT ON COLUMN @extschema@.account.patient_type IS 'Inpatient, outpatient, emergency, observation or clinic.';
COMMENT ON COLUMN @extschema@.account.admit_date IS 'Admission date (inpatient and observation).';
COMMENT ON COLUMN @extschema@.account.discharge_date IS 'Discharge date; NULL while in house.';
COMMENT ON COLUMN @extschema@.account.service_from IS 'First date of service: the default anchor for A/R aging (AAFP).';
COMMENT ON COLUMN @extschema@.account.service_to IS 'Last date of service.';
COMMENT ON COLUMN @extschema@.account.primary_payer_id IS 'Primary payer.';
COMMENT ON COLUMN @extschema@.account.secondary_payer_id IS 'Secondary payer, if any.';
COMMENT ON COLUMN @extschema@.account.final_billed_date IS 'Date the account was final billed; NULL = not final billed (DNFB).';

CREATE TABLE @extschema@.charge_line (
    charge_line_id  bigserial PRIMARY KEY,
    account_id      bigint NOT NULL REFERENCES @extschema@.account,
    charge_code     text NOT NULL REFERENCES @extschema@.charge_master,
    service_date    date NOT NULL,
    post_date       date NOT NULL,
    quantity        integer NOT NULL,
    amount          numeric(14,2) NOT NULL,
    CONSTRAINT charge_line_posted_after_service CHECK (post_date >= service_date),
    CONSTRAINT charge_line_quantity_nonzero CHECK (quantity <> 0),
    CONSTRAINT charge_line_amount_finite CHECK (amount <> 'NaN')
);
COMMENT ON TABLE @extschema@.charge_line IS 'Charges captured from the charge master, one row per posted line (credits have negative quantity and amount).';
COMMENT ON COLUMN @extschema@.charge_line.charge_line_id IS 'Surrogate key.';
COMMENT ON COLUMN @extschema@.charge_line.account_id IS 'Account charged.';
COMMENT ON COLUMN @extschema@.charge_line.charge_code IS 'Charge master code.';
COMMENT ON COLUMN @extschema@.charge_line.service_date IS 'Date of service.';
COMMENT ON COLUMN @extschema@.charge_line.post_date IS 'Date the charge was posted; charge lag = post_date - service_date.';
COMMENT ON COLUMN @extschema@.charge_line.quantity IS 'Units (negative for a credit line).';
COMMENT ON COLUMN @extschema@.charge_line.amount IS 'Extended gross charge.';

CREATE TABLE @extschema@.claim (
    claim_id            bigserial PRIMARY KEY,
    claim_number        text NOT NULL,
    account_id          bigint NOT NULL REFERENCES @extschema@.account,
    payer_id            bigint NOT NULL REFERENCES @extschema@.payer,
    payer_sequence      smallint NOT NULL DEFAULT 1,
    frequency_code      text NOT NULL DEFAULT '1',
    original_claim_id   bigint REFERENCES @extschema@.claim,
    statement_from      date NOT NULL,
    statement_to        date NOT NULL,
    submitted_date      date NOT NULL,
    billed_amount       numeric(14,2) NOT NULL,
    status              @extschema@.claim_status NOT NULL DEFAULT 'submitted',
    clean_claim         boolean NOT NULL DEFAULT true,
    CONSTRAINT claim_number_unique UNIQUE (claim_number),
    CONSTRAINT claim_payer_sequence_range CHECK (payer_sequence BETWEEN 1 AND 3),
    CONSTRAINT claim_frequency_code_valid CHECK (frequency_code IN ('1', '7', '8')),
    CONSTRAINT claim_rebill_has_original CHECK ((frequency_code = '1') = (original_claim_id IS NULL)),
    CONSTRAINT claim_statement_dates_in_order CHECK (statement_to >= statement_from),
    CONSTRAINT claim_billed_amount_nonnegative CHECK (billed_amount >= 0 AND billed_amount <> 'NaN')
);
COMMENT ON TABLE @extschema@.claim IS 'Claims submitted to payers, including rebills (frequency 7) and voids (frequency 8).';
COMMENT ON COLUMN @extschema@.claim.claim_id IS 'Surrogate key.';
COMMENT ON COLUMN @extschema@.claim.claim_number IS 'Claim identifier sent to the payer (the patient control number, CLP01, comes back on the 835).';
COMMENT ON COLUMN @extschema@.claim.account_id IS 'Account billed.';
COMMENT ON COLUMN @extschema@.claim.payer_id IS 'Payer billed.';
COMMENT ON COLUMN @extschema@.claim.payer_sequence IS '1 primary, 2 secondary, 3 tertiary.';
COMMENT ON COLUMN @extschema@.claim.frequency_code IS 'Claim frequency: 1 original, 7 replacement (rebill), 8 void.';
COMMENT ON COLUMN @extschema@.claim.original_claim_id IS 'For a rebill or void, the claim it replaces.';
COMMENT ON COLUMN @extschema@.claim.statement_from IS 'Statement period start.';
COMMENT ON COLUMN @extschema@.claim.statement_to IS 'Statement period end.';
COMMENT ON COLUMN @extschema@.claim.submitted_date IS 'Date the claim was submitted (bill date: MGMA''s aging anchor).';
COMMENT ON COLUMN @extschema@.claim.billed_amount IS 'Total charges on the claim.';
COMMENT ON COLUMN @extschema@.claim.status IS 'Current claim status.';
COMMENT ON COLUMN @extschema@.claim.clean_claim IS 'True when the claim passed all edits with no manual touch (clean claim rate).';

CREATE TABLE @extschema@.remittance (
    remittance_id               bigserial PRIMARY KEY,
    payer_id                    bigint REFERENCES @extschema@.payer,
    payer_name                  text,
    payer_identifier            text,
    payee_name                  text,
    payee_identifier            text,
    interchange_control_number  text,
    transaction_control_number  text NOT NULL,
    trace_number                text NOT NULL,
    handling_code               text,
    payment_method              text,
    total_payment               numeric(14,2) NOT NULL,
    payment_date                date,
    production_date             date,
    source                      text,
    loaded_at                   timestamptz NOT NULL DEFAULT pg_catalog.now(),
    CONSTRAINT remittance_total_payment_finite CHECK (total_payment <> 'NaN')
);
CREATE UNIQUE INDEX remittance_natural_key ON @extschema@.remittance
    (payer_identifier, trace_number, transaction_control_number) NULLS NOT DISTINCT;
COMMENT ON TABLE @extschema@.remittance IS 'Remittance advices (one per 835 transaction set): a payment or a notice from a payer.';
COMMENT ON COLUMN @extschema@.remittance.remittance_id IS 'Surrogate key.';
COMMENT ON COLUMN @extschema@.remittance.payer_id IS 'Payer matched by payer_identifier; NULL when unknown.';
COMMENT ON COLUMN @extschema@.remittance.payer_name IS 'Payer name as sent (N1*PR).';
COMMENT ON COLUMN @extschema@.remittance.payer_identifier IS 'Payer identifier as sent (N1*PR N104, else TRN03).';
COMMENT ON COLUMN @extschema@.remittance.payee_name IS 'Payee name as sent (N1*PE).';
COMMENT ON COLUMN @extschema@.remittance.payee_identifier IS 'Payee identifier as sent (N1*PE N104, e.g. NPI).';
COMMENT ON COLUMN @extschema@.remittance.interchange_control_number IS 'ISA13 of the interchange.';
COMMENT ON COLUMN @extschema@.remittance.transaction_control_number IS 'ST02 of the transaction set.';
COMMENT ON COLUMN @extschema@.remittance.trace_number IS 'Check or EFT trace number (TRN02).';
COMMENT ON COLUMN @extschema@.remittance.handling_code IS 'BPR01: I remittance with payment, H notification only (no money moves), ...';
COMMENT ON COLUMN @extschema@.remittance.payment_method IS 'BPR04: ACH, CHK, FWT, BOP, NON.';
COMMENT ON COLUMN @extschema@.remittance.total_payment IS 'BPR02 total actual payment.';
COMMENT ON COLUMN @extschema@.remittance.payment_date IS 'BPR16 payment effective date.';
COMMENT ON COLUMN @extschema@.remittance.production_date IS 'DTM*405 production date.';
COMMENT ON COLUMN @extschema@.remittance.source IS 'Where the file came from (file name or feed), as given by the loader''s caller.';
COMMENT ON COLUMN @extschema@.remittance.loaded_at IS 'When the remittance was loaded.';

CREATE TABLE @extschema@.remittance_claim (
    remittance_claim_id         bigserial PRIMARY KEY,
    remittance_id               bigint NOT NULL REFERENCES @extschema@.remittance ON DELETE CASCADE,
    claim_id                    bigint REFERENCES @extschema@.claim,
    patient_control_number      text NOT NULL,
    status_code                 text NOT NULL,
    charge_amount               numeric(14,2) NOT NULL,
    paid_amount                 numeric(14,2) NOT NULL,
    patient_responsibility      numeric(14,2),
    claim_filing_indicator      text,
    payer_claim_control_number  text,
    facility_type               text,
    frequency_code              text,
    statement_from              date,
    statement_to                date,
    received_date               date,
    is_reversal                 boolean GENERATED ALWAYS AS (status_code = '22') STORED
);
CREATE INDEX remittance_claim_claim_idx ON @extschema@.remittance_claim (claim_id);
COMMENT ON TABLE @extschema@.remittance_claim IS 'Claim payments (835 CLP, loop 2100); claim_id is NULL for an unmatched claim.';
COMMENT ON COLUMN @extschema@.remittance_claim.remittance_claim_id IS 'Surrogate key.';
COMMENT ON COLUMN @extschema@.remittance_claim.remittance_id IS 'The remittance.';
COMMENT ON COLUMN @extschema@.remittance_claim.claim_id IS 'Matched claim; NULL when no claim has this patient control number.';
COMMENT ON COLUMN @extschema@.remittance_claim.patient_control_number IS 'CLP01 as sent.';
COMMENT ON COLUMN @extschema@.remittance_claim.status_code IS 'CLP02: 1/2/3 processed as primary/secondary/tertiary, 4 denied, 22 reversal of a previous payment, ...';
COMMENT ON COLUMN @extschema@.remittance_claim.charge_amount IS 'CLP03 total claim charge.';
COMMENT ON COLUMN @extschema@.remittance_claim.paid_amount IS 'CLP04 claim payment.';
COMMENT ON COLUMN @extschema@.remittance_claim.patient_responsibility IS 'CLP05 patient responsibility.';
COMMENT ON COLUMN @extschema@.remittance_claim.claim_filing_indicator IS 'CLP06 claim filing indicator (MA, MB, MC, CI, ...).';
COMMENT ON COLUMN @extschema@.remittance_claim.payer_claim_control_number IS 'CLP07 payer claim control number.';
COMMENT ON COLUMN @extschema@.remittance_claim.facility_type IS 'CLP08 facility type code.';
COMMENT ON COLUMN @extschema@.remittance_claim.frequency_code IS 'CLP09 claim frequency code.';
COMMENT ON COLUMN @extschema@.remittance_claim.statement_from IS 'DTM*232 statement period start.';
COMMENT ON COLUMN @extschema@.remittance_claim.statement_to IS 'DTM*233 statement period end.';
COMMENT ON COLUMN @extschema@.remittance_claim.received_date IS 'DTM*050 date the payer received the claim.';
COMMENT ON COLUMN @extschema@.remittance_claim.is_reversal IS 'True for a reversal of a previous payment (CLP02 = 22).';

CREATE TABLE @extschema@.remittance_line (
    remittance_line_id      bigserial PRIMARY KEY,
    remittance_claim_id     bigint NOT NULL REFERENCES @extschema@.remittance_claim ON DELETE CASCADE,
    line_number             integer NOT NULL,
    procedure_qualifier     text,
    procedure_code          text,
    modifiers               text[],
    charge_amount           numeric(14,2) NOT NULL,
    paid_amount             numeric(14,2) NOT NULL,
    revenue_code            text,
    units                   numeric,
    service_from            date,
    service_to              date,
    allowed_amount          numeric(14,2),
    remark_codes            text[],
    line_control_number     text,
    CONSTRAINT remittance_line_number_unique UNIQUE (remittance_claim_id, line_number)
);
COMMENT ON TABLE @extschema@.remittance_line IS 'Service line payments (835 SVC, loop 2110).';
COMMENT ON COLUMN @extschema@.remittance_line.remittance_line_id IS 'Surrogate key.';
COMMENT ON COLUMN @extschema@.remittance_line.remittance_claim_id IS 'The claim payment.';
COMMENT ON COLUMN @extschema@.remittance_line.line_number IS 'Position of the line within the claim, from 1.';
COMMENT ON COLUMN @extschema@.remittance_line.procedure_qualifier IS 'SVC01-1 code qualifier (HC = HCPCS/CPT, NU = revenue code, ...).';
COMMENT ON COLUMN @extschema@.remittance_line.procedure_code IS 'SVC01-2 procedure code.';
COMMENT ON COLUMN @extschema@.remittance_line.modifiers IS 'SVC01-3..6 procedure modifiers.';
COMMENT ON COLUMN @extschema@.remittance_line.charge_amount IS 'SVC02 line charge.';
COMMENT ON COLUMN @extschema@.remittance_line.paid_amount IS 'SVC03 line payment.';
COMMENT ON COLUMN @extschema@.remittance_line.revenue_code IS 'SVC04 revenue code.';
COMMENT ON COLUMN @extschema@.remittance_line.units IS 'SVC05 units paid.';
COMMENT ON COLUMN @extschema@.remittance_line.service_from IS 'DTM*472/150 service date (start).';
COMMENT ON COLUMN @extschema@.remittance_line.service_to IS 'DTM*472/151 service date (end).';
COMMENT ON COLUMN @extschema@.remittance_line.allowed_amount IS 'AMT*B6 allowed amount.';
COMMENT ON COLUMN @extschema@.remittance_line.remark_codes IS 'LQ*HE remittance advice remark codes (RARC).';
COMMENT ON COLUMN @extschema@.remittance_line.line_control_number IS 'REF*6R line item control number.';

CREATE TABLE @extschema@.remittance_adjustment (
    adjustment_id           bigserial PRIMARY KEY,
    remittance_claim_id     bigint NOT NULL REFERENCES @extschema@.remittance_claim ON DELETE CASCADE,
    remittance_line_id      bigint REFERENCES @extschema@.remittance_line ON DELETE CASCADE,
    group_code              text NOT NULL,
    carc                    text NOT NULL,
    amount                  numeric(14,2) NOT NULL,
    quantity                numeric,
    CONSTRAINT remittance_adjustment_group_code_valid CHECK (group_code IN ('CO', 'PR', 'OA', 'PI', 'CR')),
    CONSTRAINT remittance_adjustment_carc_format CHECK (carc ~ '^[A-Z0-9]{1,3}$'),
    CONSTRAINT remittance_adjustment_amount_finite CHECK (amount <> 'NaN')
);
CREATE INDEX remittance_adjustment_claim_idx ON @extschema@.remittance_adjustment (remittance_claim_id);
COMMENT ON TABLE @extschema@.remittance_adjustment IS 'Claim adjustments (835 CAS), at claim level (remittance_line_id NULL) or line level.';
COMMENT ON COLUMN @extschema@.remittance_adjustment.adjustment_id IS 'Surrogate key.';
COMMENT ON COLUMN @extschema@.remittance_adjustment.remittance_claim_id IS 'The claim payment.';
COMMENT ON COLUMN @extschema@.remittance_adjustment.remittance_line_id IS 'The service line; NULL for a claim-level adjustment.';
COMMENT ON COLUMN @extschema@.remittance_adjustment.group_code IS 'CAS01 group code: CO, PR, OA, PI (CR only in 4010 data).';
COMMENT ON COLUMN @extschema@.remittance_adjustment.carc IS 'Claim adjustment reason code (CARC).';
COMMENT ON COLUMN @extschema@.remittance_adjustment.amount IS 'Adjustment amount (positive reduces payment).';
COMMENT ON COLUMN @extschema@.remittance_adjustment.quantity IS 'Adjustment quantity, when sent.';

CREATE TABLE @extschema@.provider_adjustment (
    provider_adjustment_id  bigserial PRIMARY KEY,
    remittance_id           bigint NOT NULL REFERENCES @extschema@.remittance ON DELETE CASCADE,
    provider_identifier     text NOT NULL,
    fiscal_period_date      date,
    reason_code             text NOT NULL,
    reference               text,
    amount                  numeric(14,2) NOT NULL
);
COMMENT ON TABLE @extschema@.provider_adjustment IS 'Provider-level adjustments (835 PLB): takebacks, interest, forwarding balances.';
COMMENT ON COLUMN @extschema@.provider_adjustment.provider_adjustment_id IS 'Surrogate key.';
COMMENT ON COLUMN @extschema@.provider_adjustment.remittance_id IS 'The remittance.';
COMMENT ON COLUMN @extschema@.provider_adjustment.provider_identifier IS 'PLB01 provider identifier.';
COMMENT ON COLUMN @extschema@.provider_adjustment.fiscal_period_date IS 'PLB02 fiscal period date.';
COMMENT ON COLUMN @extschema@.provider_adjustment.reason_code IS 'PLB03-1 adjustment reason (WO overpayment recovery, L6 interest, FB forwarding balance, ...).';
COMMENT ON COLUMN @extschema@.provider_adjustment.reference IS 'PLB03-2 reference identifier.';
COMMENT ON COLUMN @extschema@.provider_adjustment.amount IS 'PLB04 amount: positive reduces the payment, negative increases it.';

CREATE TABLE @extschema@.denial (
    denial_id               bigserial PRIMARY KEY,
    claim_id                bigint REFERENCES @extschema@.claim,
    remittance_claim_id     bigint REFERENCES @extschema@.remittance_claim ON DELETE CASCADE,
    payer_id                bigint NOT NULL REFERENCES @extschema@.payer,
    denial_date             date NOT NULL,
    group_code              text NOT NULL,
    carc                    text NOT NULL,
    rarc                    text[],
    amount                  numeric(14,2) NOT NULL,
    is_initial              boolean NOT NULL DEFAULT true,
    CONSTRAINT denial_group_code_valid CHECK (group_code IN ('CO', 'PR', 'OA', 'PI', 'CR')),
    CONSTRAINT denial_carc_format CHECK (carc ~ '^[A-Z0-9]{1,3}$'),
    CONSTRAINT denial_amount_positive CHECK (amount > 0 AND amount <> 'NaN')
);
CREATE INDEX denial_claim_idx ON @extschema@.denial (claim_id);
COMMENT ON TABLE @extschema@.denial IS 'Denials: adjustments that deny payment (not contractual allowances or patient cost share), one row per denied code on a claim.';
COMMENT ON COLUMN @extschema@.denial.denial_id IS 'Surrogate key.';
COMMENT ON COLUMN @extschema@.denial.claim_id IS 'Denied claim; NULL when the remittance claim is unmatched.';
COMMENT ON COLUMN @extschema@.denial.remittance_claim_id IS 'Remittance claim that carried the denial, if loaded from an 835.';
COMMENT ON COLUMN @extschema@.denial.payer_id IS 'Payer that denied.';
COMMENT ON COLUMN @extschema@.denial.denial_date IS 'Date of the denial (remittance payment or production date).';
COMMENT ON COLUMN @extschema@.denial.group_code IS 'Group code of the adjustment.';
COMMENT ON COLUMN @extschema@.denial.carc IS 'Claim adjustment reason code.';
COMMENT ON COLUMN @extschema@.denial.rarc IS 'Remark codes sent with the denial.';
COMMENT ON COLUMN @extschema@.denial.amount IS 'Dollars denied.';
COMMENT ON COLUMN @extschema@.denial.is_initial IS 'True for a first-pass denial of an original submission (initial denial rate); false for denials of rebills.';

CREATE TABLE @extschema@.appeal (
    appeal_id           bigserial PRIMARY KEY,
    denial_id           bigint NOT NULL REFERENCES @extschema@.denial ON DELETE CASCADE,
    appeal_level        smallint NOT NULL,
    filed_date          date NOT NULL,
    resolved_date       date,
    outcome             @extschema@.appeal_outcome NOT NULL DEFAULT 'pending',
    recovered_amount    numeric(14,2) NOT NULL DEFAULT 0,
    CONSTRAINT appeal_level_unique UNIQUE (denial_id, appeal_level),
    CONSTRAINT appeal_level_range CHECK (appeal_level BETWEEN 1 AND 5),
    CONSTRAINT appeal_resolved_after_filed CHECK (resolved_date >= filed_date),
    CONSTRAINT appeal_pending_unresolved CHECK ((outcome = 'pending') = (resolved_date IS NULL)),
    CONSTRAINT appeal_recovered_nonnegative CHECK (recovered_amount >= 0 AND recovered_amount <> 'NaN')
);
COMMENT ON TABLE @extschema@.appeal IS 'Appeals of denials, by level (at least two are recommended before a final write-off).';
COMMENT ON COLUMN @extschema@.appeal.appeal_id IS 'Surrogate key.';
COMMENT ON COLUMN @extschema@.appeal.denial_id IS 'The denial appealed.';
COMMENT ON COLUMN @extschema@.appeal.appeal_level IS 'Appeal level, 1 = first appeal.';
COMMENT ON COLUMN @extschema@.appeal.filed_date IS 'Date the appeal was filed.';
COMMENT ON COLUMN @extschema@.appeal.resolved_date IS 'Date of the payer''s decision; NULL while pending.';
COMMENT ON COLUMN @extschema@.appeal.outcome IS 'Pending, overturned, partially overturned or upheld.';
COMMENT ON COLUMN @extschema@.appeal.recovered_amount IS 'Dollars recovered by the appeal.';

CREATE TABLE @extschema@.ledger (
    txn_id                  bigserial PRIMARY KEY,
    account_id              bigint NOT NULL REFERENCES @extschema@.account,
    payer_id                bigint NOT NULL REFERENCES @extschema@.payer,
    kind                    @extschema@.txn_kind NOT NULL,
    amount                  numeric(14,2) NOT NULL,
    posted_date             date NOT NULL,
    claim_id                bigint REFERENCES @extschema@.claim,
    charge_line_id          bigint REFERENCES @extschema@.charge_line,
    remittance_claim_id     bigint REFERENCES @extschema@.remittance_claim,
    denial_id               bigint REFERENCES @extschema@.denial,
    reverses_txn_id         bigint REFERENCES @extschema@.ledger,
    memo                    text,
    CONSTRAINT ledger_amount_nonzero CHECK (amount <> 0),
    CONSTRAINT ledger_amount_finite CHECK (amount <> 'NaN'),
    CONSTRAINT ledger_reversal_not_self CHECK (reverses_txn_id <> txn_id)
);
CREATE INDEX ledger_account_idx ON @extschema@.ledger (account_id, posted_date);
CREATE INDEX ledger_posted_idx ON @extschema@.ledger (posted_date);
COMMENT ON TABLE @extschema@.ledger IS 'Financial transaction ledger: every balance is derived from it.  Amounts are positive in their natural direction (a payment of 100.00 is +100.00); ar_sign(kind) gives the effect on A/R.  A correction is a row of the same kind with the opposite sign (reverses_txn_id names the original).  A transfer between payers is a pair of transfer rows, -x on the payer giving up the balance and +x on the one taking it.';
COMMENT ON COLUMN @extschema@.ledger.txn_id IS 'Surrogate key.';
COMMENT ON COLUMN @extschema@.ledger.account_id IS 'Account the transaction posts to.';
COMMENT ON COLUMN @extschema@.ledger.payer_id IS 'Responsible party the transaction belongs to (the self-pay payer for patient balances).';
COMMENT ON COLUMN @extschema@.ledger.kind IS 'Transaction kind.';
COMMENT ON COLUMN @extschema@.ledger.amount IS 'Amount in the kind''s natural direction; signed for transfers and corrections.';
COMMENT ON COLUMN @extschema@.ledger.posted_date IS 'Accounting date: balances as of a date count rows posted on or before it.';
COMMENT ON COLUMN @extschema@.ledger.claim_id IS 'Claim the transaction relates to, if any.';
COMMENT ON COLUMN @extschema@.ledger.charge_line_id IS 'Charge line, for charge rows.';
COMMENT ON COLUMN @extschema@.ledger.remittance_claim_id IS 'Remittance claim that caused the posting, if any.';
COMMENT ON COLUMN @extschema@.ledger.denial_id IS 'Denial written off, for denial_writeoff rows.';
COMMENT ON COLUMN @extschema@.ledger.reverses_txn_id IS 'For a correction, the transaction it reverses.';
COMMENT ON COLUMN @extschema@.ledger.memo IS 'Free text.';

-- pg_dump keeps the rows of these tables and the positions of their sequences.
-- (One call per statement: each call updates the same pg_extension row.)
SELECT pg_catalog.pg_extension_config_dump('@extschema@.payer', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.department', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.charge_master', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.patient', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.account', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.charge_line', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.claim', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.remittance', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.remittance_claim', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.remittance_line', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.remittance_adjustment', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.provider_adjustment', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.denial', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.appeal', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ledger', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.payer_payer_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.patient_patient_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.account_account_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.charge_line_charge_line_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.claim_claim_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.remittance_remittance_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.remittance_claim_remittance_claim_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.remittance_line_remittance_line_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.remittance_adjustment_adjustment_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.provider_adjustment_provider_adjustment_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.denial_denial_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.appeal_appeal_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('@extschema@.ledger_txn_id_seq', '');

-- ===================================================================
-- revcycle.collections: exact collection sums and rates (src/collections.c)
-- ===================================================================

CREATE TYPE @extschema@.collections;

CREATE FUNCTION @extschema@.collections_in(cstring) RETURNS @extschema@.collections
    AS 'MODULE_PATHNAME', 'rc_collections_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.collections_out(@extschema@.collections) RETURNS cstring
    AS 'MODULE_PATHNAME', 'rc_collections_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.collections_recv(internal) RETURNS @extschema@.collections
    AS 'MODULE_PATHNAME', 'rc_collections_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.collections_send(@extschema@.collections) RETURNS bytea
    AS 'MODULE_PATHNAME', 'rc_collections_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.collections (
    INPUT = @extschema@.collections_in,
    OUTPUT = @extschema@.collections_out,
    RECEIVE = @extschema@.collections_recv,
    SEND = @extschema@.collections_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.collections IS
    'Collections summary: exact sums of gross charges, payments, refunds, contractual and other adjustments with row counts; mergeable, storable, parallel-safe.  Text form is a JSON object (format version "v").';
COMMENT ON FUNCTION @extschema@.collections_in(cstring) IS 'Input function of revcycle.collections (strict JSON form, as output writes it).';
COMMENT ON FUNCTION @extschema@.collections_out(@extschema@.collections) IS 'Output function of revcycle.collections (JSON object).';
COMMENT ON FUNCTION @extschema@.collections_recv(internal) IS 'Binary input function of revcycle.collections (versioned, validated).';
COMMENT ON FUNCTION @extschema@.collections_send(@extschema@.collections) IS 'Binary output function of revcycle.collections.';

-- Transition and combine functions (not for direct use).
CREATE FUNCTION @extschema@.collections_columns_trans(@extschema@.collections, numeric, numeric, numeric, numeric, numeric)
    RETURNS @extschema@.collections
    AS 'MODULE_PATHNAME', 'rc_collections_columns_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.collections_columns_trans(@extschema@.collections, numeric, numeric, numeric, numeric, numeric)
    IS 'Transition function of collections_agg(charge, payment, refund, contractual_adjustment, other_adjustment).';
CREATE FUNCTION @extschema@.collections_ledger_trans(@extschema@.collections, @extschema@.txn_kind, numeric)
    RETURNS @extschema@.collections
    AS 'MODULE_PATHNAME', 'rc_collections_ledger_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.collections_ledger_trans(@extschema@.collections, @extschema@.txn_kind, numeric)
    IS 'Transition function of collections_agg(kind, amount).';
CREATE FUNCTION @extschema@.gross_collection_rate_trans(@extschema@.collections, numeric, numeric)
    RETURNS @extschema@.collections
    AS 'MODULE_PATHNAME', 'rc_gross_rate_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gross_collection_rate_trans(@extschema@.collections, numeric, numeric)
    IS 'Transition function of gross_collection_rate(payment, charge).';
CREATE FUNCTION @extschema@.net_collection_rate_trans(@extschema@.collections, numeric, numeric, numeric)
    RETURNS @extschema@.collections
    AS 'MODULE_PATHNAME', 'rc_net_rate_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.net_collection_rate_trans(@extschema@.collections, numeric, numeric, numeric)
    IS 'Transition function of net_collection_rate(payment, charge, contractual_adjustment).';
CREATE FUNCTION @extschema@.collections_combine(@extschema@.collections, @extschema@.collections)
    RETURNS @extschema@.collections
    AS 'MODULE_PATHNAME', 'rc_collections_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.collections_combine(@extschema@.collections, @extschema@.collections)
    IS 'Combine function of the collections aggregates; also the transition of collections_merge.  Either side may be NULL (an empty partial state).';

-- Accessors.
CREATE FUNCTION @extschema@.gross_charges(@extschema@.collections) RETURNS numeric
    AS 'MODULE_PATHNAME', 'rc_collections_charges' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gross_charges(@extschema@.collections) IS 'Exact sum of gross charges in a collections summary.';
CREATE FUNCTION @extschema@.payments(@extschema@.collections) RETURNS numeric
    AS 'MODULE_PATHNAME', 'rc_collections_payments' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.payments(@extschema@.collections) IS 'Exact sum of payments in a collections summary.';
CREATE FUNCTION @extschema@.refunds(@extschema@.collections) RETURNS numeric
    AS 'MODULE_PATHNAME', 'rc_collections_refunds' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.refunds(@extschema@.collections) IS 'Exact sum of refunds in a collections summary.';
CREATE FUNCTION @extschema@.contractual_adjustments(@extschema@.collections) RETURNS numeric
    AS 'MODULE_PATHNAME', 'rc_collections_contractual' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.contractual_adjustments(@extschema@.collections) IS 'Exact sum of contractual adjustments in a collections summary.';
CREATE FUNCTION @extschema@.other_adjustments(@extschema@.collections) RETURNS numeric
    AS 'MODULE_PATHNAME', 'rc_collections_other' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.other_adjustments(@extschema@.collections) IS 'Exact sum of other adjustments (administrative, small-balance, denial write-offs, bad debt, charity) in a collections summary.';
CREATE FUNCTION @extschema@.row_count(@extschema@.collections) RETURNS bigint
    AS 'MODULE_PATHNAME', 'rc_collections_rows' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.row_count(@extschema@.collections) IS 'Number of input rows summarized.';
CREATE FUNCTION @extschema@.gross_collection_rate(@extschema@.collections) RETURNS numeric
    AS 'MODULE_PATHNAME', 'rc_collections_gross_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gross_collection_rate(@extschema@.collections) IS
    'Gross collection rate = payments / gross charges, a fraction; NULL when gross charges are zero.';
CREATE FUNCTION @extschema@.net_collection_rate(@extschema@.collections) RETURNS numeric
    AS 'MODULE_PATHNAME', 'rc_collections_net_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.net_collection_rate(@extschema@.collections) IS
    'Net (adjusted) collection rate = (payments - refunds) / (gross charges - contractual adjustments), a fraction (AAFP); NULL when the denominator is zero.';

-- Aggregates.
CREATE AGGREGATE @extschema@.collections_agg(charge numeric, payment numeric, refund numeric,
                                             contractual_adjustment numeric, other_adjustment numeric) (
    SFUNC = @extschema@.collections_columns_trans,
    STYPE = @extschema@.collections,
    COMBINEFUNC = @extschema@.collections_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.collections_agg(numeric, numeric, numeric, numeric, numeric) IS
    'Collections summary from separate amount columns; NULL amounts count as zero.';

CREATE AGGREGATE @extschema@.collections_agg(kind @extschema@.txn_kind, amount numeric) (
    SFUNC = @extschema@.collections_ledger_trans,
    STYPE = @extschema@.collections,
    COMBINEFUNC = @extschema@.collections_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.collections_agg(@extschema@.txn_kind, numeric) IS
    'Collections summary from ledger rows (kind, amount); transfers are counted as rows but move no money; NULL kind or amount rows add nothing.';

CREATE AGGREGATE @extschema@.collections_merge(@extschema@.collections) (
    SFUNC = @extschema@.collections_combine,
    STYPE = @extschema@.collections,
    COMBINEFUNC = @extschema@.collections_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.collections_merge(@extschema@.collections) IS
    'Merges stored collections summaries (e.g. monthly rollups into a year); NULLs are skipped.';

CREATE AGGREGATE @extschema@.gross_collection_rate(payment numeric, charge numeric) (
    SFUNC = @extschema@.gross_collection_rate_trans,
    STYPE = @extschema@.collections,
    FINALFUNC = @extschema@.gross_collection_rate,
    COMBINEFUNC = @extschema@.collections_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.gross_collection_rate(numeric, numeric) IS
    'Gross collection rate = sum(payment) / sum(charge), a fraction; NULL arguments count as zero; NULL for no rows or zero charges.';

CREATE AGGREGATE @extschema@.net_collection_rate(payment numeric, charge numeric, contractual_adjustment numeric) (
    SFUNC = @extschema@.net_collection_rate_trans,
    STYPE = @extschema@.collections,
    FINALFUNC = @extschema@.net_collection_rate,
    COMBINEFUNC = @extschema@.collections_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.net_collection_rate(numeric, numeric, numeric) IS
    'Net collection rate = sum(payment) / (sum(charge) - sum(contractual_adjustment)), a fraction (AAFP); NULL arguments count as zero; NULL for no rows or a zero denominator.';

-- ===================================================================
-- BI views: monthly collection KPIs by payer and by payer class.
-- Month = calendar month of the ledger posting date (cash-basis reporting:
-- charges, payments and adjustments are counted in the month they post).
-- Payer = the account's primary payer (its financial class): every row of
-- an account, including the patient's and a secondary payer's payments,
-- counts toward the primary payer's rates.  Grouping by the ledger's
-- responsible party instead would leave the patient's share, moved to
-- self-pay by transfer rows, in the insurer's denominator.
-- ===================================================================

CREATE VIEW @extschema@.collections_monthly_by_payer WITH (security_invoker = true) AS
SELECT s.month,
       p.payer_id,
       p.name AS payer_name,
       p.payer_class::text AS payer_class,
       @extschema@.gross_charges(s.summary) AS gross_charges,
       @extschema@.payments(s.summary) AS payments,
       @extschema@.refunds(s.summary) AS refunds,
       @extschema@.contractual_adjustments(s.summary) AS contractual_adjustments,
       @extschema@.other_adjustments(s.summary) AS other_adjustments,
       @extschema@.gross_collection_rate(s.summary) AS gross_collection_rate,
       @extschema@.net_collection_rate(s.summary) AS net_collection_rate,
       @extschema@.net_collection_rate(s.summary) < 0.95 AS below_aafp_benchmark
FROM (SELECT pg_catalog.date_trunc('month', l.posted_date::timestamp)::date AS month,
             a.primary_payer_id AS payer_id,
             @extschema@.collections_agg(l.kind, l.amount) AS summary
      FROM @extschema@.ledger AS l
      JOIN @extschema@.account AS a ON a.account_id = l.account_id
      GROUP BY 1, 2) AS s
JOIN @extschema@.payer AS p ON p.payer_id = s.payer_id;

COMMENT ON VIEW @extschema@.collections_monthly_by_payer IS
    'Monthly collection KPIs per primary payer of the accounts (financial class), by posting month (security_invoker: row-level security on the ledger and accounts applies).';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.month IS 'First day of the posting month.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.payer_id IS 'Primary payer of the accounts (financial class); all of an account''s activity counts here, including patient and secondary-payer payments.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.payer_name IS 'Primary payer name.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.payer_class IS 'Class of the primary payer (medicare, medicaid, commercial, managed_care, self_pay, workers_comp, other_government).';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.gross_charges IS 'Gross charges posted in the month.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.payments IS 'Payments posted in the month.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.refunds IS 'Refunds posted in the month.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.contractual_adjustments IS 'Contractual adjustments posted in the month.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.other_adjustments IS 'Administrative, small-balance, denial, bad-debt and charity write-offs posted in the month.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.gross_collection_rate IS 'Payments / gross charges (fraction); NULL when no charges posted.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.net_collection_rate IS 'AAFP net collection rate: (payments - refunds) / (gross charges - contractual adjustments), a fraction; NULL when the denominator is zero.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer.below_aafp_benchmark IS 'True when the net collection rate is below the AAFP benchmark of 95%; NULL when the rate is NULL.';

CREATE VIEW @extschema@.collections_monthly_by_payer_class WITH (security_invoker = true) AS
SELECT s.month,
       s.payer_class::text AS payer_class,
       @extschema@.gross_charges(s.summary) AS gross_charges,
       @extschema@.payments(s.summary) AS payments,
       @extschema@.refunds(s.summary) AS refunds,
       @extschema@.contractual_adjustments(s.summary) AS contractual_adjustments,
       @extschema@.other_adjustments(s.summary) AS other_adjustments,
       @extschema@.gross_collection_rate(s.summary) AS gross_collection_rate,
       @extschema@.net_collection_rate(s.summary) AS net_collection_rate,
       @extschema@.net_collection_rate(s.summary) < 0.95 AS below_aafp_benchmark
FROM (SELECT pg_catalog.date_trunc('month', l.posted_date::timestamp)::date AS month,
             p.payer_class,
             @extschema@.collections_agg(l.kind, l.amount) AS summary
      FROM @extschema@.ledger AS l
      JOIN @extschema@.account AS a ON a.account_id = l.account_id
      JOIN @extschema@.payer AS p ON p.payer_id = a.primary_payer_id
      GROUP BY 1, 2) AS s;

COMMENT ON VIEW @extschema@.collections_monthly_by_payer_class IS
    'Monthly collection KPIs per payer class of the accounts'' primary payer, by posting month (security_invoker: row-level security on the ledger and accounts applies).';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.month IS 'First day of the posting month.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.payer_class IS 'Class of the accounts'' primary payer (medicare, medicaid, commercial, managed_care, self_pay, workers_comp, other_government).';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.gross_charges IS 'Gross charges posted in the month.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.payments IS 'Payments posted in the month.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.refunds IS 'Refunds posted in the month.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.contractual_adjustments IS 'Contractual adjustments posted in the month.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.other_adjustments IS 'Administrative, small-balance, denial, bad-debt and charity write-offs posted in the month.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.gross_collection_rate IS 'Payments / gross charges (fraction); NULL when no charges posted.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.net_collection_rate IS 'AAFP net collection rate: (payments - refunds) / (gross charges - contractual adjustments), a fraction; NULL when the denominator is zero.';
COMMENT ON COLUMN @extschema@.collections_monthly_by_payer_class.below_aafp_benchmark IS 'True when the net collection rate is below the AAFP benchmark of 95%; NULL when the rate is NULL.';
