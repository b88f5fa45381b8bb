#!/usr/bin/env bash
# Every test: pg_regress (test/sql -> expected/), pgTAP (test/pgtap), a
# pg_dump round trip, the views' metadata over JDBC (test/jdbc), the 835
# parser's C unit tests and a bounded fuzz run, the transition functions
# called as Citus calls them (test/nofnexpr.sh), the Debian package and the
# PGXN archive (test/deb.sh), in a throwaway cluster.
# Ends with one line "N passed, N failed"; exits non-zero on any failure.
#   FUZZ_SECONDS=60 (0 skips the fuzz run)
#   RC_SQL_ONLY=1 skips the PostgreSQL-independent C tests (the matrix runs)
#   RC_PGVER=17 picks another installed major (default 15)
#   RC_DEB=0 skips the Debian package / PGXN archive test
source "$(dirname "$0")/lib.sh"
[ "${RC_SQL_ONLY:-0}" = 1 ] || export RC_WITH_FUZZ=1
export RC_WITH_JDBC=1
rc_install_deps
rc_build_install
# Small parallel settings so tests can force parallel plans.
RC_PG_OPTS="-c max_worker_processes=8 -c max_parallel_workers=4 -c max_parallel_workers_per_gather=2" \
    rc_start_cluster

passed=0
failed=0
count() { passed=$((passed + $1)); failed=$((failed + $2)); }
# Counts a TAP-style log ("ok N - ..." / "not ok N - ..."); a command that
# failed (RC non-zero) without a "not ok" line counts as one failure.
count_tap() {   # count_tap LOG RC
    local p f
    p=$(grep -c '^ok ' "$1" || true)
    f=$(grep -c '^not ok ' "$1" || true)
    [ "$2" -ne 0 ] && [ "$f" -eq 0 ] && f=1
    count "$p" "$f"
}

# 1. pg_regress: one result per test file.
rc_log "pg_regress"
set +e
# RC_REGRESS="a b" runs only those pg_regress tests (while developing).
make -C "$RC_ROOT" -s installcheck PG_CONFIG="$PG_CONFIG" ${RC_REGRESS:+REGRESS="$RC_REGRESS"} > "$RC_TMP/regress.log" 2>&1
rc=$?
set -e
cat "$RC_TMP/regress.log"
# PostgreSQL 15 prints "test name ... ok", 16 and later TAP-style
# "ok 1 - name" / "not ok 1 - name".
ok=$(grep -cE '\.\.\. ok|^ok [0-9]+ ' "$RC_TMP/regress.log" || true)
bad=$(grep -cE '\.\.\. FAILED|\.\.\. failed|^not ok [0-9]+ ' "$RC_TMP/regress.log" || true)
[ "$rc" -ne 0 ] && [ "$bad" -eq 0 ] && bad=1
[ -f "$RC_ROOT/regression.diffs" ] && [ "$bad" -gt 0 ] && head -n 200 "$RC_ROOT/regression.diffs"
count "$ok" "$bad"

# 1b. No expected output may hold a psql error its test did not ask for (a
# failed \i / \ir / \copy, an unknown command): the test after it checks
# nothing.  A test that wants one writes "-- expected psql error" just
# before the command.  One result per expected file.
rc_log "psql errors in expected outputs"
p=0; f=0
for out in "$RC_ROOT"/expected/*.out; do
    hits=$(awk '/-- expected psql error/ { ok = NR }
        /No such file or directory|could not open file|Permission denied|^invalid command \\|^psql:[^ ]*:[0-9]+: (ERROR|FATAL|error)|^\\[a-z]+: / &&
        !(ok && NR - ok <= 2) { print FILENAME ":" NR ": " $0 }' "$out")
    if [ -z "$hits" ]; then p=$((p + 1)); else f=$((f + 1)); echo "$hits"; fi
done
echo "$p expected outputs clean, $f with a psql error no test asked for"
count "$p" "$f"

# 2. pgTAP: one result per assertion.
rc_log "pgTAP"
createdb revcycle_tap
psql -qX -d revcycle_tap -c 'CREATE EXTENSION pgtap' -c 'CREATE EXTENSION revcycle'
set +e
pg_prove -d revcycle_tap --ext .sql "$RC_ROOT"/test/pgtap/*.sql > "$RC_TMP/tap.log" 2>&1
rc=$?
set -e
cat "$RC_TMP/tap.log"
total=$(sed -n 's/.*Tests=\([0-9]*\).*/\1/p' "$RC_TMP/tap.log" | tail -n 1 || true)
bad=$( (grep -oE 'Failed [0-9]+/[0-9]+ subtests' "$RC_TMP/tap.log" || true) | awk '{split($2,a,"/"); s+=a[1]} END {print s+0}')
[ "$rc" -ne 0 ] && [ "$bad" -eq 0 ] && bad=1
count "$(( ${total:-0} - bad ))" "$bad"

