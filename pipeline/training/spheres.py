"""Sphere features: which directions a text names as spheres (the lexicon
pipeline/data/lexicon/spheres.tsv) and whether it names them while stating
cooperation (pipeline/data/lexicon/cooperation_cues.txt). A list of k spheres
gives each of its k labels its own feature, so a long enumeration does not
dilute the words of each sphere among the others, as TF-IDF of the whole
sentence does."""

from functools import lru_cache

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from pipeline.rules.lexicon import data_lines
from pipeline.training.labels import LABELS

LONGEST = 5  # words in the longest phrase of either lexicon


def ngrams(words: list, longest: int = LONGEST) -> set:
    return {" ".join(words[i:i + n]) for n in range(1, longest + 1) for i in range(len(words) - n + 1)}


@lru_cache(maxsize=1)
def lexicons() -> tuple:
    """(spheres, cues) in lemma form, lemmatised by the pipeline itself:
    spheres as ((label, lemma phrase), ...), cues as (lemma phrase, ...)."""
    from pipeline.training.features import lemma_texts
    spheres = [line.split("\t")[:2] for line in data_lines("lexicon", "spheres.tsv")]
    cues = data_lines("lexicon", "cooperation_cues.txt")
    lemmas = lemma_texts([p for _, p in spheres] + cues)
    pairs = tuple((label, lemma) for (label, _), lemma in zip(spheres, lemmas) if lemma)
    return pairs, tuple(sorted(set(filter(None, lemmas[len(spheres):]))))


class SphereFeatures(BaseEstimator, TransformerMixin):
    """Per label: named as a sphere (0/1), and named in a sentence that states
    cooperation (0/1); then whether cooperation is stated, and how many
    directions the text lists (a list of spheres, scaled to [0, 1])."""

    def __init__(self, spheres=(), cues=()):
        self.spheres = spheres
        self.cues = cues

    def fit(self, X, y=None):
        return self

    def transform(self, X):
        by_label = [frozenset(p for lab, p in self.spheres if lab == label) for label in LABELS]
        cues = frozenset(self.cues)
        return np.array([self.row(text, by_label, cues) for text in X], dtype=float).reshape(len(X), -1)

    @staticmethod
    def row(text: str, by_label: list, cues: frozenset) -> list:
        grams = ngrams(text.split())
        named = [float(not grams.isdisjoint(phrases)) for phrases in by_label]
        coop = float(not grams.isdisjoint(cues))
        return named + [n * coop for n in named] + [coop, min(sum(named), 4) / 4]
