"""slovnet's two taggers run below natasha's API, on slovnet's own parts
(encoder, network, tag vocabulary). natasha tokenises the text a second
time, builds a record per token, parses every tag string and decodes the
NER's CRF with a dozen numpy calls per token: on the bench corpus that was
half the time of the two stages. The networks get the same arrays as under
natasha, so the tags are the same.

The networks themselves (`Network`) run in (position, channel) layout, one
sequence at a time: each convolution is a sum of one matrix product per
kernel offset over the zero-padded input (slovnet copies every window into
a matrix first and works on swapped axes), batch norm folded into a scale
and a shift. The same arithmetic in another order: scores agree to ~1e-5,
and the tags with slovnet's (tests/adapters/test_slovnet_taggers.py).

Touches: a natasha tagger's `infer` (slovnet's inference object) and its
`encoder` (`item`, redone by `item_of` where it is `WordShapeEncoder.item`
over `Vocab.encode`: the vocabularies' `item_ids` and `unk_id`, and
`slovnet.shape.word_shape`; `words_vocab.pad_id`, `shapes_vocab.pad_id`),
`model` (`emb.word.codes/indexes.array`, navec's table, decoded by
`navec_vectors.decode`, `emb.shape.weight.array`, `encoder.layers` with `conv.weight.array`, `conv.bias.array`,
`conv.padding`, `norm.weight/bias/mean/std.array`, `head.proj.weight/bias.array`,
`head.crf.transitions.array`)
and `decoder` (`tags_vocab.encode/decode`, called on tag ids); slovnet's
`parse_bio`, `parse_conll_tag` and the parts `B`, `I`, `O` (its `bio_spans`
is read again on tag ids: `bio_read`). The NER reads razdel's tokens
of the whole text as natasha does (`adapters/razdel_tokens.token_spans`).
Compared with natasha and slovnet by tests/adapters/test_slovnet_taggers.py."""

from collections import OrderedDict
from itertools import repeat
from typing import NamedTuple

import numpy as np
from slovnet.bio import parse_bio
from slovnet.conll import parse_conll_tag
from slovnet.const import B, I, O
from slovnet.exec.encoders import WordShapeEncoder
from slovnet.shape import word_shape
from slovnet.vocab import Vocab

from pipeline.adapters.navec_vectors import decode
from pipeline.adapters.razdel_tokens import token_spans  # razdel's own tokens, read off its atoms
from pipeline.nlp.cache import cached, register

WORDS_KEPT = 50_000  # word ids remembered per encoding, then forgotten
FIRST_LAYER_WORDS = 8_000  # words whose first-layer products are kept: 3 KB each, 24 MB per network
BLOCK = 8  # new words' embeddings per matrix product (the weights read once a block, not once a word)


def same_encoding(a, b) -> bool:
    """Do two slovnet encoders give every word the same word and shape ids?"""
    def vocabs(encoder):
        return encoder.words_vocab, encoder.shapes_vocab
    return type(a) is type(b) and all(x is y or x.items == y.items for x, y in zip(vocabs(a), vocabs(b)))


SHARED_IDS = []  # the WordIds made, one per distinct encoding


def item_of(encoder):
    """`encoder.item` as slovnet computes it (each word's lower case in the
    word vocabulary, its `word_shape` in the shape vocabulary), the lookups
    made by C calls (`Vocab.encode` is `item_ids.get(item, unk_id)`), not
    two Python calls a word; slovnet's own `item` for any other encoder or
    vocabulary."""
    vocabs = encoder.words_vocab, encoder.shapes_vocab
    if type(encoder).item is not WordShapeEncoder.item or any(type(v).encode is not Vocab.encode for v in vocabs):
        return encoder.item
    (words, word_unk), (shapes, shape_unk) = ((v.item_ids, v.unk_id) for v in vocabs)

    def item(batch: list) -> tuple:
        return (list(map(words.get, map(str.lower, batch), repeat(word_unk))),
                list(map(shapes.get, map(word_shape, batch), repeat(shape_unk))))
    return item


