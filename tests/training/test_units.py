"""Paragraph features of a whole document at once are each paragraph's own."""

import numpy as np

from pipeline.nlp.models import directions_model
from pipeline.training import units
from pipeline.training.labels import LABELS


def member(whole: units.Unit, group: np.ndarray, g: int) -> units.Unit:
    idx = np.flatnonzero(group == g)
    return units.Unit(whole.scores[idx], whole.words[idx], whole.stated[idx])


def random_unit(rng, m: int) -> units.Unit:
    S = rng.random((m, len(LABELS)))
    S[rng.random(S.shape) < 0.2] = 0.5  # ties
    return units.Unit(S, rng.integers(0, 6, m), (rng.random(m) < 0.5).astype(float))


def test_grouped_features_are_each_groups_features():
    rng = np.random.default_rng(0)
    for _ in range(300):
        m, n = int(rng.integers(0, 12)), int(rng.integers(1, 6))
        whole, group = random_unit(rng, m), np.sort(rng.integers(0, n, m))  # some groups empty, some fragments only
        found = units.grouped_features(whole, group, n)
        assert np.array_equal(found, np.array([units.features(member(whole, group, g)) for g in range(n)]))


def test_paragraphs_decided_together_as_each_alone():
    model = directions_model()
    rng = np.random.default_rng(1)
    whole, group = random_unit(rng, 9), np.array([0, 1, 1, 1, 3, 3, 4, 4, 4])  # paragraph 2 is empty
    together = units.decided(model, units.grouped_features(whole, group, 5), np.bincount(group, minlength=5) == 0,
                             "paragraph_thresholds")
    alone = units.decide(model, [member(whole, group, g) for g in range(5)], "paragraph_thresholds")
    assert np.array_equal(together, alone) and not together[2].any()


def test_evidence_is_the_carrying_sentences_strongest_first_or_the_best_alone():
    assert units.evidence([0.2, 0.9, 0.5, 0.9, 0.1]) == [1, 3, 2]  # ties keep their order
    assert units.evidence([0.2, 0.4, 0.4]) == [1]
    assert units.evidence([]) == []


def test_share_counts_only_the_counted_sentences():
    assert units.share([0.9, 0.1, 0.7, 0.2], [True, True, False, True]) == 1 / 3
    assert units.share([], []) == 0.0


def test_design_rows_are_a_units_label_features_and_the_labels_one_hot():
    F = np.random.default_rng(3).random((4, len(LABELS), len(units.FEATURES)))
    X = units.design(F)
    assert X.shape == (4 * len(LABELS), len(units.FEATURES) + len(LABELS))
    for u in range(4):
        for j in range(len(LABELS)):
            row = X[u * len(LABELS) + j]
            assert np.array_equal(row[:len(units.FEATURES)], F[u, j])
            assert row[len(units.FEATURES):].tolist() == [float(k == j) for k in range(len(LABELS))]
