"""First entity layer: natasha's NER (PER, LOC, ORG) over the whole text,
as natasha is meant to run (sentence by sentence it loses context and
misses names: on factRuEval dev, PER recall 0.89 against 0.91). Driven
through `adapters/slovnet_taggers.py`, below natasha's API, with the same spans."""

from spacy.tokens import Doc

from pipeline.rules.lexicon import words
from pipeline.rules.name_index import fold
from pipeline.records import Entity
from pipeline.nlp import extensions, models
from pipeline.nlp.spans import text_of
from pipeline.adapters.slovnet_taggers import ner_spans


def generic(doc: Doc, start: int, end: int, kinds: frozenset) -> bool:
    """"Область имеет …": a word for a kind of place (`kinds`) names no place."""
    span = doc.char_span(start, end, alignment_mode="expand")
    lemmas = [fold(t.lemma_) for t in span if t.is_alpha] if span else []
    return bool(lemmas) and all(lemma in kinds or lemma == "и" for lemma in lemmas)


ASSIGNS = ["doc._.candidates"]
REQUIRES = ["token.lemma"]


class NatashaNER:
    """The stage, given slovnet's NER tagger, its word ids and the words for
    kinds of places."""

    def __init__(self, tagger, words, kinds: frozenset):
        self.tagger, self.words, self.kinds = tagger, words, kinds

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        spans = ner_spans(self.tagger, self.words, text, extensions.get(doc, "razdel_tokens"))
        found = [Entity(s.start, s.stop, text[s.start:s.stop], s.type, normal="", source="ner")
                 for s in spans if "\n" not in text[s.start:s.stop]  # never across paragraphs
                 and not (s.type == "LOC" and generic(doc, s.start, s.stop, self.kinds))]
        doc._.candidates.extend(found)
        return doc


def make(nlp, name: str) -> NatashaNER:
    return NatashaNER(models.ner_tagger(), models.ner_words(),
                      words("region_words.txt") | words("generic_place_words.txt"))
