"""The data stages hand on beside spaCy's own token attributes
(pos_, morph, lemma_: written by morphology and lemmas).

    doc._.text         the text, as `doc.text` joins it      written by: tokenizer (segment.py);
                       (spaCy joins every token on each read: read `spans.text_of(doc)`)
    doc._.paragraphs   (start, end) of each paragraph        written by: tokenizer (segment.py)
    doc._.sentences    (start, end, paragraph) of each sentence  written by: tokenizer (segment.py)
    doc._.candidates   Entity records from every layer      appended by: natasha_ner, dates, money,
                                                             places, organisations, government;
                                                             pruned or edited by: persons,
                                                             organisations, government
    doc._.entities     the flat, resolved Entity list       written by: entities
    doc._.directions   sentence/paragraph/document labels   written by: directions
    doc._.ties         Tie records                           written by: ties
"""

from spacy.tokens import Doc

for name in ("text", "paragraphs", "sentences", "candidates", "entities", "directions", "ties"):
    Doc.set_extension(name, default=None, force=True)
