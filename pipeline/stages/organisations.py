"""Organisations named by rule: a quoted name with the legal form or type
word before it ("ТОО «Кастинг»", "Омской региональной общественной
организации «Возрождение казахских традиций «Путь Чокана»»"), and the
intergovernmental organisations of the lexicon ("ЕАЭС", "Евросоюза").
Also repairs natasha's ORG spans that stop inside a quoted name."""

import re

from spacy.tokens import Doc

from pipeline.nlp import models
from pipeline.nlp.analyzer import parse
from pipeline.rules.body_complement import is_head
from pipeline.rules.kinds import org_kind
from pipeline.rules.lexicon import table, words
from pipeline.rules.name_index import fold
from pipeline.rules.normal_forms import nominative
from pipeline.nlp.spans import by_sentence, left_edge, text_of
from pipeline.text.quotes import quote_groups
from pipeline.records import Entity
from pipeline.nlp.words import sentence_words


def org(tokens, kind=None, normal="") -> Entity:
    doc = tokens[0].doc
    span = doc[tokens[0].i:tokens[-1].i + 1]
    start, end = span.start_char, span.end_char
    return Entity(start, end, text_of(doc)[start:end], "ORG", normal or nominative(span, "ORG"),
                  kind=kind or org_kind(list(span)), source="rule")


def name_start(tokens, i: int, legal_forms: dict, org_types: frozenset):
    """Where the name before the quote at i begins: its legal form, or its
    type word with the adjectives agreeing with it ("Омской региональной
    общественной организации", "общественного объединения"); None if neither."""
    if i == 0:
        return None
    word = tokens[i - 1]
    if word.text in legal_forms:
        return i - 1
    if fold(word.lemma_) not in org_types:
        return None
    j, case = i - 1, word.morph.get("Case")
    while j > 0 and tokens[j - 1].pos_ == "ADJ" and tokens[j - 1].morph.get("Case") == case:
        j -= 1
    commercial = table("org_kind_words.tsv").get(fold(word.lemma_)) == "company"
    while j < i - 1 and relational(tokens[j], commercial):
        j += 1
    return j


def relational(token, commercial: bool = False) -> bool:
    """A lower-case adjective of a place or people opening the run ("омская
    газета") is not part of the name; inside a name that starts with a
    capital ("Омской региональной казахской …") it is. Before a commercial
    type word it only describes, capitalised too ("Белорусский холдинг «…»"):
    a company's name is its quoted name with its form."""
    return (token.text.islower() or commercial) and fold(token.lemma_).endswith(("ский", "цкий"))


def quoted_names(tokens, groups, legal_forms: dict, org_types: frozenset) -> list:
    found = []
    for open_, close in groups:
        start = name_start(tokens, open_, legal_forms, org_types)
        if start is not None:
            found.append(org(tokens[start:close + 1]))
    return found


# what a token folding to "имени" is written as (fold: lower case, ё as е): a text without it names none after anyone
NAMED = re.compile(r"им[её]ни", re.IGNORECASE)


def named_after(tokens, org_types: frozenset) -> list:
    """"Курганский драматический театр имени В. П. Шукшина": a type word,
    the capitalised adjectives before it, "имени" and the name after it."""
    found = []
    for i, t in enumerate(tokens[1:-1], 1):
        if fold(t.text) != "имени" or fold(tokens[i - 1].lemma_) not in org_types:
            continue
        end = person_after(tokens, i + 1)
        start = left_edge(tokens, i - 1)
        if end > i + 1 and start < i - 1:
            found.append(org(tokens[start:end]))
    return found


def initial(tokens, j: int) -> bool:
    """"В." as one token or two."""
    text = tokens[j].text
    return text[:1].isupper() and (len(text) == 2 and text[1] == "." or len(text) == 1 and j + 1 < len(tokens)
                                   and tokens[j + 1].text == ".")


def genitive_reading(word: str) -> bool:
    return tokens_case(word, "gent")


def tokens_case(word: str, case: str) -> bool:
    return any(case in p.tag.grammemes for p in parse(word))


