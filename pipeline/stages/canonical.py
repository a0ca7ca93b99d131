"""One identity per actor: each resolved entity gets its `canonical` name
(rules/canonical.py), the key under which exports and the network group its
mentions; `normal` stays the mention in the nominative."""

from dataclasses import replace

from spacy.tokens import Doc

from pipeline.rules.canonical import canonicals

ASSIGNS = ["doc._.entities"]
REQUIRES = ["doc._.entities"]


def name_actors(doc: Doc) -> Doc:
    """The stage: copies of the entities, each with its canonical name."""
    named = [replace(e, canonical=name) for e, name in zip(doc._.entities, canonicals(doc._.entities))]
    doc._.entities = named
    return doc


def make(nlp, name: str):
    return name_actors
