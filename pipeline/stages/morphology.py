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


def tagged_words(doc: Doc) -> tuple:
    """The tagger's input: the non-space tokens (their indices and ORTH
    hashes) of each sentence (as `doc.sents` splits them), and the number of
    them in each sentence, sentences without any left out."""
    orth, space, start = doc.to_array([ORTH, IS_SPACE, SENT_START]).T
    words = np.flatnonzero(space == 0)
    sentence = np.cumsum(start == 1)[words]
    ends = np.flatnonzero(np.diff(sentence)) + 1
    lengths = np.diff([0, *ends.tolist(), len(words)]).tolist() if len(words) else []
    return words, orth[words], lengths


def tag_values(doc: Doc, tags: list) -> np.ndarray:
    """(POS, MORPH) for each (POS, features) tag, as `token.pos_ = …;
    token.set_morph(…)` set them."""
    return np.array([(IDS[pos], doc.vocab.morphology.add(feats) if feats else 0) for pos, feats in tags],
                    dtype=np.uint64).reshape(-1, 2)


ASSIGNS = ["token.pos", "token.morph"]
REQUIRES = []


class Morphology:
    """The stage, given slovnet's tagger and its word ids. Each tag id's
    (POS, MORPH) values are found once per vocabulary (the tagger has a few
    hundred tags) and kept in a table indexed by tag id."""

    def __init__(self, tagger, words):
        self.tagger, self.words = tagger, words
        self.vocab, self.values, self.known = None, None, None

    def tag_table(self, doc: Doc, ids: np.ndarray) -> np.ndarray:
        """(POS, MORPH) of every tag id, those in `ids` found where not yet."""
        if doc.vocab is not self.vocab:  # a MORPH value is a key of the vocabulary's morphology table
            size = len(self.tagger.infer.decoder.tags_vocab.items)
            self.vocab, self.values, self.known = doc.vocab, np.zeros((size, 2), np.uint64), np.zeros(size, bool)
        new = np.unique(ids[~self.known[ids]])
        if len(new):
            self.values[new] = tag_values(doc, morph_tags(self.tagger, new))
            self.known[new] = True
        return self.values

    def __call__(self, doc: Doc) -> Doc:
        words, orth, lengths = tagged_words(doc)
        values = np.zeros((len(doc), 2), dtype=np.uint64)
        values[:, 0] = IDS["SPACE"]
        if lengths:
            # each distinct word's text and ids once, not once per token
            distinct, which = np.unique(orth, return_inverse=True)
            word_id, shape_id = (np.array(ids)[which] for ids in self.words.item(strings(doc, distinct.tolist())))
            ids = morph_ids(self.tagger, word_id, shape_id, lengths, PIECE)
            values[words] = self.tag_table(doc, ids)[ids]
        doc.from_array([POS, MORPH], values)
        return doc


def make(nlp, name: str) -> Morphology:
    return Morphology(models.morph_tagger(), models.morph_words())
