"""The record of the files a run wrote in its output folder, so that a run
deletes or replaces only its own files, never a user's.

OUT/.pipeline-ledger.jsonl is append-only, one JSON object a line:
{"wrote": "x.json", "source": "in/x.txt"} before a file is written (written
ahead: a run killed between the two lines leaves a name recorded for a file
that may not exist, never a file of ours unrecorded) and {"removed": "x.json"}
after a file is deleted. Paths are relative to OUT, with "/". Each run ends by
rewriting it compactly.

A folder written before the ledger existed is adopted from its manifest.json:
the documents it lists as outputs, and their review pages."""

import json
import os
from pathlib import Path

LEDGER = ".pipeline-ledger.jsonl"


def _path(out_dir) -> Path:
    return Path(out_dir) / LEDGER


def load(out_dir) -> dict:
    """relative path -> source path (or None) of every file the pipeline wrote and still owns."""
    path = _path(out_dir)
    if not path.exists():
        return _adopted(Path(out_dir))
    owned = {}
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            try:
                record = json.loads(line)
            except ValueError:  # a line cut short by a kill: the one after it is whole
                continue
            if not isinstance(record, dict):
                continue
            if isinstance(record.get("wrote"), str):
                owned[record["wrote"]] = record.get("source")
            elif isinstance(record.get("removed"), str):
                owned.pop(record["removed"], None)
    return owned


def _adopted(out_dir: Path) -> dict:
    from pipeline.run.store import MANIFEST, read_document
    try:
        manifest = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        inputs = [e for e in manifest.get("inputs", []) if isinstance(e, dict) and isinstance(e.get("output"), str)]
    except (OSError, ValueError, AttributeError):
        return {}
    owned = {}
    for entry in inputs:
        doc = read_document(out_dir / entry["output"]) if "/" not in entry["output"] else None
        if doc is not None:
            owned[entry["output"]] = entry.get("path")
            owned[f"report/articles/{doc['doc_id']}.html"] = entry.get("path")
    return owned


def record(out_dir, names, source=None) -> None:
    """Note, before writing them, that the run writes `names` (paths relative to out_dir)."""
    _append(out_dir, [{"wrote": name, "source": source} for name in names])


def remove(out_dir, names) -> list:
    """Delete those of `names` the pipeline wrote; returns the ones deleted."""
    owned, out_dir = load(out_dir), Path(out_dir)
    removed = [n for n in names if n in owned]
    for name in removed:
        (out_dir / name).unlink(missing_ok=True)
    _append(out_dir, [{"removed": name} for name in removed])
    return removed


def compact(out_dir) -> None:
    from pipeline.run.store import write_atomic
    owned = load(out_dir)
    write_atomic(_path(out_dir), "".join(json.dumps({"wrote": n, "source": s}) + "\n"
                                         for n, s in sorted(owned.items())))


def _append(out_dir, records: list) -> None:
    if records:
        with Appender(out_dir) as ledger:
            ledger.write(records)


class Appender:
    """The ledger held open while a run writes many files: a record is then
    one write, where opening it for each (and reading its last byte) took
    ~0.1 ms a document in the run's process. Opening it creates it; a folder
    without one first records what it adopted."""

    def __init__(self, out_dir):
        path = _path(out_dir)
        adopted = [] if path.exists() else [{"wrote": n, "source": s} for n, s in _adopted(Path(out_dir)).items()]
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
        self.cut = os.fstat(self.fd).st_size > 0 and _last_byte(path) != b"\n"  # a line cut short by a kill
        self.write(adopted)

    def record(self, names, source=None) -> None:
        """As the module's `record()`, with the ledger open."""
        self.write([{"wrote": name, "source": source} for name in names])

    def write(self, records: list) -> None:
        if not records:
            return
        data = "".join(json.dumps(r) + "\n" for r in records).encode("ascii")
        if self.cut:  # the cut line stays alone
            data, self.cut = b"\n" + data, False
        while data:
            data = data[os.write(self.fd, data):]

    def close(self) -> None:
        os.close(self.fd)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _last_byte(path: Path) -> bytes:
    with open(path, "rb") as f:
        f.seek(-1, os.SEEK_END)
        return f.read(1)
