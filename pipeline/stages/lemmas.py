"""A lemma for every token from pymorphy3: the analysis that agrees with the
part of speech and features the tagger gave in context, put in the form UD
treebanks use as the lemma of that part of speech (a participle used as an
adjective keeps its adjective form, a woman's surname stays feminine, a
preposition is its own lemma)."""

import re
from os.path import commonprefix

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, MorphAnalysis

from pipeline.nlp.cache import cached
from pipeline.nlp.analyzer import inflected_word, is_dictionary_word, lexeme_forms, parse

# Universal POS -> OpenCorpora parts of speech that can realise it, weighted:
# the usual realisation 4, a possible but less usual one lower.
UD_TO_OC = {
    "NOUN": {"NOUN": 4}, "PROPN": {"NOUN": 4},
    "ADJ": {"ADJF": 4, "ADJS": 4, "COMP": 4, "PRTF": 3.5, "PRTS": 3.5},
    "VERB": {"VERB": 4, "INFN": 4, "PRTF": 4, "PRTS": 4, "GRND": 4}, "AUX": {"VERB": 4, "INFN": 4},
    "ADV": {"ADVB": 4, "COMP": 4, "PRED": 4}, "NUM": {"NUMR": 4, "NUMB": 4},
    "PRON": {"NPRO": 4, "ADJF": 3}, "DET": {"ADJF": 4, "NPRO": 3},  # его/её/их as DET: ADJF,Apro
    "ADP": {"PREP": 4}, "CCONJ": {"CONJ": 4}, "SCONJ": {"CONJ": 4}, "PART": {"PRCL": 4}, "INTJ": {"INTJ": 4},
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
PERSONAL = {"Name", "Surn", "Patr"}
STRESS = re.compile("[\u0300\u0301]")  # stress marks of dictionaries and encyclopedias
# "28-го", "1990-х", "5-я": an ordinal in digits with its case ending; lemma "28-й".
ORDINAL = re.compile(r"(\d+)-(?:[оыеи]?(?:й|го|му|м|х|ми)|[ая]я|[оеыи]е|у?ю|я|е)")


def agreement(p, pos: str, feats: tuple) -> float:
    """How well one pymorphy3 analysis fits the tagged POS and features."""
    return tag_agreement(p.tag, pos, feats) + p.score


@cached("lemmas.tag_agreement", 50_000)
def tag_agreement(tag, pos: str, feats: tuple) -> float:
    """How well a pymorphy3 tag fits the tagged POS and features (few
    distinct tags and tag sets: each pair is scored once)."""
    score = UD_TO_OC.get(pos, {}).get(tag.POS, 0.0)
    plural = ("Number", "Plur") in feats
    tag_grammemes = tag.grammemes
    for key, value in feats:
        grammemes = UD_TO_GRAMMEMES.get(key, {}).get(value)
        if key == "Gender" and plural:  # Russian plurals have no gender
            continue
        if grammemes and not grammemes.isdisjoint(tag_grammemes):
            score += 1.0
    if pos == "PROPN" and not PROPER.isdisjoint(tag_grammemes):
        score += 1.0
    return score


@cached("lemmas.best_parse", 200_000)
def best_parse(word: str, pos: str, feats: tuple):
    """The pymorphy3 analysis of `word` that agrees with its context tags."""
    parses = parse(unstressed(word))
    if len(parses) < 2:  # nothing to choose between
        return parses[0] if parses else None
    # agreement() inlined, a loop rather than max(key=...): a Python call less for each analysis
    best, top = None, None
    for p in parses:
        score = tag_agreement(p.tag, pos, feats) + p.score
        if top is None or score > top:  # the first of the best, as max() takes
            best, top = p, score
    return best


def unstressed(word: str) -> str:
    # most words carry no stress mark: a membership test is cheaper than a substitution
    return STRESS.sub("", word) if "\u0301" in word or "\u0300" in word else word


def inflected(p, grammemes: set) -> str:
    form = inflected_word(p, grammemes)
    return p.normal_form if form is None else form


def closest(p, grammemes: set, word: str) -> str:
    """The form of p's lexeme with these grammemes that shares the longest
    beginning with `word`: "лучших" -> "лучший", not "наилучший"."""
    forms = [form for form, tag in lexeme_forms(p) if grammemes <= tag.grammemes]
    return max(forms, key=lambda f: len(commonprefix([f, word.lower()])), default=p.normal_form)


def gender(feats: tuple, p) -> str:
    tagged = dict(feats).get("Gender")
    return {"Fem": "femn", "Neut": "neut"}.get(tagged, "masc") if tagged else (p.tag.gender or "masc")


def lemma_form(p, pos: str, feats: tuple, word: str) -> str:
    """The lemma of analysis `p` by UD's conventions, where they differ from
    pymorphy3's normal form (which maps participles to the verb, superlatives
    to the positive degree, feminine surnames to the masculine)."""
    # grammemes tested as a set: a tag's .POS builds a checked string on each read
    # (a tag has one part of speech, so "PRTF" in grammemes is .POS == "PRTF")
    grammemes = p.tag.grammemes
    if not PERSONAL.isdisjoint(grammemes):
        return inflected(p, {"nomn"} if "Pltm" in grammemes else {"nomn", "sing"})
    if pos == "ADJ" and "Adjx" in grammemes:  # "заслуженный": the dictionary says adjectival
        return inflected(p, {"PRTF", "nomn", "sing", "masc"})
    if pos == "ADJ" and "Supr" in grammemes:
        return closest(p, {"Supr", "nomn", "sing", "masc"}, word)
    if pos in ("NOUN", "PROPN") and "PRTF" in grammemes:  # "заведующий", "возлюбленная"
        return inflected(p, {"PRTF", "nomn", "sing", gender(feats, p)})
    if pos == "PRON" and {"Subx", "neut"} <= grammemes:  # "того" -> "то", "всего" -> "всё"
        return inflected(p, {"nomn", "sing", "neut"})
    return p.normal_form


def is_own_lemma(word: str, pos: str, feats: tuple) -> bool:
    """Words that are their own lemma: prepositions ("со", "об"), comparative
    adverbs ("позже"), an acronym the dictionary does not know."""
    if pos == "ADP" or (pos == "ADV" and ("Degree", "Cmp") in feats):  # feats: a dict's items
        return True
    return word.isupper() and len(word) > 1 and not is_dictionary_word(word)


def lemma_of(word: str, pos: str, feats: tuple) -> str:
    """Not cached itself: its one caller, lemma_by_ids, is (one layer of keys)."""
    word = unstressed(word)
    if pos in ("PUNCT", "SYM", "SPACE") or not (word.isalpha() or any(c.isalpha() for c in word)):
        return word
    if word.endswith("."):  # an abbreviation: "род." -> "родиться", "В." stays "в."
        bare = word[:-1]
        lemma = lemma_of(bare, pos, feats)
        return word.lower() if lemma == bare.lower() else lemma
    ordinal = ORDINAL.fullmatch(word) if word[0].isdigit() else None
    if ordinal:
        return ordinal[1] + "-й"
    if is_own_lemma(word, pos, feats):
        return word.lower()
    best = best_parse(word, pos, feats)
    if best is None or nominative_name(best, word, pos, feats):
        return word.lower()
    return lemma_form(best, pos, feats, word).lower()


def nominative_name(p, word: str, pos: str, feats: tuple) -> bool:
    """A proper noun tagged nominative singular is its own lemma: pymorphy3's
    guesses for unknown names ("Тайлер" -> "тайлера") would only distort it.
    Not so for a known word read as a verb or adjective ("Родился" opening
    a sentence, tagged PROPN)."""
    if pos != "PROPN":
        return False
    tags = dict(feats)
    return (tags.get("Case") == "Nom" and tags.get("Number", "Sing") == "Sing"
            and ("NOUN" in p.tag.grammemes or not is_dictionary_word(word)))  # .POS == "NOUN"


def token_feats(token) -> tuple:
    morph = token.morph
    return morph_feats(morph.vocab, morph.key)


@cached("lemmas.morph_feats", 20_000)
def morph_feats(vocab, morph: int) -> tuple:
    """A morph id's features as sorted (name, value) pairs: a few hundred
    distinct morph ids, each read out of spaCy once."""
    return tuple(sorted(MorphAnalysis.from_id(vocab, morph).to_dict().items()))


@cached("lemmas.lemma_by_ids", 200_000)
def lemma_by_ids(vocab, orth: int, pos: int, morph: int) -> str:
    """lemma_of a token given by its ids, as `token_feats` reads them: a word
    with the same tags repeats, so its lemma is found once."""
    return lemma_of(vocab.strings[orth], POS_NAMES[pos], morph_feats(vocab, morph))


ASSIGNS = ["token.lemma"]
REQUIRES = ["token.pos", "token.morph"]


def lemmatize(doc: Doc) -> Doc:
    """The stage (pymorphy3 is reached through the shared parse cache)."""
    # Ids in and out through arrays: no Token object is made for each token.
    vocab, add = doc.vocab, doc.vocab.strings.add
    lemmas = [add(lemma_by_ids(vocab, *ids)) for ids in doc.to_array([ORTH, POS, MORPH]).tolist()]
    doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))
    return doc


def make(nlp, name: str):
    return lemmatize
