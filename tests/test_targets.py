"""Quantitative targets (#6): one table row per pattern, negatives included.

Every snippet is written for the test; none is copied from a seed or corpus document.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from govreport import parse
from govreport.models import Category
from govreport.targets import extract, find

# (title, text, indicator must contain, value, high, magnitude+unit as written, qualifier, direction)
POSITIVE = [
    ("growth floor", "全县生产总值增长6.5%以上。", "生产总值", "6.5", None, "%", "以上", "increase"),
    ("growth expectation", "财政收入增长3%左右。", "财政收入", "3", None, "%", "左右", "increase"),
    ("magnitude in unit", "城镇新增就业3万人。", "城镇新增就业", "3", None, "万人", None, None),
    ("count with floor", "力争引进亿元以上项目80个以上。", "亿元以上项目", "80", None, "个", "以上", None),
    ("price noun direction", "居民消费价格涨幅2%左右。", "居民消费价格", "2", None, "%", "左右", "increase"),
    ("decrease", "单位产值能耗下降3%。", "单位产值能耗", "3", None, "%", None, "decrease"),
    ("ceiling", "登记失业率控制在4.5%以内。", "登记失业率", "4.5", None, "%", "以内", "keep"),
    ("range em dash", "外贸进出口增长4%—5%。", "外贸进出口", "4", "5", "%", None, "increase"),
    ("range hyphen", "研发投入年均增速3.5%-4%。", "研发投入年均增速", "3.5", "4", "%", None, "increase"),
    ("range before unit", "新增示范学校2―4所。", "示范学校", "2", "4", "所", None, None),
    ("explicit corridor", "经济增长5%—5.5%区间。", "经济", "5", "5.5", "%", "区间", "increase"),
    ("percentage points", "城镇化率提高0.8个百分点。", "城镇化率", "0.8", None, "个百分点", None, "increase"),
    ("chinese numeral", "新建高标准农田三千亩。", "高标准农田", "3000", None, "亩", None, None),
    ("decimal money", "争取上级资金27.3亿元。", "上级资金", "27.3", None, "亿元", None, None),
    ("trillion", "粮食产量稳定在1.2万亿斤以上。", "粮食产量", "1.2", None, "万亿斤", "以上", "keep"),
    ("taiwan trillion", "預計新增綠能產值1.5兆元。", "绿能产值", "1.5", None, "兆元", None, None),
    ("thousands comma", "吸引民间投资2,500亿元。", "民间投资", "2500", None, "亿元", None, None),
    ("compound number", "平均月薪达4万3,210元。", "平均月薪", "43210", None, "元", None, "reach"),
    ("per unit", "人均产值达36万元/人左右。", "人均产值", "36", None, "万元/人", "左右", "reach"),
    ("concentration", "PM浓度控制在31微克/立方米左右。", "浓度", "31", None, "微克/立方米", "左右", "keep"),
    ("spoken percent", "税收收入增长百分之四左右。", "税收收入", "4", None, "%", "左右", "increase"),
    ("leading floor", "粮食播种面积不低于400万亩。", "粮食播种面积", "400", None, "万亩", "不低于", None),
    ("leading aspiration", "工业投资力争增长8%。", "工业投资", "8", None, "%", "力争", "increase"),
    ("leading approximation", "带动约2万个就业岗位。", "就业岗位", "2", None, "万个", "约", None),
    ("object after the unit", "建设20个以上口袋公园。", "口袋公园", "20", None, "个", "以上", None),
    ("adverb and verb only", "高标准完成5万亩盐碱地改良任务。", "盐碱地改良任务", "5", None, "万亩", None, None),
    ("latin unit after number", "将新增0.8GW 分布式光伏装机。", "分布式光伏装机", "0.8", None, "GW", None, None),
    ("ratio base before number", "科研经费达 GDP 2.8%。", "科研经费", "2.8", None, "%", None, "reach"),
    ("link word", "赤字率拟按2.9%安排。", "赤字率", "2.9", None, "%", None, None),
    ("mean of the period", "登记失业率平均为4.1%。", "登记失业率", "4.1", None, "%", None, None),
    ("multiple", "快递业务量成长3倍。", "快递业务量", "3", None, "倍", None, "increase"),
    ("conjunction char inside a word", "宽带用户普及率超过60%。", "宽带用户普及率", "60", None, "%", None, "reach"),
    ("approximation between verb and number", "服务出口增长近20%。", "服务出口", "20", None, "%", None, "increase"),
    ("year before the phrase", "预计2027年可新增储能产值80亿元。", "储能产值", "80", None, "亿元", None, None),
    (
        "time word inside the indicator",
        "比上年年初预算增加900亿元。",
        "年初预算",
        "900",
        None,
        "亿元",
        None,
        "increase",
    ),
]


@pytest.mark.parametrize(
    ("text", "indicator", "value", "high", "unit", "qualifier", "direction"),
    [row[1:] for row in POSITIVE],
    ids=[row[0] for row in POSITIVE],
)
def test_positive(
    text: str, indicator: str, value: str, high: str | None, unit: str, qualifier: str | None, direction: str | None
) -> None:
    report = parse(text)
    [t] = report.all_targets()
    assert t.indicator is not None
    assert indicator in t.indicator
    assert t.value == Decimal(value)
    assert t.high == (Decimal(high) if high else None)
    assert t.unit == unit
    assert t.qualifier == qualifier
    assert t.direction == direction
    assert text[t.start : t.end] == t.text or t.text in report.paragraphs()[0].text


NEGATIVE = [
    ("metro line number", "地铁5号线建成通车。"),
    ("plan period", "“十四五”规划圆满收官。"),
    ("plus model", "构建“2+6”产业体系。"),
    ("pollutant name", "PM2.5浓度持续下降。"),
    ("ordinal", "连续第3年获评先进。"),
    ("year and month", "2025年3月启动建设。"),
    ("duration in months", "用3个月时间集中整治。"),
    ("rhetorical enumeration", "重点做好六个方面工作，落实两个确立。"),
    ("slogan in quotes", "深化“3个100”工程。"),
    ("approximate count", "吸引数十家企业入驻。"),
    ("estimate of digits", "新建五六所学校。"),
    ("generation name", "建成5G基站。"),
]


@pytest.mark.parametrize("text", [row[1] for row in NEGATIVE], ids=[row[0] for row in NEGATIVE])
def test_negative(text: str) -> None:
    assert find(text) == []


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
