"""Government bodies (entities.md rules 3 and 7): a head word ("Акимат",
"Правительство", "Министерство", "МЧС") with the capitalised adjectives before
it and its genitive complement, ending at its own territory, which it
`governs`: "Правительством Омской области Российской Федерации" -> ORG
"Правительство Омской области" (iso:RU-OMS); the country after it stays a LOC.
A branch "по Алтайскому краю" governs that territory; a consulate's name
takes its host city ("… Республики Казахстан в Омске") and governs its state."""

from spacy.tokens import Doc

from pipeline.nlp import models
from pipeline.rules.back_references import resolve_back_references
from pipeline.rules.body_complement import Chain, head_lemma, head_number, head_parse, is_head_word
from pipeline.rules.kinds import org_kind
from pipeline.rules.lexicon import table
from pipeline.rules.name_index import fold
from pipeline.rules.normal_forms import genitive, head_nominative
from pipeline.nlp.spans import DocTokens, left_edge
from pipeline.records import Entity
from pipeline.nlp.words import sentence_words


def written_as_name(tokens, first: int) -> bool:
    """Capitalised where a sentence does not start: the writer names the bodies."""
    opening = all(not t.is_alpha for t in tokens[:first])
    return tokens[first].text[:1].isupper() and not opening


def governed_by_adjectives(tokens, gazetteer, levels: dict) -> str | None:
    """"Минский областной исполнительный комитет" governs Минская область
    (`levels`: the kind of territory of "областной", "районный"...)."""
    level = next((levels[fold(t.lemma_)] for t in tokens if fold(t.lemma_) in levels), None)
    for t in tokens:
        named = level and t.text[:1].isupper() and gazetteer.lookup((t.lemma_, level))
        if named:
            return named.payload.id
    return None


def body(tokens, first: int, last: int, governs, normal="", head=None, kind=None) -> Entity:
    doc = tokens[0].doc
    span = doc[tokens[first].i:tokens[last].i + 1]
    if not normal:
        number, reading = head_number(tokens[head]), head_parse(tokens[head])
        normal = head_nominative(tokens[first:last + 1], head - first, number, reading)
    kind = kind or org_kind(list(span))  # a chamber of commerce or a body of the CIS is not a state's body
    if kind == "other" and head is not None and tokens[head].text.isupper():
        kind = "government"  # an abbreviation before its territory ("УМВД России по …")
    return Entity(span.start_char, span.end_char, span.text, "ORG", normal, kind=kind, source="rule",
                  governs=governs if kind == "government" else None)


def coordinated(tokens, first: int, at: int, chain: Chain) -> list:
    """"Правительства Курганской и Челябинской областей" -> two bodies."""
    words = tokens[first:chain.territories[0][0]]
    head = head_nominative(words, at - first, "sing", head_parse(tokens[at]))
    out = []
    for k, (s, e, loc) in enumerate(chain.territories):
        start = first if k == 0 else s
        kind = out[0].kind if out else None  # the later members share the first one's head word
        out.append(body(tokens, start, e, loc.id, f"{head} {genitive(loc.normal)}", kind=kind))
    return out


def abbreviated_body(tokens, i: int, locs: dict) -> bool:
    """An abbreviation before its territory names a body ("УМВД России по
    Тюменской области", "ДГД по СКО", "УВД ВКО"): capitals, not a place or
    legal form itself."""
    t = tokens[i]
    if not (2 <= len(t.text) <= 6 and t.text.isupper() and t.is_alpha) or t.idx in locs \
            or t.text in table("legal_forms.tsv") or i + 1 >= len(tokens):
        return False
    nxt = tokens[i + 1]
    return nxt.idx in locs or fold(nxt.text) == "по" and i + 2 < len(tokens) and tokens[i + 2].idx in locs


def legal_form_before(tokens, first: int) -> int:
    """"ГУ МЧС России …": a state institution's form before the body is part of its name."""
    return first - 1 if first > 0 and tokens[first - 1].text in table("legal_forms.tsv") else first


