"""Read an article file into a `Source`: bytes -> decoded text, with its
format and encoding recorded. Readers of other formats live in `formats.py`;
READERS, at the end, is the one table of the formats read."""

import errno
import hashlib
import os
import stat
from pathlib import Path

from pipeline.ingest import containers, formats
from pipeline.ingest.decoding import IngestError, IngestWarning, decode, read_text  # noqa: F401  (importers read them here)
from pipeline.ingest.metadata import file_metadata
from pipeline.records import Source

MAX_BYTES = 20 * 2**20  # an article, even a PDF with figures, is far smaller

# suffix -> (format name, reader: bytes -> (text, encoding or None))
READERS = {
    ".txt": ("txt", read_text), ".md": ("md", read_text),
    ".html": ("html", formats.read_html), ".htm": ("html", formats.read_html), ".xhtml": ("html", formats.read_html),
    ".docx": ("docx", formats.read_docx), ".pdf": ("pdf", formats.read_pdf),
    ".odt": ("odt", formats.read_odt), ".rtf": ("rtf", formats.read_rtf),
}


def read_bytes(path, max_bytes: int = MAX_BYTES) -> bytes:
    """The file's bytes, refusing anything but a regular file, and files over
    the size limit, before reading them. Opened without blocking, so a FIFO
    put where a file was listed cannot hang the run; read no further than
    the limit, so a file that grows while it is read cannot exhaust memory."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError as exc:
        dangling = os.path.islink(path) and "dangling symlink: its target does not exist"
        raise IngestError(dangling or "file not found: it disappeared before it was read") from exc
    except OSError as exc:
        raise IngestError(refusal(path) or f"cannot read file: {exc.strerror or exc}") from exc
    with os.fdopen(fd, "rb") as f:
        mode = os.fstat(fd)
        if not stat.S_ISREG(mode.st_mode):
            raise IngestError(f"not a regular file: {kind(mode.st_mode)}")
        if mode.st_size > max_bytes:
            raise IngestError(too_large(mode.st_size, max_bytes))
        try:
            data = f.read(max_bytes + 1)
        except OSError as exc:
            raise IngestError(f"cannot read file: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise IngestError(too_large(len(data), max_bytes))
    return data


def too_large(size: int, max_bytes: int) -> str:
    return f"too large: {size_text(size)}, the limit is {size_text(max_bytes)}"


def size_text(size: int) -> str:
    return f"{size / 2**20:,.1f} MB" if size >= 2**17 else f"{size:,} bytes"


def kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a file"


def refusal(path):
    """Why `path` is not a readable regular file, or None when it is one."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "dangling symlink: its target does not exist" if os.path.islink(path) else "no such file or folder"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symlink loop: the link leads back to itself"
        return f"cannot read file: {exc.strerror or exc}"
    return None if stat.S_ISREG(mode) else f"not a regular file: {kind(mode)}"


# Old binary Office formats: no maintained pure-Python reader; say what to convert them to.
CONVERT = {".doc": "Word 97-2003: save it as .docx, e.g. `libreoffice --headless --convert-to docx FILE`",
           ".xls": "Excel 97-2003, a spreadsheet: save its text as .txt, or the sheet as .pdf",
           ".xlsx": "a spreadsheet: save its text as .txt, or the sheet as .pdf",
           ".ppt": "PowerPoint 97-2003: save it as .pdf, e.g. `libreoffice --headless --convert-to pdf FILE`",
           ".pptx": "a presentation: save it as .pdf, e.g. `libreoffice --headless --convert-to pdf FILE`"}


def source_of(path, data: bytes, unpacking=None) -> Source:
    """A `Source` from a file's name and bytes (no file system access).
    `unpacking` bounds what a compressed format may expand to (containers.Unpacking)."""
    path = Path(path)
    if not data.strip():
        raise IngestError("empty file")
    fmt, reader = READERS.get(path.suffix.lower(), (None, None))
    if reader is None:
        hint = CONVERT.get(path.suffix.lower())
        raise IngestError(f"unsupported format: {path.suffix or 'no extension'}" + (f" ({hint})" if hint else ""))
    with containers.bounded(fmt, data, unpacking or containers.Unpacking()):
        text, encoding = reader(data)
        if not text.strip():
            raise IngestError("no text: the file holds no readable text")
        metadata = file_metadata(fmt, data)  # reads the same container: inside the same bounds
    return Source(str(path), hashlib.sha256(data).hexdigest(), fmt, encoding, text, metadata=metadata)


def read_source(path, max_bytes: int = MAX_BYTES) -> Source:
    return source_of(path, read_bytes(path, max_bytes))
