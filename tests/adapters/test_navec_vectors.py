"""navec read through the adapter: the library's own vectors and size."""

import numpy as np
from natasha import NewsEmbedding

from pipeline.adapters.navec_vectors import dimension, vectors
from pipeline.nlp.models import embedding


def test_vectors_are_navecs_and_read_only():
    navec = embedding()
    [found] = vectors(navec, ["область"])
    assert np.array_equal(found, navec["область"]) and not found.flags.writeable
    assert dimension(navec) == len(found)


def test_the_embedding_is_natashas_without_similarities():
    ours, natasha = embedding(), NewsEmbedding()
    assert ours.meta.id == natasha.meta.id and ours.vocab.words == natasha.vocab.words
    assert np.array_equal(ours.pq.indexes, natasha.pq.indexes) and np.array_equal(ours.pq.codes, natasha.pq.codes)
    for word in ("область", "губернатор", "<unk>"):
        assert np.array_equal(ours[word], natasha[word])
    assert not hasattr(ours.pq, "ab") and hasattr(natasha.pq, "ab")  # the 26 MB table left out


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
