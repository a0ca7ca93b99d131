"""The whole pipeline in one list. Each stage is a registered spaCy
component, a function Doc -> Doc; `extensions.py` says what each writes."""

from functools import lru_cache

import spacy
from spacy.language import Language

from . import extensions  # noqa: F401  (registers doc._ attributes)
from . import morphology, lemmas, natasha_ner, dates, entities  # noqa: F401  (register components)
from .segment import Segmenter

STAGES = [
    "morphology",   # part of speech and features in context (slovnet)
    "lemmas",       # pymorphy3 lemma agreeing with the tags
    "natasha_ner",  # PER / LOC / ORG from natasha
    "dates",        # DATE from natasha's date grammar
    "entities",     # one flat list: overlaps resolved, normal forms, kinds
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
