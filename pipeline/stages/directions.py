"""Directions of cooperation (../shared/spec/directions.md) for every
sentence, paragraph and the whole document, scored by the committed model in
models/ (given to the stage when the Language is built, never trained here). Every score is in
[0, 1] and a label is assigned when its score is >= 0.5."""

from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc

from pipeline.nlp import models
from pipeline.records import Direction
from pipeline.nlp.tokenizer import sentences_of
from pipeline.training.features import lemma_text
from pipeline.training.model import IMPLY_SOFT_POWER, LABELS, scores

SOFT = LABELS.index("soft_power")
# A whole document carries a direction when a real part of it does: at least
# SHARE of its sentences, and never a single sentence in a text longer than
# SHORT sentences. A sentence listing many directions ("an agreement on trade,
# science, ecology and culture") counts 2/k towards each of its k directions.
# The document score mass / (mass + needed) is 0.5 at the bar and grows with coverage.
# Fragments of fewer than MIN_WORDS content words (headings, "– 2017.", "– С. 45–58."
# in a reference list) keep their own labels but neither count nor vote.
SHARE, SHORT, MIN_LONG, MIN_WORDS = 0.05, 3, 1.5, 3


@dataclass
class Directions:
    sentences: list   # per sentence: Direction records, highest score first
    paragraphs: list  # per paragraph: likewise
    document: list    # Direction records with evidence (sentence indexes, strongest first)


def sentence_lemmas(doc: Doc, sentences: list) -> list:
    return [lemma_text(doc.char_span(s.start, s.end, alignment_mode="expand")) for s in sentences]


def sentence_scores(model: dict, texts: list) -> np.ndarray:
    return scores(model, texts) if texts else np.zeros((0, len(LABELS)))


def assigned(row) -> list:
    found = [Direction(label, float(row[j])) for j, label in enumerate(LABELS) if row[j] >= 0.5]
    return sorted(found, key=lambda d: -d.score)


def paragraph_labels(S: np.ndarray, sentences: list, n_paragraphs: int) -> list:
    """A paragraph carries a label when one of its sentences does, at its best score."""
    best = np.zeros((n_paragraphs, len(LABELS)))
    for row, s in zip(S, sentences):
        best[s.paragraph] = np.maximum(best[s.paragraph], row)
    return [assigned(row) for row in best]


def needed(n: int) -> float:
    return 0.5 if n <= SHORT else max(MIN_LONG, SHARE * n)


def weights(A: np.ndarray) -> np.ndarray:
    """2/k for a sentence naming k > 2 directions (soft_power aside), else 1."""
    k = np.delete(A, SOFT, axis=1).sum(axis=1)
    return np.minimum(1.0, 2.0 / np.maximum(k, 1))


def document_labels(S: np.ndarray, words: np.ndarray) -> list:
    """`words`: the number of content words of each sentence."""
    counted = np.asarray(words) >= MIN_WORDS
    A = (S >= 0.5) & counted[:, None]
    w = weights(A)
    need = needed(int(counted.sum()))
    found = []
    for j, label in enumerate(LABELS):
        mass = float((A[:, j] * w).sum())
        if A[:, j].any() and mass >= need:
            order = sorted(np.flatnonzero(A[:, j]), key=lambda i: -(w[i] * S[i, j]))
            found.append(Direction(label, mass / (mass + need), [int(i) for i in order]))
    return sorted(imply_soft_power(found), key=lambda d: -d.score)


def imply_soft_power(found: list) -> list:
    """A cultural or educational document is soft power too (directions.md)."""
    by_label = {d.label: d for d in found}
    implied = [by_label[lab] for lab in IMPLY_SOFT_POWER if lab in by_label]
    if not implied:
        return found
    soft = by_label.get("soft_power") or Direction("soft_power", 0.0)
    soft.score = max([soft.score] + [d.score for d in implied])
    soft.evidence = soft.evidence or implied[0].evidence
    return [d for d in found if d.label != "soft_power"] + [soft]


ASSIGNS = ["doc._.directions"]
REQUIRES = ["token.lemma"]


class LabelDirections:
    """The stage, given the directions model."""

    def __init__(self, model: dict):
        self.model = model

    def __call__(self, doc: Doc) -> Doc:
        sentences = sentences_of(doc)
        texts = sentence_lemmas(doc, sentences)
        S = sentence_scores(self.model, texts)
        found = Directions([assigned(row) for row in S],
                           paragraph_labels(S, sentences, len(doc._.paragraphs)),
                           document_labels(S, [len(t.split()) for t in texts]))
        doc._.directions = found
        return doc


def make(nlp, name: str) -> LabelDirections:
    return LabelDirections(models.directions_model())
