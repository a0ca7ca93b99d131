"""Candidate ties (../shared/spec/ties.md): the territorial actors of each
sentence and every pair of distinct territories among them.

An actor is a place (LOC: country, region, city) or a government body that
`governs` a place: "Акимат Павлодарской области" stands for Павлодарская
область. An official named by post and territory ("аким Павлодарской
области") is found through the place after the post. Whether a pair is a tie
is not decided here: the ties model (or its rules) scores each candidate."""

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple
from itertools import combinations

from pipeline.nlp.models import places, places_by_id
from pipeline.rules.lexicon import data_lines
from pipeline.rules.name_index import fold

TERRITORY_KINDS = {"country", "region", "city"}
CONTENT_POS = {"NOUN", "PROPN", "ADJ", "VERB", "ADV", "X"}


@lru_cache(maxsize=1)
def triggers() -> dict:
    """lemma -> the tie types it signals (data/lexicon/tie_triggers.tsv)."""
    out = defaultdict(set)
    for line in data_lines("lexicon", "tie_triggers.tsv"):
        kind, lemma = line.split("\t")[:2]
        out[fold(lemma)].add(kind)
    return dict(out)


def content(words) -> list:
    """Folded lemmas of the content words."""
    return [fold(w.lemma or w.text) for w in words if w.pos in CONTENT_POS and any(map(str.isalpha, w.text))]


def sentence_triggers(data, s: int) -> set:
    kinds = triggers()
    return {k for w in content(in_sentence(data, s)) for k in kinds.get(w, ())}


class Word(NamedTuple):
    """A token of the text (a tuple: one is made per token of every document)."""
    start: int
    end: int
    lemma: str
    pos: str
    text: str


@dataclass
class TieInput:
    """What the ties stage reads, from a spaCy Doc or from an output JSON."""
    words: list                 # Word records of the text, in order
    sentences: list             # (start, end, paragraph)
    entities: list              # Entity records (or dicts turned into them)
    sentence_labels: list       # per sentence: direction labels
    paragraph_labels: list      # per paragraph: direction labels
    document_labels: list = field(default_factory=list)
    word_starts: list = field(init=False, repr=False, compare=False)  # of each word: made from `words`
    actors: dict | None = field(default=None, init=False, repr=False, compare=False)  # by sentence, made once
    # (`actors_by_sentence`)

    def __post_init__(self):
        self.word_starts = [w.start for w in self.words]

    def word_range(self, start: int, end: int) -> tuple:
        return bisect_left(self.word_starts, start), bisect_left(self.word_starts, end)

    def sentence_words(self, s: int) -> tuple:
        start, end, _ = self.sentences[s]
        return self.word_range(start, end)


@dataclass(frozen=True)
class Territory:
    key: str            # id, or "name:<folded normal>" where there is none
    normal: str
    id: str | None
    kind: str
    country: str


@dataclass
class Actor:
    territory: Territory
    sentence: int
    first: int          # word indexes of its mention, end exclusive
    last: int
    role: str           # place | body
    entity: object


@dataclass
class Candidate:
    a: Actor            # a.territory.normal <= b.territory.normal
    b: Actor
    sentence: int
    actors: int         # distinct territories in the sentence


def territory_of_place(e) -> Territory | None:
    """A tie names a party by its ISO 3166 id; a city known by another id
    (geonames:) is named by its normal, as ties.md scores parties without one."""
    if e.kind not in TERRITORY_KINDS:
        return None
    known = places().named(e.normal)
    country = known.payload.country if known else ""
    iso = e.id if e.id and e.id.startswith("iso:") else None
    if iso:
        country = iso[4:6]
    return Territory(iso or "name:" + fold(e.normal), e.normal, iso, e.kind, country)


def territory_of_body(e) -> Territory | None:
    place = places_by_id().get(e.governs)
    if place is None or place.kind not in TERRITORY_KINDS:
        return None
    return Territory(place.id, place.name, place.id, place.kind, place.country)


def actor(e, data: TieInput) -> Actor | None:
    if e.label == "LOC":
        territory, role = territory_of_place(e), "place"
    elif e.label == "ORG" and e.kind == "government" and e.governs:
        territory, role = territory_of_body(e), "body"
    else:
        return None
    if territory is None:
        return None
    first, last = data.word_range(e.start, e.end)
    return Actor(territory, e.sentence, first, max(last, first + 1), role, e)


def actors_by_sentence(data: TieInput) -> dict:
    """sentence -> its actors; made once per input (the candidates and the ties read them)."""
    if data.actors is None:
        data.actors = {}
        for e in data.entities:
            found = actor(e, data)
            if found is not None:
                data.actors.setdefault(found.sentence, []).append(found)
    return data.actors


def closest(mentions_a: list, mentions_b: list) -> tuple:
    """The two mentions nearest to each other, for distance and the words between."""
    return min(((x, y) for x in mentions_a for y in mentions_b),
               key=lambda p: abs(p[0].first - p[1].first))


def candidates(data: TieInput, stated_only: bool = True) -> list:
    """One candidate per sentence and unordered pair of distinct territories,
    in sentences that state an act or relation (a trigger word: "подписали",
    "делегация", "товарооборот"...); `stated_only=False` gives every
    co-occurrence."""
    out = []
    for s, found in sorted(actors_by_sentence(data).items()):
        by_key = {}
        for a in found:
            by_key.setdefault(a.territory.key, []).append(a)
        if len(by_key) < 2 or stated_only and not sentence_triggers(data, s):
            continue  # no pair (most sentences name one territory), or no act stated: the words not read
        for ka, kb in combinations(sorted(by_key, key=lambda k: (by_key[k][0].territory.normal, k)), 2):
            x, y = closest(by_key[ka], by_key[kb])
            out.append(Candidate(x, y, s, len(by_key)))
    return out


def words_between(data: TieInput, c: Candidate) -> list:
    left, right = sorted((c.a, c.b), key=lambda m: m.first)
    return data.words[left.last:right.first]


def in_sentence(data: TieInput, s: int) -> list:
    first, last = data.sentence_words(s)
    return data.words[first:last]


def inside(data: TieInput, start: int, end: int) -> list:
    return data.words[bisect_left(data.word_starts, start):bisect_right(data.word_starts, end - 1)]