class WordIds(dict):
    """The encoder's (word id, shape id) of each word, remembered (a cache of
    the registry, under `name`)."""

    def __init__(self, encoder, name: str):
        super().__init__()
        self.encoder, self.encode = encoder, item_of(encoder)
        register(name, WORDS_KEPT, self.clear, self.__len__)

    @classmethod
    def of(cls, tagger) -> "WordIds":
        """The word ids of a natasha tagger's encoder: one table for taggers
        whose encoders map words and shapes alike (natasha's NER and
        morphology both read navec's words), so a new word is encoded once."""
        encoder = tagger.infer.encoder
        for words in SHARED_IDS:
            if same_encoding(words.encoder, encoder):
                return words
        name = "slovnet_taggers.word_ids" + (f".{len(SHARED_IDS)}" if SHARED_IDS else "")
        SHARED_IDS.append(cls(encoder, name))
        return SHARED_IDS[-1]

    def __missing__(self, word):
        if len(self) >= WORDS_KEPT:
            self.clear()
        (word_id,), (shape_id,) = self.encode([word])
        self[word] = ids = (word_id, shape_id)
        return ids

    def item(self, words: list) -> tuple:
        """`encoder.item(words)`: the word ids and the shape ids; the words
        not remembered encoded together (one call for a text's new words)."""
        ids = list(map(self.get, words))
        if None in ids:
            new = list(dict.fromkeys(w for w, i in zip(words, ids) if i is None))
            if len(self) + len(new) > WORDS_KEPT:
                self.clear()
            if len(new) <= WORDS_KEPT:  # else one by one (`__missing__`), as many as may be kept
                self.update(zip(new, zip(*self.encode(new))))
            ids = [self[w] for w in words]
        return [i for i, _ in ids], [s for _, s in ids]


def bordered(size: int, width: int, dtype) -> tuple:
    """A (size + 2) x width array whose first and last rows are zeros, and
    the view of its other rows: a layer writes its output there, and the
    next layer's convolution reads it zero-padded without a copy."""
    whole = np.empty((size + 2, width), dtype=dtype)
    whole[0] = whole[-1] = 0
    return whole, whole[1:-1]


class Layer:
    """One CNN encoder layer of slovnet: convolution, ReLU, batch norm."""

    def __init__(self, layer):
        weight = layer.conv.weight.array                      # filters x in x kernel
        if layer.conv.padding != 1 or weight.shape[2] != 3:
            raise ValueError("a kernel of 3 with padding 1 is expected")  # slovnet's taggers have it
        self.kernels = [np.ascontiguousarray(weight[:, :, k].T) for k in range(weight.shape[2])]
        self.bias = layer.conv.bias.array
        norm = layer.norm
        self.scale = (norm.weight.array / norm.std.array).astype(weight.dtype)
        self.shift = (norm.bias.array - norm.mean.array * self.scale).astype(weight.dtype)

    def __call__(self, x: np.ndarray) -> np.ndarray:
        """positions x in -> positions x filters, both bordered (`bordered`)."""
        size = len(x) - 2
        whole, out = bordered(size, len(self.bias), x.dtype)
        np.matmul(x[:size], self.kernels[0], out=out)
        term = np.empty_like(out)  # each offset's product, then added: the sums of slovnet's order
        for k, kernel in enumerate(self.kernels[1:], 1):
            out += np.matmul(x[k:k + size], kernel, out=term)
        self.activate(out)
        return whole

    def activate(self, out: np.ndarray) -> np.ndarray:
        """The convolution's sums -> the layer's output: bias, ReLU, batch norm (in place)."""
        out += self.bias
        np.maximum(out, 0, out=out)
        out *= self.scale
        out += self.shift
        return out


