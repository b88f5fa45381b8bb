#!/usr/bin/env bash
# pg_dump / pg_restore round trip of a database using revcycle: every
# user-data table keeps its rows, every sequence its position, and the
# restored database works.  Needs PGHOST/PGPORT/PGUSER of a running cluster
# where revcycle is installed.  Prints "ok N - ..." / "not ok N - ..." lines
# and a final "N passed, N failed".
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

src=rc_dump_src; dst=rc_dump_dst; dump=$(mktemp /tmp/rc_dump.XXXXXX)
dropdb --if-exists $src >/dev/null 2>&1; dropdb --if-exists $dst >/dev/null 2>&1
createdb $src && createdb $dst
q -d $src -c 'CREATE EXTENSION revcycle'
check "sample data loads" q -d $src -v accounts=150 -v quiet=1 -f "$root/sample/generate.sql"
# A user edit to every table the extension ships rows for is covered by
# hooks: test/dump_restore.d/*.sql run here, before the dump.
for f in "$root"/test/dump_restore.d/*.sql; do
    [ -e "$f" ] && check "setup $(basename "$f")" q -d $src -f "$f"
done

check "pg_dump -Fc" pg_dump -Fc -f "$dump" $src
check "pg_restore into an empty database" pg_restore -d $dst --exit-on-error "$dump"

# Every table and sequence the extension registered for dumping.
fingerprint() {
    q -d "$1" <<'SQL'
SELECT c.oid::regclass::text || ' ' ||
       CASE c.relkind WHEN 'S' THEN (SELECT last_value::text FROM pg_sequences s
                                      WHERE s.schemaname = n.nspname AND s.sequencename = c.relname)
       ELSE '' END
FROM pg_extension x, unnest(x.extconfig) AS cfg(oid)
JOIN pg_class c ON c.oid = cfg.oid JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE x.extname = 'revcycle' ORDER BY 1;
SQL
}
rows() {  # md5 of a table's rows, in a stable order
    q -d "$1" -c "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM $2 t"
}
check "same registered tables and sequence positions" \
    diff <(fingerprint $src) <(fingerprint $dst)
for t in $(q -d $src -c "SELECT c.oid::regclass FROM pg_extension x, unnest(x.extconfig) cfg(oid) JOIN pg_class c ON c.oid = cfg.oid WHERE x.extname = 'revcycle' AND c.relkind = 'r' ORDER BY 1"); do
    check "rows of $t survive" test "$(rows $src "$t")" = "$(rows $dst "$t")"
done
check "restored KPIs equal the source's" diff \
    <(q -d $src -c "SELECT revcycle.collections_agg(kind, amount) FROM revcycle.ledger") \
    <(q -d $dst -c "SELECT revcycle.collections_agg(kind, amount) FROM revcycle.ledger")
check "the site's reason-code edits win after restore" test \
    "$(q -d $dst -c "SELECT category FROM revcycle.carc_category WHERE group_code = 'CO' AND carc = '16'")" = coding
check "a hidden default stays hidden after restore" test \
    "$(q -d $dst -c "SELECT count(*) FROM revcycle.carc_category WHERE carc = '45'")" = 0
check "restored sequences continue past existing rows" \
    q -d $dst -c "INSERT INTO revcycle.payer (name, payer_class) VALUES ('After Restore Health', 'commercial')"

check "an analyst given grant_access reads a view after restore" test \
    "$(q -d $dst -c "SELECT has_table_privilege('rc_dump_analyst', 'revcycle.aged_trial_balance', 'SELECT')")" = t

# pg_restore --clean drops the extension first: refused while the database
# holds data (the drop guard), done when the DBA says so.
check "pg_restore --clean over a database with data is refused by the drop guard" \
    sh -c "! pg_restore --clean --if-exists --exit-on-error -d $dst '$dump' 2>'$dump.err' && grep -q 'cannot drop extension revcycle while it holds data' '$dump.err'"
check "pg_restore --clean with revcycle.allow_drop_with_data=on" \
    env PGOPTIONS='-c revcycle.allow_drop_with_data=on' pg_restore --clean --if-exists --exit-on-error -d $dst "$dump"
check "... and the rows are back" test "$(rows $src revcycle.ledger)" = "$(rows $dst revcycle.ledger)"
rm -f "$dump.err"

# Grants made while an upgrade script runs become the objects' initial
# privileges, which pg_dump does not dump: the restored access_grant rows
# must grant them again (trigger access_grant_apply).
rm -f "$dump"; dropdb $src; dropdb $dst
createdb $src && createdb $dst
q -d $src -c "CREATE EXTENSION revcycle VERSION '0.2.0'" \
  -c "GRANT USAGE ON SCHEMA revcycle TO rc_dump_analyst" \
  -c "GRANT SELECT ON ALL TABLES IN SCHEMA revcycle TO rc_dump_analyst" \
  -c "ALTER EXTENSION revcycle UPDATE"
check "pg_dump -Fc of an upgraded database" pg_dump -Fc -f "$dump" $src
check "pg_restore of an upgraded database" pg_restore -d $dst --exit-on-error "$dump"
check "an analyst granted before the upgrade reads 0.3.0's access_grant after restore" test \
    "$(q -d $dst -c "SELECT has_table_privilege('rc_dump_analyst', 'revcycle.access_grant', 'SELECT')")" = t
check "... and 0.2.0's month_end_balances" test \
    "$(q -d $dst -c "SELECT has_table_privilege('rc_dump_analyst', 'revcycle.month_end_balances', 'SELECT')")" = t

rm -f "$dump"; dropdb $src; dropdb $dst
q -d postgres -c "DROP ROLE IF EXISTS rc_dump_analyst"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
