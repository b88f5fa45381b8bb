# Shared by scripts/demo.sh, scripts/test.sh and bench/run.sh: install what
# is missing (Debian bookworm, as root), build and install the extension,
# and run a throwaway PostgreSQL cluster that is removed on exit.
set -euo pipefail

RC_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RC_PGVER=${RC_PGVER:-15}
# The PostgreSQL JDBC driver (Debian's libpostgresql-jdbc-java).
RC_JDBC_JAR=${RC_JDBC_JAR:-/usr/share/java/postgresql.jar}

rc_log() { printf '==> %s\n' "$*" >&2; }

# The packages this script set needs, by what is really missing: the server
# binary, the server headers (postgres.h itself: pgxs.mk alone comes with the
# client package on Debian), pgTAP and pg_prove, xxd; with RC_WITH_JDBC=1 the
# PostgreSQL JDBC driver and a Java runtime (11 or later: it runs a single
# source file); with RC_WITH_FUZZ=1 also clang and the clang runtime that the
# installed clang needs; with RC_WITH_DEB=1 what test/deb.sh needs to build
# the Debian package.
rc_missing_packages() {
    local need=()
    command -v make >/dev/null 2>&1 && command -v gcc >/dev/null 2>&1 || need+=(make gcc libc6-dev)
    [ -x "/usr/lib/postgresql/$RC_PGVER/bin/postgres" ] || need+=("postgresql-$RC_PGVER")
    [ -f "/usr/include/postgresql/$RC_PGVER/server/postgres.h" ] &&
        [ -f "/usr/lib/postgresql/$RC_PGVER/lib/pgxs/src/makefiles/pgxs.mk" ] ||
        need+=("postgresql-server-dev-$RC_PGVER")
    [ -f "/usr/share/postgresql/$RC_PGVER/extension/pgtap.control" ] || need+=("postgresql-$RC_PGVER-pgtap")
    command -v pg_prove >/dev/null 2>&1 || need+=(libtap-parser-sourcehandler-pgtap-perl)
    # the tests write crafted binary COPY files with xxd
    command -v xxd >/dev/null 2>&1 || need+=(xxd)
    if [ "${RC_WITH_JDBC:-0}" = 1 ]; then
        [ -f "$RC_JDBC_JAR" ] || need+=(libpostgresql-jdbc-java)
        command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
    fi
    # test/deb.sh (RC_WITH_DEB=1): the package's build dependencies, the
    # Debian build tools, and what the PGXN archive check uses
    if [ "${RC_WITH_DEB:-0}" = 1 ]; then
        command -v dpkg-buildpackage >/dev/null 2>&1 || need+=(dpkg-dev)
        command -v dh >/dev/null 2>&1 || need+=(debhelper)
        command -v fakeroot >/dev/null 2>&1 || need+=(fakeroot)
        local p
        for p in build-essential postgresql-all; do
            [ "$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)" = "install ok installed" ] || need+=("$p")
        done
        command -v pgxn >/dev/null 2>&1 || need+=(pgxnclient)
        command -v git >/dev/null 2>&1 || need+=(git)
        command -v unzip >/dev/null 2>&1 || need+=(unzip)
    fi
    if [ "${RC_WITH_FUZZ:-0}" = 1 ]; then
        if ! command -v clang >/dev/null 2>&1; then
            need+=(clang)
        else
            local cv
            cv=$(clang -dumpversion 2>/dev/null | cut -d. -f1)
            [ -f "$(clang -print-resource-dir 2>/dev/null)/lib/linux/libclang_rt.fuzzer-x86_64.a" ] ||
                [ -f "$(clang -print-resource-dir 2>/dev/null)/lib/x86_64-pc-linux-gnu/libclang_rt.fuzzer.a" ] ||
                need+=("libclang-rt-$cv-dev")
        fi
    fi
    echo "${need[*]}"
}

rc_apt_install() {
    if [ "$(id -u)" -ne 0 ]; then
        echo "missing packages: $* (run as root, or install them first)" >&2
        exit 1
    fi
    rc_log "apt-get install $*"
    export DEBIAN_FRONTEND=noninteractive
    if [ -z "${RC_APT_UPDATED:-}" ]; then
        apt-get update -qq
        RC_APT_UPDATED=1
    fi
    apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

rc_install_deps() {
    local need
    need=$(rc_missing_packages)
    [ -z "$need" ] && return 0
    # shellcheck disable=SC2086
    rc_apt_install $need
    # clang's runtime can only be named once clang is there.
    need=$(rc_missing_packages)
    # shellcheck disable=SC2086
    [ -z "$need" ] || rc_apt_install $need
}

rc_build_install() {
    export PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/$RC_PGVER/bin/pg_config}
    rc_log "build and install revcycle"
    make -C "$RC_ROOT" -s PG_CONFIG="$PG_CONFIG" >/dev/null
    if [ -w "$($PG_CONFIG --sharedir)/extension" ]; then
        make -C "$RC_ROOT" -s PG_CONFIG="$PG_CONFIG" install >/dev/null
    else
        sudo make -C "$RC_ROOT" -s PG_CONFIG="$PG_CONFIG" install >/dev/null
    fi
}

# Run a command as the cluster owner (postgres when we are root).
rc_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

rc_stop_cluster() {
    if [ -n "${RC_PGDATA:-}" ] && [ -f "$RC_PGDATA/postmaster.pid" ]; then
        rc_as_owner "$RC_PGBIN/pg_ctl" -D "$RC_PGDATA" -m immediate stop >/dev/null 2>&1 || true
    fi
    [ -n "${RC_TMP:-}" ] && rm -rf "$RC_TMP"
}

# Is a TCP port of 127.0.0.1 free (nothing accepts a connection on it)?
rc_port_free() {
    ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Start a throwaway cluster; exports PGHOST/PGPORT/PGUSER for psql & co.
# It listens on its socket directory and on 127.0.0.1 (for the JDBC driver,
# which has no Unix-socket support of its own), on a port nothing else uses.
rc_start_cluster() {
    RC_PGBIN=$(${PG_CONFIG:-/usr/lib/postgresql/$RC_PGVER/bin/pg_config} --bindir)
    RC_TMP=$(mktemp -d /tmp/revcycle-pg.XXXXXX)
    chmod 755 "$RC_TMP"
    [ "$(id -u)" -eq 0 ] && chown postgres: "$RC_TMP"
    RC_PGDATA=$RC_TMP/data
    trap rc_stop_cluster EXIT
    rc_log "start a throwaway PostgreSQL cluster in $RC_TMP"
    rc_as_owner "$RC_PGBIN/initdb" -D "$RC_PGDATA" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    local port=$(( 20000 + $$ % 20000 )) tries=0
    while ! rc_port_free "$port" && [ "$tries" -lt 50 ]; do
        port=$(( 20000 + (port - 20000 + 1) % 20000 ))
        tries=$((tries + 1))
    done
    rc_as_owner "$RC_PGBIN/pg_ctl" -D "$RC_PGDATA" -w -l "$RC_TMP/server.log" \
        -o "-p $port -k $RC_TMP -c listen_addresses=127.0.0.1 ${RC_PG_OPTS:-}" start >/dev/null
    export PGHOST=$RC_TMP PGPORT=$port PGUSER=postgres
    export PATH="$RC_PGBIN:$PATH"
}
