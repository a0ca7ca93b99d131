"""Sparse rows as scipy's CSR arrays hold them, and their product with a
dense block of coefficients computed as scipy computes it, for the
transformers of sklearn_wordwise and sklearn_dicts: per document they score
a few rows, and building a scipy matrix (its checks, its conversions) costs
more than the arithmetic.

Touches: the order in which scipy's CSR-times-dense product adds a row's
products (its indexes' order, from zero), and `csr_array((data, indices,
indptr))`. Compared with scipy by tests/adapters/test_sklearn_rows.py."""

from typing import NamedTuple

import numpy as np
import scipy.sparse as sp


class Rows(NamedTuple):
    """A sparse matrix's rows as CSR arrays: row i is indices/data[indptr[i]:indptr[i + 1]]."""
    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray
    width: int

    def matrix(self):
        return sp.csr_array((self.data, self.indices, self.indptr), shape=(len(self.indptr) - 1, self.width))


def dot(rows: Rows, weights: np.ndarray) -> np.ndarray:
    """rows.matrix() @ weights as scipy computes it: each row's products
    added one after another in its indexes' order. A running sum
    (np.add.accumulate), not np.add.reduce: a reduction may add pairwise
    (it does along a single column), which rounds otherwise."""
    products = rows.data[:, None] * weights[rows.indices]
    out = np.zeros((len(rows.indptr) - 1, weights.shape[1]))
    ends = rows.indptr.tolist()
    for i, (start, end) in enumerate(zip(ends, ends[1:])):
        if end > start:
            out[i] = np.add.accumulate(products[start:end], axis=0)[-1]
    return out
