"""Each installed lexeme getter gives spaCy's own value: the set-based
like_num, the shortcuts (word_shape, like_url, the punctuation, currency,
bracket, quote and e-mail tests), `str`'s methods, the stop test, the norm
and the language, on the corpus's words, odd words and characters."""

import sys
from pathlib import Path

import pytest
import spacy
from spacy.attrs import IDS, LIKE_NUM, LIKE_URL, SHAPE
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
# marks, quotes and brackets alone, doubled and with a word; e-mails and near ones; stop words, norms
MARKS = ["«", "»", "„", "“", "”", "''", "``", "'", '"', "(", ")", "[", "<", ">", "{", "}", "‹", "❮", "❯", "—", "–",
         "--", "...", "…", "!?", "$", "€", "₽", "$$", "$5", "5$", "%", "№", "§", "«Омск", "Омск»", "(1)", "a@b.ru",
         "ivanov@omsk.ru", "@omsk", "ivanov@", "@", "И", "и", "не", "Не", "НЕ", "ещё", "’s", "US$", "E£", " ", "\n",
         "\xa0", "\t\t"]


def spacys_getters() -> dict:
    return dict(spacy.blank("ru").vocab.lex_attr_getters)


def installed_getters() -> dict:
    nlp = spacy.blank("ru")
    install(nlp.vocab)
    return dict(nlp.vocab.lex_attr_getters)


def corpus_words() -> list:
    words = set()
    for path in sorted(CORPUS.iterdir()):
        text = read_source(path).text
        words.update(text[start:stop] for start, stop in token_spans(text))
    return sorted(words)


def values(getters: dict, words: list) -> dict:
    return {IDS_NAMES[attr]: [getter(w) for w in words] for attr, getter in getters.items()}


IDS_NAMES = {value: name for name, value in IDS.items()}


@pytest.mark.parametrize("word", WORDS)
def test_like_num_is_spacys(word):
    assert like_num(word) == spacys(word)


@pytest.mark.parametrize("word", [w for w in WORDS + SHAPES_AND_URLS if w])  # spaCy asks nothing of ""
def test_word_shape_and_like_url_are_spacys(word):
    assert (word_shape(word), like_url(word)) == (common.word_shape(word), common.like_url(word))


def test_every_getter_replaced_the_same_values():
    spacys_, ours = spacys_getters(), installed_getters()
    assert set(ours) == set(spacys_)
    # none left as spaCy's own object
    assert [IDS_NAMES[a] for a in ours if ours[a] is spacys_[a]] == []
    words = [w for w in WORDS + SHAPES_AND_URLS + MARKS if w]
    assert values(ours, words) == values(spacys_, words)


def test_the_same_values_on_the_corpus():
    words = corpus_words()
    assert len(words) > 1000
    assert values(installed_getters(), words) == values(spacys_getters(), words)


def test_no_letter_or_digit_is_a_mark_for_spacy():
    # the shortcuts answer "no mark" for a word beginning with a letter or digit
    alnum = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isalnum()]
    assert len(alnum) > 100_000
    for test in (common.is_punct, common.is_currency, common.is_bracket, common.is_quote, common.is_left_punct,
                 common.is_right_punct):
        assert not any(map(test, alnum)), test.__name__


def test_the_same_values_on_characters():
    chars = [chr(c) for c in range(0x3000) if not c % 3 or not chr(c).isalnum()]  # every mark, a third of the rest
    assert values(installed_getters(), chars) == values(spacys_getters(), chars)


def test_installed_in_a_russian_vocab():
    nlp = spacy.blank("ru")
    install(nlp.vocab)
    getters = nlp.vocab.lex_attr_getters
    assert (getters[LIKE_NUM], getters[SHAPE], getters[LIKE_URL]) == (like_num, word_shape, like_url)
    doc = nlp("Двести тысяч рублей и 15 % — это XIV век, см. www.omsk.ru, «Омск» (ivanov@omsk.ru)")
    assert [t.like_num for t in doc] == [spacys(t.text) for t in doc]
    assert [t.text for t in doc if t.like_num] == ["Двести", "тысяч", "15", "XIV"]
    assert [t.shape_ for t in doc] == [common.word_shape(t.text) for t in doc]
    assert [t.text for t in doc if t.like_url] == ["www.omsk.ru"]
    assert [t.text for t in doc if t.like_email] == ["ivanov@omsk.ru"]
    assert [t.text for t in doc if t.is_quote] == ["«", "»"]
    assert [t.text for t in doc if t.is_bracket] == ["(", ")"]
    assert [t.text for t in doc if t.is_stop] == ["и", "это"]
    assert [t.norm_ for t in doc][-6:-3] == ['"', "омск", '"']  # the quotes by spaCy's norm table


def test_listed_marks_are_read_from_spacys_tests_and_no_other():
    # the four tests of `text in (...)` become a set's membership test; a test
    # with other code (is_punct looks up Unicode categories) keeps spaCy's
    from pipeline.adapters.spacy_lexemes import marks_listed
    for test in (common.is_bracket, common.is_quote, common.is_left_punct, common.is_right_punct):
        marks = marks_listed(test)
        assert marks and all(map(test, marks)) and {"(", ")", "«", "»"} & marks
    assert marks_listed(common.is_punct) is None and marks_listed(common.is_currency) is None
    assert "''" in marks_listed(common.is_quote)  # two-character marks too
