"""Character n-grams counted word by word give the fitted vectorizer's own matrix."""

from pipeline.adapters.sklearn_wordwise import WordwiseChars
from pipeline.nlp.models import DIRECTIONS_MODEL
from pipeline.training.features import lemma_texts
from pipeline.training.model import load

# Lemma texts (and raw strings): repeats, capitals, hyphens, words shorter
# than an n-gram, unknown words, nothing.
WORDWISE = ["торговля экспорт торговля", "Паводок ПАВОДОК паводковый", "северо-казахстанский область",
            "я не он", "хххъ qwerty 2017", "", "наводнение  спасатель\tэвакуация"]
SENTENCES = ["Омская область и Павлодарская область увеличили товарооборот на 12 %.",
             "Спасатели двух стран провели учения по ликвидации последствий паводка.",
             "Студенты Омского университета прошли стажировку в Павлодаре."]


def test_chars_counted_word_by_word_give_the_vectorizers_matrix():
    chars = dict(load(DIRECTIONS_MODEL)["estimator"].named_steps["features"].transformer_list)["chars"]
    texts = WORDWISE + lemma_texts(SENTENCES)
    fast, plain = WordwiseChars(chars).transform(texts), chars.transform(texts)
    assert (fast != plain).nnz == 0 and fast.nnz > 0


def test_words_forgotten_when_full_give_the_same_matrix(monkeypatch):
    from pipeline.adapters import sklearn_wordwise
    chars = dict(load(DIRECTIONS_MODEL)["estimator"].named_steps["features"].transformer_list)["chars"]
    monkeypatch.setattr(sklearn_wordwise, "MAX_WORDS", 3)
    fast = WordwiseChars(chars)
    for text in WORDWISE:  # one text at a time: the remembered words are forgotten on the way
        assert (fast.transform([text]) != chars.transform([text])).nnz == 0
        assert len(fast.words) <= max(3, len(set(text.split())))


def test_words_weighted_without_checks_give_the_vectorizers_matrix():
    from pipeline.adapters.sklearn_wordwise import Weighted
    words = dict(load(DIRECTIONS_MODEL)["estimator"].named_steps["features"].transformer_list)["words"]
    texts = WORDWISE + lemma_texts(SENTENCES)
    fast, plain = Weighted(words).transform(texts), words.transform(texts)
    assert fast.shape == plain.shape and fast.nnz > 0
    assert abs(fast - plain).max() < 1e-12
