#!/usr/bin/env bash
# Build and run the libFuzzer harness for the X12 835 parser core.
#   FUZZ_SECONDS   run time (default 60)
#   CLANG          compiler (default clang)
#   FUZZ_KEEP=1    keep the temp work dir (corpus, log) even on success
# Exits non-zero on any crash, leak, timeout or sanitizer report; on failure
# the work dir with the reproducer (crash-*, leak-*, ...) is kept and printed.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
secs=${FUZZ_SECONDS:-60}
cc=${CLANG:-clang}

work=$(mktemp -d "${TMPDIR:-/tmp}/fuzz835.XXXXXX")
cleanup() { if [ "${keep:-0}" = 1 ] || [ "${FUZZ_KEEP:-0}" = 1 ]; then echo "work dir kept: $work"; else rm -rf "$work"; fi; }
trap cleanup EXIT

"$cc" -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer -I"$root/src" \
	"$here/fuzz_835.c" "$root/src/x12_835.c" -o "$work/fuzz_835"

mkdir -p "$work/corpus" "$work/artifacts"
cp "$root"/test/fixtures/835/*.edi "$work/corpus/"

cat > "$work/x12.dict" <<'DICT'
"ISA*00*          *00*          *ZZ*"
"GS*HP*"
"ST*835*"
"SE*"
"GE*"
"IEA*"
"BPR*I*"
"TRN*1*"
"DTM*405*"
"DTM*232*"
"DTM*233*"
"DTM*050*"
"DTM*472*"
"N1*PR*"
"N1*PE*"
"REF*2U*"
"REF*6R*"
"LX*1~"
"CLP*"
"*22*"
"CAS*CO*"
"CAS*PR*"
"SVC*HC:"
"AMT*B6*"
"*.5*"
"*-.52*"
"LQ*HE*"
"PLB*"
"TS3*"
"TS2*"
"MOA*"
"MIA*"
"NM1*QC*"
"NM1*IL*"
"CUR*PR*"
"REF*F8*"
"REF*1L*"
"REF*CE*"
"AMT*AU*"
"AMT*I*"
"AMT*D8*"
"\x1a"
"\xef\xbb\xbf"
"L6"
"~"
"\x0d\x0a"
"-0.01"
"9223372036854775807"
"20240229"
DICT

log="$work/fuzz.log"
set +e
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
"$work/fuzz_835" -max_total_time="$secs" -max_len=4096 -timeout=10 \
	-dict="$work/x12.dict" -print_final_stats=1 \
	-artifact_prefix="$work/artifacts/" "$work/corpus" >"$log" 2>&1
status=$?
set -e

tail -n 25 "$log"
if [ $status -ne 0 ] || grep -qE 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|SUMMARY: ' "$log" \
	|| [ -n "$(ls -A "$work/artifacts")" ]; then
	keep=1
	echo "FUZZ FAILED (status $status); artifacts: $(ls "$work/artifacts" 2>/dev/null | tr '\n' ' ')"
	exit 1
fi
execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || true)
cov=$(grep -oE 'cov: [0-9]+ ft: [0-9]+' "$log" | tail -n 1 || true)
echo "FUZZ OK: ${secs}s, ${execs:-?} execs, ${rate:-?} exec/s, ${cov:-?}, corpus $(ls "$work/corpus" | wc -l) files"
