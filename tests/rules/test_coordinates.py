"""Points of places: by id, else by name; none where no source gives one."""

import pytest

from pipeline.rules.coordinates import load_points, point


@pytest.fixture(scope="module")
def points():
    return load_points()


@pytest.mark.parametrize("place_id, name, near", [
    ("iso:KZ-55", "Павлодарская область", (52.3, 77.0)),   # a region at its centre, Павлодар
    (None, "Усть-Каменогорск", (50.0, 82.6)),              # a city of the gazetteer, by name
    ("iso:RU", "Российская Федерация", (55.8, 37.6)),       # a country at its capital
])
def test_a_place_is_found_by_id_or_name(points, place_id, name, near):
    lat, lon = point(points, place_id, name)
    assert abs(lat - near[0]) < 0.5 and abs(lon - near[1]) < 0.5


def test_an_unknown_place_has_no_point(points):
    assert point(points, None, "Подгорное") is None


def test_entities_of_places_carry_their_point(nlp):
    from pipeline.text.clean import clean
    ents = nlp(clean("Делегация из Павлодара приехала в село Подгорное.").text)._.entities
    assert [(e.normal, e.coordinates is not None) for e in ents if e.label == "LOC"] == [
        ("Павлодар", True), ("Подгорное", False)]
