"""Run the pipeline over files and folders: every input gets a line in the
manifest, a failure never stops the run."""

import re
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

from . import SCHEMA_VERSION, __version__
from .document import process
from .ingest import IngestError, read_source
from .serialize import document_json
from .writer import MANIFEST, write_corpus, write_json


def collect(paths) -> list:
    """Files named, and every non-hidden file below the folders named, sorted."""
    found = []
    for p in map(Path, paths):
        if p.is_dir():
            found += [f for f in sorted(p.rglob("*")) if f.is_file() and not _hidden(f, p)]
        else:
            found.append(p)
    return list(dict.fromkeys(found))


def _hidden(f: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in f.relative_to(root).parts)


def slug(text: str) -> str:
    return re.sub(r"[^\w]+", "-", text.lower()).strip("-") or "doc"


def doc_ids(files: list) -> dict:
    """Stable ids from file names; names that collide use the whole path."""
    by_stem = {}
    for f in files:
        by_stem.setdefault(slug(f.stem), []).append(f)
    ids = {}
    for stem, group in by_stem.items():
        for f in group:
            ids[f] = stem if len(group) == 1 else slug(str(f.with_suffix("")) + "-" + f.suffix[1:])
    return ids


def process_file(path: Path, doc_id: str, out_dir: Path) -> dict:
    started = time.perf_counter()
    entry = {"path": str(path), "doc_id": doc_id}
    try:
        record = process(read_source(path), doc_id)
        write_json(out_dir / f"{doc_id}.json", document_json(record))
        entry.update(status="ok", output=f"{doc_id}.json", sha256=record.source.sha256)
    except IngestError as exc:
        entry.update(status="failed", reason=str(exc))
    except Exception as exc:  # one broken file never stops a run
        entry.update(status="failed", reason=f"{type(exc).__name__}: {exc}")
    entry["seconds"] = round(time.perf_counter() - started, 3)
    if entry["status"] == "failed":
        print(f"failed: {path}: {entry['reason']}", file=sys.stderr)
    return entry


def run(paths, out_dir) -> dict:
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    started, clock = datetime.now(timezone.utc), time.perf_counter()
    files = collect(paths)
    ids = doc_ids(files)
    entries = [process_file(f, ids[f], out_dir) for f in files]
    write_corpus(out_dir)
    manifest = {
        "schema_version": SCHEMA_VERSION,
        "pipeline_version": __version__,
        "started": started.isoformat(timespec="seconds"),
        "seconds": round(time.perf_counter() - clock, 3),
        "counts": {"inputs": len(entries), "ok": sum(e["status"] == "ok" for e in entries),
                   "failed": sum(e["status"] == "failed" for e in entries)},
        "inputs": entries,
    }
    write_json(out_dir / MANIFEST, manifest)
    return manifest
