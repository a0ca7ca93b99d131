"""The tokenizer: razdel sentences and tokens, within paragraphs, as a spaCy
`Doc`. Whitespace other than one space after a token becomes a space token,
so `doc.text` is exactly the cleaned text.

Where razdel splits what Russian writing (and the UD treebanks) treat as one
token, the pieces are joined again: an abbreviation with its period inside a
sentence ("в 1826 г. он", "т. е.", initials "В. Илюхин"), letters and digits
written together ("км2", "Т4", "Ту-154М"), ratios and times ("2:1", "10:30");
and a comma razdel leaves on a number in a list ("2002, 2004") is split off."""

import re

import numpy as np
from razdel import sentenize
from spacy.attrs import SENT_START
from spacy.tokens import Doc

from pipeline.adapters.razdel_tokens import SOKRS, token_spans, whole_text_tokens
from pipeline.nlp import extensions
from pipeline.nlp.cache import cached
from pipeline.text.clean import paragraph_spans
from pipeline.nlp.analyzer import parse
from pipeline.records import Sentence

# Written as one token: letters+digits, digits+capitals, digit groups joined by colons.
# Letters are tried from the start of a run only: from inside a word it would rescan its tail.
GLUED = re.compile(r"(?<![^\W\d_])[^\W\d_]+\d+|\d+[A-ZА-ЯЁ]+\b|\d+(?::\d+)+")
# A word with its period, something following in the sentence: a candidate abbreviation.
DOTTED = re.compile(r"(?<![\w.])([^\W\d_]+)\.(?=\s*\S)")
NUMBER_COMMA = re.compile(r"\d+,")
DIGIT_COMMA = re.compile(r"\d,")
DIGIT = re.compile(r"\d")


@cached("tokenizer.is_abbreviation", 50_000)
def is_abbreviation(word: str) -> bool:
    """razdel's own abbreviations, a single letter (initials, "т. е."), or a
    word pymorphy3 knows as an abbreviation ("род.", "англ.")."""
    return len(word) == 1 or word.lower() in SOKRS or any("Abbr" in p.tag for p in parse(word.lower()))


def joined_spans(text: str) -> list:
    """Spans of one sentence's text that must be one token."""
    # Cheap tests first: each glued form has a digit, each candidate a period before the end.
    # Neither holds a space, so each pattern is tried from the word with the first digit or
    # period on (a lookbehind still sees the text before).
    digit = DIGIT.search(text)
    glued = GLUED.finditer(text, text.rfind(" ", 0, digit.start()) + 1) if digit else ()
    period = text.find(".", 0, len(text) - 1)
    dotted = DOTTED.finditer(text, text.rfind(" ", 0, period) + 1) if period >= 0 else ()
    return [m.span() for m in glued] + [m.span() for m in dotted if is_abbreviation(m[1])]


def sentence_tokens(text: str, offset: int = 0) -> tuple:
    """(start, end) of razdel's tokens of one sentence, and of them joined
    and split as above, shifted by `offset` (the sentence's place in the
    whole text); the same list twice when nothing was joined or split."""
    found = tokens = token_spans(text)
    if DIGIT_COMMA.search(text):  # cheap test first: the usual sentence has no comma after a digit
        tokens = split_number_commas(text, tokens)
    spans = joined_spans(text)
    if spans:  # the usual sentence has none: razdel's tokens as they are
        tokens = join(tokens, spans)
    if offset:
        shifted = [(start + offset, stop + offset) for start, stop in found]
        return shifted, shifted if tokens is found else [(start + offset, stop + offset) for start, stop in tokens]
    return found, tokens


def split_number_commas(text: str, tokens: list) -> list:
    """A token of digits and a comma ("2002,") as two."""
    out = []
    for start, stop in tokens:
        if text[stop - 1] == "," and NUMBER_COMMA.fullmatch(text, start, stop):
            out += (start, stop - 1), (stop - 1, stop)
        else:
            out.append((start, stop))
    return out


def join(tokens: list, spans: list) -> list:
    """Touching tokens that a span of `spans` crosses, as one."""
    out = tokens[:1]
    for start, end in tokens[1:]:
        last = out[-1]
        if last[1] == start and any(s < last[1] and e > start for s, e in spans):
            out[-1] = (last[0], end)
        else:
            out.append((start, end))
    return out


def razdel_sentences(text: str, paragraphs: list):
    """(start, end, paragraph index, token spans, razdel's token spans) of
    every sentence; sentences never cross paragraphs."""
    for p, (p_start, p_end) in enumerate(paragraphs):
        for sent in sentenize(text[p_start:p_end]):
            found, tokens = sentence_tokens(sent.text, p_start + sent.start)
            if tokens:
                yield tokens[0][0], tokens[-1][1], p, tokens, found


class Segmenter:
    def __init__(self, vocab):
        self.vocab = vocab
        extensions.register()  # the Doc attributes it writes

    def __call__(self, text: str) -> Doc:
        words, spaces, firsts, sentences, found, last = [], [], [], [], [], 0
        paragraphs = paragraph_spans(text)
        for s_start, s_end, paragraph, tokens, razdel_tokens in razdel_sentences(text, paragraphs):
            sentences.append((s_start, s_end, paragraph))
            found.append(razdel_tokens)  # they start and end where the sentence's tokens do
            first = True
            for start, end in tokens:
                if start > last:
                    gap = text[last:start]
                    if words and gap[0] == " ":
                        spaces[-1], gap = True, gap[1:]
                    if gap:  # a space token: the paragraph break or extra spaces
                        words.append(gap)
                        spaces.append(False)
                if first:
                    firsts.append(len(words))
                    first = False
                words.append(text[start:end])
                spaces.append(False)
                last = end
        if text[last:]:
            words.append(text[last:])
            spaces.append(False)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        if words:
            mark_sentences(doc, firsts)
        put = extensions.put
        put(doc, "text", text)  # what doc.text joins from the tokens, kept so no stage rebuilds it
        put(doc, "paragraphs", paragraphs)
        put(doc, "sentences", sentences)
        put(doc, "candidates", [])
        put(doc, "razdel_tokens", whole_text_tokens(text, sentences, found))
        return doc


def mark_sentences(doc: Doc, firsts: list) -> None:
    """Each token starts a sentence (the first token, those at `firsts`) or
    does not, as `Doc(..., sent_starts=...)` sets them, whose per-token loop
    over the values costs twice as much."""
    starts = np.full(len(doc), -1, dtype=np.int32)
    starts[firsts] = 1
    starts[0] = 1
    doc.from_array([SENT_START], starts.astype(np.uint64))


def sentences_of(doc: Doc) -> list:
    """Fresh Sentence records (start, end, paragraph index), as the tokenizer
    found them: stages and the output share one segmentation, computed once."""
    return [Sentence(start, end, paragraph) for start, end, paragraph in extensions.get(doc, "sentences")]
