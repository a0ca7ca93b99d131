"""What a date reaches beyond natasha's grammar (entities.md rule 9):
- a quarter or half-year before a year ("в первом полугодии 2023 года",
  "II квартал 2025 г."): one date, its value the year;
- a range of bare years ("(1998—2004)"): each end a date;
- a month before a range dash ("январь — апрель 2024 года"): a date of its own;
- a month alone before "с. г." ("на август с. г.").
Decades ("1990-е годы") do not resolve to a year and are not dates."""

import re
from functools import lru_cache

from natasha.grammars.date import MONTHS

from pipeline.nlp.analyzer import parse
from pipeline.rules.normal_forms import inflected, restore_case

ROMAN_PARTS = {"I": 1, "II": 2, "III": 3, "IV": 4}
PART_OF_YEAR = {"квартал": 4, "полугодие": 2}   # the part's noun and how many there are in a year
ORDINALS = {"первый": 1, "второй": 2, "третий": 3, "четвертый": 4, "четвёртый": 4}
BEFORE_PART = re.compile(r"(\S+)\s+(\S+)\s+$")
DASH = re.compile(r"\s?[–—-]\s?")
YEAR = r"(?:1[89]\d\d|20\d\d)"
# two years joined by a dash, not part of a longer number, a decade ("1990-е") or a code
YEAR_RANGE = re.compile(rf"(?<![\d.,/-])({YEAR})\s?[–—-]\s?({YEAR})(?![\d.,/]*\d|-|\s?(?:гг?\b|год))")
MONTH_BEFORE_DASH = re.compile(r"([А-Яа-яЁё]+)\s?[–—-]\s?$")


def lemma(word: str) -> str:
    return parse(word)[0].normal_form if word.isalpha() else word


def part_of_year(text: str, start: int):
    """(start, normal of the part) of "первом полугодии " / "III квартал " just before a year at `start`."""
    m = BEFORE_PART.search(text[max(0, start - 40):start])
    if not m:
        return None
    ordinal, noun = m.group(1), m.group(2)
    nouns = [p for p in parse(noun) if p.normal_form in PART_OF_YEAR]
    if not nouns:
        return None
    count = PART_OF_YEAR[nouns[0].normal_form]
    if ROMAN_PARTS.get(ordinal, 99) <= count:
        first = ordinal
    else:
        readings = [p for p in parse(ordinal) if p.normal_form in ORDINALS and ORDINALS[p.normal_form] <= count]
        if not readings:
            return None
        form = inflected(readings[0], frozenset({"nomn", "sing", nouns[0].tag.gender}))
        first = restore_case(form, ordinal) if form else ordinal
    head = inflected(nouns[0], frozenset({"nomn", "sing"}))
    offset = max(0, start - 40) + m.start()
    return offset, f"{first} {restore_case(head, noun) if head else noun}"


def year_ranges(text: str):
    """(start, stop, year) of both ends of "1998—2004"."""
    for m in YEAR_RANGE.finditer(text):
        if int(m.group(1)) < int(m.group(2)):
            yield m.start(1), m.end(1), int(m.group(1))
            yield m.start(2), m.end(2), int(m.group(2))


@lru_cache(maxsize=1)
def month_numbers() -> dict:
    """Lemma of a month name -> its number, in the order natasha lists them."""
    numbers = {}
    for word, number in MONTHS.items():
        numbers.setdefault(lemma(word), number)
    return numbers


def month_of(word: str):
    """(number, nominative) of a month name in any case, or None."""
    for p in parse(word):
        if p.normal_form in month_numbers() and p.tag.POS == "NOUN":
            form = inflected(p, frozenset({"nomn", "sing"}))
            return month_numbers()[p.normal_form], restore_case(form or word, word)
    return None


def month_before(text: str, start: int):
    """(start, stop, number, nominative) of a month and a dash just before a date at `start`."""
    m = MONTH_BEFORE_DASH.search(text[max(0, start - 20):start])
    found = month_of(m.group(1)) if m else None
    if not found:
        return None
    offset = max(0, start - 20)
    return offset + m.start(1), offset + m.end(1), *found


MONTH_THIS_YEAR = re.compile(r"(?<![\w-])([А-Яа-яЁё]+)(\s*(?:с\.\s?г\.|сего года|текущего года|этого года))")


def months_of_this_year(text: str):
    """(start, stop, month number, normal) of "август с. г." (a month alone, this year)."""
    if "с." not in text and "го года" not in text:
        return  # every ending of the pattern has one; its search backtracks over each word of the text
    for m in MONTH_THIS_YEAR.finditer(text):
        found = month_of(m.group(1))
        if found:
            yield m.start(), m.end(), found[0], f"{found[1]}{m.group(2)}"
