"""Text that remembers where each character came from.

`Aligned` pairs a string with the source offset of every character; edits
rebuild both. The compact form written to outputs is `runs()`: pairs
[clean offset, source offset] within which both advance together."""

import re
from array import array
from dataclasses import dataclass
from collections.abc import Callable, Iterable

import numpy


@dataclass(frozen=True)
class Aligned:
    text: str
    offsets: array  # offsets[i] = source offset of text[i]; 8 bytes a character, not an int object

    @classmethod
    def of(cls, text: str) -> "Aligned":
        return cls(text, array("q", numpy.arange(len(text), dtype=numpy.int64).tobytes()))

    def edit(self, edits: Iterable[tuple]) -> "Aligned":
        """Apply (start, end, replacement) edits, sorted and non-overlapping.
        Replacement character j maps to source character start + min(j, len - 1)
        of the replaced stretch, so "-\\n" -> "-" keeps the hyphen's offset."""
        text, source = self.text, self.offsets
        parts, offsets, last = [], array("q"), 0
        for start, end, repl in edits:
            parts += text[last:start], repl
            offsets += source[last:start]
            span = source[start:end] or array("q", [self._offset_at(start)])
            offsets += span[:len(repl)]
            if len(repl) > len(span):  # the rest map to the stretch's last character
                offsets.extend([span[-1]] * (len(repl) - len(span)))
            last = end
        parts.append(text[last:])
        offsets += source[last:]
        return Aligned("".join(parts), offsets)

    def sub(self, pattern: re.Pattern, repl: Callable[[re.Match], str]) -> "Aligned":
        edits = []
        for m in pattern.finditer(self.text):
            new = repl(m)
            if new != m.group(0):
                edits.append((m.start(), m.end(), new))
        return self.edit(edits) if edits else self

    def _offset_at(self, i: int) -> int:
        if i < len(self.offsets):
            return self.offsets[i]
        return self.offsets[-1] + 1 if self.offsets else 0

    def runs(self) -> list:
        """Compact map: [[clean, source], ...], a new run wherever the
        source offset does not advance with the clean one."""
        source = numpy.frombuffer(self.offsets, dtype=numpy.int64)
        starts = numpy.flatnonzero(numpy.diff(source, prepend=source[:1] - 2) != 1)
        return [[i, src] for i, src in zip(starts.tolist(), source[starts].tolist())] or [[0, 0]]


def to_source(runs: list, offset: int) -> int:
    """Source offset of a clean-text offset, from the compact runs."""
    lo, hi = 0, len(runs) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if runs[mid][0] <= offset:
            lo = mid
        else:
            hi = mid - 1
    clean, source = runs[lo]
    return source + (offset - clean)
