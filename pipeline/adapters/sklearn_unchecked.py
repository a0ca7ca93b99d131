"""A fitted scikit-learn estimator's probabilities without its input checks.

Touches: scikit-learn's global configuration, `assume_finite` and
`skip_parameter_validation` set for the call only (sklearn.config_context):
the features are finite and the parameters were validated at fit, and per
document the checks cost more than the scoring itself. Compared with the
checked call by tests/adapters/test_sklearn_unchecked.py."""

import sklearn


def predict_proba(estimator, X):
    with sklearn.config_context(assume_finite=True, skip_parameter_validation=True):
        return estimator.predict_proba(X)
