"""Probabilities without scikit-learn's input checks are the checked ones."""

import numpy as np

from pipeline.adapters.sklearn_unchecked import predict_proba
from pipeline.nlp.models import directions_model

TEXTS = ["соглашение торговля экспорт область", "паводок эвакуация спасатель", "театр гастроль фестиваль", ""]


def test_unchecked_probabilities_are_the_checked_ones():
    estimator = directions_model()["estimator"]
    assert np.array_equal(predict_proba(estimator, TEXTS), estimator.predict_proba(TEXTS))
