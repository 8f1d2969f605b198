"""Quantitative targets (#6): one table row per pattern, negatives included.

Every snippet is written for the test; none is copied from a seed or corpus document.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govreport import ConfigError, Indicator, parse
from govreport.models import Category
from govreport.targets import INDICATORS, extract, find

from .cases import params


def _field(x: str) -> str | None:
    return None if x == "-" else x


@pytest.mark.parametrize(("text", "expected"), params("targets/readings.txt"))
def test_reading(text: str, expected: str) -> None:
    report = parse(text)
    found = report.all_targets()
    rows = [line.split(" | ") for line in expected.splitlines()]
    assert len(found) == len(rows)
    for t, (indicator, value, high, unit, qualifier, direction) in zip(found, rows, strict=True):
        if indicator == "-":
            assert t.indicator is None
        elif indicator.startswith("="):
            assert t.indicator == indicator[1:]
        else:
            assert t.indicator is not None
            assert indicator in t.indicator
        assert t.value == Decimal(value)
        assert t.high == (Decimal(high) if high != "-" else None)
        assert t.unit == unit
        assert t.qualifier == _field(qualifier)
        assert t.direction == _field(direction)
        assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(
    ("text", "hardness"),
    [
        ("生产总值增长6%以上。", "hard"),
        ("登记失业率控制在5%以内。", "hard"),
        ("收入增长不低于4%。", "hard"),
        ("确保新增就业2万人。", "hard"),
        ("生产总值增长6%左右。", "soft"),
        ("外贸增长3%—4%。", "soft"),
        ("预计新增就业2万人。", "soft"),
        ("新增就业2万人。", None),
    ],
)
def test_hardness(text: str, hardness: str | None) -> None:
    [t] = find(text)
    assert t.hardness == hardness


def test_elliptical_quantity_inherits_the_indicator() -> None:
    found = find("全县生产总值860亿元、增长5.1%。")
    assert [t.indicator for t in found] == ["生产总值", "生产总值"]
    assert [t.direction for t in found] == [None, "increase"]


def test_conjunction_ends_the_phrase_before_a_quantity() -> None:
    found = find("带来300亿元投资和5000个岗位。")
    assert [t.indicator for t in found] == ["投资", "岗位"]


def test_bare_verb_refers_back_to_its_object() -> None:
    [t] = find("今年起发行专项债券支持重大项目，首批发行50亿元。")
    assert t.indicator == "专项债券支持重大项目"


def test_previous_quantity_is_not_an_indicator() -> None:
    found = find("产值成长5倍达900亿元。")
    assert found[1].indicator != "倍"


def _identity(a: int, b: int) -> tuple[int, int]:
    return a, b


def test_role_follows_the_paragraph_category() -> None:
    [goal] = extract("新增就业2万人。", 0, _identity, Category.GOAL)
    [done] = extract("新增就业2万人。", 0, _identity, Category.ACHIEVEMENT)
    [other] = extract("新增就业2万人。", 0, _identity, Category.OTHER)
    assert (goal.role, done.role, other.role) == ("target", "result", None)


def test_anchor_makes_the_list_targets_but_not_averages() -> None:
    text = "去年生产总值增长5.2%。今年主要预期目标是：生产总值增长5%左右，年均增长5%左右。"
    found = extract(text, 0, _identity, Category.ACHIEVEMENT)
    assert [(t.value, t.role, t.average) for t in found] == [
        (Decimal("5.2"), "result", False),
        (Decimal("5"), "target", False),
        (Decimal("5"), "result", True),
    ]


def test_annual_mean_level_is_not_a_period_average() -> None:
    [level] = find("细颗粒物年均浓度控制在30微克/立方米左右。")
    [growth] = find("服务贸易年均增长6%左右。")
    assert (level.average, growth.average) == (False, True)


def test_sentence_category_decides_the_role() -> None:
    report = parse("二、2025年工作安排\n去年新增企业219家，同比增长35.2%。今年要力争新增就业2万人。")
    roles = {str(t.value): t.role for t in report.all_targets()}
    assert roles["219"] == "result"
    assert roles["2"] == "target"


@pytest.mark.parametrize(
    ("text", "value", "high", "unit"),
    [
        ("新增就业4万人。", "40000", None, "人"),
        ("上级资金16.4亿元。", "1640000000", None, "元"),
        ("外贸增长4%—5%。", "4", "5", "%"),
        ("粮食产量1.3万亿斤。", "1300000000000", None, "斤"),
        ("人均产值达36万元/人左右。", "360000", None, "元/人"),
        ("营业额达4兆8,530亿元。", "4853000000000", None, "元"),
        ("建设2―4万亩林地。", "20000", "40000", "亩"),
    ],
)
def test_base_units(text: str, value: str, high: str | None, unit: str) -> None:
    [t] = parse(text, base_units=True).all_targets()
    assert (t.value, t.high, t.unit) == (Decimal(value), Decimal(high) if high else None, unit)
    assert str(t.value) == value  # exact, no exponent


@pytest.mark.parametrize(("text", "expected"), params("targets/main.txt"))
def test_main_targets(text: str, expected: str) -> None:
    main = parse(text, year=2026).main_targets()
    got = [
        " | ".join(
            "-" if x is None else str(x)
            for x in (t.canonical, t.value, t.high, t.unit, t.qualifier, t.period_from, t.period_to)
        )
        for t in main
    ]
    assert got == expected.splitlines()
    assert all(t.role == "target" and t.main and not t.average for t in main)


_UNIT_OF_KIND = {"percent": "%", "count": "万人", "measure": "万吨"}


@st.composite
def _statement(draw: st.DrawFn) -> tuple[str, list[tuple[str, Decimal]]]:
    """A main-targets statement of canonical indicators: (text, [(code, value), ...])."""
    entries = draw(st.lists(st.sampled_from(INDICATORS), min_size=1, max_size=6))
    items, expected = [], []
    for entry in entries:
        alias = draw(st.sampled_from(entry.aliases))
        value = draw(st.decimals(min_value=1, max_value=99, places=1))
        unit = _UNIT_OF_KIND[entry.kinds[0]]
        qualifier = draw(st.sampled_from(("", "左右", "以上", "以内")))
        verb = "" if unit != "%" or alias.endswith(("增长", "增速", "率")) else "降低" if "单位" in alias else "增长"
        items.append(f"{alias}{verb}{value}{unit}{qualifier}")
        expected.append((entry.code, value))
    seps = draw(st.lists(st.sampled_from("，；"), min_size=len(items), max_size=len(items)))
    body = "".join(item + sep for item, sep in zip(items, seps, strict=True))
    return f"二、2026年工作安排\n今年经济社会发展主要预期目标是：{body[:-1]}。", expected


@settings(max_examples=60, deadline=None)
@given(_statement())
def test_main_targets_of_any_statement_of_the_table(statement: tuple[str, list[tuple[str, Decimal]]]) -> None:
    text, expected = statement
    main = parse(text, year=2026).main_targets()
    assert [(t.canonical, t.value) for t in main] == expected
    assert all((t.period_from, t.period_to) == (2026, 2026) for t in main)


def test_added_indicators_are_tried_first() -> None:
    rd = Indicator("rd_intensity", ("研发投入强度",), "R&D spending as a share of GDP")
    text = "今年主要预期目标是：研发投入强度达到3%，地区生产总值增长5%。"
    assert [t.canonical for t in parse(text, add_indicators=rd).targets] == ["rd_intensity", "gdp_growth"]
    assert [t.canonical for t in parse(text).targets] == [None, "gdp_growth"]  # the negative: the table alone


@pytest.mark.parametrize("value", ["研发投入强度", None, [("rd", ("研发",), "why")]])
def test_added_indicators_of_another_shape_are_a_config_error(value: object) -> None:
    with pytest.raises(ConfigError, match="Indicator"):
        parse("地区生产总值增长5%。", add_indicators=value)  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "expected"), params("targets/periods.txt"))
def test_periods_and_roles(text: str, expected: str) -> None:
    found = parse(text, year=2026).targets
    got = [
        " | ".join("-" if x is None else str(x) for x in (t.role, t.period_from, t.period_to, t.canonical))
        for t in found
    ]
    assert got == expected.splitlines()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("地区生产总值增长5%。", "growth"),  # a percent change
        ("单位地区生产总值能耗下降3%。", "growth"),
        ("城镇化率提高1个百分点。", "growth"),  # a change in points
        ("城镇化率提高到62%。", "share"),  # a verb to a level: the level reached, not a change
        ("研发投入强度达到3%。", "share"),
        ("地区生产总值增长达到6%。", "growth"),  # a change that reaches a value is still a change
        ("城镇调查失业率控制在5.5%以内。", "share"),
        ("城镇新增就业5万人。", "count"),
        ("粮食产量500亿斤以上。", "level"),
        ("一般公共预算收入860亿元。", "level"),
    ],
)
def test_kind(text: str, kind: str) -> None:
    [t] = parse(text).targets
    assert t.kind == kind
