"""navec's word vectors: loaded for the taggers and read as the directions
features read them.

Touches: navec's `Tar`, `Meta`, `Vocab` and `PQ` (the parts of its archive,
read as `Navec.load` reads them); a Navec object's `vocab` (its `word_ids`,
the dict its `get` reads) and `pq`, the product-quantised table: `indexes`
(the centroid of each word in each sub-space) and `codes` (the centroids,
whose shape gives the sizes), read as navec's own `pq[id]` reads them, for
many words in one gather (`decode`). Compared with the library by tests/adapters/test_navec_vectors.py."""

import numpy as np
from navec import Navec
from navec.meta import Meta
from navec.navec import META, PQ_, VOCAB
from navec.pq import PQ
from navec.tar import Tar
from navec.vocab import Vocab


class Vectors(PQ):
    """The table without what only `Navec.sim` reads: a norm per word and
    every pair of centroids' products (26 MB, 0.2-0.4 s of a start-up)."""

    def precompute(self):
        self.qdims = np.arange(self.qdim)  # what a vector is read with


def load(path) -> Navec:
    """The embedding of navec's archive at `path`, as natasha's NewsEmbedding
    holds it (the same vocabulary and vectors), without similarities."""
    with Tar(path) as tar:
        meta = Meta.from_file(tar.load(META))
        Meta.check_protocol(meta.protocol)
        return Navec(meta, Vocab.from_file(tar.load(VOCAB)), Vectors.from_file(tar.load(PQ_)))


def dimension(navec) -> int:
    """The length of every vector."""
    return navec.pq.dim


def vectors(navec, words: list) -> list:
    """Each word's vector, read-only (it is shared), or None where navec
    does not know it; the known ones decoded together: navec decodes
    a word with a fancy index over all sub-spaces (several microseconds a
    call); one `take` of the centroids' rows serves every word at once."""
    ids = list(map(navec.vocab.word_ids.get, words))  # Vocab.get's answer, without its two calls a word
    known = [i for i in ids if i is not None]
    if not known:
        return [None] * len(words)
    decoded = decode(navec.pq.codes, navec.pq.indexes, known)
    decoded.flags.writeable = False
    found = iter(decoded)
    return [None if i is None else next(found) for i in ids]


def decode(codes: np.ndarray, indexes: np.ndarray, ids) -> np.ndarray:
    """words x dim: the vectors of word ids, given the quantised table's
    `codes` (sub-space x centroid x chunk) and `indexes` (word x sub-space:
    a centroid), in one `take` of the centroids' rows."""
    spaces, centroids, chunk = codes.shape
    rows = indexes[ids] + np.arange(spaces) * centroids  # sub-space s, centroid c: row s * centroids + c
    return np.take(codes.reshape(spaces * centroids, chunk), rows.ravel(), axis=0).reshape(len(rows), spaces * chunk)
