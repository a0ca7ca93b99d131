"""One featurisation for training and extraction: a text becomes the
space-joined lemmas of its content words, as the pipeline's own stages
lemmatise them. Change anything here and bump FEATURE_VERSION: models built
with another version are refused on load."""

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from pipeline.adapters import navec_vectors
from pipeline.nlp import cache
from pipeline.text.clean import clean
from pipeline.nlp.models import embedding

FEATURE_VERSION = "2"
# Function words carry no direction and dilute the averaged vectors.
CONTENT_POS = {"NOUN", "PROPN", "ADJ", "VERB", "ADV", "X"}
NEGATION = {"не", "нет", "без"}  # kept: "не связан с торговлей" is a cue of its own
WORDS_CACHED = 2 ** 15  # navec vectors kept decoded: 1.2 KB each, ~40 MB at most
CHUNK = 512  # texts averaged together: their vectors side by side stay a few MB


def content_lemma(lemma: str, pos: str, text: str):
    """The lower-cased lemma of a content word (or a negation), else None."""
    lemma = lemma.lower()
    # a word of letters only answers at once; any other is looked at letter by letter
    if (pos in CONTENT_POS or lemma in NEGATION) and (text.isalpha() or any(map(str.isalpha, text))):
        return lemma
    return None


def lemma_text(tokens) -> str:
    """Lower-cased lemmas of content words (and negations) in `tokens`."""
    return " ".join(filter(None, (content_lemma(t.lemma_, t.pos_, t.text) for t in tokens)))


def lemma_texts(texts: list) -> list:
    """Featurise whole texts exactly as the pipeline sees them (cleaned,
    tokenised, tagged, lemmatised); only the stages lemmas need run."""
    from pipeline.nlp.build import build
    nlp = build(["morphology", "lemmas"])
    return [lemma_text(nlp(clean(t).text)) for t in texts]


class LemmaVectors(BaseEstimator, TransformerMixin):
    """The mean navec vector of a text's lemmas, unit length: paraphrases
    that share no word with the training data still land nearby. navec is
    read from natasha's package at transform time, never stored in the model."""

    def fit(self, X, y=None):
        return self

    def transform(self, X):
        return np.vstack([means(X[i:i + CHUNK]) for i in range(0, len(X), CHUNK)]
                         or [np.zeros((0, navec_vectors.dimension(embedding())), dtype=np.float32)])


def means(texts: list) -> np.ndarray:
    """Each text's vector: the mean as np.mean makes it (the float32 sum
    of the rows in order, divided by their count in float64), divided by its
    norm as np.linalg.norm makes it (float32 dot product); numpy called once
    for all texts where it gives the same numbers, else once a text."""
    split = [text.split() for text in texts]
    known = word_vectors({w for words in split for w in words})
    found = [[v for v in map(known.__getitem__, words) if v is not None] for words in split]
    out = np.zeros((len(texts), navec_vectors.dimension(embedding())), dtype=np.float32)
    flat = [v for vectors in found for v in vectors]
    if not flat:
        return out
    rows, counts, start = np.array(flat), list(map(len, found)), 0
    for i, count in enumerate(counts):
        if count:
            out[i] = np.add.reduce(rows[start:start + count], axis=0)  # np.mean's own sum, on the same rows
            start += count
    # in float64, rounded to float32 as it is stored; a text without vectors stays zeros (0 / 1)
    out /= np.maximum(np.array(counts, dtype=np.float64), 1.0)[:, None]
    norms = np.sqrt(np.array([row.dot(row) for row in out], dtype=np.float32))
    norms[norms == 0] = 1.0
    return out / norms[:, None]


VECTORS = {}  # word -> its navec vector (read-only, shared by every text) or None
cache.register("features.word_vectors", WORDS_CACHED, VECTORS.clear, VECTORS.__len__)


def word_vectors(words: set) -> dict:
    """navec's vector of each word (None if unknown), decoded once: a lookup
    decodes the quantised vector anew, and common lemmas recur in every text."""
    new = list(words.difference(VECTORS))
    if len(VECTORS) + len(new) > WORDS_CACHED:
        VECTORS.clear()
        new = list(words)
    VECTORS.update(zip(new, navec_vectors.vectors(embedding(), new)))
    return VECTORS
