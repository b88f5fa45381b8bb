
-- ===================================================================
-- Denials (issue 4): reason-code reference, the revcycle.denials
-- summary type (src/denials.c), denial KPIs.  See README.md, "Denials".
-- ===================================================================

-- -------------------------------------------------------------------
-- Reason-code reference.  Shipped defaults live in an extension-owned
-- table that upgrade scripts may rewrite freely (its rows are NOT dumped:
-- CREATE EXTENSION recreates them).  The site's edits, additions and
-- hidden defaults live in carc_category_user, which pg_dump keeps and
-- upgrades never touch.  The view carc_category merges the two, the
-- user's row winning; the C functions read that view.
-- -------------------------------------------------------------------

CREATE TABLE @extschema@.carc_category_default (
    group_code  text,
    carc        text NOT NULL,
    category    text NOT NULL,
    is_denial   boolean NOT NULL,
    label       text NOT NULL,
    CONSTRAINT carc_category_default_group_valid CHECK (group_code IN ('CO', 'PR', 'OA', 'PI', 'CR')),
    CONSTRAINT carc_category_default_carc_format CHECK (carc ~ '^[A-Z0-9]{1,3}$'),
    CONSTRAINT carc_category_default_category_not_blank CHECK (pg_catalog.btrim(category) <> ''),
    CONSTRAINT carc_category_default_label_short CHECK (pg_catalog.length(label) BETWEEN 1 AND 60)
);
CREATE UNIQUE INDEX carc_category_default_key ON @extschema@.carc_category_default
    (group_code, carc) NULLS NOT DISTINCT;
COMMENT ON TABLE @extschema@.carc_category_default IS
    'Shipped default root-cause category of each claim adjustment reason code (CARC), with our own short labels (never X12''s descriptions).  Owned by the extension: an upgrade may rewrite it.  Do not edit: put changes in carc_category_user.';
COMMENT ON COLUMN @extschema@.carc_category_default.group_code IS 'Group code (CO, PR, OA, PI, CR) the row applies to; NULL = any group.';
COMMENT ON COLUMN @extschema@.carc_category_default.carc IS 'Claim adjustment reason code, 1-3 upper-case alphanumerics.';
COMMENT ON COLUMN @extschema@.carc_category_default.category IS 'Root-cause category (e.g. authorization, coding) or, for non-denials, the kind of adjustment.';
COMMENT ON COLUMN @extschema@.carc_category_default.is_denial IS 'True when an adjustment with this code is a denial; false for contractual allowances, patient cost share, prior-payer impact, sequestration and capitation.';
COMMENT ON COLUMN @extschema@.carc_category_default.label IS 'revcycle''s own short label (not the X12 description).';

INSERT INTO @extschema@.carc_category_default (group_code, carc, category, is_denial, label) VALUES
    (NULL, '1', 'patient cost share', false, 'Deductible'),
    (NULL, '2', 'patient cost share', false, 'Coinsurance'),
    (NULL, '3', 'patient cost share', false, 'Copay'),
    (NULL, '45', 'contractual allowance', false, 'Above fee schedule (contractual)'),
    (NULL, '253', 'sequestration', false, 'Sequestration cut'),
    (NULL, '23', 'prior payer', false, 'Prior payer already adjudicated'),
    (NULL, '24', 'capitation', false, 'Paid under capitation'),
    (NULL, '26', 'eligibility/registration', true, 'Service before coverage began'),
    (NULL, '27', 'eligibility/registration', true, 'Service after coverage ended'),
    (NULL, '31', 'eligibility/registration', true, 'Patient not found as member'),
    (NULL, '109', 'eligibility/registration', true, 'Wrong payer for this claim'),
    (NULL, '140', 'eligibility/registration', true, 'Member name/ID mismatch'),
    (NULL, '15', 'authorization', true, 'Auth number missing or bad'),
    (NULL, '197', 'authorization', true, 'No prior auth on file'),
    (NULL, '198', 'authorization', true, 'Auth limit exceeded'),
    (NULL, '4', 'coding', true, 'Modifier problem'),
    (NULL, '5', 'coding', true, 'Code vs place of service'),
    (NULL, '6', 'coding', true, 'Code vs patient age'),
    (NULL, '7', 'coding', true, 'Code vs patient sex'),
    (NULL, '8', 'coding', true, 'Code vs provider type'),
    (NULL, '9', 'coding', true, 'Diagnosis vs patient age'),
    (NULL, '10', 'coding', true, 'Diagnosis vs patient sex'),
    (NULL, '11', 'coding', true, 'Diagnosis vs procedure'),
    (NULL, '12', 'coding', true, 'Diagnosis vs provider type'),
    (NULL, '181', 'coding', true, 'Procedure code not valid on date'),
    (NULL, '182', 'coding', true, 'Modifier not valid on date'),
    (NULL, '97', 'bundling', true, 'Bundled into another service'),
    (NULL, '234', 'bundling', true, 'Not separately payable'),
    (NULL, '236', 'bundling', true, 'Code pair not allowed together'),
    (NULL, '50', 'medical necessity', true, 'Not medically necessary'),
    (NULL, '55', 'medical necessity', true, 'Experimental service'),
    (NULL, '56', 'medical necessity', true, 'Effectiveness not shown'),
    (NULL, '151', 'medical necessity', true, 'Frequency not supported'),
    (NULL, '167', 'medical necessity', true, 'Diagnosis not covered'),
    (NULL, '29', 'timely filing', true, 'Filed after deadline'),
    (NULL, '18', 'duplicate', true, 'Duplicate claim or line'),
    (NULL, '16', 'missing information/documentation', true, 'Missing or bad claim data'),
    (NULL, '107', 'missing information/documentation', true, 'Related claim not on file'),
    (NULL, '226', 'missing information/documentation', true, 'Requested info not sent'),
    (NULL, '227', 'missing information/documentation', true, 'Patient info not sent'),
    (NULL, '250', 'missing information/documentation', true, 'Attachment unusable'),
    (NULL, '251', 'missing information/documentation', true, 'Attachment insufficient'),
    (NULL, '252', 'missing information/documentation', true, 'Attachment needed'),
    (NULL, '19', 'coordination of benefits', true, 'Work injury: bill WC carrier'),
    (NULL, '20', 'coordination of benefits', true, 'Injury: bill liability carrier'),
    (NULL, '21', 'coordination of benefits', true, 'Bill no-fault carrier'),
    (NULL, '22', 'coordination of benefits', true, 'Other payer primary (COB)'),
    (NULL, '96', 'non-covered/benefit limit', true, 'Not covered'),
    (NULL, '119', 'non-covered/benefit limit', true, 'Benefit maximum reached'),
    (NULL, '204', 'non-covered/benefit limit', true, 'Not in benefit plan'),
    (NULL, '170', 'credentialing/enrollment', true, 'Provider type not payable'),
    (NULL, '185', 'credentialing/enrollment', true, 'Rendering provider not eligible'),
    (NULL, 'B7', 'credentialing/enrollment', true, 'Provider not certified on date'),
    (NULL, 'A1', 'other', true, 'Denied, reason in remarks');

