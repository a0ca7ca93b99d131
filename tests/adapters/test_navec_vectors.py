"""navec read through the adapter: the library's own vectors and size."""

import numpy as np

from pipeline.adapters.navec_vectors import dimension, vector, vectors, zeros
from pipeline.nlp.models import embedding


def test_vectors_are_navecs_and_read_only():
    navec = embedding()
    found = vector(navec, "область")
    assert np.array_equal(found, navec["область"]) and not found.flags.writeable
    assert dimension(navec) == len(found) == len(zeros(navec))


def test_an_unknown_word_has_no_vector():
    assert vector(embedding(), "хххъщщ") is None


def test_words_decoded_together_are_navecs_vectors():
    navec = embedding()
    words = ["область", "хххъщщ", "сотрудничество", "область", "", "паводок", "губернатор"]
    found = vectors(navec, words)
    assert [v is None for v in found] == [w not in navec for w in words]
    for word, v in zip(words, found):
        if v is not None:
            assert np.array_equal(v, navec[word]) and v.dtype == navec[word].dtype and not v.flags.writeable


def test_no_known_word_decodes_nothing():
    assert vectors(embedding(), ["хххъщщ", "ъъъ"]) == [None, None] and vectors(embedding(), []) == []
