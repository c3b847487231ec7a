#!/usr/bin/env bash
# Every test: unit and integration tests of every target, then the browser tests of the site.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_debian_packages libcsv-dev
swift build   # the tests start the meetlat executable (SiteTests kill a running `meetlat site`)
swift test
run_browser_tests