CREATE TABLE @extschema@.carc_category_user (
    group_code  text,
    carc        text NOT NULL,
    category    text,
    is_denial   boolean,
    label       text,
    hidden      boolean NOT NULL DEFAULT false,
    changed_at  timestamptz NOT NULL DEFAULT pg_catalog.now(),
    CONSTRAINT carc_category_user_group_valid CHECK (group_code IN ('CO', 'PR', 'OA', 'PI', 'CR')),
    CONSTRAINT carc_category_user_carc_format CHECK (carc ~ '^[A-Z0-9]{1,3}$'),
    CONSTRAINT carc_category_user_category_not_blank CHECK (pg_catalog.btrim(category) <> ''),
    CONSTRAINT carc_category_user_complete CHECK (hidden OR (category IS NOT NULL AND is_denial IS NOT NULL)),
    CONSTRAINT carc_category_user_label_short CHECK (pg_catalog.length(label) BETWEEN 1 AND 60)
);
CREATE UNIQUE INDEX carc_category_user_key ON @extschema@.carc_category_user
    (group_code, carc) NULLS NOT DISTINCT;
COMMENT ON TABLE @extschema@.carc_category_user IS
    'The site''s own reason-code categories: a row here overrides the default row with the same (group_code, carc), adds a code, or (hidden = true) hides a default.  Kept by pg_dump; never touched by extension upgrades.';
COMMENT ON COLUMN @extschema@.carc_category_user.group_code IS 'Group code (CO, PR, OA, PI, CR) the row applies to; NULL = any group.';
COMMENT ON COLUMN @extschema@.carc_category_user.carc IS 'Claim adjustment reason code, 1-3 upper-case alphanumerics.';
COMMENT ON COLUMN @extschema@.carc_category_user.category IS 'Root-cause category; may be NULL only on a hidden row.';
COMMENT ON COLUMN @extschema@.carc_category_user.is_denial IS 'True when the code is a denial; may be NULL only on a hidden row.';
COMMENT ON COLUMN @extschema@.carc_category_user.label IS 'The site''s own short label, optional.';
COMMENT ON COLUMN @extschema@.carc_category_user.hidden IS 'True hides the default row with the same key (the code then falls back to the any-group row, else "uncategorized").';
COMMENT ON COLUMN @extschema@.carc_category_user.changed_at IS 'When the row was written.';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.carc_category_user', '');

CREATE VIEW @extschema@.carc_category WITH (security_invoker = true) AS
SELECT u.group_code, u.carc, u.category, u.is_denial, u.label, 'user'::text AS source
  FROM @extschema@.carc_category_user u
 WHERE NOT u.hidden
UNION ALL
SELECT d.group_code, d.carc, d.category, d.is_denial, d.label, 'default'::text
  FROM @extschema@.carc_category_default d
 WHERE NOT EXISTS (SELECT FROM @extschema@.carc_category_user u
                    WHERE u.group_code IS NOT DISTINCT FROM d.group_code AND u.carc = d.carc);
COMMENT ON VIEW @extschema@.carc_category IS
    'Reason-code categories in effect: the site''s rows (carc_category_user) over the shipped defaults (carc_category_default).  A code is looked up by (group_code, carc), then by (NULL, carc).';
