"""Page furniture: lines that belong to the page, not to the report.

Each rule is a named regex over one line (after width folding and conversion to
Simplified), with a comment on the real-world convention it covers. A matching
line becomes :class:`~govreport.models.Noise` of the rule's kind.
"""

from __future__ import annotations

from typing import NamedTuple

import regex

from .offsets import Edit


class Rule(NamedTuple):
    kind: str
    pattern: regex.Pattern[str]
    comment: str


def _r(kind: str, pattern: str, comment: str) -> Rule:
    return Rule(kind, regex.compile(pattern), comment)


#: line rules, tried in order; the whole stripped line must match
LINE_RULES: tuple[Rule, ...] = (
    _r("caption", r"■.*", "newspaper photo caption introduced by a black square"),
    _r("byline", r"□.{1,40}", "newspaper byline introduced by a white square: □北宣, □本报记者 王凯"),
    _r(
        "byline",
        r"(?:[^，。,]{0,20}(?:记者|通讯员|通讯员)\s*[\p{Han}·]{2,4}(?:\s+[\p{Han}·]{2,4})*)",
        "reporter credit line: 半岛全媒体首席记者 李晓哲",
    ),
    _r("credit", r"(?:[\p{Han}·]{2,4}\s*)+摄(?:影)?", "photo credit: 修相科 摄"),
    _r(
        "editor",
        r"(?:(?:主编|美编|审读|排版|责任编辑|责编|编辑|校对|监制)[:：\s]*[\p{Han}·]{2,4}\s*){1,6}",
        "editor line on a newspaper page: 主编 赵波 美编 李飞",
    ),
    _r("issue", r"第\s*\d{1,5}\s*期", "issue number of a newspaper or bulletin: 第556期"),
    _r("chrome", r".{0,30}阅读\s*[(（]\d+[)）].{0,20}", "web dateline with a view counter: 阅读 (51938)"),
    _r("chrome", r"(?:浏览次数|访问量|点击数|阅读量)[:：]?\s*\d+次?|.{0,10}\d+位访客", "visitor counters"),
    _r("disclaimer", r"(?:免责声明|本站|本网).{0,200}", "site disclaimer or notice: 免责声明, 本站为非营利性网站"),
    _r("chrome", r"(?:扫一扫|打印本页|关闭窗口|分享到|【字号[:：]?|字号[:：]).{0,40}", "site chrome controls"),
    _r("chrome", r"[.。·…]{4,}", "a line of dots"),
)

_LINE = regex.compile(r"[^\n]+")


def classify_line(line: str) -> Rule | None:
    """The first rule whose pattern matches the whole stripped line.

    >>> classify_line("修相科 摄").kind
    'credit'
    >>> classify_line("全年新增就业4万人。") is None
    True
    """
    s = line.strip()
    if not s:
        return None
    for rule in LINE_RULES:
        if rule.pattern.fullmatch(s):
            return rule
    return None


def find(text: str) -> list[Edit]:
    """Edits removing every furniture line's visible text (its line break stays)."""
    edits: list[Edit] = []
    for m in _LINE.finditer(text):
        line = m.group()
        rule = classify_line(line)
        if rule is None:
            continue
        lead = len(line) - len(line.lstrip())
        trail = len(line) - len(line.rstrip())
        edits.append(Edit(m.start() + lead, m.end() - trail, "", rule.kind))
    return edits
