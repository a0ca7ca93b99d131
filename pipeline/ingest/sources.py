"""Read an article file into a `Source`: bytes -> decoded text, with its
format and encoding recorded. Readers of other formats live in `formats.py`
and register themselves in READERS."""

import errno
import hashlib
import os
import stat
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


class IngestWarning(UserWarning):
    """An input read, but perhaps not whole; the run records the message in the manifest."""


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
    return Source(str(path), hashlib.sha256(data).hexdigest(), fmt, encoding, text)


def read_source(path, max_bytes: int = MAX_BYTES) -> Source:
    return source_of(path, read_bytes(path, max_bytes))


from pipeline.ingest import containers, formats  # noqa: E402,F401  (formats registers the readers of other formats)
