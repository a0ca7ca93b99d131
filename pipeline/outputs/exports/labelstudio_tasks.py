"""Label Studio import file: one task per paragraph, the pipeline's entities
as pre-annotations (`predictions[].result[]`) that a person corrects. Field
names here and in labelstudio_config.xml are what pipeline/labelstudio.py reads back."""

from importlib import resources

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


def _region(e: dict, para: str, offset: int, n: int) -> list:
    start, end = e["start"] - offset, e["end"] - offset
    span = {"start": utf16_offset(para, start), "end": utf16_offset(para, end)}
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


def paragraph_task(doc: dict, index: int) -> dict:
    p = doc["paragraphs"][index]
    para = doc["text"][p["start"]:p["end"]]
    inside = [e for e in doc["entities"] if p["start"] <= e["start"] and e["end"] <= p["end"]]
    result = [r for n, e in enumerate(inside) for r in _region(e, para, p["start"], n)]
    return {"data": {"text": para, "id": f"{doc['doc_id']}#p{index}", "doc_id": doc["doc_id"],
                     "paragraph": index, "start": p["start"]},
            "predictions": [{"model_version": f"paradiplomacy-pipeline {__version__}", "result": result}]}


def tasks(docs) -> list:
    return [paragraph_task(doc, i) for doc in docs for i in range(len(doc["paragraphs"]))]
