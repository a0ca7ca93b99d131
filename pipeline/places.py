"""Places from the gazetteer, matched by lemma in every case form, and the
bare conjuncts of a coordinated phrase: "Омской и Павлодарской областей" ->
"Омской" (Омская область) + "Павлодарской областей" (Павлодарская область)."""

from spacy.language import Language
from spacy.tokens import Doc

from .gazetteer import Place, places
from .lexicon import words
from .morph import parse
from .names import fold
from .normal import agree_with
from .records import Entity

CONJUNCTIONS = {"и", ",", "или", "либо"}


def sentence_tokens(doc: Doc):
    for sent in doc.sents:
        yield [t for t in sent if not t.is_space]


def entity(tokens, place: Place, normal: str) -> Entity:
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    flags = ["historical"] if place and place.historical else []
    return Entity(start, end, tokens[0].doc.text[start:end], "LOC", normal,
                  kind=place.kind if place else "region", id=place.id if place else None,
                  source="gazetteer" if place else "rule", flags=flags)


def is_adjective(word: str) -> bool:
    return any(p.tag.POS == "ADJF" for p in parse(word)[:2])


def shared_head(name) -> bool:
    """A name an adjective conjunct can borrow its head from ("… областей")."""
    return len(name.words) >= 2 and fold(name.words[-1]) in words("region_words.txt") \
        and is_adjective(name.words[0])


def conjuncts(tokens, start: int, name) -> list:
    """Adjectives coordinated before the match, each completed with its head."""
    out, i = [], start
    while i >= 2 and fold(tokens[i - 1].text) in CONJUNCTIONS:
        adj = tokens[i - 2]
        if not is_adjective(adj.text) or not adj.text[:1].isupper():
            break
        known = places().lookup((adj.lemma_, *name.lemmas()[1:]))
        if known:
            out.append(entity([adj], known.payload, known.surface))
        else:
            head = " ".join(name.surface.split()[1:])
            out.append(entity([adj], None, f"{agree_with(adj, head)} {head}"))
        i -= 2
    return out


def trailing(tokens, end: int, name) -> list:
    """Names coordinated after a head-first match: "Республики Татарстан и
    Башкортостан" -> Республика Башкортостан."""
    out, head = [], name.lemmas()[0]
    if len(name.words) != 2 or head not in words("region_words.txt"):
        return out
    while end + 1 < len(tokens) and fold(tokens[end].text) in CONJUNCTIONS and tokens[end + 1].text[:1].isupper():
        known = places().lookup((head, tokens[end + 1].lemma_)) or places().lookup((head, tokens[end + 1].text))
        if not known:
            break
        out.append(entity([tokens[end + 1]], known.payload, known.surface))
        end += 2
    return out


def inside_person(tokens, doc_persons) -> bool:
    """Inside a name of two words or more ("Владимир Путин"); a one-word
    person that is a known place ("Экибастуз") is natasha's mistake."""
    return any(p.start <= tokens[0].idx and tokens[-1].idx < p.end and " " in p.text for p in doc_persons)


def find_in(tokens, persons) -> list:
    found, taken = [], set()
    for start, end, name in places().find(tokens):
        span = tokens[start:end]
        if span[0].idx in taken or len(span) == 1 and inside_person(span, persons):
            continue  # a conjunct already, or part of a person's name
        found.append(entity(span, name.payload, name.surface))
        if shared_head(name):
            found += conjuncts(tokens, start, name)
        more = trailing(tokens, end, name)
        taken |= {e.start for e in more}
        found += more
    return found


@Language.component("places")
def find_places(doc: Doc) -> Doc:
    persons = [e for e in doc._.candidates if e.label == "PER"]
    found = [e for tokens in sentence_tokens(doc) for e in find_in(tokens, persons)]
    doc._.candidates.extend(found)
    return doc
