#!/usr/bin/env bash
# Every test: pg_regress (test/sql -> expected/), pgTAP (test/pgtap), the
# 835 parser's C unit tests and a bounded fuzz run, in a throwaway cluster.
# Ends with one line "N passed, N failed"; exits non-zero on any failure.
#   FUZZ_SECONDS=60 (0 skips the fuzz run)
#   RC_SQL_ONLY=1 skips the PostgreSQL-independent C tests (the matrix runs)
#   RC_PGVER=17 picks another installed major (default 15)
source "$(dirname "$0")/lib.sh"
[ "${RC_SQL_ONLY:-0}" = 1 ] || export RC_WITH_FUZZ=1
rc_install_deps
rc_build_install
# Small parallel settings so tests can force parallel plans.
RC_PG_OPTS="-c max_worker_processes=8 -c max_parallel_workers=4 -c max_parallel_workers_per_gather=2" \
    rc_start_cluster

passed=0
failed=0
count() { passed=$((passed + $1)); failed=$((failed + $2)); }

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
set +e
"$RC_ROOT/test/dump_restore.sh" > "$RC_TMP/dump.log" 2>&1
rc=$?
set -e
cat "$RC_TMP/dump.log"
p=$(grep -c '^ok ' "$RC_TMP/dump.log" || true)
f=$(grep -c '^not ok ' "$RC_TMP/dump.log" || true)
[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
count "$p" "$f"

# 4. The 835 parser core: C unit tests and a bounded fuzz run.
if [ -f "$RC_ROOT/fuzz/Makefile" ] && [ "${RC_SQL_ONLY:-0}" != 1 ]; then
    rc_log "835 parser unit tests"
    set +e
    make -C "$RC_ROOT/fuzz" -s test > "$RC_TMP/c.log" 2>&1
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

echo
echo "revcycle: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
