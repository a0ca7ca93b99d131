"""Label Studio import file: one task per paragraph, the pipeline's entities
as pre-annotations (`predictions[].result[]`) that a person corrects. Field
names here and in labelstudio_config.xml are what pipeline/labelstudio.py reads back."""

from bisect import bisect_right
from importlib import resources
from itertools import accumulate

from pipeline import __version__
from pipeline.outputs.reading import normal

TO_NAME = "text"
LABELS = "label"
KIND, NORMAL, ENTITY_ID, VALUE, GOVERNS = "kind", "normal", "entity_id", "value", "governs"


def config_text() -> str:
    return resources.files("pipeline.outputs.exports").joinpath("labelstudio_config.xml").read_text(encoding="utf-8")


def utf16_offset(text: str, index: int) -> int:
    """Label Studio counts offsets as a browser does, in UTF-16 code units."""
    return len(text[:index].encode("utf-16-le")) // 2


def value_text(value) -> str:
    if isinstance(value, dict):
        return f"{value.get('amount')} {value.get('currency')}"
    return "" if value is None else str(value)


def _utf16(para: str):
    """index -> UTF-16 offset in para; the identity unless para has characters beyond the BMP."""
    if len(para.encode("utf-16-le")) == 2 * len(para):
        return lambda index: index
    return list(accumulate((1 + (ord(c) > 0xFFFF) for c in para), initial=0)).__getitem__


def _region(e: dict, para: str, offset: int, n: int, to16=None) -> list:
    start, end = e["start"] - offset, e["end"] - offset
    to16 = to16 or _utf16(para)
    span = {"start": to16(start), "end": to16(end)}
    rid = f"e{n}"
    base = {"id": rid, "to_name": TO_NAME}
    results = [{**base, "from_name": LABELS, "type": "labels",
                "value": {**span, "text": para[start:end], "labels": [e["label"]]}}]
    if e.get("kind"):
        results.append({**base, "from_name": KIND, "type": "choices", "value": {**span, "choices": [e["kind"]]}})
    fields = [(NORMAL, normal(e)), (ENTITY_ID, e.get("id")), (VALUE, value_text(e.get("value"))),
              (GOVERNS, e.get("governs"))]
    results += [{**base, "from_name": name, "type": "textarea", "value": {**span, "text": [text]}}
                for name, text in fields if text]
    return results


def paragraph_task(doc: dict, index: int, entities=None) -> dict:
    """`entities`: the document's entities that may lie in the paragraph (all, by default)."""
    p = doc["paragraphs"][index]
    para = doc["text"][p["start"]:p["end"]]
    inside = [e for e in (doc["entities"] if entities is None else entities)
              if p["start"] <= e["start"] and e["end"] <= p["end"]]
    to16 = _utf16(para) if inside else None
    result = [r for n, e in enumerate(inside) for r in _region(e, para, p["start"], n, to16)]
    return {"data": {"text": para, "id": f"{doc['doc_id']}#p{index}", "doc_id": doc["doc_id"],
                     "paragraph": index, "start": p["start"]},
            "predictions": [{"model_version": f"paradiplomacy-pipeline {__version__}", "result": result}]}


def by_paragraph(doc: dict) -> list:
    """Each paragraph's candidate entities, found in one pass (not one pass per paragraph)."""
    starts = [p["start"] for p in doc["paragraphs"]]
    groups = [[] for _ in starts]
    for e in doc["entities"]:
        at = bisect_right(starts, e["start"]) - 1
        if at >= 0:
            groups[at].append(e)
    return groups


def tasks(docs) -> list:
    return [paragraph_task(doc, i, group) for doc in docs for i, group in enumerate(by_paragraph(doc))]
