#!/usr/bin/env bash
# Every test, as CI runs it (.ci/run calls this script):
#   1. the committed data check out: demo exports and the demo webcare log, Rankings/ and
#      Statistics/ regenerated; the site's targets do not reach the survey reader;
#   2. no finding of swift-format's rules (.swift-format); every library's DocC catalog builds
#      without a warning (symbol links resolve);
#   3. the XLSX and SPSS test fixtures, written by openpyxl and pyreadstat (Tests/Fixtures);
#      a short fuzz run of the CSV, XLSX and SPSS readers, the ingest, the configuration
#      reader and the scenario expression parser (Fuzz/README.md);
#   4. the unit, integration and end-to-end tests of every target (swift test);
#   5. outside tools as oracles (SALib for the Sobol indices);
#   6. the data downloads read by Datasette, Frictionless and an OpenAPI validator;
#   7. the browser tests of the site in headless Chromium.
# Installs what is missing first (Debian packages, a Python virtualenv in .venv/).
#
#   scripts/test.sh --quick    the swift tests alone (step 4, with the fixtures they read), for
#                              before every commit: no data checks, fuzzing, oracles or browser
#                              (CI runs everything)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_debian_packages $MEETLAT_DEBIAN_PACKAGES

if [ "${1:-}" = "--quick" ]; then
    shift
    make_test_fixtures >/dev/null   # the XLSX and SPSS readers' tests read them
    exec swift test "$@"
elif [ $# -gt 0 ]; then
    echo "usage: scripts/test.sh [--quick [swift test options]]" >&2
    exit 2
fi

step() { printf '\n== %s\n' "$*"; }

step "build"
swift build   # the tests start the meetlat executable (kill tests, end-to-end privacy)
bin="$(swift build --show-bin-path)/meetlat"

step "demo exports and the demo webcare log"
python3 scripts/generate-demo-surveys.py --check --meetlat "$bin"   # also: meetlat score gives the designed totals
python3 scripts/generate-demo-webcare.py --check

step "Rankings/ and Statistics/ are what meetlat score and meetlat stats --write make of Surveys/"
check_rankings
check_statistics

step "the site's targets reach neither Ingest nor CLibCSV"
check_stage_dependencies

step "swift-format (.swift-format)"
check_format

step "documentation: every library's DocC catalog, warnings as errors"
check_docs

step "test fixtures: XLSX and SPSS exports written by openpyxl and pyreadstat"
make_test_fixtures

step "fuzz"
scripts/fuzz.sh "${MEETLAT_FUZZ_SECONDS:-30}"

step "swift test"
swift test

step "oracle tests (SALib)"
run_oracle_tests

step "data downloads (Datasette, Frictionless, OpenAPI)"
run_data_tests

step "browser tests"
run_browser_tests
