#!/usr/bin/env bash
# The Debian package and the PGXN release archive (run as root on Debian).
#   Debian: dpkg-buildpackage builds postgresql-<major>-revcycle from a copy
#   of the tree for every major of debian/pgversions that this system
#   supports (pg_buildext: an out-of-tree build per major, then the
#   regression tests against the installed files in a throwaway cluster);
#   each .deb is installed into a scratch root with dpkg --root, never into
#   this system, and its files are checked.
#   PGXN: make dist in a throwaway git repository of the same files; the zip
#   holds what PGXN needs and META.json agrees with it; "pgxn install" of the
#   zip builds it and installs it under DESTDIR (a scratch directory).
# Installs what it needs (scripts/lib.sh, RC_WITH_DEB=1).  Prints
# "ok N - ..." / "not ok N - ..." lines and a final "N passed, N failed".
#   RC_DEB_BUILD_OPTIONS=nocheck skips the regression tests of the build.
#   RC_DEB_KEEP=1 keeps the work directory (printed at the end).
set -uo pipefail
source "$(dirname "$0")/../scripts/lib.sh"
set +e
RC_WITH_DEB=1 rc_install_deps || exit 1
export PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/$RC_PGVER/bin/pg_config}
# The build's tests make their own cluster (pg_virtualenv): not a caller's.
unset PGHOST PGPORT PGUSER PGDATABASE PGDATA

n=0; pass=0; fail=0
check() {   # check "description" command...; returns the command's status
    n=$((n + 1))
    local desc=$1; shift
    if "$@"; then pass=$((pass + 1)); echo "ok $n - $desc"; return 0; fi
    fail=$((fail + 1)); echo "not ok $n - $desc"; return 1
}
finish() {
    if [ "${RC_DEB_KEEP:-0}" = 1 ]; then echo "# work directory kept: $work"; else rm -rf "$work"; fi
    echo "$pass passed, $fail failed"
    [ "$fail" -eq 0 ]
    exit
}

work=$(mktemp -d /tmp/revcycle-deb.XXXXXX)
chmod 755 "$work"
version=$(sed -n "s/^default_version *= *'\(.*\)'/\1/p" "$RC_ROOT/revcycle.control")

# The source files: what git tracks plus untracked files it does not ignore
# when this is a git work tree, else everything; then without in-tree build
# outputs (an out-of-tree build must not see them).
copy_tree() {   # copy_tree DEST
    mkdir -p "$1"
    if git -C "$RC_ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        (cd "$RC_ROOT" && git ls-files -co --exclude-standard -z | xargs -0 tar -cf - --no-recursion) | tar -C "$1" -xf -
    else
        cp -a "$RC_ROOT/." "$1/" && rm -rf "$1/.git"
    fi &&
    make -s -C "$1" clean PG_CONFIG="$PG_CONFIG" >/dev/null
}

# ---------------------------------------------------------------------------
# Debian package
# ---------------------------------------------------------------------------
src=$work/pkg/revcycle
check "copy of the source tree" copy_tree "$src" || finish

majors=$(cd "$src" && pg_buildext supported-versions 2>/dev/null | xargs)
echo "# majors to build (debian/pgversions and this system): ${majors:-none}"
check "at least one PostgreSQL major to build for" test -n "$majors"

build() {
    (cd "$src" && DEB_BUILD_OPTIONS="${RC_DEB_BUILD_OPTIONS:-}" dpkg-buildpackage -us -uc -b) \
        > "$work/build.log" 2>&1
}
t0=$(date +%s)
if ! check "dpkg-buildpackage -us -uc -b builds the packages" build; then
    grep -v '^gcc \|^/usr/bin/clang' "$work/build.log" | tail -n 80 | sed 's/^/# /'
fi
echo "# package build took $(( $(date +%s) - t0 )) s"

# In-tree build outputs must not have been used: the tree stays clean.
check "the package build leaves no in-tree build outputs" \
    test -z "$(cd "$src" && ls revcycle.so src/*.o src/*.bc "sql/revcycle--$version.sql" 2>/dev/null)"

