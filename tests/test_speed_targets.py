"""The fast targets stage gives exactly what the plain code it replaces gave (issue #8).

``_find_reference`` and ``_extract_reference`` are targets.find and targets.extract as they
were before the stage was made fast: one pass per quantity through small helpers, every
model validated. Property and table tests say the fast code agrees with them, on text
full of quantities and on text with none.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from decimal import Decimal

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from govreport.models import Category, Sentence, Target
from govreport.targets import reading as tg
from govreport.text.quantities import MAGNITUDES, amount, parse_value, plain

# ---------------------------------------------------------------- the reference

_CN_START = regex.compile("[零〇○一二两三四五六七八九十百千]")


def _indicator_reference(
    text: str, m: re.Match[str] | regex.Match[str], before: str, tail: re.Match[str] | None, sentence_start: int,
    previous: str | None,
) -> str | None:  # fmt: skip
    core = tg._strip((before[: tail.start()] if tail else before).strip())
    if core and not tg._VERB_ONLY.match(core):
        return core
    after = tg._AFTER.match(text, m.end())
    if after:
        return after.group("run")
    if core:
        obj = regex.search(regex.escape(core[-2:]) + r"(\p{Han}{2,12})", text[sentence_start : m.start()])
        return obj.group(1) if obj else core
    return previous


def _hardness_reference(qualifier: str | None, high: Decimal | None, context: str) -> str | None:
    if qualifier in tg.TRAILING_QUALIFIERS:
        return tg.TRAILING_QUALIFIERS[qualifier]
    if qualifier in tg.LEADING_QUALIFIERS:
        return tg.LEADING_QUALIFIERS[qualifier]
    if high is not None:
        return "soft"
    for cue, hardness in tg.HARDNESS_CUES.items():
        if cue in context:
            return hardness
    return None


def _noun_direction_reference(before: str) -> str | None:
    for word in tg._NOUN_DIRECTIONS:
        if before.endswith(word):
            return tg.DIRECTIONS[word]
    return None


def _inside_short_quote_reference(text: str, start: int, end: int) -> bool:
    lo = start - 8 if start > 8 else 0
    for open_, close in ("“”", "「」", '""'):
        left = text.rfind(open_, lo, start)
        if left < 0 or close in text[left + 1 : start]:
            continue
        right = text.find(close, end, end + 8)
        if right >= 0 and right - left <= 9:
            return True
    return False


def _find_reference(text: str, base: int = 0) -> list[tg.RawTarget]:
    """targets.find before issue #8: every step computed afresh for every quantity."""
    found: list[tg.RawTarget] = []
    sentence_start = 0
    previous: str | None = None
    floor = 0
    ends: list[int] | None = None
    for m in tg._quantities(text):
        if m.group("pnum"):
            number, high_s, mag, unit = m.group("pnum"), m.group("phigh"), None, "%"
        else:
            number, high_s, mag, unit = m.group("num"), m.group("high"), m.group("mag"), m.group("unit")
            unit = unit.strip()
            if _CN_START.match(number) and len(number) == 1 and not mag and tg._unit_kind(unit) == "count":
                continue
        value = amount(number, None)
        if value is None:
            continue
        if m.group("big"):
            shift = MAGNITUDES[m.group("bigmag")] - MAGNITUDES.get(mag or "", 0)
            if shift <= 0 or value >= 10**shift:
                continue
            value = plain(value + Decimal(m.group("big").replace(",", "")).scaleb(shift))
        high = parse_value(high_s) if high_s else None
        if _inside_short_quote_reference(text, m.start(), m.end()):
            continue
        if ends is None:
            ends = [e.start() for e in tg._SENTENCE_END.finditer(text)]
        i = bisect_left(ends, m.start())
        cut = ends[i - 1] if i else -1
        if cut + 1 > sentence_start:
            sentence_start, previous = cut + 1, None
        _, before = tg._before(text, m.start(), floor)
        floor = m.end()
        tail = tg._tail(before)
        dir_word = (tail.group("dir2") or tail.group("dir")) if tail else None
        lead = tail.group("lead") if tail else None
        qualifier = m.group("qual") or lead
        hardness = _hardness_reference(qualifier, high, text[max(sentence_start, m.start() - tg._CLAUSE) : m.start()])
        indicator = _indicator_reference(text, m, before, tail, sentence_start, previous) or None
        previous = indicator
        found.append(
            tg.RawTarget(
                indicator=indicator,
                direction=tg.DIRECTIONS.get(dir_word or "") or _noun_direction_reference(before),  # type: ignore[arg-type]
                value=value,
                high=high,
                unit=unit,
                magnitude=mag,
                qualifier=qualifier,
                hardness=hardness,  # type: ignore[arg-type]
                average="年均" in before and tg._AVERAGE.search(before) is not None,
                start=base + m.start(),
                end=base + m.end(),
            )
        )
    return found


