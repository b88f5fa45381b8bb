
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
