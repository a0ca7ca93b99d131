from array import array

import pytest

from pipeline.text.align import Aligned


@pytest.mark.parametrize("edits, text, offsets", [
    ([(1, 3, "")], "агд", [0, 3, 4]),                           # a deletion
    ([(1, 3, "x")], "аxгд", [0, 1, 3, 4]),                      # two characters become one
    ([(1, 2, "xyz")], "аxyzвгд", [0, 1, 1, 1, 2, 3, 4]),        # the extra ones map to the last
    ([(2, 2, "-")], "аб-вгд", [0, 1, 2, 2, 3, 4]),              # an insertion maps to what follows
    ([(5, 5, ".")], "абвгд.", [0, 1, 2, 3, 4, 5]),              # ... or past the end
    ([(0, 1, "ab"), (3, 5, "")], "abбв", [0, 0, 1, 2]),
])
def test_edit_keeps_source_offsets(edits, text, offsets):
    edited = Aligned.of("абвгд").edit(edits)
    assert (edited.text, list(edited.offsets)) == (text, offsets)


@pytest.mark.parametrize("offsets, runs", [
    ([], [[0, 0]]),
    ([7], [[0, 7]]),
    ([0, 1, 2, 5, 6, 6, 7, 3], [[0, 0], [3, 5], [5, 6], [7, 3]]),
])
def test_runs(offsets, runs):
    assert Aligned("x" * len(offsets), array("q", offsets)).runs() == runs
