"""natasha's date grammar driven through yargy's parts.

Touches: natasha's `DatesExtractor(morph)` given a stand-in for its
MorphVocab that has only the two members yargy reads (`parse`, `TagClass`),
so each word is analysed once per process through the pipeline's parse
cache; natasha's internal month table `natasha.grammars.date.MONTHS`; and
yargy's tokenizer's `mapping` and `regexp` attributes with its `INT` type,
read directly because its Token records cost more than the parses they save.
Compared with the library by tests/adapters/test_yargy_dates.py."""

from natasha import DatesExtractor
from natasha.grammars.date import MONTHS  # noqa: F401  (the grammar's month names)
from yargy.tokenizer import INT, Tokenizer

from pipeline.nlp.analyzer import parse
from pipeline.nlp.models import analyzer


class CachedAnalyzer:
    """pymorphy3 as yargy calls it, its `parse` through the pipeline's cache:
    the same readings, each word analysed once per process."""
    parse = staticmethod(parse)

    def __init__(self):
        self.TagClass = analyzer().TagClass


def dates_extractor() -> DatesExtractor:
    return DatesExtractor(CachedAnalyzer())


TOKENIZER = Tokenizer()  # the rules the date grammar's own tokenizer uses, without morphology


def grammar_tokens(text: str) -> list:
    """(is integer, text, start, stop) of the grammar's tokens, read off its
    tokenizer's regex."""
    kinds = TOKENIZER.mapping
    return [(kinds[m.lastgroup] == INT, m.group(), m.start(), m.end()) for m in TOKENIZER.regexp.finditer(text)]
