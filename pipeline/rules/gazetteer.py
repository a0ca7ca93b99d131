"""The place gazetteer (data/gazetteer/*.tsv, sources in SOURCES.md) as a
lemma index: current names and variants with their ISO 3166 id and kind, and
former names (historical.tsv) with an id only where the territory is the same."""

import csv
import io
from dataclasses import dataclass
from importlib import resources

from pipeline.rules.lexicon import words
from pipeline.rules.name_index import Name, NameIndex, words_of


@dataclass(frozen=True)
class Place:
    id: str | None
    kind: str
    country: str
    name: str              # the current standard name
    historical: bool = False


def rows(path) -> list:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8")), delimiter="\t"))


def current_names(row: dict):
    place = Place(row["id"] or None, row["kind"], row["country"], row["name"])
    for surface in [row["name"], *(row["variants"] or "").split("|")]:
        if surface.strip():
            yield Name(surface.strip(), words_of(surface.strip()), place)


def former_name(row: dict) -> Name:
    place = Place(row["resolves_to"] or None, row["kind"], row["country"], row["name"], True)
    return Name(row["name"], words_of(row["name"]), place)


def gazetteer_files():
    folder = resources.files("pipeline").joinpath("data", "gazetteer")
    return sorted((f for f in folder.iterdir() if f.name.endswith(".tsv")), key=lambda f: f.name)


def load_places() -> NameIndex:
    """Built once per process by `models.places`."""
    names = []
    for path in gazetteer_files():
        if path.name == "historical.tsv":
            names += [former_name(r) for r in rows(path)]
        else:
            names += [n for r in rows(path) for n in current_names(r)]
    return NameIndex(names, free_words=words("region_words.txt"))


def load_places_by_id() -> dict:
    """id -> the current Place, for naming the territory a body governs;
    built once per process by `models.places_by_id`."""
    out = {}
    for path in gazetteer_files():
        if path.name != "historical.tsv":
            for r in rows(path):
                if r["id"]:
                    out.setdefault(r["id"], Place(r["id"], r["kind"], r["country"], r["name"]))
    return out
