"""What an article says about itself (output.md 1.1 `metadata`): title,
publication date, author and site or journal, each with where it came from.

From the file: HTML meta tags and the page's date as trafilatura extracts
them (`html-meta`), DOCX core properties (`docx-properties`), the PDF info
dictionary (`pdf-info`). From the text, where the file says nothing: the
dateline's date (`dateline`) and the first line when it is a heading
(`first-heading`; "Аннотация" and other section names are no title)."""

import io
import logging
import re

FIELDS = ("title", "published", "author", "site")
# Section names that open a text but do not name it.
NOT_TITLES = {"аннотация", "abstract", "резюме", "введение", "ключевые слова", "содержание", "оглавление"}
TITLE_MAX = 250
SENTENCES = re.compile(r"\w{2,}[.!?]\s+[А-ЯЁA-Z]")  # a sentence ends inside: running text, not a heading
CATALOGUE = re.compile(r"^(УДК|ББК|DOI|ГРНТИ|JEL)\b", re.IGNORECASE)
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")


def empty() -> dict:
    return {field: None for field in FIELDS} | {"metadata_source": {}}


def put(meta: dict, field: str, value, source: str) -> None:
    """Set a field once: the first source to give it wins."""
    if isinstance(value, str):
        value = " ".join(value.split()) or None
    if value and meta.get(field) is None:
        meta[field] = value
        meta["metadata_source"][field] = source


def iso_date(value) -> str | None:
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    found = ISO_DATE.match(str(value).strip())
    return found.group(0) if found else None


def from_html(html: str) -> dict:
    import trafilatura
    meta = empty()
    found = trafilatura.extract_metadata(html)
    if found is not None:
        put(meta, "title", found.title, "html-meta")
        put(meta, "published", iso_date(found.date), "html-meta")
        put(meta, "author", found.author, "html-meta")
        put(meta, "site", found.sitename, "html-meta")
    return meta


def from_docx(data: bytes) -> dict:
    import docx
    meta = empty()
    props = docx.Document(io.BytesIO(data)).core_properties
    put(meta, "title", props.title, "docx-properties")
    put(meta, "published", iso_date(props.created), "docx-properties")
    put(meta, "author", props.author, "docx-properties")
    return meta


def pdf_date(value) -> str | None:
    """"D:20240417120000+05'00'" -> "2024-04-17"."""
    digits = re.match(r"^(?:D:)?(\d{4})(\d{2})?(\d{2})?", str(value or ""))
    if not digits:
        return None
    return "-".join(p for p in digits.groups() if p)


def from_pdf(data: bytes) -> dict:
    from pypdf import PdfReader
    meta = empty()
    info = PdfReader(io.BytesIO(data)).metadata or {}
    put(meta, "title", info.get("/Title"), "pdf-info")
    put(meta, "published", pdf_date(info.get("/CreationDate")), "pdf-info")
    put(meta, "author", info.get("/Author"), "pdf-info")
    return meta


def decoded_html(data: bytes) -> str:
    from pipeline.ingest.sources import decode
    return decode(data)[0]


READERS = {"html": lambda data, text: from_html(text or decoded_html(data)), "docx": lambda data, text: from_docx(data),
           "pdf": lambda data, text: from_pdf(data)}


def file_metadata(fmt: str, data: bytes, decoded: str | None = None) -> dict:
    """The file's own metadata; never fails the document (a clear log line instead)."""
    reader = READERS.get(fmt)
    if reader is None:
        return empty()
    try:
        return reader(data, decoded)
    except Exception as exc:  # noqa: BLE001  damaged properties must not stop a run
        logging.getLogger(__name__).warning("metadata: cannot read the %s properties (%s)", fmt, exc)
        return empty()


def first_heading(text: str) -> str | None:
    """The first line after a journal's catalogue codes (УДК, ББК, DOI),
    when it reads as a heading: short, no sentence ending in a period, not a
    section name ("Аннотация")."""
    lines = (l.strip().lstrip("#").strip() for l in text.splitlines() if l.strip())
    line = next((l for l in lines if not CATALOGUE.match(l)), "")
    name = line.rstrip(":").strip()
    if not name or len(name) > TITLE_MAX or name.endswith(".") or SENTENCES.search(name) \
            or name.lower().rstrip(".") in NOT_TITLES:
        return None
    return name


def with_text(meta: dict, text: str, dateline: str | None) -> dict:
    """Complete the file's metadata from the text."""
    meta = {**empty(), **meta, "metadata_source": dict(meta.get("metadata_source", {}))}
    put(meta, "published", dateline, "dateline")
    put(meta, "title", first_heading(text), "first-heading")
    return meta
