"""The shared pymorphy3 analyzer (pipeline/nlp/analyzer.py)."""

import pytest

from pipeline.nlp.analyzer import parse


def test_dictionaries_are_read_by_the_c_extension():
    # pymorphy3[fast] installs DAWG2; without it pymorphy3 silently falls back
    # to pure-Python lookups, several times slower per word
    import pymorphy3.dawg
    assert pymorphy3.dawg.EXTENSION_AVAILABLE


@pytest.mark.parametrize("word, lemma", [
    ("областями", "область"),
    ("акимата", "акимат"),
    ("побратимы", "побратим"),
])
def test_parse_gives_the_dictionary_lemma_first(word, lemma):
    assert parse(word)[0].normal_form == lemma
