"""The place gazetteer (data/gazetteer/*.tsv, sources in SOURCES.md) as a
lemma index: current names and variants with their ISO 3166 id and kind, and
former names (historical.tsv) with an id only where the territory is the same.
The keys and lemmas of the names' words come from data/keys/places.tsv
(`make place-keys` writes it) when the same analyser made it:
analysing ~7,000 words took a second of every worker's start-up."""

import csv
import io
from dataclasses import dataclass
from importlib import resources

from pipeline.rules.lexicon import words
from pipeline.rules.name_index import Name, NameIndex, known_rows, read_known, words_of

KNOWN = ("keys", "places.tsv")


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


def place_names() -> list:
    names = []
    for path in gazetteer_files():
        if path.name == "historical.tsv":
            names += [former_name(r) for r in rows(path)]
        else:
            names += [n for r in rows(path) for n in current_names(r)]
    return names


def load_places() -> NameIndex:
    """Built once per process by `models.places`."""
    return NameIndex(place_names(), free_words=words("region_words.txt"), known=known_words())


def known_words() -> dict:
    """The table of the names' words when this analyser made it; else none
    (a table made by another pymorphy3 or dictionary might differ)."""
    from pipeline.nlp.analyzer import version
    lines = resources.files("pipeline").joinpath("data", *KNOWN).read_text(encoding="utf-8").splitlines()
    if not lines or lines[0] != known_header(version()):
        return {}
    return read_known(lines[1:])


def known_header(analyser: str) -> str:
    return f"# made by tools/place_keys.py with {analyser}"


def known_table() -> str:
    """What data/keys/places.tsv holds for the gazetteer as it is."""
    from pipeline.nlp.analyzer import version
    rows = known_rows(w for name in place_names() for w in name.words)
    return "\n".join([known_header(version()), *rows]) + "\n"


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
