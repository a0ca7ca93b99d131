from dataclasses import replace

import pytest

from pipeline.nlp.spans import DocTokens, changed
from pipeline.records import Entity
from pipeline.text.clean import clean


def entity():
    return Entity(10, 23, "Омской области", "LOC", "Омская область", kind="region", id="iso:RU-OMS",
                  source="gazetteer", flags=["historical"])


def test_changed_is_what_replace_makes():
    e = entity()
    new = changed(e, start=0, end=5, text="Омска", normal="Омск")
    assert new == replace(e, start=0, end=5, text="Омска", normal="Омск")
    assert type(new) is Entity and new is not e
    assert new.flags is e.flags  # shared, as replace shares it


def test_changed_leaves_the_original():
    e = entity()
    changed(e, label="ORG", canonical="Омская область")
    assert (e.label, e.canonical) == ("LOC", None)


def test_changed_refuses_an_unknown_field():
    with pytest.raises(TypeError):
        changed(entity(), nrmal="Омск")


TEXTS = [
    "Правительство Омской области и акимат Павлодарской области подписали соглашение.",
    "Делегация прибыла в Астану.  Переговоры прошли 2 августа 2017 г.\n\nИтоги — 1,2 млрд тенге.  ",
    "  ТОО «Кастинг» открыло филиал в Усть-Каменогорске",
]


@pytest.mark.parametrize("text_in", TEXTS)
def test_token_range_is_spacys_expanded_char_span(nlp, text_in):
    """Every character range of the text, ends in spaces and inside words
    included, and ranges past the text."""
    doc = nlp(clean(text_in).text)
    tokens, n = DocTokens(doc), len(doc.text)
    for start in range(-1, n + 2):
        for end in range(start + 1, n + 3):
            span = doc.char_span(start, end, alignment_mode="expand")
            expected = None if span is None else (span.start, span.end)
            assert tokens.range(start, end) == expected, (start, end)


@pytest.mark.parametrize("text_in", TEXTS)
def test_words_at_are_the_spans_words(nlp, text_in):
    doc = nlp(clean(text_in).text)
    tokens = DocTokens(doc)
    for start in range(0, len(doc.text), 3):
        for end in range(start + 1, len(doc.text) + 1, 2):
            span = doc.char_span(start, end, alignment_mode="expand")
            assert [(w.i, w.text) for w in tokens.words_at(start, end)] == \
                [(t.i, t.text) for t in span if not t.is_space]
