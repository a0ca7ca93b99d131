"""Paragraph and document directions from sentence scores, learnt rather
than hand-set. directions.md: a unit (a paragraph or a whole document)
carries a direction when it states cooperation in it (every sphere an
agreement or meeting covers, however briefly listed) or discusses it for more
than a sentence, whatever its length. So a unit is described, per label, by
three numbers that mean the same in a three-sentence note and a sixty-sentence
article: its best sentence score, its second-best (discussed in more than one
sentence), and its best score among sentences that state cooperation. One
logistic regression over these, shared by all labels with a bias per label,
decides; it is fitted on the train split of corpus/annotated/documents/ (with
the texts of the directions corpus as one-sentence units, so that a short
paragraph is decided like its sentence), and its threshold per label is
chosen by cross-validation inside that training data. Length, share and
count were measured as further features and left out: they did not help
(train-split cross-validation) and would let length decide."""

from dataclasses import dataclass

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import KFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from pipeline.training.labels import LABELS

MIN_WORDS = 3   # a fragment of fewer content words (heading, "– С. 45–58.") neither counts nor votes
FEATURES = ("best", "second", "cooperation")
ONEHOT = np.eye(len(LABELS))


@dataclass
class Unit:
    """What a decision needs of a unit's sentences."""
    scores: np.ndarray   # sentence x label, rescaled so that 0.5 is the sentence threshold
    words: np.ndarray    # content words per sentence
    stated: np.ndarray   # 0/1 per sentence: it states cooperation (cooperation cues)


def unit(S: np.ndarray, texts: list, cues: frozenset) -> Unit:
    """A unit from its sentences' scores and lemma texts; `cues`: the
    cooperation cues in lemma form (the model's SphereFeatures.cues)."""
    from pipeline.training.spheres import states
    split = [t.split() for t in texts]
    return Unit(S, np.array([len(words) for words in split], dtype=int),
                np.array([states(words, cues) for words in split], dtype=float))


def counted(unit: Unit) -> np.ndarray:
    """Sentences that vote: full sentences, or every sentence when none is."""
    full = np.asarray(unit.words) >= MIN_WORDS
    return full if full.any() else np.ones(len(full), dtype=bool)


def features(unit: Unit) -> np.ndarray:
    """label x FEATURES for one unit (zeros for a unit without sentences)."""
    if len(unit.scores) == 0:
        return np.zeros((len(LABELS), len(FEATURES)))
    keep = counted(unit)
    S, stated = unit.scores[keep], np.asarray(unit.stated, dtype=float)[keep]
    top = np.sort(S, axis=0)  # ascending: the best last (no negated copies, no column_stack)
    out = np.zeros((len(LABELS), len(FEATURES)))
    out[:, 0] = top[-1]
    if len(S) > 1:
        out[:, 1] = top[-2]
    out[:, 2] = (S * stated[:, None]).max(axis=0)
    return out


def grouped_features(unit: Unit, group: np.ndarray, n: int) -> np.ndarray:
    """n x label x FEATURES: `features` of each group g < n of the unit's
    sentences (those with group[i] == g, a paragraph of a document), the
    same numbers, for all groups at once: each group's counted sentences
    padded with -inf to the longest, sorted by score per label."""
    F = np.zeros((n, len(LABELS), len(FEATURES)))
    if len(unit.scores) == 0:
        return F
    full = np.asarray(unit.words) >= MIN_WORDS
    keep = full | (np.bincount(group[full], minlength=n) == 0)[group]  # counted(), per group
    order = np.argsort(group[keep], kind="stable")
    g, S = group[keep][order], unit.scores[keep][order]
    stated = np.asarray(unit.stated, dtype=float)[keep][order]
    size = np.bincount(g, minlength=n)
    at = np.arange(len(g)) - (np.cumsum(size) - size)[g]  # place in its group
    scores, cooperation = np.full((2, n, size.max(), len(LABELS)), -np.inf)
    scores[g, at], cooperation[g, at] = S, S * stated[:, None]
    scores.sort(axis=1)
    some, two = size > 0, size > 1
    F[some, :, 0] = scores[some, -1]
    if two.any():
        F[two, :, 1] = scores[two, -2]
    F[some, :, 2] = cooperation[some].max(axis=1)
    return F


