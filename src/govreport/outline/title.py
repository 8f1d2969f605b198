"""Outline title: the document's own title line among the lines before the body."""

from __future__ import annotations

import regex

from ..text.chars import HAN
from ..text.numbering import MAX_TITLE
from ..text.words import DATED_SUBTITLE, NAMES_REPORT, TITLE_QUALIFIER
from .blocks import Block
from .scan import is_body as _is_body


def take_title(text: str, blocks: list[Block]) -> int:
    """Mark the document's own title among the lines before the body; return the body's first index.

    The title is the last markdown heading of the shallowest level before the body (web
    exports put banners above it), else a plain line (:func:`_plain_title`), with the
    report's version on the line below it (（摘要）, :data:`TITLE_QUALIFIER`).
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
        pick = _plain_title(text, blocks, zone)
    if pick is None:
        return zone
    for i in range(pick):
        if blocks[i].kind == "heading":
            b = blocks[i]
            blocks[i] = Block(b.start, b.end)
    t = blocks[pick]
    end = t.end
    if pick + 1 < len(blocks) and TITLE_QUALIFIER.fullmatch(
        text[blocks[pick + 1].start : blocks[pick + 1].end].strip()
    ):
        end = blocks.pop(pick + 1).end
        zone -= pick + 1 < zone
    blocks[pick] = Block(t.start, end, "title", title_start=t.start, title_end=end)
    return zone


_TITLE_MARKUP = regex.compile(r"^#{1,6}\s+|^\*\*|\*\*$")


def clean_title(line: str) -> str:
    """The title without its markdown or bold markup, its lines joined (政府工作报告 / （摘要）).

    >>> clean_title("## 力争“开门红”：各区市“起步即冲刺”")
    '力争“开门红”：各区市“起步即冲刺”'
    """
    return "".join(_TITLE_MARKUP.sub("", part.strip()).strip() for part in line.split("\n"))


def _plain_title(text: str, blocks: list[Block], zone: int) -> int | None:
    """The title among the plain short lines before the body, read as a reader would.

    The line just above a dated subtitle (``——2021年1月31日在…会议上``) is the title; else,
    in a headline block, the first line that names the report or the meeting rather than a
    slogan; else the first short line with four Han characters (a menu token such as 下载
    has two: one is taken only if nothing else is there).
    """
    lines = [text[b.start : b.end].strip() for b in blocks[: zone + 1]]
    han = [len(HAN.findall(s)) for s in lines]
    short = [i for i in range(zone) if len(lines[i]) <= MAX_TITLE and han[i] >= 2]
    sub = next((i for i, s in enumerate(lines) if DATED_SUBTITLE.match(s)), None)
    above = [i for i in short if sub is not None and i < sub]
    if above:
        return above[-1]
    titled = [i for i in short if han[i] >= 4]
    named = [i for i in titled if NAMES_REPORT.search(lines[i]) and not lines[i].startswith(("—", "-"))]
    return next(iter(named or titled or short), None)