JOINT = {"комиссия"}  # a commission of several territories is one body of them all


def opening_words(tokens, locs: dict) -> list:
    """Where a body may start: a head word or an abbreviation (the upper-case
    test first: most words are neither, and are turned away in one pass)."""
    return [k for k, t in enumerate(tokens)
            if is_head_word(t.text, t.lemma_) or t.text.isupper() and abbreviated_body(tokens, k, locs)]


def bodies_in(tokens, locs: dict, gazetteer, levels: dict, persons=frozenset()):
    """Named bodies with their head lemma, and bare heads left for back-reference."""
    found, bare, i = [], [], 0
    for k in opening_words(tokens, locs):
        if k < i:
            continue  # inside the body found before
        i = k
        first, head = legal_form_before(tokens, left_edge(tokens, i)), head_lemma(tokens[i])
        by_adjectives = governed_by_adjectives(tokens[first:i + 1], gazetteer, levels)
        plural = head_number(tokens[i]) == "plur"
        chain = Chain(tokens, i, locs if by_adjectives is None else {}, persons, walk=by_adjectives is None,
                      plural=plural and written_as_name(tokens, first))
        chain.governs = by_adjectives
        named = emit(tokens, first, i, chain, plural)
        found += [(e, head) for e in named]
        if not named and chain.end == i and first == i:
            bare.append((tokens[i], head))
        i = chain.end + 1
    return found, bare


def emit(tokens, first: int, head: int, chain: Chain, plural: bool) -> list:
    named = tokens[first].text[:1].isupper() and (chain.end > head or first < head or tokens[head].text.isupper())
    if len(chain.territories) > 1 and head_lemma(tokens[head]) in JOINT:
        return [body(tokens, first, chain.end, None, head=head)]
    if len(chain.territories) > 1:
        return coordinated(tokens, first, head, chain)
    if plural:  # "акиматами областей": bodies in general, unless written as a name
        return [body(tokens, first, chain.end, None, head=head)] if chain.plural and named else []
    if chain.territories:
        return [body(tokens, first, chain.end, chain.territories[0][2].id, head=head)]
    if named:
        return [body(tokens, first, chain.end, chain.governs, head=head)]
    return []


def place_spans(doc: Doc) -> dict:
    """LOC findings by start offset, the gazetteer's and rules' before natasha's."""
    locs = {}
    for e in sorted((e for e in doc._.candidates if e.label == "LOC"), key=lambda e: e.source == "ner"):
        locs.setdefault(e.start, e)
    return locs


def misread_head(e, at: DocTokens) -> bool:
    """natasha's place or person that starts with a government head word, or
    its bare head as an ORG: the rules above decide those."""
    if e.source != "ner":
        return False
    found = at.range(e.start, e.end)
    if found is None or found[1] <= found[0]:
        return False
    first, stop = found
    return is_head_word(at.texts[first], at.lemmas[first]) and (e.label != "ORG" or stop - first == 1)


ASSIGNS = ["doc._.candidates"]
REQUIRES = ["doc._.candidates", "token.lemma", "token.pos", "token.morph"]


class Government:
    """The stage, given the place gazetteer and the level adjectives (for
    bodies named by their adjectives)."""

    def __init__(self, gazetteer, levels: dict):
        self.gazetteer, self.levels = gazetteer, levels

    def __call__(self, doc: Doc) -> Doc:
        locs, found, bare = place_spans(doc), [], []
        persons = frozenset(e.start for e in doc._.candidates if e.label == "PER")
        for tokens in sentence_words(doc):
            named, heads = bodies_in(tokens, locs, self.gazetteer, self.levels, persons)
            found += named
            bare += heads
        at = DocTokens(doc)
        kept = [e for e in doc._.candidates if not misread_head(e, at)]
        new = [e for e, _ in found] + resolve_back_references(found, bare, doc._.paragraphs)
        doc._.candidates[:] = kept + new
        return doc


def make(nlp, name: str) -> Government:
    return Government(models.places(), table("level_adjectives.tsv"))
