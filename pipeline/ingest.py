"""Read an article file into a `Source`: bytes -> decoded text, with its
format and encoding recorded. Other formats register a reader in READERS."""

import hashlib
from pathlib import Path

from charset_normalizer import from_bytes

from .records import Source

# Encodings Russian text arrives in; charset-normalizer chooses among them
# when the bytes are not valid UTF-8.
CYRILLIC_ENCODINGS = ["cp1251", "koi8_r", "utf_16", "cp866", "mac_cyrillic", "iso8859_5"]
BOMS = [(b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")]


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
    best = from_bytes(data, cp_isolation=CYRILLIC_ENCODINGS).best()
    if best is None:
        raise IngestError("undecodable: not text in any supported encoding")
    return str(best), best.encoding


def _utf16_without_bom(data: bytes):
    # UTF-16 of Cyrillic text without a BOM: every other byte is 0x04 or 0x00.
    sample = data[:4096]
    for name, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if len(high) > 8 and sum(b in (0, 4) for b in high) > 0.95 * len(high):
            return name
    return None


def read_text(path: Path, data: bytes) -> tuple[str, str]:
    text, encoding = decode(data)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, encoding


READERS = {".txt": ("txt", read_text), ".md": ("md", read_text)}


def supported(path: Path) -> bool:
    return path.suffix.lower() in READERS


def read_source(path) -> Source:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"cannot read file: {exc.strerror or exc}") from exc
    if not data.strip():
        raise IngestError("empty file")
    fmt, reader = READERS.get(path.suffix.lower(), (None, None))
    if reader is None:
        raise IngestError(f"unsupported format: {path.suffix or 'no extension'}")
    text, encoding = reader(path, data)
    if not text.strip():
        raise IngestError("no text: the file holds no readable text")
    return Source(str(path), hashlib.sha256(data).hexdigest(), fmt, encoding, text)
