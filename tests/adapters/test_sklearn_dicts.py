"""A DictVectorizer's rows times coefficients, as the library's matrix times them."""

import numpy as np
import pytest
from sklearn.feature_extraction import DictVectorizer

from pipeline.adapters.sklearn_dicts import Dicts
from pipeline.nlp.models import ties_model

# candidate ties' features as training/tie_features makes them, and values of other kinds
ROWS = [{"bias": 1, "trigger=подписать": 1, "between=2": 1.0, "kind_a=region": 1, "listed": True},
        {"trigger=визит": 1, "distance": 0.4, "kind": "область"},
        {"never_seen_feature": 3.0, "bias": 1},
        {},
        {"kind": "район", "distance": None, "bias": np.int64(2)}]


@pytest.fixture(scope="module")
def vectorizer():
    fitted = DictVectorizer().fit(ROWS[:2] + [{"kind": "район", "distance": 1.0}])
    return fitted


def test_rows_times_coefficients_are_the_librarys(vectorizer):
    weights = np.random.default_rng(0).normal(size=(len(vectorizer.vocabulary_), 3))
    for rows in (ROWS, ROWS[1:2], ROWS[3:4]):  # None is NaN, for both
        assert np.array_equal(Dicts(vectorizer).dot(rows, weights), vectorizer.transform(rows) @ weights, equal_nan=True)


def test_the_ties_models_rows_are_the_librarys():
    for name in ("pairs", "types"):
        vectorizer = ties_model()[name].steps[0][1]
        weights = np.random.default_rng(1).normal(size=(len(vectorizer.vocabulary_), 1))
        assert np.array_equal(Dicts(vectorizer).dot(ROWS, weights), vectorizer.transform(ROWS) @ weights)


@pytest.mark.parametrize("odd", [{"kind": ["район", "область"]},           # an iterable: the library's own way
                                 {"kind": "район", "kind=район": 1}])      # one feature named twice
def test_rows_the_adapter_does_not_make_go_to_the_library(vectorizer, odd):
    weights = np.random.default_rng(2).normal(size=(len(vectorizer.vocabulary_), 2))
    assert Dicts(vectorizer).rows([odd]) is None
    assert np.array_equal(Dicts(vectorizer).dot([odd, ROWS[0]], weights), vectorizer.transform([odd, ROWS[0]]) @ weights)


def test_the_ties_scorers_use_the_adapter():
    assert all(isinstance(ties_model()["scorers"][name].parts[0], Dicts) for name in ("pairs", "types"))
