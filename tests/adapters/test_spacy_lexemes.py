"""The set-based like_num agrees with spaCy's Russian one; the shortcut
word_shape and like_url with spaCy's own."""

from pathlib import Path

import pytest
import spacy
from spacy.attrs import LIKE_NUM, LIKE_URL, SHAPE
from spacy.lang import lex_attrs as common
from spacy.lang.ru.lex_attrs import like_num as spacys

from pipeline.adapters.razdel_tokens import token_spans
from pipeline.adapters.spacy_lexemes import install, like_num, like_url, word_shape
from pipeline.ingest.sources import read_source

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "raw"
WORDS = ["двадцать", "Двадцать", "миллиардов", "трлн", "xiv", "XIV", "12", "+5", "-3,5", "~10", "50%",
         "1.000.000", "3/4", "3/4/5", "a/b", "область", "Омск", "первый", "", "-", "1990-х", "½", "٣"]
# letters upper, lower and uncased ("中"), title case ("ǅ"), upper case but not
# letters ("Ⓐ"), digits that are not decimal ("²"), long words, URLs and near-URLs
SHAPES_AND_URLS = ["области", "Омской", "ОМСК", "ОмСК", "О", "о", "Ё", "ёлка", "İstanbul", "ß", "ﬁ", "Омск中", "中",
                   "ǅx", "xǅ", "Ⓐbc", "aⒶ", "ϒ", "123", "٣", "²", "x²", "км2", "Ту-154М", "x" * 99, "x" * 100,
                   "Xx" * 60, "www.omsk.ru", "www.", "http", "http://omsk", "https:x", "omsk.ru", ".ru", "a@b.ru",
                   "т.е.", "1.2", "x.com/", "omsk.ru:8080", "e.g"]


@pytest.mark.parametrize("word", WORDS)
def test_like_num_is_spacys(word):
    assert like_num(word) == spacys(word)


@pytest.mark.parametrize("word", [w for w in WORDS + SHAPES_AND_URLS if w])  # spaCy asks nothing of ""
def test_word_shape_and_like_url_are_spacys(word):
    assert (word_shape(word), like_url(word)) == (common.word_shape(word), common.like_url(word))


def test_word_shape_and_like_url_are_spacys_on_the_corpus():
    words = set()
    for path in sorted(CORPUS.iterdir()):
        text = read_source(path).text
        words.update(text[start:stop] for start, stop in token_spans(text))
    assert len(words) > 1000
    assert [word_shape(w) for w in sorted(words)] == [common.word_shape(w) for w in sorted(words)]
    assert [like_url(w) for w in sorted(words)] == [common.like_url(w) for w in sorted(words)]


def test_installed_in_a_russian_vocab():
    nlp = spacy.blank("ru")
    install(nlp.vocab)
    getters = nlp.vocab.lex_attr_getters
    assert (getters[LIKE_NUM], getters[SHAPE], getters[LIKE_URL]) == (like_num, word_shape, like_url)
    doc = nlp("Двести тысяч рублей и 15 % — это XIV век, см. www.omsk.ru")
    assert [t.like_num for t in doc] == [spacys(t.text) for t in doc]
    assert [t.text for t in doc if t.like_num] == ["Двести", "тысяч", "15", "XIV"]
    assert [t.shape_ for t in doc] == [common.word_shape(t.text) for t in doc]
    assert [t.text for t in doc if t.like_url] == ["www.omsk.ru"]
