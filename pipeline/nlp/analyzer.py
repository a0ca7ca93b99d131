"""Words analysed by the one morphological analyser of the pipeline
(pymorphy3, `models.analyzer`), shared by cleaning, lemmatisation, entity
normal forms and matching."""

from functools import lru_cache

from pipeline.adapters.pymorphy_parse import known_word_parser
from pipeline.nlp.cache import cached
from pipeline.nlp.models import analyzer


@cached("analyzer.parse", 200_000)
def parse(word: str) -> tuple:
    """All analyses of a word, most probable first (cached: words repeat)."""
    return tuple(parser()(word))


@lru_cache(maxsize=1)
def parser():
    """The analyser's parse, a known word's (most words) in one function."""
    return known_word_parser(analyzer())


def inflected_word(p, grammemes: set) -> str | None:
    """The word of `p.inflect(grammemes)`, None where there is no such form."""
    return parser().inflected_word(p, grammemes)


def lexeme_forms(p) -> list:
    """(word, tag) of each form of `p.lexeme`."""
    return parser().forms(p)


@cached("analyzer.is_dictionary_word", 200_000)
def is_dictionary_word(word: str) -> bool:
    """True when the dictionary itself knows the word (not a guess)."""
    return analyzer().word_is_known(word.lower())


def version() -> str:
    """The analyser and its dictionary: what tables of analyses made ahead depend on."""
    import pymorphy3
    meta = analyzer().dictionary.meta
    return f"pymorphy3 {pymorphy3.__version__}, dictionary {meta.get('source_revision')} {meta.get('compiled_at')}"
