"""razdel's token segmenter with a faster splitter, and its abbreviations.

Touches: razdel's `TokenSegmenter` with its `split` attribute replaced; the
subclass `SpacedSplitter` of razdel's `TokenSplitter`, which uses the
splitter's `atoms()` method and `window` attribute and builds razdel's
`TokenSplit` records; razdel's abbreviation list `SOKRS`
(razdel.segmenters.sokr), and its atom pattern `ATOM`
(razdel.segmenters.tokenize, read by `slovnet_taggers.py`). Compared with
the library by tests/adapters/test_razdel_tokens.py."""

from types import SimpleNamespace

from razdel.segmenters.sokr import SOKRS
from razdel.segmenters.tokenize import TokenSegmenter, TokenSplit, TokenSplitter

__all__ = ["SOKRS", "tokenize"]


class SpacedSplitter(TokenSplitter):
    """razdel's token splitter without the work its segmenter never reads:
    atoms parted by a space are never joined, so their split needs no
    TokenSplit and its rule context (a third of razdel's time). The tokens
    are razdel's own."""
    SPACED = SimpleNamespace(delimiter=" ")

    def __call__(self, text):
        atoms = list(self.atoms(text))
        for index, atom in enumerate(atoms):
            if index and atoms[index - 1].stop < atom.start:
                yield self.SPACED
            elif index:  # adjacent atoms: razdel's rules decide, as in TokenSplitter
                yield TokenSplit(atoms[max(0, index - self.window):index], "", atoms[index:index + self.window])
            yield atom.text


tokenize = TokenSegmenter()
tokenize.split = SpacedSplitter()
