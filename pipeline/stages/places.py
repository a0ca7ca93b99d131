"""Places from the gazetteer, matched by lemma in every case form, and the
members of a coordinated phrase: "Омской и Павлодарской областей" ->
"Омской" (Омская область) + "Павлодарской областей" (Павлодарская область);
a member the gazetteer does not know is still a region ("Успенский район")."""

from spacy.tokens import Doc

from pipeline.nlp import models
from pipeline.rules.gazetteer import Place
from pipeline.rules.lexicon import words
from pipeline.rules.name_index import fold
from pipeline.rules.normal_forms import agree_with
from pipeline.records import Entity
from pipeline.nlp.spans import is_adjective, text_of
from pipeline.nlp.words import sentence_words

CONJUNCTIONS = {"и", ",", "или", "либо"}


def entity(tokens, place: Place, normal: str) -> Entity:
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    flags = ["historical"] if place and place.historical else []
    return Entity(start, end, text_of(tokens[0].doc)[start:end], "LOC", normal,
                  kind=place.kind if place else "region", id=place.id if place else None,
                  source="gazetteer" if place else "rule", flags=flags)


def member(adj, head: str, last: list, gazetteer):
    """One conjunct: the gazetteer's place when it knows "<adjective> <head>",
    else a region named by its words ("Успенский район", id null)."""
    normal = f"{agree_with(adj, head)} {head}"
    known = gazetteer.lookup((adj.lemma_, head)) or gazetteer.named(normal)
    span = [adj, *last]
    if known:
        return entity(span, known.payload, known.surface)
    return entity(span, None, normal)


def coordinated(tokens, gazetteer, regions: frozenset) -> list:
    """"Тюменской, Курганской и Челябинской областями": one place per
    adjective, each completed with the head they share."""
    found = []
    # the region words ("областями") picked in one pass: few sentences have one
    for i in [k for k in range(3, len(tokens)) if fold(tokens[k].lemma_) in regions]:
        head = tokens[i]
        if not is_adjective(tokens[i - 1].text):
            continue
        first = i - 1
        while first >= 2 and fold(tokens[first - 1].text) in CONJUNCTIONS and is_adjective(tokens[first - 2].text):
            first -= 2
        if first < i - 1:
            lemma = fold(head.lemma_)
            found += [member(tokens[k], lemma, [], gazetteer) for k in range(first, i - 1, 2)]
            found.append(member(tokens[i - 1], lemma, [head], gazetteer))
    return found


def trailing(tokens, end: int, name, gazetteer, regions: frozenset) -> list:
    """Names coordinated after a head-first match: "Республики Татарстан и
    Башкортостан" -> Республика Башкортостан."""
    out, head = [], gazetteer.lemma(name.words[0])
    if len(name.words) != 2 or head not in regions:
        return out
    while end + 1 < len(tokens) and fold(tokens[end].text) in CONJUNCTIONS and tokens[end + 1].text[:1].isupper():
        known = gazetteer.lookup((head, tokens[end + 1].lemma_)) or gazetteer.lookup((head, tokens[end + 1].text))
        if not known:
            break
        out.append(entity([tokens[end + 1]], known.payload, known.surface))
        end += 2
    return out


def inside_person(tokens, doc_persons) -> bool:
    """Inside a name of two words or more ("Владимир Путин"); a one-word
    person that is a known place ("Экибастуз") is natasha's mistake."""
    return any(p.start <= tokens[0].idx and tokens[-1].idx < p.end and " " in p.text for p in doc_persons)


def find_in(tokens, persons, gazetteer, regions: frozenset) -> list:
    found = coordinated(tokens, gazetteer, regions)
    taken = {e.start for e in found}
    for start, end, name in gazetteer.find(tokens):
        span = tokens[start:end]
        if span[0].idx in taken or len(span) == 1 and inside_person(span, persons):
            continue  # a conjunct already, or part of a person's name
        found.append(entity(span, name.payload, name.surface))
        more = trailing(tokens, end, name, gazetteer, regions)
        taken |= {e.start for e in more}
        found += more
    return found


ASSIGNS = ["doc._.candidates"]
REQUIRES = ["doc._.candidates", "token.lemma", "token.pos", "token.morph"]


class Places:
    """The stage, given the place gazetteer and the words for kinds of regions ("область")."""

    def __init__(self, gazetteer, regions: frozenset):
        self.gazetteer, self.regions = gazetteer, regions

    def __call__(self, doc: Doc) -> Doc:
        persons = [e for e in doc._.candidates if e.label == "PER"]
        found = [e for tokens in sentence_words(doc) for e in find_in(tokens, persons, self.gazetteer, self.regions)]
        doc._.candidates.extend(found)
        return doc


def make(nlp, name: str) -> Places:
    return Places(models.places(), words("region_words.txt"))
