"""slovnet's taggers driven below natasha's API give natasha's own results:
razdel's tokens, the CRF's path, the NER spans and the morphology tags."""

import numpy as np
import pytest
from razdel import sentenize, tokenize
from slovnet.exec.model import CRF, Weight

from pipeline.stages.morphology import Morphology, tagged_words
from pipeline.nlp.models import morph_tagger, morph_words, ner_tagger, ner_words
from pipeline.adapters.slovnet_taggers import morph_ids, morph_tag, ner_spans, pieces, viterbi

TEXTS = [
    "Губернатор Омской области Виталий Хоценко встретился с акимом Павлодарской области Асаином Байхановым.",
    "Делегация Республики Казахстан посетила Омск.\n\nМинистерство иностранных дел России поддержало форум.",
    "В 2018, 2019 и 2021 гг. товарооборот рос (на 12,5 %); т. е. кто-то -то :) ВКО–Алтай, Ту-154М.",
    "  Соглашение подписали в г. Кургане.\nМ. В. Иванов — «Казахтелеком»…  ",
]


@pytest.mark.parametrize("make", [
    lambda x: x,                  # no ties
    lambda x: np.round(x * 2) / 2,  # many equal sums
    lambda x: x * 1e4,            # the transitions vanish in the rounding
])
def test_viterbi_is_slovnets_decode(make):
    rng = np.random.default_rng(7)
    transitions = np.round(rng.normal(size=(8, 8)) * 2).astype(np.float32) / 2
    for size in [1, 2, 5, 40]:
        emissions = make(rng.normal(size=(size, 8))).astype(np.float32)
        expected = CRF(Weight((8, 8), "float32", transitions)).decode(emissions[None], np.ones((1, size), bool))[0]
        assert viterbi(transitions, emissions).tolist() == expected.tolist()


@pytest.mark.parametrize("tag_in, expected", [
    ("NOUN|Animacy=Inan|Case=Nom|Gender=Masc|Number=Sing", ("NOUN", "Animacy=Inan|Case=Nom|Gender=Masc|Number=Sing")),
    ("VERB|Tense=Past|Aspect=Perf", ("VERB", "Aspect=Perf|Tense=Past")),
    ("PUNCT", ("PUNCT", "")),
])
def test_morph_tag(tag_in, expected):
    assert morph_tag(tag_in) == expected


def test_ner_spans_example():
    text = TEXTS[0]
    assert [(text[s.start:s.stop], s.type) for s in ner_spans(ner_tagger(), ner_words(), text)] == [
        ("Омской области", "LOC"), ("Виталий Хоценко", "PER"),
        ("Павлодарской области", "LOC"), ("Асаином Байхановым", "PER")]


@pytest.mark.parametrize("text_in", TEXTS)
def test_ner_spans_are_natashas(text_in):
    expected = [(s.start, s.stop, s.type) for s in ner_tagger()(text_in).spans]
    assert [(s.start, s.stop, s.type) for s in ner_spans(ner_tagger(), ner_words(), text_in)] == expected


@pytest.mark.parametrize("text_in", TEXTS)
def test_tagged_words_follow_doc_sents(nlp, text_in):
    doc = nlp.make_doc(text_in)
    expected = [[t for t in s if not t.is_space] for s in doc.sents]
    words, orth, lengths = tagged_words(doc)
    assert words.tolist() == [t.i for s in expected for t in s]
    assert orth.tolist() == [t.orth for s in expected for t in s]
    assert lengths == [len(s) for s in expected if s]


@pytest.mark.parametrize("text_in", TEXTS)
def test_morphology_is_natashas(nlp, text_in):
    doc = Morphology(morph_tagger(), morph_words())(nlp.make_doc(text_in))
    sents = [[t for t in s if not t.is_space] for s in doc.sents]
    markups = morph_tagger().map([[t.text for t in s] for s in sents if s])
    expected = [(m.pos, "|".join(f"{k}={v}" for k, v in sorted(m.feats.items())))
                for markup in markups for m in markup.tokens]
    assert [(t.pos_, str(t.morph)) for t in doc if not t.is_space] == expected
    assert all(t.pos_ == "SPACE" and not str(t.morph) for t in doc if t.is_space)


