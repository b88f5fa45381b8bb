#!/usr/bin/env bash
# Run the whole test suite against other PostgreSQL majors, each in a minimal
# Debian chroot made with debootstrap (run as root on Debian):
#   17 -> Debian trixie, 18 -> Debian sid.
#   scripts/test-matrix.sh [MAJOR ...]       (default: 17 18)
# The Debian mirror is read from this machine's own apt sources.  A chroot
# with the major's server, server headers and pgTAP installed is cached as a
# tarball under $RC_CHROOT_CACHE (default /tmp/revcycle-chroots) and reused
# for up to RC_CHROOT_MAX_AGE_DAYS days (default 7).
# Inside, scripts/test.sh runs with RC_SQL_ONLY=1 (the C parser tests and
# the fuzz run do not depend on the major) and builds the Debian package
# postgresql-MAJOR-revcycle without running the suite a second time.
# Prints each major's result line and ends with "N passed, N failed" over all
# of them; exits non-zero if any major failed.
set -euo pipefail

RC_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CACHE=${RC_CHROOT_CACHE:-/tmp/revcycle-chroots}
MAX_AGE=${RC_CHROOT_MAX_AGE_DAYS:-7}
majors=("$@")
[ ${#majors[@]} -gt 0 ] || majors=(17 18)

log() { printf '==> %s\n' "$*" >&2; }

suite_of() {
    case "$1" in
        15) echo bookworm ;;
        17) echo trixie ;;
        18) echo sid ;;
        *)  echo "test-matrix: no Debian suite known for PostgreSQL $1" >&2; return 1 ;;
    esac
}

