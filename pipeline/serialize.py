"""The one place where records become JSON (the contract of output.md)."""

from pipeline import SCHEMA_VERSION
from pipeline.records import Document, Entity


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
           "source": e.source}
    if e.label == "ORG":
        out["governs"] = e.governs
    if e.flags:
        out["flags"] = list(e.flags)
    return out


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
        "stats": {"chars": len(doc.text), "sentences": len(doc.sentences),
                  "tokens": len(doc.tokens), "seconds": doc.seconds},
    }
