"""Layout steps: line breaks, spaces inside Chinese text, and lines broken by page layout.

Each step is a pure function ``str -> list[Edit]`` (see :mod:`.chain`).

>>> from govreport.normalization.offsets import OffsetMap, apply_edits
>>> text = "全年新增就业4万人，\\n城镇调查失业率5.1%。"
>>> apply_edits(text, join_layout(text), OffsetMap.identity(len(text)))[0]
'全年新增就业4万人，城镇调查失业率5.1%。'
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import accumulate

import regex

from ..text.chars import (
    CLAUSE_MARKS,
    CLOSERS,
    COLONS,
    ENUMERATION_COMMA,
    FULL_STOPS,
    OPENERS,
    SEMICOLONS,
    is_han,
)
from ..text.numbering import (
    MAX_SUBHEAD,
    MAX_TITLE,
    is_bare_item_marker,
    looks_like_heading,
    opens_item,
    read_heading,
)
from ..text.words import REPORT_NAME
from .offsets import Edit

_BREAKS = "\r\f\v\u2028\u2029\x85"
_NEWLINES = regex.compile(rf"\r\n|[{_BREAKS}]")


def unify_newlines(text: str) -> list[Edit]:
    """CRLF, CR, form feeds (PDF page breaks) and Unicode separators become ``\\n``."""
    if not any(c in text for c in _BREAKS):
        return []  # none of them (most text): one fast character search each
    return [Edit(m.start(), m.end(), "\n") for m in _NEWLINES.finditer(text) if m.group() != "\n"]


#: what a finished line may end with: a full stop or semicolon, an ellipsis, or a closing
#: quote or bracket after one
_SENT_END = FULL_STOPS + SEMICOLONS + "…" + '”」』"）)'
#: signs that cannot open a line of running text: a line starting with one continues the line
#: before it (PDF extraction puts them on a line of their own)
_CONTINUES = ENUMERATION_COMMA + CLAUSE_MARKS + FULL_STOPS + CLOSERS
#: punctuation that leaves a sentence open at the end of a line: commas and colons (a
#: semicolon closes a statement)
_MID_SENTENCE = ENUMERATION_COMMA + "".join(c for c in CLAUSE_MARKS if c not in SEMICOLONS)
# a page number alone on a line: 12, - 12 -, 第12页
_PAGE_NUMBER = regex.compile(r"(?:-\s*)?\d{1,4}(?:\s*-)?|第\s*\d{1,4}\s*页")
#: shortest line considered when estimating a document's wrap width
_MIN_WRAPPED = 14


def join_layout(text: str) -> list[Edit]:
    """Join lines broken by page layout or PDF extraction.

    A line that ends mid-sentence (no sentence-final punctuation) is joined
    with the next non-empty line when it is body text: long enough, already a
    continuation, or inside an open bracket (「国 / 家…条例」). Across blank
    lines only after ``，`` ``、`` ``：``; across a page number (a page break)
    always, the number becoming ``page_number`` noise. A line that starts
    with ``，`` ``、`` or a closing bracket always continues the line before.
    Headings are never joined to body text, unless a heading line fills the column of
    hard-wrapped text as most lines of its marker style do (a wrapped list). A list item
    (一是, 第一，, ——) is never joined to a lead-in ending in a colon, nor to a line without a
    comma at its end that does not fill the column (a lead phrase 在X方面， goes on into its
    item); a list marker alone on its line (一是) goes on in the next line. A title set
    vertically on a cover is read back first (:func:`vertical_title`).
    """
    edits: list[Edit] = []
    vertical = vertical_title(text)
    lines, starts = _lines(text)
    n = len(lines)
    wrap = _wrap_width(lines)

    def page_number(k: int) -> tuple[int, int]:
        """The span of the page number alone on line ``k``."""
        return _stripped(lines, starts, k)

    headings: dict[int, bool] = {}

    def is_heading(k: int) -> bool:  # a joined line is asked again as the first of the next pair
        if k not in headings:
            headings[k] = looks_like_heading(lines[k])
        return headings[k]

    run_on: set[str] | None = None

    def runs_on(line: str) -> bool:  # a heading-like line that is a wrapped list item's first line
        nonlocal run_on
        if not _fills(line, wrap):
            return False  # most headings: shorter than the column
        if run_on is None:
            run_on = _run_on_styles(lines, wrap)
        h = read_heading(line.strip())
        return h is not None and h.style in run_on

    i = 0
    continuing = False
    while i < n - 1:
        line = lines[i].rstrip()
        if not line.strip():
            i += 1
            continuing = False
            continue
        j = i + 1
        pages: list[int] = []
        while j < n and (not lines[j].strip() or _PAGE_NUMBER.fullmatch(lines[j].strip())):
            if lines[j].strip():
                pages.append(j)
            j += 1
        if j >= n:
            break
        nxt = lines[j].strip()
        joined = _joins(line, nxt, wrap, blank_gap=j > i + 1, page_break=bool(pages), continuing=continuing)
        if (
            joined
            and opens_item(nxt)
            and (line[-1] in COLONS or (line[-1] not in _MID_SENTENCE and not _fills(line, wrap)))
        ):
            joined = False  # 一是… ——… after a lead-in (…工作：) or a finished line: the list's first item
        elif not joined and j == i + 1 and is_bare_item_marker(line.strip()):
            joined = not opens_item(nxt)  # 一是 alone on its line: its item goes on below
        if not joined or (is_heading(i) and not runs_on(line)) or is_heading(j):
            for k in pages:  # a page number between paragraphs is still page furniture
                s, e = page_number(k)
                edits.append(Edit(s, e, "", "page_number"))
            i = j
            continuing = False
            continue
        a = starts[i] + len(line)
        b = _stripped(lines, starts, j)[0]
        for k in pages:  # the page numbers between the parts are page furniture
            s, e = page_number(k)
            edits.append(Edit(a, s, ""))
            edits.append(Edit(s, e, "", "page_number"))
            a = e
        edits.append(Edit(a, b, ""))
        continuing = True
        i = j
    if vertical:  # the cover's lines are read as a title, not joined as layout
        edits = [e for e in edits if not any(e.start < v.end and v.start < e.end for v in vertical)]
        edits = sorted(vertical + edits)
    return edits


#: the fewest lines of one character each that make a vertically set title
_MIN_VERTICAL = 4
#: the columns a vertically set cover title is read in, and so the most characters of it that
#: extraction may put below the cover lines (one per column at the most)
_COLUMNS = 2
#: the lines a cover may take: the title and the lines under it are looked for among these
_COVER_LINES = 100


def vertical_title(text: str) -> list[Edit]:
    """Read back a title set vertically on a cover, which PDF extraction gives one character a line.

    A cover may set the title in vertical columns (行政院 beside 施政報告); extraction reads
    them row by row, so the columns interleave (行 施 政 政 院 報), and the last character of a
    longer column may come out below the cover's other lines. The first lines of the text, each
    one Han character (at least four), are read straight, then as two interleaved columns with
    such a lone character (before the body) at the end of either, and the first reading that
    spells a report's name whole (:data:`REPORT_NAME`) replaces them; the lone characters' lines
    become ``vertical_title`` noise. Without such a reading nothing changes.

    >>> text = "行\\n施\\n政\\n政\\n院\\n报\\n（口头报告）\\n告\\n各位委员：今天报告工作。"
    >>> [(text[e.start : e.end].replace("\\n", "/"), e.new, e.kind) for e in vertical_title(text)]
    [('行/施/政/政/院/报', '行政院施政报告', None), ('告', '', 'vertical_title')]
    """
    lines, starts = _lines(text, _COVER_LINES)  # the last item is the rest of the text
    kept = [k for k, line in enumerate(lines) if line.strip()]
    run: list[int] = []
    for k in kept:
        if len(lines[k].strip()) != 1 or not is_han(lines[k].strip()):
            break
        run.append(k)
    if len(run) < _MIN_VERTICAL:
        return []
    tail: list[int] = []
    for k in kept[len(run) :]:
        line = lines[k].strip()
        if len(line) > MAX_TITLE or line[-1] in FULL_STOPS + COLONS:
            break  # the body begins
        if len(line) == 1 and is_han(line):
            tail.append(k)
    chars = "".join(lines[k].strip() for k in run)
    ends = "".join(lines[k].strip() for k in tail[:_COLUMNS])
    readings = [chars + ends]
    if len(chars) % _COLUMNS == 0:
        columns = [chars[c::_COLUMNS] for c in range(_COLUMNS)]
        for longer in range(_COLUMNS):
            readings.append("".join(col + ends if c == longer else col for c, col in enumerate(columns)))
    reading = next((r for r in readings if REPORT_NAME.search(r)), None)
    if reading is None:
        return []
    edits = [Edit(_stripped(lines, starts, run[0])[0], _stripped(lines, starts, run[-1])[1], reading)]
    edits.extend(Edit(*_stripped(lines, starts, k), "", "vertical_title") for k in tail[:_COLUMNS])
    return edits


def _lines(text: str, most: int = -1) -> tuple[list[str], list[int]]:
    """The lines of ``text`` (split at ``\\n``, at most ``most`` times) and the offset each starts at."""
    lines = text.split("\n", most)
    return lines, [a + i for i, a in enumerate(accumulate(map(len, lines), initial=0))]


def _stripped(lines: list[str], starts: list[int], k: int) -> tuple[int, int]:
    """The span of line ``k`` without the blanks around it."""
    s = starts[k] + len(lines[k]) - len(lines[k].lstrip())
    return s, s + len(lines[k].strip())


def _joins(line: str, nxt: str, wrap: int | None, *, blank_gap: bool, page_break: bool, continuing: bool) -> bool:
    """Whether ``nxt`` continues the sentence ``line`` left open."""
    if nxt[0] in _CONTINUES and not blank_gap:
        return True
    if line[-1] in _SENT_END and not _unclosed(line):
        return False
    if page_break or line[-1] in _MID_SENTENCE:
        return True  # a page number between the parts, or a clause left open with ，、：
    if blank_gap:
        return False  # a blank line after a finished-looking line ends the paragraph
    return continuing or _bodyish(line, wrap) or _unclosed(line)


def _unclosed(line: str) -> bool:
    """An opening bracket or quote is still open at the end of the line: 「国.

    >>> _unclosed("根据「国"), _unclosed("根据「国家条例」"), _unclosed("见附表）")
    (True, False, False)
    """
    if _OPENER.search(line) is None:
        return False  # most lines open nothing: one scan, no counting
    return len(_OPENER.findall(line)) > len(_CLOSER.findall(line))


_OPENER = re.compile(f"[{re.escape(OPENERS)}]")
_CLOSER = re.compile(f"[{re.escape(CLOSERS)}]")


def _wrap_width(lines: list[str]) -> int | None:
    """The column width of hard-wrapped text (PDF extraction, fixed-width dumps), if any.

    Wrapped text has many lines of (nearly) the same length: the width the line
    breaks were made at. Text with one paragraph per line has no such mode, and
    returns ``None``.

    >>> _wrap_width(["一" * 23] * 6 + ["二" * 10])
    23
    >>> _wrap_width(["一" * 80, "二" * 120, "三" * 45]) is None
    True
    """
    counts = Counter(n for n in map(len, map(str.strip, lines)) if n >= _MIN_WRAPPED)  # in first-seen order
    total = counts.total()
    if not counts:
        return None
    width, hits = max(
        ((w, counts.get(w - 1, 0) + c + counts.get(w + 1, 0)) for w, c in counts.items()), key=lambda x: x[1]
    )
    # a mode that holds a quarter of the lines (and at least five) is a column width, not chance
    return width if hits >= 5 and hits * 4 >= total else None


def _fills(line: str, wrap: int | None) -> bool:
    """The line fills the measured column of hard-wrapped text (within the one character the
    width is measured with): it was broken there, so it goes on in the next line even when it
    opens with a heading marker or the next line opens a list item.
    """
    return wrap is not None and len(line.strip()) >= wrap - 1


def _run_on_styles(lines: list[str], wrap: int | None) -> set[str]:
    """The marker styles whose lines mostly fill the column: items of a hard-wrapped list.

    A heading series has lines of every length, so one of them may fill the column by
    chance; the items of a list wrapped in the column (（一）将提出…完整计划，在过去长 / 照服务…)
    nearly all fill it. Lines of such a style run on into the next line.
    """
    fill: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for line in lines:
        h = read_heading(line.strip()) if line.strip() else None
        if h is not None:
            seen[h.style] += 1
            fill[h.style] += _fills(line, wrap)
    return {style for style, n in seen.items() if n >= 2 and fill[style] * 2 > n}


def _bodyish(line: str, wrap: int | None) -> bool:
    """Long enough to be a wrapped body line rather than a title or subhead.

    In hard-wrapped text a wrapped line fills most of the column; elsewhere a
    line without final punctuation is body text only when it is longer than any
    unnumbered subhead can be (the outline's ``MAX_SUBHEAD``).
    """
    n = len(line.strip())
    if wrap is not None:
        return n >= 0.8 * wrap
    return n > MAX_SUBHEAD


_SPACED = regex.compile(r"(?<=[\p{Han}\d]) +(?=[\p{Han}\d])")
# what may open a line before the space that follows a heading marker: 6 大力做好…, ## 标题, 第一章 总则
_MARKER_HEAD = regex.compile(r"#+|\*+|第.{1,4}[章节部分篇]|附件\d*")
#: the longest head a space may lie in: 第.{1,4}[章节部分篇] (the others hold no space)
_SPACED_HEAD = 6


def squeeze_spaces(text: str) -> list[Edit]:
    """Drop spaces that layout put between Han characters or inside numbers (``2 萬點``).

    A space between two Latin words, or between a heading number and its title
    at the start of a line (``6 大力做好…``), is kept.
    """
    edits: list[Edit] = []
    line_start = seen = 0
    first_space = -1  # the first space of the line, once a match on it has looked
    for m in _SPACED.finditer(text):
        a, b = m.start(), m.end()
        left, right = text[a - 1], text[b]
        # matches come in order: only the text since the last one is searched for a line break,
        # and each line for its first space once, so that one long spaced line is read once
        nl = text.rfind("\n", seen, a)
        if nl >= 0 or first_space < 0:
            line_start = line_start if nl < 0 else nl + 1
            first_space = text.find(" ", line_start, a + 1)
        seen = a
        # with a space before this one on the line, only 第…章 can be the head: then it is short
        head = text[line_start:a] if first_space == a or a - line_start <= _SPACED_HEAD else ""
        if head.isdigit() or _MARKER_HEAD.fullmatch(head):
            continue  # a heading number or marker followed by its title
        if left.isdigit() and right.isdigit():
            continue  # two numbers, e.g. a date or a table row
        if not (is_han(left) or is_han(right)):
            continue
        edits.append(Edit(a, b, ""))
    return edits
