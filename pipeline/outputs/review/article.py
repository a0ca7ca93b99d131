"""What an article page shows: the highlighted paragraphs with their
directions, the entity table, and the evidence of each document direction."""

from pipeline.outputs.reading import distinct_entities, sentence_text, title
from pipeline.outputs.review.colors import ent_color, ent_type
from pipeline.outputs.review.paragraph import paragraph_html

SNIPPET = 220  # characters of a first sentence shown in the entity table


def _snippet(text: str) -> str:
    return text if len(text) <= SNIPPET else text[:SNIPPET].rsplit(" ", 1)[0] + " …"


def entity_rows(doc: dict) -> list:
    rows = []
    for n, g in enumerate(distinct_entities(doc)):
        first = doc["entities"][g["mentions"][0]]
        rows.append({"row": n, "normal": g["normal"], "id": g["id"], "governs": g["governs"],
                     "label": g["label"], "kind": g["kind"],
                     "type": ent_type(g["label"], g["kind"]), "color": ent_color(g["label"], g["kind"]),
                     "mentions": g["mentions"], "sentence": _snippet(sentence_text(doc, first.get("sentence")))})
    return rows


def paragraphs(doc: dict, rows: list) -> list:
    row_of = {i: r["row"] for r in rows for i in r["mentions"]}
    evidence = {i for d in doc.get("directions", []) for i in d.get("evidence", [])}
    return [{"n": n, "html": paragraph_html(doc, n, row_of, evidence),
             "directions": p.get("directions", [])} for n, p in enumerate(doc["paragraphs"])]


def evidence(doc: dict) -> list:
    """Each document direction with its evidence sentences and their paragraphs."""
    out = []
    for d in doc.get("directions", []):
        sentences = [{"n": i, "text": sentence_text(doc, i), "paragraph": doc["sentences"][i]["paragraph"]}
                     for i in d.get("evidence", []) if 0 <= i < len(doc["sentences"])]
        out.append({"label": d["label"], "score": d["score"], "sentences": sentences})
    return out


def article_context(doc: dict) -> dict:
    rows = entity_rows(doc)
    return {"doc": doc, "title": title(doc), "rows": rows, "paragraphs": paragraphs(doc, rows),
            "evidence": evidence(doc)}
