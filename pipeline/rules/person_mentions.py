"""Persons as news names them (entities.md rules 5 and 1):
- a post or title before a name, or alone, is no part of a PER or LOC span
  ("Аким Туркестанской области Дархан …": the post is cut; "Губернатор" alone
  is nothing);
- a span natasha calls a place but whose words are a first name and a name
  ("Наталья Тверская", "Алтай Жумабеков") is a person;
- a surname alone that repeats the surname of a person named in full earlier
  in the document ("… Иван Крупко … Крупко подписал") is that person, its
  normal the surname of the full name's normal (gender kept)."""

from pipeline.nlp.analyzer import is_dictionary_word, parse
from pipeline.nlp.cache import cached
from pipeline.nlp.words import sentence_words
from pipeline.records import Entity
from pipeline.rules.lexicon import words
from pipeline.rules.name_index import fold

ATTRIBUTIVE = {"NOUN", "ADJ", "PROPN"}
PERSON = {"Surn", "Name", "Patr"}


def is_post(token) -> bool:
    return any(fold(p.normal_form) in words("post_words.txt") for p in parse(token.text))


def first_name(token) -> bool:
    """A word whose likeliest reading as a name is a first name ("Наталья", "Алтай" in a pair)."""
    return token.text[:1].isupper() and any("Name" in p.tag.grammemes for p in parse(token.text)[:3])


def name_word(token) -> bool:
    return token.text[:1].isupper() and token.is_alpha and not is_post(token)


def surname(token) -> bool:
    """A word read as a person's name (pymorphy3 guesses "Кусаинов" as a plural
    "Кусаин") or one the dictionary does not know."""
    return any(PERSON & p.tag.grammemes for p in parse(token.text)) or not is_dictionary_word(token.text)


def looks_like_person(tokens) -> bool:
    """Two or three capitalised words, a first name before them or a surname
    last ("Наталья Тверская", "Алтай Кусаинов")."""
    return 2 <= len(tokens) <= 3 and all(name_word(t) for t in tokens) and not adjective(tokens[0]) \
        and (first_name(tokens[0]) or surname(tokens[-1]))


def adjective(token) -> bool:
    """A name does not open with a dictionary adjective ("Верхний Ларс" is a place)."""
    first = parse(token.text)[0]
    return first.tag.POS == "ADJF" and is_dictionary_word(token.text) and "Surn" not in first.tag.grammemes


@cached("person_mentions.surname_forms", 20_000)
def surname_forms(word: str) -> frozenset:
    """The surname as written and its lemmas as a surname ("Тверской" -> "тверской")."""
    lemmas = {fold(p.normal_form) for p in parse(word) if "Surn" in p.tag.grammemes or "UNKN" in p.tag.grammemes}
    return frozenset({fold(word)} | lemmas)


def surname_mentions(doc, persons: list, taken: list) -> list:
    """PER for each lone capitalised word that is a form of an earlier full name's surname.
    `persons`: (start, normal) of full names; `taken`: (start, end) spans of other kinds of entity
    that may not be cut (ORG)."""
    known = []
    for start, normal in persons:
        parts = normal.split()
        if len(parts) >= 2 and len(parts[-1]) > 2 and parts[-1].isalpha():
            known.append((start, parts[-1], surname_forms(parts[-1])))
    out = []
    if not known:
        return out
    tokens = [w for sentence in sentence_words(doc) for w in sentence]
    # a mention begins as its surname does (both tests below ask it): most words are turned away by it
    openings = {fold(surname)[:3] for _, surname, _ in known}
    for k, t in enumerate(tokens):
        if not (t.is_alpha and t.text[:1].isupper()) or fold(t.text)[:3] not in openings \
                or any(s <= t.idx < e for s, e in taken):
            continue
        # the token after it in the text; a space token (not among the words) joins no name
        after = tokens[k + 1] if k + 1 < len(tokens) and tokens[k + 1].i == t.i + 1 else None
        if after is not None and (after.text[:1].isupper() and after.is_alpha
                                  or after.text.islower() and t.pos_ == "ADJ" and after.pos_ in ATTRIBUTIVE):
            continue  # part of a longer name, or an adjective before its noun ("Омский университет")
        for start, surname, forms in known:
            if start < t.idx and (fold(t.text) == fold(surname)
                                  or surname_forms(t.text) & forms and fold(t.text)[:3] == fold(surname)[:3]):
                end = t.idx + len(t.text)
                out.append(Entity(t.idx, end, t.text, "PER", surname, source="rule"))
                break
    return out
