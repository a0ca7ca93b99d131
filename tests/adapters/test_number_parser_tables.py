"""number-parser with its tables built once (pipeline/adapters/number_parser_tables.py)
gives the library's own values."""

import pytest
from number_parser import parser

from pipeline.adapters.number_parser_tables import install, parse_number

WORDS = ["двести", "двумястами миллионами", "сто двадцать тысяч", "одна", "три миллиарда", "пять тысяч двести",
         "миллион", "двадцать один", "полтора", "несколько", "девятьсот девяносто девять тысяч", "двух", "один два"]


@pytest.mark.parametrize("words", WORDS)
def test_values_are_the_librarys(words):
    install()
    cached = parser.LanguageData
    try:
        parser.LanguageData = cached.__wrapped__
        own = parser.parse_number(words, language="ru")
    finally:
        parser.LanguageData = cached
    assert parse_number(words, "ru") == own


def test_tables_built_once_per_language():
    install()
    install()
    assert parser.LanguageData("ru") is parser.LanguageData("ru")
    assert parse_number("двести миллионов", "ru") == 200_000_000
