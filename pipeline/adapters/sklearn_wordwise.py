"""Fitted TfidfVectorizers' transforms made cheap for scoring a few rows at
a time. A text's features are found by the vectorizer's own analyser and
looked up in its vocabulary; a char_wb vectorizer has every distinct word
analysed once per process (char_wb n-grams never cross a space, so a text's
n-grams are its words' n-grams). The count matrix is made as
CountVectorizer.transform makes it (each row's indexes sorted, their
counts), the tf-idf weighting (sublinear tf, idf, l2 norm) is the
vectorizer's own arithmetic in the same order, and `dot` multiplies the
weighted rows by a block of coefficients as scipy does
(sklearn_rows): the same numbers, without building a sparse matrix.
`Joined` does this for several such parts of one input at once.
Scoring only: the model file keeps the plain vectorizers.

Touches: a fitted TfidfVectorizer's private `_tfidf` (its TfidfTransformer:
`sublinear_tf`, `idf_`, `norm`), its `build_analyzer()`, `vocabulary_`,
`dtype`, `analyzer`, `preprocessor`, `input`, `strip_accents`,
`lowercase`, `ngram_range`, `binary`, `token_pattern`, `tokenizer` and
`stop_words`, its char_wb n-grams of a word as `_char_wb_ngrams` makes them
(`word_grams`) and its word n-grams as `_word_ngrams` does (`word_ngrams`,
for the pattern \\S+ alone); a Pipeline's
`named_steps` and a FeatureUnion's `transformer_list` / `set_params`.
Compared with the library (matrices and products) by
tests/adapters/test_sklearn_wordwise.py."""

from functools import lru_cache, partial
from itertools import accumulate, chain, repeat
from typing import NamedTuple

import numpy as np
from sklearn.base import TransformerMixin

from pipeline.adapters.sklearn_rows import Rows, dot
from pipeline.nlp.cache import register

MAX_WORDS = 2 ** 17  # distinct words kept (a few hundred bytes each); then start afresh


def counted(ids: np.ndarray, sizes: list, width: int) -> Rows:
    """The count matrix CountVectorizer.transform makes (sorted indexes, float
    counts) of texts whose features' vocabulary indexes are `ids`, one per
    occurrence, `sizes[i]` of them for text i."""
    offsets = np.arange(len(sizes) + 1, dtype=np.int64) * width  # row i's keys from offsets[i]
    keys = np.repeat(offsets[:-1], sizes) + ids
    keys.sort()  # by row, then index; np.unique's work without its wrapping
    first = np.ones(len(keys) + 1, dtype=bool)  # a distinct key begins; the last: the end
    np.not_equal(keys[1:], keys[:-1], out=first[1:-1])
    bounds = np.flatnonzero(first)
    starts = bounds[:-1]
    counts = np.subtract(bounds[1:], starts, dtype=np.float64)  # small whole numbers: exact as floats
    keys = keys[starts]
    return Rows(np.searchsorted(keys, offsets), keys % width, counts, width)


def weighted(counts: Rows, tfidf) -> Rows:
    """TfidfTransformer.transform(counts, copy=False) of a fitted transformer
    with l2 or no norm: the same operations on the same values, in place."""
    data = counts.data
    if tfidf.sublinear_tf:
        np.log(data, data)
        data += 1.0
    if hasattr(tfidf, "idf_"):
        data *= tfidf.idf_[counts.indices]
    if tfidf.norm == "l2":
        n = len(counts.indptr) - 1
        rows = np.repeat(np.arange(n), counts.indptr[1:] - counts.indptr[:-1])  # np.diff without its wrapper
        norms = np.sqrt(np.bincount(rows, weights=data * data, minlength=n))
        norms[norms == 0.0] = 1.0
        data /= norms[rows]
    elif tfidf.norm is not None:
        raise ValueError(f"norm {tfidf.norm!r}: only l2 is done here")
    return counts