def rounds_rows_alike(weights: np.ndarray, seed: int = 0) -> bool:
    """Does the BLAS give a row of `block @ weights` the same bits at each of
    the `BLOCK` places of a block, whatever the other rows? Tried with one
    random row at every place among random others."""
    rng = np.random.default_rng(seed)
    row = rng.standard_normal(weights.shape[0]).astype(weights.dtype)
    found = []
    for place in range(BLOCK):
        block = rng.standard_normal((BLOCK, weights.shape[0])).astype(weights.dtype)
        block[place] = row
        found.append((block @ weights)[place])
    return all(np.array_equal(found[0], f) for f in found[1:])


class Embedding:
    """slovnet's WordShapeEmbedding for one sequence: each word's navec vector
    (decoded by `navec_vectors.decode`: slovnet indexes the centroids with two
    arrays, 3x the time), then its shape's vector."""

    def __init__(self, emb):
        self.codes, self.indexes = emb.word.codes.array, emb.word.indexes.array
        self.shape = emb.shape.weight.array
        self.words = self.codes.shape[0] * self.codes.shape[2]
        self.dtype = np.result_type(self.codes, self.shape)  # as slovnet's concatenation gives

    def __call__(self, word_id: np.ndarray, shape_id: np.ndarray, rows: int = 0) -> np.ndarray:
        """words x dim, zero rows after them up to `rows`."""
        found = np.empty((max(rows, len(word_id)), self.words + self.shape.shape[1]), dtype=self.dtype)
        found[:len(word_id), :self.words] = decode(self.codes, self.indexes, word_id)
        found[:len(word_id), self.words:] = self.shape[shape_id]
        found[len(word_id):] = 0
        return found