# The C symbols that SQL scripts name (AS 'MODULE_PATHNAME', 'symbol').
c_symbols() {   # c_symbols FILE...
    perl -0ne "print \"\$1\\n\" while /'(?:MODULE_PATHNAME|\\\$libdir\/revcycle)'\\s*,\\s*'(\\w+)'/g" "$@" | sort -u
}
# The extension files a major must have: revcycle.control, the released
# scripts, and the install and upgrade scripts of the version in development.
expected_sql=$( (cd "$RC_ROOT/sql" && ls revcycle--*.sql; ls "$version"/*.sql >/dev/null 2>&1 &&
                 prev=$(ls | sed -n 's/^revcycle--\([0-9.]*\)\.sql$/\1/p' | grep -vx "$version" | sort -V | tail -n 1) &&
                 echo "revcycle--$version.sql" && echo "revcycle--$prev--$version.sql") | sort -u)

for v in $majors; do
    deb=$(ls "$work"/pkg/postgresql-"$v"-revcycle_"${version}"_*.deb 2>/dev/null | head -n 1)
    check "postgresql-$v-revcycle ${version} .deb built" test -n "$deb" || continue
    if [ "${RC_DEB_BUILD_OPTIONS:-}" != nocheck ]; then
        check "PostgreSQL $v: regression tests passed during the build" \
            grep -q "^### End $v installcheck ###\$" "$work/build.log"
    fi
    check "PostgreSQL $v: package depends on postgresql-$v" \
        bash -c "dpkg-deb -f '$deb' Depends | grep -Eq '(^|, )postgresql-$v(,| |\$)'"

    root=$work/root-$v
    mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
    : > "$root/var/lib/dpkg/status"
    check "PostgreSQL $v: dpkg --root installs the .deb into a scratch root" \
        bash -c "dpkg --root='$root' --force-depends -i '$deb' > '$work/dpkg-$v.log' 2>&1 || { cat '$work/dpkg-$v.log'; false; }"
    check "PostgreSQL $v: dpkg lists it installed in the scratch root" \
        bash -c "dpkg-query --admindir='$root/var/lib/dpkg' -W -f='\${Status}' postgresql-$v-revcycle | grep -qx 'install ok installed'"

    so=$root/usr/lib/postgresql/$v/lib/revcycle.so
    check "PostgreSQL $v: revcycle.so installed" test -s "$so"
    ext=$root/usr/share/postgresql/$v/extension
    # Every C function of every installed script, and its info function.
    syms=$(c_symbols "$ext"/revcycle--*.sql)
    have=$(nm -D --defined-only "$so" 2>/dev/null | awk '{print $3}' | sort -u)
    missing=$(comm -23 <( (echo "$syms"; echo "$syms" | sed 's/^/pg_finfo_/'; echo Pg_magic_func; echo _PG_init) | sort -u) \
                       <(echo "$have"))
    [ -z "$missing" ] || echo "# missing from revcycle.so: $(echo $missing)"
    check "PostgreSQL $v: revcycle.so exports the $(echo "$syms" | grep -c .) C functions the scripts name, Pg_magic_func, _PG_init" \
        test -n "$syms" -a -z "$missing"

    check "PostgreSQL $v: revcycle.control installed" cmp -s "$RC_ROOT/revcycle.control" "$ext/revcycle.control"
    have_sql=$(cd "$ext" 2>/dev/null && ls revcycle--*.sql | sort)
    [ "$have_sql" = "$expected_sql" ] || diff <(echo "$expected_sql") <(echo "$have_sql") | sed 's/^/# /'
    check "PostgreSQL $v: every revcycle--*.sql script installed ($(echo "$expected_sql" | wc -l)), no other" \
        test "$have_sql" = "$expected_sql"
    released_ok=1
    for f in "$RC_ROOT"/sql/revcycle--*.sql; do
        cmp -s "$f" "$ext/$(basename "$f")" || { released_ok=0; echo "# differs: $(basename "$f")"; }
    done
    check "PostgreSQL $v: released scripts installed as committed" test "$released_ok" = 1
    check "PostgreSQL $v: install script of $version assembled (non-empty, from sql/$version/)" \
        grep -q "generated from sql/revcycle--.*sql/$version/" "$ext/revcycle--$version.sql"
done

# ---------------------------------------------------------------------------
# PGXN release archive
# ---------------------------------------------------------------------------
repo=$work/dist/revcycle
# The released scripts are committed although .gitignore matches them
# (sql/revcycle--*.sql): add them as the real repository has them.  No
# background gc or maintenance in the throwaway repository (newer git starts
# it after a commit, and it would race make dist and the clean-up).
# A committed tree (CI's clean clone) is cloned as it is: make dist archives
# HEAD, so that is exactly what a release gets.  A tree with uncommitted
# changes (a developer's) is copied and committed in a throwaway repository.
distrepo() {
    if git -C "$RC_ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1 &&
       [ -z "$(git -C "$RC_ROOT" status --porcelain --untracked-files=normal)" ]; then
        git clone -q --no-hardlinks "$RC_ROOT" "$repo"
    else
        copy_tree "$repo" && (cd "$repo" && git init -q && git config gc.auto 0 &&
            git config maintenance.auto false && git add -A && git add -f sql &&
            git -c user.name=revcycle-test -c user.email=revcycle-test@localhost commit -qm dist)
    fi
}
check "git repository of the source tree for make dist" distrepo || finish
zip=$repo/revcycle-$version.zip
check "make dist writes revcycle-$version.zip" \
    bash -c "make -s -C '$repo' dist PG_CONFIG='$PG_CONFIG' > '$work/dist.log' 2>&1 && test -s '$zip' || { cat '$work/dist.log'; false; }"

listing=$(unzip -Z1 "$zip" 2>/dev/null)
in_zip() { echo "$listing" | grep -qxF "revcycle-$version/$1"; }
zip_has_all() {
    local f ok=0
    for f in META.json Makefile revcycle.control LICENSE README.md \
             $(cd "$repo" && ls src/*.[ch] sql/revcycle--*.sql "sql/$version"/*.sql); do
        in_zip "$f" || { echo "# not in the zip: $f (git tracks: $(git -C "$repo" ls-files -- "$f"); zip entries: $(echo "$listing" | grep -c .))"; ok=1; }
    done
    return $ok
}
check "the zip holds META.json, Makefile, control, LICENSE, README, every src/ and sql/ file, under revcycle-$version/" zip_has_all
zip_clean() {
    ! echo "$listing" | grep -vE "^revcycle-$version/" | grep -q . &&
    ! echo "$listing" | grep -E "^revcycle-$version/(\.ci/|\.git)" | sed 's/^/# in the zip: /' | grep .
}
check "the zip holds nothing outside revcycle-$version/, no .ci/ nor .git* files" zip_clean

meta_check() {
    unzip -p "$zip" "revcycle-$version/META.json" > "$work/META.json" &&
    python3 - "$work/META.json" "$version" <<'PY'
import json, re, sys
meta = json.load(open(sys.argv[1]))
version = sys.argv[2]
errors = []
for key in ("name", "abstract", "version", "maintainer", "license", "provides", "meta-spec"):
    if key not in meta:
        errors.append("missing " + key)
if meta.get("meta-spec", {}).get("version") != "1.0.0":
    errors.append("meta-spec version is not 1.0.0")
if meta.get("version") != version:
    errors.append("version %r, revcycle.control says %r" % (meta.get("version"), version))
maint = meta.get("maintainer")
maint = [maint] if isinstance(maint, str) else (maint or [])
if not maint or not all(re.search(r"<[^<>@\s]+@[^<>@\s]+>$", m) for m in maint):
    errors.append("maintainer without an e-mail contact: %r" % maint)
res = meta.get("resources", {})
if not any(k in res for k in ("homepage", "bugtracker", "repository")):
    errors.append("resources has none of homepage, bugtracker, repository")
if "repository" in res and not ("web" in res["repository"] or {"url", "type"} <= set(res["repository"])):
    errors.append("resources.repository needs web, or url and type")
if "bugtracker" in res and not ({"web", "mailto"} & set(res["bugtracker"])):
    errors.append("resources.bugtracker needs web or mailto")
ext = meta.get("provides", {}).get("revcycle", {})
if ext.get("version") != version:
    errors.append("provides.revcycle.version %r" % ext.get("version"))
for f in ("file", "docfile"):
    if f not in ext:
        errors.append("provides.revcycle.%s missing" % f)
    else:
        print(ext[f])          # checked against the zip by the caller
for e in errors:
    print("# META.json: " + e, file=sys.stderr)
sys.exit(1 if errors else 0)
PY
}
files=$(meta_check)
check "META.json: the PGXN 1.0.0 keys, version $version, maintainer with a contact, resources" test $? -eq 0
provides_ok=1
for f in $files; do in_zip "$f" || { provides_ok=0; echo "# META.json names $f, not in the zip"; }; done
check "META.json: provides.revcycle file and docfile are in the zip ($(echo $files))" \
    test "$provides_ok" = 1 -a -n "$files"

# pgxn install builds from the unpacked zip (make, make install); make takes
# DESTDIR from the environment, so nothing lands in this system's PostgreSQL.
sysso=$($PG_CONFIG --pkglibdir)/revcycle.so
before=$(sha256sum "$sysso" 2>/dev/null)
destdir=$work/pgxn-root
pgxn_install() {
    (cd "$work" && DESTDIR="$destdir" pgxn install --pg_config "$PG_CONFIG" "./dist/revcycle/revcycle-$version.zip") \
        > "$work/pgxn.log" 2>&1 || { tail -n 40 "$work/pgxn.log" | sed 's/^/# /'; false; }
}
check "pgxn install ./revcycle-$version.zip (DESTDIR=scratch) succeeds" pgxn_install
check "pgxn install: revcycle.so installed" test -s "$destdir$sysso"
check "pgxn install: revcycle.control and every revcycle--*.sql installed" \
    test "$(cd "$destdir$($PG_CONFIG --sharedir)/extension" 2>/dev/null && ls revcycle--*.sql | sort)" = "$expected_sql" \
         -a -f "$destdir$($PG_CONFIG --sharedir)/extension/revcycle.control"
check "pgxn install: this system's PostgreSQL left untouched" test "$(sha256sum "$sysso" 2>/dev/null)" = "$before"

# The Makefile refuses an out-of-tree build next to in-tree build outputs,
# which VPATH would otherwise take as this build's (and install them).
vpath_guard() {
    make -s -C "$repo" PG_CONFIG="$PG_CONFIG" > "$work/intree.log" 2>&1 || { cat "$work/intree.log"; return 1; }
    mkdir -p "$work/vpath"
    ! make -C "$work/vpath" -f "$repo/Makefile" VPATH="$repo" PG_CONFIG="$PG_CONFIG" > "$work/vpath.log" 2>&1 &&
        grep -q 'holds in-tree build outputs' "$work/vpath.log" && [ ! -e "$work/vpath/revcycle.so" ]
}
check "an out-of-tree build stops when the source tree has in-tree build outputs" vpath_guard

finish