def _extract_reference(
    ptext: str, base: int, span: tg.SpanFn, category: Category, *, base_units: bool = False,
    sentences: Sequence[Sentence] = (),
) -> list[Target]:  # fmt: skip
    """targets.extract before issue #8: a validated Target per quantity."""
    anchor = tg.ANCHORS.search(ptext)
    anchor_at = anchor.end() if anchor else len(ptext) + 1
    out: list[Target] = []
    for t in _find_reference(ptext, base):
        ts, te = span(t.start, t.end)
        sentence = next((s for s in sentences if s.start <= ts < s.end), None)
        role = tg._role(sentence.category if sentence else category) or tg._role(category)
        if t.start - base >= anchor_at and not t.average:
            role = "target"
        value, high, unit = t.value, t.high, t.unit
        if t.magnitude:
            if base_units:
                value = amount(str(value), t.magnitude) or value
                high = amount(str(high), t.magnitude) if high is not None else None
            else:
                unit = t.magnitude + unit
        out.append(
            Target(
                indicator=t.indicator,
                direction=t.direction,
                value=value,
                high=high,
                unit=unit,
                qualifier=t.qualifier,
                hardness=t.hardness,
                role=role,
                average=t.average,
                text=ptext[t.start - base : t.end - base],
                start=ts,
                end=te,
            )
        )
    return out


# ---------------------------------------------------------------- text full of quantities

#: digits, numerals, magnitudes and units; direction, framing, link and cue words' characters;
#: qualifiers, quotation marks, clause and sentence breaks, spaces, Latin capitals, a digit
#: beyond the BMP
_ALPHABET = (
    "0123456789.,%‰—~至一二两三四五六七八九十百千万亿兆个元人家项所亩吨倍/"
    "增长提高降低下控制在达到以上内左右区间约不低于超过力争确保预期努力必须年均"
    "今全市的为比上累计新建设投资就业发行专项债券和及主要目标是"
    '“”「」"，、；。：\n （第号GDP\U00010d41'
)
_texts = st.text(alphabet=_ALPHABET, max_size=60)
_WORDS = (
    *tg.words(
        "生产总值 增长 比上年增长 5.5% 6%以上 左右 力争 不低于 确保 预期 新增就业 4万人 3―5所 "
        "百分之五 十六点四亿元 4兆8,530亿元 年均增长 年均浓度 控制在 30微克/立方米 以内 今年 主要预期目标是： "
        "发行 专项债券 首批发行 50亿元 “十四五” “3+N” 第3批 5号线 六个方面 、 ， 。 ； GDP 建设 15个 共享工厂 "
        "及 约 4万个 就业机会 2028年可新增 3年内 创造 个月 数十家 五六所 —6.50% 至 5.0 万"
    ),
    "\n",
    " ",
)
_phrases = st.lists(st.sampled_from(_WORDS), max_size=24).map("".join)


def _shift(a: int, b: int) -> tuple[int, int]:
    return a + 7, b + 7


