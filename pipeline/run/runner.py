"""Run the pipeline over files and folders: every input gets a line in the
manifest, a failure never stops the run, an output whose source and
pipeline are unchanged is kept, and nothing is deleted unless asked.

The output folder holds the run's own files (recorded in its ledger) beside
whatever else the user keeps there; a run replaces or deletes only its own.
Outputs of inputs not given this time are kept (`prune=True` removes them);
an input that fails keeps its last good output, marked stale. One run at a
time holds the folder (its lock).

After corpus.jsonl and manifest.json are written, the functions in POST_RUN
are called with the output folder: the place for writers that summarise a
whole run (the HTML review, CSV and GraphML exports). Append to it, e.g.
`runner.POST_RUN.append(write_review)`; a writer that fails is reported and
recorded in the manifest under "post_run", the documents stay."""

import hashlib
import os
import sys
from itertools import chain, islice
from pathlib import Path

from pipeline.ingest.files import NoSuchPath, find
from pipeline.ingest.sources import IngestError, read_bytes
from pipeline.outputs.exports import write_exports
from pipeline.outputs.review import REPORT, write_review
from pipeline.outputs.review.index import page_name
from pipeline.run import ledger, lock
from pipeline.run.backends import BACKENDS, default_workers, one_task, runs_here
from pipeline.run.behind import behind
from pipeline.run.fingerprint import pipeline_key
from pipeline.run.manifest import Journal
from pipeline.run.names import doc_ids
from pipeline.run.progress import Progress
from pipeline.run.store import (MANIFEST, document_paths, output_name, read_document, remove_stale_temporaries,
                                write_atomic)
from pipeline.run.task import Limits, Task, ok_entry
from pipeline.outputs.corpus import write_corpus  # incremental: unchanged documents, corpus left alone
from pipeline.outputs.parts import document_head

# Functions out_dir -> None, called once the documents, corpus and manifest are written.
POST_RUN = [write_exports, write_review]


class RunError(Exception):
    """The run cannot start (no such input, OUT unusable or busy); the message is one line."""


class Interrupted(Exception):
    def __init__(self, done: int, total: int):
        super().__init__(f"interrupted after {done} of {total}; run the same command again to resume")
        self.done, self.total = done, total


def shown(path) -> str:
    """A path as text that can be written as UTF-8 (a name in another encoding shows U+FFFD)."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def collect(paths, out_dir: Path, run_files=frozenset()) -> tuple[list, list]:
    """(regular files to read, (path, reason) of what is not read), the output folder left out."""
    return find(paths, out_dir, run_files)


def prepare(out_dir: Path) -> None:
    """OUT is a folder the run can write, found out before anything is loaded."""
    if out_dir.exists() and not out_dir.is_dir():
        raise RunError(f"--out {out_dir}: is a file, not a folder")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        probe = out_dir / f".pipeline-probe-{os.getpid()}"
        probe.touch()
        probe.unlink()
    except OSError as exc:
        raise RunError(f"--out {out_dir}: cannot write there ({exc.strerror or exc})") from None


def reusable(output: Path, path: str, sha256: str, key: str):
    """The existing output, when it was made from these bytes by this pipeline."""
    doc = document_head(output) or read_document(output)  # the head kept by the exports: no parsing
    if doc and doc["source"].get("sha256") == sha256 and doc["source"].get("path") == path \
            and doc.get("pipeline", {}).get("key") == key:
        return doc
    return None


def tasks(files, ids, out_dir, key, limits, force, done):
    """A Task for each input that needs processing; inputs that cannot be read,
    or whose output is current, are reported to `done` at once."""
    for path in files:
        entry = {"path": shown(path), "doc_id": ids[path]}
        try:
            data = read_bytes(path, limits.max_bytes)
        except IngestError as exc:
            done({**entry, "status": "failed", "reason": str(exc)})
            continue
        entry["sha256"] = hashlib.sha256(data).hexdigest()
        kept = None if force else reusable(out_dir / output_name(ids[path]), entry["path"], entry["sha256"], key)
        if kept:
            done({**ok_entry(entry, kept), "reused": True})
        else:
            yield Task(entry["path"], ids[path], data, key, limits)


def foreign_stems(out_dir: Path, owned: dict) -> set:
    """Stems of the .json files in OUT that the run did not write: no output may take one."""
    return {p.stem.casefold() for p in out_dir.glob("*.json") if p.name not in owned}


def previous_ids(files: list, owned: dict) -> dict:
    """input path -> the doc_id of the output an earlier run wrote for it."""
    by_source = {source: name[:-len(".json")] for name, source in owned.items()
                 if "/" not in name and name.endswith(".json") and name != MANIFEST}
    return {f: by_source[shown(f)] for f in files if shown(f) in by_source}


def relative_paths(files: list, roots) -> dict:
    """Each file's path below the input folder it was found in (a file named
    itself: its name), so its name's hash does not depend on where that folder is."""
    folders = [Path(r) for r in roots if Path(r).is_dir()]
    relative = {}
    for f in files:
        under = [d for d in folders if d in f.parents]
        relative[f] = f.relative_to(max(under, key=lambda d: len(d.parts))).as_posix() if under else f.name
    return relative


def run(paths, out_dir, workers: int = None, backend: str = "local", scheduler: str = None,
        force: bool = False, limits: Limits = Limits(), progress: bool = None, prune: bool = False,  # noqa: B008  (frozen)
        max_memory: int = None) -> dict:
    out_dir = Path(out_dir)
    for path in paths:
        if not os.path.lexists(path):
            raise RunError(f"no such file or folder: {path}")
    prepare(out_dir)
    try:
        held = lock.acquire(out_dir)
    except lock.Busy as exc:
        raise RunError(str(exc)) from None
    try:
        return _run(paths, out_dir, workers, backend, scheduler, force, limits, progress, prune, max_memory)
    finally:
        lock.release(held)


