"""The CSV exports: plain UTF-8, comma-separated, one header line, so that
pandas.read_csv, spreadsheets and the csv module read them as they are."""

import csv
import io
import json

from pipeline.outputs.reading import direction_labels, direction_scores, distinct_entities, normal

ENTITY_COLUMNS = ["doc_id", "label", "kind", "normal", "id", "mentions", "governs", "canonical"]
MENTION_COLUMNS = ["doc_id", "start", "end", "text", "label", "kind", "normal", "id", "governs",
                   "value", "currency", "sentence", "paragraph", "source"]


def entity_rows(docs):
    """One row per distinct entity per document."""
    for doc in docs:
        for g in distinct_entities(doc):
            yield {"doc_id": doc["doc_id"], "label": g["label"], "kind": g["kind"],
                   "normal": g["normal"], "id": g["id"], "mentions": len(g["mentions"]), "governs": g["governs"],
                   "canonical": g["canonical"]}


def _value(e: dict) -> tuple:
    """DATE values are ISO strings; MONEY values split into amount and currency."""
    v = e.get("value")
    if isinstance(v, dict):
        return v.get("amount"), v.get("currency")
    return (json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v), None


def _paragraph(doc: dict, e: dict):
    s = e.get("sentence")
    return doc["sentences"][s]["paragraph"] if s is not None and s < len(doc["sentences"]) else None


def mention_rows(docs):
    for doc in docs:
        for e in doc["entities"]:
            value, currency = _value(e)
            yield {"doc_id": doc["doc_id"], "start": e["start"], "end": e["end"], "text": e["text"],
                   "label": e["label"], "kind": e.get("kind"), "normal": normal(e), "id": e.get("id"),
                   "governs": e.get("governs"), "value": value, "currency": currency, "sentence": e.get("sentence"),
                   "paragraph": _paragraph(doc, e), "source": e.get("source")}


def direction_columns() -> list:
    return ["doc_id", *direction_labels()]


def direction_rows(docs):
    """One row per document, a score per label, 0 where the label is absent."""
    for doc in docs:
        yield {"doc_id": doc["doc_id"], **direction_scores(doc)}


def csv_text(columns: list, rows) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in row.items()})
    return buf.getvalue()
