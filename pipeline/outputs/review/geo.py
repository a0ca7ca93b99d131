"""Points of places for the map: pipeline/data/coordinates/places.tsv
(tools/place_coordinates.py derives it from the gazetteer and GeoNames:
a region at its administrative centre, a country at its capital)."""

from pipeline.nlp import models
from pipeline.rules import coordinates


def table() -> dict:
    """("id", id) and ("name", name) -> (lat, lon), loaded once per process."""
    return models.points()


def point(place_id, name):
    """(lat, lon) of a place by its id, else its name; None when unknown."""
    return coordinates.point(table(), place_id, name)
