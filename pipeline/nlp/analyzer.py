"""The one morphological analyser of the pipeline (pymorphy3), shared by
cleaning, lemmatisation, entity normal forms and matching."""

from functools import lru_cache

import pymorphy3


@lru_cache(maxsize=1)
def analyzer() -> pymorphy3.MorphAnalyzer:
    return pymorphy3.MorphAnalyzer()


@lru_cache(maxsize=200_000)
def parse(word: str) -> tuple:
    """All analyses of a word, most probable first (cached: words repeat)."""
    return tuple(analyzer().parse(word))


@lru_cache(maxsize=200_000)
def is_dictionary_word(word: str) -> bool:
    """True when the dictionary itself knows the word (not a guess)."""
    return analyzer().word_is_known(word.lower())
