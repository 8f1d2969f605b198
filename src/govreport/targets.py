"""Quantities: growth targets and results with their indicator, value, unit and qualifier."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import regex

from .models import Category, Target

SpanFn = Callable[[int, int], tuple[int, int]]

QUALIFIERS = ("以上", "左右", "以内", "以下", "不低于", "不超过", "力争", "约", "区间")
HARD = {"以上", "不低于", "确保", "以内", "不超过"}
_DIRECTIONS = {
    "增长": "increase",
    "提高": "increase",
    "上涨": "increase",
    "涨幅": "increase",
    "增加": "increase",
    "下降": "decrease",
    "降低": "decrease",
    "减少": "decrease",
    "控制在": "keep",
    "保持在": "keep",
    "稳定在": "keep",
    "达到": "reach",
    "达": "reach",
}

_TARGET = regex.compile(
    r"(?P<indicator>[\p{Han}A-Za-z]{2,14}?)"
    r"(?P<direction>增长|提高|上涨|增加|下降|降低|减少|控制在|保持在|稳定在|达到|达)?"
    r"(?P<value>\d+(?:\.\d+)?)"
    r"(?P<unit>%|个百分点|万人|人|万元|亿元|元|个|家|项|万户|户|亩|公里|万平方米|平方米|吨|万吨|辆|所|次|人次)"
    r"(?P<qualifier>以上|左右|以内|以下)?"
)


@dataclass(frozen=True)
class RawTarget:
    """A quantity found in normalised text (positions in normalised coordinates)."""

    indicator: str
    direction: str | None
    value: Decimal
    unit: str
    qualifier: str | None
    start: int
    end: int


def find(text: str, base: int = 0) -> list[RawTarget]:
    """Quantities in ``text``; ``base`` is added to every position."""
    found: list[RawTarget] = []
    for m in _TARGET.finditer(text):
        found.append(
            RawTarget(
                indicator=m.group("indicator"),
                direction=_DIRECTIONS.get(m.group("direction") or ""),
                value=Decimal(m.group("value")),
                unit=m.group("unit"),
                qualifier=m.group("qualifier"),
                start=base + m.start(),
                end=base + m.end(),
            )
        )
    return found


def extract(ptext: str, base: int, span: SpanFn, category: Category, *, base_units: bool = False) -> list[Target]:
    """Targets of a paragraph at normalised offset ``base``; ``span`` maps to the original."""
    out: list[Target] = []
    for t in find(ptext, base):
        ts, te = span(t.start, t.end)
        out.append(
            Target(
                indicator=t.indicator,
                direction=t.direction,  # type: ignore[arg-type]
                value=t.value,
                unit=t.unit,
                qualifier=t.qualifier,
                role="target" if category is Category.GOAL else "result",
                text=ptext[t.start - base : t.end - base],
                start=ts,
                end=te,
            )
        )
    return out
