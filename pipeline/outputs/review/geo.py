"""Points of places for the map: pipeline/data/coordinates/places.tsv
(tools/place_coordinates.py derives it from the gazetteer and GeoNames:
a region at its administrative centre, a country at its capital)."""

from functools import lru_cache

from pipeline.rules import coordinates


@lru_cache(maxsize=1)
def table() -> dict:
    """("id", id) and ("name", name) -> (lat, lon)."""
    return coordinates.load_points()


def point(place_id, name):
    """(lat, lon) of a place by its id, else its name; None when unknown."""
    return coordinates.point(table(), place_id, name)
