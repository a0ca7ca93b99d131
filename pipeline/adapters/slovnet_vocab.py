"""natasha's taggers loaded with the word vocabulary the embedding already has.

A slovnet tagger's pack carries the word list of the navec embedding it was
trained with, and loading it makes a list and a dict of its 250,000 words
per tagger (0.13 s and 39 MB each, twice: morphology and NER). navec's
Vocab holds the same list and dict. So while the taggers load, a pack's word
vocabulary whose words are exactly navec's (read to compare, not made a
dict: 0.05 s) is given as a slovnet Vocab over navec's own list and dict;
any other vocabulary (a pack of another embedding) is slovnet's own.

Touches: `slovnet.exec.pack.Pack.load_vocab` (replaced while the taggers are
built, given back after) and its `read`, slovnet's `Vocab` attributes
(`items`, `item_ids`, `unk_id`, `pad_id`), navec's `Vocab` (`words`,
`word_ids`). Compared with plain natasha by tests/adapters/test_slovnet_vocab.py."""

from contextlib import contextmanager
from gzip import decompress
from threading import Lock

from slovnet.const import PAD, UNK, WORD
from slovnet.exec.pack import Pack, vocab_name
from slovnet.vocab import Vocab


REPLACING = Lock()  # taggers loaded by two threads at once: one replacement at a time


class SharedWords(Vocab):
    """slovnet's word vocabulary over navec's list and dict of the same words."""

    def __init__(self, words: list, word_ids: dict):
        self.items, self.item_ids = words, word_ids
        self.unk_id, self.pad_id = word_ids.get(UNK), word_ids.get(PAD)


def words_of(pack: Pack) -> list:
    """The pack's words, as slovnet reads them into its Vocab."""
    return decompress(pack.read(vocab_name(WORD))).decode("utf8").splitlines()


@contextmanager
def navec_words(navec):
    """Taggers built in the block read `navec`'s words where their pack's are the same."""
    shared = SharedWords(navec.vocab.words, navec.vocab.word_ids)

    def load_vocab(pack, id):
        if id == WORD and words_of(pack) == shared.items:
            return shared
        return own(pack, id)

    with REPLACING:
        own = Pack.load_vocab
        Pack.load_vocab = load_vocab
        try:
            yield
        finally:
            Pack.load_vocab = own
