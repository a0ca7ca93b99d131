"""natasha's NER stage: natasha's spans, a word for a kind of place alone left out."""

import json
from pathlib import Path

from pipeline.adapters.slovnet_taggers import ner_spans
from pipeline.nlp.models import ner_tagger, ner_words
from pipeline.rules.lexicon import words
from pipeline.rules.name_index import fold
from pipeline.stages.natasha_ner import generic

ANNOTATED = Path(__file__).resolve().parents[2] / "corpus" / "annotated" / "documents"

KINDS = words("region_words.txt") | words("generic_place_words.txt")


def annotated_texts(count: int) -> list:
    """Texts of the project's annotated corpus: news, press releases, academic prose."""
    lines = [line for path in sorted(ANNOTATED.glob("*.jsonl")) for line in path.read_text("utf-8").splitlines()]
    return [json.loads(line)["text"] for line in lines[::max(1, len(lines) // count)]][:count]


def ner_found(doc) -> list:
    return [(e.text, e.label) for e in doc._.candidates if e.source == "ner"]


def test_a_kind_of_place_alone_is_left_out(nlp):
    text = "Республика и Область готовы к диалогу. Губернатор Омской области посетил Казахстан."
    assert ("Область", "LOC") in [(text[s.start:s.stop], s.type) for s in ner_spans(ner_tagger(), ner_words(), text)]
    assert ner_found(nlp(text)) == [("Омской области", "LOC"), ("Казахстан", "LOC")]


def test_generic_reads_the_tokens_lemmas(nlp):
    """generic on the document's columns says what the tokens' own lemmas say."""
    spans, kinds = 0, 0
    for text in annotated_texts(20) + ["Республика и Область готовы к диалогу."]:
        doc = nlp(text)
        for s in ner_spans(ner_tagger(), ner_words(), text):
            span = doc.char_span(s.start, s.stop, alignment_mode="expand")
            lemmas = [fold(t.lemma_) for t in span if t.is_alpha] if span else []
            expected = bool(lemmas) and all(lemma in KINDS or lemma == "и" for lemma in lemmas)
            assert generic(doc, s.start, s.stop, KINDS) == expected, text[s.start:s.stop]
            spans, kinds = spans + 1, kinds + expected
    assert spans > 50 and kinds >= 1
