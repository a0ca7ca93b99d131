"""The run's manifest: every input with its status and reason, saved
atomically while the run goes on (at most once a second) and at its end, so
an interrupted run leaves a readable manifest that says `"complete": false`."""

import time
from datetime import datetime, timezone
from pathlib import Path

from pipeline import SCHEMA_VERSION, __version__
from pipeline.run.store import MANIFEST, write_json

STATUSES = ("ok", "failed", "skipped")
SAVE_EVERY = 1.0  # seconds


class Journal:
    def __init__(self, out_dir: Path, order: list, **header):
        self.path = Path(out_dir) / MANIFEST
        self.order = {str(p): i for i, p in enumerate(order)}
        self.header = {"schema_version": SCHEMA_VERSION, "pipeline_version": __version__, **header,
                       "started": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        self.entries, self.clock, self.saved = {}, time.perf_counter(), 0.0

    def record(self, entry: dict) -> None:
        self.entries[entry["path"]] = entry
        if time.perf_counter() - self.saved > SAVE_EVERY:
            self.save(complete=False)

    def counts(self) -> dict:
        values = list(self.entries.values())
        counts = {"inputs": len(self.order), **{s: sum(e["status"] == s for e in values) for s in STATUSES}}
        counts["reused"] = sum(bool(e.get("reused")) for e in values)
        counts["added"] = counts["ok"] - counts["reused"]  # new or changed, processed this time
        counts["stale"] = sum(bool(e.get("stale")) for e in values)
        return counts

    def manifest(self, complete: bool, **extra) -> dict:
        inputs = sorted(self.entries.values(), key=lambda e: self.order.get(e["path"], len(self.order)))
        counts = self.counts()
        counts.update({name: len(extra[name]) for name in ("kept", "pruned") if name in extra})
        return {**self.header, "complete": complete, "seconds": round(time.perf_counter() - self.clock, 3),
                "counts": counts, **extra, "inputs": inputs}

    def save(self, complete: bool, **extra) -> dict:
        manifest = self.manifest(complete, **extra)
        write_json(self.path, manifest)
        self.saved = time.perf_counter()
        return manifest
