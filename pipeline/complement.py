"""The complement of a government body's head word: walking right from
"Акимат" / "Министерство" / "МЧС" over genitive words and "по …" to the first
territory, with the coordinated territories, a branch's territory and a
representation's host city after it."""

from .lexicon import words
from .morph import parse
from .names import fold
from .records import Entity

COMPLEMENT_POS = {"NOUN", "ADJ", "PROPN", "DET"}


def is_head(t) -> bool:
    """A head word of a body; pymorphy3's other noun readings count too
    ("Акиматами" is often lemmatised as "акимата")."""
    heads = words("government_words.txt")
    if t.text in words("government_abbreviations.txt") or fold(t.lemma_) in heads:
        return True
    return t.pos_ in ("NOUN", "PROPN") and any(p.tag.POS == "NOUN" and p.normal_form in heads for p in parse(t.text))


def head_lemma(t) -> str:
    heads = words("government_words.txt")
    return next((p.normal_form for p in parse(t.text) if p.normal_form in heads), fold(t.lemma_))


def case_of(t, case: str) -> bool:
    return t.morph.get("Case") == [case] or t.text in words("government_abbreviations.txt")


class Chain:
    """Walks right from a head over its complement, collecting territories."""

    def __init__(self, tokens, head: int, locs: dict, persons=frozenset(), walk=True):
        self.tokens, self.locs, self.persons, self.end = tokens, locs, persons, head
        self.diplomatic = head_lemma(tokens[head]) in words("diplomatic_words.txt")
        self.territories = []   # (first, last token index, LOC entity)
        if walk:  # a body named by its adjectives ("Минский областной …") ends at its head
            self.walk(head + 1)

    def loc_at(self, j: int):
        e = self.locs.get(self.tokens[j].idx) if j < len(self.tokens) else None
        if e is None:
            return None
        last = max(k for k in range(j, len(self.tokens)) if self.tokens[k].idx < e.end)
        return j, last, e

    def text(self, j: int) -> str:
        return fold(self.tokens[j].text) if j < len(self.tokens) else ""

    def walk(self, j: int):
        tokens = self.tokens
        while j < len(tokens):
            if tokens[j].idx in self.persons:
                return  # no person inside a body's name ("МВД" + a minister's name)
            loc = self.loc_at(j)
            if loc:
                self.take(loc)
                return self.after_territory(loc[1] + 1)
            if tokens[j].pos_ in COMPLEMENT_POS and case_of(tokens[j], "Gen"):
                self.end, j = j, j + 1
            elif self.text(j) == "и" and j + 1 < len(tokens) and case_of(tokens[j + 1], "Gen"):
                j += 1
            elif self.text(j) == "по" and j + 1 < len(tokens) and case_of(tokens[j + 1], "Dat"):
                j += 1
                while j < len(tokens) and not self.loc_at(j) and case_of(tokens[j], "Dat"):
                    self.end, j = j, j + 1
            else:
                return

    def take(self, loc):
        self.territories.append(loc)
        self.end = loc[1]

    def after_territory(self, j: int):
        """Coordinated territories each make a body; a branch "по <territory>"
        replaces the territory; a representation abroad adds its host city."""
        while is_conjunct(self.territories[-1][2]) and self.text(j) in ("и", ",") and self.loc_at(j + 1):
            self.take(self.loc_at(j + 1))
            j = self.end + 1
        nxt = self.loc_at(j + 1)
        if nxt and self.text(j) == "по":
            self.territories[-1:] = [nxt]
            self.end = nxt[1]
        elif nxt and self.text(j) == "в" and self.diplomatic:
            self.end = nxt[1]

    governs = None  # set by the caller for a body named by its adjectives


def is_conjunct(loc: Entity) -> bool:
    """A bare adjective standing for a whole place ("Курганской" of "Курганской и …")."""
    return len(loc.text.split()) < len(loc.normal.split())
