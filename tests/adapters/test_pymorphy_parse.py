"""A known word's analyses in one function are pymorphy3's own."""

from pathlib import Path

import pytest
from razdel import tokenize

from pipeline.adapters.pymorphy_parse import CYRILLIC, KnownWords, known_word_parser
from pipeline.ingest.sources import read_source
from pipeline.nlp.models import analyzer

CORPUS = Path(__file__).resolve().parents[2] / "corpus" / "raw"


def same_records(word: str) -> None:
    ours, theirs = known_word_parser(analyzer())(word), analyzer().parse(word)
    assert ours == theirs, word
    # the same record class (inflect, lexeme work) and the same float scores
    assert [(type(p), type(p.score)) for p in ours] == [(type(p), type(p.score)) for p in theirs], word
    assert [p.lexeme for p in ours] == [p.lexeme for p in theirs], word


def test_the_analyser_is_laid_out_as_the_adapter_expects():
    assert isinstance(known_word_parser(analyzer()), KnownWords)


@pytest.mark.parametrize("word", [
    "области", "Омской", "стали", "ежи", "елка", "Елки", "еще", "берег", "берёг",  # ё read from е
    "лучших", "заведующая", "Иванова", "сказала", "его", "того", "рад", "ПАО", "МИД",
    "мы", "и", "г", "А", "В", "Ё", "а", "я",  # initials: the library's own units
    "стекло", "директора", "дома", "хокимом", "Зойиржоном", "Усть-Каменогорске", "2022", "9,4",
    "Ямальский-2", "№", "Yahoo", "XII", "кое-где", "по-русски", "вот-вот", "сделал-таки", "", " ",
])
def test_known_and_other_words_are_pymorphys(word):
    same_records(word)


def test_words_the_probability_table_does_not_know_share_equally():
    # a known word whose tags the P(t|w) table has none of gets equal scores
    morph = analyzer()
    table = morph.prob_estimator.p_t_given_w
    words = [t.text for t in tokenize(read_source(CORPUS / sorted(p.name for p in CORPUS.iterdir())[0]).text)]
    shared = [w for w in words if morph.word_is_known(w.lower()) and len(morph.parse(w)) > 1
              and not any(table.get(f"{w.lower()}:{p.tag}", 0) for p in morph.parse(w))]
    assert shared  # the corpus has such words: the branch is tried
    for word in shared:
        same_records(word)


@pytest.mark.parametrize("path", sorted(CORPUS.iterdir()), ids=lambda p: p.name)
def test_every_word_of_the_corpus_is_parsed_as_pymorphy_does(path):
    for token in tokenize(read_source(path).text):
        same_records(token.text)


GRAMMEMES = [{"nomn", "sing"}, {"nomn"}, {"PRTF", "nomn", "sing", "masc"}, {"PRTF", "nomn", "sing", "femn"},
             {"Supr", "nomn", "sing", "masc"}, {"gent", "plur"}, {"loc2"}, {"voct"}, {"INFN"}, {"VERB", "ablt"}]
WORDS = ["Иванова", "Петровой", "заведующая", "возлюбленной", "лучших", "наилучшего", "сказавшего", "читающими",
         "заслуженного", "лесу", "саду", "Оли", "того", "всего", "областями", "бывшей", "стали", "Ивановым",
         "Зойиржоном", "хокимом", "Паслером", "Усть-Каменогорске", "2022", "В"]  # guessed; the shape units


def same_inflections(parses) -> int:
    ours, tried = known_word_parser(analyzer()), 0
    for p in parses:
        assert ours.forms(p) == [(f.word, f.tag) for f in p.lexeme], p
        for grammemes in GRAMMEMES:
            form = p.inflect(set(grammemes))
            assert ours.inflected_word(p, set(grammemes)) == (form.word if form else None), (p, grammemes)
            tried += form is not None
    return tried


def test_lexemes_and_inflections_are_pymorphys():
    parses = [p for word in WORDS for p in analyzer().parse(word)]
    # dictionary analyses (made here) and others (the library's), forms found and not
    assert {len(p.methods_stack) for p in parses} >= {1, 2}
    assert 0 < same_inflections(parses) < len(parses) * len(GRAMMEMES)


def test_lexemes_and_inflections_of_the_corpus_words_are_pymorphys():
    words = {t.text for path in sorted(CORPUS.iterdir()) for t in tokenize(read_source(path).text)}
    parses = [p for word in sorted(words)[::4] for p in analyzer().parse(word)]
    assert len(parses) > 1000
    same_inflections(parses)


def test_an_analyser_laid_out_otherwise_is_left_to_the_library():
    import pymorphy3
    from pymorphy3.units import DictionaryAnalyzer, UnknAnalyzer
    morph = pymorphy3.MorphAnalyzer(units=[DictionaryAnalyzer(), UnknAnalyzer()])
    ours = known_word_parser(morph)
    assert not isinstance(ours, KnownWords)
    p = morph.parse("Иванова")[0]
    assert ours("Иванова") == morph.parse("Иванова")
    assert ours.inflected_word(p, {"nomn", "sing"}) == p.inflect({"nomn", "sing"}).word


def test_an_unknown_word_of_cyrillic_letters_is_guessed_by_the_librarys_guessing_units():
    ours = known_word_parser(analyzer())
    assert ours.guessers and type(ours.guessers[0].analyzer).__name__ == "KnownPrefixAnalyzer"
    for word in ["Зойиржоном", "хокимом", "ДЧС", "Кандыагаш", "парадипломатическая", "водосбережения",
                 "антиковидный", "суперпроект", "приграничья", "Шымкенте", "Аньхой", "Ёжиковск", "ёлкоборцами"]:
        assert not analyzer().word_is_known(word.lower()), word
        same_records(word)


def test_every_word_of_the_annotated_documents_is_parsed_as_pymorphy_does():
    import json
    ours, words = known_word_parser(analyzer()), set()
    for path in sorted((CORPUS.parent / "annotated" / "documents").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            words.update(t.text for t in tokenize(json.loads(line)["text"]))
    guessed = [w for w in words if not analyzer().word_is_known(w.lower()) and CYRILLIC.fullmatch(w)]
    assert len(words) > 10_000 and len(guessed) > 300
    assert all(ours(w) == analyzer().parse(w) for w in sorted(words))
