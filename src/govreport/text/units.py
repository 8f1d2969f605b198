"""Units and qualifiers of quantities: one table each, read by classification and targets.

>>> UNIT_KINDS["人"], TRAILING_QUALIFIERS["左右"]
('count', 'soft')
"""

from __future__ import annotations

from ..models import Hardness as Hardness  # re-exported: the qualifier tables are typed by it


def words(spaced: str) -> tuple[str, ...]:
    """Table entries written as one space-separated string."""
    return tuple(spaced.split())


# ---------------------------------------------------------------- units
# unit -> kind (a unit of measure; the multipliers inside a Chinese numeral are
# numerals.MULTIPLIERS). "percent": shares and changes; "count": measure words that can precede
# their noun (建设15个共享工厂); "measure": physical and money units.
UNIT_KINDS: dict[str, str] = {
    # percentages and percentage points: 增长5.5%, 提高0.5个百分点, 千分之 rates
    "%": "percent",
    "‰": "percent",
    "个百分点": "percent",
    "百分点": "percent",
    # money: 16.4亿元, 2.66兆元, 300亿美元
    "元": "measure",
    "美元": "measure",
    "港元": "measure",
    "欧元": "measure",
    # count classifiers: 120个, 80家, 3所, 414万台, 3.5万名
    **dict.fromkeys(
        words(
            "个 家 项 所 座 台 部 辆 套 户 名 位 条 处 件 场 艘 架 间 张 宗 批 种 只 头 株 棵 册 篇 次 人 人次 床 栋"
        ),
        "count",
    ),
    # area, length, mass: 12万亩, 40公里, 1.3万亿斤
    **dict.fromkeys(
        words("亩 公顷 平方公里 平方千米 平方米 公里 千米 米 延米 吨 公斤 千克 斤 克 微克 毫克"), "measure"
    ),
    # energy, power, volume, freight (标箱 and TEU: containers): 100万千瓦, 1.2GW, 4500万标箱;
    # 333亿度 is left out (度 is also degrees)
    **dict.fromkeys(words("千瓦时 千瓦 兆瓦时 兆瓦 吉瓦 立方米 升 标准箱 标箱 GW MW kW kWh TEU"), "measure"),
    # multiples: 成长10倍
    "倍": "measure",
}
#: Denominators of compound units: 58万元/人, 29微克/立方米, 0.6人/百亿元.
PER_UNITS = (*UNIT_KINDS, "年", "天", "日", "月", "小时")

#: Units that must not be followed by these characters (3个月 is a duration, not 3个).
UNIT_GUARDS = {"个": "月", "台": "阶", "位": "于", "米": "粮"}


# ---------------------------------------------------------------- qualifiers
#: Qualifiers written after the quantity, with how binding they are.
TRAILING_QUALIFIERS: dict[str, Hardness] = {
    "以上": "hard",  # a floor: 增长5.5%以上
    "以内": "hard",  # a ceiling: 控制在5%以内
    "以下": "hard",  # a ceiling: 维持在2%以下
    "左右": "soft",  # an expectation: 增长5%左右
    "区间": "soft",  # an explicit range: 增长5%—6%区间
}
#: Qualifiers written right before the number (a direction verb may sit between).
LEADING_QUALIFIERS: dict[str, Hardness] = {
    "不低于": "hard",
    "不少于": "hard",
    "不超过": "hard",
    "不高于": "hard",
    "低于": "hard",  # a ceiling: 增长低于3%, 控制在低于5%
    "力争": "soft",  # 力争达到6%: an aspiration beyond the expectation
    "约": "soft",
}

#: The units whose figures count as a reported result or a planned target when classifying a
#: sentence (新增就业4万人, 增长5%). Narrower than :data:`UNIT_KINDS`: a physical measure (千瓦, 立方米)
#: reads as a description of a facility as often as an outcome, so it is not evidence either way.
COUNTED_UNITS: tuple[str, ...] = words(
    "% 个百分点 人次 万人 亿元 万元 元 个 家 项 人 户 公里 亩 场次 场 套 所 处 台 辆 件 次 条 座 名 张 间 吨 倍"
)
#: The trailing qualifiers that mark a figure as a target when classifying (区间 names a range,
#: which a review reports as often as a plan sets).
TARGET_QUALIFIERS: tuple[str, ...] = ("以上", "左右", "以内", "以下")
