"""`meetlat export` writes what the site publishes, byte for byte; every download names its origin."""
import json
import subprocess

from conftest import MEETLAT, REPOSITORY


def test_export_writes_the_sites_database_metadata_and_api(site, tmp_path):
    api = tmp_path / "api"
    result = subprocess.run([str(MEETLAT), "export", "--sqlite", str(tmp_path / "meetlat.sqlite"),
                             "--metadata", str(tmp_path / "metadata.json"), "--api", str(api)],
                            cwd=REPOSITORY, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "meetlat.sqlite").read_bytes() == (site / "data" / "meetlat.sqlite").read_bytes()
    assert (tmp_path / "metadata.json").read_bytes() == (site / "data" / "metadata.json").read_bytes()
    exported = sorted(p.relative_to(api) for p in api.rglob("*") if p.is_file())
    published = sorted(p.relative_to(site / "api") for p in (site / "api").rglob("*.json"))
    assert exported == published
    for path in exported:
        assert (api / path).read_bytes() == (site / "api" / path).read_bytes(), path


def test_export_without_a_destination_says_what_to_give():
    result = subprocess.run([str(MEETLAT), "export"], cwd=REPOSITORY, capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "--sqlite" in result.stderr


def test_every_json_download_names_edition_model_build_and_reference(site):
    files = sorted(site.glob("*/data/*.json"))
    assert len(files) > 20
    for path in files:
        herkomst = json.loads(path.read_text(encoding="utf-8"))["herkomst"]
        assert herkomst["editie"] == int(path.parts[-3]), path
        assert herkomst["model"].startswith("meetlat-"), path
        assert herkomst["meetlat"].startswith("meetlat "), path
        assert "reference" in herkomst["referentie"], path


def test_every_workbook_names_its_origin_in_its_properties(site):
    import openpyxl  # the browser tests' reader of the workbooks, in the same virtualenv

    files = sorted(site.glob("*/data/*.xlsx")) + sorted(site.glob("data/*.xlsx"))
    assert len(files) > 20
    for path in files:
        description = openpyxl.load_workbook(path, read_only=True).properties.description
        assert description.startswith("herkomst: {"), path
        herkomst = json.loads(description[len("herkomst: "):])
        assert herkomst["meetlat"].startswith("meetlat "), path
        if path.parts[-3].isdigit():
            assert herkomst["editie"] == int(path.parts[-3]) and herkomst["model"].startswith("meetlat-"), path
        else:
            assert herkomst["edities"] == [2011, 2012, 2013], path


def test_every_csv_download_names_its_origin_in_the_data_package(site):
    package = json.loads((site / "datapackage.json").read_text())
    for resource in package["resources"]:
        assert resource["herkomst"]["meetlat"].startswith("meetlat "), resource["path"]
        year = resource["path"].split("/")[0]
        if year.isdigit():
            assert resource["herkomst"]["editie"] == int(year), resource["path"]
