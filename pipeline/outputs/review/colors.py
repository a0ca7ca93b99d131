"""The one colour scheme of the review site (templates/colors.json):
entities by label and kind, directions by label."""

import json
from functools import lru_cache
from importlib import resources

UNKNOWN = "#dddddd"


@lru_cache(maxsize=None)
def scheme() -> dict:
    return json.loads(resources.files(__package__).joinpath("templates", "colors.json").read_text(encoding="utf-8"))


def ent_type(label: str, kind=None) -> str:
    """What a highlight shows: the label, and the kind where there is one."""
    return f"{label}·{kind}" if kind else label


def ent_color(label: str, kind=None) -> str:
    colors = scheme()["entities"]
    return colors.get(f"{label}/{kind}") or colors.get(label, UNKNOWN)


def displacy_colors(entities) -> dict:
    """displaCy looks colours up by the upper-cased label it shows."""
    return {ent_type(e["label"], e.get("kind")).upper(): ent_color(e["label"], e.get("kind")) for e in entities}


def legend() -> list:
    """(shown type, colour) for every label/kind; a bare label is listed only
    where it has no kinds (it is then only the fallback colour)."""
    colors = scheme()["entities"]
    with_kinds = {key.split("/")[0] for key in colors if "/" in key}
    return [(ent_type(*key.split("/")), color) for key, color in colors.items()
            if "/" in key or key not in with_kinds]


def direction_color(label: str) -> str:
    return scheme()["directions"].get(label, UNKNOWN)
