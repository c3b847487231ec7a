"""The static JSON API: every file validates against openapi.json; Hoorn's three editions."""
import json
import re

import jsonschema
import pytest
from openapi_spec_validator import validate

ROUTES = [  # path pattern under api/v1 → schema in components
    (re.compile(r"editions\.json"), "Editions"),
    (re.compile(r"\d{4}/ranking\.json"), "Ranking"),
    (re.compile(r"\d{4}/gemeente/GM\d{4}\.json"), "GemeenteEdition"),
    (re.compile(r"gemeente/GM\d{4}\.json"), "GemeenteHistory"),
]


@pytest.fixture(scope="module")
def spec(site):
    document = json.loads((site / "api" / "v1" / "openapi.json").read_text())
    validate(document)
    return document


def validator(spec, name):
    schema = {"$ref": f"#/components/schemas/{name}", "components": spec["components"]}
    return jsonschema.Draft202012Validator(schema)


def test_every_api_file_validates_against_openapi(site, spec):
    validators = {name: validator(spec, name) for _, name in ROUTES}
    checked = 0
    for path in sorted((site / "api" / "v1").rglob("*.json")):
        relative = str(path.relative_to(site / "api" / "v1"))
        if relative == "openapi.json":
            continue
        name = next((name for pattern, name in ROUTES if pattern.fullmatch(relative)), None)
        assert name, f"{relative} is not described by openapi.json"
        errors = list(validators[name].iter_errors(json.loads(path.read_text())))
        assert not errors, f"{relative}: {errors[0].message} at {list(errors[0].absolute_path)}"
        checked += 1
    print(f"{checked} API files valid")
    assert checked > 1000


def test_the_description_rejects_a_field_it_does_not_describe(site, spec):
    document = json.loads((site / "api" / "v1" / "2012" / "ranking.json").read_text())
    document["entries"][0]["email"] = "x"
    assert list(validator(spec, "Ranking").iter_errors(document))


def test_every_path_of_the_description_exists(site, spec):
    for template in spec["paths"]:
        example = template.replace("{year}", "2012").replace("{code}", "GM0405").lstrip("/")
        assert (site / example).is_file(), example


def test_hoorn_holds_its_three_editions(site):
    hoorn = json.loads((site / "api" / "v1" / "gemeente" / "GM0405.json").read_text())
    assert hoorn["name"] == "Hoorn"
    assert [edition["year"] for edition in hoorn["editions"]] == [2011, 2012, 2013]
    assert [edition["model"] for edition in hoorn["editions"]] == ["meetlat-2011", "meetlat-2012", "meetlat-2013"]
    assert hoorn["editions"][1]["total"] == 145 and hoorn["editions"][1]["rank"] == 1
    for edition in hoorn["editions"]:
        assert (site / "api" / "v1" / "gemeente" / edition["file"]).resolve().is_file()


def test_every_file_names_edition_model_and_build(site):
    ranking = json.loads((site / "api" / "v1" / "2012" / "ranking.json").read_text())
    assert ranking["herkomst"]["editie"] == 2012
    assert ranking["herkomst"]["model"] == ranking["model"] == "meetlat-2012"
    assert ranking["herkomst"]["meetlat"].startswith("meetlat ")
    assert [(entry["rank"], entry["name"], entry["total"]) for entry in ranking["entries"][:10]][0] == (1, "Hoorn", 145)


def test_two_builds_give_the_same_api(site, second_site):
    first = sorted(p.relative_to(site) for p in (site / "api").rglob("*") if p.is_file())
    second = sorted(p.relative_to(second_site) for p in (second_site / "api").rglob("*") if p.is_file())
    assert first == second
    for path in first:
        assert (site / path).read_bytes() == (second_site / path).read_bytes(), path
