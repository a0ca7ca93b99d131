"""A Doc's plain extension attributes read and written in its user_data are
what spaCy's `doc._` reads and writes."""

import spacy
from spacy.tokens import Doc

from pipeline.adapters import spacy_underscore
from pipeline.nlp import extensions

TEXT = "Акимат Павлодарской области и Правительство Омской области подписали соглашение."


def test_values_put_and_got_are_doc_underscores_both_ways():
    extensions.register()
    doc = spacy.blank("ru")(TEXT)
    assert spacy_underscore.plain("paragraphs") and spacy_underscore.get(doc, "paragraphs") is None
    spacy_underscore.put(doc, "paragraphs", [(0, len(TEXT))])
    assert doc._.paragraphs == [(0, len(TEXT))]
    doc._.ties = ["связь"]
    assert spacy_underscore.get(doc, "ties") == ["связь"]
    doc._.ties = None  # a value set back to the default
    assert spacy_underscore.get(doc, "ties") is None and doc._.ties is None


def test_a_name_with_a_getter_or_a_default_is_not_plain():
    Doc.set_extension("test_shout", getter=lambda doc: doc.text.upper(), force=True)
    Doc.set_extension("test_counts", default=[], force=True)  # spaCy copies a mutable default
    try:
        assert not spacy_underscore.plain("test_shout") and not spacy_underscore.plain("test_counts")
    finally:
        Doc.remove_extension("test_shout")
        Doc.remove_extension("test_counts")


def test_the_pipelines_attributes_fall_back_to_doc_underscore_where_not_plain():
    extensions.register()
    assert extensions.PLAIN == set(extensions.NAMES)
    doc = spacy.blank("ru")(TEXT)
    extensions.put(doc, "text", TEXT)
    assert doc._.text == extensions.get(doc, "text") == TEXT
    # "text" registered elsewhere with a getter: read through doc._, as spaCy answers it
    Doc.set_extension("text", getter=lambda d: d.text.upper(), force=True)
    try:
        extensions.register()
        assert "text" not in extensions.PLAIN and "paragraphs" in extensions.PLAIN
        assert extensions.get(doc, "text") == TEXT.upper()
    finally:
        Doc.set_extension("text", default=None, force=True)
        extensions.register()
    assert "text" in extensions.PLAIN


def test_if_spacy_kept_values_elsewhere_every_name_goes_through_doc_underscore(monkeypatch):
    """The check a process makes once: this spaCy keeps them where `get` reads."""
    assert spacy_underscore.keeps_values_there()
    monkeypatch.setattr(spacy_underscore, "key", lambda name: ("elsewhere", name))
    spacy_underscore.keeps_values_there.cache_clear()
    try:
        extensions.register()
        assert extensions.PLAIN == set()
        doc = spacy.blank("ru")(TEXT)
        extensions.put(doc, "ties", ["Омская область — Павлодарская область"])
        assert doc._.ties == extensions.get(doc, "ties") == ["Омская область — Павлодарская область"]
    finally:
        monkeypatch.undo()
        spacy_underscore.keeps_values_there.cache_clear()
        extensions.register()
    assert extensions.PLAIN == set(extensions.NAMES)
