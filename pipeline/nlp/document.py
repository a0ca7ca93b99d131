"""The per-document function: source in, record out. Pure apart from the
models it loads once per process, so any runner (local processes, Dask) can
call it."""

import time

from spacy.tokens import Doc

from pipeline.ingest.metadata import with_text
from pipeline.text.clean import clean
from pipeline.nlp.build import pipeline
from pipeline.nlp.extensions import get, put
from pipeline.records import Document, Paragraph, Source, Token
from pipeline.nlp.tokenizer import sentences_of
from pipeline.nlp.spans import text_of
from pipeline.nlp.words import columns


def tokens_of(doc: Doc) -> list:
    """Read from the document's columns, which the rule stages have made
    already (a Token object per word costs 3x more, a spaCy array of its
    own and its strings decoded again 2x more)."""
    c = columns(doc)
    return [Token(idx, idx + len(text), lemma, pos)
            for idx, text, lemma, pos, blank in zip(c.idx, c.text, c.lemma, c.pos, c.blank) if not blank]


def attach_directions(result, sentences: list, paragraphs: list) -> list:
    """Copy the directions stage's labels (`result`, None without that stage) onto the records."""
    if result is None:
        return []
    for record, labels in zip(sentences, result.sentences):
        record.directions = labels
    for record, labels in zip(paragraphs, result.paragraphs):
        record.directions = labels
    return result.document


def dateline(entities: list) -> str | None:
    """A full date in the first two sentences: the dateline's."""
    return next((e.value for e in entities if e.label == "DATE" and e.sentence < 2
                 and isinstance(e.value, str) and len(e.value) == 10), None)


def to_document(doc: Doc, source: Source, runs: list, doc_id: str) -> Document:
    sentences = sentences_of(doc)
    paragraphs = [Paragraph(s, e) for s, e in get(doc, "paragraphs")]
    result = get(doc, "directions")
    labels = attach_directions(result, sentences, paragraphs)
    text, entities = text_of(doc), get(doc, "entities")
    record = Document(doc_id, source, text, runs, sentences, paragraphs,
                      tokens_of(doc), entities, labels, ties=get(doc, "ties") or [],
                      metadata=with_text(source.metadata, text, dateline(entities)))
    if result is not None:
        record.direction_scores = result.scores
    return record


def process(source: Source, doc_id: str) -> Document:
    started = time.perf_counter()
    aligned = clean(source.text)
    nlp = pipeline()
    # spaCy refuses texts over nlp.max_length (E088, 1,000,000 by default) to
    # spare its parser's memory; this pipeline has none, and the run's own
    # --max-chars limit has already bounded the text.
    nlp.max_length = max(nlp.max_length, len(aligned.text) + 1)
    doc = nlp.make_doc(aligned.text)
    # the file's publication date (HTML meta, DOCX/PDF properties) gives the
    # year of a day and month written without one
    put(doc, "published", (source.metadata or {}).get("published"))
    doc = nlp(doc)
    record = to_document(doc, source, aligned.runs(), doc_id)
    record.seconds = round(time.perf_counter() - started, 3)
    return record


WARM_UP_TEXT = "Делегация области 1 марта 2020 г. посетила город."


def warm_up() -> None:
    """Load every model and lazy table now: a worker pays this once, at start."""
    process(Source("warm-up.txt", "", "txt", None, WARM_UP_TEXT), "warm-up")
