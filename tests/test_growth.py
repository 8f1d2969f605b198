"""Whole-pipeline growth: ``parse()`` on n and on 8n characters of one shape (issue #21).

``tests/test_regex_linear.py`` times every pattern alone; these time the whole pipeline on
the input shapes that were once quadratic in the code around the patterns (a search back to
the line start for every hint or space on one long line). :data:`STEP` times the input may
take at most :data:`GROWTH_BOUND` times as long: linear code stays near 8, the quadratic code
these replace took 20 to 60 at these sizes (a step of 4 left too little room between the two:
quadratic code with a large linear part grew only 7 to 9 times). A ratio over the bound is
timed once more before it fails, so that a busy machine does not fail it.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

from govreport import parse

#: how many times larger the second input is
STEP = 8
#: most time STEP times the input may take, as a multiple of the time of the input
GROWTH_BOUND = 16.0

#: a paragraph of report prose, for lines of real-looking text; without quantities, whose
#: extraction on one long paragraph is the targets stage's own growth case (#21 item 1)
_PROSE = (
    "过去一年，我们坚持稳中求进工作总基调，经济运行总体平稳，发展质量稳步提升，"
    "就业形势保持稳定，居民收入持续增长。"
    "我们着力扩大有效需求，推动消费持续恢复，加快建设现代化产业体系，"
    "深化重点领域改革，持续保障和改善民生，各项社会事业取得新进展。"
)


#: thanks to the audience: a ceremony sentence, whose cues' sentences classification looks up
_THANKS = "在此，我代表市人民政府，向全市人民表示衷心感谢！"


def _prose_line(n: int) -> str:
    return (_PROSE * (n // len(_PROSE) + 1))[:n]


#: shape -> (text of about n characters, n); sizes keep each test well under a second
SHAPES: dict[str, tuple[Callable[[int], str], int]] = {
    # a furniture hint (记者) many times on one line: each hint looked back for its line start
    "hints on one line": (lambda n: "记者" * (n // 2), 100_000),
    # nested mixed brackets are hints of the menu rule ([, 【): the same search back
    "nested brackets": (lambda n: "【[" * (n // 4) + "]】" * (n // 4), 50_000),
    # one long line of spaced-out Han characters: each space looked back for its line start
    "spaced line": (lambda n: "经 济 " * (n // 4), 40_000),
    # one long line of real-looking text (a report saved without its line breaks)
    "prose line": (_prose_line, 20_000),
    # the same with thanks in it: each ceremony cue looked for its sentence from the first one
    "prose line with ceremony": (lambda n: _prose_line(n - len(_THANKS)) + _THANKS, 20_000),
}


def _time(text: str) -> float:
    gc.collect()
    start = time.perf_counter()
    parse(text)
    return time.perf_counter() - start


def _growth(make: Callable[[int], str], n: int) -> float:
    small, large = make(n), make(STEP * n)
    return min(_time(large) for _ in range(2)) / min(_time(small) for _ in range(2))


@pytest.mark.parametrize("shape", SHAPES)
def test_parse_grows_linearly(shape: str) -> None:
    make, n = SHAPES[shape]
    growth = _growth(make, n)
    if growth > GROWTH_BOUND:
        growth = _growth(make, n)  # once more, in case the machine was busy
    assert growth <= GROWTH_BOUND, f"{shape}: {STEP}x the input took {growth:.1f}x as long"
