"""Writing outputs so that an interrupted run never leaves a half-written
file: everything goes to a temporary file first and is renamed into place
(a rename is atomic: a reader, or a run killed at any moment, sees the old
file or the new one, never part of one).

No fsync: it cost ~6 ms a file (2 s of wall time per 300 articles) and only
guards against a power cut, after which every output heals on the next run
anyway: a document is reused only when it parses and its sha256 and pipeline
key match, and the manifest and corpus.jsonl are rewritten by every run."""

import json
import os
import re
import threading
from pathlib import Path

import orjson

MANIFEST = "manifest.json"
CORPUS = "corpus.jsonl"
# One-line compact JSON by orjson: 5x faster than the json module's C encoder
# on a document (with an indent json encodes in pure Python, 4x slower still).
# Its numpy and non-string-key options keep a stray numpy float or int key
# from failing a document (json.dumps took a numpy float as a float).
ENCODE_OPTIONS = orjson.OPT_SERIALIZE_NUMPY | orjson.OPT_NON_STR_KEYS


def encode(obj) -> bytes:
    return orjson.dumps(obj, option=ENCODE_OPTIONS)


# A JSON string cannot hold a raw newline, so each newline, and the indent after it, is layout.
BREAK = re.compile(r"\n *")


TEMPORARY = ".pipeline-tmp"  # the suffix of the run's temporary files: no user's file is taken for one


def write_atomic(path: Path, text) -> None:
    """`text` is UTF-8 bytes (a document's JSON as a worker encoded it), a
    string, or an iterable of strings written one by one (a corpus of any
    size never has to fit in memory)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = temporary(path)
    try:
        if isinstance(text, bytes):
            try:
                view = memoryview(text)
                while view:
                    view = view[os.write(fd, view):]
            finally:
                os.close(fd)
        else:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                f.writelines([text] if isinstance(text, str) else text)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def temporary(path: Path) -> tuple:
    """(fd, path) of a new temporary file beside `path`, named by the process
    and thread, created with open()'s own mode under the umask (no chmod, no
    umask read: it is process-wide, and a thread writes documents). O_EXCL, as
    mkstemp: a file found there (a killed process's, or a link) is never
    written through, only removed."""
    tmp = path.with_name(f".{path.name[:100]}.{os.getpid()}-{threading.get_ident()}{TEMPORARY}")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        return os.open(tmp, flags, 0o666), tmp
    except FileExistsError:
        tmp.unlink()
        return os.open(tmp, flags, 0o666), tmp


def encoded(obj) -> bytes:
    """JSON for people, as UTF-8: each top-level key on its own line, and a
    list of objects (tokens, entities, sentences, manifest inputs) one object
    a line. Bytes are what a worker sends: pickling a string encodes it again
    and unpickling decodes it (80 µs a document), bytes are copied."""
    if not isinstance(obj, dict) or not obj:
        return encode(obj) + b"\n"
    return b"{\n " + b",\n ".join(encode(k) + b":" + _value(v) for k, v in obj.items()) + b"\n}\n"


def dumps(obj) -> str:
    return encoded(obj).decode()


def _value(value) -> bytes:
    if isinstance(value, list) and value and isinstance(value[0], dict):
        return b"[\n   " + b",\n   ".join(map(encode, value)) + b"\n ]"
    return encode(value)


def one_line(text: str) -> str:
    """A JSON file's text (as `dumps` writes it) as one line of compact JSON,
    without parsing it: its layout breaks removed."""
    return BREAK.sub("", text.rstrip("\n")) + "\n"


def write_json(path: Path, obj) -> None:
    write_atomic(path, encoded(obj))


def output_name(doc_id: str) -> str:
    """A document's file in the output folder (its stem is the doc_id)."""
    return f"{doc_id}.json"


def document_paths(out_dir: Path) -> list:
    """The document files in out_dir that the pipeline wrote (a user's JSON beside them is not one)."""
    from pipeline.run import ledger
    names = [n for n in ledger.load(out_dir) if "/" not in n and n.endswith(".json") and n != MANIFEST]
    return sorted(p for p in map(Path(out_dir).joinpath, names) if p.is_file())


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
    """Temporary files of a run that was killed mid-write (only the run's own,
    by their suffix: a user's hidden .tmp files stay)."""
    for folder in (out_dir, out_dir / "report", out_dir / "report" / "articles", out_dir / "exports"):
        for tmp in folder.glob(f".*{TEMPORARY}"):
            tmp.unlink(missing_ok=True)


def write_corpus(out_dir: Path, names) -> None:
    """corpus.jsonl, rebuilt from the document files `names` on disk (each
    checked when written or reused) so the two agree, in file name order."""
    paths = sorted(out_dir / name for name in names)
    write_atomic(out_dir / CORPUS, (one_line(p.read_text(encoding="utf-8")) for p in paths))
