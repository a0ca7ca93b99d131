"""`make train-ties`: fit the ties model on the training split of the
annotated documents, choose its thresholds on 5-fold GroupKFold out-of-fold
probabilities (documents never split), and write models/ties.skops with its
model card models/ties.md. Deterministic: fixed folds and seeds."""

import datetime
import platform
from importlib.metadata import version
from pathlib import Path

import numpy as np
from sklearn.model_selection import GroupKFold

from pipeline.nlp.model_files import models_dir
from pipeline.stages.ties import candidate_features
from pipeline.training import tie_corpus
from pipeline.training.tie_features import TIE_FEATURE_VERSION
from pipeline.training.tie_model import TYPES, pair_estimator, save, type_estimator, type_matrix

MODELS = models_dir()
FOLDS = 5
LIBRARIES = ("scikit-learn", "skops", "numpy", "scipy")
GRID = np.round(np.arange(0.2, 0.91, 0.05), 2)


class Table:
    """Every candidate of the training documents: features, labels, groups."""

    def __init__(self, exs: list):
        self.exs = exs
        self.X, self.y, self.types, self.groups, self.pairs = [], [], [], [], []
        for g, ex in enumerate(exs):
            self.X += candidate_features(ex.data, ex.found)
            self.y += ex.labels()
            self.types += ex.type_sets()
            self.groups += [g] * len(ex.found)
            self.pairs += [tie_corpus.pair_key(c.a.territory.key, c.b.territory.key) for c in ex.found]
        self.y, self.groups = np.array(self.y, dtype=int), np.array(self.groups)


def oof(table: Table) -> tuple:
    """Out-of-fold pair probabilities for every candidate, and type
    probabilities for the candidates of annotated pairs."""
    probs, tprobs = np.zeros(len(table.y)), np.zeros((len(table.y), len(TYPES)))
    positive = table.y == 1
    for fit, held in GroupKFold(FOLDS).split(table.X, table.y, table.groups):
        est = pair_estimator().fit([table.X[i] for i in fit], table.y[fit])
        probs[held] = est.predict_proba([table.X[i] for i in held])[:, 1]
        typed = [i for i in fit if positive[i]]
        test = type_estimator().fit([table.X[i] for i in typed], type_matrix([table.types[i] for i in typed]))
        tprobs[held] = test.predict_proba([table.X[i] for i in held])
    return probs, tprobs


def pair_f1(table: Table, probs: np.ndarray, threshold: float) -> float:
    tp = fp = fn = 0
    for g, ex in enumerate(table.exs):
        rows = np.flatnonzero(table.groups == g)
        found = {table.pairs[i] for i in rows if probs[i] >= threshold}
        tp += len(found & set(ex.gold))
        fp += len(found - set(ex.gold))
        fn += len(set(ex.gold) - found)
    return 2 * tp / max(2 * tp + fp + fn, 1)


def type_f1(table: Table, probs: np.ndarray, tprobs: np.ndarray, pair_t: float, type_t: float) -> float:
    """F1 of (pair, type) over the annotated pairs the pair threshold finds."""
    from pipeline.stages.ties import scored_types
    tp = fp = fn = 0
    for g, ex in enumerate(table.exs):
        rows = np.flatnonzero(table.groups == g)
        by_pair = {}
        for i in rows:
            if probs[i] >= pair_t:
                by_pair.setdefault(table.pairs[i], []).append(i)
        for pair, kept in by_pair.items():
            if pair not in ex.gold:
                continue
            found, gold = set(scored_types(tprobs[kept], type_t)), set(ex.gold[pair])
            tp, fp, fn = tp + len(found & gold), fp + len(found - gold), fn + len(gold - found)
    return 2 * tp / max(2 * tp + fp + fn, 1)


def choose(table: Table, probs, tprobs) -> dict:
    pair_t = max(GRID, key=lambda t: (pair_f1(table, probs, t), -abs(t - 0.5)))
    type_t = max(GRID, key=lambda t: (type_f1(table, probs, tprobs, pair_t, t), -abs(t - 0.5)))
    return {"pair": float(pair_t), "type": float(type_t),
            "cv_pair_f1": round(pair_f1(table, probs, pair_t), 4),
            "cv_type_f1": round(type_f1(table, probs, tprobs, pair_t, type_t), 4)}


def fit(table: Table) -> tuple:
    pairs = pair_estimator().fit(table.X, table.y)
    typed = np.flatnonzero(table.y == 1)
    types = type_estimator().fit([table.X[i] for i in typed], type_matrix([table.types[i] for i in typed]))
    return pairs, types


def card(thresholds: dict, table: Table, data_hash: str) -> str:
    versions = "\n".join(f"| {lib} | {version(lib)} |" for lib in LIBRARIES)
    return f"""# Model card: ties

`models/ties.skops` scores candidate ties (two territories in one sentence) and
their types for `pipeline/stages/ties.py`. Rebuild with `make train-ties`.

- trained: {datetime.date.today().isoformat()}
- data: the `train` split of `corpus/annotated/documents/*.jsonl`: {len(table.exs)} documents,
  {len(table.y)} candidate pairs in sentences, {int(table.y.sum())} of annotated pairs; sha256 `{data_hash}`
- features (version {TIE_FEATURE_VERSION}, `pipeline/training/tie_features.py`): lemmas between the two
  and in the sentence, trigger words by type, the word before each mention, roles (place or body),
  kinds, same country, distance, listing, actors in the sentence, sentences the pair shares
- classifiers: logistic regression (balanced, C=0.5) for the pair; one per type (C=1) trained on
  the candidates of annotated pairs
- thresholds ({FOLDS}-fold GroupKFold out-of-fold): pair {thresholds['pair']} (pair F1 {thresholds['cv_pair_f1']}),
  type {thresholds['type']} (pair-and-type F1 {thresholds['cv_type_f1']})

## Versions

| library | version |
|---|---|
| python | {platform.python_version()} |
{versions}
"""


def main(out: Path = MODELS) -> None:
    table = Table(tie_corpus.examples(tie_corpus.documents("train")))
    probs, tprobs = oof(table)
    thresholds = choose(table, probs, tprobs)
    pairs, types = fit(table)
    out.mkdir(exist_ok=True)
    digest = tie_corpus.data_hash()
    save(out / "ties.skops", pairs, types, thresholds, {"data_sha256": digest})
    (out / "ties.md").write_text(card(thresholds, table, digest), encoding="utf-8")
    print(f"ties model: {len(table.exs)} documents, thresholds {thresholds} -> {out / 'ties.skops'}")


if __name__ == "__main__":
    main()
