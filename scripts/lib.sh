# Shared shell helpers for the scripts in this folder.

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

# A virtual environment at $1 with the packages of the requirements file $2 (installed again
# only when the file changed).
ensure_python_venv() {
    local venv="$1" requirements="$2"
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    if ! cmp -s "$requirements" "$venv/.requirements"; then
        "$venv/bin/pip" install -q --disable-pip-version-check -r "$requirements"
        cp "$requirements" "$venv/.requirements"
    fi
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

# Browser tests of the site (Tests/Browser): builds the site on the demo data with the debug
# meetlat, then opens it through file:// in headless Chromium (Debian's chromium and
# chromium-driver). The Nu validator needs Java: Debian's default-jre-headless when none is there.
run_browser_tests() {
    ensure_debian_packages chromium chromium-driver hunspell hunspell-nl
    command -v java >/dev/null 2>&1 || ensure_debian_packages default-jre-headless
    ensure_python_venv .venv Tests/Browser/requirements.txt
    local bin
    bin="$(swift build --show-bin-path)/meetlat"
    "$bin" site --output _site
    MEETLAT_BIN="$bin" MEETLAT_SITE=_site .venv/bin/python -m pytest -q Tests/Browser
}