def design(F: np.ndarray) -> np.ndarray:
    """units x label x FEATURES -> one row per (unit, label): the features and
    a one-hot label, so the slopes are shared and each label has its bias."""
    flat = F.reshape(F.shape[0] * len(LABELS), -1)
    out = np.empty((len(flat), flat.shape[1] + len(LABELS)))  # filled in place: no tile, no stack
    out[:, :flat.shape[1]] = flat
    out.reshape(F.shape[0], len(LABELS), -1)[:, :, flat.shape[1]:] = ONEHOT
    return out


def build(C: float = 1.0) -> Pipeline:
    return Pipeline([("scale", StandardScaler()),
                     ("classify", LogisticRegression(C=C, class_weight="balanced", max_iter=2000))])


def probabilities(estimator, F: np.ndarray) -> np.ndarray:
    """The positive class's probability per (unit, label): the scorer's own
    (sklearn_linear.Affine.positive, nothing else made) or predict_proba's."""
    X = design(F)
    p = estimator.positive(X) if hasattr(estimator, "positive") else estimator.predict_proba(X)[:, 1]
    return p.reshape(F.shape[0], len(LABELS))


def fit(F: np.ndarray, Y: np.ndarray, weights=None):
    w = None if weights is None else np.repeat(weights, len(LABELS))
    return build().fit(design(F), Y.reshape(-1), classify__sample_weight=w)


def oof(F: np.ndarray, Y: np.ndarray, weights=None, folds: int = 5) -> np.ndarray:
    """Out-of-fold probabilities for every unit (fixed folds, no shuffling of labels)."""
    out = np.zeros(Y.shape)
    for train, test in KFold(folds, shuffle=True, random_state=0).split(F):
        w = None if weights is None else weights[train]
        out[test] = probabilities(fit(F[train], Y[train], w), F[test])
    return out


def decide(stored: dict, units: list, thresholds: str = "unit_thresholds") -> np.ndarray:
    """units x label scores in [0, 1], rescaled so that a unit carries a
    label exactly when its score is >= 0.5; soft power follows cultural and
    educational (directions.md). `stored`: the loaded model file;
    `thresholds`: its documents' ("unit_thresholds") or paragraphs'
    ("paragraph_thresholds") thresholds."""
    F = np.array([features(u) for u in units]).reshape(len(units), len(LABELS), len(FEATURES))
    return decided(stored, F, [len(u.scores) == 0 for u in units], thresholds)


def decided(stored: dict, F: np.ndarray, empty, thresholds: str) -> np.ndarray:
    """`decide` of units whose features are F (units x label x FEATURES);
    `empty`: which units have no sentences (they carry nothing)."""
    from pipeline.training.model import imply_soft_power, rescale, scorer
    if not len(F):
        return np.zeros((0, len(LABELS)))
    scores = rescale(probabilities(scorer(stored, "units"), F), stored[thresholds])
    scores[empty] = 0.0
    return imply_soft_power(scores)


def evidence(scores: list) -> list:
    """Indexes of the sentences whose `scores` (one label's, plain floats)
    carry the label, strongest first (a stable sort: ties in order); the
    best sentence alone when none reaches the sentence threshold."""
    on = [i for i, s in enumerate(scores) if s >= 0.5]
    if not on:
        return sorted(range(len(scores)), key=lambda i: -scores[i])[:1]
    return sorted(on, key=lambda i: -scores[i])


def share(scores: list, keep: list) -> float:
    """The share of the counted sentences (`keep`) whose `scores` carry the label."""
    kept = [s for s, k in zip(scores, keep) if k]
    return sum(s >= 0.5 for s in kept) / len(kept) if kept else 0.0


def labelled(unit: Unit, row: np.ndarray) -> list:
    """Direction records for the labels assigned in `row`, highest score
    first, each with its evidence sentences and share (on plain floats: a
    few sentences, where numpy's calls cost more than the work)."""
    from pipeline.records import Direction
    by_label, keep = unit.scores.T.tolist(), counted(unit).tolist()
    found = [Direction(LABELS[j], score, evidence(by_label[j]), share(by_label[j], keep))
             for j, score in enumerate(row.tolist()) if score >= 0.5]
    return sorted(found, key=lambda d: -d.score)
