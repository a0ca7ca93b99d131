"""The tables for analysis, as each document contributes to them: one
function per table, doc -> rows (lists in COLUMNS order), and the Arrow
schema of each table. `exports` writes them as Parquet (and three as CSV);
the other parts feed ties.csv and the two GraphML networks."""

import json

from pipeline.outputs.reading import (NETWORK_LABELS, canonical, direction_labels, label_scores,
                                      distinct_entities, normal)
from pipeline.outputs.reading import title as first_line

LABELS = ("LOC", "ORG", "PER", "DATE", "MONEY")


def _document_fields(pa) -> list:
    strings = pa.list_(pa.string())
    return [("doc_id", pa.string()), ("path", pa.string()), ("format", pa.string()), ("encoding", pa.string()),
            ("sha256", pa.string()), ("title", pa.string()), ("published", pa.string()),
            ("author", pa.string()), ("site", pa.string()),
            ("chars", pa.int64()), ("paragraphs", pa.int64()), ("sentences", pa.int64()), ("tokens", pa.int64()),
            ("entities", pa.int64()), *[(f"mentions_{label.lower()}", pa.int64()) for label in LABELS],
            ("ties", pa.int64()), ("directions", strings),
            *[(f"score_{label}", pa.float64()) for label in direction_labels()]]


