#!/usr/bin/env bash
# Fuzzes the CSV, XLSX and SPSS readers, the whole ingest of one survey year, the configuration
# reader over each YAML kind (mapping, model, scenario, site.yaml) and the scenario expression
# parser with libFuzzer (Fuzz/README.md).
#
#   scripts/fuzz.sh [seconds per target]          default 30 (CI); e.g. 3600 for an hour each
#   MEETLAT_FUZZ_TARGETS=ingest scripts/fuzz.sh   some targets only
#   MEETLAT_FUZZ_YAML_SECONDS=60                  the yaml- and expression targets' own time (default a third)
#   MEETLAT_FUZZ_JOBS=1                           targets run side by side (default: the cores)
#
# Needs only the Swift toolchain (it ships libFuzzer and AddressSanitizer) and the C libraries.
# Builds into .build-fuzz (never touching .build), keeps the growing corpus in
# .build-fuzz/corpus/<target>, and fails when an input crashes, hangs or breaks an invariant:
# that input is saved as Fuzz/crashes/<target>-crash-<sha1> (or -timeout-, -oom-).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_debian_packages $MEETLAT_DEBIAN_PACKAGES

seconds=${1:-30}
# A configuration file (or an expression) is small and read in microseconds: a third of the
# time covers it as well as the exports' full time, and keeps CI's fuzz step near two minutes.
yaml_seconds=${MEETLAT_FUZZ_YAML_SECONDS:-$(( seconds >= 3 ? seconds / 3 : 1 ))}
targets=${MEETLAT_FUZZ_TARGETS:-csv ingest xlsx sav yaml-mapping yaml-model yaml-scenario yaml-site expression}
jobs=${MEETLAT_FUZZ_JOBS:-$(nproc)}
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

# The repository's own files of a YAML kind, copied afresh as that target's seeds. A mapping
# must name the fixed year (2012) and a model the file it is read from (fuzz.yaml): the seeds
# are made to, so that they are read to the end.
yaml_seeds() {
    local folder="$scratch/seeds/$1" file edit=""
    rm -rf "$folder"
    mkdir -p "$folder"
    case $1 in
        yaml-mapping) set -- Surveys/*/mapping.yaml Fuzz/survey/*/mapping.yaml; edit='s/^year: .*/year: 2012/' ;;
        yaml-model) set -- Surveys/models/*.yaml; edit='s/^name: .*/name: fuzz/' ;;
        yaml-scenario) set -- Scenarios/*.yaml ;;
        yaml-site) set -- site/site.yaml ;;
    esac
    for file in "$@"; do sed -e "$edit" "$file" >"$folder/${file//\//_}"; done
    echo "$folder"
}

# One target: its time, seeds, dictionary and bounds. Prints one line; fails on a finding.
fuzz_target() {
    local target=$1 corpus="$scratch/corpus/$1" log="$scratch/fuzz-$1.log" time options seeds
    mkdir -p "$corpus"
    case $target in
        yaml-*)
            # Invariants of issue 19: at most 1 s per input and bounded memory.
            time=$yaml_seconds
            options=(-max_len=16384 -timeout=1 -rss_limit_mb=1024 -malloc_limit_mb=128 -dict=Fuzz/yaml.dict)
            seeds=("$(yaml_seeds "$target")" Fuzz/corpus/yaml)
            ;;
        expression)
            # A message for 50,000 parentheses, not a stack overflow: 1 s and 512 MB per input.
            time=$yaml_seconds
            options=(-max_len=16384 -timeout=1 -rss_limit_mb=512 -dict=Fuzz/expressions.dict)
            seeds=(Fuzz/corpus/expressions)
            ;;
        csv|ingest)
            # Small text with a dictionary of its tokens.
            time=$seconds
            options=(-max_len=4096 -timeout=10 -dict=Fuzz/exports.dict)
            seeds=(Fuzz/corpus/exports)
            ;;
        *)
            # XLSX and SPSS seeds are whole files (the XLSX ones with stored, uncompressed
            # parts, so mutations reach the XML).
            time=$seconds
            options=(-max_len=65536 -timeout=10)
            seeds=("Fuzz/corpus/$target")
            ;;
    esac
    # The first folder receives new inputs; the seed folders are only read.
    if MEETLAT_FUZZ_TARGET="$target" timeout $((time + 300)) "$binary" \
        -max_total_time="$time" "${options[@]}" \
        -artifact_prefix="Fuzz/crashes/$target-" -print_final_stats=1 \
        "$corpus" "${seeds[@]}" >"$log" 2>&1; then
        local runs speed done_line coverage kept
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
        # "#1234 DONE cov: 595 ft: 2949 corp: 439/49Kb ...": edges covered and inputs kept.
        done_line=$(grep -E "^#[0-9]+[[:space:]]+DONE" "$log" | tail -n 1)
        coverage=$(sed -n 's/.* cov: \([0-9]*\) .*/\1/p' <<<"$done_line")
        kept=$(sed -n 's/.* corp: \([0-9]*\)\/.*/\1/p' <<<"$done_line")
        echo "fuzz $target: ${runs:-?} inputs in $time s (${speed:-?}/s), ${coverage:-?} edges covered, corpus ${kept:-?} inputs, no crash"
    else
        {
            echo "fuzz $target: FAILED"
            grep -E "invariant broken|ERROR:|SUMMARY:|Fatal error|Test unit written|^Base64" "$log" || tail -n 40 "$log"
            echo "fuzz $target: full log in $log; replay with: swift run meetlat-fuzz $target Fuzz/crashes/<file>"
        } >&2
        return 1
    fi
}

failed=0
running=0
for target in $targets; do
    fuzz_target "$target" &
    running=$((running + 1))
    if (( running >= jobs )); then
        wait -n || failed=1
        running=$((running - 1))
    fi
done
while (( running > 0 )); do
    wait -n || failed=1
    running=$((running - 1))
done
exit $failed
