"""The whole pipeline in one list. Each stage is a registered spaCy
component, a function Doc -> Doc; `extensions.py` says what each writes."""

from functools import lru_cache

import spacy
from spacy.language import Language

from pipeline.nlp import extensions  # noqa: F401  (registers doc._ attributes)
from pipeline.stages import morphology  # noqa: F401  (register components)
from pipeline.stages import lemmas
from pipeline.stages import natasha_ner
from pipeline.stages import persons
from pipeline.stages import dates
from pipeline.stages import money
from pipeline.stages import places  # noqa: F401
from pipeline.stages import organisations
from pipeline.stages import government
from pipeline.stages import entities
from pipeline.stages import canonical  # noqa: F401  (registers the canonical stage)
from pipeline.stages import directions  # noqa: F401  (registers the directions stage)
from pipeline.stages import ties  # noqa: F401  (registers the ties stage)
from pipeline.nlp.tokenizer import Segmenter

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
    "canonical",    # one name per actor: ids, official names, a person's fullest name
    "directions",   # directions of cooperation per sentence, paragraph, document
    "ties",         # cooperation ties between territories (after directions: uses their labels)
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
