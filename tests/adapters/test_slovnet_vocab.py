"""natasha's taggers loaded with navec's word vocabulary: the same words and
ids as their own, not a copy, and the same tags; a pack whose words differ
keeps its own."""

from natasha import Doc, NewsMorphTagger, NewsNERTagger, Segmenter
from natasha.data import NEWS_MORPH
from slovnet.const import WORD
from slovnet.exec.pack import Pack

from pipeline.adapters.navec_vectors import load
from pipeline.adapters.slovnet_vocab import navec_words
from pipeline.nlp.models import embedding, morph_tagger, ner_tagger

TEXT = ("Губернатор Свердловской области Евгений Куйвашев 12 марта встретился в Екатеринбурге "
        "с генеральным консулом Китая и обсудил поставки зерна в провинцию Хэйлунцзян.")


def tagged(morph, ner) -> tuple:
    doc = Doc(TEXT)
    doc.segment(Segmenter())
    doc.tag_morph(morph)
    doc.tag_ner(ner)
    return [(t.text, t.pos, t.feats) for t in doc.tokens], [(s.start, s.stop, s.type) for s in doc.spans]


def test_the_taggers_read_navecs_words_and_tag_as_natashas_own():
    navec, plain = embedding(), NewsMorphTagger(embedding())
    for tagger in (morph_tagger(), ner_tagger()):
        words = tagger.infer.encoder.words_vocab
        assert words.items is navec.vocab.words and words.item_ids is navec.vocab.word_ids
        assert words.items == plain.infer.encoder.words_vocab.items
        assert (words.unk_id, words.pad_id) == (plain.infer.encoder.words_vocab.unk_id,
                                                plain.infer.encoder.words_vocab.pad_id)
    ours = tagged(morph_tagger(), ner_tagger())
    assert ours == tagged(plain, NewsNERTagger(embedding()))
    assert ("Куйвашев", "PROPN") in [(text, pos) for text, pos, _ in ours[0]] and ours[1]


def test_a_pack_of_other_words_keeps_its_own():
    other = load_navec_without("область")
    with navec_words(other), Pack(NEWS_MORPH) as pack:
        words = pack.load_vocab(WORD)
    assert words.items is not other.vocab.words and "область" in words.item_ids
    assert Pack.load_vocab.__module__ == "slovnet.exec.pack"  # given back


def load_navec_without(word: str):
    from natasha.data import NEWS_EMBEDDING
    navec = load(NEWS_EMBEDDING)
    navec.vocab.words.remove(word)
    navec.vocab.word_ids = {w: i for i, w in enumerate(navec.vocab.words)}
    return navec
