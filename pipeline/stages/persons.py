"""natasha's PER findings kept only where they are names: a header word
("Аннотация") or a lone common noun is not a person, and posts or titles
before the name ("губернатор", "аким") stay outside the span."""

from dataclasses import replace

from spacy.tokens import Doc

from pipeline.nlp import models
from pipeline.nlp.analyzer import parse, is_dictionary_word
from pipeline.nlp.spans import text_of

PERSON_GRAMMEMES = {"Name", "Surn", "Patr", "Init"}
NOT_NAME_POS = {"ADJF", "ADJS", "COMP", "VERB", "INFN", "PRTF", "PRTS", "GRND", "ADVB"}


def name_like(token) -> bool:
    """A word a person's name can be made of: a first name, patronymic or
    surname, an initial, or a word the dictionary does not know."""
    word = token.text.strip(".")
    if not word or not word[:1].isupper():
        return False
    parses = parse(word)
    if len(word) == 1 or any(PERSON_GRAMMEMES & p.tag.grammemes for p in parses):
        return True
    # an unknown word may be a foreign name, unless it is shaped like an adjective or verb
    return not is_dictionary_word(word) and parses[0].tag.POS not in NOT_NAME_POS


def common_word(token) -> bool:
    """A lone word that is not a name: a dictionary word without a name
    reading, in the nominative at the start of a sentence (where every word
    has a capital: "Аннотация.") or shaped like an adjective or verb."""
    word = token.text
    if not is_dictionary_word(word) or any(PERSON_GRAMMEMES & p.tag.grammemes for p in parse(word)):
        return not name_like(token)
    first = parse(word)[0].tag
    return token.is_sent_start and "nomn" in first.grammemes or first.POS in NOT_NAME_POS


def known_place(token, gazetteer) -> bool:
    return gazetteer.match_at([token], 0) is not None


def trimmed(e, doc: Doc, gazetteer):
    """The PER finding cut to its name, or None when it names no one."""
    span = doc.char_span(e.start, e.end, alignment_mode="expand")
    words = [t for t in span if not t.is_space]
    while words and (words[0].text.islower() or len(words) > 2 and known_place(words[0], gazetteer)):
        words = words[1:]  # a post before the name, or the place of the post ("акима Алматы …")
    if not words or len(words) == 1 and common_word(words[0]):
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    return replace(e, start=start, end=end, text=text_of(doc)[start:end])


ASSIGNS = ["doc._.candidates"]
REQUIRES = ["doc._.candidates", "token.lemma", "token.pos"]


class Persons:
    """The stage, given the place gazetteer (a place before a name is not part of it)."""

    def __init__(self, gazetteer):
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        kept = [e if e.label != "PER" else trimmed(e, doc, self.gazetteer) for e in doc._.candidates]
        doc._.candidates[:] = [e for e in kept if e is not None]
        return doc


def make(nlp, name: str) -> Persons:
    return Persons(models.places())