class FirstLayer:
    """The first layer's convolution as sums of per-word products. A word's
    embedding meets each kernel offset's weights in a product of its own
    (the convolution is linear), so the products of a word are computed once
    and remembered, the least recently used forgotten first (two thirds of a
    network's arithmetic, and news repeat their words); the layer sums them
    at each position's neighbours."""

    def __init__(self, layer: Layer, embed, name: str, size: int):
        self.layer, self.embed, self.size = layer, Embedding(embed), size
        self.shapes = embed.shape.weight.array.shape[0]        # a word's key: word id * shapes + shape id
        self.weights = np.concatenate(layer.kernels, axis=1)  # in x (offset * filters)
        self.table = np.zeros((size, self.weights.shape[1]), dtype=self.weights.dtype)  # row x (offset * filters)
        self.rows, self.used = OrderedDict(), 0  # key -> its row, least recently used first; rows handed out
        self.blockwise = rounds_rows_alike(self.weights)
        register(name, size, self.clear, self.rows.__len__)

    def clear(self) -> None:
        self.rows.clear()
        self.used = 0

    def products(self, word_id: np.ndarray, shape_id: np.ndarray) -> np.ndarray:
        """words x (offset * filters): each word's embedding times each
        offset's weights. A word's products must not depend on the words it
        was first met with (the outputs would depend on the corpus's order),
        and the BLAS rounds a row of a matrix product by its place among the
        other rows (seen: last bits, from 16 rows up). So the words go in
        blocks of exactly `BLOCK` rows, zero-padded, where each row is
        rounded the same at every place (checked for these weights when the
        layer is made), else one word at a time (the weights read per word)."""
        if not self.blockwise:
            return np.stack([vector @ self.weights for vector in self.embed(word_id, shape_id)]) if len(word_id) \
                else np.zeros((0, self.weights.shape[1]), dtype=self.weights.dtype)
        embedded = self.embed(word_id, shape_id, -(-len(word_id) // BLOCK) * BLOCK)
        found = np.empty((len(embedded), self.weights.shape[1]), dtype=self.weights.dtype)
        for i in range(0, len(embedded), BLOCK):
            np.matmul(embedded[i:i + BLOCK], self.weights, out=found[i:i + BLOCK])
        return found[:len(word_id)]

    def remembered(self, keys: list, distinct: dict) -> np.ndarray:
        """The row of each key (`distinct`: the keys once each, in order), the
        products of keys not remembered computed and stored over the least
        recently used (the text's own are the most recent: it never evicts
        its own)."""
        rows, new, used = self.rows, [], self.rows.move_to_end
        for k in distinct:
            if k in rows:
                used(k)
            else:
                new.append(k)
        fresh = min(len(new), self.size - self.used)
        free = list(range(self.used, self.used + fresh))
        self.used += fresh
        free += [rows.popitem(last=False)[1] for _ in range(len(new) - fresh)]
        if new:
            ids = np.array(new, dtype=np.int64)
            self.table[free] = self.products(ids // self.shapes, ids % self.shapes)
            rows.update(zip(new, free))
        return np.fromiter(map(rows.__getitem__, keys), np.intp, len(keys))

    def __call__(self, word_id: np.ndarray, shape_id: np.ndarray) -> np.ndarray:
        """positions -> positions x filters, bordered (`bordered`)."""
        keys = (word_id.astype(np.int64) * self.shapes + shape_id).tolist()
        distinct = dict.fromkeys(keys)
        if len(distinct) <= self.size:
            found = self.table.take(self.remembered(keys, distinct), axis=0)
        else:  # a text of more distinct words than the table holds: its products alone
            found = self.products(word_id, shape_id)
        width = len(self.layer.bias)
        before, itself, after = found[:, :width], found[:, width:2 * width], found[:, 2 * width:]
        whole, out = bordered(len(keys), width, found.dtype)
        out[0] = itself[0]
        np.add(itself[1:], before[:-1], out=out[1:])  # the word itself and the word before
        out[:-1] += after[1:]                         # and the word after
        self.layer.activate(out)
        return whole


class Network:
    """slovnet's tagging network (embedding, CNN encoder, head projection)
    on one sequence: word and shape ids in, scores per position and tag out.
    Positions in `pad` are zeroed after every layer, as slovnet masks padding
    (a padding id embeds to zeros, so its products are zeros too). Each
    layer's output is bordered with zero rows (`bordered`): the padding of
    the next one's convolution."""

    def __init__(self, model, name: str):
        layers = [Layer(layer) for layer in model.encoder.layers]
        self.first = FirstLayer(layers[0], model.emb, f"slovnet_taggers.{name}.first_layer", FIRST_LAYER_WORDS)
        self.layers = layers[1:]
        self.proj = model.head.proj.weight.array, model.head.proj.bias.array

    def __call__(self, word_id: np.ndarray, shape_id: np.ndarray, pad: np.ndarray = None) -> np.ndarray:
        if not len(word_id):
            return np.zeros((0, self.proj[1].shape[0]), dtype=self.proj[0].dtype)
        masked = pad is not None and pad.any()
        x = self.first(word_id, shape_id)
        for layer in self.layers:
            if masked:
                x[1:-1][pad] = 0
            x = layer(x)
        if masked:
            x[1:-1][pad] = 0
        weight, bias = self.proj
        scores = x[1:-1] @ weight
        scores += bias
        return scores


NETWORKS = {}  # id of a slovnet model -> (the model, its Network): a tagger is not hashable


def network(tagger) -> Network:
    """The network of a natasha tagger, made once."""
    model = tagger.infer.model
    if id(model) not in NETWORKS:
        NETWORKS[id(model)] = model, Network(model, type(model).__name__.lower())
    return NETWORKS[id(model)][1]


def pieces(lengths: list, size: int):
    """Consecutive sentences' lengths, about `size` words a piece (a long sentence alone)."""
    piece, words = [], 0
    for length in lengths:
        if piece and words + length > size:
            yield piece
            piece, words = [], 0
        piece.append(length)
        words += length + 1
    if piece:
        yield piece


def morph_ids(tagger, word_id: np.ndarray, shape_id: np.ndarray, lengths: list, size: int) -> np.ndarray:
    """Tag id of each word, given the word and shape ids of sentences of
    `lengths` words, end to end. They go to the network that way, one padding
    position between sentences: padding embeds to zeros and the encoder
    zeroes it after every layer, so each sentence's convolutions see zeros
    past its ends, as when tagged alone, and no batch pads short sentences
    to the longest. Pieces of about `size` words bound the memory."""
    pad_word, pad_shape = tagger.infer.encoder.words_vocab.pad_id, tagger.infer.encoder.shapes_vocab.pad_id
    found, done = [], 0
    for piece in pieces(lengths, size):
        count = sum(piece)
        # each word's position: its place plus one padding position per sentence before it
        at = np.arange(count) + np.repeat(np.arange(len(piece)), piece)
        words, shapes = np.full(count + len(piece), pad_word), np.full(count + len(piece), pad_shape)
        words[at], shapes[at] = word_id[done:done + count], shape_id[done:done + count]
        found.append(network(tagger)(words, shapes, words == pad_word).argmax(-1)[at])
        done += count
    return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)


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
    (so the same ties), four numpy calls a word instead of a dozen. The step
    is laid out (next tag, previous tag): the argmax runs along contiguous
    rows, the emission comes as a whole (tags x tags) array (numpy's
    broadcasting costs more than the sum on 8 x 8), and the best score is
    read at the argmax (the maximum itself: a reduction costs more)."""
    tags = transitions.shape[0]
    incoming = np.ascontiguousarray(transitions.T)       # next x previous
    columns = np.repeat(emissions[:, :, None], tags, axis=2)  # each emission along its row
    places = np.arange(tags)
    history, score = [], emissions[0]
    for column in columns[1:]:
        step = incoming + score
        step += column
        best = step.argmax(1)
        history.append(best)
        score = step[places, best]
    best = [int(score.argmax())]
    for indexes in reversed(history):
        best.append(indexes[best[-1]])
    return np.array(best[::-1])


class Span(NamedTuple):
    """A NER span, as slovnet's `Span` record: character offsets and type."""

    start: int
    stop: int
    type: str


def bio_parts(tagger) -> list:
    """(part, type) of each NER tag id: ("B", "PER") for "B-PER", ("O", None) for "O"."""
    return [parse_bio(tag) for tag in tagger.infer.decoder.tags_vocab.items]


def ner_spans(tagger, words: WordIds, text: str, tokens: list = None) -> list:
    """natasha's `NewsNERTagger(text).spans`: Spans (start, stop, type).
    `tokens`: razdel's token spans of `text`, if already found."""
    if tokens is None:
        tokens = token_spans(text)
    if not tokens:
        return []
    word_id, shape_id = (np.array(ids) for ids in words.item([text[a:b] for a, b in tokens]))
    tags = viterbi(tagger.infer.model.head.crf.transitions.array, network(tagger)(word_id, shape_id))
    outside = tagger.infer.decoder.tags_vocab.encode("O")
    # Only entity tags and the O just after one can open or close a span.
    entity = tags != outside
    kept = entity.copy()
    kept[1:] |= entity[:-1]
    kept = np.flatnonzero(kept)
    return bio_read([tokens[i] for i in kept.tolist()], tags[kept].tolist(), bio_parts(tagger))


def bio_read(tokens: list, tags: list, parts: list) -> list:
    """slovnet's `bio_spans` on tag ids: "O" closes a span, "B" closes one
    and opens its own, "I" stretches the open one (whatever its type); any
    other tag ("<pad>") is passed over."""
    spans, kind, start, stop = [], None, 0, 0
    for (token_start, token_stop), tag in zip(tokens, tags):
        part, type_ = parts[tag]
        if part == I:
            stop = token_stop
        elif part == O or part == B:
            if kind:
                spans.append(Span(start, stop, kind))
            kind = type_ if part == B else None
            if part == B:
                start, stop = token_start, token_stop
    if kind:
        spans.append(Span(start, stop, kind))
    return spans
