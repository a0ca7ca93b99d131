"""Directions of cooperation (../shared/spec/directions.md) for every
sentence, paragraph and the whole document, scored by the committed model in
models/ (given to the stage when the Language is built, never trained here).
Sentences are scored by the sentence model; paragraphs and documents by the
decision learnt from their sentences (pipeline/training/units.py). Every
score is in [0, 1] and a label is assigned when its score is >= 0.5."""

from bisect import bisect_left
from dataclasses import dataclass

import numpy as np
from spacy.tokens import Doc

from pipeline.nlp import models
from pipeline.records import Direction
from pipeline.nlp.tokenizer import sentences_of
from pipeline.nlp.words import columns
from pipeline.training import units
from pipeline.training.features import content_lemma
from pipeline.training.model import LABELS, scores


@dataclass
class Directions:
    sentences: list   # per sentence: Direction records, highest score first
    paragraphs: list  # per paragraph: likewise
    document: list    # Direction records with evidence (sentence indexes, strongest first) and share
    scores: dict      # label -> the document's score, for every label


def sentence_lemmas(doc: Doc, sentences: list) -> list:
    """Each sentence's lemma text (features.lemma_text of its tokens), read
    from the document's arrays at once: no token object per word."""
    c = columns(doc)
    kept = list(map(content_lemma, c.lemma, c.pos, c.text))
    return [" ".join(filter(None, kept[bisect_left(c.idx, s.start):bisect_left(c.idx, s.end)]))
            for s in sentences]


def sentence_scores(model: dict, texts: list) -> np.ndarray:
    return scores(model, texts) if texts else np.zeros((0, len(LABELS)))


def assigned(row: list) -> list:
    """Direction records of the labels a row of scores (plain floats) assigns, highest score first."""
    found = [Direction(label, score) for label, score in zip(LABELS, row) if score >= 0.5]
    return sorted(found, key=lambda d: -d.score)


def cues_of(model: dict) -> frozenset:
    """The cooperation cues the model was trained with, in lemma form."""
    return frozenset(dict(model["estimator"].named_steps["features"].transformer_list)["spheres"].cues)


def paragraph_labels(model: dict, whole: units.Unit, sentences: list, n_paragraphs: int) -> list:
    """Each paragraph decided as a unit of its own sentences, like a document,
    at thresholds calibrated on paragraph-sized texts (the directions corpus)."""
    paragraph = np.array([s.paragraph for s in sentences], dtype=int)
    F = units.grouped_features(whole, paragraph, n_paragraphs)
    empty = np.bincount(paragraph, minlength=n_paragraphs) == 0
    return [assigned(row) for row in units.decided(model, F, empty, "paragraph_thresholds").tolist()]


def document_labels(model: dict, whole: units.Unit) -> tuple:
    """(Direction records of the document, its score for every label)."""
    row = units.decide(model, [whole])[0]
    return units.labelled(whole, row), {label: float(row[j]) for j, label in enumerate(LABELS)}


ASSIGNS = ["doc._.directions"]
REQUIRES = ["token.lemma"]


class LabelDirections:
    """The stage, given the directions model."""

    def __init__(self, model: dict):
        self.model, self.cues = model, cues_of(model)

    def __call__(self, doc: Doc) -> Doc:
        sentences = sentences_of(doc)
        texts = sentence_lemmas(doc, sentences)
        S = sentence_scores(self.model, texts)
        whole = units.unit(S, texts, self.cues)
        document, label_scores = document_labels(self.model, whole)
        found = Directions([assigned(row) for row in S.tolist()],
                           paragraph_labels(self.model, whole, sentences, len(doc._.paragraphs)),
                           document, label_scores)
        doc._.directions = found
        return doc


def make(nlp, name: str) -> LabelDirections:
    return LabelDirections(models.directions_model())