def test_one_stage_over_texts_and_vocabularies_tags_as_fresh_ones():
    """The stage's table of tag values, filled as tags are met, gives each
    text the tags a fresh stage gives it, in a second vocabulary too."""
    import spacy
    stage = Morphology(morph_tagger(), morph_words())
    for nlp in (spacy.blank("ru"), spacy.blank("ru")):
        for text in TEXTS + annotated_texts(6):
            found = stage(nlp.make_doc(text))
            fresh = Morphology(morph_tagger(), morph_words())(nlp.make_doc(text))
            assert [(t.pos_, str(t.morph)) for t in found] == [(t.pos_, str(t.morph)) for t in fresh]
    assert stage.known.sum() > 50  # tags met once, kept


def tagged(sentences: list, size: int) -> list:
    """Each sentence's tags, by morph_ids on the sentences end to end."""
    word_id, shape_id = (np.array(ids, dtype=np.int64) for ids in morph_words().item(sum(sentences, [])))
    ids = morph_ids(morph_tagger(), word_id, shape_id, [len(s) for s in sentences], size)
    tags = morph_tagger().infer.decoder.tags_vocab
    ends = np.cumsum([len(s) for s in sentences]).tolist()
    return [[morph_tag(tags.decode(i)) for i in ids[a:b]] for a, b in zip([0] + ends, ends)]


@pytest.mark.parametrize("size", [1, 12, 2000])
def test_sentences_end_to_end_are_tagged_as_alone(size):
    """Whatever the piece size, each sentence gets the tags natasha gives it."""
    sentences = [[t.text for t in tokenize(s.text)] for text in TEXTS for s in sentenize(text)]
    found = tagged(sentences, size)
    expected = [[(t.pos, "|".join(f"{k}={v}" for k, v in sorted(t.feats.items()))) for t in markup.tokens]
                for markup in morph_tagger().map(sentences)]
    assert len(sentences) > 3 and found == expected


@pytest.mark.parametrize("lengths, size, expected", [
    ([3, 3, 3], 8, [[3, 3], [3]]),      # a sentence and its separator count
    ([10, 2], 8, [[10], [2]]),          # a long sentence alone
    ([2, 2, 2], 100, [[2, 2, 2]]),
])
def test_pieces(lengths, size, expected):
    assert list(pieces(lengths, size)) == expected


