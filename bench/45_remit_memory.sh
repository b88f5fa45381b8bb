#!/usr/bin/env bash
# X12 835 parsing, memory (issue 5): the private memory a backend holds
# while revcycle.parse_835 reads the ~100 MB file that bench/40_remit.sql
# left in bench.remit_doc, against the file's size (goal: < 3x).
#
# What is measured: the backend's RssAnon (its private, anonymous memory:
# palloc'd data, the detoasted input, the function's result rows) sampled
# from outside every few milliseconds while the query runs; the peak minus
# the value just before the query.  Not VmHWM: that also counts the pages
# of shared_buffers the backend touches (2 GB here), which belong to the
# server, not to the query.  Temporary files of a spilled tuplestore live
# in the page cache, not in the backend.
#
# parse_835 returns its rows through a tuplestore, as every set-returning
# function in FROM does; the tuplestore keeps up to work_mem in memory and
# spills the rest, so the peak is measured at the default work_mem (4MB)
# and at the 256MB the timing runs use.  regexp_split_to_table over the
# same text is shown for comparison.
# Run by bench/run.sh (PG* variables set, PGDATABASE the bench database).
set -euo pipefail

doc_sql="(SELECT doc FROM bench.remit_doc WHERE name = '100MB')"
size=$(psql -XAtq -c "SELECT octet_length(doc) FROM bench.remit_doc WHERE name = '100MB'")

rss_anon_kb() {
    awk '/^RssAnon:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0
}

# peak_growth WORK_MEM QUERY: prints "peak growth in kB"
peak_growth() {
    local work_mem=$1 query=$2 pid before peak now line
    coproc PSQL { psql -XAtq 2>&1; }
    echo "SET work_mem = '$work_mem'; SELECT pg_backend_pid();" >&"${PSQL[1]}"
    read -r pid <&"${PSQL[0]}"
    sleep 0.2
    before=$(rss_anon_kb "$pid")
    peak=$before
    echo "$query; SELECT 'done';" >&"${PSQL[1]}"
    # sample until the query's answer arrives
    while ! read -r -t 0.002 line <&"${PSQL[0]}"; do
        now=$(rss_anon_kb "$pid")
        [ "${now:-0}" -gt "$peak" ] && peak=$now
    done
    while [ "$line" != done ]; do read -r line <&"${PSQL[0]}"; done
    echo '\q' >&"${PSQL[1]}"
    wait "$PSQL_PID" 2>/dev/null || true
    echo $((peak - before))
}

printf '%-26s %-9s %12s %16s\n' function work_mem peak_growth_mb growth_vs_file
for wm in 4MB 256MB; do
    for f in parse_835 regexp_split_to_table; do
        if [ "$f" = parse_835 ]; then
            q="SELECT count(*) FROM revcycle.parse_835($doc_sql)"
        else
            q="SELECT count(*) FROM regexp_split_to_table($doc_sql, '~')"
        fi
        kb=$(peak_growth "$wm" "$q")
        awk -v f="$f" -v wm="$wm" -v kb="$kb" -v size="$size" \
            'BEGIN { printf "%-26s %-9s %12.1f %16.2f\n", f, wm, kb / 1024, kb * 1024 / size }'
    done
done
[ -n "${RC_BENCH_KEEP:-}" ] || psql -XAtq -c "DROP TABLE bench.remit_doc" -c "DROP FUNCTION bench.remit_835(integer, text)"