class Weighted(TransformerMixin):
    """A fitted TfidfVectorizer's transform: its analyser's features looked
    up in its vocabulary, counted, then `weighted`."""

    def __init__(self, vectorizer):
        self.vectorizer = vectorizer
        self.analyze = vectorizer.build_analyzer()
        if split_words(vectorizer):
            self.analyze = partial(word_ngrams, ngram_range=vectorizer.ngram_range, lower=vectorizer.lowercase)

    def fit(self, X, y=None):
        return self

    def transform(self, texts: list):
        return self.rows(texts).matrix()

    def dot(self, texts: list, weights: np.ndarray) -> np.ndarray:
        """transform(texts) @ weights, the same numbers, without the matrix."""
        return dot(self.rows(texts), weights)

    def rows(self, texts: list) -> Rows:
        return self.weigh(*self.ids(texts))

    def ids(self, texts: list) -> tuple:
        """(the vocabulary indexes of the texts' features, one per occurrence; how many each text has)."""
        get = self.vectorizer.vocabulary_.get
        ids = [[j for j in map(get, self.analyze(text)) if j is not None] for text in texts]
        return np.fromiter(chain.from_iterable(ids), dtype=np.int64), list(map(len, ids))

    def weigh(self, ids: np.ndarray, sizes: list) -> Rows:
        """The tf-idf rows of texts whose features' vocabulary indexes are `ids` (`counted`)."""
        return weighted(counted(ids, sizes, len(self.vectorizer.vocabulary_)), self.vectorizer._tfidf)


class WordwiseChars(Weighted):
    """A fitted char_wb TfidfVectorizer's transform, its words' n-grams found once per process."""

    def __init__(self, vectorizer):
        super().__init__(vectorizer)
        if vectorizer.input == "content" and vectorizer.strip_accents is None:
            self.analyze = partial(word_grams, ngram_range=vectorizer.ngram_range, lower=vectorizer.lowercase)
        self.words = {}  # word -> vocabulary indexes of its n-grams, one per occurrence
        register("sklearn_wordwise.words", MAX_WORDS, self.words.clear, self.words.__len__)

    def ids(self, texts: list) -> tuple:
        split = [text.split() for text in texts]
        self.learn(set(chain.from_iterable(split)))
        ids = list(map(self.words.__getitem__, chain.from_iterable(split)))
        # a text's size: its words' counts summed, from one list of counts (no generator per text)
        counts, ends = list(map(len, ids)), list(accumulate(map(len, split)))
        sizes = [sum(counts[start:end]) for start, end in zip([0] + ends, ends)]
        return np.concatenate([np.zeros(0, dtype=np.int64)] + ids), sizes

    def learn(self, needed: set) -> None:
        """Find the n-grams of words not seen yet (`word_grams`, or the vectorizer's own analyser)."""
        words = list(needed.difference(self.words))
        if len(self.words) + len(words) > MAX_WORDS:
            self.words.clear()
            words = list(needed)
        if not words:
            return
        # every word's n-grams looked up in one pass (-1: not in the vocabulary),
        # the unknown ones dropped at once, rather than a filtered list per word
        grams = list(map(self.analyze, words))
        found = np.fromiter(map(self.vectorizer.vocabulary_.get, chain.from_iterable(grams), repeat(-1)),
                            dtype=np.int64)
        known = found >= 0
        kept = np.zeros(len(found) + 1, dtype=np.int64)  # kept[k]: known n-grams among the first k
        np.cumsum(known, out=kept[1:])
        ends = kept[np.cumsum(list(map(len, grams)))].tolist()
        flat = found[known]
        self.words.update((w, flat[start:end]) for w, start, end in zip(words, [0] + ends, ends))


class Joined:
    """Several of these transforms of one input, side by side, weighted in
    one pass and multiplied by their blocks of coefficients in one product:
    each part's rows are its own rows of the one matrix (their indexes moved
    past the parts before), so every row's values and products are computed
    by the same operations in the same order as the part's alone, and each
    part's product is given back on its own (per document the numpy calls,
    not the arithmetic, are the cost). For parts weighted alike only
    (`joinable`)."""

    def __init__(self, parts: list):
        self.parts = parts
        widths = [len(part.vectorizer.vocabulary_) for part in parts]
        self.bases = np.cumsum([0] + widths[:-1]).tolist()  # part k's indexes start at bases[k]
        self.width = sum(widths)
        first = parts[0].vectorizer._tfidf
        self.tfidf = Stacked(first.sublinear_tf, first.norm,
                             np.concatenate([part.vectorizer._tfidf.idf_ for part in parts]))

    def dots(self, texts: list, weights: np.ndarray) -> list:
        """Each part's transform(texts) @ its block, `weights` being the blocks stacked in order."""
        found = [part.ids(texts) for part in self.parts]
        ids = np.concatenate([part_ids + base for (part_ids, _), base in zip(found, self.bases)])
        rows = weighted(counted(ids, [n for _, sizes in found for n in sizes], self.width), self.tfidf)
        product, n = dot(rows, weights), len(texts)
        return [product[k * n:(k + 1) * n] for k in range(len(self.parts))]


