"""The tokens the entity rules walk, with the attributes they read kept as
plain values: spaCy makes a new token object on each `doc[i]` and decodes
its text and lemma from the string store on every read, and the rule
stages read them many times over. Made once per document, after tagging
and lemmatisation (all that set these attributes), from one `Doc.to_array`."""

from functools import lru_cache, partial
from typing import NamedTuple

from spacy.attrs import IDX, IS_ALPHA, IS_SPACE, LEMMA, ORTH, POS, SPACY
from spacy.parts_of_speech import NAMES
from spacy.tokens import Doc

ATTRS = [ORTH, LEMMA, POS, IDX, SPACY, IS_ALPHA, IS_SPACE]
STRINGS = {}  # string hash -> string; a hash stands for one string in every vocabulary
STRINGS_KEPT = 200_000  # then forgotten: a worker's memory must not grow with the corpus
SPACES = ("", " ")


class Word(NamedTuple):
    """A token's most read attributes as values; any other is the token's own."""

    doc: Doc
    i: int
    text: str
    lemma_: str
    pos_: str
    idx: int
    whitespace_: str
    is_alpha: bool

    @property
    def morph(self):
        return self.doc[self.i].morph

    def __getattr__(self, name: str):
        return getattr(self.doc[self.i], name)


def strings(doc: Doc, keys: list) -> list:
    if len(STRINGS) > STRINGS_KEPT:
        STRINGS.clear()
    missing = set(keys).difference(STRINGS)
    STRINGS.update((key, doc.vocab.strings[key]) for key in missing)
    return list(map(STRINGS.__getitem__, keys))


def doc_words(doc: Doc) -> list:
    """Each token as a Word, None for a space token."""
    if not len(doc):
        return []
    orth, lemma, pos, idx, space, alpha, blank = doc.to_array(ATTRS).T.tolist()
    columns = zip([doc] * len(doc), range(len(doc)), strings(doc, orth), strings(doc, lemma),
                  map(NAMES.__getitem__, pos), idx, map(SPACES.__getitem__, space), map(bool, alpha))
    return [None if b else w for w, b in zip(map(partial(tuple.__new__, Word), columns), blank)]


@lru_cache(maxsize=1)
def sentence_words(doc: Doc) -> tuple:
    """The non-space tokens of each sentence (cached: four stages walk them)."""
    words = doc_words(doc)
    return tuple([w for w in words[s.start:s.end] if w is not None] for s in doc.sents)


def forget_words():
    """Drop the cached words once the rule stages are done: kept while the
    next document is tagged, they would outlive enough collections to reach
    the collector's oldest generation and make its full passes come sooner."""
    sentence_words.cache_clear()
