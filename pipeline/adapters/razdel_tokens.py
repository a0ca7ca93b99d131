"""razdel's tokens, found with razdel's own atoms and rules but without its
per-token records, and its abbreviations.

Touches: razdel's atom pattern `ATOM` (its groups RU, LAT, INT, PUNCT,
OTHER; here spelt out without its IGNORECASE, as ATOM_KINDS, with its
PUNCTS), its `Atom` and `TokenSplit` records and the segmenter's `join` over
its rules (razdel.segmenters.tokenize), which pairs of atoms those rules can join (`may_join`)
and which marks they look past (`whole_text_tokens`), its dashes
(razdel.segmenters.punct), and its abbreviation list `SOKRS`
(razdel.segmenters.sokr). Compared with the library by
tests/adapters/test_razdel_tokens.py; `whole_text_tokens` with razdel over
the whole text by tests/nlp/test_tokenizer.py (it takes the tokenizer's
sentences)."""

import re
from itertools import chain

from razdel.segmenters.punct import DASHES
from razdel.segmenters.sokr import SOKRS
from razdel.segmenters.tokenize import PUNCTS, Atom, TokenSegmenter, TokenSplit

__all__ = ["SOKRS", "token_spans", "whole_text_tokens"]

SEGMENTER = TokenSegmenter()
WINDOW = SEGMENTER.split.window  # atoms each side a rule may look at
# Marks razdel's rules may join to a word of letters: dashes and "_" (within
# a word), "!" ("Yahoo!"). Its rules for "." "," "/" want digits both sides.
LETTER_JOINERS = frozenset(DASHES + "_!")
# razdel's ATOM, whose [а-яё] and [a-z] are read ignoring case, with the
# letters that reading takes spelt out (with а-я and a-z: U+1C80-1C86, old
# forms of в д о с т ъ; İ ı ſ and the Kelvin sign K): the same atoms, found
# without a case-blind test of each character (~64 -> ~50 µs a 1,000-character text).
RU = "а-яёА-ЯЁ\u1c80-\u1c86"
LAT = "a-zA-Z\u0130\u0131\u017f\u212a"
ATOM_KINDS = re.compile(rf"(?P<RU>[{RU}]+)|(?P<LAT>[{LAT}]+)|(?P<INT>\d+)"
                        rf"|(?P<PUNCT>[{re.escape(PUNCTS)}])|(?P<OTHER>\S)")


def token_spans(text: str) -> list:
    """(start, stop) of each of razdel's tokens of `text`.

    razdel splits at every space, and asks its rules about each pair of
    touching atoms with three atoms of context each side; a token is then
    a run of atoms, so its span is read off the atoms rather than searched
    for in the text as razdel does with each token's string."""
    matches = list(ATOM_KINDS.finditer(text))
    spans, atoms = [], [None] * len(matches)  # razdel's Atom records, made for the rules' windows only
    for index, match in enumerate(matches):
        start, stop = match.span()
        if spans and spans[-1][1] == start and may_join(matches[index - 1], match):
            left, right = window(matches, atoms, max(0, index - WINDOW), index, index + WINDOW)
            split = TokenSplit(left, "", right)
            split.buffer = text[spans[-1][0]:start]  # the token so far, as razdel's segmenter keeps it
            if SEGMENTER.join(split):
                spans[-1] = (spans[-1][0], stop)
                continue
        spans.append((start, stop))
    return spans


def may_join(left, right) -> bool:
    """Could razdel's rules join these two touching atoms? Not two words
    ("км" "2"): each rule wants a mark; not a word of letters and a mark
    other than LETTER_JOINERS (most pairs: "области" ","); the rest are
    put to the rules."""
    a, b = left.lastgroup, right.lastgroup
    if a == "OTHER" or b == "OTHER":
        return True
    if a == "PUNCT":
        return (b != "RU" and b != "LAT") or left.group() in LETTER_JOINERS
    if b == "PUNCT":
        return a == "INT" or right.group() in LETTER_JOINERS
    return False


def window(matches: list, atoms: list, start: int, middle: int, stop: int) -> tuple:
    """atoms[start:middle] and atoms[middle:stop], made from the matches where not made yet."""
    for index in range(start, min(stop, len(atoms))):
        if atoms[index] is None:
            m = matches[index]
            atoms[index] = Atom(m.start(), m.end(), m.lastgroup, m.group())
    return atoms[start:middle], atoms[middle:stop]


# The marks razdel's dash, underscore, float and fraction rules look past (at a second atom) to join.
RULE_MARKS = frozenset(DASHES + "_.,/\\")
# Of those, the ones whose rules join only when both neighbours are digits.
DIGIT_MARKS = frozenset(".,/\\")


def whole_text_tokens(text: str, sentences: list, spans: list):
    """razdel's tokens of the whole text (what the NER reads) put together
    from its tokens of each sentence (`sentences`: (start, end, paragraph);
    `spans`: razdel's spans of each), or None where they might differ.
    razdel splits at every space, and its rules join two touching atoms
    looking at no atom past them, except the dash, underscore, float and
    fraction rules: at a mark, they look one atom further. So the two agree
    when the sentences are parted by spaces only, none starts with such a
    mark, and none ends with one whose rule could join there (a dash or "_";
    ".,/\\" between digits)."""
    last, after_digit = 0, False
    for start, end, _ in sentences:
        gap = text[last:start]  # str.isspace: what razdel's atoms (\S) leave out
        if (gap or last) and not gap.isspace():
            return None  # touching sentences, or text outside them
        if text[start] in RULE_MARKS or after_digit and text[start].isdigit():
            return None
        mark = text[end - 1]
        if mark in RULE_MARKS and mark not in DIGIT_MARKS:
            return None
        after_digit = mark in DIGIT_MARKS and end - start > 1 and text[end - 2].isdigit()
        last = end
    tail = text[last:]
    return None if tail and not tail.isspace() else list(chain.from_iterable(spans))
