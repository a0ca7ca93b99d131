"""navec read through the adapter: the library's own vectors and size."""

import numpy as np

from pipeline.adapters.navec_vectors import dimension, vector, zeros
from pipeline.nlp.models import embedding


def test_vectors_are_navecs_and_read_only():
    navec = embedding()
    found = vector(navec, "область")
    assert np.array_equal(found, navec["область"]) and not found.flags.writeable
    assert dimension(navec) == len(found) == len(zeros(navec))


def test_an_unknown_word_has_no_vector():
    assert vector(embedding(), "хххъщщ") is None
