"""Run the pipeline over files and folders: every input gets a line in the
manifest, a failure never stops the run, an output whose source and
pipeline are unchanged is kept, and the output folder mirrors the inputs.

After corpus.jsonl and manifest.json are written, the functions in POST_RUN
are called with the output folder: the place for writers that summarise a
whole run (the HTML review, CSV and GraphML exports). Append to it, e.g.
`runner.POST_RUN.append(write_review)`; a writer that fails is reported and
recorded in the manifest under "post_run", the documents stay."""

import hashlib
import re
import sys
from pathlib import Path

from pipeline.run.backends import BACKENDS, default_workers
from pipeline.outputs.exports import write_exports
from pipeline.run.fingerprint import pipeline_key
from pipeline.ingest.sources import IngestError, read_bytes
from pipeline.run.manifest import Journal
from pipeline.run.progress import Progress
from pipeline.outputs.review import write_review
from pipeline.run.task import Limits, Task, ok_entry
from pipeline.run.store import (document_paths, output_name, read_document, remove_stale_temporaries,
                     write_json)
from pipeline.outputs.corpus import write_corpus  # incremental: unchanged documents, corpus left alone
from pipeline.outputs.parts import document_head

# Functions out_dir -> None, called once the documents, corpus and manifest are written.
POST_RUN = [write_exports, write_review]


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


def reusable(output: Path, path: Path, sha256: str, key: str):
    """The existing output, when it was made from these bytes by this pipeline."""
    doc = document_head(output) or read_document(output)  # the head kept by the exports: no parsing
    if doc and doc["source"].get("sha256") == sha256 and doc["source"].get("path") == str(path) \
            and doc.get("pipeline", {}).get("key") == key:
        return doc
    return None


def tasks(files, ids, out_dir, key, limits, force, done):
    """A Task for each input that needs processing; inputs that cannot be read,
    or whose output is current, are reported to `done` at once."""
    for path in files:
        entry = {"path": str(path), "doc_id": ids[path]}
        try:
            data = read_bytes(path, limits.max_bytes)
        except IngestError as exc:
            done({**entry, "status": "failed", "reason": str(exc)})
            continue
        entry["sha256"] = hashlib.sha256(data).hexdigest()
        kept = None if force else reusable(out_dir / output_name(ids[path]), path, entry["sha256"], key)
        if kept:
            done({**ok_entry(entry, kept), "reused": True})
        else:
            yield Task(str(path), ids[path], data, key, limits)


def remove_orphans(out_dir: Path, current: set) -> list:
    """Document JSON of inputs that are gone, or failed this time: removed,
    so that the folder, corpus.jsonl and the manifest say the same."""
    removed = [p for p in document_paths(out_dir) if p.stem not in current and read_document(p)]
    for p in removed:
        p.unlink(missing_ok=True)
    return sorted(p.name for p in removed)


def run(paths, out_dir, workers: int = None, backend: str = "local", scheduler: str = None,
        force: bool = False, limits: Limits = Limits(), progress: bool = None) -> dict:  # noqa: B008  (frozen)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(out_dir)
    files, key = collect(paths), pipeline_key()
    ids = doc_ids(files)
    workers = workers or default_workers()
    options = {"workers": workers} if backend == "local" else {"scheduler": scheduler}
    journal = Journal(out_dir, files, pipeline_key=key, backend=backend, **options)
    bar = Progress(len(files), progress)

    def done(entry, document=None):
        if document is not None:
            write_json(out_dir / output_name(entry["doc_id"]), document)
        journal.record(entry)
        bar.update(entry)

    todo = tasks(files, ids, out_dir, key, limits, force, done)
    try:
        for result in BACKENDS[backend](todo, **options):
            done(result.entry, result.document)
    finally:
        bar.close()
    return finish(out_dir, journal)


def finish(out_dir: Path, journal: Journal) -> dict:
    ok = {e["doc_id"] for e in journal.entries.values() if e["status"] == "ok"}
    removed = remove_orphans(out_dir, ok)
    write_corpus(out_dir, map(output_name, ok))
    manifest = journal.save(complete=True, removed=removed)
    errors = post_run(out_dir)
    return journal.save(complete=True, removed=removed, post_run=errors) if errors else manifest


def post_run(out_dir: Path) -> dict:
    errors = {}
    for writer in POST_RUN:
        try:
            writer(out_dir)
        except Exception as exc:  # a summary that fails does not undo the documents
            errors[getattr(writer, "__name__", str(writer))] = f"{type(exc).__name__}: {exc}"
            print(f"post-run writer {writer!r} failed: {exc}", file=sys.stderr)
    return errors
