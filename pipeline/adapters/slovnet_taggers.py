"""slovnet's two taggers run below natasha's API, on slovnet's own parts
(encoder, network, tag vocabulary). natasha tokenises the text a second
time, builds a record per token, parses every tag string and decodes the
NER's CRF with a dozen numpy calls per token: on the bench corpus that was
half the time of the two stages. The networks get the same arrays as under
natasha, so the tags are the same.

Touches: a natasha tagger's `infer` (slovnet's inference object) and its
`encoder` (`item`, `input`, `words_vocab.pad_id`, `shapes_vocab.pad_id`),
`model` (called on id arrays; `head.decode`, `head.crf.transitions.array`)
and `decoder` (`tags_vocab.encode/decode`, called on tag ids); slovnet's
`bio_spans`, `parse_conll_tag` and `Token`; razdel's atom pattern `ATOM`
(razdel.segmenters.tokenize). Compared with natasha and slovnet by
tests/adapters/test_slovnet_taggers.py."""

import re

import numpy as np
from razdel import tokenize
from razdel.segmenters.tokenize import ATOM
from slovnet.bio import bio_spans
from slovnet.conll import parse_conll_tag
from slovnet.token import Token

from pipeline.nlp.cache import cached, register

RUN = re.compile(r"\S+")
# Inside a run of non-space characters razdel joins or splits by the run
# itself and, across the spaces, by the kind of atom on either side ("а -то"
# keeps "-то" whole, "-то" alone is split): one letter of each kind stands in.
STAND_IN = {"RU": "я", "LAT": "z", "INT": "1", "PUNCT": ".", "OTHER": "§"}
WORDS_KEPT = 50_000  # word ids remembered per tagger, then forgotten


@cached("slovnet_taggers.kind", 4096)
def kind(char: str) -> str:
    return ATOM.match(char).lastgroup


@cached("slovnet_taggers.run_tokens", 1 << 15)
def run_tokens(left, run: str, right) -> tuple:
    """razdel's tokens of one run, (start, stop) within it, between neighbours
    of the kinds `left` and `right` (None: the text's edge)."""
    before = STAND_IN[left] + " " if left else ""
    window = before + run + (" " + STAND_IN[right] if right else "")
    n = len(before)
    return tuple((t.start - n, t.stop - n) for t in tokenize(window) if n <= t.start < n + len(run))


def razdel_tokens(text: str) -> list:
    """(start, stop) of each token of razdel.tokenize(text), the words slovnet's
    NER reads; news repeat their words, so a run is tokenised once."""
    runs = [(m.start(), m.group()) for m in RUN.finditer(text)]
    tokens = []
    for i, (start, run) in enumerate(runs):
        left = kind(runs[i - 1][1][-1]) if i else None
        right = kind(runs[i + 1][1][0]) if i + 1 < len(runs) else None
        tokens += [(start + a, start + b) for a, b in run_tokens(left, run, right)]
    return tokens


class WordIds(dict):
    """The encoder's (word id, shape id) of each word, remembered (a cache of
    the registry, under `name`)."""

    def __init__(self, encoder, name: str):
        super().__init__()
        self.encoder = encoder
        register(name, WORDS_KEPT, self.clear, self.__len__)

    @classmethod
    def of(cls, tagger, name: str) -> "WordIds":
        """The word ids of a natasha tagger's encoder."""
        return cls(tagger.infer.encoder, name)

    def __missing__(self, word):
        if len(self) >= WORDS_KEPT:
            self.clear()
        (word_id,), (shape_id,) = self.encoder.item([word])
        self[word] = ids = (word_id, shape_id)
        return ids

    def item(self, words: list) -> tuple:
        """`encoder.item(words)`: the word ids and the shape ids."""
        ids = [self[w] for w in words]
        return [i for i, _ in ids], [s for _, s in ids]

    def input(self, sentences: list):
        """The network's input for a batch of sentences (lists of words)."""
        return self.encoder.input([self.item(words) for words in sentences])


def pieces(sentences: list, size: int):
    """Consecutive sentences, about `size` words a piece (a long sentence alone)."""
    piece, words = [], 0
    for sentence in sentences:
        if piece and words + len(sentence) > size:
            yield piece
            piece, words = [], 0
        piece.append(sentence)
        words += len(sentence) + 1
    if piece:
        yield piece


def morph_ids(tagger, words: WordIds, sentences: list, size: int) -> list:
    """Tag ids of each sentence's words. Sentences go to the network end to
    end, one padding position between them: padding embeds to zeros and the
    encoder zeroes it after every layer, so each sentence's convolutions see
    zeros past its ends, as when tagged alone, and no batch pads short
    sentences to the longest. Pieces of about `size` words bound the memory."""
    pad_word, pad_shape = words.encoder.words_vocab.pad_id, words.encoder.shapes_vocab.pad_id
    ids = []
    for piece in pieces(sentences, size):
        word_ids, shape_ids = [], []
        for sentence in piece:
            w, sh = words.item(sentence)
            word_ids += w + [pad_word]
            shape_ids += sh + [pad_shape]
        word_id, shape_id = np.array([word_ids]), np.array([shape_ids])
        model = tagger.infer.model
        tags = model.head.decode(model(word_id, shape_id, word_id == pad_word))[0]
        starts = np.cumsum([0] + [len(sentence) + 1 for sentence in piece])
        ids += [tags[a:b - 1] for a, b in zip(starts, starts[1:])]
    return ids


@cached("slovnet_taggers.morph_tag", 2048)
def morph_tag(tag: str) -> tuple:
    """("NOUN", "Case=Nom|Gender=Fem|Number=Sing") from "NOUN|Case=Nom|…": the
    features sorted, as spaCy writes them."""
    pos, feats = parse_conll_tag(tag)
    return pos, "|".join(f"{k}={v}" for k, v in sorted(feats.items()))


def morph_tags(tagger, tag_ids) -> list:
    """(POS, features) of each of the morphology tagger's tag ids."""
    vocab = tagger.infer.decoder.tags_vocab
    return [morph_tag(vocab.decode(i)) for i in tag_ids]


def viterbi(transitions, emissions) -> np.ndarray:
    """slovnet's CRF.decode for a batch of one: the same sums in the same order
    (so the same ties), four numpy calls a word instead of a dozen."""
    history, score = [], emissions[0]
    for emission in emissions[1:]:
        step = score[:, None] + transitions
        step += emission
        history.append(step.argmax(0))
        score = step.max(0)
    best = [int(score.argmax())]
    for indexes in reversed(history):
        best.append(indexes[best[-1]])
    return np.array(best[::-1])


def ner_spans(tagger, words: WordIds, text: str) -> list:
    """natasha's `NewsNERTagger(text).spans`: slovnet Spans (start, stop, type)."""
    tokens = razdel_tokens(text)
    input = words.input([[text[a:b] for a, b in tokens]])
    model = tagger.infer.model
    tags = viterbi(model.head.crf.transitions.array, model(input.word_id, input.shape_id, input.pad_mask)[0])
    outside = tagger.infer.decoder.tags_vocab.encode("O")
    # Only entity tags and the O just after one can open or close a span.
    kept = np.flatnonzero((tags != outside) | (np.r_[outside, tags[:-1]] != outside))
    names = next(tagger.infer.decoder([tags[kept]]))
    return list(bio_spans([Token(*tokens[i], None) for i in kept], names))
