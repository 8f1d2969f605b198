"""A compact map from normalised text positions back to the original input.

Normalisation rewrites text in sparse edits (a pinyin reading dropped here, a
line break joined there), so the map stores one segment per unchanged run or
replacement rather than one integer per character. A segment whose normalised
length equals its original length maps linearly (character ``i`` came from
original ``src + i``); any other segment maps every character to its whole
original span. Lookups are a binary search, composition happens edit by edit.

>>> m = OffsetMap.identity(10)
>>> text, m2 = apply_edits("abcdefghij", [Edit(2, 4, "")], m)
>>> text
'abefghij'
>>> m2.span(2, 4)
(4, 6)
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from typing import NamedTuple


class Edit(NamedTuple):
    """Replace ``text[start:end]`` by ``new``.

    ``kind`` names the noise the removed text was (``caption``, ``reading`` …);
    ``None`` means a rewrite of the same content (width folding, script
    conversion, joined layout whitespace).
    """

    start: int
    end: int
    new: str
    kind: str | None = None


class OffsetMap:
    """Segments ``(dst_start, src_start, src_end)`` sorted by ``dst_start``."""

    __slots__ = ("_dst", "_shift", "_src_end", "_src_start", "length", "src_length")

    def __init__(self, dst: list[int], src_start: list[int], src_end: list[int], length: int, src_length: int) -> None:
        self._dst = dst
        self._src_start = src_start
        self._src_end = src_end
        self.length = length
        self.src_length = src_length
        # per segment: original minus normalised offset where it maps linearly, else None
        ends = [*dst[1:], length] if dst else []
        self._shift: list[int | None] = [
            s0 - d0 if e - d0 == s1 - s0 else None for d0, e, s0, s1 in zip(dst, ends, src_start, src_end, strict=True)
        ]

    @classmethod
    def identity(cls, n: int) -> OffsetMap:
        """The map of a text that is its own original."""
        return cls([0], [0], [n], n, n)

    def __len__(self) -> int:
        return len(self._dst)

    def _segment(self, pos: int) -> int:
        return max(0, bisect_right(self._dst, pos) - 1)

    def _seg_dst_end(self, i: int) -> int:
        return self._dst[i + 1] if i + 1 < len(self._dst) else self.length

    def _linear(self, i: int) -> bool:
        return self._seg_dst_end(i) - self._dst[i] == self._src_end[i] - self._src_start[i]

    def start_of(self, pos: int) -> int:
        """Original offset of the character at normalised ``pos``."""
        if pos >= self.length:
            return self.src_length if not self._dst else self._src_end[-1]
        i = bisect_right(self._dst, pos) - 1
        if i < 0:
            i = 0
        shift = self._shift[i]
        if shift is not None:
            return pos + shift
        # inside a replacement of another length (a repaired span): a span starting in its
        # middle starts after it, so that it stays disjoint from a span ending there
        return self._src_start[i] if pos == self._dst[i] else self._src_end[i]

    def end_of(self, pos: int) -> int:
        """Original offset just past the character at normalised ``pos - 1``."""
        if pos <= 0:
            return self._src_start[0] if self._dst else 0
        if not self._dst:  # everything was removed: a span past the start ends at the end
            return self.src_length
        pos = min(pos, self.length)
        i = bisect_right(self._dst, pos - 1) - 1
        if i < 0:
            i = 0
        shift = self._shift[i]
        return self._src_end[i] if shift is None else pos + shift

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of the normalised span ``[start, end)``."""
        if end <= start:
            s = self.start_of(start)
            return s, s
        return self.start_of(start), self.end_of(end)

    def shift(self, start: int, end: int) -> int | None:
        """How far ``[start, end)`` lies from its original span when it maps one for one (no edit
        inside: most paragraphs, as edits are sparse): every span inside it maps by adding this.
        ``None`` when it holds an edit or is shorter than two characters.

        >>> text, m = apply_edits("页眉\\n增长5%。", [Edit(0, 3, "")], OffsetMap.identity(8))
        >>> m.shift(0, 5), m.span(2, 4)
        (3, (5, 7))
        """
        if end - start < 2 or not self._dst:
            return None
        i = self._segment(start)
        shift = self._shift[i]
        return shift if shift is not None and end <= self._seg_dst_end(i) else None

    def slice(self, start: int, end: int) -> Iterable[tuple[int, int, int]]:
        """Segments covering normalised ``[start, end)`` as ``(dst_len, src_start, src_end)``."""
        if end <= start:
            return
        i = self._segment(start)
        while i < len(self._dst) and self._dst[i] < end:
            d0, d1 = self._dst[i], self._seg_dst_end(i)
            s0, s1 = self._src_start[i], self._src_end[i]
            a, b = max(d0, start), min(d1, end)
            if d1 - d0 == s1 - s0:
                yield b - a, s0 + (a - d0), s0 + (b - d0)
            else:  # part of a replacement: it starts where a span starting there would (start_of)
                yield b - a, (s0 if a == d0 else s1), s1
            i += 1


def apply_edits(text: str, edits: Sequence[Edit], omap: OffsetMap) -> tuple[str, OffsetMap]:
    """Apply sorted, non-overlapping ``edits`` to ``text`` and compose the map.

    Unchanged runs keep their mapping; a replacement maps to the whole original
    span it replaced, or linearly when it has the same length (one character
    for one, as in script conversion).
    """
    if not edits:
        return text, omap
    parts: list[str] = []
    dst: list[int] = []
    s0: list[int] = []
    s1: list[int] = []
    pos = 0
    out_len = 0

    def emit(n: int, a: int, b: int) -> None:
        nonlocal out_len
        if n <= 0:
            return
        # merge with previous linear segment when contiguous
        if dst and s1[-1] == a and out_len - dst[-1] == s1[-1] - s0[-1] and n == b - a:
            s1[-1] = b
        else:
            dst.append(out_len)
            s0.append(a)
            s1.append(b)
        out_len += n

    def carry(start: int, end: int) -> None:
        """Emit the map of the kept text ``[start, end)``."""
        for n, a, b in omap.slice(start, end):
            emit(n, a, b)

    for e in edits:
        if e.start < pos or e.end < e.start or e.end > len(text):
            msg = f"edits must be sorted and non-overlapping within the text: {e!r}"
            raise ValueError(msg)
        if e.start > pos:
            parts.append(text[pos : e.start])
            carry(pos, e.start)
        if e.new:
            parts.append(e.new)
            if len(e.new) == e.end - e.start:
                carry(e.start, e.end)
            else:
                a, b = omap.span(e.start, e.end)
                emit(len(e.new), a, b)
        pos = e.end
    if pos < len(text):
        parts.append(text[pos:])
        carry(pos, len(text))
    new_text = "".join(parts)
    if not dst:
        end = omap.src_length
        return new_text, OffsetMap([], [], [], 0, end)
    return new_text, OffsetMap(dst, s0, s1, out_len, omap.src_length)
