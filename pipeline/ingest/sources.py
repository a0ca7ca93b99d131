"""Read an article file into a `Source`: bytes -> decoded text, with its
format and encoding recorded. Readers of other formats live in `formats.py`;
READERS, at the end, is the one table of the formats read."""

import hashlib
from pathlib import Path

from pipeline.ingest import formats
from pipeline.ingest.metadata import file_metadata
from pipeline.ingest.decoding import IngestError, decode, read_text  # noqa: F401  (decode: its importers read it here)
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
    """The file's bytes, refusing files over the size limit before reading them."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise IngestError(f"too large: {size / 2**20:.1f} MB, the limit is {max_bytes / 2**20:g} MB")
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise IngestError("file not found: it disappeared before it was read") from exc
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from exc


def source_of(path, data: bytes) -> Source:
    """A `Source` from a file's name and bytes (no file system access)."""
    path = Path(path)
    if not data.strip():
        raise IngestError("empty file")
    fmt, reader = READERS.get(path.suffix.lower(), (None, None))
    if reader is None:
        raise IngestError(f"unsupported format: {path.suffix or 'no extension'}")
    text, encoding = reader(data)
    if not text.strip():
        raise IngestError("no text: the file holds no readable text")
    return Source(str(path), hashlib.sha256(data).hexdigest(), fmt, encoding, text,
                  metadata=file_metadata(fmt, data))


def read_source(path, max_bytes: int = MAX_BYTES) -> Source:
    return source_of(path, read_bytes(path, max_bytes))
