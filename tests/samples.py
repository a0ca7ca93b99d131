"""Article files of every supported format, built on the fly for the tests."""

import io

from pypdf import PdfWriter
from pypdf._codecs import adobe_glyphs
from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject, NameObject,
                           NumberObject)

GLYPH_NAMES = {char: name.lstrip("/") for name, char in adobe_glyphs.items() if len(char) == 1}


def html(title: str, paragraphs: list) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>"
            "<nav><a href='/'>Главная</a> | <a href='/news'>Новости</a> | <a href='/contacts'>Контакты</a></nav>"
            f"<article><h1>{title}</h1>{body}</article>"
            "<footer>Все права защищены. Подписывайтесь на наш канал.</footer></body></html>").encode()


def docx(paragraphs: list, table: list = None) -> bytes:
    """A DOCX of paragraphs, then a table of `table` rows (lists of cell texts)."""
    import docx as python_docx
    document = python_docx.Document()
    for p in paragraphs:
        document.add_paragraph(p)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, cells in zip(grid.rows, table):
            for cell, text in zip(row.cells, cells):
                cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def odt(paragraphs: list) -> bytes:
    from odf.opendocument import OpenDocumentText
    from odf.text import P
    document = OpenDocumentText()
    for p in paragraphs:
        document.text.addElement(P(text=p))
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def rtf(paragraphs: list) -> bytes:
    def escape(text):
        return "".join(c if ord(c) < 128 else f"\\'{c.encode('cp1251')[0]:02x}" for c in text)
    body = "".join(f"{escape(p)}\\par\n" for p in paragraphs)
    return ("{\\rtf1\\ansi\\ansicpg1251\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n" + body + "}").encode("ascii")


def pdf(lines: list, password: str = None) -> bytes:
    """A PDF whose text layer holds `lines` (one per text line), Cyrillic
    encoded through a font /Differences table, as PDF producers do."""
    return pdf_pages([[(40, 800 - 14 * i, line) for i, line in enumerate(lines)]], password)


def pdf_pages(pages: list, password: str = None) -> bytes:
    """A PDF of pages, each a list of (x, y, text) lines placed on an A4 page."""
    writer = PdfWriter()
    chars = sorted({c for page in pages for _, _, line in page for c in line if ord(c) > 126})
    codes = {c: 128 + i for i, c in enumerate(chars)}
    font = writer._add_object(DictionaryObject({
        NameObject("/Type"): NameObject("/Font"), NameObject("/Subtype"): NameObject("/Type1"),
        NameObject("/BaseFont"): NameObject("/Helvetica"),
        NameObject("/Encoding"): DictionaryObject({
            NameObject("/Type"): NameObject("/Encoding"),
            NameObject("/Differences"): ArrayObject([NumberObject(128)] + [NameObject("/" + GLYPH_NAMES[c]) for c in chars]),
        }),
    }))
    for lines in pages:
        page = writer.add_blank_page(595, 842)
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})})
        ops = []
        for x, y, line in lines:
            encoded = "".join(f"\\{codes[c]:03o}" if c in codes else c.replace("(", "\\(").replace(")", "\\)")
                              for c in line)
            ops.append(f"BT /F1 11 Tf 1 0 0 1 {x} {y} Tm ({encoded}) Tj ET")
        stream = DecodedStreamObject()
        stream.set_data("\n".join(ops).encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def blank_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
