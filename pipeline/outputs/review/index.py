"""What the index shows: one row per article, the run's failures, the run."""

from collections import Counter

from pipeline.outputs.reading import distinct_entities, title

TOP_DIRECTIONS = 3
# Index columns: (heading, label, kind or None for every kind).
COUNTS = [("regions", "LOC", "region"), ("organisations", "ORG", None),
          ("persons", "PER", None), ("dates", "DATE", None)]


def counts(doc: dict) -> dict:
    """Distinct entities per column (the same entity mentioned twice counts once)."""
    seen = Counter((g["label"], g["kind"]) for g in distinct_entities(doc))
    return {name: sum(n for (label, k), n in seen.items() if label == want and kind in (None, k))
            for name, want, kind in COUNTS}


def article_row(doc: dict) -> dict:
    stats = doc.get("stats", {})
    return {"doc_id": doc["doc_id"], "title": title(doc), "page": page_name(doc["doc_id"]),
            "chars": stats.get("chars", len(doc["text"])), "sentences": stats.get("sentences", len(doc["sentences"])),
            "directions": doc.get("directions", [])[:TOP_DIRECTIONS], "counts": counts(doc)}


def failures(manifest: dict) -> list:
    return [e for e in manifest.get("inputs", []) if e.get("status") == "failed"]


def page_name(doc_id: str) -> str:
    return f"articles/{doc_id}.html"


def index_context(docs: list, manifest: dict, pictures: dict) -> dict:
    return {"rows": [article_row(d) for d in docs], "failures": failures(manifest), "manifest": manifest,
            "columns": [name for name, _, _ in COUNTS], "pictures": pictures}
