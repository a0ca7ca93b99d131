"""Fitted vocabularies stored compactly in a skops file. skops writes every
item of a dict or list as a node of its own, and a numpy integer as a .npy
file in the zip: a TfidfVectorizer's `vocabulary_` (term -> numpy int64
column) made the directions model ~16,000 files, each read, parsed and
audited at load (most of a worker's start-up). So at save a vectoriser's
`vocabulary_` whose columns are 0..n-1 (and a DictVectorizer's
`feature_names_`) is stored as one JSON string of its terms in column order,
and made a dict (list) of plain ints (strings) again at load: the same
lookups, the same columns. The estimator given to `compacted` is left as it was."""

import json
from contextlib import contextmanager

from sklearn.base import BaseEstimator


def _vocabulary_terms(vocabulary):
    """The terms in column order, or None when this is no plain vocabulary."""
    if not isinstance(vocabulary, dict) or not all(isinstance(t, str) for t in vocabulary):
        return None
    terms = sorted(vocabulary, key=vocabulary.__getitem__)
    if [int(vocabulary[t]) for t in terms] != list(range(len(terms))):
        return None
    return terms


def _names(names):
    is_names = isinstance(names, list) and all(isinstance(n, str) for n in names)
    return names if is_names else None


# attribute -> (its terms in order or None, the attribute rebuilt from the terms)
COMPACT = {
    "vocabulary_": (_vocabulary_terms, lambda terms: {t: i for i, t in enumerate(terms)}),
    "feature_names_": (_names, list),
}


def estimators(obj):
    """Every scikit-learn estimator in `obj`, however nested (pipelines,
    unions, one-vs-rest copies, dicts and lists holding them)."""
    if isinstance(obj, BaseEstimator):
        yield obj
        children = vars(obj).values()
    elif isinstance(obj, dict):
        children = obj.values()
    elif isinstance(obj, (list, tuple)):
        children = obj
    else:
        return
    for child in children:
        if isinstance(child, (BaseEstimator, dict, list, tuple)):
            yield from estimators(child)


@contextmanager
def compacted(obj):
    """`obj` with its estimators' vocabularies as JSON strings while the block
    runs (skops dumps it there), given back as they were after."""
    swapped = []
    try:
        for part in list(estimators(obj)):
            for attribute, (terms_of, _) in COMPACT.items():
                value = vars(part).get(attribute)
                terms = terms_of(value)
                if terms is not None:
                    swapped.append((part, attribute, value))
                    setattr(part, attribute, json.dumps(terms, ensure_ascii=False))
        yield obj
    finally:
        for part, attribute, value in swapped:
            setattr(part, attribute, value)


def expand(obj):
    """The loaded `obj` with its compacted vocabularies rebuilt, in place."""
    for part in list(estimators(obj)):
        for attribute, (_, rebuild) in COMPACT.items():
            value = vars(part).get(attribute)
            if isinstance(value, str):
                setattr(part, attribute, rebuild(json.loads(value)))
    return obj
