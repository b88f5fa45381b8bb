#!/usr/bin/env bash
# Benchmarks: bench/run.sh [MILLIONS_OF_ROWS]   (default 5)
# Builds, installs, starts a throwaway cluster, then runs bench/[0-9]*.sql
# (and bench/[0-9]*.sh, which need more than psql) in order; each prints
# its C function against the plain-SQL way and count(*).
source "$(dirname "$0")/../scripts/lib.sh"
rc_install_deps
rc_build_install
RC_PG_OPTS="-c shared_buffers=2GB -c work_mem=256MB -c max_worker_processes=8 -c max_parallel_workers=4 -c max_parallel_workers_per_gather=2" \
    rc_start_cluster
createdb revcycle_bench
export PGDATABASE=revcycle_bench
psql -qX -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION revcycle' -f "$RC_ROOT/bench/lib.sql"
for f in "$RC_ROOT"/bench/[0-9]*; do
    rc_log "$(basename "$f")"
    case "$f" in
        *.sql) psql -X -v ON_ERROR_STOP=1 -v millions="${1:-5}" -f "$f" ;;
        *.sh) bash "$f" ;;
    esac
done
