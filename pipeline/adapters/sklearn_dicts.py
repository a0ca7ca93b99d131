"""A fitted DictVectorizer's rows times a block of coefficients, as the
library's sparse matrix times it, without making the matrix: per document
the ties' models score a dozen rows, and DictVectorizer.transform (its
checks, its sparse matrix and the sort of its indexes) cost more than the
arithmetic. A value that is not a string or a number (an iterable or a
mapping), or two names of one row that are one feature, send the rows to
the library's own transform.

Touches: a fitted DictVectorizer's `vocabulary_`, `separator`, `dtype` and
`sparse`; its naming of features ("name", value: the name and the value;
"name": "value": "name<separator>value" and 1) and its rows' indexes
sorted. Compared with the library by tests/adapters/test_sklearn_dicts.py."""

from numbers import Number

import numpy as np

from pipeline.adapters.sklearn_rows import Rows, dot

PLAIN = (int, float, bool)  # the numbers met in practice, checked without Number's isinstance


class Dicts:
    """A fitted sparse DictVectorizer's transform and product with coefficients."""

    def __init__(self, vectorizer):
        self.vectorizer = vectorizer

    def transform(self, X):
        return self.vectorizer.transform(X)

    def dot(self, X, weights: np.ndarray) -> np.ndarray:
        rows = self.rows(X)
        return self.transform(X) @ weights if rows is None else dot(rows, weights)

    def rows(self, X):
        """The rows of the library's matrix of X, or None when the library must make them."""
        vocabulary, separator = self.vectorizer.vocabulary_, self.vectorizer.separator
        indices, values, sizes = [], [], []
        for x in X:
            before = len(indices)
            for name, value in x.items():
                if isinstance(value, str):
                    name, value = f"{name}{separator}{value}", 1
                elif not (type(value) in PLAIN or isinstance(value, Number) or value is None):
                    return None
                j = vocabulary.get(name)
                if j is not None:
                    indices.append(j)
                    values.append(value)
            sizes.append(len(indices) - before)
        return sorted_rows(indices, np.array(values, dtype=self.vectorizer.dtype), sizes, len(vocabulary))


def sorted_rows(indices: list, values: np.ndarray, sizes: list, width: int):
    """Rows with each row's indexes sorted, as the library sorts them; None
    if a row names one feature twice (the library's sort leaves such
    entries in an order of its own)."""
    n = len(sizes)
    # row i's keys from i * width: sorting keeps the rows in place, so `offsets` stays each key's own
    offsets = np.repeat(np.arange(n, dtype=np.int64) * width, sizes)
    keys = offsets + np.array(indices, dtype=np.int64)
    order = np.argsort(keys, kind="stable")
    keys = keys[order]
    if (keys[1:] == keys[:-1]).any():
        return None
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(sizes, out=indptr[1:])
    return Rows(indptr, keys - offsets, values[order], width)
