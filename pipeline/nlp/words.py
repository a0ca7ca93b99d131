"""The tokens the entity rules walk, with the attributes they read kept as
plain values: spaCy makes a new token object on each `doc[i]` and decodes
its text and lemma from the string store on every read, and the rule
stages read them many times over. Made once per document, after tagging
and lemmatisation (all that set these attributes), from one `Doc.to_array`,
and kept on the Doc (`doc._.words`) for the stages after."""

from functools import partial
from typing import NamedTuple

from spacy.attrs import IDX, IS_ALPHA, IS_SPACE, LEMMA, ORTH, POS, SPACY
from spacy.parts_of_speech import NAMES
from spacy.tokens import Doc

from pipeline.nlp import cache
from pipeline.nlp.extensions import get, put

ATTRS = [ORTH, LEMMA, POS, IDX, SPACY, IS_ALPHA, IS_SPACE]
STRINGS = {}  # string hash -> string; a hash stands for one string in every vocabulary
STRINGS_KEPT = 200_000  # then forgotten: a worker's memory must not grow with the corpus
SPACES = ("", " ")
cache.register("words.strings", STRINGS_KEPT, STRINGS.clear, STRINGS.__len__)


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


class Columns(NamedTuple):
    """The tokens' most read attributes as lists of values, one per token."""

    text: list
    lemma: list
    pos: list
    idx: list
    whitespace: list   # "" or " "
    alpha: list
    blank: list        # a space token


def columns(doc: Doc) -> Columns:
    """Every token's attributes from one `Doc.to_array`, strings decoded;
    made on the first call after lemmatisation and kept on the Doc: the rule
    stages, the directions and the ties read them (through `extensions.get`:
    each `doc._` makes an object)."""
    found = get(doc, "columns")
    if found is None:
        found = read_columns(doc)
        put(doc, "columns", found)
    return found


def read_columns(doc: Doc) -> Columns:
    if not len(doc):
        return Columns(*([] for _ in Columns._fields))
    orth, lemma, pos, idx, space, alpha, blank = doc.to_array(ATTRS).T.tolist()
    return Columns(strings(doc, orth), strings(doc, lemma), list(map(NAMES.__getitem__, pos)), idx,
                   list(map(SPACES.__getitem__, space)), list(map(bool, alpha)), list(map(bool, blank)))


def doc_words(doc: Doc) -> list:
    """Each token as a Word, None for a space token."""
    c = columns(doc)
    words = map(partial(tuple.__new__, Word), zip([doc] * len(doc), range(len(doc)), c.text, c.lemma, c.pos,
                                                  c.idx, c.whitespace, c.alpha))
    return [None if b else w for w, b in zip(words, c.blank)]


class Sentences(tuple):
    """Each sentence's non-space words; `tokens`: every token's Word in
    order, None for a space token (a mention's words: `spans.DocTokens`)."""

    tokens: list


def sentence_words(doc: Doc) -> tuple:
    """The non-space tokens of each sentence, made on the first call after
    lemmatisation and kept on the Doc: four stages walk them."""
    found = get(doc, "words")
    if found is None:
        words = doc_words(doc)
        found = Sentences([w for w in words[s.start:s.end] if w is not None] for s in doc.sents)
        found.tokens = words
        put(doc, "words", found)
    return found


def forget_words(doc: Doc) -> None:
    """Drop the words once the rule stages are done: each holds its Doc, so
    kept on it they would make a reference cycle that lives until the
    collector's oldest generation is walked."""
    put(doc, "words", None)
