"""Unnumbered subheads: a short phrase alone on its line, between two stretches of body text."""

from __future__ import annotations

import regex

from ..text.chars import BREAK_OFF, COLONS, COMMAS, ENUMERATION_COMMA, FULL_STOPS, HAN, SEMICOLONS
from ..text.numbering import MAX_SUBHEAD
from ..text.words import PICTURED
from .blocks import Block
from .leads import SALUTATION
from .scan import is_body

#: a short line that names a place or a facility is a photo caption, not a subhead
CAPTION_TAIL = regex.compile(PICTURED + "$")

#: a sentence or a lead-in: not a title line
_SENTENCE_MARK = regex.compile(f"[{regex.escape(FULL_STOPS + SEMICOLONS + COLONS)}]")
#: a phrase that goes on (a comma, an enumeration comma) or breaks off: not a title line
_OPEN_END = COMMAS + ENUMERATION_COMMA + BREAK_OFF


def subhead_shape(s: str) -> bool:
    """A short phrase without sentence punctuation: 步伐坚实, “十四五”时期经济社会发展回顾."""
    if not 4 <= len(s) <= MAX_SUBHEAD or s[-1] in _OPEN_END or _SENTENCE_MARK.search(s):
        return False
    if len(HAN.findall(s)) < 4:
        return False
    return CAPTION_TAIL.search(s) is None and SALUTATION.fullmatch(s) is None


def mark_subheads(text: str, blocks: list[Block], first: int) -> None:
    """Unnumbered subheads: a short line between two stretches of body text.

    Accepted only when the document has at least two of them, so a lone short line
    (a caption or banner left by the layout) stays a paragraph.
    """
    found: list[int] = []
    for i in range(max(first, 1), len(blocks) - 1):
        b = blocks[i]
        if b.kind != "paragraph" or not subhead_shape(text[b.start : b.end]):
            continue
        prev, nxt = blocks[i - 1], blocks[i + 1]
        prev_ok = prev.kind == "heading" and prev.body_start is not None
        prev_ok = prev_ok or (prev.kind == "paragraph" and is_body(text[prev.start : prev.end]))
        if prev_ok and nxt.kind == "paragraph" and is_body(text[nxt.start : nxt.end]):
            found.append(i)
    if len(found) < 2:
        return
    for i in found:
        b = blocks[i]
        blocks[i] = Block(b.start, b.end, "heading", "subhead", None, None, b.start, b.end)
