"""natasha's date grammar, run with pymorphy3 through the pipeline's cache,
and only on the stretches of a sentence that can hold a date.

A date of the grammar is a row of its tokens each of which is an integer,
"г", a form of "год" or of a month name, or a "." after "г" or between two
integers; the row holds an integer and something else. yargy's parser finds
the dates starting at every token, and its choice among overlapping ones never
looks past a gap no date crosses, so parsing only the longest such rows finds
exactly what parsing the whole sentence finds."""

import re
from functools import lru_cache
from itertools import chain, groupby

from pipeline.nlp.cache import cached
from pipeline.adapters.yargy_dates import MONTHS, grammar_tokens
from pipeline.nlp.analyzer import parse

DIGIT = re.compile(r"\d")  # what the grammar's integers are made of


@lru_cache(maxsize=1)
def date_lemmas() -> frozenset:
    """Normal forms the grammar's month names and "год" stand for (as yargy's `dictionary` reads them)."""
    return frozenset(p.normal_form for word in [*MONTHS, "год"] for p in parse(word))


@cached("date_grammar.date_word", 50_000)
def date_word(word: str) -> bool:
    return word == "г" or any(p.normal_form in date_lemmas() for p in parse(word))


def in_dates(tokens: list) -> list:
    """Whether each token can be part of a date."""
    ints = [t[0] for t in tokens] + [False]
    return [is_int or date_word(word) or word == "." and i > 0 and (
        tokens[i - 1][1] == "г" or ints[i - 1] and ints[i + 1]) for i, (is_int, word, _, _) in enumerate(tokens)]


def stretches(text: str) -> list:
    """(start, stop) of the longest rows of tokens that can make up a date,
    those with an integer and something else."""
    if not DIGIT.search(text):
        return []
    found = grammar_tokens(text)
    out = []
    for can, row in groupby(zip(found, in_dates(found)), key=lambda pair: pair[1]):
        row = [t for t, _ in row]
        if can and any(t[0] for t in row) and not all(t[0] for t in row):
            out.append((row[0][2], row[-1][3]))
    return out


@cached("date_grammar.stretch_matches", 20_000)  # the stretches' shapes, mostly (`shape`)
def stretch_matches(extractor, stretch: str) -> tuple:
    """(start, stop, fact) of the grammar's matches in one stretch: stretches
    repeat ("2019 году"), their parses are the stage's main cost."""
    return tuple((m.start, m.stop, m.fact) for m in extractor(stretch))


# The grammar reads an integer only by these ranges (DAY, MONTH, YEAR: natasha's
# date.py) and by a length of two digits (YEAR_SHORT, the year 1900 + it).
RANGES = ((1, 12), (13, 31), (1000, 2100))
OTHER = len(RANGES)


def kind(value: int) -> int:
    return next((k for k, (low, high) in enumerate(RANGES) if low <= value <= high), OTHER)


@lru_cache(maxsize=None)
def stand_ins(k: int, digits: int) -> tuple:
    """The values that stand for integers of kind k written with this many
    digits, in the order they are given. The years 1900-1999 are left out:
    a year there is a two-digit year's, so each value of a fact says which
    integer it was read from."""
    if k == OTHER:
        values = chain([0], range(32, 1000), range(2101, 10_000))
    else:
        low, high = RANGES[k]
        values = (v for v in range(low, high + 1) if not 1900 <= v <= 1999)
    return tuple(v for v in values if len(str(v)) <= digits)


def shape(stretch: str):
    """(the stretch with each integer replaced by a distinct stand-in of its
    kind and length, stand-in -> the integer as written), or None when the
    stand-ins run out: the grammar matches both alike, so "5 мая 2019 года"
    and "12 мая 2021 года" are parsed once."""
    pieces, written, last = [], {}, 0
    for is_int, word, start, stop in grammar_tokens(stretch):
        if not is_int:
            continue
        if not word.isascii():
            return None
        value = next((v for v in stand_ins(kind(int(word)), len(word)) if v not in written), None)
        if value is None:
            return None
        written[value] = word
        pieces += [stretch[last:start], str(value).zfill(len(word))]
        last = stop
    return "".join(pieces) + stretch[last:], written


def restored(fact, written: dict, numeric_month: bool):
    """A stand-in's fact with the values of the integers as written."""
    def value(v):
        return None if v is None else int(written[v])
    year = fact.year
    if year is not None:
        year = 1900 + value(year - 1900) if 1900 <= year <= 1999 else value(year)
    month = value(fact.month) if numeric_month else fact.month
    return type(fact)(year=year, month=month, day=value(fact.day))


def numeric_month(tokens: list, start: int) -> bool:
    """A match's month is a number when its second token is a period ("12.05.2020");
    otherwise it is a month's name, or there is none."""
    at = next(i for i, t in enumerate(tokens) if t[2] == start)
    return at + 1 < len(tokens) and tokens[at + 1][1] == "."


def shaped_matches(extractor, stretch: str) -> tuple:
    """`stretch_matches`, parsed with stand-ins for the integers."""
    found = shape(stretch)
    if found is None:
        return stretch_matches(extractor, stretch)
    text, written = found
    matches = stretch_matches(extractor, text)
    tokens = grammar_tokens(text) if matches else []
    return tuple((start, stop, restored(fact, written, fact.month is not None and numeric_month(tokens, start)))
                 for start, stop, fact in matches)


def grammar_matches(text: str, extractor):
    """natasha's matches in the whole text, found in the stretches that can hold one."""
    for start, stop in stretches(text):
        for m_start, m_stop, fact in shaped_matches(extractor, text[start:stop]):
            yield start + m_start, start + m_stop, fact
