"""Points of places for the map: pipeline/data/coordinates/places.tsv
(tools/place_coordinates.py derives it from the gazetteer and GeoNames:
a region at its administrative centre, a country at its capital)."""

import csv
import io
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def table() -> dict:
    """("id", id) and ("name", name) -> (lat, lon)."""
    text = resources.files("pipeline").joinpath("data", "coordinates", "places.tsv").read_text(encoding="utf-8")
    points = {}
    for row in csv.DictReader(io.StringIO(text), delimiter="\t"):
        point = (float(row["lat"]), float(row["lon"]))
        if row["id"]:
            points.setdefault(("id", row["id"]), point)
        points.setdefault(("name", row["name"].replace("ё", "е")), point)
    return points


def point(place_id, name):
    """(lat, lon) of a place by its id, else its name; None when unknown."""
    points = table()
    return points.get(("id", place_id)) or points.get(("name", (name or "").replace("ё", "е")))
