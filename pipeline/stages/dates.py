"""Dates (entities.md rule 9): natasha's date grammar (date_grammar.py),
plus what it leaves out: a day and month with "с. г." (this year) takes the
year of the last date before it in the paragraph, and coordinated or ranged
days and years ("4 и 5 апреля 2019 г.", "с 2010 по 2020 год") each become a
date. A day and month with no year anywhere is not resolvable: not a date."""

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from pipeline.nlp import models
from pipeline.rules.date_grammar import grammar_matches
from pipeline.rules.normal_forms import date_normal
from pipeline.records import Entity
from pipeline.nlp.spans import text_of

THIS_YEAR = re.compile(r"\s*(с\.\s?г\.|сего года|текущего года)")
CONJUNCT = re.compile(r"(\d{1,4})\s*(?:,|и|или|по|до|[-–—])\s*$")
ABBREVIATED_YEAR = re.compile(r"\bг{1,2}$")


@dataclass(frozen=True)
class Day:
    year: int | None
    month: int | None
    day: int | None


def iso_value(fact) -> str:
    """ISO 8601 at the precision the text gives."""
    parts = [f"{fact.year:04d}"]
    if fact.month:
        parts.append(f"{fact.month:02d}")
        if fact.day:
            parts.append(f"{fact.day:02d}")
    return "-".join(parts)


def matches(text: str, extractor):
    """(start, stop, fact) of natasha's matches, "гг." with its period."""
    for start, stop, fact in grammar_matches(text, extractor):
        stop = stop + 1 if ABBREVIATED_YEAR.search(text[start:stop]) and text[stop:stop + 1] == "." else stop
        yield start, stop, Day(fact.year, fact.month, fact.day)


def conjuncts(text: str, start: int, stop: int, fact) -> list:
    """Bare days or years coordinated before a date, completed from it."""
    out, rest = [], text[start:stop].split(" ", 1)[1:]
    while (m := CONJUNCT.search(text[:start])) and rest:
        number = int(m.group(1))
        if fact.day and 1 <= number <= 31:
            value = replace(fact, day=number)
        elif not fact.month and 1000 <= number <= 2100:
            value = replace(fact, year=number)
        else:
            break
        out.append((m.start(1), m.end(1), date_normal(f"{number} {rest[0]}", "sing"), value))
        start = m.start(1)
    return out


def in_sentence(offset: int, text: str, years: list, extractor) -> list:
    """Every date of one sentence as (start, stop, normal or "", fact)."""
    found = []
    for start, stop, fact in matches(text, extractor):
        if not fact.year and fact.month and (m := THIS_YEAR.match(text, stop)) and years:
            fact, stop = replace(fact, year=years[-1]), m.end()
        if fact.year:
            found += conjuncts(text, start, stop, fact) + [(start, stop, "", fact)]
            years.append(fact.year)
    return [(offset + s, offset + e, normal, fact) for s, e, normal, fact in found]


ASSIGNS = ["doc._.candidates"]
REQUIRES = []


class Dates:
    """The stage, given natasha's date grammar."""

    def __init__(self, extractor):
        self.extractor = extractor

    def __call__(self, doc: Doc) -> Doc:
        found, years, paragraph, text = [], [], None, text_of(doc)
        for start, stop, para in doc._.sentences:  # the tokenizer's, read without spaCy's slower `sent.text`
            if para != paragraph:
                years, paragraph = [], para
            found += in_sentence(start, text[start:stop], years, self.extractor)
        doc._.candidates.extend([
            Entity(s, e, text[s:e], "DATE", normal or date_normal(text[s:e]), value=iso_value(fact), source="rule")
            for s, e, normal, fact in found])
        return doc


def make(nlp, name: str) -> Dates:
    return Dates(models.date_extractor())
