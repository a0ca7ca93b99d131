"""Writing outputs so that an interrupted run never leaves a half-written
file: everything goes to a temporary file first and is renamed into place
(a rename is atomic: a reader, or a run killed at any moment, sees the old
file or the new one, never part of one)."""

import json
import os
import tempfile
from pathlib import Path

MANIFEST = "manifest.json"
CORPUS = "corpus.jsonl"


def write_atomic(path: Path, text) -> None:
    """`text` is a string, or an iterable of strings written one by one (a
    corpus of any size never has to fit in memory)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.writelines([text] if isinstance(text, str) else text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1) + "\n"


def write_json(path: Path, obj) -> None:
    write_atomic(path, dumps(obj))


def output_name(doc_id: str) -> str:
    """A document's file in the output folder (its stem is the doc_id)."""
    return f"{doc_id}.json"


def document_paths(out_dir: Path) -> list:
    return sorted(p for p in out_dir.glob("*.json") if p.name != MANIFEST)


def read_document(path: Path):
    """The document JSON at `path`, or None when it is absent, unreadable or
    another kind of JSON (an export beside the documents)."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    is_document = isinstance(doc, dict) and doc.get("doc_id") == path.stem and "source" in doc
    return doc if is_document else None


def remove_stale_temporaries(out_dir: Path) -> None:
    """Temporary files of a run that was killed mid-write."""
    for tmp in out_dir.glob(".*.tmp"):
        tmp.unlink(missing_ok=True)


def write_corpus(out_dir: Path) -> int:
    """corpus.jsonl, rebuilt from the JSON files on disk so the two agree."""
    count = 0

    def lines():
        nonlocal count
        for doc in filter(None, map(read_document, document_paths(out_dir))):
            count += 1
            yield json.dumps(doc, ensure_ascii=False) + "\n"
    write_atomic(out_dir / CORPUS, lines())
    return count
