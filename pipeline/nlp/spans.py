"""Helpers the entity rules share: the text and the tokens of each sentence,
the sentence or paragraph an offset lies in, and where a name's run of adjectives before its head word begins."""

from bisect import bisect_right

from spacy.tokens import Doc

from pipeline.nlp.analyzer import parse


def text_of(doc: Doc) -> str:
    """The document's text: kept by the tokenizer, since spaCy's `doc.text`
    joins every token again on each read."""
    text = doc._.text
    return doc.text if text is None else text


def index_at(starts: list, offset: int) -> int:
    """Which of the stretches (sentences, paragraphs) beginning at the sorted
    `starts` holds the offset."""
    return bisect_right(starts, offset) - 1


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
