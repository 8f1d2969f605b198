"""Every compiled pattern in govreport runs in linear time on adversarial input (issue #7).

Patterns are collected from the package's modules (module-level patterns and those inside rule
tables). Each runs ``finditer`` to exhaustion over 100 000-character strings built to provoke
backtracking; its time is compared with a linear scan of the same string (one match per
character), and with its own time on a tenth of the string, which must grow about tenfold.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import time
from collections.abc import Iterator
from typing import Any

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

    for info in pkgutil.iter_modules(govreport.__path__, "govreport."):
        if info.name.endswith("__main__"):
            continue
        mod = importlib.import_module(info.name)
        for attr, value in vars(mod).items():
            yield from walk(value, f"{info.name}.{attr}", 0)


PATTERNS = list(_patterns())
_SCAN = regex.compile(r".", regex.DOTALL)
#: name -> (ratio to the linear scan, alphabet), printed at the end of the module
RATIOS: dict[str, tuple[float, str]] = {}


#: patterns the code only ever applies with ``.match`` at a known position (a line start, a
#: candidate found by a cheaper scan), never scanned with finditer: timed with ``.match``
ANCHORED = {"govreport.outline._CLOSE_START", "govreport.targets._QUANTITY"}


def _time(pattern: Any, text: str, anchored: bool = False) -> float:
    best = float("inf")
    for _ in range(2):
        t0 = time.perf_counter()
        if anchored:
            pattern.match(text)
        else:
            for _m in pattern.finditer(text):
                pass
        best = min(best, time.perf_counter() - t0)
    return best


def _measure(pattern: Any, anchored: bool) -> tuple[float, float, str]:
    """Worst (ratio to a linear scan at N, growth from N/5 to N, alphabet) over the alphabets.

    A pattern that is already clearly superlinear between N/10 and N/5 fails there,
    without spending minutes on the full size.
    """
    worst = (0.0, 0.0, "")
    for alpha in ALPHABETS:
        text = (alpha * (N // len(alpha) + 1))[:N]
        t10, t5 = _time(pattern, text[: N // 10], anchored), _time(pattern, text[: N // 5], anchored)
        if t5 > 0.002 and t5 / max(t10, 1e-7) > 3.2:  # doubling the input more than triples the time
            return float("inf"), t5 / max(t10, 1e-7), alpha
        t_full = _time(pattern, text, anchored)
        ratio = t_full / _time(_SCAN, text)
        if ratio > worst[0]:
            worst = (ratio, t_full / max(t5, 1e-7), alpha)
    return worst


def test_patterns_were_found() -> None:
    assert len(PATTERNS) >= 10


@pytest.mark.parametrize("name,pattern", PATTERNS, ids=[n for n, _ in PATTERNS])
def test_pattern_is_linear(name: str, pattern: Any) -> None:
    ratio, growth, alpha = _measure(pattern, name in ANCHORED)
    # a linear pattern costs a bounded multiple of a one-match-per-character scan, and five times
    # the input costs about five times the time (quadratic would be twenty-five)
    assert ratio < 50, f"{name} on {alpha!r}: {ratio:.1f}x a linear scan (growth {growth:.1f}x)"
    assert ratio < 1 or growth < 10, f"{name} on {alpha!r}: grows {growth:.0f}x for 5x input"
    RATIOS[name] = (ratio, alpha)


def test_report_slowest_ratio(capsys: pytest.CaptureFixture[str]) -> None:
    """Print the slowest pattern's ratio (run with -s to see it); runs after the others."""
    if RATIOS:
        name, (ratio, alpha) = max(RATIOS.items(), key=lambda kv: kv[1][0])
        with capsys.disabled():
            print(f"\nslowest pattern: {name} at {ratio:.1f}x a linear scan ({alpha!r} x {N})")