# 3. pg_dump / pg_restore round trip.
rc_log "pg_dump / pg_restore"
rc=0
"$RC_ROOT/test/dump_restore.sh" > "$RC_TMP/dump.log" 2>&1 || rc=$?
cat "$RC_TMP/dump.log"
count_tap "$RC_TMP/dump.log" "$rc"

# 4. BI tools over JDBC: the views' metadata as the PostgreSQL JDBC driver
#    reads it (test/jdbc/ViewMetadata.java, one result per view column), on
#    a fresh install and on an install updated from 0.1.0.
rc_log "JDBC view metadata"
createdb revcycle_jdbc
psql -qX -d revcycle_jdbc -c 'CREATE EXTENSION revcycle'
createdb revcycle_jdbc_updated
psql -qX -d revcycle_jdbc_updated -c "CREATE EXTENSION revcycle VERSION '0.1.0'" \
    -c 'ALTER EXTENSION revcycle UPDATE'
: > "$RC_TMP/jdbc.log"
rc=0
for db in revcycle_jdbc revcycle_jdbc_updated; do
    echo "# database $db" >> "$RC_TMP/jdbc.log"
    java -cp "$RC_JDBC_JAR" "$RC_ROOT/test/jdbc/ViewMetadata.java" \
        "jdbc:postgresql://127.0.0.1:$PGPORT/$db?user=$PGUSER" >> "$RC_TMP/jdbc.log" 2>&1 || rc=1
done
# The failures and the summaries (every column is listed in the log).
grep -vE '^ok ' "$RC_TMP/jdbc.log" || true
count_tap "$RC_TMP/jdbc.log" "$rc"

# 5. The 835 parser core: C unit tests and a bounded fuzz run.
if [ -f "$RC_ROOT/fuzz/Makefile" ] && [ "${RC_SQL_ONLY:-0}" != 1 ]; then
    rc_log "835 parser unit tests"
    set +e
    # (built afresh in this run's directory: never a binary of an older tree)
    make -C "$RC_ROOT/fuzz" -s test BUILD="$RC_TMP/835-build" > "$RC_TMP/c.log" 2>&1
    rc=$?
    set -e
    tail -n 40 "$RC_TMP/c.log"
    line=$( (grep -E '^[0-9]+ passed, [0-9]+ failed' "$RC_TMP/c.log" || true) | tail -n 1)
    p=$(echo "${line:-0 passed, 1 failed}" | awk '{print $1}')
    f=$(echo "${line:-0 passed, 1 failed}" | awk '{print $3}')
    [ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
    count "$p" "$f"
    if [ "${FUZZ_SECONDS:-60}" != 0 ]; then
        rc_log "835 parser fuzz run (${FUZZ_SECONDS:-60} s)"
        if make -C "$RC_ROOT/fuzz" -s fuzz FUZZ_SECONDS="${FUZZ_SECONDS:-60}" > "$RC_TMP/fuzz.log" 2>&1; then
            tail -n 5 "$RC_TMP/fuzz.log"; count 1 0
        else
            tail -n 60 "$RC_TMP/fuzz.log"; count 0 1
        fi
    fi
fi

# 6. The ledger aggregates' transition functions called as Citus'
#    worker_partial_agg calls them (no fn_expr, fn_extra reset every row),
#    through a test-only module installed here (test/c), never shipped.
rc_log "transition functions without fn_expr (worker_partial_agg)"
rc=0
if [ -w "$($PG_CONFIG --pkglibdir)" ]; then sudo=; else sudo=sudo; fi
{ $sudo make -C "$RC_ROOT/test/c" -s PG_CONFIG="$PG_CONFIG" install > "$RC_TMP/nofnexpr.log" 2>&1 &&
  "$RC_ROOT/test/nofnexpr.sh" >> "$RC_TMP/nofnexpr.log" 2>&1; } || rc=$?
cat "$RC_TMP/nofnexpr.log"
count_tap "$RC_TMP/nofnexpr.log" "$rc"

# 7. The Debian package (dpkg-buildpackage, installed into a scratch root)
#    and the PGXN archive (make dist, pgxn install into a scratch DESTDIR).
#    Needs root (apt-get, dpkg --root); RC_DEB=0 skips it.
if [ "${RC_DEB:-1}" != 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        rc_log "Debian package / PGXN: skipped (needs root; RC_DEB=0 silences this)"
    else
        rc_log "Debian package / PGXN archive"
        need=$(RC_WITH_DEB=1 rc_missing_packages)
        # shellcheck disable=SC2086
        [ -z "$need" ] || rc_apt_install $need
        rc=0
        "$RC_ROOT/test/deb.sh" > "$RC_TMP/deb.log" 2>&1 || rc=$?
        grep -v '^# gcc ' "$RC_TMP/deb.log"
        count_tap "$RC_TMP/deb.log" "$rc"
    fi
fi

echo
echo "revcycle: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
