"""Sums of money (entities.md rule 10): a number in digits or words, an
optional scale word and a currency word, sign or code, before or after it:
"1,2 млрд тенге", "$300 тыс.", "500 тыс. белорусских рублей", "двести
миллионов рублей", "полмиллиарда тенге", "14 млн азербайджанских манатов"
-> value {amount, currency (ISO 4217)}. Currency names come from CLDR
(currencies.py), number words from number-parser (number_words.py).
A number with any other unit ("7,5 тыс. км") is not money."""

import re
from decimal import Decimal
from typing import NamedTuple

from spacy.tokens import Doc

from pipeline.rules import currencies as cldr
from pipeline.rules.lexicon import table, words
from pipeline.rules.name_index import fold
from pipeline.rules.number_words import may_open_as_written, words_number
from pipeline.nlp.spans import text_of
from pipeline.records import Entity
from pipeline.nlp.words import sentence_words

NUMBER = re.compile(r"^\d+([.,]\d+)?$")


class MoneyWords(NamedTuple):
    """The stage's tables, read from data/lexicon/ once (currency names come from CLDR)."""
    scales: dict            # multiplier by scale word ("тыс", "миллион")
    with_period: frozenset  # abbreviations written with a period ("тыс.")


def money_words() -> MoneyWords:
    return MoneyWords(table("scales.tsv"), words("abbreviations_with_period.txt"))


def currency_at(tokens, i: int):
    """(ISO code, tokens used) of a currency written at tokens[i], two-word names first."""
    return cldr.currency_at([t.text for t in tokens[i:i + 2]], 0)


def number_at(tokens, i: int):
    """(value, tokens used) of a number, digit groups "1 200 000" joined, or in words."""
    if i >= len(tokens):
        return None, 0
    if not NUMBER.match(tokens[i].text):
        if not (tokens[i].is_alpha and may_open_as_written(tokens[i].text)):
            return None, 0
        return words_number([t.text for t in tokens[i:i + 8]], 0)
    text, j = tokens[i].text, i + 1
    while j < len(tokens) and re.fullmatch(r"\d{3}", tokens[j].text) and tokens[j - 1].whitespace_:
        text, j = text + tokens[j].text, j + 1
    return Decimal(text.replace(",", ".")), j - i


def scale_of(token, scales: dict):
    """The multiplier of "тыс", "тыс." or "миллионов"."""
    return scales.get(fold(token.lemma_)) or scales.get(fold(token.text).rstrip("."))


def with_period(tokens, j: int, abbreviations: frozenset) -> int:
    """Include the period of an abbreviation ("тыс.") in the mention."""
    if j < len(tokens) and tokens[j].text == "." and fold(tokens[j - 1].text) in abbreviations:
        return j + 1
    return j


def sum_at(tokens, i: int, lex: MoneyWords):
    """(end index, amount, code) of a sum starting at tokens[i], or None."""
    prefix, used = currency_at(tokens, i)
    if prefix and not tokens[i].is_alpha:
        i_num = i + used
    else:
        prefix, i_num = None, i
    value, n = number_at(tokens, i_num)
    if value is None:
        return None
    j = i_num + n
    scale = scale_of(tokens[j], lex.scales) if j < len(tokens) else None
    if scale:
        value, j = value * int(scale), with_period(tokens, j + 1, lex.with_period)
    code, used = (prefix, 0) if prefix else currency_at(tokens, j)
    if not code:
        return None
    return with_period(tokens, j + used, lex.with_period), int(value), code


def may_start(numbers: list) -> list:
    """Where a sum may start, in order: a sum has its number there or after
    a currency of at most two tokens; found from the few numbers, not tried
    at every token."""
    return sorted({k for n, is_number in enumerate(numbers) if is_number for k in (n - 2, n - 1, n) if k >= 0})


def sums_in(tokens, lex: MoneyWords) -> list:
    # a word (letters only) opens a number only in words; the next words are read only when it can
    numbers = [number_at(tokens, i)[0] is not None if t.is_alpha and may_open_as_written(t.text)
               else not t.is_alpha and NUMBER.match(t.text) is not None for i, t in enumerate(tokens)]
    found, i = [], 0
    for k in may_start(numbers):
        if k < i:
            continue  # inside the sum found before
        hit = sum_at(tokens, k, lex)
        if hit is None:
            continue
        end, amount, code = hit
        first, last = tokens[k], tokens[end - 1]
        start, stop = first.idx, last.idx + len(last.text)
        text = text_of(first.doc)[start:stop]
        found.append(Entity(start, stop, text, "MONEY", text, value={"amount": amount, "currency": code},
                            source="rule"))
        i = end
    return found


ASSIGNS = ["doc._.candidates"]
REQUIRES = ["token.lemma"]


class Money:
    """The stage, given its tables of scales and abbreviations."""

    def __init__(self, lex: MoneyWords):
        self.lex = lex

    def __call__(self, doc: Doc) -> Doc:
        found = [e for tokens in sentence_words(doc) for e in sums_in(tokens, self.lex)]
        doc._.candidates.extend(found)
        return doc


def make(nlp, name: str) -> Money:
    return Money(money_words())
