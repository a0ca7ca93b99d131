"""Reading a run's output folder back (the contract JSON files and the
manifest), and the few views of it that the exports and the review site share."""

import json
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pipeline.run.store import MANIFEST, document_paths, read_document

NETWORK_LABELS = ("LOC", "ORG", "PER")
# The bulk of a document's JSON that no export or page reads: left out on
# loading, the corpus held in memory is several times smaller.
UNREAD = ("tokens", "source_map")


def light(doc: dict) -> dict:
    for key in UNREAD:
        doc.pop(key, None)
    return doc


def load_documents(out_dir) -> list:
    """Every document JSON of the run, in doc_id order, without its tokens
    and source map; other JSON files are skipped."""
    docs = filter(None, map(read_document, document_paths(Path(out_dir))))
    return sorted(map(light, docs), key=lambda d: d["doc_id"])


def load_manifest(out_dir) -> dict:
    path = Path(out_dir) / MANIFEST
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


@lru_cache(maxsize=None)
def direction_labels() -> tuple:
    """The label set, read from the published schema so it is written down once."""
    schema = json.loads(resources.files("pipeline").joinpath("schema", "output.schema.json").read_text())
    return tuple(schema["$defs"]["label"]["enum"])


def title(doc: dict) -> str:
    """The first non-empty line, without Markdown heading marks."""
    for line in doc["text"].splitlines():
        if line.strip():
            return line.strip().lstrip("#").strip()
    return doc["doc_id"]


def sentence_text(doc: dict, index) -> str:
    if index is None or not 0 <= index < len(doc["sentences"]):
        return ""
    s = doc["sentences"][index]
    return doc["text"][s["start"]:s["end"]]


def normal(e: dict) -> str:
    return e.get("normal") or e["text"]


def _most_common(values):
    counted = Counter(v for v in values if v is not None)
    return counted.most_common(1)[0][0] if counted else None


def distinct_entities(doc: dict) -> list:
    """One group per (label, normal) in order of first mention: evaluations
    count entities this way (entities.md, rule 1)."""
    groups = {}
    for i, e in enumerate(doc["entities"]):
        groups.setdefault((e["label"], normal(e)), []).append(i)
    return [{"label": label, "normal": norm, "mentions": idx,
             "kind": _most_common(doc["entities"][i].get("kind") for i in idx),
             "id": _most_common(doc["entities"][i].get("id") for i in idx),
             "governs": _most_common(doc["entities"][i].get("governs") for i in idx)}
            for (label, norm), idx in groups.items()]


def node_key(e: dict) -> str:
    """A place's canonical identity is its id; without one, label and normal."""
    return e.get("id") or f"{e['label']}:{normal(e)}"


def corpus_nodes(docs, keep) -> dict:
    """node_key -> {"first": its first mention, "names": Counter of its normals
    (one per mention), "docs": ids of the documents naming it}, over the
    mentions keep() accepts, in order of first mention."""
    nodes = {}
    for doc in docs:
        for e in (e for e in doc["entities"] if keep(e)):
            node = nodes.setdefault(node_key(e), {"first": e, "names": Counter(), "docs": set()})
            node["names"][normal(e)] += 1
            node["docs"].add(doc["doc_id"])
    return nodes


def direction_scores(doc: dict) -> dict:
    """label -> the document's score, for every label, 0 where it is absent."""
    scores = {d["label"]: d["score"] for d in doc.get("directions", [])}
    return {label: scores.get(label, 0) for label in direction_labels()}


def label_scores(doc: dict) -> dict:
    """label -> the document's raw score for every label, assigned or not
    (`direction_scores` of the JSON); outputs without it give their
    assigned scores and 0 elsewhere."""
    raw = doc.get("direction_scores") or {}
    return {label: raw.get(label, score) for label, score in direction_scores(doc).items()}
