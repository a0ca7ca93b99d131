"""The whole pipeline in one list, and the one place its parts are
registered with spaCy. Each stage module (pipeline/stages/, named as the
stage) has a `make(nlp, name)` factory that hands the stage its resources
(models, gazetteer, tables: `models.py`) when the Language is built, and
says what the stage `ASSIGNS` and `REQUIRES`, so `nlp.analyze_pipes()`
checks the order. `extensions.py` says what each writes on the Doc."""

from functools import lru_cache

import spacy
from spacy.language import Language

from pipeline.adapters import spacy_lexemes
from pipeline.nlp import extensions
from pipeline.nlp.tokenizer import Segmenter
from pipeline.stages import (canonical, dates, directions, entities, government, lemmas, money, morphology,
                             natasha_ner, organisations, persons, places, ties)

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

MODULES = {"morphology": morphology, "lemmas": lemmas, "natasha_ner": natasha_ner, "persons": persons,
           "dates": dates, "money": money, "places": places, "organisations": organisations,
           "government": government, "entities": entities, "canonical": canonical, "directions": directions,
           "ties": ties}


SEGMENTER = "paradiplomacy.segmenter"


def segmenter(nlp: Language) -> Segmenter:
    return Segmenter(nlp.vocab)


def register() -> None:
    """The Doc extensions, the tokenizer and every stage's factory (once per process)."""
    extensions.register()
    spacy.registry.tokenizers.register(SEGMENTER, func=lambda: segmenter)
    for name, module in MODULES.items():
        if not Language.has_factory(name):
            Language.factory(name, assigns=module.ASSIGNS, requires=module.REQUIRES, func=module.make)


def build(stages=STAGES) -> Language:
    register()
    # Our tokenizer from the start: spaCy's Russian one, built and replaced,
    # compiled its exceptions and patterns for nothing (0.15 s of a start-up).
    nlp = spacy.blank("ru", config={"nlp": {"tokenizer": {"@tokenizers": SEGMENTER}}})
    spacy_lexemes.install(nlp.vocab)  # its number words in a set: a new word's lexeme 2x cheaper
    for name in stages:
        nlp.add_pipe(name)
    return nlp


@lru_cache(maxsize=1)
def pipeline() -> Language:
    """The pipeline of this process, built once."""
    return build()
