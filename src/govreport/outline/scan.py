"""Scan: lines of normalised text to a flat stream of :class:`Block` items.

Every non-blank line is a heading candidate (tried against the numbering styles of
:mod:`govreport.text.numbering`) or a paragraph; a paragraph carries its reading as a
lead-sentence heading, if it has one, for :mod:`.leads` to decide on later.
"""

from __future__ import annotations

import regex

from ..text.chars import COLONS, FULL_STOPS, HAN, SEMICOLONS, STOP_CLOSERS
from ..text.numbering import MAX_TITLE, OWN_TITLE, read_heading
from ..text.numerals import CN_NUMERAL_CHARS
from .blocks import Block
from .leads import read_lead

_CN = CN_NUMERAL_CHARS
_LINE = regex.compile(r"[^\n]+")
#: a sentence or a lead-in: not a title line
SENTENCE_MARK = regex.compile(f"[{regex.escape(FULL_STOPS + SEMICOLONS + COLONS)}]")
#: an opening bracket alone on its line
_OPEN_ONLY = ("(", "（")
_CLOSE_START = regex.compile(rf"\s*[{_CN}\d]{{1,3}}\s*[)）]")


def scan(text: str) -> list[Block]:
    """Lines to blocks: every non-blank line is a heading candidate or a paragraph."""
    blocks: list[Block] = []
    lines = [(m.start(), m.group()) for m in _LINE.finditer(text)]
    i = 0
    while i < len(lines):
        pos, raw = lines[i]
        s = raw.strip()
        i += 1
        if not s:
            continue
        start = pos + (len(raw) - len(raw.lstrip()))
        end = start + len(s)
        if s in _OPEN_ONLY and i < len(lines) and _CLOSE_START.match(lines[i][1]):
            # a heading split after its opening bracket: （ / 三）改革开放持续深化
            npos, nraw = lines[i]
            ns = nraw.strip()
            nstart = npos + (len(nraw) - len(nraw.lstrip()))
            joined = _heading_block(s + ns, 0, len(s) + len(ns))
            if joined is not None:
                i += 1
                shift = nstart - 1

                def at(k: int, shift: int = shift, first: int = start) -> int:
                    return first if k == 0 else shift + k

                joined.start, joined.end = start, nstart + len(ns)
                joined.title_start, joined.title_end = at(joined.title_start), at(joined.title_end)
                if joined.body_start is not None:
                    joined.body_start = at(joined.body_start)
                blocks.append(joined)
                continue
        block = _heading_block(s, start, end)
        if block is not None and block.style in OWN_TITLE and i < len(lines):
            title = _title_below(lines[i])  # 附件1 / 政府工作报告名词解释: the title on the next line
            if title is not None:
                i += 1
                block.end, block.title_start, block.title_end = title[1], title[0], title[1]
        if block is None:
            block = Block(start, end)
            block.lead = read_lead(s, start, end)
        blocks.append(block)
    return blocks


def _title_below(line: tuple[int, str]) -> tuple[int, int] | None:
    """The span of ``line`` (position, raw text) when it reads as a title: short, no sentence, no marker."""
    pos, raw = line
    s = raw.strip()
    if not s or len(s) > MAX_TITLE or is_body(s) or SENTENCE_MARK.search(s) or read_heading(s) is not None:
        return None
    start = pos + (len(raw) - len(raw.lstrip()))
    return start, start + len(s)


def _heading_block(s: str, start: int, end: int) -> Block | None:
    """The stripped line ``s`` at ``[start, end)`` as a heading candidate, or None."""
    h = read_heading(s)
    if h is None:
        return None
    body = start + h.body_start if h.body_start is not None else None
    return Block(start, end, "heading", h.style, h.marker, h.number, start + h.title_start, start + h.title_end, body)


def is_body(s: str) -> bool:
    """A line of running text: it ends a sentence, or is a long line of Chinese."""
    if s[-1] in FULL_STOPS or (s[-1] in STOP_CLOSERS and len(s) > 1 and s[-2] in FULL_STOPS):
        return True
    return len(s) > MAX_TITLE and len(HAN.findall(s)) * 2 > len(s)
