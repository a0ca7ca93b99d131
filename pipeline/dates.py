"""Dates: natasha's date extractor, run with the pipeline's pymorphy3."""

from functools import lru_cache

from natasha import DatesExtractor
from spacy.language import Language
from spacy.tokens import Doc

from .morph import analyzer
from .natasha_ner import sentence_texts
from .records import Entity


@lru_cache(maxsize=1)
def extractor() -> DatesExtractor:
    return DatesExtractor(analyzer())


def iso_value(fact) -> str:
    """ISO 8601 at the precision the text gives."""
    parts = [f"{fact.year:04d}"]
    if fact.month:
        parts.append(f"{fact.month:02d}")
        if fact.day:
            parts.append(f"{fact.day:02d}")
    return "-".join(parts)


@Language.component("dates")
def find_dates(doc: Doc) -> Doc:
    found = [
        Entity(start + m.start, start + m.stop, text[m.start:m.stop], "DATE", normal="",
               value=iso_value(m.fact), source="rule")
        for start, text in sentence_texts(doc)
        for m in extractor()(text)
        if m.fact.year
    ]
    doc._.candidates.extend(found)
    return doc
