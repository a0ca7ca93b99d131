"""Cooperation ties (../shared/spec/ties.md): for each sentence, every pair of
territorial actors (rules/tie_candidates.py) is scored by the ties model
(models/ties.skops, trained on the annotated documents by `make train-ties`);
a pair whose best sentence reaches the threshold is a tie, one per type the
type model finds in its evidence sentences. The date is the act's date in the
evidence, else the article's dateline; the directions are those the
directions stage gave the evidence sentences (their paragraphs' when none)."""

from collections import defaultdict
from dataclasses import dataclass
from functools import partial
from itertools import compress
from operator import add, not_

import numpy as np
from spacy.tokens import Doc

from pipeline.nlp import models
from pipeline.nlp.words import columns
from pipeline.rules.name_index import fold
from pipeline.rules.tie_candidates import (TieInput, Word, actors_by_sentence, candidates, in_sentence,
                                           sentence_triggers)
from pipeline.training.tie_features import features
from pipeline.training.tie_model import TYPES, pair_probs, type_probs

# A date right after these words is a term or a plan, not the act's date:
# "дорожная карта на 2024–2025 годы", "до 2030 года".
NOT_THE_ACT = {"на", "до", "к", "после", "через"}
DATELINE_SENTENCES = 2
GOVERNANCE_TYPES = {"agreement", "visit", "meeting"}
# Acts a sentence that names no party can add to the pair of the sentence
# before: a document signed "by the sides". A meeting or trade figure there is
# mostly the same event told on ("В ходе встречи ...").
CONTINUED_TYPES = {"agreement", "twinning"}
# Words by which a sentence refers back to the two parties of the one before.
BACK_REFERENCES = {"сторона", "визит", "поездка", "встреча", "партнёр", "партнер", "регион", "сосед"}


@dataclass
class Party:
    normal: str
    id: str | None


@dataclass
class Tie:
    parties: list        # two Party records, ordered by normal
    type: str
    date: str | None
    directions: list     # labels
    score: float
    evidence: list       # sentence indexes, strongest first


def tie_words(doc: Doc) -> list:
    """A Word per non-space token, read from the document's arrays (no token
    objects), each made by tuple.__new__ in one map: a NamedTuple's own
    constructor is a Python call per token."""
    c = columns(doc)
    rows = zip(c.idx, map(add, c.idx, map(len, c.text)), c.lemma, c.pos, c.text)
    return list(map(partial(tuple.__new__, Word), compress(rows, map(not_, c.blank))))


def input_of(doc: Doc) -> TieInput:
    words = tie_words(doc)
    found = doc._.directions
    sentence_labels = [[d.label for d in s] for s in found.sentences] if found else []
    paragraph_labels = [[d.label for d in p] for p in found.paragraphs] if found else []
    document_labels = [d.label for d in found.document] if found else []
    return TieInput(words, list(doc._.sentences), doc._.entities or [], sentence_labels, paragraph_labels,
                    document_labels)


def pair_counts(found: list) -> dict:
    counts = defaultdict(int)
    for c in found:
        counts[c.a.territory.key, c.b.territory.key] += 1
    return counts


def candidate_features(data: TieInput, found: list) -> list:
    counts = pair_counts(found)
    return [features(data, c, counts[c.a.territory.key, c.b.territory.key]) for c in found]


# --- dates --------------------------------------------------------------------------

def dates_in(data: TieInput, s: int) -> list:
    """(value, start) of the DATE entities of sentence s that can date an act."""
    out = []
    for e in data.entities:
        if e.label != "DATE" or e.sentence != s or not isinstance(e.value, str):
            continue
        first = data.word_range(e.start, e.end)[0]
        before = fold(data.words[first - 1].text) if first > 0 else ""
        if before not in NOT_THE_ACT:
            out.append((e.value, e.start))
    return out


def document_date(data: TieInput) -> str | None:
    """The dateline's date: a full date among the first sentences."""
    for s in range(min(DATELINE_SENTENCES, len(data.sentences))):
        for value, _ in dates_in(data, s):
            if len(value) == 10:
                return value
    return None


def tie_date(data: TieInput, evidence: list, dateline: str | None) -> str | None:
    """The first date of the strongest evidence sentence that has one, other
    than the dateline itself; else the dateline's."""
    for s in evidence:
        found = [v for v, _ in sorted(dates_in(data, s), key=lambda d: d[1]) if v != dateline]
        if found:
            return found[0]
    return dateline


# --- directions ---------------------------------------------------------------------

