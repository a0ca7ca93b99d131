"""Dates (entities.md rule 9): natasha's date grammar (date_grammar.py),
plus what it leaves out: a day and month with "с. г." (this year) or with no
year at all ("15 марта", "в среду 14 мая") takes the year of the last date
before it in the paragraph, or else in the document (a dateline, an earlier
year); coordinated or ranged days, months and years ("4 и 5 апреля 2019 г.",
"с 2010 по 2020 год", "2019–2021 гг.", "январь — апрель 2024 года",
"(1998—2004)") each become a date whose normal is one date ("2021 г.");
quarters and half-years take their year (date_extent.py). A day and month
with no year anywhere before it is not resolvable: not a date."""

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from pipeline.nlp import models
from pipeline.rules.date_grammar import grammar_matches
from pipeline.rules.date_extent import month_before, months_of_this_year, part_of_year, year_ranges
from pipeline.rules.normal_forms import date_normal
from pipeline.records import Entity
from pipeline.nlp.spans import text_of

THIS_YEAR = re.compile(r"\s*(с\.\s?г\.|сего года|текущего года|этого года)")
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
    """Bare days, months or years coordinated before a date, completed from it."""
    out, rest = [], text[start:stop].split(" ", 1)[1:]
    if fact.month and not fact.day and rest and (month := month_before(text, start)):
        m_start, m_stop, number, name = month
        return [(m_start, m_stop, f"{name} {rest[0]}", replace(fact, month=number))]
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
    """Every date of one sentence as (start, stop, normal or "", fact);
    `years`: the years stated before it, latest last."""
    found = []
    for start, stop, fact in matches(text, extractor):
        normal = ""
        if not fact.year and fact.month and years:
            stop = m.end() if (m := THIS_YEAR.match(text, stop)) else stop
            fact = replace(fact, year=years[-1])
        elif fact.year and not fact.month and (part := part_of_year(text, start)):
            start, normal = part[0], f"{part[1]} {text[start:stop]}"
        if fact.year:
            before = conjuncts(text, start, stop, fact)
            normal = normal or (date_normal(text[start:stop], "sing") if before else "")
            found += before + [(start, stop, normal, fact)]
            years.append(fact.year)
    found += unmatched(text, found, years)
    return [(offset + s, offset + e, normal, fact) for s, e, normal, fact in found]


def unmatched(text: str, found: list, years: list) -> list:
    """Bare year ranges and months "с. г." where the grammar found nothing."""
    free = lambda s, e: all(e <= f[0] or s >= f[1] for f in found)  # noqa: E731
    out = [(s, e, text[s:e], Day(year, None, None)) for s, e, year in year_ranges(text) if free(s, e)]
    for s, e, month, normal in (months_of_this_year(text) if years else ()):
        if free(s, e):
            if before := month_before(text, s):   # "март — май этого года"
                rest = normal.split(" ", 1)[1]
                out.append((before[0], before[1], f"{before[3]} {rest}", Day(years[-1], before[2], None)))
            out.append((s, e, normal, Day(years[-1], month, None)))
    years += [fact.year for *_, fact in out]
    return out


def publication_year(doc: Doc) -> list:
    """The year of the file's publication date, the one a day and month with
    no year before it in the text falls back to."""
    published = doc._.published or ""
    return [int(published[:4])] if published[:4].isdigit() else []


ASSIGNS = ["doc._.candidates"]
REQUIRES = []


class Dates:
    """The stage, given natasha's date grammar."""

    def __init__(self, extractor):
        self.extractor = extractor

    def __call__(self, doc: Doc) -> Doc:
        found, years, paragraph, text = [], publication_year(doc), None, text_of(doc)
        for start, stop, para in doc._.sentences:  # the tokenizer's, read without spaCy's slower `sent.text`
            if para != paragraph:
                # a new paragraph starts from the document's latest year, its own dates come after
                years, paragraph = years[-1:], para
            found += in_sentence(start, text[start:stop], years, self.extractor)
        doc._.candidates.extend([
            Entity(s, e, text[s:e], "DATE", normal or date_normal(text[s:e]), value=iso_value(fact), source="rule")
            for s, e, normal, fact in found])
        return doc


def make(nlp, name: str) -> Dates:
    return Dates(models.date_extractor())