@given(st.one_of(_texts, _phrases))
def test_find_matches_reference(text: str) -> None:
    assert repr(tg.find(text, 3)) == repr(_find_reference(text, 3))  # Decimal('4.50') != Decimal('4.5')


@given(st.one_of(_texts, _phrases), st.sampled_from(Category), st.booleans(), st.data())
def test_extract_matches_reference(text: str, category: Category, base_units: bool, data: st.DataObject) -> None:
    # sentences in original offsets (the paragraph shifted by 7), with categories of their own
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=4)))
    bounds = [0, *cuts, len(text)]
    cats = data.draw(st.lists(st.sampled_from(Category), min_size=len(bounds), max_size=len(bounds)))
    sentences = [
        Sentence(start=a + 7, end=b + 7, text=text[a:b], category=c)
        for a, b, c in zip(bounds, bounds[1:], cats, strict=False)
        if a < b
    ]
    fast = tg.extract(text, 0, _shift, category, base_units=base_units, sentences=sentences)
    plain_ = _extract_reference(text, 0, _shift, category, base_units=base_units, sentences=sentences)
    assert fast == plain_
    assert [t.model_dump_json() for t in fast] == [t.model_dump_json() for t in plain_]
    assert [Target.model_validate(t.model_dump()) for t in fast] == fast  # trusted builds valid models


@pytest.mark.parametrize(
    "text",
    [
        "生产总值增长5.5%以上，新增就业4万人。",  # a direction, a qualifier, a magnitude
        "全县生产总值860亿元、增长5.1%。",  # the second inherits the indicator
        "带来300亿元投资和5000个岗位。",  # the noun after a bare verb
        "今年起发行专项债券支持重大项目，首批发行50亿元。",  # the object of an earlier verb
        "确保新增就业2万人。预计新增就业2万人。新增就业2万人。",  # hardness from cues, per sentence
        "外贸增长3%—4.50%，收入增长不低于4%，力争达到6%。",  # a range (its bound as written), qualifiers
        "服务贸易年均增长6%左右，细颗粒物年均浓度控制在30微克/立方米左右。",  # averages
        "今年主要预期目标是：生产总值增长5%左右，年均增长5%左右。",  # the anchor
        "4兆8,530亿元，3万5亿元，百分之五至百分之六。",  # a big magnitude first; not one number
        "“十四五”时期建设5号线，“3+N”，第3批，六个方面，新建五六所学校。",  # no quantity at all
        "坚持稳中求进工作总基调。",  # no numeral
        "",
    ],
)
def test_find_and_extract_cases(text: str) -> None:
    assert repr(tg.find(text, 5)) == repr(_find_reference(text, 5))
    for category in Category:
        assert tg.extract(text, 0, _shift, category) == _extract_reference(text, 0, _shift, category)


# ---------------------------------------------------------------- cached pure functions


@given(st.one_of(_texts, _phrases))
def test_read_is_the_tail_strip_and_verb_steps(before: str) -> None:
    tail = tg._tail(before)
    assert tail is not None  # everything in _TAIL is optional
    core = tg._strip(before[: tail.start()].strip())
    assert tg._read(before) == (
        tg.DIRECTIONS.get(tail.group("dir2") or tail.group("dir") or "") or _noun_direction_reference(before),
        tail.group("lead"),
        core,
        bool(core) and not tg._VERB_ONLY.match(core),
        "年均" in before and tg._AVERAGE.search(before) is not None,
    )


def test_read_cases() -> None:
    assert tg._read("今年力争生产总值比上年增长") == ("increase", None, "生产总值", True, False)
    assert tg._read("收入增长不低于") == ("increase", "不低于", "收入", True, False)
    assert tg._read("建设") == (None, None, "建设", False, False)  # a bare verb names nothing
    assert tg._read("居民消费价格涨幅") == ("increase", None, "居民消费价格涨幅", True, False)
    assert tg._read("年均增长") == ("increase", None, "", False, True)
    assert tg._read("") == (None, None, "", False, False)


