"""Resolve every layer's findings into one flat list of entities.

Policy: spans never overlap; of overlapping findings the more specific layer
wins (rule > gazetteer > ner), then the longer span. Each kept entity gets
its sentence index, normal form and kind."""

from bisect import bisect_right

from spacy.language import Language
from spacy.tokens import Doc

from .kinds import loc_kind, org_kind
from .normal import nominative
from .segment import sentences_of

PRIORITY = {"rule": 3, "gazetteer": 2, "ner": 1}


def resolve(candidates: list) -> list:
    ranked = sorted(candidates, key=lambda e: (-PRIORITY.get(e.source, 0), -(e.end - e.start), e.start))
    kept = []
    for e in ranked:
        if all(e.end <= k.start or e.start >= k.end for k in kept):
            kept.append(e)
    return sorted(kept, key=lambda e: e.start)


def complete(e, doc: Doc, sent_starts: list):
    span = doc.char_span(e.start, e.end, alignment_mode="expand")
    e.sentence = bisect_right(sent_starts, e.start) - 1
    if not e.normal:
        e.normal = nominative(span, e.label) or e.text
    lemmas = [t.lemma_ for t in span if not t.is_space]
    if e.kind is None and e.label == "LOC":
        e.kind = loc_kind(lemmas)
    if e.kind is None and e.label == "ORG":
        e.kind = org_kind(lemmas, e.text)
    return e


@Language.component("entities")
def resolve_entities(doc: Doc) -> Doc:
    starts = [s.start for s in sentences_of(doc)]
    entities = [complete(e, doc, starts) for e in resolve(doc._.candidates)]
    doc._.entities = entities
    return doc
