"""Resolve every layer's findings into one flat list of entities.

Policy (one rule, applied greedily): spans never overlap. An ORG that
contains only places and persons outranks them, since an organisation's name
includes its places and persons (entities.md rule 3: "Правительство Омской
области" is one ORG); so does a LOC that contains exactly one other LOC and
nothing else ("Южном Кавказе" over the gazetteer's "Кавказе"). Otherwise the more specific layer wins (rule >
gazetteer > ner), then the longer span, then the earlier one. Each kept
entity gets its sentence index, normal form and kind; a government body that
natasha found takes `governs` from the gazetteer place inside it.

The result is written three ways: the project's Entity records
(`doc._.entities`), spaCy's `doc.ents` (label, and the id as `kb_id_`), so
displaCy and every spaCy tool see the entities, and every layer's findings,
overlapping, as the span group `doc.spans["candidates"]`."""

from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Span

from pipeline.rules.body_complement import head_number, is_head
from pipeline.nlp import models
from pipeline.rules.kinds import loc_kind, org_kind
from pipeline.rules.normal_forms import is_nominal, nominative_of
from pipeline.nlp.tokenizer import sentences_of
from pipeline.nlp.spans import DocTokens, changed, index_at
from pipeline.nlp.words import forget_words

PRIORITY = {"rule": 3, "gazetteer": 2, "ner": 1}


def contains(outer, inner) -> bool:
    return outer is not inner and outer.start <= inner.start and inner.end <= outer.end \
        and (outer.end - outer.start) > (inner.end - inner.start)


def rank(e, inside: list) -> int:
    """`inside`: the candidates e contains."""
    container = e.label == "ORG" and all(c.label in ("LOC", "PER") for c in inside) \
        or e.label == "LOC" and [c.label for c in inside] == ["LOC"]
    return max([PRIORITY.get(e.source, 0), *(PRIORITY.get(c.source, 0) for c in inside if container)])


def contained(candidates: list):
    """A function giving the candidates inside a span: only those starting
    within it are looked at, so a long text does not cost entities x entities."""
    by_start = sorted(candidates, key=lambda c: c.start)
    starts = [c.start for c in by_start]
    return lambda e: [c for c in by_start[bisect_left(starts, e.start):bisect_right(starts, e.end)] if contains(e, c)]


class Kept:
    """The spans kept so far by start: a new span is checked against the
    few that can reach it, not against all."""

    def __init__(self):
        self.starts, self.ends, self.longest = [], [], 0

    def overlaps(self, e) -> bool:
        first, stop = bisect_right(self.starts, e.start - self.longest), bisect_left(self.starts, e.end)
        return any(end > e.start for end in self.ends[first:stop])

    def add(self, e):
        at = bisect_right(self.starts, e.start)
        self.starts.insert(at, e.start)
        self.ends.insert(at, e.end)
        self.longest = max(self.longest, e.end - e.start)


def resolve(candidates: list) -> list:
    inside = contained(candidates)
    ranked = sorted(candidates, key=lambda e: (-rank(e, inside(e)), -(e.end - e.start), e.start))
    kept, spans = [], Kept()
    for e in ranked:
        if not spans.overlaps(e):
            kept.append(e)
            spans.add(e)
    return sorted(kept, key=lambda e: e.start)


def inner_place(e, candidates: list):
    """The first known place inside a span."""
    inside = [c for c in candidates if c.label == "LOC" and c.id and contains(e, c)]
    return min(inside, key=lambda c: c.start) if inside else None


def plural_head(tokens) -> bool:
    """"Акиматы областей Казахстана": bodies of several places govern none of them."""
    head = next((t for t in tokens if is_head(t) or is_nominal(t)), None)
    return head is not None and head_number(head) == "plur"


def place_kind(place, tokens) -> str:
    """The kind of a known place, or `other` for a part of a country or region
    named by an adjective before it ("Восточного Казахстана")."""
    before = [t for t in tokens if t.idx < place.start]
    if place.kind in ("country", "region") and before and all(t.pos_ == "ADJ" for t in before):
        return "other"
    return place.kind


def word_before(at: DocTokens, first: int) -> str:
    """The word before a span: a full word as its lemma ("селе" -> "село"), an
    abbreviation with its period ("с.", "г."), "" at the start. A one-letter
    word without a period is a preposition ("с Катон-Карагаем"), not "село"."""
    before = at.words_in(max(0, first - 2), first)
    if not before:
        return ""
    last = before[-1]
    if last.is_alpha:
        return last.lemma_
    if last.text == "." and len(before) == 2 and before[0].is_alpha:
        return before[0].text + "."
    stem = last.text[:-1]
    return last.text if last.text.endswith(".") and stem.isalpha() else ""


def complete(e, at: DocTokens, sent_starts: list, candidates: list):
    """A copy of the kept finding with its sentence, normal form, kind and `governs`."""
    first, stop = at.range(e.start, e.end)
    tokens = at.words_in(first, stop)
    e = changed(e, sentence=index_at(sent_starts, e.start))
    if not e.normal:
        e.normal = nominative_of(tokens, e.label) or e.text
    if e.kind is None and e.label == "LOC":
        place = inner_place(e, candidates)  # "Южном Кавказе" keeps what the gazetteer knows
        named = None if place else models.places().named(e.normal)  # a case form the gazetteer's lemmas missed
        if named is not None:
            e.kind, e.id = named.payload.kind, e.id or named.payload.id
        else:
            e.kind = place_kind(place, tokens) if place else loc_kind([t.lemma_ for t in tokens],
                                                                      word_before(at, first))
    if e.kind is None and e.label == "ORG":
        e.kind = org_kind(tokens)
    if e.kind == "government" and e.governs is None and not plural_head(tokens):
        place = inner_place(e, candidates)
        e.governs = place.id if place else None
    return e


def spans_of(at: DocTokens, entities: list) -> list:
    """spaCy spans of the entities, over whole tokens, labelled, the id as
    `kb_id`: as `doc.char_span(…, alignment_mode="expand")` makes them."""
    ranges = ((e, at.range(e.start, e.end)) for e in entities)
    return [Span(at.doc, *found, label=e.label, kb_id=e.id or "") for e, found in ranges if found is not None]


def non_overlapping(spans: list) -> list:
    """The spans in order, each one that shares a token with the one before
    left out (two entities may lie in one token, a span covers it whole)."""
    kept, end = [], 0
    for s in sorted(spans, key=lambda s: s.start):
        if s.start >= end:
            kept.append(s)
            end = s.end
    return kept


ASSIGNS = ["doc._.entities", "doc.ents", "doc.spans"]
REQUIRES = ["doc._.candidates", "token.lemma", "token.pos", "token.morph"]


def resolve_entities(doc: Doc) -> Doc:
    """The stage."""
    starts = [s.start for s in sentences_of(doc)]
    found, at = doc._.candidates, DocTokens(doc)
    entities = [complete(e, at, starts, found) for e in resolve(found)]
    ents = non_overlapping(spans_of(at, entities))
    candidates = spans_of(at, found)
    doc._.entities = entities
    doc.set_ents(ents, default="outside")
    doc.spans["candidates"] = candidates
    forget_words(doc)  # the last rule stage
    return doc


def make(nlp, name: str):
    return resolve_entities
