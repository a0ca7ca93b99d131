"""Clean an article's text, PDF artifacts included, keeping a map back to
the source. Each normalizer is a pure function Aligned -> Aligned; `clean`
composes them in order."""

import re
import statistics

from pipeline.text.align import Aligned
from pipeline.nlp.analyzer import is_dictionary_word

# Characters XML 1.0 cannot hold (C0 controls but tab and newline, lone
# surrogates, U+FFFE/U+FFFF) and the C1 controls: debris of a wrong decoding
# (UTF-16 read with a stray byte, cp1252 quirks), never text. Each becomes a
# space, so words it separated stay apart, and the map keeps its source offset.
CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]+")
INVISIBLE = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
# NEWLINES, SPACES and BLANK_LINES begin with a character class or an
# alternation of single characters, which re scans for fast (an optional first
# character is tried at every position: LINE_BREAK and PARAGRAPH_EDGE, run
# only where a cheap test shows they have something to do).
NEWLINES = re.compile(r"[\r\u2028\u2029\x0b\x0c](?:(?<=\r)\n)?")  # \r\n, \r or another break
SPACE, ODD_SPACE = "[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]", "[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]"
# A run of spaces that is not already one plain space (those are most, and need no edit):
# two or more, or one other than a plain space.
SPACES = re.compile(f"{SPACE}(?:{SPACE}+|(?<={ODD_SPACE}))")
# A word, a hyphen, a line break (or, on one line, a space) and a word again.
# Tried at word starts only: from inside a word it would rescan the word's tail.
BROKEN = re.compile(r"(?<!\w)(\w+)-( ?\n ?| )(?=(\w+))")
BLANK_LINES = re.compile(r"(?: \n|\n)(?: ?\n)+ ?")  # the same matches as " ?\n( ?\n)+ ?"
LINE_BREAK = re.compile(r" ?\n ?")
PARAGRAPH_EDGE = re.compile(r" *\n\n *")
BLOCK_START = re.compile(r"^(#|[-*•–—]\s|\d+[.)]\s)")
ENDS_SENTENCE = re.compile(r"[.!?…:;»\")\]]$")
WRAPPED_WIDTH = 140  # typical lines longer than this are paragraphs, not wraps


def unify_newlines(a: Aligned) -> Aligned:
    return a.sub(NEWLINES, lambda m: "\n")


def replace_controls(a: Aligned) -> Aligned:
    return a.sub(CONTROLS, lambda m: " ")


def drop_invisible(a: Aligned) -> Aligned:
    return a.sub(INVISIBLE, lambda m: "")


def collapse_spaces(a: Aligned) -> Aligned:
    """Tabs, no-break and runs of spaces become one space."""
    return a.sub(SPACES, lambda m: " ")


def hyphen_kept(left: str, right: str) -> bool:
    """Is "left-right", broken at its hyphen, a real compound? Decided by the
    dictionary: a known hyphenated word keeps its hyphen, a known joined word
    was split by the typesetter; otherwise a compound's parts are words or its first part ends in the
    linking vowel of Russian compounds (научно-, северо-), or the second
    part is a capitalised name (Северо-Казахстанская, Улан-Удэ)."""
    if is_dictionary_word(f"{left}-{right}"):
        return True
    if is_dictionary_word(left + right):
        return False
    if right[:1].isupper():
        return True
    linking = left[-1:].lower() in "оеё" and len(left) > 2
    return is_dictionary_word(right) and (is_dictionary_word(left) or linking)


def join_hyphenated(a: Aligned) -> Aligned:
    """"инстру-\\nменты" -> "инструменты"; "научно-\\nтехнической" keeps its
    hyphen. On one line ("энергетиче- ская") only a dictionary word is joined,
    so suspended hyphens ("электро- и теплоэнергии") stay."""
    if "-\n" not in a.text and "- " not in a.text:  # cheap test first: most texts break no word
        return a
    edits = []
    for m in BROKEN.finditer(a.text):
        left, gap, right = m.groups()
        if "\n" in gap or is_dictionary_word(left + right):
            edits.append((m.end(1), m.end(), "-" if hyphen_kept(left, right) else ""))
    return a.edit(edits)


def unwrap_lines(a: Aligned) -> Aligned:
    """Blank lines separate paragraphs. A single line break is a wrap inside
    a paragraph, unless the lines are long (one paragraph per line), the next
    line starts a heading or list item, or a short line ends a sentence."""
    a = a.sub(BLANK_LINES, lambda m: "\n\n")
    if a.text.count("\n") == 2 * a.text.count("\n\n"):  # paragraph breaks only: no line to unwrap
        return a
    lines = [len(line) for line in a.text.split("\n") if line.strip()]
    width = statistics.median(lines) if lines else 0
    text = a.text

    def repl(m):
        if text[m.start() - 1:m.start()] == "\n" or text[m.end():m.end() + 1] == "\n":
            return m.group(0)  # part of a blank line, kept above
        line_start = text.rfind("\n", 0, m.start()) + 1
        prev, nxt = text[line_start:m.start()], text[m.end():m.end() + 40]
        if width > WRAPPED_WIDTH or BLOCK_START.match(nxt) or prev.lstrip().startswith("#"):
            return "\n\n"
        if ENDS_SENTENCE.search(prev.rstrip()) and len(prev) < 0.8 * width:
            return "\n\n"
        return " "
    return a.sub(LINE_BREAK, repl)


def trim(a: Aligned) -> Aligned:
    """No space at paragraph edges, no leading or trailing whitespace."""
    if " \n" in a.text or "\n " in a.text:  # cheap test first: a space at a paragraph's edge
        a = a.sub(PARAGRAPH_EDGE, lambda m: "\n\n")
    if "  " in a.text:  # the first collapse_spaces left no space but plain ones
        a = collapse_spaces(a)
    start = len(a.text) - len(a.text.lstrip())
    end = len(a.text.rstrip())
    return a if (start, end) == (0, len(a.text)) else Aligned(a.text[start:end], a.offsets[start:end])


NORMALIZERS = [unify_newlines, replace_controls, drop_invisible, collapse_spaces, join_hyphenated, unwrap_lines, trim]


def clean(text: str) -> Aligned:
    a = Aligned.of(text)
    for normalize in NORMALIZERS:
        a = normalize(a)
    return a


def clean_text(text: str) -> str:
    return clean(text).text


def paragraph_spans(text: str) -> list:
    """(start, end) of each paragraph of a cleaned text."""
    spans, start = [], 0
    for m in re.finditer(r"\n\n", text):
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [s for s in spans if s[1] > s[0]]
