"""The targets stage's fast path gives what its plain reference gives, and the stage is linear.

The fast path (``extract(..., fast=True)``, the default) looks for quotation marks and hardness
cues only in text that holds them and caches the reading of a phrase; ``fast=False`` is its
plain reference. The quantity pattern is compiled for stdlib ``re`` where the text allows it,
and must match as the ``regex`` compilation does.
"""

from __future__ import annotations

import re
import time

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import govreport
from govreport.models import Category, Sentence, Target
from govreport.targets import INDICATORS, extract, reading
from govreport.targets.indicators import canonical, plain_canonical
from govreport.targets.pattern import ASTRAL, GROUPS, QUANTITY, QUANTITY_PATTERN, quantities
from govreport.targets.tables import PERIOD_WORDS, PERIOD_WORDS_PATTERN
from govreport.text.units import words

#: digits, numerals, magnitudes and units; direction, framing, link and cue words' characters;
#: qualifiers, quotation marks, clause and sentence breaks, spaces, Latin capitals, a digit
#: beyond the BMP
_ALPHABET = (
    "0123456789.,%‰—~－至一二两三四五六七八九十百千万亿兆个元人家项所亩吨倍/"
    "增长提高降低下控制在达到以上内左右区间约不低于超过力争确保预期努力必须年均"
    "今全市的为比上累计新建设投资就业发行专项债券和及主要目标是"
    '“”「」"，、；。：\n （第号GDP\x1c\U00010d41'
)
_WORDS = (
    *words(
        "生产总值 增长 比上年增长 5.5% 6%以上 左右 力争 不低于 确保 预期 新增就业 4万人 3―5所 "
        "百分之五 十六点四亿元 4兆8,530亿元 年均增长 年均浓度 控制在 30微克/立方米 以内 今年 主要预期目标是： "
        "发行 专项债券 首批发行 50亿元 “十四五” “3+N” 第3批 5号线 六个方面 、 ， 。 ； GDP 建设 15个 共享工厂 "
        "及 约 4万个 就业机会 2028年可新增 3年内 创造 个月 数十家 五六所 —6.50% 至 5.0 万 1,200万 58万元/人～60万元/人"
    ),
    "\n",
    " ",
)
_TEXTS = st.one_of(
    st.text(alphabet=_ALPHABET, max_size=60), st.lists(st.sampled_from(_WORDS), max_size=24).map("".join)
)


def _plain_end_word(phrase: str) -> str:
    """The plain reference of ``reading._end_word``: every end word tried in table order."""
    for word in reading._END_WORDS:
        if phrase.endswith(word) and len(phrase) > len(word):
            return word
    return ""


@given(st.lists(st.sampled_from((*reading._END_WORDS, *_WORDS)), max_size=4).map("".join))
def test_end_word_matches_plain_loop(phrase: str) -> None:
    # one endswith of all the end words first, then the table order: the same word as trying each
    assert reading._end_word(phrase) == _plain_end_word(phrase)


def _shift(a: int, b: int) -> tuple[int, int]:
    return a + 7, b + 7


@given(_TEXTS, st.sampled_from(Category), st.booleans(), st.data())
def test_extract_matches_plain_reference(text: str, category: Category, base_units: bool, data: st.DataObject) -> None:
    # sentences in original offsets (the paragraph shifted by 7), with categories of their own
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=4)))
    bounds = [0, *cuts, len(text)]
    cats = data.draw(st.lists(st.sampled_from(Category), min_size=len(bounds), max_size=len(bounds)))
    sentences = [
        Sentence(start=a + 7, end=b + 7, text=text[a:b], category=c)
        for a, b, c in zip(bounds, bounds[1:], cats, strict=False)
        if a < b
    ]
    fast = extract(text, 0, _shift, category, base_units=base_units, sentences=sentences)
    plain = extract(text, 0, _shift, category, base_units=base_units, sentences=sentences, fast=False)
    assert [t.model_dump_json() for t in fast] == [t.model_dump_json() for t in plain]
    assert [Target.model_validate(t.model_dump()) for t in fast] == fast  # trusted builds valid models
    # the role is the first sentence's holding the quantity (one pass finds it)
    for t in fast:
        holder = next((s for s in sentences if s.start <= t.start < s.end), None)
        if t.role != "target":  # a main-targets head makes the rest of the paragraph targets
            expected = (holder and _role(holder.category)) or _role(category)
            assert t.role == expected


