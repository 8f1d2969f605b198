"""Every compiled pattern in govreport runs in linear time on adversarial input (issue #7).

Patterns are collected from the package's modules (module-level patterns and those inside rule
tables). Each runs ``finditer`` to exhaustion over 100 000-character strings built to provoke
backtracking; its time is compared with a linear scan of the same string (one match per
character), and with its own time on a tenth of the string, which must grow about tenfold.
"""

from __future__ import annotations

import gc
import importlib
import pkgutil
import re
import time
from collections.abc import Iterator
from typing import Any, NamedTuple

import pytest
import regex

import govreport

N = 100_000
#: alphabets whose repetition provokes backtracking in patterns over Han text, digits and markers
ALPHABETS = [
    "一",
    "一二三、",
    "（一",
    "1.",
    "1.1",
    "12",
    "5.5%以上",
    "全年完成投资",
    "。",
    "，",
    " ",
    "\n",
    "  \n",
    "第一部分",
    "#",
    "*",
    "■",
    "□记者",
    "(qū)",
    "經濟",
    "?痹谝",
    "\ufffd",
    "增长5%",
    "万亿元",
    "—",
    "……",
    "一是",
    "年",
    "2023年",
    "ab",
    "a1",
    "“",
    "主编 赵波 ",
    "阅读 (1",
    "区(市)",
]


def _patterns() -> Iterator[tuple[str, Any]]:
    seen: set[int] = set()

    def walk(obj: Any, name: str, depth: int) -> Iterator[tuple[str, Any]]:
        if isinstance(obj, (re.Pattern, regex.Pattern)):
            if id(obj) not in seen:
                seen.add(id(obj))
                yield name, obj
        elif depth < 3 and isinstance(obj, (tuple, list)):
            for i, item in enumerate(obj):
                yield from walk(item, f"{name}[{i}]", depth + 1)
        elif depth < 3 and isinstance(obj, dict):
            for k, item in obj.items():
                yield from walk(item, f"{name}[{k!r}]", depth + 1)

    for info in pkgutil.walk_packages(govreport.__path__, "govreport."):
        if info.name.endswith("__main__"):
            continue
        mod = importlib.import_module(info.name)
        for attr, value in vars(mod).items():
            yield from walk(value, f"{info.name}.{attr}", 0)


PATTERNS = list(_patterns())
_SCAN = regex.compile(r".", regex.DOTALL)
#: five times the input: a linear pattern takes about 5x the time, a quadratic one about 25x;
#: the bound sits between them, clear of the noise of a busy machine
GROWTH_BOUND = 15
#: name -> (ratio to the linear scan, alphabet), printed at the end of the module
RATIOS: dict[str, tuple[float, str]] = {}


#: patterns the code only ever applies with ``.match`` at a known position (a line start, a
#: candidate found by a cheaper scan), never scanned with finditer: timed with ``.match``
ANCHORED = {
    "govreport.outline.scan._CLOSE_START",
    "govreport.targets.pattern.QUANTITY",
    "govreport.classify.evidence._DAY",  # only ever .match-ed right after a year
}


def _time(pattern: Any, text: str, anchored: bool = False) -> float:
    best = float("inf")
    gc.disable()  # a collection landing in one timing is noise, not the pattern's cost
    try:
        for _ in range(2):
            t0 = time.perf_counter()
            if anchored:
                pattern.match(text)
            else:
                for _m in pattern.finditer(text):
                    pass
            best = min(best, time.perf_counter() - t0)
    finally:
        gc.enable()
    return best


class Measured(NamedTuple):
    ratio: float  # worst time at N over a linear scan of the same string
    ratio_on: str
    growth: float  # worst time at N over time at N/5 (linear: about 5; quadratic: about 25)
    growth_on: str


def _measure(pattern: Any, anchored: bool) -> Measured:
    """The worst ratio and growth over the alphabets.

    A pattern already expensive and clearly superlinear between N/10 and N/5 fails there,
    without spending minutes on the full size. A growth past the bound is measured again
    before it counts: a busy machine can slow one timing, not every one. Growth is only
    read where the full-size time is long enough to measure (5 ms).
    """
    ratio, ratio_on, growth, growth_on = 0.0, "", 0.0, ""
    for alpha in ALPHABETS:
        text = (alpha * (N // len(alpha) + 1))[:N]
        t10, t5 = _time(pattern, text[: N // 10], anchored), _time(pattern, text[: N // 5], anchored)
        if t5 > 0.05 and t5 / max(t10, 1e-7) > 3.2:  # doubling the input more than triples the time
            t5 = min(t5, _time(pattern, text[: N // 5], anchored))  # again, before it counts
            if t5 / max(t10, 1e-7) > 3.2:
                return Measured(float("inf"), alpha, t5 / max(t10, 1e-7), alpha)
        t_full = _time(pattern, text, anchored)
        if t_full > 0.005 and t_full > GROWTH_BOUND * t5:
            t5 = min(t5, _time(pattern, text[: N // 5], anchored))
            t_full = min(t_full, _time(pattern, text, anchored))
        r = t_full / _time(_SCAN, text)
        if r > ratio:
            ratio, ratio_on = r, alpha
        g = t_full / max(t5, 1e-7) if t_full > 0.005 else 0.0
        if g > growth:
            growth, growth_on = g, alpha
    return Measured(ratio, ratio_on, growth, growth_on)


def test_patterns_were_found() -> None:
    assert len(PATTERNS) >= 10


@pytest.mark.parametrize("name,pattern", PATTERNS, ids=[n for n, _ in PATTERNS])
def test_pattern_is_linear(name: str, pattern: Any) -> None:
    m = _measure(pattern, name in ANCHORED)
    # a linear pattern costs a bounded multiple of a one-match-per-character scan, and five times
    # the input costs about five times the time (quadratic would be twenty-five)
    assert m.ratio < 50, f"{name} on {m.ratio_on!r}: {m.ratio:.1f}x a linear scan"
    assert m.growth < GROWTH_BOUND, f"{name} on {m.growth_on!r}: grows {m.growth:.0f}x for 5x the input"
    RATIOS[name] = (m.ratio, m.ratio_on)


def test_report_slowest_ratio(capsys: pytest.CaptureFixture[str]) -> None:
    """Print the slowest pattern's ratio (run with -s to see it); runs after the others."""
    if RATIOS:
        name, (ratio, alpha) = max(RATIOS.items(), key=lambda kv: kv[1][0])
        with capsys.disabled():
            print(f"\nslowest pattern: {name} at {ratio:.1f}x a linear scan ({alpha!r} x {N})")
