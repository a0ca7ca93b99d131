"""First entity layer: natasha's NER (PER, LOC, ORG), sentence by sentence."""

from spacy.language import Language
from spacy.tokens import Doc

from .records import Entity
from .resources import ner_tagger


def sentence_texts(doc: Doc):
    """(start offset, text) of each sentence, trailing space tokens dropped."""
    for sent in doc.sents:
        text = sent.text.rstrip()
        if text:
            yield sent.start_char, text


@Language.component("natasha_ner")
def find_names(doc: Doc) -> Doc:
    sents = list(sentence_texts(doc))
    markups = ner_tagger().map([text for _, text in sents])
    found = [
        Entity(start + s.start, start + s.stop, text[s.start:s.stop], s.type, normal="", source="ner")
        for (start, text), markup in zip(sents, markups)
        for s in markup.spans
    ]
    doc._.candidates.extend(found)
    return doc
