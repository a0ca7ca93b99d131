"""The tokenizer: razdel sentences and tokens, within paragraphs, as a spaCy
`Doc`. Whitespace other than one space after a token becomes a space token,
so `doc.text` is exactly the cleaned text."""

from razdel import sentenize, tokenize
from spacy.tokens import Doc

from . import extensions  # noqa: F401
from .clean import paragraph_spans
from .records import Sentence


def razdel_tokens(text: str):
    """(start, end, sentence_start) for every token, sentences inside paragraphs."""
    for p_start, p_end in paragraph_spans(text):
        for sent in sentenize(text[p_start:p_end]):
            first = True
            for tok in tokenize(sent.text):
                start = p_start + sent.start + tok.start
                yield start, start + len(tok.text), first
                first = False


class Segmenter:
    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words, spaces, starts, last = [], [], [], 0
        for start, end, first in razdel_tokens(text):
            gap = text[last:start]
            if gap and words and gap[0] == " ":
                spaces[-1], gap = True, gap[1:]
            if gap:  # a space token: the paragraph break or extra spaces
                words.append(gap), spaces.append(False), starts.append(False)
            words.append(text[start:end]), spaces.append(False), starts.append(first)
            last = end
        if text[last:]:
            words.append(text[last:]), spaces.append(False), starts.append(False)
        if starts:
            starts[0] = True
        doc = Doc(self.vocab, words=words, spaces=spaces, sent_starts=starts)
        doc._.paragraphs = paragraph_spans(text)
        doc._.candidates = []
        return doc


def sentences_of(doc: Doc) -> list:
    """Sentences without trailing whitespace, each with its paragraph index."""
    paragraphs = doc._.paragraphs
    out, p = [], 0
    for sent in doc.sents:
        text = sent.text.rstrip()
        if not text.strip():
            continue
        start = sent.start_char + len(text) - len(text.lstrip())
        while p + 1 < len(paragraphs) and paragraphs[p][1] <= start:
            p += 1
        out.append(Sentence(start, sent.start_char + len(text), p))
    return out