@pytest.mark.parametrize("number", ["5.5", "5.50", "6,000", "三千", "十六点四", "五六", "0", "一万五"])
def test_cached_numbers_are_the_plain_ones(number: str) -> None:
    assert tg._value(number) == amount(number, None)
    assert str(tg._value(number)) == str(amount(number, None))
    assert str(tg._bound(number)) == str(parse_value(number))  # a bound keeps its digits: 5.50


def test_groups_are_in_match_order() -> None:
    assert tuple(tg._QUANTITY.groupindex) == tg._GROUPS
    assert [tg._QUANTITY.groupindex[g] for g in tg._GROUPS] == list(range(1, len(tg._GROUPS) + 1))
    assert tuple(tg._wide()[1].groupindex) == tg._GROUPS


def test_one_numeral_is_the_numeral_class() -> None:
    numerals = regex.compile("[零〇○一二两三四五六七八九十百千]")
    for c in map(chr, range(0x20, 0xA000)):
        assert (c in tg._CN_ONE) == bool(numerals.match(c))


# ---------------------------------------------------------------- the quantity pattern

#: _QUANTITY as it was: optional parts as (?:...)?, without the lookaheads that skip failing branches
_ARABIC_PLAIN = r"\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,10})?|\d{1,20}(?:\.\d{1,10})?"
_CN_PLAIN = (
    "[零〇○一二两三四五六七八九十百千万亿]{0,23}[零〇○一二两三四五六七八九十百千](?:点[零〇○一二三四五六七八九]{1,10})?"
)
_NUM_PLAIN = rf"(?:{_ARABIC_PLAIN}|{_CN_PLAIN})"
_UNIT_PLAIN = rf"(?:{tg._UNIT_ONE})(?![A-Za-z])(?:/(?:{tg._MAG})?(?:{tg._alt(tg.PER_UNITS)}))?"
_QUANTITY_PLAIN = (
    r"(?<![\dA-Za-z.,+/第数几余])(?<!\d[万亿兆])"
    r"(?:百分之(?P<pnum>" + _NUM_PLAIN + r")(?:(?:至|到)百分之(?P<phigh>" + _NUM_PLAIN + r"))?"
    rf"|(?:(?P<big>{_ARABIC_PLAIN})(?P<bigmag>{tg._MAG}))?(?P<num>{_NUM_PLAIN})"
    rf"(?:(?:{tg._MAG})?(?:{_UNIT_PLAIN})?\s?(?:{tg._RANGE_SEP})\s?(?P<high>{_NUM_PLAIN}))?"
    rf"\s?(?P<mag>{tg._MAG})?\s?(?P<unit>{_UNIT_PLAIN}))"
    rf"(?P<qual>{tg._alt(tg.TRAILING_QUALIFIERS)})?"
)

#: numbers, magnitudes, separators, units (with 千瓦 and 兆瓦 that hold a magnitude's character), spaces
_NUMBERS = st.text(alphabet="0123456789,.. 一二三十百千万亿兆-—~～至到%个元人/年千瓦时兆亿斤GWk\n\u3000", max_size=40)
#: the same as words: every unit, per-unit and magnitude of the tables
_NUMBER_WORDS = st.lists(
    st.sampled_from(
        (*tg.UNITS, *tg.PER_UNITS, *MAGNITUDES, "/", " ", "—", "～", "至", "到", "5", "12.5", "1,200", "三", "十六点四")
    ),
    max_size=16,
).map("".join)


def test_the_pattern_is_rewritten() -> None:
    assert tg._BIG_AHEAD in tg._QUANTITY_PATTERN and tg._RANGE_AHEAD in tg._QUANTITY_PATTERN
    assert ")?" not in tg._QUANTITY_PATTERN  # every optional part as (?:...|)
    assert tg._maybe("a") == "(?:a|)"


