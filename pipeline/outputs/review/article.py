"""What an article page shows: the highlighted paragraphs with their
directions, the entity table, and the evidence of each document direction."""

from pipeline.outputs.reading import distinct_entities, metadata, published, sentence_text, source_name, title
from pipeline.outputs.review.actors import LABELS, actor_key, actor_page
from pipeline.outputs.review.colors import ent_color, ent_type
from pipeline.outputs.review.paragraph import paragraph_html
from pipeline.outputs.review.ties import document_ties
from pipeline.outputs.review.vocabulary import human_date, tie_type, type_name

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
                     "type_name": type_name(g["label"], g["kind"]),
                     "page": f"../{actor_page(actor_key(first))}" if g["label"] in LABELS else None,
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


def ties(doc: dict, date) -> list:
    """The article's own ties (schema 1.1), parties linked to their actor pages."""
    out = []
    for t in document_ties(doc, 0, date):
        out.append({**t, "type_name": tie_type(t["type"]),
                    "parties": [{"name": name, "page": f"../{actor_page(key)}"} for key, name in
                                zip((t["a"], t["b"]), t["names"])],
                    "evidence": [i for i in t["evidence"] if 0 <= i < len(doc["sentences"])]})
    return out


def facts(doc: dict) -> list:
    """(Russian name, value) of what is known about the article."""
    meta, (date, where) = metadata(doc), published(doc)
    when = human_date(date) + (" (по датам в тексте)" if where == "text" else "") if date else ""
    source = doc.get("source") or {}
    pairs = [("Дата", when), ("Автор", meta.get("author")), ("Источник", source_name(doc)),
             ("Файл", source.get("path")),
             ("Формат", f"{source.get('format', '')}, {source.get('encoding', '')}".strip(", ")),
             ("Символов", doc.get("stats", {}).get("chars", len(doc["text"]))),
             ("Предложений", len(doc["sentences"])), ("Упоминаний сущностей", len(doc["entities"]))]
    return [(name, value) for name, value in pairs if value not in (None, "")]


def article_context(doc: dict) -> dict:
    rows = entity_rows(doc)
    return {"doc": doc, "title": title(doc), "rows": rows, "paragraphs": paragraphs(doc, rows),
            "evidence": evidence(doc), "ties": ties(doc, published(doc)[0]), "facts": facts(doc)}
