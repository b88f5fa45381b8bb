
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
