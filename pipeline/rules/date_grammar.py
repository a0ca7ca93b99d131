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
from itertools import groupby

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


@cached("date_grammar.stretch_matches", 50_000)
def stretch_matches(extractor, stretch: str) -> tuple:
    """(start, stop, fact) of the grammar's matches in one stretch: stretches
    repeat ("2019 году"), their parses are the stage's main cost."""
    return tuple((m.start, m.stop, m.fact) for m in extractor(stretch))


def grammar_matches(text: str, extractor):
    """natasha's matches in the whole text, found in the stretches that can hold one."""
    for start, stop in stretches(text):
        for m_start, m_stop, fact in stretch_matches(extractor, text[start:stop]):
            yield start + m_start, start + m_stop, fact
