"""Numbers in words (pipeline/rules/number_words.py): whether a word can open
one is read from the word as written, with the readings lemmatisation made,
and must say what the folded word says."""

import pytest

from pipeline.rules.name_index import fold
from pipeline.nlp.analyzer import parse
from pipeline.rules import number_words
from pipeline.rules.number_words import may_open_as_written, words_number


@pytest.mark.parametrize("text, opens", [
    ("Двести", True), ("ДВЕСТИ", True), ("двести", True), ("Полтора", True), ("Миллионов", True),
    ("Четырёх", True), ("Полмиллиарда", True), ("Четверть", True),
    ("Москва", False), ("Ташкентской", False), ("Зойиржоном", False), ("Несколько", False),
    ("МЧС", False), ("Её", False), ("Iv", False),
])
def test_a_word_as_written_opens_a_number_as_its_folded_form_does(text, opens):
    assert may_open_as_written(text) is opens
    assert number_words.opens(fold(text), parse(fold(text))) is opens


def test_a_word_opens_a_number_when_a_fraction_cardinal_or_scale_word_does():
    """Cardinals, fractions ("полтора", "четверть", "пол-" with a scale) and
    scale words in any case open one; here "один", "одна", "треть",
    "несколько", an ordinal and digits do not."""
    text = ("Двести миллионов тенге, полтора миллиарда и четверть миллиона рублей выделил один фонд; "
            "одна треть ушла на сто двадцать тысяч саженцев, несколько миллионов на тысячи книг, "
            "полмиллиона на Первый канал, а 2017 год стал годом триллиона надежд Москвы и одного Омска")
    words = [fold(w) for w in text.replace(",", " ").replace(";", " ").split()]
    assert [w for w in words if number_words.opens(w, parse(w))] == [
        "двести", "миллионов", "полтора", "миллиарда", "четверть", "миллиона", "сто", "двадцать", "тысяч",
        "миллионов", "тысячи", "полмиллиона", "триллиона"]


def test_a_capitalised_number_is_read_whole():
    assert words_number(["Двести", "миллионов", "тенге"], 0) == (200_000_000, 2)


@pytest.mark.parametrize("words", [["Москва", "тенге"], ["несколько", "миллионов"], ["миллионы", "тенге"]])
def test_words_that_open_no_number_give_none(words):
    assert words_number(words, 0) == (None, 0)
