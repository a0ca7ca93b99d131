"""Helpers the entity rules share: the text and the tokens of each sentence,
the sentence or paragraph an offset lies in, and where a name's run of adjectives before its head word begins."""

from bisect import bisect_right

from spacy.tokens import Doc

from .morph import parse


def text_of(doc: Doc) -> str:
    """The document's text: kept by the tokenizer, since spaCy's `doc.text`
    joins every token again on each read."""
    text = doc._.text
    return doc.text if text is None else text


def index_at(starts: list, offset: int) -> int:
    """Which of the stretches (sentences, paragraphs) beginning at the sorted
    `starts` holds the offset."""
    return bisect_right(starts, offset) - 1


def sentence_texts(doc: Doc):
    """(start offset, text) of each sentence, trailing space tokens dropped."""
    for sent in doc.sents:
        text = sent.text.rstrip()
        if text:
            yield sent.start_char, text


def sentence_tokens(doc: Doc):
    for sent in doc.sents:
        yield [t for t in sent if not t.is_space]


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
