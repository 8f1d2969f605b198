"""The report year, read from the text: the year the report plans for."""

from __future__ import annotations

import re

_YEAR_PLAN = re.compile(
    r"((?:19|20)\d\d)年(?:工作安排|重点工作|主要工作|工作任务|政府工作任务|经济社会发展|主要预期目标|主要目标任务|工作目标)"
)
_YEAR_REVIEW = re.compile(r"(?:((?:19|20)\d\d)年(?:工作回顾|工作总结)|刚刚过去的((?:19|20)\d\d)年)")
_YEAR_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:年|-|/|\.)(?:[01]?\d)(?:月|-|/|\.)(?:[0-3]?\d)(?!\d)")


def report_year(text: str) -> int | None:
    """The year the report plans for, read from the text; ``None`` if not stated.

    A plan heading names it (``2025年工作安排`` → 2025), a review names the year
    before it (``2024年工作回顾`` → 2025), else the first full date does.

    >>> report_year("一、2024年工作回顾……二、2025年工作安排"), report_year("2024-01-04 16:36 新闻"), report_year("无")
    (2025, 2024, None)
    """
    plan = [int(m.group(1)) for m in _YEAR_PLAN.finditer(text)]
    if plan:
        return max(plan)
    review = [int(next(g for g in m.groups() if g)) + 1 for m in _YEAR_REVIEW.finditer(text)]
    if review:
        return max(review)
    date = _YEAR_DATE.search(text)
    return int(date.group(1)) if date else None
