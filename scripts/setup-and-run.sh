#!/usr/bin/env bash
# One command on a fresh machine: install what is missing, build, run the pipeline on the demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_debian_packages libcsv-dev
swift build -c release --product meetlat
bin=$(swift build -c release --show-bin-path)/meetlat
"$bin" ingest
