#!/usr/bin/env bash
# The benchmark suite (Benchmarks/README.md): builds in release, then runs
# Benchmarks/run.py, which prints every figure with its anchor (pandas, Python's csv module or
# a target) and the ratio, and writes the same tables to Benchmarks/latest.md.
#
# Works on a fresh clone: installs the Debian packages it needs when missing (libcsv-dev, time,
# python3-venv) and a Python venv with pandas from PyPI in .bench/venv; generated data and
# outputs go to .bench/ (gitignored). Not part of CI: on 2 cores about 5 minutes on a fresh clone
# (release build and venv included), 2–3 minutes after that.
#
#   scripts/bench.sh                       everything: csv, pipeline, site, roi, webcare
#   scripts/bench.sh --only csv,roi        some sections
#   scripts/bench.sh --repetitions 3       other options: Benchmarks/run.py --help
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_debian_packages $MEETLAT_DEBIAN_PACKAGES time
command -v python3 >/dev/null || ensure_debian_packages python3
python3 -m venv --help >/dev/null 2>&1 || ensure_debian_packages python3-venv

venv=.bench/venv
if ! "$venv/bin/python" -c "import pandas" >/dev/null 2>&1; then
    echo "Creating $venv with pandas ..." >&2
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check pandas
fi

echo "Building in release ..." >&2
swift build -c release --product meetlat >&2
swift build -c release --product meetlat-bench >&2
bin=$(swift build -c release --show-bin-path)

exec "$venv/bin/python" Benchmarks/run.py --bin "$bin" "$@"
