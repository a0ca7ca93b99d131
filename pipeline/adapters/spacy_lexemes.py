"""spaCy's Russian `like_num` with its number words looked up in a set, and
its `word_shape` and `like_url` answered at once for the usual word.
spaCy computes each lexeme attribute once per new word; for Russian
`like_num` that is a scan of a list of ~1,000 number words, the largest
cost of a new word's lexeme (news bring new words with every article);
`word_shape` and `like_url` come next (a Python loop over the characters,
a chain of tests), each about a sixth of what is left.

Touches: `spacy.lang.ru.lex_attrs._num_words` (the list) and `like_num` (the
function it stands in for), `spacy.lang.lex_attrs.word_shape` and `like_url`
(which the shortcuts fall back to), and a Vocab's `lex_attr_getters`.
Compared with the library by tests/adapters/test_spacy_lexemes.py."""

from spacy.attrs import LIKE_NUM, LIKE_URL, SHAPE
from spacy.lang import lex_attrs as common
from spacy.lang.ru import lex_attrs

NUM_WORDS = frozenset(lex_attrs._num_words)


def like_num(text: str) -> bool:
    """spacy.lang.ru.lex_attrs.like_num, step by step, with a set for its list."""
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


def install(vocab) -> None:
    """Use these getters for the vocabulary's new lexemes, where spaCy's own are set."""
    getters = vocab.lex_attr_getters
    for attr, spacys, ours in ((LIKE_NUM, lex_attrs.like_num, like_num), (SHAPE, common.word_shape, word_shape),
                               (LIKE_URL, common.like_url, like_url)):
        if getters.get(attr) is spacys:
            getters[attr] = ours
