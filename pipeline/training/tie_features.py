"""Features of a candidate tie (two territories in one sentence): what stands
between them and around them, who they are, how far apart, whether they are
merely listed. One function for training and extraction; change anything
here and bump TIE_FEATURE_VERSION (models of another version are refused)."""

from pipeline.rules.name_index import fold
from pipeline.rules.tie_candidates import Candidate, TieInput, content, in_sentence, triggers, words_between

TIE_FEATURE_VERSION = "2"
LISTING = {"и", ",", "-", "или", "а", "также"}
DISTANCE_BINS = (0, 2, 5, 10, 20)


def lemma(w) -> str:
    return fold(w.lemma or w.text)


def binned(n: int, bins=DISTANCE_BINS) -> str:
    return str(max(b for b in bins if n >= b))


def listed(between) -> bool:
    """"Омская и Павлодарская области", "Курган, Омск": names in a row."""
    return all(fold(w.text) in LISTING for w in between)


def side(data: TieInput, m, tag: str) -> dict:
    """The mention's role and the word before it (a preposition, a post:
    "в Омске", "из Павлодара", "губернатор Омской области")."""
    out = {f"{tag}:role={m.role}": 1, f"{tag}:kind={m.territory.kind}": 1}
    before = data.words[m.first - 1] if m.first > 0 else None
    if before is not None:
        out[f"{tag}:prev={lemma(before)}"] = 1
        out[f"prev={lemma(before)}"] = 1
    if m.first > 1:
        out[f"prev2={lemma(data.words[m.first - 2])}"] = 1
    return out


def features(data: TieInput, c: Candidate, together: int = 1) -> dict:
    """`together`: in how many sentences of the document the pair occurs."""
    between = words_between(data, c)
    sentence = in_sentence(data, c.sentence)
    f = {"bias": 1, f"kinds={'|'.join(sorted((c.a.territory.kind, c.b.territory.kind)))}": 1,
         f"distance={binned(len(between))}": 1, f"actors={binned(c.actors, (2, 3, 4, 6))}": 1,
         f"together={binned(together, (1, 2, 3, 5))}": 1}
    ca, cb = c.a.territory.country, c.b.territory.country
    f["same_country" if ca and ca == cb else "other_country" if ca and cb else "country_unknown"] = 1
    if listed(between):
        # names in a row after "с"/"между" are one side's partners, as subject
        # they may be the parties themselves; with a third actor, an enumeration
        f["listed"] = 1
        first = min(c.a, c.b, key=lambda m: m.first)
        if first.first > 0:
            f[f"listed_after={lemma(data.words[first.first - 1])}"] = 1
        if c.actors > 2:
            f["listed_among_others"] = 1
    for key, m in (("first", min(c.a, c.b, key=lambda m: m.first)), ("second", max(c.a, c.b, key=lambda m: m.first))):
        f.update(side(data, m, key))
    kinds = triggers()
    for w in content(between):
        f[f"b:{w}"] = 1
        for k in kinds.get(w, ()):
            f[f"trigger_between={k}"] = 1
    for w in content(sentence):
        f[f"s:{w}"] = 1
        for k in kinds.get(w, ()):
            f[f"trigger={k}"] = 1
    for w in sentence:
        if fold(w.text) in ("между", "с", "со", "из", "в", "во"):
            f[f"prep={fold(w.text)}"] = 1
    return f
