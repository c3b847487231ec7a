# Shared shell helpers for the scripts in this folder.

# The C libraries meetlat links: libcsv (CSV), libzip and libxml2 (XLSX), ReadStat (SPSS .sav), SQLite (meetlat.sqlite),
# and pkg-config, through which SwiftPM finds libzip's and libxml2's flags; tzdata, the time
# zones webcare logs are read in (Europe/Amsterdam's clock changes); and GNU time, which measures
# the peak memory of a `meetlat ingest` in the tests (IngestMemoryTests).
MEETLAT_DEBIAN_PACKAGES="libcsv-dev libzip-dev libxml2-dev libreadstat-dev libxlsxwriter-dev libsqlite3-dev pkg-config tzdata time"

# Installs the Debian packages given that are not installed yet (as root, or through sudo).
ensure_debian_packages() {
    local missing=()
    for package in "$@"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing ${missing[*]} ..." >&2
    $sudo apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 || {
        $sudo apt-get update -q >/dev/null 2>&1
        $sudo apt-get install -y -q "${missing[@]}" >/dev/null
    }
}

# A virtual environment at $1 with the packages of the requirements files $2… (installed again
# only when one of them changed).
ensure_python_venv() {
    local venv="$1"
    shift
    local wanted
    wanted="$(cat "$@")"
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    if [ "$wanted" != "$(cat "$venv/.requirements" 2>/dev/null)" ]; then
        local files=()
        for requirements in "$@"; do files+=(-r "$requirements"); done
        "$venv/bin/pip" install -q --disable-pip-version-check "${files[@]}"
        printf '%s' "$wanted" >"$venv/.requirements"
    fi
}

# The test virtualenv (.venv): the browser tests' packages, the fixture writers, the oracles and
# the readers of the data downloads.
ensure_test_venv() {
    ensure_python_venv .venv Tests/Browser/requirements.txt Tests/Fixtures/requirements.txt Tests/Oracles/requirements.txt \
        Tests/Data/requirements.txt
}

# The XLSX and SPSS fixtures, written by openpyxl and pyreadstat into .build/fixtures.
make_test_fixtures() {
    ensure_test_venv
    .venv/bin/python Tests/Fixtures/make_fixtures.py .build/fixtures
}

# Regenerates Rankings/ into a scratch folder and fails when it differs from the committed one:
# the committed rankings must be exactly what the committed surveys and models give.
check_rankings() {
    local bin scratch
    bin="$(swift build --show-bin-path)/meetlat"
    scratch="$(mktemp -d)"
    "$bin" score --rankings "$scratch" >/dev/null
    if ! diff -r Rankings "$scratch" >/dev/null; then
        echo "Rankings/ differs from what 'meetlat score' makes of Surveys/ (run it and commit):" >&2
        diff -r Rankings "$scratch" | head -20 >&2
        rm -rf "$scratch"
        return 1
    fi
    rm -rf "$scratch"
    echo "Rankings/ is up to date ($(ls Rankings | wc -l) files)"
}

# Regenerates Statistics/ into a scratch folder and fails when it differs from the committed one:
# the committed statistics and reference must be exactly what `meetlat stats --write` makes of
# the committed surveys and reference (the site reads them instead of the survey exports).
check_statistics() {
    local bin scratch
    bin="$(swift build --show-bin-path)/meetlat"
    scratch="$(mktemp -d)"
    "$bin" stats --write --statistics "$scratch" >/dev/null
    if ! diff -r Statistics "$scratch" >/dev/null; then
        echo "Statistics/ differs from what 'meetlat stats --write' makes of Surveys/ (run it and commit):" >&2
        diff -r Statistics "$scratch" | head -20 >&2
        rm -rf "$scratch"
        return 1
    fi
    rm -rf "$scratch"
    echo "Statistics/ is up to date ($(ls Statistics | wc -l) files)"
}

# The stages meet at files: the library targets that read finished outputs (the site, and what it
# uses) must not reach the survey reader, not even through another target (Package.swift).
check_stage_dependencies() {
    swift package describe --type json | python3 -c '
import json, sys
targets = {t["name"]: t.get("target_dependencies") or [] for t in json.load(sys.stdin)["targets"]}
def reach(name, seen):
    for dependency in targets.get(name, []):
        if dependency not in seen:
            seen.add(dependency)
            reach(dependency, seen)
    return seen
failures = []
for name in ["Core", "Scoring", "Stats", "ROI", "Site"]:
    forbidden = sorted(reach(name, set()) & {"Ingest", "TableFiles", "CLibCSV"})
    if forbidden:
        failures.append(name + " depends on " + " and ".join(forbidden) + " (Package.swift): it must read finished outputs only")
print("\n".join(failures) or "Site, Stats, Scoring, ROI and Core reach neither Ingest nor the table readers", file=sys.stderr if failures else sys.stdout)
sys.exit(1 if failures else 0)
'
}