def _role(category: Category) -> str | None:
    return {Category.GOAL: "target", Category.ACHIEVEMENT: "result"}.get(category)


@given(_TEXTS)
def test_quantity_pattern_for_stdlib_matches_regex(text: str) -> None:
    # stdlib re reads \s as regex does (U+001C-U+001F are not spaces); a digit beyond the BMP goes to regex
    plain = [(m.span(), m.groupdict()) for m in regex.finditer(QUANTITY_PATTERN, text)]
    assert [(m.span(), m.groupdict()) for m in quantities(text)] == plain
    if not ASTRAL.search(text):
        assert [(m.span(), m.groupdict()) for m in quantities(text, wide=False)] == plain


@given(st.text(alphabet="十一五到至截1920２0345年今本去上过这明比较与同来一，。", max_size=40))
def test_period_words_match_the_plain_pattern(text: str) -> None:
    # the first-character lookahead only skips positions where no alternative can start
    plain = [(m.span(), m.groupdict()) for m in re.finditer(PERIOD_WORDS_PATTERN, text)]
    assert [(m.span(), m.groupdict()) for m in PERIOD_WORDS.finditer(text)] == plain


@given(
    st.lists(st.sampled_from([a for e in INDICATORS for a in e.aliases] + ["人均", "全省", "单位", "增速"]), max_size=4)
)
def test_canonical_memo_is_the_plain_reading(parts: list[str]) -> None:
    indicator = "".join(parts)
    for kind in ("percent", "count", "measure"):
        assert canonical(indicator, kind) == plain_canonical(indicator, kind)
        assert canonical(indicator, kind) == plain_canonical(indicator, kind)  # from the memo


def test_quantity_groups_are_in_the_order_number_reads_them() -> None:
    # number() unpacks Match.groups(): every group is named, in the order of GROUPS, under both engines
    for compiled in (QUANTITY, regex.compile(QUANTITY_PATTERN)):
        assert compiled.groups == len(GROUPS)
        assert sorted(compiled.groupindex, key=compiled.groupindex.__getitem__) == list(GROUPS)


def test_quantities_cases() -> None:
    assert [m.group() for m in quantities("增长5.5%以上，新增就业4万人，“十四五”")] == ["5.5%以上", "4万人"]
    assert list(quantities("坚持稳中求进工作总基调")) == []  # no numeral at all
    assert list(quantities("第3批")) == []  # a counter, not a quantity
    assert [m.group() for m in quantities("\U00010d41%")] == ["\U00010d41%"]  # a digit beyond the BMP


# ---------------------------------------------------------------- growth of the whole pipeline (#21)

#: 4x the input: a linear parse takes about 4x the time, a quadratic one about 16x (12x measured on
#: the quadratic code at these sizes, whose fixed costs soften the ratio); the bound sits between
GROWTH_BOUND = 8.0


def _parse_time(text: str) -> float:
    best = float("inf")
    for _ in range(2):
        t0 = time.perf_counter()
        govreport.parse(text)
        best = min(best, time.perf_counter() - t0)
    return best


def _growth(unit: str, n: int) -> float:
    return _parse_time(unit * (4 * n)) / _parse_time(unit * n)


@pytest.mark.parametrize(
    ("unit", "n"),
    [
        ("全年新增就业4万人。", 2500),  # every quantity once looked at every sentence: 54 s at n = 20 000
        ("2025年新增就业4万人，", 2500),  # a year before every figure: its period is one lookup
        ("城镇、农村居民收入分别增长5%、6%", 1500),  # 分别 lists in one sentence without an end
        ("今年主要预期目标是：地区生产总值增长5%左右，", 2500),  # heads of main-targets statements
    ],
)
def test_one_long_paragraph_of_quantities_is_linear(unit: str, n: int) -> None:
    ratio = _growth(unit, n)
    if ratio > GROWTH_BOUND:  # a busy machine: time once more before failing
        ratio = min(ratio, _growth(unit, n))
    assert ratio <= GROWTH_BOUND, f"{ratio:.1f}x the time for 4x the input"
