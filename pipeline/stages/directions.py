"""Directions of cooperation (../shared/spec/directions.md) for every
sentence, paragraph and the whole document, scored by the committed model in
models/ (loaded once per process, never trained here). Sentences are scored
by the sentence model; paragraphs and documents by the decision learnt from
their sentences (pipeline/training/units.py). Every score is in [0, 1] and a
label is assigned when its score is >= 0.5."""

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.records import Direction
from pipeline.nlp.tokenizer import sentences_of
from pipeline.training.features import lemma_text
from pipeline.training import units
from pipeline.training.model import LABELS, load, scores
from pipeline.adapters.sklearn_wordwise import wordwise

MODEL = Path(__file__).resolve().parents[2] / "models" / "directions.skops"


@dataclass
class Directions:
    sentences: list   # per sentence: Direction records, highest score first
    paragraphs: list  # per paragraph: likewise
    document: list    # Direction records with evidence (sentence indexes, strongest first) and share
    scores: dict      # label -> the document's score, for every label


@lru_cache(maxsize=1)
def model() -> dict:
    loaded = load(os.environ.get("PARADIPLOMACY_DIRECTIONS_MODEL", MODEL))
    wordwise(loaded["estimator"])
    return loaded


def sentence_lemmas(doc: Doc, sentences: list) -> list:
    return [lemma_text(doc.char_span(s.start, s.end, alignment_mode="expand")) for s in sentences]


def sentence_scores(texts: list) -> np.ndarray:
    return scores(model(), texts) if texts else np.zeros((0, len(LABELS)))


def assigned(row) -> list:
    found = [Direction(label, float(row[j])) for j, label in enumerate(LABELS) if row[j] >= 0.5]
    return sorted(found, key=lambda d: -d.score)


def unit_of(S: np.ndarray, texts: list) -> units.Unit:
    """The sentences of a paragraph or document, as the learnt decision reads them."""
    return units.unit(S, texts, cues())


@lru_cache(maxsize=1)
def cues() -> frozenset:
    """The cooperation cues the model was trained with, in lemma form."""
    return frozenset(dict(model()["estimator"].named_steps["features"].transformer_list)["spheres"].cues)


def paragraph_labels(S: np.ndarray, texts: list, sentences: list, n_paragraphs: int) -> list:
    """Each paragraph decided as a unit of its own sentences, like a document,
    at thresholds calibrated on paragraph-sized texts (the directions corpus)."""
    members = [[] for _ in range(n_paragraphs)]
    for i, s in enumerate(sentences):
        members[s.paragraph].append(i)
    parts = [unit_of(S[idx], [texts[i] for i in idx]) for idx in members]
    rows = units.decide(model(), parts, "paragraph_thresholds")
    return [units.labelled(part, row, proof=False) for part, row in zip(parts, rows)]


def document_labels(S: np.ndarray, texts: list) -> tuple:
    """(Direction records of the document, its score for every label)."""
    whole = unit_of(S, texts)
    row = units.decide(model(), [whole])[0]
    return units.labelled(whole, row), {label: float(row[j]) for j, label in enumerate(LABELS)}


@Language.component("directions")
def label_directions(doc: Doc) -> Doc:
    sentences = sentences_of(doc)
    texts = sentence_lemmas(doc, sentences)
    S = sentence_scores(texts)
    document, label_scores = document_labels(S, texts)
    doc._.directions = Directions([assigned(row) for row in S],
                                  paragraph_labels(S, texts, sentences, len(doc._.paragraphs)),
                                  document, label_scores)
    return doc
