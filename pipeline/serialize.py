"""The one place where records become JSON (the contract of output.md)."""

from pipeline import SCHEMA_VERSION
from pipeline.records import Direction, Document, Entity, Paragraph, Sentence, Source, Token


def direction_json(d) -> dict:
    out = {"label": d.label, "score": round(float(d.score), 4)}
    if d.evidence:
        out["evidence"] = list(d.evidence)
    if d.share is not None:
        out["share"] = round(float(d.share), 4)
    return out


def entity_json(e: Entity) -> dict:
    out = {"start": e.start, "end": e.end, "text": e.text, "label": e.label, "kind": e.kind,
           "normal": e.normal, "id": e.id, "value": e.value, "sentence": e.sentence,
           "source": e.source, "canonical": e.canonical or e.normal}
    if e.label == "ORG":
        out["governs"] = e.governs
    if e.flags:
        out["flags"] = list(e.flags)
    if e.coordinates is not None:
        out["coordinates"] = list(e.coordinates)
    return out


def tie_json(t) -> dict:
    return {"parties": [{"normal": p.normal, "id": p.id} for p in t.parties], "type": t.type, "date": t.date,
            "directions": list(t.directions), "score": round(float(t.score), 4), "evidence": list(t.evidence)}


def document_json(doc: Document) -> dict:
    src = doc.source
    return {
        "schema_version": SCHEMA_VERSION,
        "doc_id": doc.doc_id,
        "source": {"path": src.path, "sha256": src.sha256, "format": src.format, "encoding": src.encoding},
        "text": doc.text,
        "source_map": doc.source_map,
        "language": doc.language,
        "sentences": [{"start": s.start, "end": s.end, "paragraph": s.paragraph,
                       "directions": [direction_json(d) for d in s.directions]} for s in doc.sentences],
        "paragraphs": [{"start": p.start, "end": p.end,
                        "directions": [direction_json(d) for d in p.directions]} for p in doc.paragraphs],
        "tokens": [{"start": t.start, "end": t.end, "lemma": t.lemma, "pos": t.pos} for t in doc.tokens],
        "entities": [entity_json(e) for e in doc.entities],
        "directions": [direction_json(d) for d in doc.directions],
        "direction_scores": {label: round(float(v), 4) for label, v in doc.direction_scores.items()},
        "ties": [tie_json(t) for t in doc.ties],
        "metadata": doc.metadata,
        "stats": {"chars": len(doc.text), "sentences": len(doc.sentences),
                  "tokens": len(doc.tokens), "seconds": doc.seconds},
    }


def direction_of(d: dict) -> Direction:
    return Direction(d["label"], d["score"], list(d.get("evidence", [])), d.get("share"))


def tie_of(t: dict):
    from pipeline.stages.ties import Party, Tie
    return Tie([Party(p["normal"], p["id"]) for p in t["parties"]], t["type"], t["date"], list(t["directions"]),
               t["score"], list(t["evidence"]))


def entity_of(e: dict) -> Entity:
    return Entity(e["start"], e["end"], e["text"], e["label"], e["normal"], kind=e.get("kind"),
                  id=e.get("id"), value=e.get("value"), sentence=e.get("sentence", -1),
                  source=e.get("source", "ner"), governs=e.get("governs"), flags=list(e.get("flags", [])),
                  canonical=e.get("canonical"),
                  coordinates=tuple(e["coordinates"]) if e.get("coordinates") else None)


def document_of(data: dict, source_text: str = "") -> Document:
    """The record of a contract JSON, as `document_json` wrote it; the source
    text is not in the JSON, so it is empty unless given."""
    src = data["source"]
    sentences = [Sentence(s["start"], s["end"], s["paragraph"], [direction_of(d) for d in s["directions"]])
                 for s in data["sentences"]]
    paragraphs = [Paragraph(p["start"], p["end"], [direction_of(d) for d in p["directions"]])
                  for p in data["paragraphs"]]
    tokens = [Token(t["start"], t["end"], t["lemma"], t["pos"]) for t in data.get("tokens", [])]
    return Document(data["doc_id"], Source(src["path"], src["sha256"], src["format"], src["encoding"], source_text),
                    data["text"], data.get("source_map", []), sentences, paragraphs, tokens,
                    [entity_of(e) for e in data["entities"]], [direction_of(d) for d in data["directions"]],
                    language=data.get("language", "ru"), seconds=data.get("stats", {}).get("seconds", 0.0),
                    ties=[tie_of(t) for t in data.get("ties", [])], metadata=data.get("metadata") or {},
                    direction_scores=dict(data.get("direction_scores", {})))
