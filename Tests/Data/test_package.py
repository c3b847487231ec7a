"""datapackage.json: Frictionless validates the package and every CSV download it describes."""
import json
import subprocess
import sys


def test_frictionless_validate_passes_with_no_errors(site):
    result = subprocess.run([sys.executable, "-m", "frictionless", "validate", "--json", "datapackage.json"],
                            cwd=site, capture_output=True, text=True, timeout=600)
    report = json.loads(result.stdout)
    errors = [error for task in report["tasks"] for error in task["errors"]] + report.get("errors", [])
    assert report["valid"], json.dumps(errors[:5], ensure_ascii=False, indent=1)
    assert result.returncode == 0
    assert len(report["tasks"]) == len(json.loads((site / "datapackage.json").read_text())["resources"])


def test_every_csv_download_is_described(site):
    package = json.loads((site / "datapackage.json").read_text())
    described = {resource["path"] for resource in package["resources"]}
    on_site = {str(path.relative_to(site)) for path in site.rglob("*.csv")}
    assert described == on_site
    assert package["licenses"][0]["name"] == "CC-BY-4.0"


def test_rankings_have_keys_types_and_provenance(site):
    package = json.loads((site / "datapackage.json").read_text())
    resource = next(r for r in package["resources"] if r["path"] == "2012/data/ranglijst-2012.csv")
    fields = {field["name"]: field for field in resource["schema"]["fields"]}
    assert fields["Rang"]["type"] == "integer"
    assert fields["Relatieve positie 2012"]["type"] == "number"
    assert fields["Relatieve positie 2012"]["decimalChar"] == ","
    assert fields["Gemeente"]["type"] == "string"
    assert resource["schema"]["primaryKey"] == ["CBS-code"]
    assert resource["schema"]["foreignKeys"][0]["reference"]["resource"] == "data-gemeenten"
    assert resource["herkomst"]["editie"] == 2012
    assert resource["herkomst"]["model"] == "meetlat-2012"
    assert resource["herkomst"]["meetlat"].startswith("meetlat ")


def test_two_builds_give_the_same_package(site, second_site):
    assert (site / "datapackage.json").read_bytes() == (second_site / "datapackage.json").read_bytes()
    assert (site / "data" / "gemeenten.csv").read_bytes() == (second_site / "data" / "gemeenten.csv").read_bytes()
