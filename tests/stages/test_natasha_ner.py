"""natasha's NER stage: natasha's spans, a word for a kind of place alone left out."""

from pipeline.adapters.slovnet_taggers import ner_spans
from pipeline.nlp.models import ner_tagger, ner_words
from pipeline.rules.lexicon import words
from pipeline.stages.natasha_ner import generic

KINDS = words("region_words.txt") | words("generic_place_words.txt")


def ner_found(doc) -> list:
    return [(e.text, e.label) for e in doc._.candidates if e.source == "ner"]


def test_a_kind_of_place_alone_is_left_out(nlp):
    text = "Республика и Область готовы к диалогу. Губернатор Омской области посетил Казахстан."
    assert ("Область", "LOC") in [(text[s.start:s.stop], s.type) for s in ner_spans(ner_tagger(), ner_words(), text)]
    assert ner_found(nlp(text)) == [("Омской области", "LOC"), ("Казахстан", "LOC")]


def test_generic(nlp):
    doc = nlp("Республика и Область готовы к диалогу. Губернатор Омской области посетил Казахстан.")
    text = doc.text
    assert generic(doc, 0, text.index(" готовы"), KINDS)              # "Республика и Область"
    assert not generic(doc, text.index("Омской"), text.index(" посетил"), KINDS)
    assert not generic(doc, text.index("Казахстан"), len(text) - 1, KINDS)


def test_the_tokenizers_razdel_tokens_give_razdels_spans(nlp):
    """The tokens the tokenizer hands on and razdel's own give the NER the same spans;
    where the sentences' tokens may differ from the whole text's ("2010." before "2011"),
    none are handed on and the stage tokenizes the text itself."""
    text = "Губернатор Омской области посетил Казахстан. Рост продолжился в 2010. 2011 год стал рекордным."
    shorter = text[:text.index(" Рост")] + " Рост продолжился."
    assert nlp.make_doc(text)._.razdel_tokens is None
    doc = nlp.make_doc(shorter)
    assert doc._.razdel_tokens is not None
    expected = ner_spans(ner_tagger(), ner_words(), shorter)
    assert ner_spans(ner_tagger(), ner_words(), shorter, doc._.razdel_tokens) == expected
    assert [(shorter[start:end], label) for start, end, label in expected] == \
        [("Омской области", "LOC"), ("Казахстан", "LOC")]
