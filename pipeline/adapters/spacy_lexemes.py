"""spaCy's lexeme attribute getters, each answering the usual word at once.
spaCy computes ~23 attributes once per new word (news bring new words with
every article), one Python call each: for Russian `like_num` scans a list
of ~1,000 number words; `word_shape` loops over the characters; the
punctuation tests look up each character's Unicode category or scan a
tuple; `norm`, `is_stop` and the language go through `functools.partial`.

Here: `like_num` looks its number words up in a set; the plain string tests
are `str`'s own methods and `operator.itemgetter`, the bracket and quote
tests a set's membership test, the language `str.format` (C calls, no Python
frame); the others answer a word that begins with a letter or digit (no
punctuation, quote, bracket or currency sign), has no "@" (no e-mail) or no
period (no URL) at once, and hand the rest to spaCy's function.

Touches: `spacy.lang.ru.lex_attrs._num_words` (the list) and `like_num`,
the getters of `spacy.lang.lex_attrs` (replaced where a Vocab has them, the
shortcuts fall back to them; the marks of the four that test `text in` a
tuple read from their code's constants), `spacy.util._get_attr_unless_lookup` (the
partial behind `norm`: its default function and lookup tables) and a
Vocab's `lex_attr_getters`. Compared with the library by
tests/adapters/test_spacy_lexemes.py."""

import functools
from operator import itemgetter

from spacy.attrs import LANG, NORM
from spacy.lang import lex_attrs as common
from spacy.lang.ru import lex_attrs
from spacy.util import _get_attr_unless_lookup

NUM_WORDS = frozenset(lex_attrs._num_words)


def like_num(text: str) -> bool:
    """spacy.lang.ru.lex_attrs.like_num, step by step, with a set for its list.
    A word of letters is a number only as a number word, one of digits always."""
    if text.isalpha():  # no sign, "%", "," "." or "/" to take off, not digits
        return text.lower() in NUM_WORDS
    if text.isdigit():
        return True
    if text.startswith(("+", "-", "±", "~")):
        text = text[1:]
    if text.endswith("%"):
        text = text[:-1]
    text = text.replace(",", "").replace(".", "")
    if text.isdigit():
        return True
    if text.count("/") == 1:
        num, denom = text.split("/")
        if num.isdigit() and denom.isdigit():
            return True
    return text.lower() in NUM_WORDS


def word_shape(text: str) -> str:
    """spacy.lang.lex_attrs.word_shape: "x" for a letter that is not upper
    case, "X" for one that is, "d" for a digit, at most four alike in a row.
    A word of letters none upper case ("области"), the same after one upper
    case letter ("Омской"), or of digits has its shape at once."""
    if len(text) < 100:  # spaCy's shape of a longer text is "LONG"
        if text.isalpha():
            if text.islower():  # str.islower: no character upper case
                return "xxxx"[:len(text)]
            if text[0].isupper() and text[1:].islower():
                return "Xxxxx"[:len(text)]
        elif text.isdigit():
            return "dddd"[:len(text)]
    return common.word_shape(text)


def like_url(text: str) -> bool:
    """spacy.lang.lex_attrs.like_url, which holds only for a text with a
    period or beginning with "http"."""
    if "." not in text and not text.startswith("http"):
        return False
    return common.like_url(text)


def like_email(text: str) -> bool:
    """spacy.lang.lex_attrs.like_email: its pattern wants an "@"."""
    return "@" in text and common.like_email(text)


# The marks spaCy tests for: punctuation (Unicode category P*), currency signs
# (Sc), brackets, quotes; none begins with a letter or digit (categories L*, N*).
MARK_TESTS = (common.is_punct, common.is_currency, common.is_bracket, common.is_quote, common.is_left_punct,
              common.is_right_punct)


def mark_test(spacy_test):
    """spaCy's test of a mark: a set's own membership test (a C call) where
    spaCy's is `text in (marks...)`, else false at once for a text that
    begins with a letter or digit."""
    marks = marks_listed(spacy_test)
    if marks is not None:
        return marks.__contains__
    def test(text: str) -> bool:
        return False if text[:1].isalnum() else spacy_test(text)
    test.__name__ = spacy_test.__name__
    return test


def marks_listed(spacy_test) -> frozenset | None:
    """The marks of a test whose code only asks `text in (a tuple of strings)`
    (spaCy's bracket, quote, left and right punctuation tests), read from its
    constants; None for any other code (no global name, one such tuple)."""
    code = spacy_test.__code__
    tuples = [c for c in code.co_consts if isinstance(c, tuple)]
    if code.co_names or code.co_argcount != 1 or len(tuples) != 1 \
            or not all(isinstance(m, str) and spacy_test(m) for m in tuples[0]):
        return None
    return frozenset(tuples[0])


# spaCy's getter -> ours, the same value for every text.
SAME = {lex_attrs.like_num: like_num, common.word_shape: word_shape, common.like_url: like_url,
        common.like_email: like_email, **{test: mark_test(test) for test in MARK_TESTS},
        common.lower: str.lower, common.is_alpha: str.isalpha, common.is_digit: str.isdigit,
        common.is_lower: str.islower, common.is_space: str.isspace, common.is_title: str.istitle,
        common.is_upper: str.isupper, common.is_ascii: str.isascii,  # each char below 128, as spaCy's loop
        common.prefix: itemgetter(0), common.suffix: itemgetter(slice(-3, None))}


def stop_test(stops):
    """spaCy's is_stop with its stop words: a word's lower case among them."""
    def is_stop(text: str) -> bool:
        return text.lower() in stops
    return is_stop


def norm_lookup(table: dict):
    """spaCy's norm: the word's entry in its norm table, else its lower case."""
    def norm(text: str) -> str:
        found = table.get(text)
        return text.lower() if found is None else found
    return norm


def unpartial(attr, getter):
    """Ours for one of spaCy's partial getters (the stop test, the norm, the
    language), or None where it is not one we know."""
    func, args, keywords = getter.func, getter.args, getter.keywords
    if func is common.is_stop and not args and list(keywords) == ["stops"]:
        return stop_test(keywords["stops"])
    if attr == LANG and func is common.get_lang and not args and list(keywords) == ["lang"]:
        return language(keywords["lang"])
    if attr == NORM and func is _get_attr_unless_lookup and keywords == {} and len(args) == 2 \
            and args[0] is common.lower and len(args[1]) == 1 and type(args[1][0]) is dict \
            and None not in args[1][0].values():  # a None entry would be returned, not looked past
        return norm_lookup(args[1][0])
    return None


def language(lang: str):
    """The language's code whatever the text: `str.format` of a string
    without fields returns it and ignores its arguments (a C call)."""
    if "{" not in lang and "}" not in lang:
        return lang.format
    def get_lang(text: str) -> str:
        return lang
    return get_lang


def install(vocab) -> None:
    """Use these getters for the vocabulary's new lexemes, where spaCy's own are set."""
    getters = vocab.lex_attr_getters
    for attr, getter in list(getters.items()):
        ours = SAME.get(getter) if not isinstance(getter, functools.partial) else unpartial(attr, getter)
        if ours is not None:
            getters[attr] = ours
