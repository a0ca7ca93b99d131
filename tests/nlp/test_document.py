"""The per-document function's record (pipeline/nlp/document.py)."""

from pipeline.nlp.document import tokens_of
from pipeline.nlp.words import columns

TEXT = "Акимат Павлодарской области  и Правительство Омской области\n\nподписали 5 марта соглашение."


def test_tokens_are_the_docs_words_with_their_lemma_and_part_of_speech(nlp):
    doc = nlp(TEXT)
    assert [(t.start, t.end, t.lemma, t.pos) for t in tokens_of(doc)] == \
        [(t.idx, t.idx + len(t), t.lemma_, t.pos_) for t in doc if not t.is_space]
    assert [t.lemma for t in tokens_of(doc)][:3] == ["акимат", "павлодарский", "область"]


def test_tokens_are_read_as_well_before_the_columns_are_made(nlp):
    # a pipeline without the rule stages has made no columns: they are made then
    doc = nlp(TEXT)
    made = tokens_of(doc)
    doc._.columns = None
    assert tokens_of(doc) == made and columns(doc) is doc._.columns