# The first Debian archive URI of this machine's apt sources (deb822 or
# one-line format), never the security archive.
mirror() {
    local m
    m=$( (cat /etc/apt/sources.list.d/*.sources 2>/dev/null || true) |
         awk 'tolower($1) == "uris:" { for (i = 2; i <= NF; i++) print $i }' |
         grep -v -- '-security' | grep -E '/debian/?$' | head -n 1)
    if [ -z "$m" ]; then
        m=$( (cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null || true) |
             awk '$1 == "deb" { for (i = 2; i <= NF; i++) if ($i ~ /^(https?|file):/) { print $i; break } }' |
             grep -v -- '-security' | grep -E '/debian/?$' | head -n 1)
    fi
    [ -n "$m" ] || { echo "test-matrix: no Debian mirror in /etc/apt/sources*" >&2; return 1; }
    echo "$m"
}

need_host_tools() {
    [ "$(id -u)" -eq 0 ] || { echo "test-matrix: run as root (debootstrap, chroot)" >&2; exit 1; }
    if ! command -v debootstrap >/dev/null 2>&1; then
        log "apt-get install debootstrap"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
    fi
}

# Make (or reuse) the tarball of a chroot for one major.
chroot_tarball() {
    local major=$1 suite tar dir rc pkgs
    suite=$(suite_of "$major")
    pkgs="build-essential postgresql-$major postgresql-server-dev-$major
          postgresql-$major-pgtap libtap-parser-sourcehandler-pgtap-perl xxd
          default-jre-headless libpostgresql-jdbc-java ca-certificates
          dpkg-dev debhelper fakeroot postgresql-all pgxnclient git unzip"
    # The package list is part of the cache key: a new list makes a new chroot.
    tar="$CACHE/$suite-pg$major-$(echo $pkgs | md5sum | cut -c1-8).tar"
    if [ -f "$tar" ] && [ -z "$(find "$tar" -mtime +"$MAX_AGE" 2>/dev/null)" ]; then
        echo "$tar"; return 0
    fi
    mkdir -p "$CACHE"
    dir=$(mktemp -d "$CACHE/build-$suite.XXXXXX")
    chmod 755 "$dir"    # it becomes /: package scripts run as other users
    log "debootstrap $suite (PostgreSQL $major) into $dir"
    debootstrap --variant=minbase "$suite" "$dir" "$(mirror)" > "$dir.log" 2>&1 ||
        { tail -n 30 "$dir.log" >&2; rm -rf "$dir"; return 1; }
    # No cluster is created or started by the package scripts.
    mkdir -p "$dir/etc/postgresql-common"
    echo 'create_main_cluster = false' > "$dir/etc/postgresql-common/createcluster.conf"
    printf '#!/bin/sh\nexit 101\n' > "$dir/usr/sbin/policy-rc.d"
    chmod 755 "$dir/usr/sbin/policy-rc.d"
    cp /etc/resolv.conf "$dir/etc/resolv.conf" 2>/dev/null || true
    # A snapshot mirror serves Release files past their Valid-Until date;
    # apt inside the chroot (here and in scripts/lib.sh) must accept them.
    echo 'Acquire::Check-Valid-Until "false";' > "$dir/etc/apt/apt.conf.d/99revcycle-snapshot"
    log "install PostgreSQL $major in the $suite chroot"
    mount -t proc proc "$dir/proc"
    rc=0
    chroot "$dir" /usr/bin/env DEBIAN_FRONTEND=noninteractive sh -c "
        apt-get update -qq &&
        apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-confold \
            $(echo $pkgs) >/dev/null &&
        apt-get clean" >> "$dir.log" 2>&1 || rc=$?
    umount "$dir/proc" || umount -l "$dir/proc"
    if [ "$rc" -ne 0 ]; then
        tail -n 30 "$dir.log" >&2
        grep -q " $dir/" /proc/mounts || rm -rf "$dir"
        return 1
    fi
    tar -C "$dir" -cf "$tar.tmp" . && mv "$tar.tmp" "$tar"
    # older chroots of this major (another package list) are not used again
    find "$CACHE" -maxdepth 1 -name "$suite-pg$major*.tar" ! -name "$(basename "$tar")" -delete
    rm -rf "$dir" "$dir.log"
    echo "$tar"
}

# Run the suite for one major; prints its "N passed, N failed" line.
run_major() {
    local major=$1 tar root rc
    tar=$(chroot_tarball "$major")
    root=$(mktemp -d /tmp/revcycle-pg$major.XXXXXX)
    tar -C "$root" -xf "$tar"
    chmod 755 "$root"   # it becomes /: the postgres user must reach into it
    # The working tree as it is (tracked and untracked, not ignored files).
    mkdir -p "$root/src/revcycle"
    (cd "$RC_ROOT" && git ls-files -co --exclude-standard -z 2>/dev/null ||
                      find . -path ./.git -prune -o -type f -print0) |
        (cd "$RC_ROOT" && xargs -0 tar -cf - --no-recursion 2>/dev/null) |
        tar -C "$root/src/revcycle" -xf -
    # /proc and a private /dev/shm (PostgreSQL's dynamic shared memory); the
    # device nodes debootstrap made are enough otherwise.
    mkdir -p "$root/dev/shm"
    mount -t proc proc "$root/proc"
    mount -t tmpfs -o mode=1777 shm "$root/dev/shm"
    set +e
    chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
        LANG=C.UTF-8 RC_PGVER="$major" RC_SQL_ONLY=1 FUZZ_SECONDS=0 \
        RC_DEB_BUILD_OPTIONS=nocheck \
        bash -c 'cd /src/revcycle && ./scripts/test.sh' > "$root.log" 2>&1
    rc=$?
    set -e
    umount "$root/dev/shm" || umount -l "$root/dev/shm" || true
    umount "$root/proc" || umount -l "$root/proc" || true
    if [ "$rc" -ne 0 ]; then
        grep -E 'FAILED|failed|not ok|ERROR' "$root.log" | head -n 40 >&2 || true
        [ -f "$root/src/revcycle/regression.diffs" ] && head -n 200 "$root/src/revcycle/regression.diffs" >&2
    fi
    line=$(grep -E '^revcycle: [0-9]+ passed, [0-9]+ failed' "$root.log" | tail -n 1 || true)
    [ -n "$line" ] || { tail -n 40 "$root.log" >&2; line="revcycle: 0 passed, 1 failed"; }
    [ "$rc" -ne 0 ] && echo "$line" | grep -q ' 0 failed' && line="revcycle: 0 passed, 1 failed"
    echo "PostgreSQL $major: ${line#revcycle: }"
    cp "$root.log" "$CACHE/last-pg$major.log" 2>/dev/null || true
    # Never remove a tree that still has something mounted in it.
    if grep -q " $root/" /proc/mounts; then
        echo "test-matrix: $root still has mounts; left in place" >&2
    else
        rm -rf "$root"
    fi
    rm -f "$root.log"
}

need_host_tools
total_p=0; total_f=0
for major in "${majors[@]}"; do
    start=$(date +%s)
    out=$(run_major "$major") || out="PostgreSQL $major: 0 passed, 1 failed"
    echo "$out (in $(( $(date +%s) - start )) s)"
    p=$(echo "$out" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed.*/\1/p')
    f=$(echo "$out" | sed -n 's/.*: \([0-9]*\) passed, \([0-9]*\) failed.*/\2/p')
    total_p=$((total_p + ${p:-0})); total_f=$((total_f + ${f:-1}))
done
echo "matrix: $total_p passed, $total_f failed"
[ "$total_f" -eq 0 ]
