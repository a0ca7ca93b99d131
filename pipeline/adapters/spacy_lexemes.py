"""spaCy's Russian `like_num` with its number words looked up in a set.
spaCy computes each lexeme attribute once per new word; for Russian
`like_num` that is a scan of a list of ~1,000 number words, the largest
cost of a new word's lexeme (news bring new words with every article).

Touches: `spacy.lang.ru.lex_attrs._num_words` (the list) and `like_num` (the
function it stands in for), and a Vocab's `lex_attr_getters`. Compared with
the library by tests/adapters/test_spacy_lexemes.py."""

from spacy.attrs import LIKE_NUM
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


def install(vocab) -> None:
    """Use this like_num for the vocabulary's new lexemes, where it is spaCy's Russian one."""
    if vocab.lex_attr_getters.get(LIKE_NUM) is lex_attrs.like_num:
        vocab.lex_attr_getters[LIKE_NUM] = like_num
