"""Words' and characters' tf-idf made as the adapter makes them give the
fitted vectorizers' own matrices, and their products scipy's."""

import numpy as np
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from pipeline.adapters.sklearn_wordwise import Joined, Weighted, WordwiseChars, joinable, wordwise
from pipeline.nlp.models import DIRECTIONS_MODEL
from pipeline.training.features import lemma_texts
from pipeline.training.model import load

# Lemma texts (and raw strings): repeats, capitals, hyphens, words shorter
# than an n-gram, unknown words, nothing.
WORDWISE = ["торговля экспорт торговля", "Паводок ПАВОДОК паводковый", "северо-казахстанский область",
            "я не он", "хххъ qwerty 2017", "", "наводнение  спасатель\tэвакуация"]
SENTENCES = ["Омская область и Павлодарская область увеличили товарооборот на 12 %.",
             "Спасатели двух стран провели учения по ликвидации последствий паводка.",
             "Студенты Омского университета прошли стажировку в Павлодаре.",
             "Торговля, торговля и ещё раз торговля: экспорт торговли растёт."]


def vectorizers() -> dict:
    return dict(load(DIRECTIONS_MODEL)["estimator"].named_steps["features"].transformer_list)


@pytest.fixture(scope="module")
def texts():
    return WORDWISE + lemma_texts(SENTENCES)


@pytest.mark.parametrize("name,adapter", [("chars", WordwiseChars), ("words", Weighted)])
def test_the_adapters_matrix_is_the_vectorizers(texts, name, adapter):
    vectorizer = vectorizers()[name]
    fast, plain = adapter(vectorizer).transform(texts), vectorizer.transform(texts)
    assert fast.shape == plain.shape and fast.nnz == plain.nnz > 0
    assert (fast != plain).nnz == 0  # the same values, not only close ones


@pytest.mark.parametrize("name,adapter", [("chars", WordwiseChars), ("words", Weighted)])
def test_the_adapters_product_is_scipys(texts, name, adapter):
    vectorizer = vectorizers()[name]
    weights = np.random.default_rng(0).normal(size=(len(vectorizer.vocabulary_), 8))
    fast = adapter(vectorizer)
    for rows in (texts, texts[:1], texts[5:6]):  # several, one, an empty text
        assert np.array_equal(fast.dot(rows, weights), vectorizer.transform(rows) @ weights)
    assert fast.dot([], weights).shape == (0, 8)


def test_parts_joined_give_each_parts_own_product(texts):
    """The words' and characters' tf-idf weighted as one matrix and multiplied
    by their stacked blocks: each part's product the same numbers as its own."""
    parts = [Weighted(vectorizers()["words"]), WordwiseChars(vectorizers()["chars"])]
    rng = np.random.default_rng(1)
    blocks = [rng.normal(size=(len(part.vectorizer.vocabulary_), 8)) for part in parts]
    assert joinable(parts)
    joined = Joined(parts)
    for rows in (texts, texts[:1], texts[5:6], texts[::-1]):  # several, one, an empty text
        products = joined.dots(rows, np.vstack(blocks))
        assert len(products) == 2 and products[0].shape == (len(rows), 8)
        for product, part, weights in zip(products, parts, blocks):
            assert np.array_equal(product, part.dot(rows, weights))
    assert not np.array_equal(*joined.dots(texts, np.vstack(blocks)))


def test_parts_weighted_otherwise_are_not_joined():
    words, chars = vectorizers()["words"], vectorizers()["chars"]
    assert not joinable([Weighted(words)])
    plain = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 3)).fit(SENTENCES)  # tf not sublinear
    assert not joinable([Weighted(words), WordwiseChars(plain)])
    assert not joinable([Weighted(words), chars])


def test_words_forgotten_when_full_give_the_same_matrix(monkeypatch):
    from pipeline.adapters import sklearn_wordwise
    chars = vectorizers()["chars"]
    monkeypatch.setattr(sklearn_wordwise, "MAX_WORDS", 3)
    fast = WordwiseChars(chars)
    for text in WORDWISE:  # one text at a time: the remembered words are forgotten on the way
        assert (fast.transform([text]) != chars.transform([text])).nnz == 0
        assert len(fast.words) <= max(3, len(set(text.split())))


def test_vectorizers_counted_otherwise_keep_their_own_transform():
    from sklearn.pipeline import FeatureUnion, Pipeline
    texts = ["торговля экспорт", "паводок спасатель", "торговля паводок"]
    binary = TfidfVectorizer(binary=True).fit(texts)
    l1 = TfidfVectorizer(analyzer="char_wb", norm="l1").fit(texts)
    estimator = Pipeline([("features", FeatureUnion([("words", binary), ("chars", l1)]))])
    parts = dict(wordwise(estimator).named_steps["features"].transformer_list)
    assert parts["words"] is binary and parts["chars"] is l1


@pytest.mark.parametrize("ngram_range,lower", [((3, 5), True), ((1, 1), True), ((2, 4), False), ((1, 6), True)])
def test_a_words_grams_are_the_analysers(texts, ngram_range, lower):
    from pipeline.adapters.sklearn_wordwise import word_grams
    analyse = TfidfVectorizer(analyzer="char_wb", ngram_range=ngram_range, lowercase=lower).build_analyzer()
    words = {w for text in texts for w in text.split()} | {"я", "ОН", "Ёж", "İstanbul", "ΣΟΦΟΣ", "12-й", "а" * 9}
    for word in words:
        assert word_grams(word, ngram_range, lower) == analyse(word)


@pytest.mark.parametrize("ngram_range,lower", [((1, 2), False), ((1, 1), False), ((2, 3), True), ((1, 4), True)])
def test_a_texts_word_grams_are_the_analysers(texts, ngram_range, lower):
    from pipeline.adapters.sklearn_wordwise import word_ngrams
    analyse = TfidfVectorizer(token_pattern=r"\S+", lowercase=lower, ngram_range=ngram_range).build_analyzer()
    odd = ["Омск\u00a0Павлодар", "торговля\u2003экспорт\u2028импорт", " ведущий  пробел ", "один", "", "а\x1cб\x85в"]
    for text in texts + odd:
        assert word_ngrams(text, ngram_range, lower) == analyse(text)


def test_white_space_is_the_same_for_the_pattern_and_split():
    import re
    import sys
    pattern = re.compile(r"\S")
    for code in range(sys.maxunicode + 1):
        c = chr(code)
        assert (pattern.match(c) is None) == (("a" + c + "a").split() == ["a", "a"]), hex(code)


def test_words_split_only_for_the_plain_pattern():
    from pipeline.adapters.sklearn_wordwise import split_words
    assert split_words(vectorizers()["words"])
    texts = ["торговля экспорт", "паводок спасатель", "торговля паводок"]
    for other in (TfidfVectorizer(), TfidfVectorizer(token_pattern=r"\S+", stop_words=["торговля"]),
                  TfidfVectorizer(token_pattern=r"\S+", preprocessor=str.upper)):
        assert not split_words(other.fit(texts))
        assert (Weighted(other).transform(texts) != other.transform(texts)).nnz == 0
