"""One identity per actor: each resolved entity gets its `canonical` name
(rules/canonical.py), the key under which exports and the network group its
mentions; `normal` stays the mention in the nominative."""

from spacy.tokens import Doc

from pipeline.nlp import models
from pipeline.nlp.spans import changed
from pipeline.rules.canonical import canonicals
from pipeline.rules.coordinates import point

ASSIGNS = ["doc._.entities"]
REQUIRES = ["doc._.entities"]


class NameActors:
    """The stage, given the table of places' points: copies of the entities,
    each with its canonical name, and a place with its coordinates."""

    def __init__(self, points: dict):
        self.points = points

    def __call__(self, doc: Doc) -> Doc:
        named = [changed(e, canonical=name, coordinates=self.where(e, name))
                 for e, name in zip(doc._.entities, canonicals(doc._.entities))]
        doc._.entities = named
        return doc

    def where(self, e, name: str):
        return point(self.points, e.id, name, e.normal) if e.label == "LOC" else None


def make(nlp, name: str) -> NameActors:
    return NameActors(models.points())
