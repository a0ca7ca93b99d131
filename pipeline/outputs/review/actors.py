"""Actors of the corpus: every place, organisation and person, one identity
per `canonical` name where the document gives one (schema 1.1), else per
(label, normal, id); their mentions, and the territories that ties name."""

import hashlib

from pipeline.outputs.reading import normal
from pipeline.outputs.review.vocabulary import group

LABELS = ("LOC", "ORG", "PER")


def actor_key(e: dict) -> str:
    canonical = e.get("canonical")
    if canonical:
        return f"{e['label']}|{canonical}"
    return f"{e['label']}|{normal(e)}|{e.get('id') or ''}"


def party_key(party: dict, known: dict) -> str:
    """A tie's party (a territory: normal and id) as an actor of the corpus:
    the place with that id or, without one, that name; else its own key."""
    pid, name = party.get("id"), party.get("normal") or ""
    return known.get(("id", pid)) or known.get(("name", name)) or f"LOC|{name}|{pid or ''}"


def slug(key: str) -> str:
    """A file name that does not depend on the name's characters."""
    return "a" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def actor_page(key: str) -> str:
    return f"actors/{slug(key)}.html"


class Actor:
    """An actor as the corpus pages show it, gathered document by document
    (corpus.py): its names and kinds counted, the first MENTIONS of its
    mentions in context, the number of its mentions and articles, the
    articles per year and direction, and its ties (indices into the corpus's)."""
    __slots__ = ("key", "label", "kinds", "names", "id", "mentions", "count", "articles", "years", "ties")

    def __init__(self, key: str, label: str):
        self.key, self.label, self.kinds, self.names, self.id = key, label, {}, {}, None
        self.mentions, self.count, self.articles, self.years, self.ties = [], 0, 0, {}, []

    @property
    def name(self) -> str:
        return max(self.names.items(), key=lambda kv: (kv[1], kv[0]))[0] if self.names else self.key.split("|")[1]

    @property
    def kind(self):
        return max(self.kinds.items(), key=lambda kv: (kv[1], kv[0]))[0] if self.kinds else None

    @property
    def group(self):
        return group(self.label, self.kind)

    @property
    def slug(self) -> str:
        return slug(self.key)


def place_lookup(doc: dict) -> dict:
    """("id", id) and ("name", normal or canonical) -> actor key, for the places of one document."""
    known = {}
    for e in doc["entities"]:
        if e["label"] == "LOC":
            key = actor_key(e)
            if e.get("id"):
                known.setdefault(("id", e["id"]), key)
            known.setdefault(("name", normal(e)), key)
            if e.get("canonical"):
                known.setdefault(("name", e["canonical"]), key)
    return known
