"""Numbers written in words before a unit: "двести миллионов", "сто двадцать
тысяч", "полтора миллиарда", "полмиллиарда", "четверть миллиарда", "семь с
половиной миллиардов". Whole numbers are read by number-parser (its Russian
data declines: "двумястами миллионами" = 200000000); the fractions it
leaves out are composed here: a half or a quarter of the scale word after
it. Vague quantities ("несколько миллионов", "сотни тысяч", "миллионы")
are no number."""

import re
from decimal import Decimal

from pipeline.adapters.number_parser_tables import parse_number
from pipeline.nlp.analyzer import parse
from pipeline.nlp.cache import cached
from pipeline.rules.lexicon import table
from pipeline.rules.name_index import fold

FRACTIONS = {"полтора": Decimal("1.5"), "полторы": Decimal("1.5"), "четверть": Decimal("0.25")}
# "полтора" is a cardinal to pymorphy3, "четверть" a noun
HALF_OF = re.compile(r"^пол(тысячи|миллиона|миллиарда|триллиона)$")   # "полмиллиарда"
VAGUE = {"несколько", "много", "немного", "сколько", "столько", "мало"}


@cached("number_words.scale", 20_000)
def scale(word: str):
    """(multiplier, a plural not after a number: "миллионы") of a scale word
    in any case ("миллионов" -> 10**6), or None."""
    return scale_in(parse(word))


def scale_in(readings: tuple):
    """`scale`, from the word's readings."""
    scales = table("scales.tsv")
    for p in readings:  # one part of speech among a tag's grammemes: "NOUN" in them is its POS
        if p.normal_form in scales and "NOUN" in p.tag.grammemes:
            return int(scales[p.normal_form]), "plur" in p.tag.grammemes and "gent" not in p.tag.grammemes
    return None


@cached("number_words.whole_word", 20_000)
def whole_word(word: str) -> bool:
    """A cardinal number word ("двести", "двумястами", "одна")."""
    return cardinal(word, parse(word))


def cardinal(word: str, readings: tuple) -> bool:
    """`whole_word`, from the word's readings."""
    if word in VAGUE or not word.isalpha():
        return False
    # a tag has one part of speech: "NUMR" among its grammemes is its POS (read
    # through pymorphy3's slower descriptor, for every new word of a text)
    return any("NUMR" in p.tag.grammemes or p.normal_form == "один" and "Anum" not in p.tag.grammemes
               for p in readings)


def whole_run(folded: list, i: int) -> int:
    """The end of a row of cardinal and scale words from i: "два миллиона триста тысяч"."""
    j = i
    while j < len(folded) and (whole_word(folded[j]) or j > i and scale(folded[j])):
        j += 1
    return j


@cached("number_words.number_value", 20_000)
def number_value(words: str):
    """number-parser's value of cardinal words (cached: most are few words, and recur)."""
    return parse_number(words, language="ru")


def opens(word: str, readings: tuple) -> bool:
    """Whether a number in words can begin with this folded word, given its
    readings: most words of a text cannot, and are turned away (by
    `may_open_as_written`) before the rest is read."""
    return word in FRACTIONS or bool(HALF_OF.match(word)) or cardinal(word, readings) \
        or scale_in(readings) is not None


CYRILLIC = re.compile(r"[а-яА-Я]{2,}")  # ё aside: folding makes it е


@cached("number_words.may_open_as_written", 20_000)
def may_open_as_written(text: str) -> bool:
    """`opens` of a token's folded text. pymorphy3 reads a word of two
    or more Cyrillic letters by its lower case (only a single capital, an
    initial, and Latin letters are read by their shape), so such a word's
    readings are its folded form's; those of the word as written were made
    by lemmatisation already, and a capitalised word ("Москва") is not
    analysed a second time."""
    word = fold(text)
    return opens(word, parse(text) if CYRILLIC.fullmatch(text) else parse(word))


def words_number(words: list, i: int):
    """(value, words used) of a number written in words at words[i], or (None, 0).
    A word that no number opens (`may_open_as_written`, asked before) gives (None, 0) too."""
    folded = [fold(w) for w in words]
    if folded[i] in FRACTIONS:     # "полтора миллиарда", "четверть миллиарда"
        found = scale(folded[i + 1]) if i + 1 < len(words) else None
        return (FRACTIONS[folded[i]] * found[0], 2) if found else (None, 0)
    j = whole_run(folded, i)
    if j > i:
        base = number_value(" ".join(folded[i:j]))
        if base is None:
            return None, 0
        if folded[j:j + 2] == ["с", "половиной"] and j + 2 < len(words) and (found := scale(folded[j + 2])):
            return (Decimal(base) + Decimal("0.5")) * found[0], j + 3 - i   # "семь с половиной миллиардов"
        return Decimal(base), j - i
    if m := HALF_OF.match(folded[i]):
        return Decimal("0.5") * scale(m.group(1))[0], 1
    if (found := scale(folded[i])) and not found[1] and parse(folded[i])[0].tag.number == "sing" \
            and (i == 0 or folded[i - 1] not in VAGUE):
        return Decimal(found[0]), 1   # "миллион долларов"; "миллионы", "сотни тысяч" are vague
    return None, 0
