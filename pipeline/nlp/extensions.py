"""The data stages hand on beside spaCy's own token attributes (pos, morph:
written by morphology; lemma: by lemmas) and results (doc.ents, doc.spans),
registered on spaCy's Doc by `register()` when the Language is built, and
read and written by `get(doc, name)` and `put(doc, name, value)` (as `doc._`
does, without the object it makes on each use).

    doc._.text         the text, as `doc.text` joins it      written by: tokenizer
                       (spaCy joins every token on each read: read `spans.text_of(doc)`)
    doc._.paragraphs   (start, end) of each paragraph        written by: tokenizer
    doc._.sentences    (start, end, paragraph) of each sentence  written by: tokenizer
    doc._.razdel_tokens  razdel's token spans of the whole text, read off its
                       sentences' (None where they may differ)  written by: tokenizer, read by: natasha_ner
    doc._.columns      the tokens' attributes as lists of values, made on first use
                       (`words.columns`), after lemmas
    doc._.words        each sentence's words as plain values made on first use
                       (`words.sentence_words`), after lemmas; dropped by: entities
    doc._.candidates   Entity records from every layer      started by: tokenizer;
                                                             appended by: natasha_ner, dates, money,
                                                             places, organisations, government;
                                                             pruned or edited by: persons,
                                                             organisations, government
    doc._.entities     the flat, resolved Entity list       written by: entities
    doc._.directions   sentence/paragraph/document labels   written by: directions
    doc._.ties         Tie records                           written by: ties
    doc._.published    the file's publication date (ISO) or None  set by: nlp/document.py, read by: dates

The entities stage also writes spaCy's own `doc.ents` (the final entities)
and `doc.spans["candidates"]` (every layer's findings, overlapping)."""

from spacy.tokens import Doc

from pipeline.adapters import spacy_underscore

NAMES = ("text", "paragraphs", "sentences", "razdel_tokens", "columns", "words", "candidates", "entities",
         "directions", "ties", "published")
PLAIN = set()  # the names registered as stored values (all, unless registered elsewhere otherwise)


def register() -> None:
    for name in NAMES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    PLAIN.clear()  # as registered now
    PLAIN.update(name for name in NAMES if spacy_underscore.plain(name))


def get(doc: Doc, name: str):
    """doc._.name without the spaCy object each `doc._` makes (~2 µs a read)."""
    return spacy_underscore.get(doc, name) if name in PLAIN else getattr(doc._, name)


def put(doc: Doc, name: str, value) -> None:
    """doc._.name = value, as `get` reads it."""
    if name in PLAIN:
        spacy_underscore.put(doc, name, value)
    else:
        setattr(doc._, name, value)
