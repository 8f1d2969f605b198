"""Several reports on one page: a news page summarises the government work report, then another.

After the government's report, a page may summarise the people's congress standing
committee's, the court's or the procuratorate's (人大常委会 / 法院 / 检察院工作报告). Each
opens with a header line naming its report, and numbers its parts 一、 二、 again: the
header starts a new top-level context, so the second series is not read as a broken
continuation of the first, nor nested under its last item.
"""

from __future__ import annotations

from collections import Counter

import regex

from ..text.chars import CLAUSE_MARKS, FULL_STOPS
from ..text.numbering import MAX_TITLE
from .blocks import Block

#: the style name of a report header
REPORT = "report"

#: a line that names a report: 最高人民法院院长张军作最高人民法院工作报告, 省人大常委会工作报告（摘要）
REPORT_HEADER = regex.compile(
    rf"[^{regex.escape(FULL_STOPS + CLAUSE_MARKS)}\n]{{2,{MAX_TITLE}}}工作报告"
    r"(?:[（(][^）)\n]{1,6}[)）])?"
)


def mark_reports(text: str, blocks: list[Block], first: int) -> None:
    """Header lines of further reports, after the first report's outline has begun, become headings.

    A line that repeats the document's title, or occurs more than once (the running header of
    a PDF's pages: 2025年政府工作报告), names the same report, not another one.
    """
    lines = Counter(text[b.start : b.end] for b in blocks if b.kind in ("paragraph", "title"))
    begun = False
    for i in range(first, len(blocks)):
        b = blocks[i]
        if b.kind == "heading":
            begun = True
        elif (
            begun
            and b.kind == "paragraph"
            and b.end - b.start <= MAX_TITLE
            and REPORT_HEADER.fullmatch(text, b.start, b.end)
            and lines[text[b.start : b.end]] == 1
        ):
            blocks[i] = Block(b.start, b.end, "heading", REPORT, None, None, b.start, b.end)
