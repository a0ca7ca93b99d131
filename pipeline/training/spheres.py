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


class Phrases:
    """Which of some phrases a text's words contain: the phrases among its
    n-grams of up to LONGEST words (`ngrams(words) & phrases`), found by
    trying only the phrases that begin with each word instead of making
    every n-gram of the text."""

    def __init__(self, phrases):
        self.starting = {}  # first word -> ((words in the phrase, phrase), ...)
        for p in phrases:
            n = p.count(" ") + 1
            if n <= LONGEST:  # a longer phrase is no n-gram of the text
                self.starting.setdefault(p.split(" ")[0], []).append((n, p))

    def found(self, words: list) -> set:
        starting = self.starting
        return {p for i, w in enumerate(words) if w in starting
                for n, p in starting[w] if " ".join(words[i:i + n]) == p}


@lru_cache(maxsize=4)
def phrases(spheres: tuple, cues: tuple) -> tuple:
    """(the phrases of each label, the cues, a Phrases of them all), made
    once per lexicon rather than per call."""
    by_label = [frozenset(p for lab, p in spheres if lab == label) for label in LABELS]
    return by_label, frozenset(cues), Phrases(frozenset().union(*by_label, cues))


@lru_cache(maxsize=4)
def cue_phrases(cues: frozenset) -> Phrases:
    return Phrases(cues)


def states(words: list, cues: frozenset) -> bool:
    """The words state cooperation: some cue is among their n-grams."""
    return bool(cue_phrases(cues).found(words))


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
        by_label, cues, lexicon = self.lexicon()
        rows = [self.row(lexicon.found(text.split()), by_label, cues) for text in X]
        return np.array(rows, dtype=float).reshape(len(X), -1)

    def lexicon(self) -> tuple:
        """`phrases` of the lexicons: tuples (as made and as loaded) are the
        key themselves, found again by identity; lists are copied to tuples."""
        try:
            return phrases(self.spheres, self.cues)
        except TypeError:  # unhashable: lists
            return phrases(tuple(map(tuple, self.spheres)), tuple(self.cues))

    @staticmethod
    def row(found: set, by_label: list, cues: frozenset) -> list:
        """The features of a text whose lexicon phrases are `found`."""
        named = [float(not found.isdisjoint(phrases)) for phrases in by_label]
        coop = float(not found.isdisjoint(cues))
        return named + [n * coop for n in named] + [coop, min(sum(named), 4) / 4]
