"""Numbering styles: how a heading's marker looks, and the shape of a heading line.

Both the outline (which builds sections from headings) and layout joining in
normalisation (which must not glue a heading onto the line before it) ask the
same question of a line, so its answer lives here, below both stages.

>>> read_heading("（三）改革开放持续深化").style
'paren_cn'
>>> read_heading("1.5亿元的项目") is None
True
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from .chars import CLAUSE_MARKS, COLONS, COMMAS, ENUMERATION_COMMA, FULL_STOPS
from .numerals import CN_NUMERAL_CHARS, parse_number

_CN = CN_NUMERAL_CHARS


class Style(NamedTuple):
    """A numbering convention: how its marker looks and where it sits in the official order."""

    name: str
    pattern: regex.Pattern[str]  # groups: marker, num; matched at the start of a stripped line
    rank: float | None  # official order, smaller is higher; None: placed by first appearance
    strong: bool  # unambiguous enough to start mid-sequence anywhere and to survive a skipped number
    comment: str


def new_style(name: str, pattern: str, rank: float | None, strong: bool, comment: str) -> Style:
    """A :class:`Style` with its pattern compiled."""
    return Style(name, regex.compile(pattern), rank, strong, comment)


#: marker styles, tried in order against the start of each line
STYLES: tuple[Style, ...] = (
    new_style(
        "part",
        rf"(?P<marker>第(?P<num>[{_CN}\d]{{1,3}})(?:部分|篇))[\s　:：]*",
        0,
        True,
        "第一部分 / 第一篇: the parts of long plans and five-year outlines",
    ),
    new_style(
        "chapter",
        rf"(?P<marker>第(?P<num>[{_CN}\d]{{1,3}})章)[\s　:：]*",
        0.5,
        True,
        "第一章: chapters of plans and outlines",
    ),
    new_style(
        "jie", rf"(?P<marker>第(?P<num>[{_CN}\d]{{1,3}})节)[\s　:：]*", 0.7, True, "第一节: sections of a chapter"
    ),
    new_style(
        "formal",
        r"(?P<marker>(?P<num>[壹贰貳叁參参肆伍陆陸柒捌玖拾]{1,2})\s*[、.．])\s*",
        0.8,
        True,
        "壹、貳、參: Taiwan reports number their parts with formal numerals above 一、",
    ),
    new_style(
        "cn_dun",
        rf"(?P<marker>(?P<num>[{_CN}]{{1,3}})\s*、)\s*",
        1,
        True,
        "一、 二、: the top level of mainland work reports",
    ),
    new_style(
        "paren_cn",
        rf"(?P<marker>[(（]\s*(?P<num>[{_CN}]{{1,3}})\s*[)）])\s*",
        2,
        True,
        "（一） (一): chapters inside a part, standalone or running into their first sentence",
    ),
    new_style("arabic_dot", r"(?P<marker>(?P<num>\d{1,2})\s*[.．](?!\d))\s*", 3, False, "1. 1．: third level"),
    new_style("arabic_dun", r"(?P<marker>(?P<num>\d{1,2})\s*、)\s*", 3.1, False, "1、: third level, mainland style"),
    new_style("paren_arabic", r"(?P<marker>[(（]\s*(?P<num>\d{1,2})\s*[)）])\s*", 4, False, "（1） (1): fourth level"),
    new_style("circled", r"(?P<marker>(?P<num>[①-⑳❶-❿]))\s*", 5, False, "① ②: fifth level and list items"),
    new_style(
        "paren_circled", r"(?P<marker>(?P<num>[⑴-⒇]))\s*", 5.5, False, "⑴ ⑵: parenthesised digits as one character"
    ),
    new_style("markdown", r"(?P<marker>#{1,6})\s+", None, True, "markdown headings from OCR and web exports"),
    new_style(
        "appendix",
        rf"(?P<marker>附件\s*(?P<num>\d{{1,2}}|[{_CN}]{{1,3}})?)[\s　:：]*",
        -1,
        True,
        "附件1 / 附件2 名词解释: appendices are top-level sections after the body",
    ),
    new_style(
        "closing",
        r"(?P<marker>结束语|结语|名词解释|后记)(?=\s*$)",
        -1,
        True,
        "结束语 / 名词解释 alone on a line: the back matter after the body is a top-level section",
    ),
    new_style(
        "news_number",
        r"(?P<marker>(?P<num>\d{1,2}))\s+(?=\p{Han})(?![兆亿万千百年月日个名家项条次元岁])",
        None,
        False,
        "newspaper reprints number their parts as a bare number and a space: 6 大力做好乡村振兴工作",
    ),
)
STYLE_BY_NAME = {s.name: s for s in STYLES}
#: a quoted term and a colon open a definition: the items of a glossary (名词解释) are
#: numbered like a third-level list, 1.“X”：…, and are definitions, not sections
_DEFINED_TERM = regex.compile(rf"[“\"「『][^”\"」』\n]{{1,30}}[”\"」』][{COLONS}]")
_LIST_STYLES = ("arabic_dot", "arabic_dun", "paren_arabic", "circled", "paren_circled")
#: styles whose marker alone on its line is the heading's title
OWN_TITLE = ("appendix", "closing")

_FULL_STOP = regex.compile(f"[{FULL_STOPS}]")
MAX_TITLE = 60  # longer than any real heading: a numbered "title" past this is a list item in a body

MAX_SUBHEAD = 24  # an unnumbered subhead is a short phrase; a longer line without 。 is a wrapped body line
_CLAUSE_MARK = regex.compile(f"[{CLAUSE_MARKS}]")  # a clause goes on: no newspaper heading number before it


#: Every character a marker of :data:`STYLES` can open with. Most lines of a report open with
#: none of them and are no heading, found without trying each style in turn (a third of the
#: outline stage). A property test holds it to the table: keep the two in step.
MARKER_OPENING = regex.compile(rf"[第壹贰貳叁參参肆伍陆陸柒捌玖拾{_CN}(（\d①-⑳❶-❿⑴-⒇#附结名后]")


def match_heading(line: str) -> tuple[Style, regex.Match[str]] | None:
    """The first style whose marker opens ``line`` (already stripped)."""
    if MARKER_OPENING.match(line) is None:
        return None
    for style in STYLES:
        m = style.pattern.match(line)
        if m and (m.end() < len(line) or style.name in OWN_TITLE):
            return style, m
    return None


def title_bounds(line: str, pos: int, style: Style) -> tuple[int, int, int | None] | None:
    """Title span and run-in body start within a stripped line, or None if not a heading."""
    rest = line[pos:]
    if not rest and style.name in OWN_TITLE:
        return 0, pos, None  # 附件1 or 结束语 alone: the marker is its own title
    if not rest or rest[0] in "%.．,，、)）%":
        return None
    if rest[0].isdigit() and style.name in ("arabic_dot", "arabic_dun", "news_number"):
        return None
    if style.name in _LIST_STYLES and _DEFINED_TERM.match(rest):
        return None  # 1.“新质生产力”：是指…: a glossary's definition, not a section
    final = _FULL_STOP.search(rest)
    cut = final.start() if final else -1
    if cut == -1:
        end, body = len(rest), None
    else:
        end = cut
        body = cut + 1 if cut + 1 < len(rest) else None
    if style.name == "news_number" and (body is not None or end > 30 or _CLAUSE_MARK.search(rest, 0, end)):
        return None  # a newspaper's numbered part title is one short line, never a sentence
    if end == 0 or end > MAX_TITLE:
        return None
    return pos, pos + end, (pos + body if body is not None else None)


class HeadingShape(NamedTuple):
    """A stripped line read as a heading: offsets are into that line."""

    style: str  # a STYLES name, ``markdown1``-``markdown6`` or ``bold``
    marker: str
    number: int | None
    title_start: int
    title_end: int
    body_start: int | None  # where a run-in body starts (一、总体要求。今年…), if any


def read_heading(s: str) -> HeadingShape | None:
    """``s`` (a stripped line) read as a numbered, markdown or bold heading, or None.

    A numbered heading set in bold or under markdown (``**一、总体要求**``, ``## 一、…``)
    reads as its numbered style.
    """
    if s.startswith("**") and s.endswith("**") and len(s) > 4 and "**" not in s[2:-2]:
        inner_text = s[2:-2].strip()
        inner = read_heading(inner_text)
        if inner is not None and inner.style != "news_number":
            lead = 2 + s[2:-2].index(inner_text) if inner_text else 2
            return _moved(inner, lead)
        return HeadingShape("bold", "**", None, 2, len(s) - 2, None)
    hit = match_heading(s)
    if hit is None:
        return None
    style, m = hit
    if style.name == "markdown":
        inner = read_heading(s[m.end() :])
        if inner is not None and inner.style not in ("news_number", "bold"):
            return _moved(inner, m.end())
    bounds = title_bounds(s, m.end(), style)
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
    return HeadingShape(name, marker, number, t0, t1, body)


def _moved(h: HeadingShape, by: int) -> HeadingShape:
    body = h.body_start + by if h.body_start is not None else None
    return h._replace(title_start=h.title_start + by, title_end=h.title_end + by, body_start=body)


#: the markers of a list of items in running text, no numbering style of their own: 一是…
#: 二是…, 第一，… 第二，…, and the dash of a dashed list (——更加注重…). Leads (outline)
#: read their numbers; layout joining never glues such a line onto the lead-in above it.
ORDINAL_IS = rf"(?P<num>[{_CN}]{{1,3}})是"
ORDINAL_DI = rf"第(?P<num>[{_CN}]{{1,3}})[{COMMAS}{ENUMERATION_COMMA}]"
DASH_ITEM = "——"
_ENUMERATION = regex.compile(f"(?:{ORDINAL_IS}|{ORDINAL_DI}|{DASH_ITEM})")


def opens_item(line: str) -> bool:
    """True when ``line`` (stripped) opens an item of a list: a heading marker, 一是, 第一，or ——.

    >>> opens_item("一是稳住经济基本盘。"), opens_item("——更加注重战略引领。"), opens_item("一年来，")
    (True, True, False)
    """
    if _ENUMERATION.match(line) is not None:
        return True
    return read_heading(line) is not None


def is_bare_item_marker(line: str) -> bool:
    """True when ``line`` (stripped) holds a list marker and nothing else: 一是 alone on its line,
    as scrapers leave a bold marker; the item goes on in the next line.

    >>> is_bare_item_marker("二是"), is_bare_item_marker("二是加强监管。")
    (True, False)
    """
    return _ENUMERATION.fullmatch(line) is not None


def looks_like_heading(line: str) -> bool:
    """True when a line opens with an outline marker (used to keep headings out of layout joins).

    >>> looks_like_heading("（三）改革开放持续深化"), looks_like_heading("1.5亿元的项目")
    (True, False)
    """
    s = line.strip()
    if s.startswith("**") and s.endswith("**") and len(s) > 4:
        return True
    return read_heading(s) is not None