class Stacked(NamedTuple):
    """The joined parts' weighting, as `weighted` reads a TfidfTransformer."""
    sublinear_tf: bool
    norm: str | None
    idf_: np.ndarray


def joinable(parts: list) -> bool:
    """Transforms of this module weighted alike (sublinear tf or not, one
    norm), each with its idf: their rows can be weighted as one matrix."""
    if len(parts) < 2 or not all(isinstance(part, Weighted) for part in parts):
        return False
    tfidfs = [part.vectorizer._tfidf for part in parts]
    return all(hasattr(t, "idf_") and t.sublinear_tf == tfidfs[0].sublinear_tf and t.norm == tfidfs[0].norm
               for t in tfidfs)


def word_grams(word: str, ngram_range: tuple, lower: bool) -> list:
    """The char_wb analyser's n-grams of one word (no white space in it): the
    word lower-cased if the vectorizer does, padded with a space each side;
    a word no longer than n (padded) is its one n-gram, and no longer n-gram
    is made of it. A third of the analyser's cost, which calls its decoder,
    preprocessor and a regular expression per word; the n-grams are cut by
    slices made once per word length (`gram_slices`), not a loop per n-gram."""
    padded = " " + (word.lower() if lower else word) + " "
    return list(map(padded.__getitem__, gram_slices(len(padded), *ngram_range)))


@lru_cache(maxsize=256)
def gram_slices(length: int, low: int, high: int) -> tuple:
    """Where word_grams cuts a padded word of `length` characters."""
    slices = []
    for n in range(low, high + 1):
        if length <= n:
            slices.append(slice(0, length))
            break
        slices += [slice(i, i + n) for i in range(length - n + 1)]
    return tuple(slices)


def split_words(vectorizer) -> bool:
    """Its words are what str.split finds (the pattern \\S+: \\s is str.isspace's
    white space), none dropped, nothing done to the text but lower-casing."""
    return (vectorizer.analyzer == "word" and vectorizer.token_pattern == r"\S+" and vectorizer.tokenizer is None
            and vectorizer.preprocessor is None and vectorizer.stop_words is None
            and vectorizer.strip_accents is None and vectorizer.input == "content")


def word_ngrams(text: str, ngram_range: tuple, lower: bool) -> list:
    """The word analyser's n-grams of a text whose words are its `split()`
    (split_words): the words themselves if 1-grams are asked for, then the
    longer n-grams, n words joined by a space, shortest first. Its decoder,
    preprocessor and regular expression are a third of its cost."""
    words = (text.lower() if lower else text).split()
    low, high = ngram_range
    grams = list(words) if low == 1 else []
    for n in range(max(low, 2), min(high, len(words)) + 1):
        grams += [" ".join(words[i:i + n]) for i in range(len(words) - n + 1)]
    return grams


def wordwise(estimator):
    """`estimator` (build_estimator's pipeline) with its words' and
    characters' tf-idf made as above: the same scores, several times faster."""
    features = estimator.named_steps["features"]
    parts = dict(features.transformer_list)
    chars, words = parts["chars"], parts["words"]
    if chars.analyzer == "char_wb" and chars.preprocessor is None and plain(chars):
        features.set_params(chars=WordwiseChars(chars))
    if plain(words):
        features.set_params(words=Weighted(words))
    return estimator


def plain(vectorizer) -> bool:
    """Counts made and weighted as done here: term counts (not binary) in
    float64, l2 or no norm."""
    return not vectorizer.binary and vectorizer.dtype == np.float64 and vectorizer._tfidf.norm in ("l2", None)
