import pytest

from pipeline.text.clean import clean
from pipeline.records import Entity
from pipeline.nlp.spans import by_sentence
from pipeline.nlp.words import columns, sentence_words

ATTRIBUTES = ("text", "lemma_", "pos_", "idx", "i", "whitespace_", "is_alpha", "is_sent_start")


def attributes(token) -> tuple:
    return tuple(getattr(token, a) for a in ATTRIBUTES) + (str(token.morph),)


@pytest.mark.parametrize("text_in", [
    "Правительство Омской области и акимат Павлодарской области подписали соглашение.",
    "Делегация прибыла в Астану.  Переговоры прошли 2 августа 2017 г.\n\nИтоги — 1,2 млрд тенге.",
    "ТОО «Кастинг» открыло филиал в Усть-Каменогорске",
])
def test_words_read_as_their_tokens(nlp, text_in):
    doc = nlp(clean(text_in).text)
    tokens = [[attributes(t) for t in sent if not t.is_space] for sent in doc.sents]
    assert [[attributes(w) for w in sent] for sent in sentence_words(doc)] == tokens


def test_entities_grouped_by_the_sentence_they_start_in(nlp):
    doc = nlp("Акимат Павлодара ответил.   Омск ждёт гостей.")
    at = [Entity(28, 32, "Омск", "LOC", ""), Entity(0, 6, "Акимат", "ORG", ""), Entity(26, 27, " ", "X", "")]
    assert by_sentence(at, sentence_words(doc)) == [[at[1]], [at[0]]]  # none starts in the space between


def test_words_kept_on_their_doc_and_dropped_after_the_rule_stages(nlp):
    """Each Doc's words are its own (no cache shared between documents), and
    none is left on it after the pipeline: a Word holds its Doc."""
    first, second = nlp("Акимат Павлодарской области ответил."), nlp("Омск ждёт гостей.")
    assert first._.words is None and second._.words is None
    assert sentence_words(first)[0][0].text == "Акимат"
    assert sentence_words(second)[0][0].text == "Омск"
    assert first._.words[0][0].doc is first


def test_columns_read_once_and_kept_with_the_tokens_values(nlp):
    """The rule stages, the directions and the ties read one set of columns
    per document; it says what each token says."""
    doc = nlp(clean("Делегация прибыла в Астану.  Переговоры прошли 2 августа.").text)
    c = columns(doc)
    assert columns(doc) is c and doc._.columns is c  # kept where spaCy's own doc._ reads it
    assert list(zip(c.text, c.lemma, c.pos, c.idx, c.whitespace, c.alpha, c.blank)) == [
        (t.text, t.lemma_, t.pos_, t.idx, t.whitespace_, t.is_alpha, t.is_space) for t in doc]
    assert "прибыть" in c.lemma
