"""One identity per actor: each resolved entity gets its `canonical` name
(rules/canonical.py), the key under which exports and the network group its
mentions; `normal` stays the mention in the nominative."""

from spacy.language import Language
from spacy.tokens import Doc

from pipeline.rules.canonical import canonicals


@Language.component("canonical")
def name_actors(doc: Doc) -> Doc:
    for e, name in zip(doc._.entities, canonicals(doc._.entities)):
        e.canonical = name
    return doc
