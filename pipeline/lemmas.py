"""A lemma for every token from pymorphy3, choosing the analysis that agrees
with the part of speech and features the tagger gave in context."""

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from .morph import parse

# Universal POS -> OpenCorpora parts of speech that can realise it.
UD_TO_OC = {
    "NOUN": {"NOUN"}, "PROPN": {"NOUN"}, "ADJ": {"ADJF", "ADJS", "COMP", "PRTF"},
    "VERB": {"VERB", "INFN", "PRTF", "PRTS", "GRND"}, "AUX": {"VERB", "INFN"},
    "ADV": {"ADVB", "COMP", "PRED"}, "NUM": {"NUMR", "NUMB"}, "PRON": {"NPRO"},
    "DET": {"ADJF", "NPRO"}, "ADP": {"PREP"}, "CCONJ": {"CONJ"}, "SCONJ": {"CONJ"},
    "PART": {"PRCL"}, "INTJ": {"INTJ"},
}
UD_TO_GRAMMEMES = {
    "Case": {"Nom": {"nomn", "voct"}, "Gen": {"gent", "gen1", "gen2"}, "Dat": {"datv"},
             "Acc": {"accs"}, "Ins": {"ablt"}, "Loc": {"loct", "loc2"}, "Par": {"gen2"}},
    "Number": {"Sing": {"sing"}, "Plur": {"plur"}},
    "Gender": {"Masc": {"masc"}, "Fem": {"femn"}, "Neut": {"neut"}},
    "Tense": {"Past": {"past"}, "Pres": {"pres"}, "Fut": {"futr"}},
    "VerbForm": {"Inf": {"INFN"}, "Part": {"PRTF", "PRTS"}, "Conv": {"GRND"}},
}
PROPER = {"Name", "Surn", "Patr", "Geox", "Orgn", "Trad"}


def agreement(p, pos: str, feats: tuple) -> float:
    """How well one pymorphy3 analysis fits the tagged POS and features."""
    tag = p.tag
    score = 4.0 if tag.POS in UD_TO_OC.get(pos, ()) else 0.0
    for key, value in feats:
        grammemes = UD_TO_GRAMMEMES.get(key, {}).get(value)
        if grammemes and grammemes & tag.grammemes:
            score += 1.0
    if pos == "PROPN" and PROPER & tag.grammemes:
        score += 1.0
    return score + p.score


@lru_cache(maxsize=200_000)
def best_parse(word: str, pos: str, feats: tuple):
    """The pymorphy3 analysis of `word` that agrees with its context tags."""
    parses = parse(word)
    if not parses:
        return None
    return max(parses, key=lambda p: agreement(p, pos, feats))


def lemma_of(word: str, pos: str, feats: tuple) -> str:
    if pos in ("PUNCT", "SYM", "SPACE") or not any(c.isalpha() for c in word):
        return word
    best = best_parse(word, pos, feats)
    return best.normal_form if best else word.lower()


def token_feats(token) -> tuple:
    return tuple(sorted(token.morph.to_dict().items()))


@Language.component("lemmas")
def lemmatize(doc: Doc) -> Doc:
    lemmas = [lemma_of(t.text, t.pos_, token_feats(t)) for t in doc]
    for token, lemma in zip(doc, lemmas):
        token.lemma_ = lemma
    return doc