def tie_directions(data: TieInput, evidence: list, kind: str) -> list:
    """The labels of the evidence's paragraphs and of the whole article (an
    article about a tie is about its spheres: on the training split this
    scores directions F1 0.83 against 0.66 for the evidence sentences alone);
    an agreement, visit or meeting between authorities is governance too
    (directions.md), and cultural or educational ties are soft power."""
    paragraphs = {data.sentences[s][2] for s in evidence}
    labels = {lab for p in paragraphs if p < len(data.paragraph_labels) for lab in data.paragraph_labels[p]}
    labels |= set(data.document_labels)
    if kind in GOVERNANCE_TYPES:
        labels.add("governance")
    if labels & {"cultural", "educational"}:
        labels.add("soft_power")
    return sorted(labels)


# --- assembling ---------------------------------------------------------------------

def rule_types(data: TieInput, s: int) -> list:
    """The types whose trigger words the sentence has ("other" when none)."""
    found = sentence_triggers(data, s) - {"other"}
    return sorted(found) or ["other"]


def scored_types(P: np.ndarray, threshold: float) -> dict:
    """type -> sentence rows reaching the threshold; the best type always."""
    chosen = {TYPES[j]: [i for i in np.argsort(-P[:, j]) if P[i, j] >= threshold] for j in range(len(TYPES))}
    chosen = {t: rows for t, rows in chosen.items() if rows}
    if not chosen:
        j = int(np.argmax(P.max(axis=0)))
        chosen = {TYPES[j]: list(np.argsort(-P[:, j]))}
    return chosen


def continued(data: TieInput, evidence: list, named: set) -> list:
    """The sentence right after the pair's evidence, in its paragraph, that
    names no territory but refers back to the parties ("В ходе визита
    стороны подписали меморандум"): the same pair's act."""
    out = []
    for s in sorted(set(evidence)):
        nxt = s + 1
        if nxt < len(data.sentences) and nxt not in named and nxt not in evidence \
                and data.sentences[nxt][2] == data.sentences[s][2] \
                and BACK_REFERENCES & {fold(w.lemma) for w in in_sentence(data, nxt)}:
            out.append(nxt)
    return out


def assemble(data: TieInput, found: list, probs: np.ndarray, TP: np.ndarray | None, thresholds: dict) -> list:
    """Ties from scored candidates: per pair, its sentences reaching the pair
    threshold are the evidence; one tie per type found in them."""
    by_pair = defaultdict(list)
    for i, c in enumerate(found):
        by_pair[c.a.territory.key, c.b.territory.key].append(i)
    dateline, ties, named = document_date(data), [], set(actors_by_sentence(data))
    for rows in by_pair.values():
        kept = sorted((i for i in rows if probs[i] >= thresholds["pair"]), key=lambda i: -probs[i])
        if not kept:
            continue
        c = found[kept[0]]
        if TP is None:
            by_type = defaultdict(list)
            for i in kept:
                for t in rule_types(data, found[i].sentence):
                    by_type[t].append(i)
        else:
            local = scored_types(TP[kept], thresholds["type"])
            by_type = {t: [kept[r] for r in rs] for t, rs in local.items()}
        by_type = {t: list(dict.fromkeys(found[i].sentence for i in members)) for t, members in by_type.items()}
        for s in continued(data, [found[i].sentence for i in kept], named):
            for t in set(rule_types(data, s)) & CONTINUED_TYPES:
                by_type.setdefault(t, []).append(s)
        parties = sorted([Party(c.a.territory.normal, c.a.territory.id), Party(c.b.territory.normal, c.b.territory.id)],
                         key=lambda p: p.normal)
        for t, evidence in by_type.items():
            ties.append(Tie(parties, t, tie_date(data, evidence, dateline), tie_directions(data, evidence, t),
                            round(float(probs[kept[0]]), 4), evidence))
    return sorted(ties, key=lambda t: (min(t.evidence), t.parties[0].normal, t.parties[1].normal, t.type))


def find_ties(data: TieInput, loaded: dict) -> list:
    found = candidates(data)
    if not found:
        return []
    feats = candidate_features(data, found)
    return assemble(data, found, pair_probs(loaded, feats), type_probs(loaded, feats), loaded["thresholds"])


ASSIGNS = ["doc._.ties"]
REQUIRES = ["doc._.entities", "doc._.directions"]


class Ties:
    """The stage, given the ties model."""

    def __init__(self, loaded: dict):
        self.loaded = loaded

    def __call__(self, doc: Doc) -> Doc:
        found = find_ties(input_of(doc), self.loaded)
        doc._.ties = found
        return doc


def make(nlp, name: str) -> Ties:
    return Ties(models.ties_model())
