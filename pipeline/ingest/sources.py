"""Read an article file into a `Source`: bytes -> decoded text, with its
format and encoding recorded. Readers of other formats live in `formats.py`
and register themselves in READERS."""

import hashlib
from pathlib import Path

from charset_normalizer import from_bytes

from pipeline.records import Source

# Encodings Russian text arrives in; charset-normalizer chooses among them
# when the bytes are not valid UTF-8.
CYRILLIC_ENCODINGS = ["cp1251", "koi8_r", "utf_16", "cp866", "mac_cyrillic", "iso8859_5"]
BOMS = [(b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")]
MAX_BYTES = 20 * 2**20  # an article, even a PDF with figures, is far smaller


class IngestError(Exception):
    """An input that cannot be read as an article; the message says why."""


def decode(data: bytes) -> tuple[str, str]:
    """Bytes of a text file -> (text, encoding name)."""
    for bom, name in BOMS:
        if data.startswith(bom):
            return data.decode(name), name
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16), utf16
    if b"\x00" in data[:4096]:
        raise IngestError("binary file: contains NUL bytes, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):  # a few damaged bytes: keep the text, mark them U+FFFD
        return data.decode("utf-8", errors="replace"), "utf-8"
    best = from_bytes(data, cp_isolation=CYRILLIC_ENCODINGS).best()
    if best is None:
        raise IngestError("undecodable: not text in any supported encoding")
    return str(best), best.encoding


def _mostly_utf8(data: bytes) -> bool:
    """Valid multi-byte characters far outnumber the invalid bytes. Russian in
    a one-byte encoding yields almost no valid UTF-8 sequences at all."""
    text = data.decode("utf-8", errors="replace")
    invalid = text.count("\ufffd")
    return sum(ord(c) > 127 for c in text) - invalid > 20 * invalid


def _utf16_without_bom(data: bytes):
    # UTF-16 of Cyrillic text without a BOM: every other byte is 0x04 or 0x00.
    sample = data[:4096]
    for name, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if len(high) > 8 and sum(b in (0, 4) for b in high) > 0.95 * len(high):
            return name
    return None


def read_text(data: bytes) -> tuple[str, str]:
    text, encoding = decode(data)
    controls = sum(c < " " and c not in "\n\r\t\f" for c in text[:100_000])
    if controls > 0.01 * min(len(text), 100_000):
        raise IngestError("binary file: control characters, not text")
    return text.removeprefix("\ufeff"), encoding


# suffix -> (format name, reader: bytes -> (text, encoding or None))
READERS = {".txt": ("txt", read_text), ".md": ("md", read_text)}


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


from pipeline.ingest import formats  # noqa: E402,F401  (registers the readers of other formats)
from pipeline.ingest.metadata import file_metadata  # noqa: E402
