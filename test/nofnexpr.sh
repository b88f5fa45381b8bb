#!/usr/bin/env bash
# The ledger aggregates' transition functions called the way Citus'
# worker_partial_agg calls them: through a fresh FmgrInfo on every row, so
# with no call expression (no fn_expr) and with fn_extra reset per row
# (test/c/rc_nofnexpr.c, installed by scripts/test.sh, not by revcycle).
# Each result must equal the aggregate's own.  Needs PGHOST/PGPORT/PGUSER of
# a running cluster where revcycle and rc_nofnexpr are installed.  Prints
# "ok N - ..." / "not ok N - ..." lines and a final "N passed, N failed".
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
n=0; pass=0; fail=0
check() {   # check "description" command...
    n=$((n + 1))
    local desc=$1; shift
    if "$@"; then pass=$((pass + 1)); echo "ok $n - $desc"
    else fail=$((fail + 1)); echo "not ok $n - $desc"; fi
}
q() { psql -qAtX -v ON_ERROR_STOP=1 "$@"; }
# same "description" DB QUERY-A QUERY-B: both succeed with the same output
same() {
    local desc=$1 db=$2 a='' b=''
    if a=$(q -d "$db" -c "$3" 2>&1) && b=$(q -d "$db" -c "$4" 2>&1) && [ "$a" = "$b" ] && [ -n "$a" ]; then
        check "$desc" true
    else
        check "$desc" false
        printf '#   %s\n' "without fn_expr: $a" "aggregate:       $b" | head -n 20
    fi
}

db=rc_nofnexpr; db2=rc_nofnexpr_enum
dropdb --if-exists $db >/dev/null 2>&1; dropdb --if-exists $db2 >/dev/null 2>&1
createdb $db && createdb $db2
helper='
CREATE SCHEMA rc_test;
CREATE FUNCTION rc_test.partial_agg_sfunc(internal, regprocedure, boolean, VARIADIC "any")
    RETURNS internal AS '"'"'$libdir/rc_nofnexpr'"'"', '"'"'rc_test_partial_agg_sfunc'"'"' LANGUAGE C;
CREATE FUNCTION rc_test.partial_agg_ffunc(internal)
    RETURNS text AS '"'"'$libdir/rc_nofnexpr'"'"', '"'"'rc_test_partial_agg_ffunc'"'"' LANGUAGE C;
CREATE AGGREGATE rc_test.partial_agg(regprocedure, boolean, VARIADIC "any") (
    SFUNC = rc_test.partial_agg_sfunc, STYPE = internal, FINALFUNC = rc_test.partial_agg_ffunc);
-- the collections transition function declared with a polymorphic kind:
-- without an expression, the kind type is found as revcycle.txn_kind
CREATE FUNCTION rc_test.collections_trans_anyenum(revcycle.collections, anyenum, numeric)
    RETURNS revcycle.collections AS '"'"'$libdir/revcycle'"'"', '"'"'rc_collections_ledger_trans'"'"' LANGUAGE C;
'
check "helper aggregate and revcycle install" q -d $db -c 'CREATE EXTENSION revcycle' -c "$helper"
check "sample data loads" q -d $db -v accounts=150 -v quiet=1 -f "$root/sample/generate.sql"
# Rows the sample does not have: NULL kinds and amounts, amounts of other
# scales, corrections, transfers, rows after the as-of date.
check "edge rows" q -d $db -c "
CREATE TABLE rc_test.rows AS
SELECT g % 7 AS grp,
       CASE WHEN g % 23 = 0 THEN NULL
            ELSE (enum_range(NULL::revcycle.txn_kind))[1 + g % 10] END AS kind,
       CASE WHEN g % 19 = 0 THEN NULL
            WHEN g % 5 = 0 THEN round((g * 7.31) % 1000, 4)
            WHEN g % 11 = 0 THEN -round((g * 3.7) % 500, 2)
            ELSE round((g * 13.37) % 2000, 2) END AS amount,
       date '2025-12-31' - (g * 37) % 400 + 10 AS posted_date
  FROM generate_series(1, 3000) AS g"

coll='revcycle.collections_ledger_trans(revcycle.collections,revcycle.txn_kind,numeric)'
days4='revcycle.ar_days_trans(revcycle.ar_days,revcycle.txn_kind,numeric,date,date)'
days5='revcycle.ar_days_trans(revcycle.ar_days,revcycle.txn_kind,numeric,date,date,integer)'

