#!/usr/bin/env bash
# Every test, as CI runs it (.ci/run calls this script):
#   1. the committed data check out: reference facts, demo exports and webcare log, Rankings/ regenerated;
#   2. a short fuzz run of the CSV reader and the ingest (README.md, "Fuzzing");
#   3. the unit, integration and end-to-end tests of every target (swift test);
#   4. the browser tests of the site in headless Chromium.
# Installs what is missing first (Debian packages, a Python virtualenv in .venv/).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
# tzdata: the time zones of webcare logs (the webcare tests cross Europe/Amsterdam's clock changes).
ensure_debian_packages libcsv-dev tzdata

step() { printf '\n== %s\n' "$*"; }

step "build"
swift build   # the tests start the meetlat executable (kill tests, end-to-end privacy)
bin="$(swift build --show-bin-path)/meetlat"

step "reference data and demo exports"
python3 scripts/check-reference.py
python3 scripts/generate-demo-surveys.py --check
python3 scripts/generate-demo-webcare.py --check

step "Rankings/ is what meetlat score makes of Surveys/"
check_rankings

step "fuzz"
scripts/fuzz.sh "${MEETLAT_FUZZ_SECONDS:-30}"

step "swift test"
swift test

step "browser tests"
run_browser_tests
