"""One featurisation for training and extraction: a text becomes the
space-joined lemmas of its content words, as the pipeline's own stages
lemmatise them. Change anything here and bump FEATURE_VERSION: models built
with another version are refused on load."""

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from ..clean import clean
from ..resources import embedding

FEATURE_VERSION = "1"
# Function words carry no direction and dilute the averaged vectors.
CONTENT_POS = {"NOUN", "PROPN", "ADJ", "VERB", "ADV", "X"}
NEGATION = {"не", "нет", "без"}  # kept: "не связан с торговлей" is a cue of its own


def lemma_text(tokens) -> str:
    """Lower-cased lemmas of content words (and negations) in `tokens`."""
    keep = (t.lemma_.lower() for t in tokens
            if (t.pos_ in CONTENT_POS or t.lemma_.lower() in NEGATION) and any(c.isalpha() for c in t.text))
    return " ".join(keep)


def lemma_texts(texts: list) -> list:
    """Featurise whole texts exactly as the pipeline sees them (cleaned,
    tokenised, tagged, lemmatised); only the stages lemmas need run."""
    from ..nlp import build
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
        emb = embedding()
        found = [emb[w] for w in text.split() if w in emb]
        if not found:
            return np.zeros(emb.pq.dim, dtype=np.float32)
        mean = np.mean(found, axis=0)
        return (mean / (np.linalg.norm(mean) or 1.0)).astype(np.float32)
