"""The ties model: one logistic regression saying whether a candidate pair in
a sentence is a stated tie, one per tie type saying which act it is; with the
thresholds chosen by cross-validation on the training split. Stored with
skops like the directions model, with the feature-code and scikit-learn
versions it was made with."""

import zipfile

import numpy as np
import sklearn
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.multiclass import OneVsRestClassifier
from sklearn.pipeline import Pipeline

from pipeline.adapters.skops_io import sio
from pipeline.training.model import ModelError, TRUSTED_ROOTS, minor, scorer
from pipeline.training.storage import compacted, expand
from pipeline.training.tie_features import TIE_FEATURE_VERSION

TYPES = ("agreement", "visit", "meeting", "aid", "project", "trade", "twinning", "other")
SEED = 0


def pair_estimator(C: float = 0.5) -> Pipeline:
    return Pipeline([("features", DictVectorizer()),
                     ("classify", LogisticRegression(C=C, class_weight="balanced", max_iter=5000,
                                                     random_state=SEED))])


def type_estimator(C: float = 1.0) -> Pipeline:
    return Pipeline([("features", DictVectorizer()),
                     ("classify", OneVsRestClassifier(LogisticRegression(
                         C=C, class_weight="balanced", max_iter=5000, random_state=SEED)))])


def type_matrix(type_sets: list) -> np.ndarray:
    return np.array([[t in s for t in TYPES] for s in type_sets], dtype=int)


def pair_probs(model: dict, feats: list) -> np.ndarray:
    if not feats:
        return np.zeros(0)
    return scorer(model, "pairs").predict_proba(feats)[:, 1]


def type_probs(model: dict, feats: list) -> np.ndarray:
    if not feats:
        return np.zeros((0, len(TYPES)))
    return scorer(model, "types").predict_proba(feats)


def save(path, pairs, types, thresholds: dict, card: dict) -> None:
    meta = {"feature_version": TIE_FEATURE_VERSION, "sklearn": sklearn.__version__, "types": list(TYPES), **card}
    stored = {"pairs": pairs, "types": types, "thresholds": thresholds, "meta": meta}
    with compacted(stored):
        sio.dump(stored, path, compression=zipfile.ZIP_DEFLATED)


def load(path) -> dict:
    try:
        types = sio.get_untrusted_types(file=path)
        unknown = [t for t in types if not t.startswith(TRUSTED_ROOTS)]
        if unknown:
            raise ModelError(f"{path}: refusing a ties model with unexpected types {unknown}")
        model = expand(sio.load(path, trusted=types))
    except ModelError:
        raise
    except Exception as err:
        raise ModelError(f"{path}: cannot read the ties model ({err}): run `make train-ties`") from err
    meta = model.get("meta", {})
    made = (meta.get("feature_version"), minor(meta.get("sklearn", "?")), meta.get("types"))
    here = (TIE_FEATURE_VERSION, minor(sklearn.__version__), list(TYPES))
    if made != here:
        raise ModelError(f"{path}: ties model made with feature code {made[0]}, scikit-learn {made[1]}, "
                         f"types {made[2]}; this code needs {here}: run `make train-ties`")
    return model
