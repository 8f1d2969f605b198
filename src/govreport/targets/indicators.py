"""Canonical indicators: one code for the many wordings of one measure (CPI comes in five).

Each :class:`Indicator` names a code, the wordings (aliases) that mean it, words that make a
wording another measure (人均 生产总值 is not GDP growth), the unit kinds it is measured in, and
a comment. The first entry (in table order) whose alias the indicator holds, with none of its
``unless`` words, gives the code; an indicator no entry knows has none. Extend the table for a
report with ``parse(text, add_indicators=[Indicator(...)])``, the way ``add_cues`` extends the cue
lexicon: added entries are tried first (:func:`extended`).

>>> canonical("全省生产总值", "percent"), canonical("人均地区生产总值", "percent"), canonical("生产总值", "measure")
('gdp_growth', None, None)
>>> canonical("居民消费价格涨幅", "percent"), canonical("CPI涨幅", "percent")
('cpi', 'cpi')
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from ..text.units import words


class Indicator(NamedTuple):
    """A canonical indicator: its code, wordings, excluding words, unit kinds and what it is."""

    code: str
    aliases: tuple[str, ...]
    comment: str
    unless: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ("percent",)  # the unit kinds (text.units.UNIT_KINDS) it is stated in


#: Words that make a GDP or income wording another measure: per-capita figures, shares of GDP,
#: a sector's or a region's part of the economy, a unit's intensity.
_NOT_THE_WHOLE = words(
    "人均 单位 万元 占 比重 比例 海洋 数字经济 一产 二产 三产 第一产业 第二产业 第三产业 增加值 强度 县域"
)

#: The canonical indicators, in the order they are tried: intensities before GDP (单位生产总值能耗
#: holds 生产总值), surveyed before registered unemployment.
INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "energy_intensity",
        words(
            "单位国内生产总值能耗 单位地区生产总值能耗 单位生产总值能耗 单位GDP能耗 能耗强度 万元生产总值能耗 "
            "单位生产总值综合能耗 单位地区生产总值综合能耗 万元生产总值综合能耗"
        ),
        "energy use per unit of GDP, stated as a fall in percent (单位地区生产总值能耗降低3%)",
    ),
    Indicator(
        "co2_intensity",
        words(
            "单位国内生产总值二氧化碳排放 单位地区生产总值二氧化碳排放 单位生产总值二氧化碳排放 "
            "单位GDP二氧化碳排放 碳排放强度 二氧化碳排放强度"
        ),
        "carbon dioxide emitted per unit of GDP, stated as a fall in percent",
    ),
    Indicator(
        "gdp_growth",
        words("国内生产总值 地区生产总值 生产总值 GDP 经济增长 经济增速"),
        "real growth of GDP (全省生产总值增长5%—5.5%, 经济增长5.5%左右); not per capita, a sector or a share",
        unless=_NOT_THE_WHOLE,
    ),
    Indicator(
        "cpi",
        words("居民消费价格 消费价格 CPI 物价"),
        "the consumer price index's rise (居民消费价格涨幅2%左右, CPI涨幅)",
    ),
    Indicator(
        "unemployment_surveyed",
        words("城镇调查失业率 调查失业率"),
        "the surveyed urban unemployment rate, a ceiling (城镇调查失业率5.5%左右)",
    ),
    Indicator(
        "unemployment_registered",
        words("城镇登记失业率 登记失业率"),
        "the registered urban unemployment rate (older reports and cities)",
    ),
    Indicator(
        "new_urban_jobs",
        words("城镇新增就业 新增城镇就业 城镇新增就业人数 新增就业"),
        "new urban jobs in a year, a count (城镇新增就业1200万人以上)",
        unless=words("农村 转移 培训"),
        kinds=("count",),
    ),
    Indicator(
        "grain_output",
        words("粮食产量 粮食总产量 粮食总产 粮食生产"),
        "grain output, a level in 斤 or 吨 (粮食产量1.3万亿斤以上)",
        unless=words("面积 单产"),
        kinds=("measure",),
    ),
    Indicator(
        "fiscal_revenue_growth",
        words(
            "一般公共预算收入 地方一般公共预算收入 公共财政预算收入 一般预算收入 地方一般预算收入 "
            "财政收入 地方财政收入 财政总收入"
        ),
        "growth of the budget revenue (一般公共预算收入增长4%左右); older reports say 公共财政预算收入 or "
        "一般预算收入, and give total revenue with the central share (全部财政收入, 财政总收入) as well",
    ),
    Indicator(
        "fixed_investment_growth",
        words("固定资产投资"),
        "growth of fixed-asset investment",
        unless=words("工业 民间 制造业 基础设施"),
    ),
    Indicator(
        "retail_sales_growth",
        words("社会消费品零售总额 社会商品零售总额 社零总额 社零"),
        "growth of total retail sales of consumer goods (社会商品零售总额 in older reports)",
    ),
    Indicator(
        "trade_growth",
        words("外贸进出口 进出口总额 货物进出口 进出口 外贸"),
        "growth of foreign trade (imports and exports)",
        unless=words("服务 跨境电商"),
    ),
    Indicator(
        "industrial_value_added_growth",
        words("规模以上工业增加值 规上工业增加值 工业增加值"),
        "growth of (above-scale) industrial value added",
    ),
    Indicator(
        "resident_income_growth",
        words("居民人均可支配收入 居民收入 城乡居民收入 人均可支配收入 农民人均纯收入 农村居民人均纯收入"),
        "growth of residents' per capita disposable income, urban and rural ones included "
        "(城镇居民人均可支配收入, 农民人均纯收入 in older reports)",
    ),
    Indicator(
        "deficit_ratio",
        words("赤字率"),
        "the budget deficit as a share of GDP (赤字率拟按3%安排)",
    ),
)


def canonical(indicator: str | None, unit_kind: str, table: Sequence[Indicator] = INDICATORS) -> str | None:
    """The code of the first entry of ``table`` that ``indicator`` (measured in ``unit_kind``) reads as.

    Memoised per table (reports repeat their indicators); :func:`plain_canonical` is the plain reading.
    """
    if not indicator:
        return None
    kept = _MEMOS.get(id(table))
    if kept is None or kept[0] is not table:
        if len(_MEMOS) > 64:
            _MEMOS.clear()
        kept = _MEMOS[id(table)] = (table, {})
    memo = kept[1]
    key = (indicator, unit_kind)
    if key not in memo:
        if len(memo) > 8192:
            memo.clear()
        memo[key] = plain_canonical(indicator, unit_kind, table)
    return memo[key]


#: id(table) -> (table, {(indicator, unit kind): code}); the table is kept, so its id stays its own
_MEMOS: dict[int, tuple[Sequence[Indicator], dict[tuple[str, str], str | None]]] = {}


def plain_canonical(indicator: str, unit_kind: str, table: Iterable[Indicator] = INDICATORS) -> str | None:
    """:func:`canonical` without the memo."""
    for entry in table:
        if (
            unit_kind in entry.kinds
            and any(a in indicator for a in entry.aliases)
            and not any(u in indicator for u in entry.unless)
        ):
            return entry.code
    return None


def extended(added: Sequence[Indicator]) -> tuple[Indicator, ...]:
    """The table with ``added`` entries tried first (:data:`INDICATORS` itself when none are added)."""
    return (*added, *INDICATORS) if added else INDICATORS