def schemas() -> dict:
    import pyarrow as pa  # here, not at import: a rerun that writes nothing need not load it
    strings = pa.list_(pa.string())
    return {
        "documents": pa.schema(_document_fields(pa)),
        "entities": pa.schema([("doc_id", pa.string()), ("label", pa.string()), ("kind", pa.string()),
                               ("normal", pa.string()), ("id", pa.string()), ("mentions", pa.int64()),
                               ("governs", pa.string()), ("canonical", pa.string())]),
        "mentions": pa.schema([("doc_id", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
                               ("text", pa.string()), ("label", pa.string()), ("kind", pa.string()),
                               ("normal", pa.string()), ("canonical", pa.string()), ("id", pa.string()),
                               ("governs", pa.string()), ("value", pa.string()), ("amount", pa.float64()),
                               ("currency", pa.string()),
                               ("sentence", pa.int64()), ("paragraph", pa.int64()), ("source", pa.string())]),
        "sentences": pa.schema([("doc_id", pa.string()), ("sentence", pa.int64()), ("paragraph", pa.int64()),
                                ("start", pa.int64()), ("end", pa.int64()), ("text", pa.string()),
                                ("directions", strings), ("scores", pa.list_(pa.float64()))]),
        "ties": pa.schema([("doc_id", pa.string()), ("tie", pa.int64()), ("type", pa.string()),
                           ("party_a", pa.string()), ("party_a_id", pa.string()),
                           ("party_b", pa.string()), ("party_b_id", pa.string()), ("date", pa.string()),
                           ("directions", strings), ("score", pa.float64()), ("evidence", pa.list_(pa.int64()))]),
    }


def document_rows(doc: dict) -> list:
    """One row: where the article came from, what it says about itself, its
    counts, and the raw score of every direction, assigned or not."""
    source, meta, stats = doc["source"], doc.get("metadata") or {}, doc.get("stats") or {}
    counts = {label: 0 for label in LABELS}
    for e in doc["entities"]:
        counts[e["label"]] = counts.get(e["label"], 0) + 1
    return [[doc["doc_id"], source.get("path"), source.get("format"), source.get("encoding"), source.get("sha256"),
             meta.get("title") or first_line(doc), meta.get("published"), meta.get("author"), meta.get("site"),
             len(doc["text"]), len(doc["paragraphs"]), len(doc["sentences"]),
             stats.get("tokens", len(doc.get("tokens") or [])), len(doc["entities"]),
             *(counts[label] for label in LABELS), len(doc.get("ties") or []),
             [d["label"] for d in doc.get("directions", [])], *label_scores(doc).values()]]


def entity_rows(doc: dict) -> list:
    """One row per distinct entity (label and normal form) of the document,
    with the one name of the actor it names (schema 1.1 `canonical`)."""
    return [[doc["doc_id"], g["label"], g["kind"], g["normal"], g["id"], len(g["mentions"]), g["governs"],
             g["canonical"]]
            for g in distinct_entities(doc)]


def _value(e: dict) -> tuple:
    """(value as text, amount, currency): DATE values are ISO strings; MONEY
    values split into amount and currency; a list is written as JSON."""
    v = e.get("value")
    if isinstance(v, dict):
        return None, v.get("amount"), v.get("currency")
    if isinstance(v, list):
        return json.dumps(v, ensure_ascii=False), None, None
    return (None if v is None else str(v)), None, None


def mention_rows(doc: dict) -> list:
    sentences = doc["sentences"]
    rows = []
    for e in doc["entities"]:
        s = e.get("sentence")
        paragraph = sentences[s]["paragraph"] if s is not None and 0 <= s < len(sentences) else None
        rows.append([doc["doc_id"], e["start"], e["end"], e["text"], e["label"], e.get("kind"), normal(e), canonical(e),
                     e.get("id"), e.get("governs"), *_value(e), s, paragraph, e.get("source")])
    return rows


def sentence_rows(doc: dict) -> list:
    text = doc["text"]
    return [[doc["doc_id"], i, s.get("paragraph"), s["start"], s["end"], text[s["start"]:s["end"]],
             [d["label"] for d in s.get("directions", [])], [d["score"] for d in s.get("directions", [])]]
            for i, s in enumerate(doc["sentences"])]


def tie_rows(doc: dict) -> list:
    """One row per tie; documents made before ties were added have none."""
    rows = []
    for i, tie in enumerate(doc.get("ties") or []):
        parties = list(tie.get("parties") or []) + [{}, {}]
        a, b = parties[0], parties[1]
        rows.append([doc["doc_id"], i, tie.get("type"), a.get("normal"), a.get("id"), b.get("normal"), b.get("id"),
                     tie.get("date"), list(tie.get("directions") or []), tie.get("score"),
                     list(tie.get("evidence") or [])])
    return rows


def direction_rows(doc: dict) -> list:
    """The assigned labels (";"-joined, highest score first), then the raw
    score of every label, assigned or not, so a reader can set another bar."""
    assigned = ";".join(d["label"] for d in doc.get("directions", []))
    return [[doc["doc_id"], assigned, *label_scores(doc).values()]]


def network_rows(doc: dict) -> list:
    """What the co-occurrence network reads of a document: a light document
    holding only its places, organisations and persons."""
    keep = ("start", "label", "text", "normal", "canonical", "id", "kind", "governs", "sentence")
    return [{"doc_id": doc["doc_id"],
             "entities": [{k: e.get(k) for k in keep} for e in doc["entities"] if e["label"] in NETWORK_LABELS]}]


def tie_csv_rows(doc: dict) -> list:
    """ties.csv's rows of the document (exports/ties.py, TIE_COLUMNS order):
    made here, where the document's sentences are at hand for the evidence."""
    from pipeline.outputs.exports.ties import TIE_COLUMNS, tie_rows  # networkx: only when a document changed
    return [[row[c] for c in TIE_COLUMNS] for row in tie_rows([doc])]


def tie_network_rows(doc: dict) -> list:
    """What the ties network reads of a document: its id and ties; none without ties."""
    return [{"doc_id": doc["doc_id"], "ties": doc["ties"]}] if doc.get("ties") else []


def head_rows(doc: dict) -> list:
    """What the runner's reuse check reads of a document (runner.reusable,
    task.ok_entry), so that a rerun need not parse the unchanged documents."""
    return [{"doc_id": doc["doc_id"], "source": doc["source"], "pipeline": doc.get("pipeline") or {},
             "stats": doc.get("stats") or {"chars": len(doc["text"])}}]


PARQUET = {"documents": document_rows, "entities": entity_rows, "mentions": mention_rows,
           "sentences": sentence_rows, "ties": tie_rows}


def review_rows(doc: dict) -> list:
    """What the review site's corpus pages read of a document (review/summary.py): kept
    with the exports' rows, so that a changed document is read once for both."""
    from pipeline.outputs.review.summary import review_rows as rows
    return rows(doc)


PARTS = {**PARQUET, "directions": direction_rows, "network": network_rows,
         "ties_csv": tie_csv_rows, "ties_network": tie_network_rows, "head": head_rows, "review": review_rows}
