"""A PDF's text layer as an article: page lines with their height on the
page (from pypdf's text visitor), running headers, footers and page numbers
dropped, and a blank line where the vertical gap between lines says a
paragraph ends. Works on the text pypdf extracts, so what is kept is exactly
pypdf's text."""

import re
from collections import Counter
from dataclasses import dataclass

EDGE_LINES = 2  # lines at the top and at the bottom of a page where running heads live
PARAGRAPH_GAP = 1.4  # a gap this many times the usual line spacing ends a paragraph
# "12", "- 12 -", "– 12 –", "стр. 12", "Страница 12 из 40", "12 / 40", "[12]"
PAGE_NUMBER = re.compile(
    r"^[\s\-–—\[(]*(?:(?:стр|страница|с|page|p)\.?\s*)?\d{1,4}"
    r"(?:\s*(?:из|/|of)\s*\d{1,4})?[\s\-–—\])]*$", re.IGNORECASE)
DIGITS = re.compile(r"\d+")


@dataclass
class Line:
    text: str
    y: float = None  # height of the line's first glyphs on the page; None when unknown


def page_lines(page) -> list:
    """The page's text lines, each with its height when pypdf reports one."""
    chunks = []

    def visit(text, cm, tm, font, size):
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        chunks.append((text, y))
    text = page.extract_text(visitor_text=visit) or ""
    if "".join(t for t, _ in chunks) != text:  # no geometry to trust: lines without heights
        return [Line(t) for t in text.split("\n")]
    lines, current = [], Line("")
    for chunk, y in chunks:
        for i, piece in enumerate(chunk.split("\n")):
            if i:
                lines.append(current)
                current = Line("")
            if piece.strip() and current.y is None:
                current.y = y
            current.text += piece
    lines.append(current)
    return lines


def article_text(pages: list) -> str:
    """Pages of lines -> text: running heads and page numbers dropped,
    paragraphs within a page separated by a blank line, pages joined by a
    line break (a paragraph running over a page is unwrapped by clean.py)."""
    pages = [[line for line in page if line.text.strip()] for page in pages]
    running = running_heads(pages)
    pages = [[line for i, line in enumerate(page) if not is_running(page, i, running)] for page in pages]
    spacing = line_spacing(pages)
    return "\n".join(page_text(page, spacing) for page in pages)


def _gaps(lines: list) -> list:
    return [a.y - b.y if a.y is not None and b.y is not None else 0 for a, b in zip(lines, lines[1:])]


def line_spacing(pages: list) -> float:
    """The document's usual distance between lines of a paragraph: the lower
    quartile of the gaps down the page, as paragraph gaps are fewer and wider.
    Gaps under a point are glyphs raised or lowered on one line."""
    gaps = sorted(g for page in pages for g in _gaps(page) if g >= 1)
    return gaps[len(gaps) // 4] if gaps else 0


def _edges(page: list) -> set:
    """Indexes of the lines at the page's top and bottom: first and last in
    reading order, and highest and lowest on the page."""
    edges = set(range(min(EDGE_LINES, len(page)))) | set(range(max(0, len(page) - EDGE_LINES), len(page)))
    placed = sorted((line.y, i) for i, line in enumerate(page) if line.y is not None)
    edges |= {i for _, i in placed[:EDGE_LINES] + placed[-EDGE_LINES:]}
    return edges


def _shape(text: str) -> str:
    """A running head's form shared by every page: numbers and spacing ignored."""
    return " ".join(DIGITS.sub("#", text).split()).lower()


def running_heads(pages: list) -> set:
    """Shapes of the lines at page edges repeated on many pages (a third of
    them, at least two; alternating left and right heads each pass)."""
    if len(pages) < 2:
        return set()
    seen = Counter(shape for page in pages for shape in {_shape(page[i].text) for i in _edges(page)})
    least = max(2, len(pages) / 3)
    return {shape for shape, n in seen.items() if n >= least}


def is_running(page: list, i: int, running: set) -> bool:
    if i not in _edges(page):
        return False
    text = page[i].text
    return bool(PAGE_NUMBER.match(text)) or _shape(text) in running


def page_text(lines: list, spacing: float) -> str:
    """A page's lines, a blank line between paragraphs where the vertical
    gap is well over the usual line spacing."""
    out = lines[:1] and [lines[0].text]
    for gap, line in zip(_gaps(lines), lines[1:]):
        out += ["\n\n" if spacing and gap > PARAGRAPH_GAP * spacing else "\n", line.text]
    return "".join(out)
