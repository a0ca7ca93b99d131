"""Multi-word names matched by lemma, so every case form of a name matches.

A name ("Омская область") is a sequence of word keys; a word key is the set of
forms it may take in a text token's lemma or surface: the word itself and the
lemma of each nominative analysis pymorphy3 gives it (its first analysis is
often wrong for place names). A text token matches a word when its contextual
lemma or its surface form is in that set ("Омской" -> омский; "Алматы" stays
"алматы"), so "Омском крае" never matches "Омская область"."""

from dataclasses import dataclass

from pipeline.adapters.razdel_tokens import token_spans
from pipeline.nlp.cache import cached
from pipeline.nlp.analyzer import parse

DASHES = str.maketrans({"—": "-", "–": "-", "’": "'", "ё": "е"})
NOMINATIVE = {"nomn", "Fixd"}
# A one-word name is a noun in context ("Того же" is not Togo, "Верный" not Алматы).
ONE_WORD_POS = {"PROPN", "NOUN", "X"}


@cached("name_index.fold", 200_000)
def fold(word: str) -> str:
    """Lower case, one dash and ё as е (cached: every matcher folds every token)."""
    return word.lower().translate(DASHES)


@cached("name_index.word_key", 200_000)
def word_key(word: str) -> frozenset:
    lemmas = {p.normal_form for p in parse(word) if NOMINATIVE & p.tag.grammemes}
    return frozenset(fold(w) for w in lemmas | {word})


@cached("name_index.primary_lemma", 200_000)
def primary_lemma(word: str) -> str:
    """The lemma a tagger would most likely give the word in a name."""
    nominative = [p for p in parse(word) if NOMINATIVE & p.tag.grammemes]
    return fold((nominative or parse(word))[0].normal_form) if parse(word) else fold(word)


@dataclass(frozen=True)
class Name:
    surface: str      # the name as written in the data, nominative
    words: tuple      # its tokens
    payload: object   # what the caller attaches (a place, an organisation)


# Endings of a masculine hard-stem noun in the oblique cases; longest first.
MASCULINE_ENDINGS = ("ом", "а", "у", "е")


def stems(text: str, pos: str) -> set:
    """Nominatives of a proper noun pymorphy3 only reads as an adjective
    ("Усть-Каменогорском", "Ордынском": the instrumental of a town in -ск)."""
    word = fold(text)
    if pos != "PROPN" or any(p.tag.POS == "NOUN" for p in parse(text)):
        return set()
    return {word[:-len(e)] for e in MASCULINE_ENDINGS if word.endswith(e) and len(word) > len(e) + 2}


def token_keys(token) -> frozenset:
    return keys_of(token.text, token.lemma_, token.pos_)


@cached("name_index.keys_of", 200_000)
def keys_of(text: str, lemma: str, pos: str) -> frozenset:
    """A token's keys by its text, lemma and tag (cached: every index looks at every token)."""
    return frozenset({fold(lemma), fold(text)} | stems(text, pos))


def case_fits(case: str, token) -> bool:
    """Capitalised name words need a capitalised token, abbreviations an
    upper-case one; common head words ("область") may be written either way
    (`case_needed`)."""
    return not case or (token.text.isupper() if case == "upper" else token.text[:1].isupper())


def case_needed(word: str, lemma: str, free: frozenset) -> str:
    """The case a name word (`lemma`: its primary lemma) asks of a token's text."""
    if lemma in free or not word[:1].isupper():
        return ""
    return "upper" if word.isupper() and len(word) > 1 else "capital"


@dataclass(frozen=True)
class Known:
    """A word's key and primary lemma, computed ahead (`known_rows`)."""
    key: frozenset
    lemma: str


def known_rows(words) -> list:
    """Lines of a table of words' keys and primary lemmas (word, lemma,
    keys joined by |), so that an index of many names is built without
    analysing each of their words (most of the gazetteer's load time)."""
    return [f"{w}\t{primary_lemma(w)}\t{'|'.join(sorted(word_key(w)))}" for w in sorted(set(words))]


def read_known(lines) -> dict:
    """word -> Known, from the lines `known_rows` made."""
    out = {}
    for line in lines:
        word, lemma, keys = line.split("\t")
        out[word] = Known(frozenset(keys.split("|")), lemma)
    return out


