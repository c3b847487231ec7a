#!/usr/bin/env bash
# The benchmark suite (Benchmarks/README.md): builds in release, then runs Benchmarks/run.py,
# which prints every figure with its anchor (polars, pyarrow.csv, DuckDB, pandas with and without
# pyarrow, Python's csv module, Hugo, the release build of an older commit, or a target) and the
# ratio, interleaved rounds and medians, and writes the same tables to Benchmarks/latest.md.
#
# Works on a fresh clone: installs the Debian packages it needs when missing (libcsv-dev, time,
# hugo, chromium, python3-venv), the Python venvs of Benchmarks/requirements*.txt from PyPI in
# .bench/, and builds the older commit once in a worktree under .bench/; generated data and
# outputs go to .bench/ (gitignored). Not part of CI.
#
#   scripts/bench.sh                       everything: csv, baseline, hugo, browser, pipeline, site, roi, webcare, ingest-memory
#   scripts/bench.sh --only csv,roi        some sections
#   scripts/bench.sh --repetitions 3       other options: Benchmarks/run.py --help
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

# time: GNU time (CPU and peak memory of each child); hugo: the site's anchor; chromium and
# chromium-driver: the ranking page's main-thread work; util-linux: taskset (one core).
ensure_debian_packages $MEETLAT_DEBIAN_PACKAGES time hugo chromium chromium-driver util-linux
command -v python3 >/dev/null || ensure_debian_packages python3
python3 -m venv --help >/dev/null 2>&1 || ensure_debian_packages python3-venv

# The anchors: pandas with pyarrow, pyarrow, polars, DuckDB (and selenium) in one venv; pandas
# without pyarrow in another (pandas 3 changes how it stores text when pyarrow is importable).
ensure_python_venv .bench/venv Benchmarks/requirements.txt
ensure_python_venv .bench/venv-pandas-only Benchmarks/requirements-pandas-only.txt

echo "Building in release ..." >&2
swift build -c release --product meetlat >&2
swift build -c release --product meetlat-bench >&2
bin=$(swift build -c release --show-bin-path)

# The build the 15-year pipeline and the ranking page are compared with: a release build of
# that commit in its own git worktree under .bench/, kept (cached by commit) between runs.
baseline_commit=3d9e0e4
baseline=.bench/base-$baseline_commit
if [ ! -x "$baseline/.build/release/meetlat" ]; then
    [ -d "$baseline" ] || git worktree add --detach "$baseline" "$baseline_commit" >&2
    echo "Building $baseline_commit in release (once) ..." >&2
    (cd "$baseline" && swift build -c release --product meetlat >&2)
fi

exec .bench/venv/bin/python Benchmarks/run.py --bin "$bin" --baseline-commit "$baseline_commit" \
    --baseline-bin "$baseline/.build/release" --baseline-root "$baseline" "$@"
