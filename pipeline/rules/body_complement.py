"""The complement of a government body's head word: walking right from
"Акимат" / "Министерство" / "МЧС" over genitive words and "по …" to the first
territory, with the coordinated territories, a branch's territory and a
representation's host city after it."""


from pipeline.nlp.cache import cached
from pipeline.stages.lemmas import agreement, token_feats
from pipeline.rules.lexicon import words
from pipeline.nlp.analyzer import parse
from pipeline.rules.name_index import fold
from pipeline.records import Entity

COMPLEMENT_POS = {"NOUN", "ADJ", "PROPN", "DET"}


@cached("body_complement.head_readings_of", 200_000)
def head_readings_of(word: str) -> tuple:
    """pymorphy3's noun readings of a word whose lemma is a head word,
    whatever the tagger made of it ("Акимата" tagged ADJ, "Акиматами" given
    the lemma "акимата")."""
    heads = words("government_words.txt")
    # the lemma first: most words have no head reading, and a tag's POS is a slow descriptor
    return tuple(p for p in parse(word) if p.normal_form in heads and p.tag.POS == "NOUN")


def is_head(t) -> bool:
    """A head word of a body by its tagged lemma or any noun reading."""
    return is_head_word(t.text, t.lemma_)


@cached("body_complement.is_head_word", 200_000)
def is_head_word(text: str, lemma: str) -> bool:
    heads = words("government_words.txt")
    return text in words("government_abbreviations.txt") or fold(lemma) in heads or bool(head_readings_of(text))


def head_parse(t):
    """The head word's reading that best fits the tagged case and number."""
    return best_head_reading(t.text, token_feats(t)) if head_readings_of(t.text) else None


@cached("body_complement.best_head_reading", 200_000)
def best_head_reading(word: str, feats: tuple):
    return max(head_readings_of(word), key=lambda p: agreement(p, "NOUN", feats), default=None)


def head_number(t) -> str:
    """"plur" or "sing": from the head word's own reading, so a tagger's wrong
    Number ("Акиматами" as singular) does not decide it."""
    p = head_parse(t)
    if p is not None and p.tag.number:
        return p.tag.number
    return "plur" if t.morph.get("Number") == ["Plur"] else "sing"


def head_lemma(t) -> str:
    p = head_parse(t)
    return p.normal_form if p is not None else fold(t.lemma_)


def case_of(t, case: str) -> bool:
    return t.morph.get("Case") == [case] or t.text in words("government_abbreviations.txt")


def complement_word(t) -> bool:
    """A noun or adjective, participles included ("перерабатывающей промышленности")."""
    return t.pos_ in COMPLEMENT_POS or t.pos_ == "VERB" and t.morph.get("VerbForm") == ["Part"]


class Chain:
    """Walks right from a head over its complement, collecting territories."""

    def __init__(self, tokens, head: int, locs: dict, persons=frozenset(), walk=True, plural=False):
        self.tokens, self.locs, self.persons, self.end, self.plural = tokens, locs, persons, head, plural
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
        """Over the complement: genitives, coordinated by "и" or commas
        ("строительства, транспорта и дорожного хозяйства"), "по" and its
        datives ("по предупреждению и ликвидации чрезвычайных ситуаций"),
        "при" and a post or body ("при Губернаторе"), "между" and two
        places, to the territory."""
        tokens, case = self.tokens, "Gen"
        while j < len(tokens):
            if tokens[j].idx in self.persons:
                return  # no person inside a body's name ("МВД" + a minister's name)
            loc = self.loc_at(j)
            if loc:
                self.take(loc)
                return self.after_territory(loc[1] + 1)
            word = self.text(j)
            if complement_word(tokens[j]) and (case_of(tokens[j], "Gen") or case_of(tokens[j], case)):
                self.end, j = j, j + 1
            elif word in ("и", ",") and j + 1 < len(tokens) and tokens[j + 1].text.islower() \
                    and (case_of(tokens[j + 1], "Gen") or case_of(tokens[j + 1], case)):
                j += 1
            elif word == "по" and j + 1 < len(tokens) and case_of(tokens[j + 1], "Dat"):
                j, case = j + 1, "Dat"
            elif word == "при" and j + 1 < len(tokens) and case_of(tokens[j + 1], "Loc") \
                    and tokens[j + 1].pos_ in COMPLEMENT_POS:
                self.end, j, case = j + 1, j + 2, "Gen"
            elif word == "между" and self.between(j + 1):
                return
            elif word == "в" and not self.territories and self.region_at(j + 1):
                self.take(self.loc_at(j + 1))
                return
            else:
                return

    def between(self, j: int) -> bool:
        """"между Республикой Казахстан и Российской Федерацией": part of the name, no territory of it."""
        first = self.loc_at(j)
        second = first and self.text(first[1] + 1) == "и" and self.loc_at(first[1] + 2)
        if second:
            self.end = second[1]
        return bool(second)

    def region_at(self, j: int) -> bool:
        """A region after "в" is a branch's territory ("инспекция труда в Челябинской области")."""
        loc = self.loc_at(j)
        return bool(loc) and loc[2].kind == "region" and not self.diplomatic

    def take(self, loc):
        self.territories.append(loc)
        self.end = loc[1]

    def coordinated(self, nxt) -> bool:
        """A conjunct after a bare adjective ("Курганской и Тюменской
        областей"), or a place of the same kind after a plural head written
        as a name ("Правительствами России и Китая")."""
        last = self.territories[-1][2]
        return bool(nxt) and (is_conjunct(last) or self.plural and nxt[2].kind == last.kind is not None)

    def after_territory(self, j: int):
        """Coordinated territories each make a body; a branch "по <territory>"
        replaces the territory; a representation abroad adds its host city."""
        while self.text(j) in ("и", ",") and self.coordinated(self.loc_at(j + 1)):
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
