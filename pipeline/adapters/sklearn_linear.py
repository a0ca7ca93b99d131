"""Fitted linear scikit-learn pipelines scored as plain matrix products.
Per document a model call scores a handful of rows, and scikit-learn's
machinery around the arithmetic (a joblib round per FeatureUnion, input
validation and output wrapping at every step) cost more than the arithmetic
itself: a quarter of a worker's time on short news. Scoring only: the model
file keeps the plain estimators, and training uses them.

    Linear     Pipeline([features, classifier]): the features a FeatureUnion
               or one transformer (DictVectorizer), the classifier a binary
               LogisticRegression or a multi-label OneVsRestClassifier of them;
               each part of a union transforms the input, and its block of
               columns meets its block of the coefficients (nothing stacked);
               a part with a `dot(X, weights)` (sklearn_wordwise's, and a
               sparse DictVectorizer through sklearn_dicts) gives that
               product itself, without making its matrix; adjacent tf-idf
               parts weighted alike (the directions' words and characters)
               are one `Joined` part, each product still added on its own.
    Affine     Pipeline([StandardScaler, LogisticRegression]) (binary).

Touches: a FeatureUnion's `transformer_list` and `transformer_weights`; a
OneVsRestClassifier's `estimators_` and `label_binarizer_.y_type_`;
LogisticRegression's `coef_`, `intercept_`, `classes_`; StandardScaler's
`mean_` and `scale_`. Compared with the library's predict_proba by
tests/adapters/test_sklearn_linear.py."""

import numpy as np
import scipy.sparse as sp
import sklearn
from scipy.special import expit
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import StandardScaler

from pipeline.adapters.sklearn_dicts import Dicts
from pipeline.adapters.sklearn_wordwise import Joined, Weighted, joinable


class Unsupported(TypeError):
    """The estimator is not of a shape this adapter scores."""


def unchecked():
    """The checks skipped: the features are finite and the parameters were validated at fit."""
    return sklearn.config_context(assume_finite=True, skip_parameter_validation=True)


def block(matrix):
    """A part's output as something `@` multiplies efficiently."""
    return matrix.tocsr() if sp.issparse(matrix) else np.asarray(matrix)


def classifiers(classify) -> tuple:
    """(the binary logistic regressions, True when one-vs-rest multi-label)."""
    if isinstance(classify, LogisticRegression) and len(classify.classes_) == 2:
        return [classify], False
    if isinstance(classify, OneVsRestClassifier) and classify.label_binarizer_.y_type_ == "multilabel-indicator" \
            and all(isinstance(e, LogisticRegression) for e in classify.estimators_):
        return classify.estimators_, True
    raise Unsupported(f"expected a binary or one-vs-rest multi-label LogisticRegression, not {classify!r}")


class Linear:
    """Probabilities of features (a FeatureUnion or one transformer) -> logistic regression(s)."""

    def __init__(self, pipeline: Pipeline):
        if len(pipeline.steps) != 2:
            raise Unsupported("expected a pipeline of features and a classifier")
        features, classify = pipeline.steps[0][1], pipeline.steps[1][1]
        if isinstance(features, FeatureUnion):
            if features.transformer_weights:
                raise Unsupported("a FeatureUnion with transformer weights")
            self.parts = [part for _, part in features.transformer_list if part not in ("drop", "passthrough")]
        else:
            self.parts = [features]
        estimators, self.multilabel = classifiers(classify)
        coef = np.vstack([e.coef_ for e in estimators])          # labels x features
        self.intercept = np.array([e.intercept_[0] for e in estimators])
        edges = np.cumsum([0] + [self.width(part) for part in self.parts])
        if edges[-1] != coef.shape[1]:
            raise Unsupported(f"the features are {edges[-1]} columns, the classifier reads {coef.shape[1]}")
        # each part's block of coefficients, features x labels, contiguous for the product
        self.blocks = [np.ascontiguousarray(coef[:, a:b].T) for a, b in zip(edges, edges[1:])]
        self.parts = [Dicts(part) if isinstance(part, DictVectorizer) and part.sparse else part for part in self.parts]
        self.parts, self.blocks = joined(self.parts, self.blocks)

    @staticmethod
    def width(part) -> int:
        if hasattr(part, "vocabulary_"):  # vectorizers: one column per vocabulary entry
            return len(part.vocabulary_)
        with unchecked():
            return block(part.transform([""])).shape[1]

    def decision(self, X) -> np.ndarray:
        """No `unchecked()` around the parts (its context costs ~5 us a call):
        the parts scored here run no check it skips (the project's
        transformers, sklearn_wordwise's, and a DictVectorizer's transform,
        sklearn_dicts' fallback, which validates neither parameters nor
        finiteness); another transformer's checks only refuse what they would
        let through, they change no value."""
        out = np.empty((len(X), len(self.intercept)))
        out[:] = self.intercept  # np.tile's rows, without its Python wrapping
        for part, weights in zip(self.parts, self.blocks):
            if isinstance(part, Joined):
                for product in part.dots(X, weights):  # each part's product added on its own, in order
                    out += product
            else:
                out += part.dot(X, weights) if hasattr(part, "dot") else block(part.transform(X)) @ weights
        return out

    def predict_proba(self, X) -> np.ndarray:
        """As the pipeline's predict_proba: rows x labels (multi-label), rows x 2 (binary)."""
        p = expit(self.decision(X)) if len(X) else np.zeros((0, len(self.intercept)))
        return p if self.multilabel else np.column_stack([1 - p[:, 0], p[:, 0]])


def joined(parts: list, blocks: list) -> tuple:
    """(parts, blocks) with each run of adjacent tf-idf parts sklearn_wordwise
    can weigh together made one `Joined` part, their blocks stacked."""
    out_parts, out_blocks, i = [], [], 0
    while i < len(parts):
        j = i
        while j < len(parts) and isinstance(parts[j], Weighted):
            j += 1
        if joinable(parts[i:j]):
            out_parts.append(Joined(parts[i:j]))
            out_blocks.append(np.ascontiguousarray(np.vstack(blocks[i:j])))
            i = j
        else:
            out_parts.append(parts[i])
            out_blocks.append(blocks[i])
            i += 1
    return out_parts, out_blocks


class Affine:
    """The positive class's probability of StandardScaler -> binary LogisticRegression."""

    def __init__(self, pipeline: Pipeline):
        scale, classify = pipeline.steps[0][1], pipeline.steps[-1][1]
        if len(pipeline.steps) != 2 or not isinstance(scale, StandardScaler) \
                or not isinstance(classify, LogisticRegression) or len(classify.classes_) != 2:
            raise Unsupported("expected StandardScaler -> binary LogisticRegression")
        # ((x - mean) / scale) . w + b  ==  x . (w / scale) + (b - mean . (w / scale))
        mean = scale.mean_ if scale.with_mean else 0.0
        spread = scale.scale_ if scale.with_std else 1.0
        self.weights = classify.coef_[0] / spread
        self.bias = classify.intercept_[0] - np.dot(mean, self.weights)

    def predict_proba(self, X: np.ndarray) -> np.ndarray:
        """rows x 2, as the pipeline's predict_proba gives them."""
        p = self.positive(X)
        return np.column_stack([1 - p, p])

    def positive(self, X: np.ndarray) -> np.ndarray:
        """predict_proba(X)[:, 1]: the positive class's probability alone."""
        return expit(np.asarray(X, dtype=float) @ self.weights + self.bias)