def _run(paths, out_dir, workers, backend, scheduler, force, limits, progress, prune, max_memory) -> dict:
    remove_stale_temporaries(out_dir)
    owned = ledger.load(out_dir)
    try:
        files, refused = collect(paths, out_dir, set(owned))
    except NoSuchPath as exc:
        raise RunError(str(exc)) from None
    key = pipeline_key()
    ids = doc_ids(files, foreign_stems(out_dir, owned), previous_ids(files, owned), relative_paths(files, paths))
    workers = workers or default_workers()
    options = {"workers": workers} if backend == "local" else {"scheduler": scheduler}
    journal = Journal(out_dir, [shown(f) for f in files + [p for p, _ in refused]],
                      pipeline_key=key, backend=backend, **options)
    bar = Progress(len(files) + len(refused), progress)
    # The ledger is held open while documents are written: one write a record.
    with ledger.Appender(out_dir) as written_ahead:
        written = {}  # output name -> input path, this run

        def done(entry, document=None):
            if document is not None:
                name = output_name(entry["doc_id"])
                if written.setdefault(name, entry["path"]) != entry["path"]:  # never reached: names are unique
                    entry = {**entry, "status": "failed", "reason": f"output name {name} already written this run"}
                else:
                    written_ahead.record([name], source=entry["path"])
                    write_atomic(out_dir / name, document)  # the JSON's UTF-8 bytes, encoded by the task
            journal.record(entry)
            bar.update(entry)

        if backend == "local":
            options["max_memory"] = max_memory
        here = backend == "local" and runs_here(workers, max_memory)
        try:
            # Documents made in this process are written behind it, while it makes the next.
            with behind(done, threaded=here) as report:
                for path, reason in refused:
                    report({"path": shown(path), "doc_id": None, "status": "skipped", "reason": reason})
                collect_results(tasks(files, ids, out_dir, key, limits, force, report), backend, options, report)
        except KeyboardInterrupt:
            journal.save(complete=False)  # every result received is written and recorded by now
            raise Interrupted(len(journal.entries), len(journal.order)) from None
        finally:
            bar.close()
    return finish(out_dir, journal, prune)


def collect_results(todo, backend: str, options: dict, done) -> None:
    results = None
    try:
        results = start(todo, backend, options)
        for result in results:
            done(result.entry, result.document)
    finally:
        if results is not None:
            results.close()  # the workers are stopped at once, whatever ended the loop


def start(todo, backend: str, options: dict):
    """The backend's results for the tasks of `todo`. The first two tasks are
    looked at before anything starts: with none to do (a rerun that reuses
    every output), no backend starts and no model is loaded; with one, a local
    run does it in one worker rather than a pool of workers that each get
    ready for a single document (a memory limit keeps the pool, which watches it)."""
    todo = iter(todo)
    first = list(islice(todo, 2))
    if not first:
        return (result for result in ())
    if len(first) == 1 and backend == "local" and options["workers"] > 1 and not options.get("max_memory"):
        return one_task(first[0])
    return BACKENDS[backend](chain(first, todo), **options)


def mark_stale(out_dir: Path, journal: Journal) -> None:
    """An input that failed or was skipped this time keeps its last good output, marked stale."""
    owned = ledger.load(out_dir)
    for entry in journal.entries.values():
        if entry["status"] == "ok" or not entry.get("doc_id"):
            continue
        name = output_name(entry["doc_id"])
        doc = read_document(out_dir / name) if name in owned else None
        if doc is not None and doc["source"].get("path") == entry["path"]:
            entry.update(output=name, stale=True)


def finish(out_dir: Path, journal: Journal, prune: bool = False) -> dict:
    mark_stale(out_dir, journal)
    current = {e["output"] for e in journal.entries.values() if e.get("output")}
    owned = ledger.load(out_dir)
    others = [p.name for p in document_paths(out_dir) if p.name not in current]
    # An input given again under a new name (another input now shares its old
    # one): its old output is superseded, not kept as if its input were gone.
    renamed = {e["path"]: e["output"] for e in journal.entries.values() if e.get("output")}
    superseded = {n: renamed[owned[n]] for n in others if owned.get(n) in renamed}
    ledger.remove(out_dir, list(superseded) + [f"{REPORT}/{page_name(Path(n).stem)}" for n in superseded])
    others = [n for n in others if n not in superseded]
    pruned, kept = [], []
    if prune:
        pruned = ledger.remove(out_dir, others)
        ledger.remove(out_dir, [f"{REPORT}/{page_name(Path(n).stem)}" for n in pruned])
    else:
        kept = [{"output": n, "path": owned.get(n)} for n in others]
    write_corpus(out_dir, sorted(current | {k["output"] for k in kept}))
    summary = {"kept": kept, "pruned": pruned, **({"renamed": superseded} if superseded else {})}
    manifest = journal.save(complete=True, **summary)
    errors = post_run(out_dir)
    ledger.compact(out_dir)
    return journal.save(complete=True, **summary, post_run=errors) if errors else manifest


def post_run(out_dir: Path) -> dict:
    errors = {}
    for writer in POST_RUN:
        try:
            writer(out_dir)
        except Exception as exc:  # a summary that fails does not undo the documents
            errors[getattr(writer, "__name__", str(writer))] = f"{type(exc).__name__}: {exc}"
            print(f"post-run writer {writer!r} failed: {exc}", file=sys.stderr)
    return errors


__all__ = ["run", "Limits", "RunError", "Interrupted", "POST_RUN", "MANIFEST"]
