"""One input's work, as a pure function: a file's name and bytes in, its
manifest entry and the document's JSON (UTF-8 bytes) out. No file system access, so the same
function runs in a local worker process or on a Dask worker elsewhere."""

import hashlib
import signal
import threading
import time
import warnings
from contextlib import contextmanager
from dataclasses import dataclass, field

from pipeline import __version__
from pipeline.ingest.containers import Unpacking
from pipeline.ingest.sources import MAX_BYTES, IngestError, IngestWarning, source_of
from pipeline.ingest.langid import describe, detect
from pipeline.run.store import encoded, output_name


@dataclass(frozen=True)
class Limits:
    max_bytes: int = MAX_BYTES       # file size, checked before reading
    max_chars: int = 2_000_000       # extracted text: ~1000 pages, far beyond an article
    seconds: float = 300.0           # wall time for one document; 0 turns it off
    unpacking: Unpacking = Unpacking()  # what a .docx, .odt or .pdf may expand to


@dataclass
class Task:
    path: str
    doc_id: str
    data: bytes = field(repr=False)
    key: str                          # fingerprint.pipeline_key() of the run
    limits: Limits = Limits()


@dataclass
class Result:
    entry: dict                       # the manifest line
    document: bytes = None            # the contract JSON as the file's UTF-8 text, when status is "ok"
    # (encoded where the document was made: a worker sends bytes, cheaper to pass
    # between processes than a dict of every token or a string, and the run's process only writes them)


class TimeLimitExceeded(Exception):
    pass


@contextmanager
def time_limit(seconds: float):
    """Interrupt the document after `seconds` (SIGALRM; Python code and the
    regex engine both notice it). Only the main thread of a process can
    receive it, so elsewhere (Dask worker threads) this does nothing."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum, frame):
        raise TimeLimitExceeded(f"time limit: not done after {seconds:g} s")
    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def extract(task: Task):
    """Source -> contract JSON, or an IngestError saying why not."""
    from pipeline.nlp.document import process
    from pipeline.serialize import document_json
    source = source_of(task.path, task.data, task.limits.unpacking)
    if len(source.text) > task.limits.max_chars:
        raise IngestError(f"too long: {len(source.text):,} characters, the limit is {task.limits.max_chars:,}")
    language = detect(source.text)
    if language != "ru":
        raise SkippedLanguage(describe(language), language)
    document = document_json(process(source, task.doc_id))
    document["pipeline"] = {"version": __version__, "key": task.key}
    return source, document


def ok_entry(entry: dict, document: dict) -> dict:
    """The manifest line of an input whose document is `document`, new or kept."""
    chars = len(document["text"]) if "text" in document else document["stats"]["chars"]  # a kept head: no text
    return {**entry, "status": "ok", "output": output_name(document["doc_id"]),
            "format": document["source"]["format"], "chars": chars}


class SkippedLanguage(IngestError):
    def __init__(self, reason, language):
        super().__init__(reason)
        self.language = language


def run_task(task: Task) -> Result:
    started = time.perf_counter()
    entry = {"path": task.path, "doc_id": task.doc_id, "sha256": hashlib.sha256(task.data).hexdigest()}
    document = None
    try:
        with time_limit(task.limits.seconds), warnings.catch_warnings(record=True) as warned:
            warnings.simplefilter("always", IngestWarning)
            source, document = extract(task)
        entry = ok_entry(entry, document)
        notes = [str(w.message) for w in warned if issubclass(w.category, IngestWarning)]
        if (damaged := source.text.count("\ufffd")):
            notes.append(f"{damaged} undecodable byte sequence(s) replaced by U+FFFD")
        if notes:
            entry["warning"] = "; ".join(notes)
    except SkippedLanguage as exc:
        entry.update(status="skipped", reason=str(exc), language=exc.language)
    except (IngestError, TimeLimitExceeded) as exc:
        entry.update(status="failed", reason=str(exc))
    except Exception as exc:  # one broken file never stops a run
        entry.update(status="failed", reason=f"error: {type(exc).__name__}: {exc}")
    entry["seconds"] = round(time.perf_counter() - started, 3)
    return Result(entry, None if document is None else encoded(document))
