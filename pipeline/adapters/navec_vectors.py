"""navec's word vectors as the directions features read them.

Touches: a Navec object's `pq` (its product-quantised table) for the vector
size, besides its public `word in navec` and `navec[word]`. Compared with
the library by tests/adapters/test_navec_vectors.py."""

import numpy as np


def dimension(navec) -> int:
    """The length of every vector."""
    return navec.pq.dim


def vector(navec, word: str):
    """The word's vector, read-only (it is shared), or None if navec does not know it."""
    if word not in navec:
        return None
    found = navec[word]
    found.flags.writeable = False
    return found


def zeros(navec) -> np.ndarray:
    return np.zeros(dimension(navec), dtype=np.float32)