for ctx in true false; do
    if [ $ctx = true ]; then how="in the aggregate context"; else how="outside an aggregate"; fi
    same "collections_agg(kind, amount) over the ledger, $how" $db \
        "SELECT rc_test.partial_agg('$coll', $ctx, kind, amount) FROM revcycle.ledger" \
        "SELECT revcycle.collections_agg(kind, amount)::text FROM revcycle.ledger"
    same "collections_agg(kind, amount) per payer, $how" $db \
        "SELECT payer_id, rc_test.partial_agg('$coll', $ctx, kind, amount) FROM revcycle.ledger GROUP BY 1 ORDER BY 1" \
        "SELECT payer_id, revcycle.collections_agg(kind, amount)::text FROM revcycle.ledger GROUP BY 1 ORDER BY 1"
    same "collections_agg(kind, amount) over NULLs, scales and transfers, $how" $db \
        "SELECT grp, rc_test.partial_agg('$coll', $ctx, kind, amount) FROM rc_test.rows GROUP BY 1 ORDER BY 1" \
        "SELECT grp, revcycle.collections_agg(kind, amount)::text FROM rc_test.rows GROUP BY 1 ORDER BY 1"
    same "ar_days_agg / days_in_ar / net_days_in_ar over the ledger, $how" $db \
        "SELECT s, revcycle.days_in_ar(s::revcycle.ar_days), revcycle.net_days_in_ar(s::revcycle.ar_days)
           FROM (SELECT rc_test.partial_agg('$days4', $ctx, kind, amount, posted_date, date '2025-12-31') AS s
                   FROM revcycle.ledger) t" \
        "SELECT revcycle.ar_days_agg(kind, amount, posted_date, '2025-12-31')::text,
                revcycle.days_in_ar(kind, amount, posted_date, '2025-12-31'),
                revcycle.net_days_in_ar(kind, amount, posted_date, '2025-12-31')
           FROM revcycle.ledger"
    same "days_in_ar with a look-back per payer, $how" $db \
        "SELECT payer_id, revcycle.days_in_ar(rc_test.partial_agg('$days5', $ctx, kind, amount, posted_date,
                                                                  date '2025-12-31', 180)::revcycle.ar_days)
           FROM revcycle.ledger GROUP BY 1 ORDER BY 1" \
        "SELECT payer_id, revcycle.days_in_ar(kind, amount, posted_date, '2025-12-31', 180)
           FROM revcycle.ledger GROUP BY 1 ORDER BY 1"
    same "ar_days_agg over NULLs, scales and later rows, $how" $db \
        "SELECT grp, rc_test.partial_agg('$days4', $ctx, kind, amount, posted_date, date '2025-12-31')
           FROM rc_test.rows GROUP BY 1 ORDER BY 1" \
        "SELECT grp, revcycle.ar_days_agg(kind, amount, posted_date, '2025-12-31')::text
           FROM rc_test.rows GROUP BY 1 ORDER BY 1"
done
same "a polymorphic kind argument finds revcycle.txn_kind by name" $db \
    "SELECT rc_test.partial_agg('rc_test.collections_trans_anyenum(revcycle.collections,anyenum,numeric)',
                                true, kind, amount) FROM revcycle.ledger" \
    "SELECT revcycle.collections_agg(kind, amount)::text FROM revcycle.ledger"

# The per-backend kind map follows changes to the enum: in one session, a
# label added after the map was built is seen (and refused) at the next use.
check "install in a second database" q -d $db2 -c 'CREATE EXTENSION revcycle' -c "$helper"
out=$(psql -qAtX -d $db2 \
    -c "SELECT rc_test.partial_agg('$coll', true, 'payment'::revcycle.txn_kind, 1.00::numeric)" \
    -c "SELECT revcycle.collections_agg('payment', 1.00)" \
    -c "ALTER TYPE revcycle.txn_kind ADD VALUE 'rc_test_kind'" \
    -c "SELECT rc_test.partial_agg('$coll', true, 'payment'::revcycle.txn_kind, 1.00::numeric)" \
    -c "SELECT revcycle.collections_agg('payment', 1.00)" 2>&1)
check "an added enum label reaches the cached map (both paths)" \
    test "$(grep -c 'transaction kind "rc_test_kind" is not known to revcycle' <<<"$out")" = 2
[ "$(grep -c 'not known' <<<"$out")" = 2 ] || printf '#   %s\n' "$out" | head -n 20

dropdb --if-exists $db >/dev/null 2>&1; dropdb --if-exists $db2 >/dev/null 2>&1
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