# Browser tests of the site (Tests/Browser): builds the site on the demo data with the debug
# meetlat, then opens it through file:// in headless Chromium (Debian's chromium and
# chromium-driver). The Nu validator needs Java: Debian's default-jre-headless when none is there.
run_browser_tests() {
    ensure_debian_packages chromium chromium-driver hunspell hunspell-nl
    command -v java >/dev/null 2>&1 || ensure_debian_packages default-jre-headless
    ensure_test_venv
    local bin
    bin="$(swift build --show-bin-path)/meetlat"
    "$bin" site --output _site
    MEETLAT_BIN="$bin" MEETLAT_SITE=_site .venv/bin/python -m pytest -q Tests/Browser
}

# The site's data downloads read by outside tools (Tests/Data): Datasette on meetlat.sqlite,
# Frictionless on datapackage.json, an OpenAPI validator on the JSON API. Builds the site twice
# (the downloads must be byte-identical).
run_data_tests() {
    ensure_test_venv
    local bin
    bin="$(swift build --show-bin-path)/meetlat"
    "$bin" site --output _site >/dev/null
    MEETLAT_BIN="$bin" MEETLAT_SITE=_site .venv/bin/python -m pytest -q Tests/Data
}

# Outside tools as oracles of meetlat's numbers (Tests/Oracles): SALib's Sobol indices against
# `meetlat sensitivity` on the same model function.
run_oracle_tests() {
    ensure_test_venv
    MEETLAT_BIN="$(swift build --show-bin-path)/meetlat" .venv/bin/python -m pytest -q Tests/Oracles
}

# The documentation: every library target under Sources/ has a DocC catalog
# (Sources/<T>/<T>.docc/<T>.md, titled ``<T>``), and all of them build without a warning, so
# every symbol link (``Type/member``) resolves and every documented parameter list is complete.
check_docs() {
    local targets target log status started missing=() args=()
    targets="$(swift package describe --type json | python3 -c '
import json, sys
for t in json.load(sys.stdin)["targets"]:
    if t["type"] == "library" and t["path"].startswith("Sources/"):
        print(t["name"])
')"
    for target in $targets; do
        grep -qx "# \`\`$target\`\`" "Sources/$target/$target.docc/$target.md" 2>/dev/null || missing+=("$target")
        args+=(--target "$target")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        echo "no DocC catalog Sources/<T>/<T>.docc/<T>.md titled \`\`<T>\`\` for: ${missing[*]}" >&2
        return 1
    fi
    started=$SECONDS
    log="$(mktemp)"
    status=0
    swift package --disable-sandbox generate-documentation --warnings-as-errors "${args[@]}" >"$log" 2>&1 || status=$?
    if [ $status -ne 0 ]; then
        grep -v '^Finished \|^Building \|^Extracting \|^Compiling \|^\[' "$log" >&2
        rm -f "$log"
        echo "check_docs: the documentation does not build without warnings (above)" >&2
        return 1
    fi
    rm -f "$log"
    echo "documentation of $(echo $targets | wc -w) library targets: no warnings ($((SECONDS - started)) s)"
}

# swift-format with the project's .swift-format (4 spaces, lines up to 140): every finding of its
# rules fails. The pretty printer's layout findings (where it would break, join, indent or space
# lines differently, lines over 140 among them) are counted but not enforced yet: most of them
# are the existing code's deliberate layout, and a whole-tree reformat would collide with every
# open branch.
MEETLAT_FORMAT_LAYOUT_CATEGORIES="Indentation|AddLines|RemoveLine|Spacing|TrailingComma|LineLength|EndOfLineComment"
check_format() {
    local all findings layout
    all="$(swift format lint --strict --parallel --recursive Sources Tests Fuzz/Sources Package.swift 2>&1 || true)"
    # A note belongs to the finding before it; it goes when that finding does.
    findings="$(printf '%s\n' "$all" | awk -v layout="\\\\[($MEETLAT_FORMAT_LAYOUT_CATEGORIES)\\\\]" '
        / note: / { if (!dropped) print; next }
        { dropped = ($0 ~ layout); if (!dropped && NF) print }')"
    layout="$(printf '%s\n' "$all" | grep -cE "\[($MEETLAT_FORMAT_LAYOUT_CATEGORIES)\]" || true)"
    if [ -n "$findings" ]; then
        printf '%s\n' "$findings" >&2
        echo "check_format: $(printf '%s\n' "$findings" | grep -vc ' note: ') swift-format finding(s): fix them by hand (the rules: .swift-format; README.md, Contributing)" >&2
        return 1
    fi
    echo "swift-format: no findings ($layout layout findings of the pretty printer not enforced," \
        "$(printf '%s\n' "$all" | grep -c '\[LineLength\]' || true) of them [LineLength])"
}
