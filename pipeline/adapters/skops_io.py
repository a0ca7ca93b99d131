"""skops.io, imported without its list of every scikit-learn estimator.

When first imported, skops names every scikit-learn estimator as a type it
trusts by default (`sklearn.utils.all_estimators`, which imports every
scikit-learn module, dask and pytest among them: over a second of each
worker's start-up). The pipeline never relies on those defaults: it lists
the types a file holds (`get_untrusted_types`), checks them against its own
rule (pipeline/training/model.py: scikit-learn, numpy, scipy, builtins and
its own classes) and passes exactly those to `load` as trusted. So skops is
imported while `all_estimators` answers none: the file's estimators are then
listed with its other types and pass the pipeline's check, and the same
objects load.

Touches: `sklearn.utils.all_estimators`, replaced while skops.io is first
imported and given back after. Compared with plain skops by
tests/adapters/test_skops_io.py."""

import sys

import sklearn.utils


def _skops_io():
    if "skops.io" not in sys.modules:
        listed = sklearn.utils.all_estimators
        sklearn.utils.all_estimators = lambda *args, **kwargs: []
        try:
            import skops.io  # noqa: F401
        finally:
            sklearn.utils.all_estimators = listed
    return sys.modules["skops.io"]


sio = _skops_io()
