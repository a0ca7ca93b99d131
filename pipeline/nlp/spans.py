"""Helpers the entity rules share: the text and the tokens of each sentence,
the sentence or paragraph an offset lies in, where a name's run of adjectives
before its head word begins, and a record copied with some fields changed."""

from bisect import bisect_right

from spacy.tokens import Doc

from pipeline.nlp.analyzer import parse
from pipeline.nlp.extensions import get
from pipeline.nlp.words import columns, sentence_words


def text_of(doc: Doc) -> str:
    """The document's text: kept by the tokenizer, since spaCy's `doc.text`
    joins every token again on each read."""
    text = get(doc, "text")
    return doc.text if text is None else text


def index_at(starts: list, offset: int) -> int:
    """Which of the stretches (sentences, paragraphs) beginning at the sorted
    `starts` holds the offset."""
    return bisect_right(starts, offset) - 1


class DocTokens:
    """A document's tokens as the rules find a mention's: their offsets and
    words, read off the Doc once per stage (each `doc._` read makes spaCy
    objects, each `doc.char_span` a Span and Token objects)."""

    def __init__(self, doc: Doc):
        c = columns(doc)
        self.doc, self.text, self.idx, self.texts, self.lemmas = doc, text_of(doc), c.idx, c.text, c.lemma
        self.end = len(self.text)  # a Doc's tokens and their trailing spaces cover its text
        self.words = sentence_words(doc).tokens

    def token_at(self, char: int) -> int:
        """spaCy's token_by_char: the token whose text or trailing space
        holds the character, -1 outside the text (a Doc's tokens and their
        spaces cover its text without a gap)."""
        return bisect_right(self.idx, char) - 1 if 0 <= char < self.end else -1

    def range(self, start: int, end: int):
        """The tokens (first, stop) of the characters start..end-1 as
        `doc.char_span(start, end, alignment_mode="expand")` takes them,
        None where it gives none."""
        first, last = self.token_at(start), self.token_at(end - 1)
        if first < 0 or last < 0:
            return None
        if start == self.idx[first] + len(self.texts[first]):
            first += 1  # a start in the trailing space belongs to the next token
        return first, last + 1

    def words_in(self, first: int, stop: int) -> list:
        """The non-space words of the tokens first..stop-1."""
        return [w for w in self.words[first:stop] if w is not None]

    def words_at(self, start: int, end: int):
        """The non-space words of the characters start..end-1 as spaCy's
        expanded span holds them, None where it gives no span."""
        found = self.range(start, end)
        return None if found is None else self.words_in(*found)


def by_sentence(entities: list, sentences) -> list:
    """The entities starting in each sentence's words, in their order:
    looked up once, not scanned for every sentence."""
    firsts = [tokens[0].idx for tokens in sentences]
    lasts = [tokens[-1].idx + len(tokens[-1].text) for tokens in sentences]
    out = [[] for _ in sentences]
    for e in entities:
        k = index_at(firsts, e.start)
        if k >= 0 and e.start < lasts[k]:
            out[k].append(e)
    return out


def is_adjective(word: str) -> bool:
    """A capitalised word pymorphy3 reads as an adjective ("Курганское")."""
    return word[:1].isupper() and any(p.tag.POS == "ADJF" for p in parse(word)[:2])


def left_edge(tokens, head: int) -> int:
    """Adjectives before the head belong to the name from the first capitalised
    one on ("новое Законодательное Собрание" starts at "Законодательное")."""
    j = head
    while j > 0 and (tokens[j - 1].pos_ == "ADJ" or is_adjective(tokens[j - 1].text)):
        j -= 1
    while j < head and not tokens[j].text[:1].isupper():
        j += 1
    return j


def changed(record, **fields):
    """A copy of a dataclass record with these fields changed, as
    `dataclasses.replace` makes it (the others shared, not copied) without
    its per-field walk through `__init__`: every entity is copied two or
    three times. For plain dataclasses only (no `__post_init__`, no slots)."""
    if not fields.keys() <= record.__dict__.keys():
        raise TypeError(f"{type(record).__name__} has no field {sorted(fields.keys() - record.__dict__.keys())}")
    new = object.__new__(type(record))
    new.__dict__.update(record.__dict__, **fields)
    return new
