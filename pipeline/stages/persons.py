"""natasha's PER findings kept only where they are names: a header word
("Аннотация") or a lone common noun is not a person, and posts or titles
before the name ("губернатор", "аким", capitalised too) stay outside the
span, of a PER and of a LOC. A "place" that is a first name and a name is a
person, and a surname alone after the full name is that person
(person_mentions.py)."""

from spacy.tokens import Doc

from pipeline.nlp import models
from pipeline.nlp.analyzer import parse, is_dictionary_word
from pipeline.nlp.spans import DocTokens, changed
from pipeline.rules.normal_forms import nominative_of
from pipeline.rules.person_mentions import is_post, looks_like_person, surname_mentions

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


def trimmed(e, at: DocTokens, gazetteer):
    """The PER finding cut to its name, or None when it names no one."""
    words = at.words_at(e.start, e.end)
    while words and (words[0].text.islower() or is_post(words[0])
                     or len(words) > 2 and known_place(words[0], gazetteer)):
        words = words[1:]  # a post before the name, or the place of the post ("акима Алматы …")
    if not words or len(words) == 1 and common_word(words[0]):
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    return changed(e, start=start, end=end, text=at.text[start:end])


def whole_place(words, gazetteer) -> bool:
    name = gazetteer.match_at(words, 0)
    return name is not None and len(name.words) == len(words)


def checked_place(e, at: DocTokens, gazetteer):
    """natasha's LOC without a post before it ("Аким района" is none), or a person it names."""
    words = at.words_at(e.start, e.end)
    if looks_like_person(words) and not whole_place(words, gazetteer):
        return changed(e, label="PER")
    if not words or not is_post(words[0]):
        return e
    words = words[1:]
    while words and words[0].text.islower():
        words = words[1:]
    if not words:
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1].text)
    return changed(e, start=start, end=end, text=at.text[start:end])


PROPER_GRAMMEMES = PERSON_GRAMMEMES | {"Geox", "Orgn", "Abbr", "Trad"}


def capital_of_the_sentence(e, at: DocTokens, gazetteer) -> bool:
    """natasha's one-word LOC or ORG that is only a common noun written with
    the sentence's capital ("Поставки ведёт …", "Станцию построило …"): a
    dictionary word with no proper-name reading that the gazetteer does not know."""
    words = at.words_at(e.start, e.end) or []
    if len(words) != 1 or not words[0].is_sent_start or not is_dictionary_word(words[0].text):
        return False
    proper = any(PROPER_GRAMMEMES & p.tag.grammemes for p in parse(words[0].text))
    return not proper and not known_place(words[0], gazetteer)


def checked(e, at: DocTokens, gazetteer):
    if e.source == "ner" and e.label in ("LOC", "ORG") and capital_of_the_sentence(e, at, gazetteer):
        return None
    if e.source == "ner" and e.label == "LOC":
        return checked_place(e, at, gazetteer)
    return trimmed(e, at, gazetteer) if e.label == "PER" else e


def full_names(at: DocTokens, found: list) -> list:
    """(start, normal) of the persons named by more than one word. Each
    such person in `found` is given its normal here: the entities stage
    would make the same one from the same span a second time."""
    out = []
    for k, e in enumerate(found):
        words = at.words_at(e.start, e.end) if e.label == "PER" else None
        if words is not None and len([t for t in words if t.is_alpha]) >= 2:
            if not e.normal:
                found[k] = e = changed(e, normal=nominative_of(words, "PER"))
            out.append((e.start, e.normal))
    return out


ASSIGNS = ["doc._.candidates"]
REQUIRES = ["doc._.candidates", "token.lemma", "token.pos"]


class Persons:
    """The stage, given the place gazetteer (a place before a name is not part of it)."""

    def __init__(self, gazetteer):
        self.gazetteer = gazetteer

    def __call__(self, doc: Doc) -> Doc:
        at = DocTokens(doc)
        kept = [e for e in (checked(e, at, self.gazetteer) for e in doc._.candidates) if e is not None]
        names = full_names(at, kept)
        taken = [(e.start, e.end) for e in kept if e.label == "ORG" or e.label == "PER" and " " in e.text]
        doc._.candidates[:] = kept + surname_mentions(doc, names, taken)
        return doc


def make(nlp, name: str) -> Persons:
    return Persons(models.places())
