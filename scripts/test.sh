#!/usr/bin/env bash
# Every test: unit and integration tests of every target.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_debian_packages libcsv-dev
swift test
