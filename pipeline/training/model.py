"""The directions estimator, its per-label thresholds, and storage with skops
(a format that builds only the types it is told to trust, never runs code).
A stored model carries the feature-code and scikit-learn versions it was made
with; a model made by incompatible code is refused with a clear message."""

import zipfile

import numpy as np
import sklearn
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import FeatureUnion, Pipeline

from pipeline.adapters.sklearn_unchecked import predict_proba
from pipeline.adapters.skops_io import sio
from pipeline.training.features import FEATURE_VERSION, LemmaVectors
from pipeline.training.labels import IMPLY_SOFT_POWER, LABELS
from pipeline.training.spheres import SphereFeatures, lexicons
from pipeline.training.storage import compacted, expand

SEED = 0
TRUSTED_ROOTS = ("sklearn.", "numpy.", "scipy.", "builtins.")
OWN_TYPES = ("pipeline.training.features.LemmaVectors", "pipeline.training.spheres.SphereFeatures")


class ModelError(RuntimeError):
    """The model file is missing, unsafe, or made by incompatible code."""


def build_estimator(C: float = 8.0, spheres: bool = True) -> Pipeline:
    """TF-IDF of lemma uni/bigrams and of character n-grams of lemmas (which
    match derived words: "паводок" / "паводковый"), averaged navec vectors
    and the spheres a text names; one logistic regression per label."""
    parts = [
        ("words", TfidfVectorizer(token_pattern=r"\S+", lowercase=False, ngram_range=(1, 2),
                                  min_df=2, sublinear_tf=True)),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2,
                                  sublinear_tf=True, max_features=30000)),
        ("vectors", LemmaVectors()),
    ]
    if spheres:
        parts.append(("spheres", SphereFeatures(*lexicons())))
    features = FeatureUnion(parts)
    classify = OneVsRestClassifier(LogisticRegression(
        C=C, class_weight="balanced", solver="liblinear", max_iter=5000, random_state=SEED))
    return Pipeline([("features", features), ("classify", classify)])


def rescale(probs: np.ndarray, thresholds: np.ndarray) -> np.ndarray:
    """Map each label's probability so that its threshold lands on 0.5:
    a label is assigned exactly when its score is >= 0.5, for every label."""
    t = np.asarray(thresholds)
    # 0.5 * p / t below the threshold, 0.5 + 0.5 * (p - t) / (1 - t) above: the same
    # operations in the same order, in place (a few rows per call in extraction)
    low = np.divide(np.multiply(probs, 0.5), t)  # not in place: float32 probabilities divide in float64
    out = np.subtract(probs, t)
    out *= 0.5
    out /= 1 - t
    out += 0.5
    np.copyto(out, low, where=probs < t)
    # np.clip's bounds without its Python wrapper
    return np.minimum(np.maximum(out, 0.0, out=out), 1.0, out=out)


def imply_soft_power(scores: np.ndarray) -> np.ndarray:
    """Cultural and educational texts are soft power (directions.md)."""
    out = scores.copy()
    soft = LABELS.index("soft_power")
    for label in IMPLY_SOFT_POWER:
        out[:, soft] = np.maximum(out[:, soft], out[:, LABELS.index(label)])
    return out


def scores(model: dict, texts: list) -> np.ndarray:
    """Scores in [0, 1] (assigned when >= 0.5), one column per label."""
    probs = scorer(model, "estimator").predict_proba(texts)
    return imply_soft_power(rescale(probs, model["thresholds"]))


def scorer(model: dict, name: str):
    """What scores with `model[name]`: the plain matrix products made at load
    for extraction (models.py), else the estimator itself (in training)."""
    return model.get("scorers", {}).get(name) or Unchecked(model[name])


class Unchecked:
    """An estimator whose predict_proba skips scikit-learn's input checks."""

    def __init__(self, estimator):
        self.estimator = estimator

    def predict_proba(self, X):
        return predict_proba(self.estimator, X)


def minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


def save(path, estimator, thresholds, card: dict, units=None, unit_thresholds=None,
         paragraph_thresholds=None) -> None:
    """`units`: the paragraph and document decision (pipeline/training/units.py);
    its per-label thresholds for documents and for paragraphs."""
    meta = {"feature_version": FEATURE_VERSION, "sklearn": sklearn.__version__,
            "labels": list(LABELS), **card}
    stored = {"estimator": estimator, "thresholds": np.asarray(thresholds, dtype=float), "meta": meta}
    if units is not None:
        stored |= {"units": units, "unit_thresholds": np.asarray(unit_thresholds, dtype=float),
                   "paragraph_thresholds": np.asarray(paragraph_thresholds, dtype=float)}
    with compacted(stored):
        sio.dump(stored, path, compression=zipfile.ZIP_DEFLATED)


def untrusted(path, types: list = None) -> list:
    """Types in the file (or in `types`, the file's as skops lists them)
    beyond scikit-learn, numpy, scipy and our own."""
    types = sio.get_untrusted_types(file=path) if types is None else types
    return [t for t in types if not t.startswith(TRUSTED_ROOTS) and t not in OWN_TYPES]


def load(path) -> dict:
    try:
        # skops walks the whole file to list its types (a third of a worker's
        # start-up): once, for the check and for loading
        types = sio.get_untrusted_types(file=path)
        unknown = untrusted(path, types)
        if unknown:
            raise ModelError(f"{path}: refusing a model with unexpected types {unknown}")
        model = expand(sio.load(path, trusted=types))
    except ModelError:
        raise
    except Exception as err:  # any failure to read means another code version
        raise ModelError(f"{path}: cannot read the directions model ({err}); "
                         "it was made by incompatible code: run `make train`") from err
    check(model, path)
    return model


def check(model: dict, path) -> None:
    meta = model.get("meta", {}) if isinstance(model, dict) else {}
    made = (meta.get("feature_version"), minor(meta.get("sklearn", "?")), meta.get("labels"))
    here = (FEATURE_VERSION, minor(sklearn.__version__), list(LABELS))
    if made != here:
        raise ModelError(
            f"{path}: directions model made with feature code {made[0]}, scikit-learn {made[1]}, "
            f"labels {made[2]}; this code needs feature code {here[0]}, scikit-learn {here[1]}, "
            f"labels {here[2]}: run `make train` to rebuild it")
