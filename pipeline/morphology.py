"""Part of speech and grammatical features from context: slovnet's
morphology tagger (via natasha), one batch of sentences per document."""

from spacy.language import Language
from spacy.tokens import Doc

from .resources import morph_tagger


def sentence_words(doc: Doc):
    """Non-space tokens of each sentence: the tagger's input."""
    return [[t for t in sent if not t.is_space] for sent in doc.sents]


def format_feats(feats: dict) -> str:
    return "|".join(f"{k}={v}" for k, v in sorted(feats.items()))


@Language.component("morphology")
def tag_morphology(doc: Doc) -> Doc:
    sents = [s for s in sentence_words(doc) if s]
    markups = morph_tagger().map([[t.text for t in s] for s in sents])
    tags = [(t, mt.pos, mt.feats) for s, m in zip(sents, markups) for t, mt in zip(s, m.tokens)]
    for token, pos, feats in tags:
        token.pos_ = pos
        token.set_morph(format_feats(feats) or None)
    for token in doc:
        if token.is_space:
            token.pos_ = "SPACE"
    return doc
