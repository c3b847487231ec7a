"""meetlat.sqlite through Datasette's JSON API, and as the bytes of two builds."""
import csv
import sqlite3

from conftest import REPOSITORY, TABEL_2


def test_top_10_of_2012_is_tabel_2(datasette):
    rows = datasette("/meetlat/top_10.json?year=2012&_shape=array")
    assert [(row["rank"], row["name"], row["total"]) for row in rows] == TABEL_2


def test_top_10_through_the_table_api_with_sorting_and_filters(datasette):
    rows = datasette("/meetlat/rankings.json?year=2012&rank__lte=10&_sort=rank&_shape=array")
    assert sorted((row["rank"], row["name"], row["total"]) for row in rows) == TABEL_2


def test_facet_per_size_class_counts_the_ranking(datasette, site):
    answer = datasette("/meetlat/rankings.json?year=2012&_facet=size_class&_size=0")
    facet = {item["value"]: item["count"] for item in answer["facet_results"]["size_class"]["results"]}
    # The ranking's own count per size class: Rankings/2012.csv, which the site was built from.
    counts = {}
    with open(REPOSITORY / "Rankings" / "2012.csv", encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            counts[row["size_class"]] = counts.get(row["size_class"], 0) + 1
    assert facet == counts
    assert sum(facet.values()) == 221


def test_metadata_titles_licence_and_canned_queries(datasette):
    database = datasette("/meetlat.json")
    tables = {table["name"]: table for table in database["tables"]}
    assert tables["gemeenten"]["fts_table"] == "gemeenten_fts"
    metadata = datasette("/-/metadata.json")
    assert metadata["license"] == "CC-BY-4.0"
    queries = metadata["databases"]["meetlat"]["queries"]
    assert {"top_10", "grootste_stijgers"} <= set(queries)
    risers = datasette("/meetlat/grootste_stijgers.json?year=2013&_shape=array")
    assert risers and all(row["rank_change"] > 0 for row in risers)
    changes = [row["position_change"] for row in risers]
    assert changes == sorted(changes, reverse=True)


def test_full_text_search_on_names_and_aliases(datasette):
    rows = datasette("/meetlat/gemeenten.json?_search=bosch&_shape=array")
    assert "GM0796" in {row["code"] for row in rows}


def test_two_builds_give_the_same_bytes(site, second_site):
    for name in ["data/meetlat.sqlite", "data/metadata.json"]:
        assert (site / name).read_bytes() == (second_site / name).read_bytes(), name


def test_foreign_keys_hold_and_every_edition_is_in(site):
    with sqlite3.connect(f"file:{site / 'data' / 'meetlat.sqlite'}?mode=ro", uri=True) as database:
        assert database.execute("pragma foreign_key_check").fetchall() == []
        assert [year for (year,) in database.execute("select year from editions order by year")] == [2011, 2012, 2013]
        assert database.execute("pragma integrity_check").fetchone() == ("ok",)
