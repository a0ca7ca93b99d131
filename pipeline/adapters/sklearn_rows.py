"""Sparse rows as scipy's CSR arrays hold them, and their product with a
dense block of coefficients computed as scipy computes it, for the
transformers of sklearn_wordwise and sklearn_dicts: per document they score
a few rows, and building a scipy matrix (its checks, its conversions) costs
more than the arithmetic.

Touches: scipy's private `_sparsetools.csr_matvecs`, the routine its CSR
array's product with a dense block calls (`_matmul_multivector`: the rows'
arrays, the block and a zeroed result, raveled), and `csr_array((data,
indices, indptr))`. Compared with scipy by tests/adapters/test_sklearn_rows.py."""

from typing import NamedTuple

import numpy as np
import scipy.sparse as sp
from scipy.sparse._sparsetools import csr_matvecs

INDEXES = (np.int32, np.int64)  # index types scipy's routine is built for


class Rows(NamedTuple):
    """A sparse matrix's rows as CSR arrays: row i is indices/data[indptr[i]:indptr[i + 1]]."""
    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray
    width: int

    def matrix(self):
        return sp.csr_array((self.data, self.indices, self.indptr), shape=(len(self.indptr) - 1, self.width))


def dot(rows: Rows, weights: np.ndarray) -> np.ndarray:
    """rows.matrix() @ weights as scipy computes it, by scipy's own routine
    (each row's products added one after another in its indexes' order),
    called directly: no matrix made, no checks. Anything but float64 values
    and coefficients, one row of these per column, and like indexes goes
    through scipy's matrix (the routine reads its arrays unchecked)."""
    n = len(rows.indptr) - 1
    if not (rows.data.dtype == weights.dtype == np.float64 and weights.ndim == 2
            and weights.shape[0] == rows.width
            and rows.indptr.dtype == rows.indices.dtype and rows.indices.dtype in INDEXES):
        return rows.matrix() @ weights
    out = np.zeros((n, weights.shape[1]))
    csr_matvecs(n, rows.width, weights.shape[1], rows.indptr, rows.indices, rows.data,
                np.ascontiguousarray(weights).ravel(), out.ravel())
    return out
