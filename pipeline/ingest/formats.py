"""Readers for article formats other than plain text. Each takes the file's
bytes and returns (text, encoding or None), paragraphs separated by a blank
line so that `clean.py` keeps them; it raises IngestError with the reason
when the file cannot give its text. `sources.READERS` lists them by suffix."""

import io
import logging
import re
import warnings
import zipfile
from contextlib import contextmanager
from html import unescape

from pipeline.ingest.decoding import IngestError, IngestWarning, decode

OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # Word 97 or an encrypted Office file, not OOXML


@contextmanager
def errors_only(library: str):
    """A library's warnings silenced while it reads (pypdf's about recoverable
    damage are noise here), its logger given back after: importing this
    module changes no one's logging."""
    logger = logging.getLogger(library)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def paragraphs(parts) -> str:
    return "\n\n".join(p.strip() for p in parts if p and p.strip())


def read_html(data: bytes):
    """The article's main text, without menus, footers and comments (trafilatura)."""
    import trafilatura
    html, encoding = decode(data)
    options = dict(include_comments=False, include_tables=True)
    with errors_only("trafilatura"):
        text = trafilatura.extract(html, favor_precision=True, **options) or trafilatura.extract(html, **options)
    if not text:
        raise IngestError("html: no main text found in the page")
    _warn_if_cut(text, html)
    return paragraphs(text.split("\n")), encoding


# The start of markup that shows no text, and its end.
HIDDEN_START = re.compile(r"<(script|style|template)\b|<!--", re.I)
HIDDEN_END = {"script": re.compile(r"</script\s*>", re.I), "style": re.compile(r"</style\s*>", re.I),
              "template": re.compile(r"</template\s*>", re.I), None: re.compile("-->")}
TAG = re.compile(r"<[^>]*>")
CUT_SHARE, CUT_MIN_CHARS = 0.01, 10_000


def visible_chars(html: str) -> int:
    """Characters of text in the page, counted without a parser (libxml2 stops
    at a nesting depth, which is what makes a page come out cut). Linear: an
    unclosed script or comment hides the rest of the page and ends the scan."""
    shown, at = [], 0
    while (start := HIDDEN_START.search(html, at)) is not None:
        shown.append(html[at:start.start()])
        end = HIDDEN_END[start.group(1) and start.group(1).lower()].search(html, start.end())
        if end is None:
            at = len(html)
            break
        at = end.end()
    shown.append(html[at:])
    return len("".join(unescape(TAG.sub(" ", " ".join(shown))).split()))


def _warn_if_cut(extracted: str, html: str) -> None:
    """A main text that is a tiny share of a large page's text is more likely a
    parse that stopped early (unclosed, deeply nested markup) than an article."""
    visible = visible_chars(html)
    kept = len("".join(extracted.split()))
    if visible >= CUT_MIN_CHARS and kept < CUT_SHARE * visible:
        warnings.warn(IngestWarning(f"html: the text read is {kept / visible:.2%} of the page's visible text "
                                    f"({kept:,} of {visible:,} characters): the markup may be broken or too "
                                    f"deeply nested; check the page"), stacklevel=2)


def read_docx(data: bytes):
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    if data.startswith(OLE_MAGIC):
        raise IngestError("docx: password-protected, or an old .doc renamed; save it as .docx without a password")
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as exc:
        raise IngestError(f"docx: damaged or truncated file ({exc})") from exc
    return paragraphs(_docx_blocks(document)), None


CELL_SEPARATOR = " | "


def _docx_blocks(document):
    """Paragraphs and table rows in document order; a row is one block, its
    cells joined by " | ", so a table reads as a table of text."""
    for block in document.iter_inner_content():
        if hasattr(block, "rows"):
            yield from (_docx_row(row) for row in block.rows)
        else:
            yield block.text


def _docx_row(row) -> str:
    """A merged cell is listed once per grid column it spans: keep it once."""
    cells, seen = [], set()
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(" ".join(cell.text.split()))
    return CELL_SEPARATOR.join(cells) if any(cells) else ""


def read_pdf(data: bytes):
    """The text layer, page by page, without running heads and page numbers
    (pdf_text.py). Pages are joined by a line break so that a paragraph
    running over a page is unwrapped by clean.py like any other."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError
    from pipeline.ingest.pdf_text import article_text, page_lines
    try:
        with errors_only("pypdf"):
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise IngestError("pdf: password-protected")
            pages = [page_lines(page) for page in reader.pages]
    except IngestError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise IngestError(f"pdf: damaged or truncated file ({type(exc).__name__}: {exc})") from exc
    text = article_text(pages)
    if not text.strip():
        raise IngestError("pdf: no text layer (scanned pages?); run OCR first")
    return text, None


def read_odt(data: bytes):
    from odf import teletype
    from odf.opendocument import load
    try:
        document = load(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise IngestError(f"odt: damaged or truncated file ({exc})") from exc
    blocks = [teletype.extractText(e) for e in _walk(document.text) if e.qname in _ODT_BLOCKS]
    return paragraphs(blocks), None


ODF_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_ODT_BLOCKS = {(ODF_TEXT, "p"), (ODF_TEXT, "h")}  # paragraphs and headings


def _walk(node):
    for child in node.childNodes:
        yield child
        if getattr(child, "qname", None) not in _ODT_BLOCKS:
            yield from _walk(child)


def read_rtf(data: bytes):
    """RTF is ASCII with escapes; its code page is declared as \\ansicpgNNNN."""
    from striprtf.striprtf import rtf_to_text
    if not data.lstrip().startswith(b"{\\rtf"):
        raise IngestError("rtf: not an RTF file")
    codepage = _rtf_codepage(data)
    try:
        text = rtf_to_text(data.decode("latin-1"), encoding=codepage, errors="replace")
    except (LookupError, ValueError) as exc:
        raise IngestError(f"rtf: cannot decode ({exc})") from exc
    return paragraphs(text.split("\n")), codepage


def _rtf_codepage(data: bytes) -> str:
    head = data[:2000]
    at = head.find(b"\\ansicpg")
    digits = head[at + 8:at + 13].split(b"\\")[0].strip() if at >= 0 else b""
    return f"cp{digits.decode()}" if digits.isdigit() else "cp1251"

