"""Writing outputs so that an interrupted run never leaves a half-written
file: everything goes to a temporary file first and is renamed into place."""

import json
import os
import tempfile
from pathlib import Path

MANIFEST = "manifest.json"
CORPUS = "corpus.jsonl"


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
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


def document_paths(out_dir: Path) -> list:
    return sorted(p for p in out_dir.glob("*.json") if p.name != MANIFEST)


def write_corpus(out_dir: Path) -> int:
    """corpus.jsonl, rebuilt from the JSON files on disk so the two agree."""
    lines = [json.dumps(json.loads(p.read_text(encoding="utf-8")), ensure_ascii=False)
             for p in document_paths(out_dir)]
    write_atomic(out_dir / CORPUS, "".join(line + "\n" for line in lines))
    return len(lines)
