"""Bytes of a text file -> text: a byte-order mark, UTF-16 without one,
UTF-8 (a few damaged bytes replaced), or the Cyrillic code page
charset-normalizer finds; IngestError, with the reason, when it is not text."""

import re

from charset_normalizer import from_bytes

# Encodings Russian text arrives in; charset-normalizer chooses among them
# when the bytes are not valid UTF-8.
CYRILLIC_ENCODINGS = ["cp1251", "koi8_r", "utf_16", "cp866", "mac_cyrillic", "iso8859_5"]
BOMS = [(b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")]
# Counted by the regex engine, not a Python loop over every character.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # below a space, other than \t \n \f \r
NON_ASCII = re.compile(r"[^\x00-\x7f]")


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
    return len(NON_ASCII.findall(text)) - invalid > 20 * invalid


def _utf16_without_bom(data: bytes):
    # UTF-16 of Cyrillic text without a BOM: every other byte is 0x04 or 0x00.
    sample = data[:4096]
    for name, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        if len(high) > 8 and high.count(0) + high.count(4) > 0.95 * len(high):
            return name
    return None


def read_text(data: bytes) -> tuple[str, str]:
    """The reader of .txt and .md files."""
    text, encoding = decode(data)
    controls = len(CONTROL.findall(text, 0, 100_000))
    if controls > 0.01 * min(len(text), 100_000):
        raise IngestError("binary file: control characters, not text")
    return text.removeprefix("\ufeff"), encoding
