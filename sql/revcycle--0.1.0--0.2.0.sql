-- revcycle upgrade 0.1.0 -> 0.2.0 (released; never edited)
\echo Use "ALTER EXTENSION revcycle UPDATE" to load this file. \quit

-- ===================================================================
-- revcycle 0.2.0: A/R aging and days in A/R, denial summaries, X12 835
-- remittances.  Every part of this version only adds to 0.1.0.
-- ===================================================================

-- ===================================================================
-- A/R aging, balances as of a date, days in A/R (src/aging.c; README.md, "A/R aging")
-- Only adds objects: this part is also the 0.1.0 -> 0.2.0 upgrade.
-- ===================================================================

-- -------------------------------------------------------------------
-- revcycle.aging: aged A/R summary
-- -------------------------------------------------------------------
CREATE TYPE @extschema@.aging;

CREATE FUNCTION @extschema@.aging_in(cstring) RETURNS @extschema@.aging
    AS 'MODULE_PATHNAME', 'rc_aging_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.aging_out(@extschema@.aging) RETURNS cstring
    AS 'MODULE_PATHNAME', 'rc_aging_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.aging_recv(internal) RETURNS @extschema@.aging
    AS 'MODULE_PATHNAME', 'rc_aging_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.aging_send(@extschema@.aging) RETURNS bytea
    AS 'MODULE_PATHNAME', 'rc_aging_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.aging (
    INPUT = @extschema@.aging_in,
    OUTPUT = @extschema@.aging_out,
    RECEIVE = @extschema@.aging_recv,
    SEND = @extschema@.aging_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.aging IS
    'A/R aging summary: as-of date, bucket upper bounds in days, and per bucket the count and exact sum of debit balances and of credit balances; mergeable, storable, parallel-safe.  Text form is a JSON object (format version "v").';
COMMENT ON FUNCTION @extschema@.aging_in(cstring) IS 'Input function of revcycle.aging (strict JSON form, as output writes it).';
COMMENT ON FUNCTION @extschema@.aging_out(@extschema@.aging) IS 'Output function of revcycle.aging (JSON object).';
COMMENT ON FUNCTION @extschema@.aging_recv(internal) IS 'Binary input function of revcycle.aging (versioned, validated).';
COMMENT ON FUNCTION @extschema@.aging_send(@extschema@.aging) IS 'Binary output function of revcycle.aging.';

CREATE FUNCTION @extschema@.ar_aging_trans(@extschema@.aging, numeric, date, date)
    RETURNS @extschema@.aging
    AS 'MODULE_PATHNAME', 'rc_ar_aging_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_aging_trans(@extschema@.aging, numeric, date, date)
    IS 'Transition function of ar_aging(balance, anchor, as_of) (bounds {30,60,90,120}).';
CREATE FUNCTION @extschema@.ar_aging_trans(@extschema@.aging, numeric, date, date, integer[])
    RETURNS @extschema@.aging
    AS 'MODULE_PATHNAME', 'rc_ar_aging_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_aging_trans(@extschema@.aging, numeric, date, date, integer[])
    IS 'Transition function of ar_aging(balance, anchor, as_of, bounds).';
CREATE FUNCTION @extschema@.aging_combine(@extschema@.aging, @extschema@.aging)
    RETURNS @extschema@.aging
    AS 'MODULE_PATHNAME', 'rc_aging_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aging_combine(@extschema@.aging, @extschema@.aging)
    IS 'Combine function of ar_aging; also the transition of ar_aging_merge.  Either side may be NULL; different bounds or as-of dates raise 22023.';

