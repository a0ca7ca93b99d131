"""What one document gives the corpus-level pages of the review site: its
row of the articles index, its actors with their mentions in context, its
edges (stated ties, and sentence co-occurrences for a run without ties).

A part of the run's parts store (outputs/parts.py): made once when the
document's JSON changes, so the corpus pages are built from these small rows
without reading the documents again."""

from html import escape

from pipeline.outputs.reading import direction_labels, published, source_name, title
from pipeline.outputs.review.actors import LABELS, actor_key
from pipeline.outputs.review.corpus import MENTIONS, snippet
from pipeline.outputs.review.ties import cooccurrences, document_ties


def in_context(doc: dict, e: dict) -> str:
    """The mention's sentence as HTML with the mention marked."""
    index = e.get("sentence")
    s = doc["sentences"][index] if index is not None and 0 <= index < len(doc["sentences"]) \
        else {"start": max(0, e["start"] - 100), "end": min(len(doc["text"]), e["end"] + 100)}
    start, end = min(s["start"], e["start"]), max(s["end"], e["end"])
    text = doc["text"]
    return (escape(text[start:e["start"]]) + f'<mark class="hit">{escape(text[e["start"]:e["end"]])}</mark>'
            + escape(text[e["end"]:end]))


def actors(doc: dict) -> list:
    """[key, label, {name: count}, {kind: count}, id, mentions, [[anchor, html], …]] per actor,
    in order of first mention; the contexts of at most MENTIONS mentions (a page shows no more)."""
    found = {}
    for i, e in enumerate(doc["entities"]):
        if e["label"] not in LABELS:
            continue
        key = actor_key(e)
        actor = found.get(key) or found.setdefault(key, [key, e["label"], {}, {}, None, 0, []])
        name = e.get("canonical") or e.get("normal") or e["text"]
        actor[2][name] = actor[2].get(name, 0) + 1
        if e.get("kind"):
            actor[3][e["kind"]] = actor[3].get(e["kind"], 0) + 1
        actor[4] = actor[4] or e.get("id")
        actor[5] += 1
        if len(actor[6]) < MENTIONS:
            anchor = f"s{e['sentence']}" if e.get("sentence") is not None else f"m{i}"
            actor[6].append([anchor, in_context(doc, e)])
    return list(found.values())


def review_rows(doc: dict) -> list:
    """One row: what the index, the actor pages, the charts and the network read of the document."""
    date, where = published(doc)
    head = title(doc)
    labels = set(direction_labels())
    ties = document_ties(doc, 0, date)
    return [{"doc_id": doc["doc_id"], "title": head, "date": date, "where": where, "source": source_name(doc),
             "snippet": snippet(doc, head), "chars": doc.get("stats", {}).get("chars", len(doc["text"])),
             "directions": [[d["label"], round(d["score"], 2)] for d in doc.get("directions", [])
                            if d["label"] in labels],
             "actors": actors(doc), "ties": ties, "n_ties": len(doc.get("ties") or []),
             # sentence pairs are the network only of a run without ties: made for the documents without
             "cooccurrences": [] if doc.get("ties") else cooccurrences(doc, 0, date)}]
