#!/usr/bin/env bash
# Fuzzes the CSV reader, the whole ingest of one survey year and the scenario expression parser
# with libFuzzer (README.md, "Fuzzing").
#
#   scripts/fuzz.sh [seconds per target]          default 30 (CI); e.g. 3600 for an hour each
#   MEETLAT_FUZZ_TARGETS=ingest scripts/fuzz.sh   one target only
#
# Needs only the Swift toolchain (it ships libFuzzer and AddressSanitizer) and libcsv-dev.
# Builds into .build-fuzz (never touching .build), keeps the growing corpus in
# .build-fuzz/corpus/<target>, and fails when an input crashes, hangs or breaks an invariant:
# that input is saved as Fuzz/crashes/<target>-crash-<sha1> (or -timeout-, -oom-).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_debian_packages libcsv-dev

seconds=${1:-30}
targets=${MEETLAT_FUZZ_TARGETS:-csv ingest expression}
scratch=.build-fuzz
mkdir -p "$scratch" Fuzz/crashes

echo "fuzz: building meetlat-fuzz with libFuzzer and AddressSanitizer ..."
started=$SECONDS
build_log="$scratch/build.log"
if ! swift build -c release --scratch-path "$scratch" --product meetlat-fuzz \
    --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xswiftc -DFUZZING >"$build_log" 2>&1; then
    # The linker's "Cannot export local symbol" warnings about ASan internals are noise.
    grep -v "Cannot export local symbol" "$build_log" >&2
    exit 1
fi
echo "fuzz: built in $((SECONDS - started)) s"
binary="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/meetlat-fuzz"

# Leak checking is off: the Swift runtime's own caches are reported as leaks at exit.
# malloc_context_size=0 skips a stack trace per allocation (3× faster); replay a saved crash
# without it for allocation stacks.
export ASAN_OPTIONS="detect_leaks=0:malloc_context_size=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
# Swift's own crash backtracer would read memory ASan guards and bury the real report.
export SWIFT_BACKTRACE=enable=no

failed=0
for target in $targets; do
    corpus="$scratch/corpus/$target"
    log="$scratch/fuzz-$target.log"
    mkdir -p "$corpus"
    # Seeds, dictionary and limits per target. An expression must be answered within 1 s and
    # 512 MB (a message for 50,000 parentheses, not a stack overflow); exports get 10 s.
    case "$target" in
        expression) seeds=Fuzz/corpus/expressions; dict=Fuzz/expressions.dict; limits=(-max_len=16384 -timeout=1 -rss_limit_mb=512) ;;
        *) seeds=Fuzz/corpus/exports; dict=Fuzz/exports.dict; limits=(-max_len=4096 -timeout=10) ;;
    esac
    # The first folder receives new inputs; the committed seeds are only read.
    if MEETLAT_FUZZ_TARGET="$target" timeout $((seconds + 300)) "$binary" \
        -max_total_time="$seconds" "${limits[@]}" -dict="$dict" \
        -artifact_prefix="Fuzz/crashes/$target-" -print_final_stats=1 \
        "$corpus" "$seeds" >"$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
        # "#1234 DONE cov: 595 ft: 2949 corp: 439/49Kb ...": edges covered and inputs kept.
        done_line=$(grep -E "^#[0-9]+[[:space:]]+DONE" "$log" | tail -n 1)
        coverage=$(sed -n 's/.* cov: \([0-9]*\) .*/\1/p' <<<"$done_line")
        kept=$(sed -n 's/.* corp: \([0-9]*\)\/.*/\1/p' <<<"$done_line")
        echo "fuzz $target: ${runs:-?} inputs in $seconds s (${speed:-?}/s), ${coverage:-?} edges covered, corpus ${kept:-?} inputs, no crash"
    else
        failed=1
        echo "fuzz $target: FAILED" >&2
        grep -E "invariant broken|ERROR:|SUMMARY:|Fatal error|Test unit written|^Base64" "$log" >&2 || tail -n 40 "$log" >&2
        echo "fuzz $target: full log in $log; replay with: swift run meetlat-fuzz $target Fuzz/crashes/<file>" >&2
    fi
done
exit $failed
