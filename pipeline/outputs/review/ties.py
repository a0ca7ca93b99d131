"""Cooperation ties of the corpus as edges between actors: the documents'
`ties` (schema 1.1) where the run has them, else places and organisations
named in one sentence (a weaker signal, labelled as such on the pages)."""

from itertools import combinations

from pipeline.outputs.exports.network import MAX_SENTENCE_NODES
from pipeline.outputs.review.actors import actor_key, party_key, place_lookup

COOCCURRENCE = "cooccurrence"
PAIR_LABELS = ("LOC", "ORG")


def document_ties(doc: dict, n: int, date) -> list:
    """The document's ties with parties as actor keys; a tie without two parties is skipped."""
    known, out = place_lookup(doc), []
    for tie in doc.get("ties") or []:
        parties = tie.get("parties") or []
        if len(parties) != 2:
            continue
        a, b = (party_key(p, known) for p in parties)
        out.append({"a": a, "b": b, "names": [p.get("normal") or "" for p in parties],
                    "type": tie.get("type") or "other", "date": tie.get("date") or date,
                    "directions": list(tie.get("directions") or []), "score": tie.get("score"),
                    "doc": n, "evidence": list(tie.get("evidence") or [])})
    return out


def cooccurrences(doc: dict, n: int, date) -> list:
    """One edge per pair of actors named in the same sentence, with the
    directions of those sentences and the sentences as evidence."""
    by_sentence = {}
    for e in doc["entities"]:
        if e["label"] in PAIR_LABELS and e.get("sentence") is not None:
            by_sentence.setdefault(e["sentence"], {})[actor_key(e)] = e.get("normal") or e["text"]
    pairs = {}
    for s, names in sorted(by_sentence.items()):
        for a, b in combinations(sorted(list(names)[:MAX_SENTENCE_NODES]), 2):  # a list, not a sentence: bounded
            edge = pairs.setdefault((a, b), {"a": a, "b": b, "names": [names[a], names[b]], "type": COOCCURRENCE,
                                             "date": date, "directions": [], "score": None, "doc": n, "evidence": []})
            edge["evidence"].append(s)
            sentence = doc["sentences"][s] if 0 <= s < len(doc["sentences"]) else {}
            edge["directions"] += [d["label"] for d in sentence.get("directions", [])
                                   if d["label"] not in edge["directions"]]
    return list(pairs.values())
