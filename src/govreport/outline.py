"""Outline: split normalised text into a tree of numbered sections.

Three stages, each a plain function:

1. :func:`scan` turns lines into a flat stream of :class:`Block` items: heading
   candidates (tried against :data:`STYLES` in order) and paragraphs;
2. :func:`validate` accepts a candidate only when its number continues its
   style's sequence, and gives each accepted heading a level from the order in
   which styles first appear (a stack, as a word processor builds its outline);
3. :func:`build` nests the stream into :class:`Node` objects.

All positions are offsets into the normalised text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

import regex

from .models import Diagnostic
from .numerals import CN_NUMERAL_CHARS, parse_number

_CN = CN_NUMERAL_CHARS


class Style(NamedTuple):
    """A numbering convention: how its marker looks and where it sits in the official order."""

    name: str
    pattern: regex.Pattern[str]  # groups: marker, num; matched at the start of a stripped line
    rank: float | None  # official order, smaller is higher; None: placed by first appearance
    strong: bool  # unambiguous enough to start mid-sequence anywhere and to survive a skipped number
    comment: str


def _s(name: str, pattern: str, rank: float | None, strong: bool, comment: str) -> Style:
    return Style(name, regex.compile(pattern), rank, strong, comment)


#: marker styles, tried in order against the start of each line
STYLES: tuple[Style, ...] = (
    _s(
        "part",
        rf"(?P<marker>第(?P<num>[{_CN}\d]{{1,3}})(?:部分|篇))[\s　:：]*",
        0,
        True,
        "第一部分 / 第一篇: the parts of long plans and five-year outlines",
    ),
    _s(
        "chapter",
        rf"(?P<marker>第(?P<num>[{_CN}\d]{{1,3}})章)[\s　:：]*",
        0.5,
        True,
        "第一章: chapters of plans and outlines",
    ),
    _s("jie", rf"(?P<marker>第(?P<num>[{_CN}\d]{{1,3}})节)[\s　:：]*", 0.7, True, "第一节: sections of a chapter"),
    _s(
        "formal",
        r"(?P<marker>(?P<num>[壹贰貳叁參参肆伍陆陸柒捌玖拾]{1,2})\s*[、.．])\s*",
        0.8,
        True,
        "壹、貳、參: Taiwan reports number their parts with formal numerals above 一、",
    ),
    _s(
        "cn_dun",
        rf"(?P<marker>(?P<num>[{_CN}]{{1,3}})\s*、)\s*",
        1,
        True,
        "一、 二、: the top level of mainland work reports",
    ),
    _s(
        "paren_cn",
        rf"(?P<marker>[(（]\s*(?P<num>[{_CN}]{{1,3}})\s*[)）])\s*",
        2,
        True,
        "（一） (一): chapters inside a part, standalone or running into their first sentence",
    ),
    _s("arabic_dot", r"(?P<marker>(?P<num>\d{1,2})\s*[.．](?!\d))\s*", 3, False, "1. 1．: third level"),
    _s("arabic_dun", r"(?P<marker>(?P<num>\d{1,2})\s*、)\s*", 3.1, False, "1、: third level, mainland style"),
    _s("paren_arabic", r"(?P<marker>[(（]\s*(?P<num>\d{1,2})\s*[)）])\s*", 4, False, "（1） (1): fourth level"),
    _s("circled", r"(?P<marker>(?P<num>[①-⑳❶-❿]))\s*", 5, False, "① ②: fifth level and list items"),
    _s("paren_circled", r"(?P<marker>(?P<num>[⑴-⒇]))\s*", 5.5, False, "⑴ ⑵: parenthesised digits as one character"),
    _s("markdown", r"(?P<marker>#{1,6})\s+", None, True, "markdown headings from OCR and web exports"),
    _s(
        "news_number",
        r"(?P<marker>(?P<num>\d{1,2}))\s+(?=\p{Han})",
        None,
        False,
        "newspaper reprints number their parts as a bare number and a space: 6 大力做好乡村振兴工作",
    ),
)
STYLE_BY_NAME = {s.name: s for s in STYLES}

_FINAL = "。！？!?"
MAX_TITLE = 60  # longer than any real heading: a numbered "title" past this is a list item in a body


@dataclass
class Block:
    """One item of the flat stream: a paragraph, or a heading with an optional run-in body."""

    start: int
    end: int
    kind: str = "paragraph"  # or "heading"
    style: str | None = None
    marker: str | None = None
    number: int | None = None
    title_start: int = 0
    title_end: int = 0
    body_start: int | None = None  # run-in body after the title, up to ``end``
    level: int = 0


@dataclass
class Node:
    """A section under construction: heading block (None for the preamble) and content."""

    heading: Block | None
    level: int
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    end: int = 0


def match_heading(line: str) -> tuple[Style, regex.Match[str]] | None:
    """The first style whose marker opens ``line`` (already stripped)."""
    for style in STYLES:
        m = style.pattern.match(line)
        if m and m.end() < len(line):
            return style, m
    return None


def looks_like_heading(line: str) -> bool:
    """True when a line opens with an outline marker (used to keep headings out of layout joins).

    >>> looks_like_heading("（三）改革开放持续深化"), looks_like_heading("1.5亿元的项目")
    (True, False)
    """
    s = line.strip()
    if s.startswith("**") and s.endswith("**") and len(s) > 4:
        return True
    hit = match_heading(s)
    if hit is None:
        return False
    style, m = hit
    return _title_bounds(s, m.end(), style) is not None


def _title_bounds(line: str, pos: int, style: Style) -> tuple[int, int, int | None] | None:
    """Title span and run-in body start within a stripped line, or None if not a heading."""
    rest = line[pos:]
    if not rest or rest[0] in "%.．,，、)）%":
        return None
    if rest[0].isdigit() and style.name in ("arabic_dot", "arabic_dun", "news_number"):
        return None
    cut = min((i for i, c in enumerate(rest) if c in _FINAL), default=-1)
    if cut == -1:
        end, body = len(rest), None
        if style.name == "news_number" and len(rest) > 30:
            return None
    else:
        end = cut
        body = cut + 1 if cut + 1 < len(rest) else None
    if end == 0 or end > MAX_TITLE:
        return None
    return pos, pos + end, (pos + body if body is not None else None)


_LINE = regex.compile(r"[^\n]+")


def scan(text: str) -> list[Block]:
    """Lines to blocks: every non-blank line is a heading candidate or a paragraph."""
    blocks: list[Block] = []
    for m in _LINE.finditer(text):
        raw = m.group()
        s = raw.strip()
        if not s:
            continue
        start = m.start() + (len(raw) - len(raw.lstrip()))
        end = start + len(s)
        block = _heading_block(s, start, end)
        blocks.append(block or Block(start, end))
    return blocks


def _heading_block(s: str, start: int, end: int) -> Block | None:
    if s.startswith("**") and s.endswith("**") and len(s) > 4 and "**" not in s[2:-2]:
        return Block(start, end, "heading", "bold", "**", None, start + 2, end - 2)
    hit = match_heading(s)
    if hit is None:
        return None
    style, m = hit
    bounds = _title_bounds(s, m.end(), style)
    if bounds is None:
        return None
    t0, t1, body = bounds
    num = m.groupdict().get("num")
    number = parse_number(num) if num else None
    if num and number is None:
        return None
    marker = m.group("marker")
    name = style.name
    if name == "markdown":
        name = f"markdown{len(marker)}"
    return Block(
        start, end, "heading", name, marker, number, start + t0, start + t1, start + body if body is not None else None
    )


def _rank(style: str) -> float | None:
    if style.startswith("markdown"):
        return None
    return STYLE_BY_NAME[style].rank if style in STYLE_BY_NAME else None


def _strong(style: str) -> bool:
    if style.startswith("markdown") or style == "bold":
        return True
    return STYLE_BY_NAME[style].strong if style in STYLE_BY_NAME else False


def validate(blocks: list[Block]) -> tuple[list[Block], list[Diagnostic]]:
    """Accept heading candidates whose numbers continue their sequence; assign levels.

    A rejected candidate becomes a paragraph. Returns the blocks and the
    numbering diagnostics (positions still in normalised coordinates).
    """
    stack: list[list[object]] = []  # [style, last number]
    seen: set[str] = set()
    diags: list[Diagnostic] = []
    out: list[Block] = []
    for b in blocks:
        if b.kind != "heading" or b.style is None:
            out.append(b)
            continue
        style = b.style
        idx = next((i for i, (s, _) in enumerate(stack) if s == style), None)
        ok = False
        if idx is not None:
            last = stack[idx][1]
            if b.number is None or not isinstance(last, int) or b.number == last + 1:
                ok = True
            elif _strong(style) and last + 1 < b.number <= last + 3:
                ok = True
                diags.append(
                    Diagnostic(
                        code="numbering_gap",
                        message=(f"{b.marker}: expected number {last + 1} after {last}"),
                        start=b.start,
                        end=b.title_end,
                    )
                )
            if ok:
                del stack[idx + 1 :]
                stack[idx][1] = b.number
                b.level = idx + 1
        else:
            first_time = style not in seen
            if b.number is None or b.number == 1 or (first_time and (_strong(style) or not stack)):
                ok = True
                if b.number not in (None, 1):
                    diags.append(
                        Diagnostic(
                            code="numbering_start",
                            message=(f"{b.marker}: the outline starts at number {b.number}, as an excerpt does"),
                            start=b.start,
                            end=b.title_end,
                        )
                    )
                rank = _rank(style)
                if rank is not None:
                    while stack:
                        top_rank = _rank(str(stack[-1][0]))
                        if top_rank is not None and top_rank >= rank:
                            stack.pop()
                        else:
                            break
                stack.append([style, b.number])
                b.level = len(stack)
        if ok:
            seen.add(style)
            out.append(b)
        else:
            out.append(Block(b.start, b.end))
    return out, diags


def build(blocks: list[Block], text_length: int) -> Node:
    """Nest validated blocks under a root whose own paragraphs are the preamble."""
    root = Node(None, 0)
    path: list[Node] = [root]
    for b in blocks:
        if b.kind == "heading":
            while len(path) > 1 and path[-1].level >= b.level:
                path.pop()
            node = Node(b, b.level)
            path[-1].children.append(node)
            path.append(node)
            if b.body_start is not None:
                node.paragraphs.append((b.body_start, b.end))
        else:
            path[-1].paragraphs.append((b.start, b.end))
    _close(root, text_length)
    return root


def _close(node: Node, default_end: int) -> int:
    ends = [default_end if node.heading is None else node.heading.end]
    ends += [p[1] for p in node.paragraphs]
    ends += [_close(c, default_end) for c in node.children]
    node.end = max(ends)
    return node.end


Splitter = Callable[[str], tuple[Node, list[Diagnostic]]]


def split(text: str) -> tuple[Node, list[Diagnostic]]:
    """Scan, validate and build: the whole outline stage."""
    blocks, diags = validate(scan(text))
    return build(blocks, len(text)), diags


def find_title(text: str, root: Node) -> tuple[int, int] | None:
    """The document's own title: a short first line before the body (normalised span)."""
    first = regex.search(r"[^\s][^\n]*", text)
    if first is None:
        return None
    line = first.group().rstrip()
    if len(line) > 60 or line[-1] in _FINAL or looks_like_heading(line):
        return None
    if root.paragraphs and root.paragraphs[0][0] == first.start():
        return first.start(), first.start() + len(line)
    return None