class NameIndex:
    """Every name by the keys of its first word; the longest match wins.
    `known`: keys and lemmas of words computed ahead (read_known); the
    others are computed here, with the same result."""

    def __init__(self, names, free_words=frozenset(), known: dict = None):
        self.free = frozenset(free_words)
        self.by_first, self.by_lemmas, self.by_surface = {}, {}, {}
        self.order = {}  # id of a name -> its place in `names`: the last tie-break
        self.known = known or {}
        self.patterns = {}  # id of a name -> its words' (key, case), made as each name is first tried
        for name in names:
            self.order.setdefault(id(name), len(self.order))
            self.by_surface.setdefault(fold(name.surface), name)
            for key in self.key(name.words[0]):
                self.by_first.setdefault(key, []).append(name)
            lemmas = tuple(map(self.lemma, name.words))
            self.by_lemmas.setdefault(lemmas, name)
        self.first_keys = frozenset(self.by_first)

    def pattern(self, name: Name) -> tuple:
        """(key, case needed) of each of the name's words, from the table of
        known words where it has them: else each name's words would be
        analysed again in every process as the name is first tried."""
        found = self.patterns.get(id(name))
        if found is None:
            found = tuple((self.key(w), case_needed(w, self.lemma(w), self.free)) for w in name.words)
            self.patterns[id(name)] = found
        return found

    def key(self, word: str) -> frozenset:
        """A name word's key, from the table of known words where it has it."""
        known = self.known.get(word)
        return word_key(word) if known is None else known.key

    def lemma(self, word: str) -> str:
        """A name word's primary lemma, from the table of known words where it has it."""
        known = self.known.get(word)
        return primary_lemma(word) if known is None else known.lemma

    def match_at(self, tokens, i: int):
        """The longest name starting at tokens[i], and its token length.
        Most tokens open no name: one set test turns them away before the
        names are looked up."""
        keys = token_keys(tokens[i])
        return None if keys.isdisjoint(self.first_keys) else self.first_fit(tokens, i, keys)

    def first_fit(self, tokens, i: int, keys: frozenset):
        for name in candidates(self, keys, fold(tokens[i].lemma_)):
            if self.fits(name, tokens, i):
                return name
        return None

    def fits(self, name: Name, tokens, i: int) -> bool:
        if i + len(name.words) > len(tokens):
            return False
        if len(name.words) == 1 and tokens[i].pos_ not in ONE_WORD_POS and not tokens[i].text.isupper():
            return False
        pairs = zip(self.pattern(name), tokens[i:i + len(name.words)])
        return all(not key.isdisjoint(token_keys(t)) and case_fits(case, t) for (key, case), t in pairs)

    def find(self, tokens):
        """Non-overlapping (start, end, name), left to right, longest first.
        Only the tokens whose keys open some name are tried: one set test in
        a comprehension, not a call per token."""
        first, out, i = self.first_keys, [], 0
        keys = [keys_of(t.text, t.lemma_, t.pos_) for t in tokens]
        for k in [k for k, key in enumerate(keys) if not first.isdisjoint(key)]:
            if k < i:
                continue  # inside the name found before
            name = self.first_fit(tokens, k, keys[k])
            if name is not None:
                out.append((k, k + len(name.words), name))
                i = k + len(name.words)
        return out

    def lookup(self, lemmas: tuple):
        return self.by_lemmas.get(tuple(fold(x) for x in lemmas))

    def named(self, surface: str):
        """The name written exactly so (case and ё aside)."""
        return self.by_surface.get(fold(surface))


@cached("name_index.candidates", 200_000)
def candidates(index: NameIndex, keys: frozenset, lemma: str) -> tuple:
    """The names whose first word has one of these keys: longest first, then
    those the token's contextual lemma matches ("Ошу", dative of Ош, before
    a town named Ошу), then in the index's order. Never in the order of a
    set's iteration, which changes from process to process with Python's
    string hashing (cached: the same words come back in every text)."""
    found = {id(n): n for key in keys for n in index.by_first.get(key, ())}
    return tuple(sorted(found.values(), key=lambda n: (-len(n.words), lemma not in index.pattern(n)[0][0],
                                                       index.order[id(n)])))


def words_of(text: str) -> tuple:
    return tuple(text[start:stop] for start, stop in token_spans(text))
