
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
