"""Tests of the site's data downloads, read by outside tools: Datasette on meetlat.sqlite,
Frictionless on datapackage.json, an OpenAPI validator on the JSON API.

Run by scripts/test.sh (`run_data_tests`) after it built the site on the demo data. Environment:
  MEETLAT_SITE   the built site (default: <repository>/_site)
  MEETLAT_BIN    the meetlat executable (default: <repository>/.build/debug/meetlat)
"""
import json
import os
import pathlib
import socket
import subprocess
import sys
import threading
import urllib.request

import pytest

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
SITE = pathlib.Path(os.environ.get("MEETLAT_SITE", REPOSITORY / "_site")).resolve()
MEETLAT = pathlib.Path(os.environ.get("MEETLAT_BIN", REPOSITORY / ".build" / "debug" / "meetlat")).resolve()

# Tabel 2 of the 2012 report: the top 10, ties as published.
TABEL_2 = [(1, "Hoorn", 145), (2, "Boxtel", 129), (3, "Leerdam", 126), (3, "Veghel", 126), (5, "Lopik", 122),
           (6, "Hoogeveen", 120), (7, "Borsele", 114), (7, "Marum", 114), (7, "Oldambt", 114), (7, "Strijen", 114)]


@pytest.fixture(scope="session")
def site():
    if not (SITE / "data" / "meetlat.sqlite").is_file():
        pytest.exit(f"no built site with data/meetlat.sqlite at {SITE}; run `meetlat site` first (scripts/test.sh does)",
                    returncode=2)
    return SITE


@pytest.fixture(scope="session")
def second_site(tmp_path_factory):
    """The site built a second time, into another folder: the downloads must be byte-identical."""
    output = tmp_path_factory.mktemp("second") / "site"
    subprocess.run([str(MEETLAT), "site", "--output", str(output)], cwd=REPOSITORY, check=True,
                   stdout=subprocess.DEVNULL)
    return output


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def datasette(site):
    """Datasette serving the built meetlat.sqlite with its metadata.json on a free loopback port;
    ready once it says so on its error output (uvicorn's "running on" line)."""
    port = free_port()
    command = [sys.executable, "-m", "datasette", "serve", str(site / "data" / "meetlat.sqlite"),
               "--metadata", str(site / "data" / "metadata.json"), "--host", "127.0.0.1", "--port", str(port),
               "--immutable", str(site / "data" / "meetlat.sqlite")]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    seen = []
    for line in process.stdout:
        seen.append(line)
        if "running on" in line.lower():
            break
    else:
        process.wait(timeout=10)
        pytest.fail("Datasette did not start:\n" + "".join(seen))
    # Its request log keeps coming on the same pipe: read on, so a full pipe never stops it.
    threading.Thread(target=lambda: [None for _ in process.stdout], daemon=True).start()
    base = f"http://127.0.0.1:{port}"

    def get(path):
        with urllib.request.urlopen(base + path, timeout=30) as response:
            return json.load(response)

    yield get
    process.terminate()
    process.wait(timeout=30)
