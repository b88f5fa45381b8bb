#!/usr/bin/env bash
# The demo: build, install, start a throwaway PostgreSQL, load the sample
# hospital (one year, a mid-size hospital), print the KPI dashboard.
#   scripts/demo.sh [ACCOUNTS]      (default 3000 accounts)
source "$(dirname "$0")/lib.sh"
rc_install_deps
rc_build_install
rc_start_cluster
createdb revcycle_demo
export PGDATABASE=revcycle_demo
psql -qX -v ON_ERROR_STOP=1 -c 'CREATE EXTENSION revcycle'
rc_log "load the sample hospital"
psql -qX -v ON_ERROR_STOP=1 -v accounts="${1:-3000}" -f "$RC_ROOT/sample/generate.sql"
psql -X -v ON_ERROR_STOP=1 -f "$RC_ROOT/sample/dashboard.sql"
