"""Grouped cross-validation: out-of-fold probabilities, thresholds chosen per
label, honest (nested) scores and the precision/recall/F1 table."""

import numpy as np
from sklearn.metrics import precision_recall_fscore_support
from sklearn.model_selection import GroupKFold

from pipeline.training.model import build_estimator, imply_soft_power, rescale

FOLDS = 5
GRID = np.round(np.arange(0.05, 0.951, 0.01), 2)


def oof_probs(texts, Y, groups, folds: int = FOLDS) -> np.ndarray:
    """Probabilities for every text from a model that never saw its group."""
    texts = np.asarray(texts, dtype=object)
    out = np.zeros(Y.shape, dtype=float)
    for train, test in GroupKFold(n_splits=folds).split(texts, Y, groups):
        out[test] = build_estimator().fit(texts[train], Y[train]).predict_proba(texts[test])
    return out


def f1(y, pred) -> float:
    tp = np.sum(y & pred)
    return 2 * tp / (np.sum(y) + np.sum(pred)) if tp else 0.0


def best_threshold(y, probs) -> float:
    """The F1-best threshold; among ties, the one nearest 0.5."""
    ranked = sorted(GRID, key=lambda t: (-round(f1(y, probs >= t), 6), abs(t - 0.5)))
    return float(ranked[0])


def thresholds(Y, probs) -> np.ndarray:
    return np.array([best_threshold(Y[:, j].astype(bool), probs[:, j]) for j in range(Y.shape[1])])


def nested_predictions(texts, Y, groups) -> np.ndarray:
    """0/1 predictions for every text: thresholds are chosen by an inner grouped
    CV inside each outer training fold, so no score has seen its own text."""
    texts, groups = np.asarray(texts, dtype=object), np.asarray(groups)
    out = np.zeros(Y.shape, dtype=int)
    for train, test in GroupKFold(n_splits=FOLDS).split(texts, Y, groups):
        inner = thresholds(Y[train], oof_probs(texts[train], Y[train], groups[train]))
        probs = build_estimator().fit(texts[train], Y[train]).predict_proba(texts[test])
        out[test] = imply_soft_power(rescale(probs, inner)) >= 0.5
    return out


def table(Y, pred, labels) -> dict:
    """label -> (precision, recall, F1, support), plus macro and micro rows."""
    p, r, f, s = precision_recall_fscore_support(Y, pred, zero_division=0)
    rows = {label: (p[j], r[j], f[j], int(s[j])) for j, label in enumerate(labels)}
    for avg in ("macro", "micro"):
        ap, ar, af, _ = precision_recall_fscore_support(Y, pred, average=avg, zero_division=0)
        rows[avg] = (ap, ar, af, int(Y.sum()))
    return rows
