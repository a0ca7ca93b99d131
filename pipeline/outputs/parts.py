"""Each document's share of the run's tables, kept between runs so that the
work after a run grows with what changed, not with the corpus.

OUT/exports/.parts.sqlite holds, per document JSON file and per table, the
rows that document contributes, stamped with the file's size, mtime and inode (a
document rewritten by a run gets a new stamp; a reused one keeps its own).
`update` reads, once, only the files whose stamp changed; the exports are
then written by streaming the rows back in file name order, so memory does
not depend on the number of documents.

A part is a function doc -> list of rows (PARTS); a change to the code that
makes the rows changes CODE_STAMP and drops every stored part."""

import hashlib
import json
import sqlite3
from pathlib import Path

from pipeline.run.store import document_paths, read_document

STORE = ".parts.sqlite"
BATCH = 200  # documents per transaction: fewer commits, a bounded batch in memory
# The modules whose code shapes the rows: stored rows made by other code are rebuilt.
ROW_MODULES = ("parts.py", "analysis.py", "reading.py", "exports/tables.py", "exports/ties.py",
               "review/summary.py", "review/actors.py", "review/ties.py", "review/corpus.py")


def _code_stamp() -> str:
    here = Path(__file__).parent
    digest = hashlib.sha256()
    for name in ROW_MODULES:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:16]


def stamp(path: Path) -> str:
    """Size, mtime and inode: outputs are replaced by a rename, so a rewritten
    file has a new inode even within the file system's clock resolution."""
    st = path.stat()
    return f"{st.st_size}:{st.st_mtime_ns}:{st.st_ino}"


def file_stamps(paths) -> dict:
    """file name -> stamp, for the files of `paths` that exist."""
    stamps = {}
    for p in paths:
        try:
            stamps[p.name] = stamp(p)
        except FileNotFoundError:
            pass
    return stamps


def signature_of(stamps: dict) -> str:
    """Changes whenever a file is added, removed or rewritten (`file_stamps`: a stat each, no reading)."""
    return hashlib.sha256(json.dumps(sorted(stamps.items())).encode()).hexdigest()[:16]


class Parts:
    """The stored rows of one output folder; `parts` maps a table name to a
    function doc -> rows (lists, in the table's column order)."""

    def __init__(self, out_dir, parts: dict, folder: str = "exports"):
        self.out_dir = Path(out_dir)
        self.parts = parts
        path = self.out_dir / folder / STORE
        path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path)
        self.db.executescript(
            "CREATE TABLE IF NOT EXISTS part (file TEXT, tbl TEXT, stamp TEXT, rows TEXT, PRIMARY KEY (file, tbl));"
            "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);")
        self.read = 0  # document files read by the last update

    def close(self):
        self.db.close()

    def _meta(self, key: str):
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row and row[0]

    def _set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def update(self, paths=None) -> str:
        """Bring the stored rows in line with the document files `paths`
        (default: every document in the folder); returns a signature of the
        set of documents, which changes whenever any of them does."""
        # sorted as strings: 5x faster than Path objects
        paths = sorted(paths if paths is not None else document_paths(self.out_dir), key=str)
        code = _code_stamp()
        if self._meta("code") != code or set(self._tables()) != set(self.parts):
            self.db.execute("DELETE FROM part")
            self._set_meta("code", code)
        stored = dict(self.db.execute("SELECT file, stamp FROM part GROUP BY file"))
        current = file_stamps(paths)
        gone = [(name,) for name in stored if name not in current]
        self.db.executemany("DELETE FROM part WHERE file = ?", gone)
        changed = [p for p in paths if p.name in current and stored.get(p.name) != current[p.name]]
        self.read = 0
        for i in range(0, len(changed), BATCH):
            self._store(changed[i:i + BATCH], current)
        self.db.commit()
        return f"{signature_of(current)}-{code}"

    def _tables(self) -> list:
        return [t for t, in self.db.execute("SELECT DISTINCT tbl FROM part")] or list(self.parts)

    def _store(self, paths: list, stamps: dict) -> None:
        rows = []
        for path in paths:
            doc = read_document(path)  # None for JSON that is not a document: no rows, stamp remembered
            self.read += 1
            for table, part in self.parts.items():
                made = part(doc) if doc is not None else []
                rows.append((path.name, table, stamps[path.name], json.dumps(made, ensure_ascii=False)))
        self.db.executemany("INSERT OR REPLACE INTO part VALUES (?, ?, ?, ?)", rows)
        self.db.commit()

    def rows(self, table: str):
        """The table's rows, document by document in file name order, streamed."""
        for (text,) in self.db.execute("SELECT rows FROM part WHERE tbl = ? ORDER BY file", (table,)):
            yield from json.loads(text)

    def entries(self, table: str):
        """(file name, its stamp, its rows) of every document, in file name order, streamed."""
        query = "SELECT file, stamp, rows FROM part WHERE tbl = ? ORDER BY file"
        for file, file_stamp, text in self.db.execute(query, (table,)):
            yield file, file_stamp, json.loads(text)

    def has_rows(self, table: str) -> bool:
        """Does any document give the table a row?"""
        return self.db.execute("SELECT 1 FROM part WHERE tbl = ? AND rows != '[]' LIMIT 1", (table,)).fetchone() \
            is not None

    def written(self, name: str, signature: str, target: Path) -> bool:
        """Was `target` written from this very set of documents, and is it still there unchanged?"""
        return target.exists() and self._meta(f"written:{name}") == f"{signature}/{stamp(target)}"

    def intact(self, name: str, target: Path) -> bool:
        """Is `target` as it was when last written (whatever it was written from)?"""
        mark = self._meta(f"written:{name}")
        return bool(mark) and target.exists() and mark.rsplit("/", 1)[1] == stamp(target)

    def mark_written(self, name: str, signature: str, target: Path, lines=None) -> None:
        """`lines`: what each line of `target` was made from, kept for the next write (lines())."""
        self._set_meta(f"written:{name}", f"{signature}/{stamp(target)}")
        if lines is not None:
            self._set_meta(f"lines:{name}", json.dumps(lines, ensure_ascii=False))
        self.db.commit()

    def lines(self, name: str) -> list:
        return json.loads(self._meta(f"lines:{name}") or "[]")


_heads = {}  # store path -> (its stamp, {file name: (stamp, head)})


def document_head(path: Path):
    """The head part (analysis.head_rows) of the document file at `path`
    when the store holds it for the file as it is now, else None: the reuse
    check of a rerun reads this instead of parsing every document."""
    path = Path(path)
    store = path.parent / "exports" / STORE
    try:
        now, current = stamp(store), stamp(path)
    except FileNotFoundError:
        return None
    if _heads.get(store, (None,))[0] != now:
        db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
        try:
            rows = db.execute("SELECT file, stamp, rows FROM part WHERE tbl = 'head'").fetchall()
        finally:
            db.close()
        _heads[store] = (now, {file: (st, text) for file, st, text in rows})
    found = _heads[store][1].get(path.name)
    if found is None or found[0] != current:
        return None
    heads = json.loads(found[1])
    return heads[0] if heads else None
