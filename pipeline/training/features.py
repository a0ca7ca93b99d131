"""One featurisation for training and extraction: a text becomes the
space-joined lemmas of its content words, as the pipeline's own stages
lemmatise them. Change anything here and bump FEATURE_VERSION: models built
with another version are refused on load."""

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from pipeline.adapters import navec_vectors
from pipeline.nlp.cache import cached
from pipeline.text.clean import clean
from pipeline.nlp.models import embedding

FEATURE_VERSION = "2"
# Function words carry no direction and dilute the averaged vectors.
CONTENT_POS = {"NOUN", "PROPN", "ADJ", "VERB", "ADV", "X"}
NEGATION = {"не", "нет", "без"}  # kept: "не связан с торговлей" is a cue of its own
WORDS_CACHED = 2 ** 15  # navec vectors kept decoded: 1.2 KB each, ~40 MB at most


def content_lemma(lemma: str, pos: str, text: str):
    """The lower-cased lemma of a content word (or a negation), else None."""
    lemma = lemma.lower()
    if (pos in CONTENT_POS or lemma in NEGATION) and any(map(str.isalpha, text)):
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
        return np.vstack([self.vector(text) for text in X])

    @staticmethod
    def vector(text: str) -> np.ndarray:
        found = [v for v in map(word_vector, text.split()) if v is not None]
        if not found:
            return navec_vectors.zeros(embedding())
        mean = np.mean(found, axis=0)
        return (mean / (np.linalg.norm(mean) or 1.0)).astype(np.float32)


@cached("features.word_vector", WORDS_CACHED)
def word_vector(word: str):
    """navec's vector of `word` (None if unknown), decoded once: a lookup
    decodes the quantised vector anew, and common lemmas recur in every text."""
    return navec_vectors.vector(embedding(), word)  # shared by every text: read-only
