"""Currency names from CLDR (Babel's Russian locale), keyed by lemmas so that
every case form matches: "азербайджанских манатов" -> AZN, "турецкой лиры"
-> TRY, "грузинских лари" -> GEL. Only currencies legal tender somewhere
today are read. A name's head noun alone ("манат") is a key only where one
current currency has it; the project's table `currencies.tsv` adds what CLDR
does not say (the sense of a bare "рубль" or "доллар" in this region's news,
abbreviations "тг", "долл", local spellings "кыргызский сом") and wins.

A word is matched by every lemma pymorphy3 gives it, as a name word is keyed
by every lemma of its own: "лира" and "лир", "драм" and "драма" both meet."""

from datetime import date
from functools import lru_cache
from itertools import product

from babel import Locale
from babel.numbers import get_currency_symbol, get_territory_currencies

from pipeline.nlp.analyzer import parse
from pipeline.nlp.cache import cached
from pipeline.rules.lexicon import table
from pipeline.rules.name_index import fold


@cached("currencies.forms", 50_000)
def forms(word: str) -> frozenset:
    """The word as written (its abbreviation period dropped) and every lemma of it, folded."""
    out = {fold(word).rstrip(".") or word}
    if word.isalpha():
        out |= {fold(p.normal_form) for p in parse(word)}
    return frozenset(out)


def keys(words: list) -> set:
    return {" ".join(combo) for combo in product(*(forms(w) for w in words))}


@lru_cache(maxsize=1)
def current_codes() -> frozenset:
    today = date.today()
    return frozenset(code for territory in Locale("ru").territories if territory.isalpha()
                     for code in get_territory_currencies(territory, today, tender=True))


def head_of(words: list) -> int:
    """The first word that is not an adjective: "новый туркменский манат" -> "манат"."""
    return next((i for i, w in enumerate(words) if not (w.isalpha() and parse(w)[0].tag.POS == "ADJF")),
                len(words) - 1)


@lru_cache(maxsize=1)
def currencies() -> dict:
    """Key (folded lemmas joined by spaces), sign or code -> ISO 4217 code."""
    names, by_head, out = Locale("ru").currencies, {}, {}
    for code in sorted(current_codes()):
        words = names.get(code, code).split()
        head = head_of(words)
        out.update(dict.fromkeys(keys(words) | keys(words[max(0, head - 1):head + 1]), code))
        for key in keys(words[head:head + 1]):
            by_head.setdefault(key, set()).add(code)
        symbol = get_currency_symbol(code, "ru")
        if symbol != code and not symbol.isalpha():
            by_head.setdefault(symbol, set()).add(code)
        out[fold(code)] = code
    out.update({key: codes.pop() for key, codes in by_head.items() if len(codes) == 1 and key not in out})
    for name, code in table("currencies.tsv").items():
        out.update(dict.fromkeys(keys(name.split()), code))
    return out


@lru_cache(maxsize=1)
def openings() -> frozenset:
    """What a key's first word may be: each key up to each of its spaces, and
    the key whole (a word's forms hold no space, but this needs no such promise)."""
    return frozenset(key[:j] for key in currencies() for j, c in enumerate(key + " ") if c == " ")


def currency_at(words: list, i: int):
    """(ISO code, words used) of a currency written at words[i] (texts), two-word names first.
    A key joins a form of each word: most words have no form a key opens with, and are turned away."""
    if i >= len(words) or forms(words[i]).isdisjoint(openings()):
        return None, 0
    return key_at(words, i)


def key_at(words: list, i: int):
    """currency_at without turning a word away: each key of two words, then of one, tried."""
    codes = currencies()
    for size in (2, 1):
        part = words[i:i + size]
        if len(part) == size:
            for key in keys(part):
                if key in codes:
                    return codes[key], size
    return None, 0
