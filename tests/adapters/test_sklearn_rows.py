"""Sparse rows times coefficients, added as scipy adds them."""

import numpy as np
import pytest
import scipy.sparse as sp

from pipeline.adapters.sklearn_rows import Rows, dot


def rows_of(matrix) -> Rows:
    m = sp.csr_array(matrix)
    m.sort_indices()
    return Rows(m.indptr, m.indices, m.data, m.shape[1])


@pytest.mark.parametrize("labels", [1, 2, 8])
def test_the_product_is_scipys_to_the_last_bit(labels):
    rng = np.random.default_rng(labels)
    for _ in range(50):
        density = rng.random() * 0.3
        m = sp.random_array((int(rng.integers(1, 30)), 2000), density=density, format="csr", rng=rng)
        m.data *= rng.choice([1e-3, 1, 1e3], size=m.nnz)  # magnitudes apart: the order of additions shows
        m.sort_indices()
        weights = rng.normal(size=(2000, labels))
        assert np.array_equal(dot(rows_of(m), weights), m @ weights)


def test_empty_rows_give_zeros_and_the_matrix_is_scipys():
    m = sp.csr_array(np.array([[0.0, 0, 0], [0, 2.5, 0], [0, 0, 0]]))
    rows = rows_of(m)
    assert np.array_equal(dot(rows, np.ones((3, 2))), [[0, 0], [2.5, 2.5], [0, 0]])
    assert (rows.matrix() != m).nnz == 0


@pytest.mark.parametrize("index,value", [(np.int64, np.float64), (np.int32, np.float32), (np.int64, np.float32)])
def test_other_index_and_value_types_give_scipys_product(index, value):
    rng = np.random.default_rng(7)
    m = sp.random_array((12, 500), density=0.1, format="csr", rng=rng, dtype=value)
    m.sort_indices()
    rows = Rows(m.indptr.astype(index), m.indices.astype(index), m.data, 500)
    weights = rng.normal(size=(500, 8))
    assert np.array_equal(dot(rows, weights), m @ weights)
    assert np.array_equal(dot(rows, np.asfortranarray(weights)), m @ weights)


def test_coefficients_of_another_width_are_refused_as_scipy_refuses_them():
    m = sp.csr_array(np.eye(4))
    with pytest.raises(ValueError):
        dot(rows_of(m), np.ones((3, 2)))
