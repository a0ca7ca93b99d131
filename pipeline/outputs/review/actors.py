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
    __slots__ = ("key", "label", "kinds", "names", "id", "mentions", "docs", "ties")

    def __init__(self, key: str, label: str):
        self.key, self.label, self.kinds, self.names, self.id = key, label, {}, {}, None
        self.mentions, self.docs, self.ties = [], set(), []

    def add(self, e: dict, doc_n: int, index: int) -> None:
        self.names[e.get("canonical") or normal(e)] = self.names.get(e.get("canonical") or normal(e), 0) + 1
        if e.get("kind"):
            self.kinds[e["kind"]] = self.kinds.get(e["kind"], 0) + 1
        self.id = self.id or e.get("id")
        self.mentions.append((doc_n, index))
        self.docs.add(doc_n)

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


def collect(docs: list) -> dict:
    """key -> Actor over the mentions of LOC, ORG and PER, in order of first mention."""
    actors = {}
    for n, doc in enumerate(docs):
        for i, e in enumerate(doc["entities"]):
            if e["label"] in LABELS:
                key = actor_key(e)
                actor = actors.get(key) or actors.setdefault(key, Actor(key, e["label"]))
                actor.add(e, n, i)
    return actors


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