CREATE AGGREGATE @extschema@.ar_aging(balance numeric, anchor date, as_of date) (
    SFUNC = @extschema@.ar_aging_trans,
    STYPE = @extschema@.aging,
    COMBINEFUNC = @extschema@.aging_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ar_aging(numeric, date, date) IS
    'Aging summary of balances with the default buckets 0-30, 31-60, 61-90, 91-120, 121+ (age = as_of - anchor days).  Rows with NULL balance or anchor, zero balance, or anchor after as_of are left out; negative balances are credit balances.';

CREATE AGGREGATE @extschema@.ar_aging(balance numeric, anchor date, as_of date, bounds integer[]) (
    SFUNC = @extschema@.ar_aging_trans,
    STYPE = @extschema@.aging,
    COMBINEFUNC = @extschema@.aging_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ar_aging(numeric, date, date, integer[]) IS
    'Aging summary of balances with custom bucket upper bounds (strictly increasing positive days, e.g. {15,45} gives 0-15, 16-45, 46+).  Same row rules as the 3-argument form; bad bounds or an as_of that changes within a group raise 22023.';

CREATE AGGREGATE @extschema@.ar_aging_merge(@extschema@.aging) (
    SFUNC = @extschema@.aging_combine,
    STYPE = @extschema@.aging,
    COMBINEFUNC = @extschema@.aging_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ar_aging_merge(@extschema@.aging) IS
    'Merges aging summaries (e.g. per-payer summaries into a total); NULLs are skipped; different bounds or as-of dates raise 22023.';

CREATE FUNCTION @extschema@.ar_debit_total(@extschema@.aging) RETURNS numeric
    AS 'MODULE_PATHNAME', 'rc_aging_debit_total' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_debit_total(@extschema@.aging) IS
    'Exact sum of the debit (positive) balances of an aging summary: AAFP''s "total A/R".';
CREATE FUNCTION @extschema@.ar_credit_total(@extschema@.aging) RETURNS numeric
    AS 'MODULE_PATHNAME', 'rc_aging_credit_total' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_credit_total(@extschema@.aging) IS
    'Exact sum of the credit (negative) balances of an aging summary, as a negative number or 0.';
CREATE FUNCTION @extschema@.ar_net_total(@extschema@.aging) RETURNS numeric
    AS 'MODULE_PATHNAME', 'rc_aging_net_total' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_net_total(@extschema@.aging) IS
    'Net A/R of an aging summary = debit total + credit total (credit total is negative).';
CREATE FUNCTION @extschema@.ar_debit_items(@extschema@.aging) RETURNS bigint
    AS 'MODULE_PATHNAME', 'rc_aging_debit_items' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_debit_items(@extschema@.aging) IS 'Number of debit balances in an aging summary.';
CREATE FUNCTION @extschema@.ar_credit_items(@extschema@.aging) RETURNS bigint
    AS 'MODULE_PATHNAME', 'rc_aging_credit_items' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_credit_items(@extschema@.aging) IS 'Number of credit balances in an aging summary.';
CREATE FUNCTION @extschema@.aging_as_of(@extschema@.aging) RETURNS date
    AS 'MODULE_PATHNAME', 'rc_aging_as_of' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aging_as_of(@extschema@.aging) IS 'The as-of date of an aging summary.';
CREATE FUNCTION @extschema@.aging_bounds(@extschema@.aging) RETURNS integer[]
    AS 'MODULE_PATHNAME', 'rc_aging_bounds' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.aging_bounds(@extschema@.aging) IS 'The bucket upper bounds (days) of an aging summary.';
CREATE FUNCTION @extschema@.ar_over(@extschema@.aging, days integer) RETURNS numeric
    AS 'MODULE_PATHNAME', 'rc_aging_over' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_over(@extschema@.aging, integer) IS
    'Fraction of debit A/R older than days (days must be one of the bounds, else 22023); NULL when the debit total is zero.  AAFP: % of A/R over 120 days.';

CREATE FUNCTION @extschema@.aging_buckets(@extschema@.aging)
    RETURNS TABLE (bucket text, min_days integer, max_days integer, items bigint, amount numeric,
                   credit_items bigint, credit_amount numeric, share numeric)
    AS 'MODULE_PATHNAME', 'rc_aging_buckets' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 5;
COMMENT ON FUNCTION @extschema@.aging_buckets(@extschema@.aging) IS
    'One row per bucket in age order, empty buckets included: label (e.g. 0-30, 121+), age range (max_days NULL for the last), count and sum of debit balances, count and sum (negative) of credit balances, and share = debit amount / debit total (NULL when the total is zero).';

-- -------------------------------------------------------------------
-- revcycle.ar_days: one-pass days-in-A/R summary over ledger rows
-- -------------------------------------------------------------------
CREATE TYPE @extschema@.ar_days;

CREATE FUNCTION @extschema@.ar_days_in(cstring) RETURNS @extschema@.ar_days
    AS 'MODULE_PATHNAME', 'rc_ar_days_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ar_days_out(@extschema@.ar_days) RETURNS cstring
    AS 'MODULE_PATHNAME', 'rc_ar_days_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ar_days_recv(internal) RETURNS @extschema@.ar_days
    AS 'MODULE_PATHNAME', 'rc_ar_days_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ar_days_send(@extschema@.ar_days) RETURNS bytea
    AS 'MODULE_PATHNAME', 'rc_ar_days_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.ar_days (
    INPUT = @extschema@.ar_days_in,
    OUTPUT = @extschema@.ar_days_out,
    RECEIVE = @extschema@.ar_days_recv,
    SEND = @extschema@.ar_days_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.ar_days IS
    'Days-in-A/R summary of ledger rows at one as-of date: net A/R, gross charges in the look-back period, and gross charges and deductions in the trailing 3 calendar months (net basis).  Text form is a JSON object (format version "v").';
COMMENT ON FUNCTION @extschema@.ar_days_in(cstring) IS 'Input function of revcycle.ar_days (strict JSON form).';
COMMENT ON FUNCTION @extschema@.ar_days_out(@extschema@.ar_days) IS 'Output function of revcycle.ar_days (JSON object).';
COMMENT ON FUNCTION @extschema@.ar_days_recv(internal) IS 'Binary input function of revcycle.ar_days (versioned, validated).';
COMMENT ON FUNCTION @extschema@.ar_days_send(@extschema@.ar_days) IS 'Binary output function of revcycle.ar_days.';

CREATE FUNCTION @extschema@.ar_days_trans(@extschema@.ar_days, @extschema@.txn_kind, numeric, date, date)
    RETURNS @extschema@.ar_days
    AS 'MODULE_PATHNAME', 'rc_ar_days_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_days_trans(@extschema@.ar_days, @extschema@.txn_kind, numeric, date, date)
    IS 'Transition function of the days-in-A/R aggregates (look-back 90 days).';
CREATE FUNCTION @extschema@.ar_days_trans(@extschema@.ar_days, @extschema@.txn_kind, numeric, date, date, integer)
    RETURNS @extschema@.ar_days
    AS 'MODULE_PATHNAME', 'rc_ar_days_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_days_trans(@extschema@.ar_days, @extschema@.txn_kind, numeric, date, date, integer)
    IS 'Transition function of the days-in-A/R aggregates with a look-back period in days.';
CREATE FUNCTION @extschema@.ar_days_combine(@extschema@.ar_days, @extschema@.ar_days)
    RETURNS @extschema@.ar_days
    AS 'MODULE_PATHNAME', 'rc_ar_days_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ar_days_combine(@extschema@.ar_days, @extschema@.ar_days)
    IS 'Combine function of the days-in-A/R aggregates; also the transition of ar_days_merge.  Either side may be NULL; different as-of dates or look-back periods raise 22023.';

CREATE FUNCTION @extschema@.days_in_ar(@extschema@.ar_days) RETURNS numeric
    AS 'MODULE_PATHNAME', 'rc_ar_days_gross' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.days_in_ar(@extschema@.ar_days) IS
    'Days in A/R, practice/gross basis (AAFP, MGMA): net A/R x look-back days / gross charges in the look-back period; NULL when those charges are zero.';
CREATE FUNCTION @extschema@.net_days_in_ar(@extschema@.ar_days) RETURNS numeric
    AS 'MODULE_PATHNAME', 'rc_ar_days_net' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.net_days_in_ar(@extschema@.ar_days) IS
    'Net days in A/R (HFMA MAP key): net A/R x days in the trailing 3 calendar months / net patient service revenue of those months; NULL when that revenue is zero.';
CREATE FUNCTION @extschema@.net_ar(@extschema@.ar_days) RETURNS numeric
    AS 'MODULE_PATHNAME', 'rc_ar_days_ar' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.net_ar(@extschema@.ar_days) IS
    'Net A/R as of the summary''s date = sum of ar_sign(kind) x amount over rows posted on or before it (debit balances minus credit balances).';
CREATE FUNCTION @extschema@.lookback_charges(@extschema@.ar_days) RETURNS numeric
    AS 'MODULE_PATHNAME', 'rc_ar_days_charges' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.lookback_charges(@extschema@.ar_days) IS
    'Gross charges posted in the look-back period (as_of - lookback_days, as_of].';
CREATE FUNCTION @extschema@.net_patient_service_revenue(@extschema@.ar_days) RETURNS numeric
    AS 'MODULE_PATHNAME', 'rc_ar_days_npsr' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.net_patient_service_revenue(@extschema@.ar_days) IS
    'Net patient service revenue of the trailing 3 calendar months = gross charges - contractual adjustments - other deductions (administrative, small-balance, denial write-offs, bad debt, charity).';
CREATE FUNCTION @extschema@.net_window_start(@extschema@.ar_days) RETURNS date
    AS 'MODULE_PATHNAME', 'rc_ar_days_net_window_start' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.net_window_start(@extschema@.ar_days) IS
    'First day of the trailing 3-calendar-month window of the net basis: (as_of + 1 day) - 3 months.';

CREATE AGGREGATE @extschema@.ar_days_agg(kind @extschema@.txn_kind, amount numeric, posted_date date, as_of date) (
    SFUNC = @extschema@.ar_days_trans,
    STYPE = @extschema@.ar_days,
    COMBINEFUNC = @extschema@.ar_days_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ar_days_agg(@extschema@.txn_kind, numeric, date, date) IS
    'Days-in-A/R summary of ledger rows as of a date with a 90-day look-back; rows posted after as_of and rows with NULL kind, amount or date are left out.';
CREATE AGGREGATE @extschema@.ar_days_agg(kind @extschema@.txn_kind, amount numeric, posted_date date, as_of date, lookback_days integer) (
    SFUNC = @extschema@.ar_days_trans,
    STYPE = @extschema@.ar_days,
    COMBINEFUNC = @extschema@.ar_days_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ar_days_agg(@extschema@.txn_kind, numeric, date, date, integer) IS
    'Days-in-A/R summary of ledger rows as of a date with a look-back period in days (90, 180 or 365; 1-3660 accepted).';
CREATE AGGREGATE @extschema@.ar_days_merge(@extschema@.ar_days) (
    SFUNC = @extschema@.ar_days_combine,
    STYPE = @extschema@.ar_days,
    COMBINEFUNC = @extschema@.ar_days_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ar_days_merge(@extschema@.ar_days) IS
    'Merges days-in-A/R summaries of the same date and look-back (e.g. per-payer into a total); NULLs are skipped.';

CREATE AGGREGATE @extschema@.days_in_ar(kind @extschema@.txn_kind, amount numeric, posted_date date, as_of date) (
    SFUNC = @extschema@.ar_days_trans,
    STYPE = @extschema@.ar_days,
    FINALFUNC = @extschema@.days_in_ar,
    COMBINEFUNC = @extschema@.ar_days_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.days_in_ar(@extschema@.txn_kind, numeric, date, date) IS
    'Days in A/R, gross basis (AAFP, MGMA), from ledger rows in one pass: net A/R as of as_of / (gross charges in the 90 days ending on as_of / 90).';
CREATE AGGREGATE @extschema@.days_in_ar(kind @extschema@.txn_kind, amount numeric, posted_date date, as_of date, lookback_days integer) (
    SFUNC = @extschema@.ar_days_trans,
    STYPE = @extschema@.ar_days,
    FINALFUNC = @extschema@.days_in_ar,
    COMBINEFUNC = @extschema@.ar_days_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.days_in_ar(@extschema@.txn_kind, numeric, date, date, integer) IS
    'Days in A/R, gross basis (AAFP, MGMA), from ledger rows in one pass: net A/R as of as_of / (gross charges in the lookback_days ending on as_of / lookback_days).';
CREATE AGGREGATE @extschema@.net_days_in_ar(kind @extschema@.txn_kind, amount numeric, posted_date date, as_of date) (
    SFUNC = @extschema@.ar_days_trans,
    STYPE = @extschema@.ar_days,
    FINALFUNC = @extschema@.net_days_in_ar,
    COMBINEFUNC = @extschema@.ar_days_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.net_days_in_ar(@extschema@.txn_kind, numeric, date, date) IS
    'Net days in A/R (HFMA MAP key) from ledger rows in one pass: net A/R as of as_of / average daily net patient service revenue over the trailing 3 calendar months ending on as_of.';

-- The AAFP formula on figures you already have.
CREATE FUNCTION @extschema@.days_in_ar(total_ar numeric, credit_balances numeric, gross_charges numeric, period_days integer)
    RETURNS numeric
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN (total_ar - credit_balances) * period_days / NULLIF(gross_charges, 0);
COMMENT ON FUNCTION @extschema@.days_in_ar(numeric, numeric, numeric, integer) IS
    'AAFP days in A/R = (total A/R - credit balances) / (gross charges / period days), computed as (total_ar - credit_balances) x period_days / gross_charges; credit_balances is a positive amount (e.g. -ar_credit_total(aging)); NULL when gross charges are zero.';

-- -------------------------------------------------------------------
-- Balances as of a date
-- -------------------------------------------------------------------
CREATE TYPE @extschema@.aging_anchor AS ENUM ('service_date', 'bill_date', 'last_activity');
COMMENT ON TYPE @extschema@.aging_anchor IS
    'Date A/R is aged from: service_date (AAFP default: first date of service, never re-aged when the balance moves to another payer), bill_date (MGMA: first claim to the responsible payer), last_activity (last posting of the account and payer).';

CREATE FUNCTION @extschema@.ar_balances(as_of date, anchor @extschema@.aging_anchor DEFAULT 'service_date')
    RETURNS TABLE (account_id bigint, payer_id bigint, balance numeric, service_date date,
                   bill_date date, last_activity_date date, anchor_date date)
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT b.account_id, b.payer_id, b.balance, a.service_from, bd.bill_date, b.last_activity_date,
           CASE ar_balances.anchor
               WHEN 'service_date' THEN a.service_from
               WHEN 'bill_date' THEN COALESCE(bd.bill_date, a.service_from)
               ELSE b.last_activity_date END
      FROM (SELECT l.account_id, l.payer_id,
                   pg_catalog.sum(@extschema@.ar_sign(l.kind) * l.amount) AS balance,
                   pg_catalog.max(l.posted_date) AS last_activity_date
              FROM @extschema@.ledger l
             WHERE l.posted_date <= ar_balances.as_of
             GROUP BY l.account_id, l.payer_id
            HAVING pg_catalog.sum(@extschema@.ar_sign(l.kind) * l.amount) <> 0) b
      JOIN @extschema@.account a ON a.account_id = b.account_id
      LEFT JOIN LATERAL (SELECT pg_catalog.min(c.submitted_date) AS bill_date
                           FROM @extschema@.claim c
                          WHERE c.account_id = b.account_id AND c.payer_id = b.payer_id
                            AND c.submitted_date <= ar_balances.as_of) bd ON true;
END;
COMMENT ON FUNCTION @extschema@.ar_balances(date, @extschema@.aging_anchor) IS
    'Non-zero balances per account and responsible payer as of a date, rebuilt from ledger rows posted on or before it, with the candidate anchor dates and the chosen one (bill_date falls back to the service date when that payer was never billed by then).';

CREATE FUNCTION @extschema@.account_balances(as_of date)
    RETURNS TABLE (account_id bigint, balance numeric)
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT l.account_id, pg_catalog.sum(@extschema@.ar_sign(l.kind) * l.amount)
      FROM @extschema@.ledger l
     WHERE l.posted_date <= account_balances.as_of
     GROUP BY l.account_id
    HAVING pg_catalog.sum(@extschema@.ar_sign(l.kind) * l.amount) <> 0;
END;
COMMENT ON FUNCTION @extschema@.account_balances(date) IS
    'Non-zero balances per account (all payers together) as of a date, from ledger rows posted on or before it.';

CREATE FUNCTION @extschema@.ar_aging_by_payer(as_of date, anchor @extschema@.aging_anchor DEFAULT 'service_date',
                                              bounds integer[] DEFAULT '{30,60,90,120}')
    RETURNS TABLE (payer_id bigint, aging @extschema@.aging)
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT b.payer_id, @extschema@.ar_aging(b.balance, b.anchor_date, ar_aging_by_payer.as_of, ar_aging_by_payer.bounds)
      FROM @extschema@.ar_balances(ar_aging_by_payer.as_of, ar_aging_by_payer.anchor) b
     GROUP BY b.payer_id;
END;
COMMENT ON FUNCTION @extschema@.ar_aging_by_payer(date, @extschema@.aging_anchor, integer[]) IS
    'Aging summary per responsible payer as of a date, from ar_balances(as_of, anchor); merge with ar_aging_merge for payer-class or total rollups.';

-- -------------------------------------------------------------------
-- Views for BI tools (anchor: date of service, AAFP)
-- -------------------------------------------------------------------
CREATE VIEW @extschema@.month_end_balances WITH (security_invoker = true) AS
-- One pass over the ledger: net and last posting per account, payer and
-- month; the balance at a month-end is the running sum of those, carried
-- forward over the month-ends without activity up to the last month of the
-- ledger (cost linear in ledger rows + output rows, not months x rows).
WITH monthly AS (
    SELECT l.account_id, l.payer_id,
           pg_catalog.date_trunc('month', l.posted_date::timestamp) AS month_start,
           pg_catalog.sum(@extschema@.ar_sign(l.kind) * l.amount) AS net,
           pg_catalog.max(l.posted_date) AS last_activity_date
      FROM @extschema@.ledger l
     GROUP BY l.account_id, l.payer_id, 3
), spans AS (
    SELECT m.account_id, m.payer_id, m.month_start, m.last_activity_date,
           pg_catalog.sum(m.net) OVER w AS balance,
           pg_catalog.lead(m.month_start) OVER w AS next_month_start
      FROM monthly m
    WINDOW w AS (PARTITION BY m.account_id, m.payer_id ORDER BY m.month_start)
)
SELECT (g.month_start + interval '1 month' - interval '1 day')::date AS month_end,
       s.account_id, s.payer_id, s.balance,
       a.service_from AS service_date,
       s.last_activity_date
  FROM spans s
  JOIN @extschema@.account a ON a.account_id = s.account_id
  CROSS JOIN (SELECT pg_catalog.date_trunc('month', pg_catalog.max(posted_date)::timestamp) AS hi
                FROM @extschema@.ledger) r
  CROSS JOIN LATERAL pg_catalog.generate_series(
      s.month_start,
      COALESCE(s.next_month_start - interval '1 month', r.hi),
      interval '1 month') AS g(month_start);
COMMENT ON VIEW @extschema@.month_end_balances IS
    'Balance of every account and responsible payer at every month-end covered by the ledger, rebuilt from rows posted on or before the month-end (zero balances included).';
COMMENT ON COLUMN @extschema@.month_end_balances.month_end IS 'Last day of the month.';
COMMENT ON COLUMN @extschema@.month_end_balances.account_id IS 'Account.';
COMMENT ON COLUMN @extschema@.month_end_balances.payer_id IS 'Responsible payer (ledger.payer_id).';
COMMENT ON COLUMN @extschema@.month_end_balances.balance IS 'Balance = sum of ar_sign(kind) x amount posted on or before month_end; negative = credit balance.';
COMMENT ON COLUMN @extschema@.month_end_balances.service_date IS 'First date of service of the account: the aging anchor of the views (AAFP).';
COMMENT ON COLUMN @extschema@.month_end_balances.last_activity_date IS 'Last posting date of the account and payer on or before month_end.';

CREATE VIEW @extschema@.aged_trial_balance WITH (security_invoker = true) AS
WITH aged AS (
    SELECT b.month_end, b.payer_id,
           @extschema@.ar_aging(b.balance, b.service_date, b.month_end) AS aging
      FROM @extschema@.month_end_balances b
     GROUP BY b.month_end, b.payer_id
), activity AS (
    SELECT (pg_catalog.date_trunc('month', l.posted_date::timestamp) + interval '1 month' - interval '1 day')::date AS month_end,
           l.payer_id,
           pg_catalog.sum(l.amount) FILTER (WHERE l.kind = 'charge') AS charges,
           pg_catalog.sum(l.amount) FILTER (WHERE l.kind = 'payment') AS payments,
           pg_catalog.sum(l.amount) FILTER (WHERE l.kind = 'refund') AS refunds,
           pg_catalog.sum(l.amount) FILTER (WHERE l.kind NOT IN ('charge', 'payment', 'refund', 'transfer')) AS adjustments,
           pg_catalog.sum(l.amount) FILTER (WHERE l.kind = 'transfer') AS transfers,
           pg_catalog.sum(@extschema@.ar_sign(l.kind) * l.amount) AS net
      FROM @extschema@.ledger l
     GROUP BY 1, 2
), beginning AS (
    -- Net of every earlier month of the payer.  aged has every month-end from
    -- the payer's first activity on (month_end_balances carries balances
    -- forward), so the rows before the current one are all earlier months.
    SELECT g.month_end, g.payer_id,
           pg_catalog.sum(ac.net) OVER (PARTITION BY g.payer_id ORDER BY g.month_end
                                        ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS beginning_ar
      FROM aged g
      LEFT JOIN activity ac ON ac.month_end = g.month_end AND ac.payer_id = g.payer_id
)
SELECT g.month_end, g.payer_id, p.name AS payer_name, p.payer_class::text AS payer_class,
       COALESCE(bg.beginning_ar, 0) AS beginning_ar,
       COALESCE(ac.charges, 0) AS charges,
       COALESCE(ac.payments, 0) AS payments,
       COALESCE(ac.refunds, 0) AS refunds,
       COALESCE(ac.adjustments, 0) AS adjustments,
       COALESCE(ac.transfers, 0) AS transfers,
       @extschema@.ar_net_total(g.aging) AS ending_ar,
       bk.ar_0_30, bk.ar_31_60, bk.ar_61_90, bk.ar_91_120, bk.ar_over_120,
       -@extschema@.ar_credit_total(g.aging) AS credit_balance_amount,
       @extschema@.ar_credit_items(g.aging) AS credit_balance_count,
       COALESCE(bg.beginning_ar, 0) + COALESCE(ac.charges, 0) - COALESCE(ac.payments, 0)
         + COALESCE(ac.refunds, 0) - COALESCE(ac.adjustments, 0) + COALESCE(ac.transfers, 0)
         - @extschema@.ar_net_total(g.aging) AS reconciliation
  FROM aged g
  JOIN @extschema@.payer p ON p.payer_id = g.payer_id
  LEFT JOIN activity ac ON ac.month_end = g.month_end AND ac.payer_id = g.payer_id
  LEFT JOIN beginning bg ON bg.month_end = g.month_end AND bg.payer_id = g.payer_id
  CROSS JOIN LATERAL (
      SELECT pg_catalog.sum(x.amount + x.credit_amount) FILTER (WHERE x.min_days = 0) AS ar_0_30,
             pg_catalog.sum(x.amount + x.credit_amount) FILTER (WHERE x.min_days = 31) AS ar_31_60,
             pg_catalog.sum(x.amount + x.credit_amount) FILTER (WHERE x.min_days = 61) AS ar_61_90,
             pg_catalog.sum(x.amount + x.credit_amount) FILTER (WHERE x.min_days = 91) AS ar_91_120,
             pg_catalog.sum(x.amount + x.credit_amount) FILTER (WHERE x.min_days = 121) AS ar_over_120
        FROM @extschema@.aging_buckets(g.aging) x) bk;
COMMENT ON VIEW @extschema@.aged_trial_balance IS
    'Aged trial balance per month-end and responsible payer, aged from the date of service (AAFP).  reconciliation = beginning_ar + charges - payments + refunds - adjustments + transfers - ending_ar, zero when the aged balances reconcile to the ledger.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.month_end IS 'Last day of the month.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.payer_id IS 'Responsible payer.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.payer_name IS 'Payer name.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.payer_class IS 'Payer class (Medicare, Medicaid, commercial, self-pay, ...).';
COMMENT ON COLUMN @extschema@.aged_trial_balance.beginning_ar IS 'A/R at the end of the previous month (ledger rows posted before the first of the month).';
COMMENT ON COLUMN @extschema@.aged_trial_balance.charges IS 'Gross charges posted in the month (net of charge corrections).';
COMMENT ON COLUMN @extschema@.aged_trial_balance.payments IS 'Payments posted in the month (net of payment corrections).';
COMMENT ON COLUMN @extschema@.aged_trial_balance.refunds IS 'Refunds posted in the month (they raise A/R).';
COMMENT ON COLUMN @extschema@.aged_trial_balance.adjustments IS 'Contractual and other adjustments and write-offs posted in the month.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.transfers IS 'Net balance transferred to (+) or from (-) this payer in the month; zero over all payers.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.ending_ar IS 'A/R at month-end: sum of the aged balances (debit and credit).';
COMMENT ON COLUMN @extschema@.aged_trial_balance.ar_0_30 IS 'Net balance aged 0-30 days from the date of service.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.ar_31_60 IS 'Net balance aged 31-60 days.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.ar_61_90 IS 'Net balance aged 61-90 days.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.ar_91_120 IS 'Net balance aged 91-120 days.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.ar_over_120 IS 'Net balance aged over 120 days.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.credit_balance_amount IS 'Sum of credit balances (owed back), as a positive amount.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.credit_balance_count IS 'Number of account balances that are credits.';
COMMENT ON COLUMN @extschema@.aged_trial_balance.reconciliation IS 'beginning_ar + charges - payments + refunds - adjustments + transfers - ending_ar; zero when the month reconciles.';

CREATE VIEW @extschema@.aged_ar_percent WITH (security_invoker = true) AS
WITH aged AS (
    SELECT b.month_end, p.payer_class::text AS payer_class,
           @extschema@.ar_aging(b.balance, b.service_date, b.month_end) AS aging
      FROM @extschema@.month_end_balances b
      JOIN @extschema@.payer p ON p.payer_id = b.payer_id
     GROUP BY b.month_end, p.payer_class
), rolled AS (
    SELECT g.month_end, COALESCE(g.payer_class, 'all') AS payer_group,
           @extschema@.ar_aging_merge(g.aging) AS aging
      FROM aged g
     GROUP BY GROUPING SETS ((g.month_end, g.payer_class), (g.month_end))
)
SELECT r.month_end, r.payer_group,
       @extschema@.ar_debit_total(r.aging) AS billed_ar,
       (SELECT pg_catalog.sum(x.amount) FROM @extschema@.aging_buckets(r.aging) x WHERE x.min_days > 90) AS ar_over_90,
       (SELECT pg_catalog.sum(x.amount) FROM @extschema@.aging_buckets(r.aging) x WHERE x.min_days > 120) AS ar_over_120,
       @extschema@.ar_over(r.aging, 90) AS share_over_90,
       @extschema@.ar_over(r.aging, 120) AS share_over_120
  FROM rolled r;
COMMENT ON VIEW @extschema@.aged_ar_percent IS
    'Aged A/R as a share of billed A/R (HFMA family; AAFP % of A/R over 120 days) per month-end, per payer class and in total (payer_group ''all''), aged from the date of service (AAFP); debit balances only.';
COMMENT ON COLUMN @extschema@.aged_ar_percent.month_end IS 'Last day of the month.';
COMMENT ON COLUMN @extschema@.aged_ar_percent.payer_group IS 'Payer class, or ''all'' for all payers.';
COMMENT ON COLUMN @extschema@.aged_ar_percent.billed_ar IS 'Sum of debit balances at month-end.';
COMMENT ON COLUMN @extschema@.aged_ar_percent.ar_over_90 IS 'Debit balances older than 90 days from the date of service.';
COMMENT ON COLUMN @extschema@.aged_ar_percent.ar_over_120 IS 'Debit balances older than 120 days from the date of service.';
COMMENT ON COLUMN @extschema@.aged_ar_percent.share_over_90 IS 'ar_over_90 / billed_ar, a fraction; NULL when billed_ar is zero.';
COMMENT ON COLUMN @extschema@.aged_ar_percent.share_over_120 IS 'ar_over_120 / billed_ar, a fraction; NULL when billed_ar is zero.';

CREATE VIEW @extschema@.days_in_ar_trend WITH (security_invoker = true) AS
-- The ledger is summed once per payer, kind and day.  A month-end's
-- summary gets the daily sums of its own and the 3 previous months (the
-- 90-day look-back and the trailing 3 calendar months lie inside them) and,
-- for everything older, one row per payer carrying its net A/R up to the end
-- of the 4th month before: a running sum over months, posted before both
-- windows, so it only adds to net A/R (as kind 'charge', sign +1).
WITH bounds AS (
    SELECT pg_catalog.date_trunc('month', pg_catalog.min(posted_date)::timestamp) AS lo,
           pg_catalog.date_trunc('month', pg_catalog.max(posted_date)::timestamp) AS hi
      FROM @extschema@.ledger
), daily AS (
    SELECT l.payer_id, l.kind, l.posted_date, pg_catalog.sum(l.amount) AS amount
      FROM @extschema@.ledger l
     GROUP BY l.payer_id, l.kind, l.posted_date
), payer_months AS (
    SELECT d.payer_id, pg_catalog.date_trunc('month', d.posted_date::timestamp) AS month_start,
           pg_catalog.sum(@extschema@.ar_sign(d.kind) * d.amount) AS net
      FROM daily d
     GROUP BY d.payer_id, 2
), running AS (
    SELECT p.payer_id, m.month_start,
           pg_catalog.sum(pm.net) OVER (PARTITION BY p.payer_id ORDER BY m.month_start) AS net_ar
      FROM (SELECT DISTINCT payer_id FROM payer_months) p
     CROSS JOIN bounds b
     CROSS JOIN LATERAL pg_catalog.generate_series(b.lo, b.hi, interval '1 month') AS m(month_start)
      LEFT JOIN payer_months pm ON pm.payer_id = p.payer_id AND pm.month_start = m.month_start
), fed AS (
    SELECT d.payer_id, m.month_start, d.kind, d.amount, d.posted_date
      FROM daily d
     CROSS JOIN bounds b
     CROSS JOIN LATERAL pg_catalog.generate_series(pg_catalog.date_trunc('month', d.posted_date::timestamp),
                                                   LEAST(pg_catalog.date_trunc('month', d.posted_date::timestamp) + interval '3 months', b.hi),
                                                   interval '1 month') AS m(month_start)
    UNION ALL
    SELECT r.payer_id, r.month_start + interval '4 months', 'charge'::@extschema@.txn_kind, r.net_ar,
           (r.month_start + interval '1 month' - interval '1 day')::date
      FROM running r
     CROSS JOIN bounds b
     WHERE r.net_ar IS NOT NULL AND r.month_start + interval '4 months' <= b.hi
), summ AS (
    SELECT f.month_end, f.payer_id,
           @extschema@.ar_days_agg(f.kind, f.amount, f.posted_date, f.month_end) AS s
      FROM (SELECT (f.month_start + interval '1 month' - interval '1 day')::date AS month_end,
                   f.payer_id, f.kind, f.amount, f.posted_date
              FROM fed f) f
     GROUP BY GROUPING SETS ((f.month_end, f.payer_id), (f.month_end))
)
SELECT s.month_end, s.payer_id,
       COALESCE(p.name, 'All payers') AS payer_name,
       COALESCE(p.payer_class::text, 'all') AS payer_class,
       @extschema@.net_ar(s.s) AS net_ar,
       @extschema@.lookback_charges(s.s) AS gross_charges_90d,
       @extschema@.days_in_ar(s.s) AS days_in_ar,
       @extschema@.net_patient_service_revenue(s.s) AS net_patient_service_revenue_3m,
       @extschema@.net_days_in_ar(s.s) AS net_days_in_ar
  FROM summ s
  LEFT JOIN @extschema@.payer p ON p.payer_id = s.payer_id;
COMMENT ON VIEW @extschema@.days_in_ar_trend IS
    'Days in A/R per month-end and responsible payer (payer_id NULL: all payers), both bases: gross (AAFP/MGMA, 90-day look-back) and net (HFMA MAP key, trailing 3 calendar months).';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.month_end IS 'Last day of the month (the as-of date).';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.payer_id IS 'Responsible payer; NULL on the all-payers row.';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.payer_name IS 'Payer name, or ''All payers''.';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.payer_class IS 'Payer class, or ''all''.';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.net_ar IS 'Net A/R at month-end (debit minus credit balances).';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.gross_charges_90d IS 'Gross charges posted in the 90 days ending at month-end.';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.days_in_ar IS 'net_ar / (gross_charges_90d / 90); NULL when there were no charges.';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.net_patient_service_revenue_3m IS 'Gross charges - contractual adjustments - other deductions in the 3 calendar months ending at month-end.';
COMMENT ON COLUMN @extschema@.days_in_ar_trend.net_days_in_ar IS 'net_ar / (net_patient_service_revenue_3m / days in those 3 months); NULL when that revenue is zero.';

CREATE VIEW @extschema@.credit_balances WITH (security_invoker = true) AS
SELECT b.account_id, a.account_number, b.payer_id, p.name AS payer_name,
       p.payer_class::text AS payer_class,
       -b.balance AS amount,
       b.service_date, b.last_activity_date,
       CURRENT_DATE - b.last_activity_date AS age_days,
       CURRENT_DATE - b.service_date AS age_from_service_days
  FROM @extschema@.ar_balances(CURRENT_DATE) b
  JOIN @extschema@.account a ON a.account_id = b.account_id
  JOIN @extschema@.payer p ON p.payer_id = b.payer_id
 WHERE b.balance < 0;
COMMENT ON VIEW @extschema@.credit_balances IS
    'Credit balances (money owed back to a patient or payer) per account and payer as of today, with their age from the last activity; input of the small-balance policy.';
COMMENT ON COLUMN @extschema@.credit_balances.account_id IS 'Account.';
COMMENT ON COLUMN @extschema@.credit_balances.account_number IS 'Patient account number.';
COMMENT ON COLUMN @extschema@.credit_balances.payer_id IS 'Responsible payer holding the credit.';
COMMENT ON COLUMN @extschema@.credit_balances.payer_name IS 'Payer name.';
COMMENT ON COLUMN @extschema@.credit_balances.payer_class IS 'Payer class.';
COMMENT ON COLUMN @extschema@.credit_balances.amount IS 'Credit owed back, as a positive amount.';
COMMENT ON COLUMN @extschema@.credit_balances.service_date IS 'First date of service of the account.';
COMMENT ON COLUMN @extschema@.credit_balances.last_activity_date IS 'Last posting of the account and payer (when the credit arose or last changed).';
COMMENT ON COLUMN @extschema@.credit_balances.age_days IS 'Days since the last activity.';
COMMENT ON COLUMN @extschema@.credit_balances.age_from_service_days IS 'Days since the date of service.';

-- ===================================================================
-- Net A/R with estimated contractual allowances, and HFMA net days in
-- A/R on it (README.md, "A/R aging", "Days in A/R").
-- The ledger records a contractual allowance only when the payer's
-- remittance posts it; HFMA's net A/R is net of the *estimated* allowance
-- on balances not yet adjudicated.  The estimate is a ratio per payer
-- learned from its recently adjudicated accounts.
-- Only adds objects: this part is also the 0.1.0 -> 0.2.0 upgrade.
-- ===================================================================

-- Cohort: accounts whose primary payer is the payer, whose first charge was
-- posted in the window (as_of - lookback_days, as_of] and that the payer has
-- adjudicated (a contractual_adjustment or payment row from it on the
-- account, posted on or before as_of).  Numerator and denominator come from
-- the same accounts: the charges of those accounts and the contractual
-- adjustments the payer posted on them, both in the window.  Accounts whose
-- first charge predates the window are left out whole, so an adjudication in
-- the window is never counted without its charges (or charges without their
-- adjudication); unadjudicated accounts are left out because their allowance
-- has not posted yet (they would pull the ratio toward 0); a secondary
-- payer's or the patient's adjustments on the account are not the primary
-- payer's allowance and are left out.
CREATE FUNCTION @extschema@.check_lookback_days(days integer) RETURNS integer
    AS 'MODULE_PATHNAME', 'rc_check_lookback_days' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.check_lookback_days(integer) IS
    'Returns a look-back period in days if it is usable (1 to 3660), else raises 22023 (also for NULL).  Used by the functions that take lookback_days.';

CREATE FUNCTION @extschema@.contractual_ratio(as_of date, lookback_days integer DEFAULT 365)
    RETURNS TABLE (payer_id bigint, charges numeric, contractual numeric, ratio numeric)
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT @extschema@.check_lookback_days(contractual_ratio.lookback_days);
    WITH acct AS (
        SELECT a.account_id, a.primary_payer_id AS pid,
               pg_catalog.min(l.posted_date) FILTER (WHERE l.kind = 'charge') AS first_charge,
               pg_catalog.bool_or(l.payer_id = a.primary_payer_id
                                  AND l.kind IN ('contractual_adjustment', 'payment')) AS adjudicated,
               pg_catalog.sum(l.amount) FILTER (
                   WHERE l.kind = 'charge'
                     AND l.posted_date > contractual_ratio.as_of - contractual_ratio.lookback_days) AS chg,
               pg_catalog.sum(l.amount) FILTER (
                   WHERE l.kind = 'contractual_adjustment' AND l.payer_id = a.primary_payer_id
                     AND l.posted_date > contractual_ratio.as_of - contractual_ratio.lookback_days) AS ctr
          FROM @extschema@.ledger l
          JOIN @extschema@.account a ON a.account_id = l.account_id
         WHERE l.posted_date <= contractual_ratio.as_of
         GROUP BY a.account_id, a.primary_payer_id
    ), cohort AS (
        SELECT c.pid,
               pg_catalog.sum(COALESCE(c.chg, 0)) AS chg,
               pg_catalog.sum(COALESCE(c.ctr, 0)) AS ctr
          FROM acct c
         WHERE c.adjudicated
           AND c.first_charge > contractual_ratio.as_of - contractual_ratio.lookback_days
         GROUP BY c.pid
    )
    SELECT p.payer_id,
           COALESCE(k.chg, 0),
           COALESCE(k.ctr, 0),
           CASE WHEN k.chg > 0 THEN k.ctr / k.chg END
      FROM @extschema@.payer p
      LEFT JOIN cohort k ON k.pid = p.payer_id
     ORDER BY p.payer_id;
END;
COMMENT ON FUNCTION @extschema@.contractual_ratio(date, integer) IS
    'Contractual allowance ratio per payer as of a date: contractual adjustments / gross charges of the accounts whose primary payer it is, whose first charge was posted in (as_of - lookback_days, as_of] and that it has adjudicated (a contractual_adjustment or payment row from it on or before as_of); both sums over those accounts'' rows in that window, the contractual rows being the payer''s own.  One row per payer; ratio NULL when those charges are not positive.';

CREATE FUNCTION @extschema@.net_ar_by_payer(as_of date, lookback_days integer DEFAULT 365)
    RETURNS TABLE (payer_id bigint, gross_ar numeric, unadjudicated_ar numeric,
                   estimated_allowance numeric, net_ar numeric)
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT @extschema@.check_lookback_days(net_ar_by_payer.lookback_days);
    WITH bal AS (
        SELECT l.account_id, l.payer_id AS pid,
               pg_catalog.sum(@extschema@.ar_sign(l.kind) * l.amount) AS balance,
               pg_catalog.bool_or(l.kind IN ('contractual_adjustment', 'payment')) AS adjudicated
          FROM @extschema@.ledger l
         WHERE l.posted_date <= net_ar_by_payer.as_of
         GROUP BY l.account_id, l.payer_id
    ), per_payer AS (
        SELECT b.pid,
               pg_catalog.sum(b.balance) AS gross,
               COALESCE(pg_catalog.sum(b.balance) FILTER (WHERE NOT b.adjudicated), 0) AS unadj
          FROM bal b
         GROUP BY b.pid
    )
    SELECT pp.pid, pp.gross, pp.unadj, e.allowance, pp.gross - e.allowance
      FROM per_payer pp
      JOIN @extschema@.payer p ON p.payer_id = pp.pid
      LEFT JOIN @extschema@.contractual_ratio(net_ar_by_payer.as_of, net_ar_by_payer.lookback_days) r ON r.payer_id = pp.pid
      CROSS JOIN LATERAL (
          SELECT CASE WHEN p.payer_class = 'self_pay' OR r.ratio IS NULL THEN 0::numeric
                      ELSE pg_catalog.round(pp.unadj * r.ratio, 2) END AS allowance) e
     ORDER BY pp.pid;
END;
COMMENT ON FUNCTION @extschema@.net_ar_by_payer(date, integer) IS
    'Net patient A/R (HFMA) per responsible payer as of a date: gross_ar = sum of ar_sign(kind) x amount of its ledger rows posted on or before as_of (credit balances included, as ar_balances nets them); unadjudicated_ar = the part of it on accounts with no contractual_adjustment or payment row from that payer on or before as_of; estimated_allowance = round(unadjudicated_ar x contractual_ratio(as_of, lookback_days).ratio, 2), 0 when the ratio is NULL or the payer is of class self_pay; net_ar = gross_ar - estimated_allowance.  One row per payer with ledger rows on or before as_of.';

CREATE FUNCTION @extschema@.net_days_in_ar_estimated(as_of date, lookback_days integer DEFAULT 365)
    RETURNS numeric
    LANGUAGE sql STABLE PARALLEL SAFE
BEGIN ATOMIC
    SELECT @extschema@.check_lookback_days(net_days_in_ar_estimated.lookback_days);
    SELECT CASE WHEN @extschema@.net_patient_service_revenue(s.d) > 0 THEN
               (SELECT pg_catalog.sum(n.net_ar)
                  FROM @extschema@.net_ar_by_payer(net_days_in_ar_estimated.as_of,
                                                   net_days_in_ar_estimated.lookback_days) n)
               * (net_days_in_ar_estimated.as_of - @extschema@.net_window_start(s.d) + 1)
               / @extschema@.net_patient_service_revenue(s.d) END
      FROM (SELECT @extschema@.ar_days_agg(l.kind, l.amount, l.posted_date, net_days_in_ar_estimated.as_of) AS d
              FROM @extschema@.ledger l
             WHERE l.posted_date <= net_days_in_ar_estimated.as_of) s;
END;
COMMENT ON FUNCTION @extschema@.net_days_in_ar_estimated(date, integer) IS
    'Net days in A/R (HFMA MAP key) on estimated net A/R: sum of net_ar_by_payer(as_of, lookback_days).net_ar x days in the trailing 3 calendar months / net patient service revenue of those months, with the window and revenue of net_days_in_ar (ar_days_agg accessors net_window_start and net_patient_service_revenue); NULL when that revenue is not positive or no ledger row is posted on or before as_of.';

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
