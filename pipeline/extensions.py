"""The data stages hand on beside spaCy's own token attributes.

    doc._.paragraphs   (start, end) of each paragraph       written by: tokenizer
    doc._.candidates   Entity records from every layer     appended by: natasha_ner, dates, and later entity layers
    doc._.entities     the flat, resolved Entity list      written by: entities
    doc._.directions   sentence/paragraph/document labels  written by: directions
"""

from spacy.tokens import Doc

for name in ("paragraphs", "candidates", "entities", "directions"):
    Doc.set_extension(name, default=None, force=True)
