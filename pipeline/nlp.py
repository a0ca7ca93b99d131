"""The whole pipeline in one list. Each stage is a registered spaCy
component, a function Doc -> Doc; `extensions.py` says what each writes."""

from functools import lru_cache

import spacy
from spacy.language import Language

from . import extensions  # noqa: F401  (registers doc._ attributes)
from . import morphology, lemmas, natasha_ner, persons, dates, money  # noqa: F401  (register components)
from . import places, organisations, government, entities  # noqa: F401
from . import directions  # noqa: F401  (registers the directions stage)
from .segment import Segmenter

STAGES = [
    "morphology",   # part of speech and features in context (slovnet)
    "lemmas",       # pymorphy3 lemma agreeing with the tags
    "natasha_ner",  # PER / LOC / ORG from natasha
    "persons",      # natasha's PER kept only where it is a name, titles cut off
    "dates",        # DATE from natasha's date grammar, relative and coordinated dates
    "money",        # MONEY: amounts with scale words and currencies
    "places",       # LOC from the gazetteer by lemma, coordinated conjuncts
    "organisations",  # ORG: quoted names with legal forms, international bodies
    "government",   # ORG government bodies with `governs`, back-references
    "entities",     # one flat list: overlaps resolved, normal forms, kinds
    "directions",   # directions of cooperation per sentence, paragraph, document
]


def build(stages=STAGES) -> Language:
    nlp = spacy.blank("ru")
    nlp.tokenizer = Segmenter(nlp.vocab)
    for name in stages:
        nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The pipeline of this process, built once."""
    return build()
