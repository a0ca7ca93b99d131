"""Fitted TfidfVectorizers' transforms made cheap for scoring a few rows at
a time. A char_wb vectorizer has every distinct word analysed once per
process: char_wb n-grams never cross a space, so a text's n-gram counts are
the sum of its words' counts, and summing cached word counts gives exactly
the count matrix the vectorizer builds. The tf-idf weighting (sublinear tf,
idf, l2 norm) is the vectorizer's own arithmetic in the same order, without
the input validation that cost more than it per call. Scoring only: the
model file keeps the plain vectorizers.

Touches: a fitted TfidfVectorizer's private `_tfidf` (its TfidfTransformer:
`sublinear_tf`, `idf_`, `norm`), `CountVectorizer.transform` called on the
TfidfVectorizer for the raw counts, its `vocabulary_`, `dtype`, `analyzer`
and `preprocessor`; a Pipeline's `named_steps` and a FeatureUnion's
`transformer_list` / `set_params`. Compared with the library by
tests/adapters/test_sklearn_wordwise.py."""

import numpy as np
import scipy.sparse as sp
from sklearn.base import TransformerMixin
from sklearn.feature_extraction.text import CountVectorizer

from pipeline.nlp.cache import register

MAX_WORDS = 2 ** 17  # distinct words kept (a few hundred bytes each); then start afresh


def weighted(counts, tfidf):
    """TfidfTransformer.transform(counts, copy=False) of a fitted transformer
    with l2 or no norm: the same operations on the same values."""
    X = counts.tocsr()
    if tfidf.sublinear_tf:
        np.log(X.data, X.data)
        X.data += 1.0
    if hasattr(tfidf, "idf_"):
        X.data *= tfidf.idf_[X.indices]
    if tfidf.norm == "l2":
        rows = np.repeat(np.arange(X.shape[0]), np.diff(X.indptr))
        norms = np.sqrt(np.bincount(rows, weights=X.data * X.data, minlength=X.shape[0]))
        norms[norms == 0.0] = 1.0
        X.data /= norms[rows]
    elif tfidf.norm is not None:
        raise ValueError(f"norm {tfidf.norm!r}: only l2 is done here")
    return X


class Weighted(TransformerMixin):
    """A fitted TfidfVectorizer's transform: its counts, then `weighted`."""

    def __init__(self, vectorizer):
        self.vectorizer = vectorizer

    def fit(self, X, y=None):
        return self

    def transform(self, texts: list):
        return weighted(CountVectorizer.transform(self.vectorizer, texts), self.vectorizer._tfidf)


class WordwiseChars(TransformerMixin):
    def __init__(self, vectorizer):
        self.vectorizer = vectorizer
        self.words = {}  # word -> (n-gram feature indexes, counts)
        register("sklearn_wordwise.words", MAX_WORDS, self.words.clear, self.words.__len__)

    def fit(self, X, y=None):
        return self

    def transform(self, texts: list):
        return weighted(self.counts(texts), self.vectorizer._tfidf)

    def counts(self, texts: list):
        """The count matrix CountVectorizer.transform makes: float counts, sorted indexes."""
        split = [text.split() for text in texts]
        self.learn({w for words in split for w in words})
        grams = [self.words[w] for words in split for w in words]
        sizes = [sum(len(self.words[w][0]) for w in words) for words in split]
        rows = np.repeat(np.arange(len(texts)), sizes)
        cols = np.concatenate([np.zeros(0, np.int32)] + [g[0] for g in grams])
        data = np.concatenate([np.zeros(0)] + [g[1] for g in grams])
        shape = (len(texts), len(self.vectorizer.vocabulary_))
        return sp.csr_array((data, (rows, cols)), shape=shape, dtype=self.vectorizer.dtype)

    def learn(self, needed: set) -> None:
        """Count the n-grams of words not seen yet with the vectorizer's own analyser."""
        words = list(needed.difference(self.words))
        if len(self.words) + len(words) > MAX_WORDS:
            self.words.clear()
            words = list(needed)
        if not words:
            return
        counts = CountVectorizer.transform(self.vectorizer, words)  # counts, before tf-idf
        ends = counts.indptr
        for w, start, end in zip(words, ends, ends[1:]):
            self.words[w] = (counts.indices[start:end], counts.data[start:end])


def wordwise(estimator):
    """`estimator` (build_estimator's pipeline) with its character n-grams
    counted word by word and its tf-idf weighted without checks: the same
    scores, several times faster."""
    features = estimator.named_steps["features"]
    parts = dict(features.transformer_list)
    chars, words = parts["chars"], parts["words"]
    if chars.analyzer == "char_wb" and chars.preprocessor is None:
        features.set_params(chars=WordwiseChars(chars))
    if words._tfidf.norm in ("l2", None):
        features.set_params(words=Weighted(words))
    return estimator