def annotated_texts(count: int = 40) -> list:
    """Varied texts of the project's own corpus: news, press releases, academic prose."""
    import json
    from pathlib import Path
    folder = Path(__file__).resolve().parents[2] / "corpus" / "annotated" / "documents"
    lines = [line for path in sorted(folder.glob("*.jsonl")) for line in path.read_text("utf-8").splitlines()]
    return [json.loads(line)["text"] for line in lines[::max(1, len(lines) // count)]][:count]


@pytest.mark.parametrize("tagger", [ner_tagger, morph_tagger])
def test_network_scores_are_slovnets(tagger):
    from pipeline.adapters.slovnet_taggers import network
    words = (ner_words if tagger is ner_tagger else morph_words)()
    model = tagger().infer.model
    for text in annotated_texts(8):
        tokens = [t.text for t in tokenize(text)]
        word_id, shape_id = (np.array(ids) for ids in words.item(tokens))
        expected = model(word_id[None], shape_id[None], np.zeros((1, len(tokens)), bool))[0]
        assert np.allclose(network(tagger())(word_id, shape_id), expected, rtol=0, atol=1e-4)


def test_ner_spans_are_natashas_on_varied_texts():
    texts = annotated_texts()
    found = [[(s.start, s.stop, s.type) for s in ner_spans(ner_tagger(), ner_words(), t)] for t in texts]
    expected = [[(s.start, s.stop, s.type) for s in ner_tagger()(t).spans] for t in texts]
    assert sum(map(len, expected)) > 100 and found == expected


def test_morphology_is_natashas_on_varied_texts():
    sentences = [[t.text for t in tokenize(s.text)] for text in annotated_texts() for s in sentenize(text)]
    found = tagged(sentences, 2000)
    expected = [[(t.pos, "|".join(f"{k}={v}" for k, v in sorted(t.feats.items()))) for t in markup.tokens]
                for markup in morph_tagger().map(sentences)]
    assert sum(map(len, sentences)) > 3000 and found == expected


def test_first_layer_forgets_least_recently_used_words_and_stays_exact(monkeypatch):
    """A table of 60 words over texts of more distinct words than that: the
    words evicted and computed again give the same tags."""
    from pipeline.adapters.slovnet_taggers import FirstLayer, Layer
    model = ner_tagger().infer.model
    small = FirstLayer(Layer(model.encoder.layers[0]), model.emb, "test.first_layer", 60)
    full = FirstLayer(Layer(model.encoder.layers[0]), model.emb, "test.first_layer_full", 5000)
    for text in annotated_texts(12):
        word_id, shape_id = (np.array(ids) for ids in ner_words().item([t.text for t in tokenize(text)]))
        assert np.array_equal(small(word_id, shape_id), full(word_id, shape_id))
        assert len(small.rows) <= 60 and small.used <= 60


def test_first_layer_products_of_a_word_do_not_depend_on_its_company():
    """A word's first-layer products have the same bits whether it is met
    alone, first or last among 20 new words (blocks of 8 or one by one):
    outputs must not depend on the order documents come in."""
    from pipeline.adapters.slovnet_taggers import FirstLayer, Layer
    model = ner_tagger().infer.model
    layer = FirstLayer(Layer(model.encoder.layers[0]), model.emb, "test.first_layer_company", 100)
    words = [t.text for t in tokenize(annotated_texts(1)[0])][:20]
    word_id, shape_id = (np.array(ids) for ids in ner_words().item(words))
    together = layer.products(word_id, shape_id)
    reversed_ = layer.products(word_id[::-1], shape_id[::-1])[::-1]
    alone = np.concatenate([layer.products(word_id[i:i + 1], shape_id[i:i + 1]) for i in range(20)])
    assert np.array_equal(together, reversed_) and np.array_equal(together, alone)


def test_taggers_reading_the_same_words_share_one_table_of_ids():
    words = ["Делегация", "Омской", "области", "посетила", "Павлодар", "«", "Казахтелеком", "»", "2024", "г."]
    assert ner_words() is morph_words()
    for tagger in (ner_tagger(), morph_tagger()):
        assert ner_words().item(words) == tuple(tagger.infer.encoder.item(words))


@pytest.mark.parametrize("tags_in", [
    ["O", "B-PER", "I-PER", "O"],
    ["B-LOC", "B-LOC", "I-LOC", "I-PER", "B-ORG"],   # B after B, I of another type stretches the open span
    ["I-PER", "I-PER", "O", "B-ORG", "I-ORG"],       # I with nothing open
    ["B-PER", "<pad>", "I-PER", "O", "<pad>", "B-LOC", "<pad>"],  # padding passed over
    ["O", "O"], [],
])
def test_bio_read_is_slovnets_bio_spans(tags_in):
    from slovnet.bio import bio_spans
    from slovnet.token import Token
    from pipeline.adapters.slovnet_taggers import bio_parts, bio_read
    tokens = [(3 * i, 3 * i + 2) for i in range(len(tags_in))]
    items = ner_tagger().infer.decoder.tags_vocab.items
    found = bio_read(tokens, [items.index(t) for t in tags_in], bio_parts(ner_tagger()))
    expected = bio_spans([Token(a, b, None) for a, b in tokens], tags_in)
    assert [tuple(s) for s in found] == [(s.start, s.stop, s.type) for s in expected]


@pytest.mark.parametrize("tagger", [ner_tagger, morph_tagger])
def test_embedding_is_slovnets_to_the_bit(tagger):
    """Words, an unknown word and the padding id: the vectors slovnet's
    embedding gives, bit for bit (the first layer's products start there)."""
    from pipeline.adapters.slovnet_taggers import Embedding
    model, encoder = tagger().infer.model, tagger().infer.encoder
    word_id, shape_id = (np.array(ids) for ids in ner_words().item(["Омской", "области", "губернатор", "хххъщщ", "«"]))
    word_id, shape_id = np.r_[word_id, encoder.words_vocab.pad_id], np.r_[shape_id, encoder.shapes_vocab.pad_id]
    expected = model.emb(word_id[None], shape_id[None])[0]
    found = Embedding(model.emb)(word_id, shape_id)
    assert found.dtype == expected.dtype and found.tobytes() == expected.tobytes()
    assert len(set(word_id.tolist())) == 5 and not found[-1].any()  # 3 words, the unknown, the padding (zeros)


def test_word_ids_are_the_encoders_and_stay_within_their_bound(monkeypatch):
    """New words encoded together, known ones remembered, repeated ones once;
    the table emptied when a text's new words would overfill it, and a text of
    more new words than it holds encoded one by one."""
    from pipeline.adapters import slovnet_taggers
    from pipeline.adapters.slovnet_taggers import WordIds
    monkeypatch.setattr(slovnet_taggers, "WORDS_KEPT", 5)
    encoder = ner_tagger().infer.encoder
    ids = WordIds(encoder, "test.word_ids")
    for words in (["Омск", "и", "Омск"], ["Павлодар", "и", "ОМСК", "2024"],
                  "Делегация Республики Казахстан посетила Омск 12 мая , и .".split()):
        assert ids.item(words) == tuple(encoder.item(words))
        assert 0 < len(ids) <= 5


def test_first_layer_one_word_at_a_time_where_the_blas_rounds_rows_by_place(monkeypatch):
    """The fallback for a BLAS that rounds a block's rows by their place:
    the same layer output but for the last bits, new and remembered words alike."""
    from pipeline.adapters import slovnet_taggers
    from pipeline.adapters.slovnet_taggers import FirstLayer, Layer
    model = ner_tagger().infer.model
    blockwise = FirstLayer(Layer(model.encoder.layers[0]), model.emb, "test.first_layer_blocks", 100)
    monkeypatch.setattr(slovnet_taggers, "rounds_rows_alike", lambda weights: False)
    alone = FirstLayer(Layer(model.encoder.layers[0]), model.emb, "test.first_layer_alone", 100)
    assert blockwise.blockwise and not alone.blockwise
    for text in annotated_texts(3) * 2:
        word_id, shape_id = (np.array(ids) for ids in ner_words().item([t.text for t in tokenize(text)][:60]))
        expected = blockwise(word_id, shape_id)
        # float32 sums of ~300 products of values up to ~14 in another order: ~1e-5 apart (BLAS threads)
        assert np.allclose(alone(word_id, shape_id), expected, rtol=1e-5, atol=1e-4) and expected.any()


def test_item_of_is_the_encoders_item():
    """The encoding by dict lookups gives slovnet's ids: words in and out of
    the vocabulary, every shape (cases, digits, marks, Latin, mixed); another
    kind of encoder keeps its own `item`."""
    from pipeline.adapters.slovnet_taggers import item_of
    encoder = ner_tagger().infer.encoder
    words = ("Губернатор Омской области В. Хоценко и АО «Газпром» 12 мая 2024 г. , ... ?! Ту-154М "
             "Санкт-Петербург iPhone NASA км2 №5 — 3,5 % Омск-Павлодар xyzzyqwrt ёлка Ёж").split()
    item = item_of(encoder)
    assert item is not encoder.item and item(words) == encoder.item(words)
    assert len(set(item(words)[1])) > 10  # the shapes vary

    class Other(type(encoder)):
        def item(self, words):
            return super().item(words)
    other = Other(encoder.words_vocab, encoder.shapes_vocab)
    assert item_of(other) == other.item
