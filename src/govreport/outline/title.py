"""Outline title: the document's own title line among the lines before the body."""

from __future__ import annotations

import regex

from ..text.chars import HAN
from ..text.numbering import MAX_TITLE
from .blocks import Block
from .scan import is_body as _is_body


def take_title(text: str, blocks: list[Block]) -> int:
    """Mark the document's own title among the lines before the body; return the body's first index.

    The title is the last markdown heading of the shallowest level before the body (web
    exports put banners above it), else the first short line with four Han characters
    (two if no line has four).
    Other headings before the title are banners and mastheads: they become paragraphs.
    """
    zone = 0
    while zone < len(blocks):
        b = blocks[zone]
        s = text[b.start : b.end]
        if b.kind == "heading" and not (b.style or "").startswith(("markdown", "bold")):
            break
        if b.kind == "paragraph" and _is_body(s):
            break
        zone += 1
    md = [i for i in range(zone) if blocks[i].kind == "heading"]
    pick: int | None = None
    if md:
        top = min(len(blocks[i].marker or "") for i in md)
        pick = max(i for i in md if len(blocks[i].marker or "") == top)
    else:
        # four Han characters make a title; a menu token (下载, 打印) has two: use one only if alone
        han = [len(HAN.findall(text[b.start : b.end])) for b in blocks[:zone]]
        short = [i for i in range(zone) if blocks[i].end - blocks[i].start <= MAX_TITLE]
        pick = next((i for i in short if han[i] >= 4), next((i for i in short if han[i] >= 2), None))
    if pick is None:
        return zone
    for i in range(pick):
        if blocks[i].kind == "heading":
            b = blocks[i]
            blocks[i] = Block(b.start, b.end)
    t = blocks[pick]
    blocks[pick] = Block(t.start, t.end, "title", title_start=t.start, title_end=t.end)
    return zone


_TITLE_MARKUP = regex.compile(r"^#{1,6}\s+|^\*\*|\*\*$")


def clean_title(line: str) -> str:
    """The title line without its markdown or bold markup.

    >>> clean_title("## 力争“开门红”：各区市“起步即冲刺”")
    '力争“开门红”：各区市“起步即冲刺”'
    """
    return _TITLE_MARKUP.sub("", line.strip()).strip()
