"""Points of places: data/coordinates/places.tsv (tools/place_coordinates.py
derives it from the gazetteer and GeoNames: a region at its administrative
centre, a country at its capital) and the GeoNames cities of
data/gazetteer/world_geonames.tsv. Looked up by id, else by name."""

import csv
import io
from importlib import resources


def rows(*path) -> list:
    text = resources.files("pipeline").joinpath("data", *path).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text), delimiter="\t"))


def fold(name: str) -> str:
    return (name or "").replace("ё", "е")


def load_points() -> dict:
    """("id", id) and ("name", name) -> (lat, lon); the curated table first."""
    points = {}
    for row in rows("coordinates", "places.tsv") + rows("gazetteer", "world_geonames.tsv"):
        point = (round(float(row["lat"]), 4), round(float(row["lon"]), 4))
        if row["id"]:
            points.setdefault(("id", row["id"]), point)
        points.setdefault(("name", fold(row["name"])), point)
    return points


def point(points: dict, place_id, *names):
    """(lat, lon) of a place by its id, else by one of its names; None when unknown."""
    found = points.get(("id", place_id)) if place_id else None
    for name in names:
        found = found or points.get(("name", fold(name)))
    return found