COMMENT ON COLUMN @extschema@.carc_category.group_code IS 'Group code the row applies to; NULL = any group.';
COMMENT ON COLUMN @extschema@.carc_category.carc IS 'Claim adjustment reason code.';
COMMENT ON COLUMN @extschema@.carc_category.category IS 'Root-cause category.';
COMMENT ON COLUMN @extschema@.carc_category.is_denial IS 'True when adjustments with this code are denials.';
COMMENT ON COLUMN @extschema@.carc_category.label IS 'Short label (ours or the site''s; never X12''s description).';
COMMENT ON COLUMN @extschema@.carc_category.source IS '''user'' (carc_category_user) or ''default'' (carc_category_default).';

GRANT SELECT ON @extschema@.carc_category_default, @extschema@.carc_category TO PUBLIC;

-- -------------------------------------------------------------------
-- Licensed code descriptions: the site loads its own licensed copy of
-- the X12 CARC/RARC descriptions; revcycle ships none.
-- -------------------------------------------------------------------

CREATE TABLE @extschema@.code_description (
    code_type   text NOT NULL,
    code        text NOT NULL,
    description text NOT NULL,
    loaded_at   timestamptz NOT NULL DEFAULT pg_catalog.now(),
    PRIMARY KEY (code_type, code),
    CONSTRAINT code_description_type_valid CHECK (code_type IN ('CARC', 'RARC')),
    CONSTRAINT code_description_code_format CHECK (code ~ '^[A-Z0-9]{1,5}$')
);
COMMENT ON TABLE @extschema@.code_description IS
    'The site''s licensed CARC/RARC descriptions, loaded by load_code_descriptions() or \copy; empty as shipped.  Kept by pg_dump.';
COMMENT ON COLUMN @extschema@.code_description.code_type IS 'CARC (claim adjustment reason code) or RARC (remittance advice remark code).';
COMMENT ON COLUMN @extschema@.code_description.code IS 'The code, upper case (e.g. 16, B7, N290, MA130).';
COMMENT ON COLUMN @extschema@.code_description.description IS 'Description from the site''s licensed code list.';
COMMENT ON COLUMN @extschema@.code_description.loaded_at IS 'When the row was last loaded.';
SELECT pg_catalog.pg_extension_config_dump('@extschema@.code_description', '');

CREATE FUNCTION @extschema@.parse_code_csv(csv text)
    RETURNS TABLE (line integer, code_type text, code text, description text)
    AS 'MODULE_PATHNAME', 'rc_parse_code_csv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 500;
COMMENT ON FUNCTION @extschema@.parse_code_csv(text) IS
    'Parses CSV text with the header code_type,code,description (quoted fields may hold commas, newlines and doubled quotes); one row per record with its starting line number.  Raises 22P04 on a malformed file.';

CREATE FUNCTION @extschema@.load_code_descriptions(csv text) RETURNS integer
    LANGUAGE sql VOLATILE STRICT PARALLEL UNSAFE
BEGIN ATOMIC
    WITH src AS (
        SELECT DISTINCT ON (pg_catalog.upper(p.code_type), pg_catalog.upper(p.code))
               pg_catalog.upper(p.code_type) AS code_type, pg_catalog.upper(p.code) AS code,
               p.description
          FROM @extschema@.parse_code_csv(csv) p
         ORDER BY pg_catalog.upper(p.code_type), pg_catalog.upper(p.code), p.line DESC),
    ins AS (
        INSERT INTO @extschema@.code_description AS t (code_type, code, description)
        SELECT src.code_type, src.code, src.description FROM src
        ON CONFLICT (code_type, code) DO UPDATE
           SET description = excluded.description, loaded_at = pg_catalog.now()
        RETURNING 1)
    SELECT pg_catalog.count(*)::integer FROM ins;
END;
COMMENT ON FUNCTION @extschema@.load_code_descriptions(text) IS
    'Upserts the site''s licensed code descriptions from CSV text (header code_type,code,description; code_type CARC or RARC) into code_description; returns the number of codes written (a code repeated in the file counts once, its last line wins).  Takes the file''s content, not a path, so no superuser is needed: psql \set content `cat file.csv` then SELECT revcycle.load_code_descriptions(:''content'').';

-- -------------------------------------------------------------------
-- revcycle.denials: per (group code, CARC) adjustment counts and exact
-- dollar sums (src/denials.c).
-- -------------------------------------------------------------------

CREATE TYPE @extschema@.denials;

CREATE FUNCTION @extschema@.denials_in(cstring) RETURNS @extschema@.denials
    AS 'MODULE_PATHNAME', 'rc_denials_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.denials_out(@extschema@.denials) RETURNS cstring
    AS 'MODULE_PATHNAME', 'rc_denials_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.denials_recv(internal) RETURNS @extschema@.denials
    AS 'MODULE_PATHNAME', 'rc_denials_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.denials_send(@extschema@.denials) RETURNS bytea
    AS 'MODULE_PATHNAME', 'rc_denials_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.denials (
    INPUT = @extschema@.denials_in,
    OUTPUT = @extschema@.denials_out,
    RECEIVE = @extschema@.denials_recv,
    SEND = @extschema@.denials_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.denials IS
    'Denials summary: per (group code, CARC) the number of adjustments and their exact dollar sum, plus malformed codes kept with their raw text; mergeable, storable, parallel-safe.  Text form is a JSON object (format version "v").';
COMMENT ON FUNCTION @extschema@.denials_in(cstring) IS 'Input function of revcycle.denials (strict JSON form, as output writes it).';
COMMENT ON FUNCTION @extschema@.denials_out(@extschema@.denials) IS 'Output function of revcycle.denials (JSON object, codes sorted).';
COMMENT ON FUNCTION @extschema@.denials_recv(internal) IS 'Binary input function of revcycle.denials (versioned, validated).';
COMMENT ON FUNCTION @extschema@.denials_send(@extschema@.denials) IS 'Binary output function of revcycle.denials.';

-- Transition and combine functions (not for direct use).
CREATE FUNCTION @extschema@.denial_summary_code_trans(@extschema@.denials, text, numeric)
    RETURNS @extschema@.denials
    AS 'MODULE_PATHNAME', 'rc_denial_summary2_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.denial_summary_code_trans(@extschema@.denials, text, numeric)
    IS 'Transition function of denial_summary(code, amount).';
CREATE FUNCTION @extschema@.denial_summary_group_trans(@extschema@.denials, text, text, numeric)
    RETURNS @extschema@.denials
    AS 'MODULE_PATHNAME', 'rc_denial_summary3_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.denial_summary_group_trans(@extschema@.denials, text, text, numeric)
    IS 'Transition function of denial_summary(group_code, carc, amount).';
CREATE FUNCTION @extschema@.denials_combine(@extschema@.denials, @extschema@.denials)
    RETURNS @extschema@.denials
    AS 'MODULE_PATHNAME', 'rc_denials_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.denials_combine(@extschema@.denials, @extschema@.denials)
    IS 'Combine function of the denial aggregates; also the transition of denial_merge.  Either side may be NULL (an empty partial state).';

CREATE AGGREGATE @extschema@.denial_summary(group_code text, carc text, amount numeric) (
    SFUNC = @extschema@.denial_summary_group_trans,
    STYPE = @extschema@.denials,
    COMBINEFUNC = @extschema@.denials_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.denial_summary(text, text, numeric) IS
    'Denials summary of adjustment rows (group code, CARC, amount).  Spellings such as co, " CO ", and a CARC column holding "CO-16" are accepted; a NULL or blank group code means unknown.  Rows with a NULL CARC or amount are left out; malformed codes are kept as "invalid code" with their raw text.  NULL when no row counted.';

CREATE AGGREGATE @extschema@.denial_summary(code text, amount numeric) (
    SFUNC = @extschema@.denial_summary_code_trans,
    STYPE = @extschema@.denials,
    COMBINEFUNC = @extschema@.denials_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.denial_summary(text, numeric) IS
    'Denials summary of combined codes ("CO-16", "CO16", "co 16", "CO*16", bare "16" = group unknown) and amounts.  Rows with a NULL code or amount are left out; malformed codes are kept as "invalid code" with their raw text (first 16 characters).  NULL when no row counted.';

CREATE AGGREGATE @extschema@.denial_merge(@extschema@.denials) (
    SFUNC = @extschema@.denials_combine,
    STYPE = @extschema@.denials,
    COMBINEFUNC = @extschema@.denials_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.denial_merge(@extschema@.denials) IS
    'Merges stored denials summaries (e.g. monthly rollups into a year); NULLs are skipped.';

CREATE FUNCTION @extschema@.denial_code_count(@extschema@.denials) RETURNS integer
    AS 'MODULE_PATHNAME', 'rc_denials_code_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.denial_code_count(@extschema@.denials) IS
    'Number of distinct codes (well-formed and malformed) in a denials summary.';

CREATE FUNCTION @extschema@.denial_codes(summary @extschema@.denials)
    RETURNS TABLE (group_code text, carc text, category text, is_denial boolean,
                   adjustments bigint, amount numeric)
    AS 'MODULE_PATHNAME', 'rc_denial_codes' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 40;
COMMENT ON FUNCTION @extschema@.denial_codes(@extschema@.denials) IS
    'One row per code of a denials summary with its category from carc_category (looked up by group and CARC, then by CARC alone): unknown well-formed codes are "uncategorized" (is_denial true), malformed codes are "invalid code" (group_code NULL, carc = raw text, is_denial true).  Ordered by group code (CO, CR, OA, PI, PR, then unknown), CARC text, malformed last.';

CREATE FUNCTION @extschema@.denial_root_causes(summary @extschema@.denials)
    RETURNS TABLE (category text, adjustments bigint, amount numeric, share numeric,
                   cumulative_share numeric, top_codes text[])
    AS 'MODULE_PATHNAME', 'rc_denial_root_causes' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 12;
COMMENT ON FUNCTION @extschema@.denial_root_causes(@extschema@.denials) IS
    'Pareto table of denial root causes: denials only (is_denial), one row per category ordered by amount descending (ties by category), share of the denied dollars, running cumulative share (NULL when denied dollars sum to zero), and the category''s three largest codes by amount as GROUP-CARC.';

-- -------------------------------------------------------------------
-- Denial KPIs (views).  Months are calendar months (first day), money is
-- exact, rates are fractions (NULL when the denominator is zero).  Rebills
-- (frequency 7) and voids (frequency 8) are excluded from submissions.
-- -------------------------------------------------------------------

CREATE VIEW @extschema@.initial_denial_rate WITH (security_invoker = true) AS
WITH first_denial AS (
    SELECT d.claim_id, pg_catalog.min(d.denial_date) AS first_denial_date,
           pg_catalog.sum(d.amount) AS denied_amount
      FROM @extschema@.denial d
     WHERE d.is_initial AND d.claim_id IS NOT NULL
     GROUP BY d.claim_id),
orig AS (
    SELECT c.claim_id, c.payer_id, a.dept_code, c.billed_amount,
           pg_catalog.date_trunc('month', c.submitted_date)::date AS submitted_month,
           pg_catalog.date_trunc('month', f.first_denial_date)::date AS denied_month,
           f.denied_amount
      FROM @extschema@.claim c
      JOIN @extschema@.account a ON a.account_id = c.account_id
      LEFT JOIN first_denial f ON f.claim_id = c.claim_id
     WHERE c.frequency_code = '1'),
submitted AS (
    SELECT o.submitted_month AS month, o.payer_id, o.dept_code,
           pg_catalog.count(*) AS claims_submitted,
           pg_catalog.sum(o.billed_amount) AS charges_submitted,
           pg_catalog.count(*) FILTER (WHERE o.denied_amount IS NOT NULL) AS claims_denied,
           COALESCE(pg_catalog.sum(o.denied_amount), 0) AS dollars_denied
      FROM orig o
     GROUP BY 1, 2, 3),
denied_in_month AS (
    SELECT o.denied_month AS month, o.payer_id, o.dept_code,
           pg_catalog.count(*) AS claims_denied, pg_catalog.sum(o.denied_amount) AS dollars_denied
      FROM orig o
     WHERE o.denied_month IS NOT NULL
     GROUP BY 1, 2, 3),
keys AS (
    SELECT s.month, s.payer_id, s.dept_code FROM submitted s
    UNION
    SELECT m.month, m.payer_id, m.dept_code FROM denied_in_month m)
SELECT k.month, k.payer_id, p.name AS payer_name, k.dept_code,
       COALESCE(s.claims_submitted, 0) AS claims_submitted,
       COALESCE(s.charges_submitted, 0) AS charges_submitted,
       COALESCE(s.claims_denied, 0) AS claims_initially_denied,
       COALESCE(s.dollars_denied, 0) AS dollars_initially_denied,
       s.claims_denied::numeric / NULLIF(s.claims_submitted, 0) AS initial_denial_rate,
       s.dollars_denied / NULLIF(s.charges_submitted, 0) AS initial_denial_rate_dollars,
       COALESCE(m.claims_denied, 0) AS claims_denied_in_month,
       COALESCE(m.dollars_denied, 0) AS dollars_denied_in_month,
       prior.claims_submitted_avg_3m,
       prior.charges_submitted_avg_3m,
       COALESCE(m.claims_denied, 0) / NULLIF(prior.claims_submitted_avg_3m, 0) AS initial_denial_rate_hfma,
       COALESCE(m.dollars_denied, 0) / NULLIF(prior.charges_submitted_avg_3m, 0) AS initial_denial_rate_dollars_hfma
  FROM keys k
  JOIN @extschema@.payer p ON p.payer_id = k.payer_id
  LEFT JOIN submitted s ON (s.month, s.payer_id, s.dept_code) = (k.month, k.payer_id, k.dept_code)
  LEFT JOIN denied_in_month m ON (m.month, m.payer_id, m.dept_code) = (k.month, k.payer_id, k.dept_code)
  LEFT JOIN LATERAL (
       SELECT pg_catalog.sum(s2.claims_submitted) / 3.0 AS claims_submitted_avg_3m,
              pg_catalog.sum(s2.charges_submitted) / 3.0 AS charges_submitted_avg_3m
         FROM submitted s2
        WHERE s2.payer_id = k.payer_id AND s2.dept_code = k.dept_code
          AND s2.month >= k.month - 3 * '1 month'::interval AND s2.month < k.month) prior ON true;
COMMENT ON VIEW @extschema@.initial_denial_rate IS
    'Initial (first-pass) denial rate by month, payer and department (HFMA MAP Keys).  Cohort form: of the original claims submitted in the month, the share with an initial denial (at any later date).  HFMA form: claims whose first initial denial falls in the month / average monthly claims submitted over the 3 months before it.  Rebills and voids excluded.';
COMMENT ON COLUMN @extschema@.initial_denial_rate.month IS 'Calendar month (first day): submission month for the cohort columns, denial month for the *_in_month and *_hfma columns.';
COMMENT ON COLUMN @extschema@.initial_denial_rate.payer_id IS 'Payer billed.';
COMMENT ON COLUMN @extschema@.initial_denial_rate.payer_name IS 'Payer name.';
COMMENT ON COLUMN @extschema@.initial_denial_rate.dept_code IS 'Department of the account.';
COMMENT ON COLUMN @extschema@.initial_denial_rate.claims_submitted IS 'Original claims (frequency 1) submitted in the month.';
COMMENT ON COLUMN @extschema@.initial_denial_rate.charges_submitted IS 'Billed charges of those claims.';
COMMENT ON COLUMN @extschema@.initial_denial_rate.claims_initially_denied IS 'Of those claims, the number with at least one initial denial (denial.is_initial).';
COMMENT ON COLUMN @extschema@.initial_denial_rate.dollars_initially_denied IS 'Of those claims, the dollars of their initial denials.';
COMMENT ON COLUMN @extschema@.initial_denial_rate.initial_denial_rate IS 'claims_initially_denied / claims_submitted (fraction).';
COMMENT ON COLUMN @extschema@.initial_denial_rate.initial_denial_rate_dollars IS 'dollars_initially_denied / charges_submitted (fraction).';
COMMENT ON COLUMN @extschema@.initial_denial_rate.claims_denied_in_month IS 'Original claims whose first initial denial is dated in the month.';
COMMENT ON COLUMN @extschema@.initial_denial_rate.dollars_denied_in_month IS 'Initial-denial dollars of those claims.';
COMMENT ON COLUMN @extschema@.initial_denial_rate.claims_submitted_avg_3m IS 'Average monthly original claims submitted in the 3 months before the month (a month without claims counts as 0; NULL when none of the 3 has any).';
COMMENT ON COLUMN @extschema@.initial_denial_rate.charges_submitted_avg_3m IS 'Average monthly billed charges of original claims in the 3 months before the month.';
COMMENT ON COLUMN @extschema@.initial_denial_rate.initial_denial_rate_hfma IS 'HFMA variant: claims_denied_in_month / claims_submitted_avg_3m (fraction).';
COMMENT ON COLUMN @extschema@.initial_denial_rate.initial_denial_rate_dollars_hfma IS 'HFMA variant by dollars: dollars_denied_in_month / charges_submitted_avg_3m (fraction).';

CREATE VIEW @extschema@.remittance_denial_rate WITH (security_invoker = true) AS
SELECT pg_catalog.date_trunc('month', COALESCE(r.payment_date, r.production_date, r.loaded_at::date))::date AS month,
       COALESCE(r.payer_id, c.payer_id) AS payer_id,
       p.name AS payer_name,
       a.dept_code,
       pg_catalog.count(*) AS claims_remitted,
       pg_catalog.sum(rc.charge_amount) AS charges_remitted,
       pg_catalog.count(*) FILTER (WHERE x.denied) AS claims_denied,
       COALESCE(pg_catalog.sum(rc.charge_amount) FILTER (WHERE x.denied), 0) AS charges_denied,
       (pg_catalog.count(*) FILTER (WHERE x.denied))::numeric / NULLIF(pg_catalog.count(*), 0) AS remittance_denial_rate,
       COALESCE(pg_catalog.sum(rc.charge_amount) FILTER (WHERE x.denied), 0)
           / NULLIF(pg_catalog.sum(rc.charge_amount), 0) AS remittance_denial_rate_dollars
  FROM @extschema@.remittance_claim rc
  JOIN @extschema@.remittance r ON r.remittance_id = rc.remittance_id
  LEFT JOIN @extschema@.claim c ON c.claim_id = rc.claim_id
  LEFT JOIN @extschema@.account a ON a.account_id = c.account_id
  LEFT JOIN @extschema@.payer p ON p.payer_id = COALESCE(r.payer_id, c.payer_id)
  CROSS JOIN LATERAL (
       SELECT rc.status_code = '4'
              OR EXISTS (SELECT FROM @extschema@.denial d
                          WHERE d.remittance_claim_id = rc.remittance_claim_id) AS denied) x
 WHERE NOT rc.is_reversal
   -- netting: a claim payment that a later reversal (CLP02 = 22, same patient
   -- control number and payer, charge of the opposite sign) takes back is not
   -- counted; its corrected claim is.
   AND NOT EXISTS (
       SELECT FROM @extschema@.remittance_claim rv
         JOIN @extschema@.remittance r2 ON r2.remittance_id = rv.remittance_id
        WHERE rv.is_reversal
          AND rv.patient_control_number = rc.patient_control_number
          AND rv.charge_amount = -rc.charge_amount
          AND rv.remittance_claim_id > rc.remittance_claim_id
          AND r2.payer_identifier IS NOT DISTINCT FROM r.payer_identifier)
 GROUP BY 1, 2, 3, 4;
COMMENT ON VIEW @extschema@.remittance_denial_rate IS
    'Remittance denial rate by month, payer and department: claims denied / claims remitted, by count and by charges.  A remitted claim is a remittance_claim row; reversals are netted (neither a reversal nor the payment it takes back counts, the corrected claim does); it is denied when CLP02 = 4 or a denial row points to it.';
COMMENT ON COLUMN @extschema@.remittance_denial_rate.month IS 'Month of the remittance (payment date, else production date, else load date).';
COMMENT ON COLUMN @extschema@.remittance_denial_rate.payer_id IS 'Payer of the remittance (else of the matched claim); NULL when unknown.';
COMMENT ON COLUMN @extschema@.remittance_denial_rate.payer_name IS 'Payer name.';
COMMENT ON COLUMN @extschema@.remittance_denial_rate.dept_code IS 'Department of the matched claim''s account; NULL for unmatched claims.';
COMMENT ON COLUMN @extschema@.remittance_denial_rate.claims_remitted IS 'Claim payments (835 CLP) received, reversals netted.';
COMMENT ON COLUMN @extschema@.remittance_denial_rate.charges_remitted IS 'Their claim charges (CLP03).';
COMMENT ON COLUMN @extschema@.remittance_denial_rate.claims_denied IS 'Of those, the claims denied (CLP02 = 4 or with a denial row).';
COMMENT ON COLUMN @extschema@.remittance_denial_rate.charges_denied IS 'Claim charges of the denied claims.';
COMMENT ON COLUMN @extschema@.remittance_denial_rate.remittance_denial_rate IS 'claims_denied / claims_remitted (fraction).';
COMMENT ON COLUMN @extschema@.remittance_denial_rate.remittance_denial_rate_dollars IS 'charges_denied / charges_remitted (fraction).';

CREATE VIEW @extschema@.denial_root_cause_pareto WITH (security_invoker = true) AS
SELECT s.month, s.payer_id, p.name AS payer_name,
       rc.ord::integer AS rank, rc.category, rc.adjustments, rc.amount, rc.share,
       rc.cumulative_share,
       pg_catalog.array_to_string(rc.top_codes, ', ') AS top_codes
  FROM (SELECT pg_catalog.date_trunc('month', d.denial_date)::date AS month, d.payer_id,
               @extschema@.denial_summary(d.group_code, d.carc, d.amount) AS summary
          FROM @extschema@.denial d
         GROUP BY 1, 2) s
  JOIN @extschema@.payer p ON p.payer_id = s.payer_id
  CROSS JOIN LATERAL @extschema@.denial_root_causes(s.summary)
       WITH ORDINALITY AS rc(category, adjustments, amount, share, cumulative_share, top_codes, ord);
COMMENT ON VIEW @extschema@.denial_root_cause_pareto IS
    'Denial root causes as a Pareto table per month and payer (denial_root_causes over the denial rows; codes marked not-a-denial are left out).';
COMMENT ON COLUMN @extschema@.denial_root_cause_pareto.month IS 'Month of the denial date.';
COMMENT ON COLUMN @extschema@.denial_root_cause_pareto.payer_id IS 'Payer that denied.';
COMMENT ON COLUMN @extschema@.denial_root_cause_pareto.payer_name IS 'Payer name.';
COMMENT ON COLUMN @extschema@.denial_root_cause_pareto.rank IS 'Position in the Pareto order, 1 = most denied dollars.';
COMMENT ON COLUMN @extschema@.denial_root_cause_pareto.category IS 'Root-cause category.';
COMMENT ON COLUMN @extschema@.denial_root_cause_pareto.adjustments IS 'Denial rows in the category.';
COMMENT ON COLUMN @extschema@.denial_root_cause_pareto.amount IS 'Dollars denied in the category.';
COMMENT ON COLUMN @extschema@.denial_root_cause_pareto.share IS 'Share of the month''s and payer''s denied dollars (fraction).';
COMMENT ON COLUMN @extschema@.denial_root_cause_pareto.cumulative_share IS 'Running share down the Pareto order (fraction).';
COMMENT ON COLUMN @extschema@.denial_root_cause_pareto.top_codes IS 'The category''s three largest codes by dollars, as GROUP-CARC, comma-separated text (plain text for BI tools; denial_root_causes() returns them as text[]).';

CREATE VIEW @extschema@.denial_category_trend WITH (security_invoker = true) AS
WITH monthly AS (
    SELECT pg_catalog.date_trunc('month', d.denial_date)::date AS month,
           @extschema@.denial_summary(d.group_code, d.carc, d.amount) AS summary
      FROM @extschema@.denial d
     GROUP BY 1),
causes AS (
    SELECT m.month, rc.category, rc.adjustments, rc.amount, rc.share
      FROM monthly m CROSS JOIN LATERAL @extschema@.denial_root_causes(m.summary) rc),
grid AS (
    SELECT m.month, c.category
      FROM (SELECT DISTINCT month FROM monthly) m
     CROSS JOIN (SELECT DISTINCT category FROM causes) c)
SELECT g.month, g.category,
       COALESCE(c.adjustments, 0) AS adjustments,
       COALESCE(c.amount, 0) AS amount,
       c.share,
       pg_catalog.lag(COALESCE(c.amount, 0)) OVER w AS previous_amount,
       COALESCE(c.amount, 0) - pg_catalog.lag(COALESCE(c.amount, 0)) OVER w AS change
  FROM grid g
  LEFT JOIN causes c ON c.month = g.month AND c.category = g.category
WINDOW w AS (PARTITION BY g.category ORDER BY g.month);
COMMENT ON VIEW @extschema@.denial_category_trend IS
    'Trend of each denial root-cause category, all payers: one row per month with denials and category seen in any month (0 when absent), with the change from the previous such month.';
COMMENT ON COLUMN @extschema@.denial_category_trend.month IS 'Month of the denial date.';
COMMENT ON COLUMN @extschema@.denial_category_trend.category IS 'Root-cause category.';
COMMENT ON COLUMN @extschema@.denial_category_trend.adjustments IS 'Denial rows in the category and month.';
COMMENT ON COLUMN @extschema@.denial_category_trend.amount IS 'Dollars denied in the category and month.';
COMMENT ON COLUMN @extschema@.denial_category_trend.share IS 'Share of the month''s denied dollars (fraction); NULL when the category is absent.';
COMMENT ON COLUMN @extschema@.denial_category_trend.previous_amount IS 'amount in the previous month listed; NULL for the first month.';
COMMENT ON COLUMN @extschema@.denial_category_trend.change IS 'amount - previous_amount.';

CREATE VIEW @extschema@.coding_denial_share WITH (security_invoker = true) AS
SELECT s.month, s.payer_id, p.name AS payer_name, s.dept_code,
       x.denied_amount, x.coding_amount,
       x.coding_amount / NULLIF(x.denied_amount, 0) AS coding_share
  FROM (SELECT pg_catalog.date_trunc('month', d.denial_date)::date AS month, d.payer_id, a.dept_code,
               @extschema@.denial_summary(d.group_code, d.carc, d.amount) AS summary
          FROM @extschema@.denial d
          LEFT JOIN @extschema@.claim c ON c.claim_id = d.claim_id
          LEFT JOIN @extschema@.account a ON a.account_id = c.account_id
         GROUP BY 1, 2, 3) s
  JOIN @extschema@.payer p ON p.payer_id = s.payer_id
  CROSS JOIN LATERAL (
       SELECT COALESCE(pg_catalog.sum(rc.amount), 0) AS denied_amount,
              COALESCE(pg_catalog.sum(rc.amount) FILTER (WHERE rc.category = 'coding'), 0) AS coding_amount
         FROM @extschema@.denial_root_causes(s.summary) rc) x;
COMMENT ON VIEW @extschema@.coding_denial_share IS
    'Share of denied dollars caused by coding (category "coding" of carc_category) by month, payer and department.';
COMMENT ON COLUMN @extschema@.coding_denial_share.month IS 'Month of the denial date.';
COMMENT ON COLUMN @extschema@.coding_denial_share.payer_id IS 'Payer that denied.';
COMMENT ON COLUMN @extschema@.coding_denial_share.payer_name IS 'Payer name.';
COMMENT ON COLUMN @extschema@.coding_denial_share.dept_code IS 'Department of the denied claim''s account; NULL when the denial has no claim.';
COMMENT ON COLUMN @extschema@.coding_denial_share.denied_amount IS 'Dollars denied (codes marked not-a-denial left out).';
COMMENT ON COLUMN @extschema@.coding_denial_share.coding_amount IS 'Of those, the dollars in category coding.';
COMMENT ON COLUMN @extschema@.coding_denial_share.coding_share IS 'coding_amount / denied_amount (fraction).';

CREATE VIEW @extschema@.denial_appeal_summary WITH (security_invoker = true) AS
WITH da AS (
    SELECT d.denial_id, pg_catalog.date_trunc('month', d.denial_date)::date AS month,
           d.denial_date, d.payer_id, a.dept_code, d.amount,
           ap.appeals, ap.first_filed, ap.last_resolved, ap.any_pending, ap.overturned, ap.recovered
      FROM @extschema@.denial d
      LEFT JOIN @extschema@.claim c ON c.claim_id = d.claim_id
      LEFT JOIN @extschema@.account a ON a.account_id = c.account_id
      CROSS JOIN LATERAL (
           SELECT pg_catalog.count(*) AS appeals,
                  pg_catalog.min(x.filed_date) AS first_filed,
                  pg_catalog.max(x.resolved_date) AS last_resolved,
                  pg_catalog.bool_or(x.outcome = 'pending') AS any_pending,
                  pg_catalog.bool_or(x.outcome IN ('overturned', 'partially_overturned')) AS overturned,
                  COALESCE(pg_catalog.sum(x.recovered_amount), 0) AS recovered
             FROM @extschema@.appeal x
            WHERE x.denial_id = d.denial_id) ap)
SELECT da.month, da.payer_id, p.name AS payer_name, da.dept_code,
       pg_catalog.count(*) AS denials,
       pg_catalog.sum(da.amount) AS denied_amount,
       pg_catalog.count(*) FILTER (WHERE da.appeals > 0) AS denials_appealed,
       (pg_catalog.count(*) FILTER (WHERE da.appeals > 0))::numeric / pg_catalog.count(*) AS appeal_rate,
       pg_catalog.count(*) FILTER (WHERE da.overturned) AS denials_overturned,
       (pg_catalog.count(*) FILTER (WHERE da.overturned AND NOT da.any_pending))::numeric
           / NULLIF(pg_catalog.count(*) FILTER (WHERE da.appeals > 0 AND NOT da.any_pending), 0) AS overturn_rate,
       pg_catalog.sum(da.recovered) AS recovered_amount,
       pg_catalog.sum(da.recovered) / NULLIF(pg_catalog.sum(da.amount), 0) AS recovery_rate,
       pg_catalog.round(pg_catalog.avg(da.first_filed - da.denial_date), 1) AS avg_days_to_appeal,
       pg_catalog.round(pg_catalog.avg(da.last_resolved - da.denial_date)
                        FILTER (WHERE da.appeals > 0 AND NOT da.any_pending), 1) AS avg_days_to_resolution
  FROM da
  JOIN @extschema@.payer p ON p.payer_id = da.payer_id
 GROUP BY 1, 2, 3, 4;
COMMENT ON VIEW @extschema@.denial_appeal_summary IS
    'Appeals of denials by month of the denial, payer and department: denials appealed, overturned, dollars recovered, days from denial to first appeal and to final decision.';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.month IS 'Month of the denial date.';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.payer_id IS 'Payer that denied.';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.payer_name IS 'Payer name.';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.dept_code IS 'Department of the denied claim''s account; NULL when the denial has no claim.';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.denials IS 'Denial rows.';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.denied_amount IS 'Dollars denied.';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.denials_appealed IS 'Denials with at least one appeal filed.';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.appeal_rate IS 'denials_appealed / denials (fraction).';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.denials_overturned IS 'Denials with an appeal overturned or partially overturned.';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.overturn_rate IS 'Decided denials overturned (fully or partly) / appealed denials with no appeal pending (fraction, at most 1).';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.recovered_amount IS 'Dollars recovered by appeals.';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.recovery_rate IS 'recovered_amount / denied_amount (fraction).';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.avg_days_to_appeal IS 'Average days from the denial to its first appeal, appealed denials only.';
COMMENT ON COLUMN @extschema@.denial_appeal_summary.avg_days_to_resolution IS 'Average days from the denial to the last appeal decision, appealed denials with no appeal pending.';

CREATE VIEW @extschema@.denial_writeoff_review WITH (security_invoker = true) AS
SELECT l.txn_id, l.posted_date, l.account_id, l.payer_id, a.dept_code, l.denial_id, l.amount,
       ap.appeals AS appeals_filed,
       ap.appeals < 2 AS fewer_than_two_appeals,
       EXISTS (SELECT FROM @extschema@.ledger r WHERE r.reverses_txn_id = l.txn_id) AS reversed
  FROM @extschema@.ledger l
  JOIN @extschema@.account a ON a.account_id = l.account_id
  CROSS JOIN LATERAL (SELECT pg_catalog.count(*) AS appeals
                        FROM @extschema@.appeal x
                       WHERE x.denial_id = l.denial_id
                         AND x.filed_date <= l.posted_date) ap
 WHERE l.kind = 'denial_writeoff' AND l.reverses_txn_id IS NULL;
COMMENT ON VIEW @extschema@.denial_writeoff_review IS
    'Every final denial write-off (ledger kind denial_writeoff, corrections excluded), flagged when fewer than two appeals were filed before it (at least two are recommended).';
COMMENT ON COLUMN @extschema@.denial_writeoff_review.txn_id IS 'Ledger transaction of the write-off.';
COMMENT ON COLUMN @extschema@.denial_writeoff_review.posted_date IS 'Date the write-off was posted.';
COMMENT ON COLUMN @extschema@.denial_writeoff_review.account_id IS 'Account written off.';
COMMENT ON COLUMN @extschema@.denial_writeoff_review.payer_id IS 'Payer of the written-off balance.';
COMMENT ON COLUMN @extschema@.denial_writeoff_review.dept_code IS 'Department of the account.';
COMMENT ON COLUMN @extschema@.denial_writeoff_review.denial_id IS 'Denial written off; NULL when the ledger row names none.';
COMMENT ON COLUMN @extschema@.denial_writeoff_review.amount IS 'Dollars written off.';
COMMENT ON COLUMN @extschema@.denial_writeoff_review.appeals_filed IS 'Appeals filed on the denial on or before the write-off date (0 when none or no denial named).';
COMMENT ON COLUMN @extschema@.denial_writeoff_review.fewer_than_two_appeals IS 'True when appeals_filed < 2: the write-off skipped the recommended two appeals.';
COMMENT ON COLUMN @extschema@.denial_writeoff_review.reversed IS 'True when a later ledger row reverses the write-off.';

CREATE VIEW @extschema@.denial_writeoff_rate WITH (security_invoker = true) AS
WITH l AS (
    SELECT pg_catalog.date_trunc('month', l.posted_date)::date AS month, l.payer_id, a.dept_code,
           l.kind, l.amount, l.reverses_txn_id, l.denial_id, l.posted_date
      FROM @extschema@.ledger l
      JOIN @extschema@.account a ON a.account_id = l.account_id
     WHERE l.kind NOT IN ('payment', 'refund', 'transfer')),
agg AS (
    SELECT l.month, l.payer_id, l.dept_code,
           COALESCE(pg_catalog.sum(l.amount) FILTER (WHERE l.kind = 'denial_writeoff'), 0) AS denial_writeoffs,
           pg_catalog.count(*) FILTER (WHERE l.kind = 'denial_writeoff' AND l.reverses_txn_id IS NULL) AS writeoffs,
           pg_catalog.count(*) FILTER (WHERE l.kind = 'denial_writeoff' AND l.reverses_txn_id IS NULL
                                       AND ap.appeals < 2) AS writeoffs_fewer_than_two_appeals,
           COALESCE(pg_catalog.sum(l.amount) FILTER (WHERE l.kind = 'charge'), 0)
             - COALESCE(pg_catalog.sum(l.amount) FILTER (WHERE l.kind <> 'charge'), 0) AS net_patient_service_revenue
      FROM l
      CROSS JOIN LATERAL (SELECT pg_catalog.count(*) AS appeals
                            FROM @extschema@.appeal x
                           WHERE l.kind = 'denial_writeoff'
                             AND x.denial_id = l.denial_id
                             AND x.filed_date <= l.posted_date) ap
     GROUP BY 1, 2, 3)
SELECT agg.month, agg.payer_id, p.name AS payer_name, agg.dept_code,
       agg.writeoffs, agg.writeoffs_fewer_than_two_appeals, agg.denial_writeoffs,
       agg.net_patient_service_revenue,
       agg.denial_writeoffs / NULLIF(agg.net_patient_service_revenue, 0) AS denial_writeoff_rate
  FROM agg
  JOIN @extschema@.payer p ON p.payer_id = agg.payer_id;
COMMENT ON VIEW @extschema@.denial_writeoff_rate IS
    'Final denial write-offs (net of reversals) as a share of net patient service revenue, by month posted, payer and department (HFMA MAP Keys: denial write-offs as a percentage of net patient service revenue).';
COMMENT ON COLUMN @extschema@.denial_writeoff_rate.month IS 'Month of the ledger posting date.';
COMMENT ON COLUMN @extschema@.denial_writeoff_rate.payer_id IS 'Payer of the ledger rows.';
COMMENT ON COLUMN @extschema@.denial_writeoff_rate.payer_name IS 'Payer name.';
COMMENT ON COLUMN @extschema@.denial_writeoff_rate.dept_code IS 'Department of the account.';
COMMENT ON COLUMN @extschema@.denial_writeoff_rate.writeoffs IS 'Denial write-offs posted (corrections not counted).';
COMMENT ON COLUMN @extschema@.denial_writeoff_rate.writeoffs_fewer_than_two_appeals IS 'Of those, the ones whose denial had fewer than two appeals filed on or before the write-off (see denial_writeoff_review).';
COMMENT ON COLUMN @extschema@.denial_writeoff_rate.denial_writeoffs IS 'Dollars of denial write-offs, net of reversals (corrections carry the opposite sign).';
COMMENT ON COLUMN @extschema@.denial_writeoff_rate.net_patient_service_revenue IS 'Net patient service revenue posted in the month: gross charges - contractual adjustments - administrative, small-balance and denial write-offs - bad debt - charity (the definition net days in A/R uses).';
COMMENT ON COLUMN @extschema@.denial_writeoff_rate.denial_writeoff_rate IS 'denial_writeoffs / net_patient_service_revenue (fraction).';