def person_after(tokens, j: int) -> int:
    """The end of the one person's name after "имени": initials, then one or two
    words in the genitive ("Ф. М. Достоевского", "Шакарима", "Льва Гумилёва");
    a next name ("… Байтурсынова Владимиром Самарой", "… Шакарима С. К. …") is not in it."""
    while j < len(tokens) and initial(tokens, j):
        j += 1 if tokens[j].text.endswith(".") else 2
    initials, end = j, j
    while end < len(tokens) and end - initials < 2 and tokens[end].text[:1].isupper() and tokens[end].is_alpha \
            and (end == initials or initials == j and genitive_reading(tokens[end].text)
                 and not initial(tokens, end)):
        end += 1
    return end


def international_names(tokens, index) -> list:
    return [org(tokens[s:e], "international", name.surface) for s, e, name in index.find(tokens)]


def repair(e: Entity, groups, tokens) -> Entity | None:
    """Extend an ORG span that stops inside a quoted name to its closing
    quote; drop one that starts inside a name and runs out of it."""
    for open_, close in groups:
        o, c = tokens[open_].idx, tokens[close].idx + 1
        if e.start <= o < e.end < c:
            return Entity(e.start, c, text_of(tokens[0].doc)[e.start:c], "ORG", "", source="ner")
        if o < e.start < c < e.end:
            return None
    return e


def completed(e: Entity, tokens, others: dict) -> Entity:
    """An organisation's name goes on over a place in the genitive ("Союз
    промышленников Омской области") or "имени" and a person ("театр имени
    Ж. Аймаутова"): entities.md rule 3."""
    after = [t for t in tokens if t.idx >= e.end]
    if any(is_head(t) for t in tokens if e.start <= t.idx < e.end):
        return e  # a government body ends at its own territory: the rules of government.py
    nxt = others.get(after[0].idx) if after else None
    if nxt and nxt.label == "LOC" and after[0].morph.get("Case") == ["Gen"]:
        end = nxt.end
    elif len(after) > 1 and fold(after[0].text) == "имени" and others.get(after[1].idx, e).label == "PER":
        end = others[after[1].idx].end
    else:
        return e
    return Entity(e.start, end, text_of(tokens[0].doc)[e.start:end], "ORG", "", source=e.source)


ASSIGNS = ["doc._.candidates"]
REQUIRES = ["doc._.candidates", "token.lemma", "token.pos", "token.morph"]


class Organisations:
    """The stage, given the index of international organisations, the legal
    forms ("ТОО") and the type words ("организация", "театр")."""

    def __init__(self, international, legal_forms: dict, org_types: frozenset):
        self.international, self.legal_forms, self.org_types = international, legal_forms, org_types

    def __call__(self, doc: Doc) -> Doc:
        found, repaired, sentences = [], {}, sentence_words(doc)
        named = NAMED.search(text_of(doc)) is not None
        for tokens, inside in zip(sentences, by_sentence(doc._.candidates, sentences)):
            groups = quote_groups(tokens)
            new = (quoted_names(tokens, groups, self.legal_forms, self.org_types)
                   + international_names(tokens, self.international)
                   + (named_after(tokens, self.org_types) if named else []))
            nearby = sorted((e for e in inside if e.label in ("LOC", "PER")),
                            key=lambda e: e.source != "ner")  # the gazetteer's reading last, so it stays
            others = {e.start: e for e in nearby}
            for e in inside:
                if e.label == "ORG" and e.source == "ner":
                    fixed = repair(e, groups, tokens)
                    repaired[id(e)] = fixed and completed(fixed, tokens, others)
            found += [completed(e, tokens, others) for e in new]
        doc._.candidates[:] = [repaired.get(id(e), e) for e in doc._.candidates if repaired.get(id(e), e)]
        doc._.candidates.extend(found)
        return doc


def make(nlp, name: str) -> Organisations:
    return Organisations(models.international(), table("legal_forms.tsv"), words("org_types.txt"))
