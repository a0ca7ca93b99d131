"""skops.io, imported without its lists of default-trusted types.

When first imported, skops names as types it trusts by default every
scikit-learn estimator (`sklearn.utils.all_estimators`, which imports every
scikit-learn module, dask and pytest among them: over a second of each
worker's start-up) and every ufunc of `scipy.special` (each found by
scanning every loaded module for it: 0.3-0.9 s, more the later scipy.special
was imported). The pipeline never relies on those defaults: it lists the
types a file holds (`get_untrusted_types`), checks them against its own rule
(pipeline/training/model.py: scikit-learn, numpy, scipy, builtins and its
own classes) and passes exactly those to `load` as trusted. So skops is
imported while `all_estimators` answers none and `scipy.special` lists no
names: the file's estimators (and any scipy ufunc) are then listed with its
other types and pass the pipeline's check, and the same objects load.

Touches: `sklearn.utils.all_estimators` and the `scipy.special` attribute of
the scipy package, replaced while skops.io is first imported and given back
after (the stand-in lists nothing to `dir()` and hands every attribute on
to the real module, so whatever reads it meanwhile gets the real objects).
Compared with plain skops by tests/adapters/test_skops_io.py."""

import sys
import types

import scipy
import scipy.special
import sklearn.utils


class Unlisted(types.ModuleType):
    """A module that lists no names and hands every attribute on to `real`."""

    def __init__(self, real):
        super().__init__(real.__name__)
        self.real = real

    def __dir__(self):
        return []

    def __getattr__(self, name):
        return getattr(self.real, name)


def _skops_io():
    if "skops.io" not in sys.modules:
        listed, special = sklearn.utils.all_estimators, scipy.special
        sklearn.utils.all_estimators = lambda *args, **kwargs: []
        scipy.special = Unlisted(special)
        try:
            import skops.io  # noqa: F401
        finally:
            sklearn.utils.all_estimators, scipy.special = listed, special
    return sys.modules["skops.io"]


sio = _skops_io()