@given(st.one_of(_NUMBERS, _NUMBER_WORDS, _texts, _phrases))
def test_quantity_pattern_matches_plain(text: str) -> None:
    # the regex module for the plain pattern, as _wide compiles it; both compilations of the new one
    plain_ = [(m.span(), m.groups()) for m in regex.finditer(_QUANTITY_PLAIN, text)]
    assert [(m.span(), m.groups()) for m in tg._wide()[1].finditer(text)] == plain_
    if not tg._ASTRAL.search(text):
        stdlib = [(m.span(), m.groups()) for m in tg._QUANTITY.finditer(text)]
        assert stdlib == plain_
        # at every position, not only where a match starts
        assert [tg._QUANTITY.match(text, i) is None for i in range(len(text))] == [
            regex.compile(_QUANTITY_PLAIN).match(text, i) is None for i in range(len(text))
        ]


@pytest.mark.parametrize(
    "text",
    [
        "4兆8,530亿元",
        "5万6,566元",
        "3万5亿元",
        "3―5所",
        "3%—4.50%",
        "5 万 - 6万元",
        "12.5万千瓦至15万千瓦",
        "1,200万",
        "2026年",
        "4,000亿3,500万元",  # the larger magnitude after commas
        "1.5万6,000元",  # and after a point
        "5万平方公里—6万平方公里",  # a range separator far after the number
        "58万元/人～60万元/人",
        "3个百分点至5个百分点",
    ],
)
def test_quantity_pattern_cases(text: str) -> None:
    plain_ = [(m.span(), m.groups()) for m in regex.finditer(_QUANTITY_PLAIN, text)]
    assert [(m.span(), m.groups()) for m in tg._QUANTITY.finditer(text)] == plain_


# ---------------------------------------------------------------- the phrase before a quantity

_BMP = st.characters(max_codepoint=0xFFFF, exclude_categories=("Cs",))


def test_clause_break_classes_agree_on_the_bmp() -> None:
    # stdlib re with the White_Space table reads each BMP character as regex does
    for c in map(chr, range(0x10000)):
        if not 0xD800 <= ord(c) < 0xE000:
            assert bool(tg._CLAUSE_BREAK_REVERSED.match(c)) == bool(tg._CLAUSE_BREAK.search(c)), hex(ord(c))
            assert bool(re.fullmatch(f"[{tg._WHITE_SPACE}]", c)) == bool(regex.fullmatch(r"\s", c)), hex(ord(c))


@given(st.one_of(_texts, _phrases, st.text(_BMP, max_size=30)), st.data())
def test_before_reversed_matches_regex(text: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(0, len(text)))
    floor = data.draw(st.integers(0, pos))
    if not tg._ASTRAL.search(text):
        assert tg._before(text, pos, floor, text[::-1]) == tg._before(text, pos, floor)


def test_before_cases() -> None:
    text = "全县生产总值860亿元、增长5.1%，6,000亿元投资及约4万个就业机会，2028年可新增3万人"
    for pos in range(len(text) + 1):
        for floor in range(0, pos + 1, 3):
            assert tg._before(text, pos, floor, text[::-1]) == tg._before(text, pos, floor)


# ---------------------------------------------------------------- numbers and anchors


@given(st.text(alphabet="0123456789", min_size=1, max_size=24) | st.text(alphabet="0123456789.,", max_size=12))
def test_value_matches_amount(number: str) -> None:
    assert repr(tg._value(number)) == repr(amount(number, None))


@given(st.text(alphabet="主要预期目标是为：今年", max_size=12))
def test_every_anchor_holds_mubiao(text: str) -> None:
    assert tg.ANCHORS.search(text) is None or "目标" in text


def test_quantity_start_spells_out_the_stdlib_digits() -> None:
    plain_ = re.compile(tg._QUANTITY_START_PATTERN)
    for c in map(chr, range(0x10000)):
        if not 0xD800 <= ord(c) < 0xE000:
            assert bool(tg._QUANTITY_START.match(c)) == bool(plain_.match(c)), hex(ord(c))


def test_ranges() -> None:
    assert list(tg._ranges([1, 2, 3, 5, 7, 8])) == [(1, 3), (5, 5), (7, 8)]
    assert list(tg._ranges([])) == []
