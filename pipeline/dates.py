"""Dates (entities.md rule 9): natasha's date grammar run with pymorphy3,
plus what it leaves out: a day and month with "с. г." (this year) takes the
year of the last date before it in the paragraph, and coordinated or ranged
days and years ("4 и 5 апреля 2019 г.", "с 2010 по 2020 год") each become a
date. A day and month with no year anywhere is not resolvable: not a date."""

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from natasha import DatesExtractor
from natasha.grammars.date import MONTHS
from yargy.tokenizer import INT, Tokenizer
from spacy.language import Language
from spacy.tokens import Doc

from .morph import analyzer, parse
from .normal import date_normal
from .records import Entity
from .spans import index_at, sentence_texts, text_of

THIS_YEAR = re.compile(r"\s*(с\.\s?г\.|сего года|текущего года)")
CONJUNCT = re.compile(r"(\d{1,4})\s*(?:,|и|или|по|до|[-–—])\s*$")
ABBREVIATED_YEAR = re.compile(r"\bг{1,2}$")
# Every rule of natasha's date grammar has a day, month number or year (an
# integer token of yargy's tokenizer) next to a ".", "г", a form of "год" or
# a month name, and is at most 7 tokens long ("5 . 4 . 2018 г ."): each date
# lies within 6 tokens of such a number. yargy's parser finds the dates
# starting at every token, and its choice among overlapping ones never looks
# past a gap no date crosses, so parsing only the stretches around those
# numbers finds exactly what parsing the whole sentence finds.
REACH = 6
NEIGHBOURS = {".", "г"}


@dataclass(frozen=True)
class Day:
    year: int | None
    month: int | None
    day: int | None


class CachedAnalyzer:
    """pymorphy3 as yargy calls it, its `parse` through the pipeline's cache
    (`morph.parse`): the same readings, each word analysed once per process."""
    parse = staticmethod(parse)

    def __init__(self):
        self.TagClass = analyzer().TagClass


@lru_cache(maxsize=1)
def extractor() -> DatesExtractor:
    return DatesExtractor(CachedAnalyzer())


def iso_value(fact) -> str:
    """ISO 8601 at the precision the text gives."""
    parts = [f"{fact.year:04d}"]
    if fact.month:
        parts.append(f"{fact.month:02d}")
        if fact.day:
            parts.append(f"{fact.day:02d}")
    return "-".join(parts)


@lru_cache(maxsize=1)
def tokenizer() -> Tokenizer:
    return Tokenizer()  # the rules the date grammar's own tokenizer uses, without morphology


@lru_cache(maxsize=1)
def date_lemmas() -> frozenset:
    """Normal forms the grammar's month names and "год" stand for (as yargy's `dictionary` reads them)."""
    return frozenset(p.normal_form for word in [*MONTHS, "год"] for p in parse(word))


def date_word(token) -> bool:
    return token.value in NEIGHBOURS or any(p.normal_form in date_lemmas() for p in parse(token.value))


def anchors(tokens: list):
    """Numbers a date can be built on: next to a ".", "г", "год" or a month."""
    for i, t in enumerate(tokens):
        around = tokens[i - 1:i] + tokens[i + 1:i + 2]
        if t.type == INT and any(date_word(n) for n in around):
            yield i


def windows(text: str) -> list:
    """(start, stop) of the stretches within REACH tokens of an anchor number, merged."""
    tokens = list(tokenizer()(text))
    out = []
    for i in anchors(tokens):
        first, last = tokens[max(0, i - REACH)].span, tokens[min(len(tokens) - 1, i + REACH)].span
        if out and first.start <= out[-1][1]:
            out[-1] = (out[-1][0], last.stop)
        else:
            out.append((first.start, last.stop))
    return out


def grammar_matches(text: str):
    """natasha's matches in the whole text, found in the stretches around numbers."""
    for start, stop in windows(text):
        for m in extractor()(text[start:stop]):
            yield start + m.start, start + m.stop, m.fact


def matches(text: str):
    """(start, stop, fact) of natasha's matches, "гг." with its period."""
    for start, stop, fact in grammar_matches(text):
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


def in_sentence(offset: int, text: str, years: list) -> list:
    """Every date of one sentence as (start, stop, normal or "", fact)."""
    found = []
    for start, stop, fact in matches(text):
        if not fact.year and fact.month and (m := THIS_YEAR.match(text, stop)) and years:
            fact, stop = replace(fact, year=years[-1]), m.end()
        if fact.year:
            found += conjuncts(text, start, stop, fact) + [(start, stop, "", fact)]
            years.append(fact.year)
    return [(offset + s, offset + e, normal, fact) for s, e, normal, fact in found]


@Language.component("dates")
def find_dates(doc: Doc) -> Doc:
    found, years, paragraph = [], [], None
    paragraph_starts = [s for s, _ in doc._.paragraphs]
    for start, text in sentence_texts(doc):
        para = index_at(paragraph_starts, start)
        if para != paragraph:
            years, paragraph = [], para
        found += in_sentence(start, text, years)
    text = text_of(doc)
    doc._.candidates.extend(
        Entity(s, e, text[s:e], "DATE", normal or date_normal(text[s:e]), value=iso_value(fact), source="rule")
        for s, e, normal, fact in found)
    return doc
