"""Part of speech and grammatical features from context: slovnet's
morphology tagger (natasha's NewsMorphTagger), all sentences of a document
at once. Driven through `adapters/slovnet_taggers.py`, below natasha's API:
our tokens go straight to the network and each tag is parsed once."""

import numpy as np
from spacy.attrs import IS_SPACE, MORPH, ORTH, POS, SENT_START
from spacy.parts_of_speech import IDS
from spacy.tokens import Doc

from pipeline.nlp import models
from pipeline.adapters.slovnet_taggers import morph_ids, morph_tags
from pipeline.nlp.words import strings

PIECE = 2000  # words per network call: ~8 MB per layer's convolution windows


def sentence_indices(doc: Doc) -> list:
    """Indices of the non-space tokens of each sentence (as `doc.sents`
    splits them), sentences without any left out: the tagger's input."""
    space, start = doc.to_array([IS_SPACE, SENT_START]).T
    words = np.flatnonzero(space == 0)
    sentence = np.cumsum(start == 1)[words]
    return np.split(words, np.flatnonzero(np.diff(sentence)) + 1) if len(words) else []


def tag_values(doc: Doc, tags: list) -> np.ndarray:
    """(POS, MORPH) for each (POS, features) tag, as `token.pos_ = …;
    token.set_morph(…)` set them."""
    return np.array([(IDS[pos], doc.vocab.morphology.add(feats) if feats else 0) for pos, feats in tags],
                    dtype=np.uint64).reshape(-1, 2)


ASSIGNS = ["token.pos", "token.morph"]
REQUIRES = []


class Morphology:
    """The stage, given slovnet's tagger and its word ids."""

    def __init__(self, tagger, words):
        self.tagger, self.words = tagger, words

    def __call__(self, doc: Doc) -> Doc:
        sents = sentence_indices(doc)
        texts = strings(doc, doc.to_array(ORTH).tolist())  # no Token object per word
        ids = morph_ids(self.tagger, self.words, [[texts[i] for i in s] for s in sents], PIECE)
        values = np.zeros((len(doc), 2), dtype=np.uint64)
        values[:, 0] = IDS["SPACE"]
        if sents:
            distinct, which = np.unique(np.concatenate(ids), return_inverse=True)
            values[np.concatenate(sents)] = tag_values(doc, morph_tags(self.tagger, distinct))[which]
        doc.from_array([POS, MORPH], values)
        return doc


def make(nlp, name: str) -> Morphology:
    return Morphology(models.morph_tagger(), models.morph_words())
