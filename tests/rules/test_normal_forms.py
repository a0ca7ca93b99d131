import pytest

from pipeline.nlp.analyzer import parse
from pipeline.rules.normal_forms import genitive, inflected


@pytest.mark.parametrize("word", ["Омской", "области", "Дональдом", "Трампом", "акимата", "марте", "годах",
                                  "Законодательного", "Собрания", "пятой", "Сеитову", "кофе"])
@pytest.mark.parametrize("grammemes", [{"nomn", "sing"}, {"gent"}, {"nomn", "plur"}, {"loc2"}, {"VERB"}])
def test_inflected_is_pymorphys_own_inflect(word, grammemes):
    """The word of `Parse.inflect` for each reading, None where it finds no form
    (a noun has no VERB form; "loc2" is read as loct where a word has none)."""
    for p in parse(word):
        form = p.inflect(set(grammemes))
        assert inflected(p, frozenset(grammemes)) == (form.word if form else None)


def test_genitive_declines_each_word_but_an_abbreviation():
    assert genitive("Курганская область") == "Курганской области"
    assert genitive("Омский государственный университет") == "Омского государственного университета"
    assert genitive("Секретариат ШОС") == "Секретариата ШОС"
