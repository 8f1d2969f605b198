"""The words the targets stage reads around a quantity, one table each.

Units and qualifiers are shared with classification and live in :mod:`govreport.text.units`;
everything here is read by the targets stage alone.

>>> DIRECTIONS["增长"], HARDNESS_CUES["确保"]
('increase', 'hard')
"""

from __future__ import annotations

import re

from ..models import Direction
from ..text.units import Hardness, words

#: Cue words in the sentence before a quantity that has no qualifier of its own.
HARDNESS_CUES: dict[str, Hardness] = {
    "确保": "hard",
    "必须": "hard",
    "不突破": "hard",
    "预期": "soft",
    "预计": "soft",
    "力争": "soft",
    "争取": "soft",
    "努力": "soft",
}
#: How far back a hardness cue may stand from its number (a long clause).
CUE_REACH = 40

# ---------------------------------------------------------------- directions
#: Verbs right before the number (a leading qualifier may sit between) and their direction.
#: Noun-like words (涨幅, 增速) keep their place in the indicator as well.
DIRECTIONS: dict[str, Direction] = {
    **dict.fromkeys(words("增长 成长 增加 提高 提升 上涨 增至 提高到 提高至 提升至 提升到 增加到 扩大"), "increase"),
    **dict.fromkeys(words("涨幅 增速 增幅 增长率 年增率"), "increase"),
    **dict.fromkeys(words("下降 降低 减少 降至 降到 压减 缩减 下降到 降幅"), "decrease"),
    **dict.fromkeys(words("控制在 保持在 稳定在 维持在 保持 稳定"), "keep"),
    **dict.fromkeys(words("达到 达 突破 超过 达成"), "reach"),
}
#: The direction words that are nouns: they end the indicator and stay in it (居民消费价格涨幅).
NOUN_DIRECTIONS = frozenset(words("涨幅 增速 增幅 增长率 年增率 降幅"))
#: The direction words that are verbs: they stand between the indicator and the number.
VERB_DIRECTIONS = tuple(d for d in DIRECTIONS if d not in NOUN_DIRECTIONS)

# ---------------------------------------------------------------- indicator trimming
#: Framing words stripped from the start of an indicator: time, modality, scope.
FRAMING = words(
    # time
    "今年 全年 明年 年内 当年 本年度 到年底 年底 年末 每年 逐年 "
    # modality and causation
    "预计 计划 力争 确保 争取 努力 推动 预期 实现 完成 促使 带动 致力 将 可 再 先 拟 要 已 并 还 的 其中 "
    # comparison and scope
    "比上年 较上年 比去年 同比 共 累计 全市 全省 全区 全县 我市 我省 我区"
)
#: Link words stripped from the end of an indicator: 失业率平均为5.2%, 赤字率拟按3%安排.
LINKS = words(
    "平均为 分别为 拟按 拟安排 安排 定为 确定为 拟 按 为 是 在 分别 平均 年均 同比 实际 名义 比上年 较上年 "
    "累计 总计 合计 共 近 逾 超 已 将 要 可 再 的 由 从 之 达 均 都 可比 继续 计划"
)
#: Verbs that take the quantity as object; alone they are no indicator (建设15个以上共享工厂).
OBJECT_VERBS = words(
    "新增 增加 建设 新建 建成 引进 新引进 签约 新签约 实施 完成 创造 打造 培育 开工 新开工 竣工 新竣工 "
    "创建 打通 改造 汰换 提供 发行 安排 投入 培训 帮扶 吸引 落地 开展 招引 开通 带来 拉动 撬动 形成 建 增 新 推动 "
    # verbs of work plans: 推进12个重点项目, 抓好10件民生实事, 支持5家企业, 提出3项举措
    "推进 抓好 支持 提出"
)
#: A phrase ending in 等 lists examples of what the quantity counts (三峡水运新通道、长江存储三期等
#: 1.22万个项目): it names no indicator, the noun after the unit does.
EXAMPLES_END = "等"
#: Words that make a clause's subject a measure: only such a subject is shared with a later clause
#: that has a verb and a figure alone (物价上涨幅度比去年有明显回落，力争控制在15%左右), not a
#: slogan (坚持稳中求进，力争增长5%).
MEASURE_WORDS = words(
    "幅度 速度 增速 增幅 涨幅 总值 收入 产量 价格 物价 率 总额 规模 指数 总量 产值 增加值 面积 投资 进出口"
)
#: Domains that name no measure without their verb: 经济增长5.5% is the growth of GDP, and its
#: indicator is 经济增长, not 经济.
VERB_KEPT_AFTER = words("经济")
#: Nouns after a count that make it the structure of the text, not a quantity: 以下14个方面.
STRUCTURE_NOUNS = words("方面 部分")
#: Words after a count in 次 that make it a session's number, not a quantity: 十一次全会.
SESSION_WORDS = words("全会 全体会议 会议 代表大会")
#: Manner adverbs before such a verb: 高质量完成25.6万亩高标准农田新建改造任务.
MANNER = words(
    "高质量 高标准 高水平 加快 全力 大力 积极 稳步 稳妥 扎实 深入 统筹 有序 持续 全面 再 累计 共 首批 首期 分批 重点"
)
#: Conjunctions that end the phrase before a quantity (6,000亿元投资及约4万个就业机会).
#: They are only read as such right after another quantity: 普及率 and 参与度 keep theirs.
CONJUNCTIONS = "及和与并或"

# ---------------------------------------------------------------- roles
#: A yearly average over a plan period (年均增长5%左右), not 年均浓度 (an annual mean level).
AVERAGE = re.compile(r"年均(?:增长|增速|增幅|递增|下降|降低|降幅|提高)")
#: The head of this year's main-targets statement: quantities after it, in its paragraph, are targets.
#: Its wordings: 主要预期目标是, 主要目标为, 主要预期目标建议为, 主要目标任务是, 主要预期目标：.
MAIN_TARGETS_HEAD = re.compile(
    r"主要(?:预期)?目标(?:任务)?(?:建议|拟|初步)?(?:是|为|定为|安排为|确定为)[：:]?|主要(?:预期)?目标[：:]"
    r"|预期目标(?:是|为)"
)
#: The plan statement of older reports (the 1990s): 今年计划要求，…国民生产总值增长百分之六…;
#: 今年计划国内生产总值增长百分之九; 今年国民生产总值计划增长百分之八. A head only when its sentence
#: names GDP growth (:data:`GDP_WORDS`): 今年计划新建学校5所 is no statement.
OLD_PLAN_HEAD = re.compile(r"今年(?:的)?(?:国民生产总值|国内生产总值)?计划(?:要求)?[，,：:]?")
GDP_WORDS = re.compile(r"国民生产总值|国内生产总值|地区生产总值|经济增长")
#: A sentence that explains the statement before it ends the statement: it refers back to it
#: (上述指标的设定…, 提出上述预期目标…, 实现这些目标…), gives its reasons (在连续两年增长13%的基础上…,
#: 只要…) or opens with a figure it repeats (5.5%左右的预期增长目标与…).
EXPLANATION = re.compile(
    r"[。！!]\s*(?=上述|以上|这些|这一|这个|提出|实现|综合|考虑|需要说明|之所以|只要|如果|在[^。！!]{0,30}基础上"
    r"|[\d零〇一二三四五六七八九十百])"
)
#: The same head standing alone (a heading, or a line 主要预期目标是： whose items follow).
MAIN_TARGETS_TITLE = re.compile(
    r"^[^，。；]{0,20}(?:主要(?:预期)?目标(?:任务)?|预期目标)(?:建议|拟|初步)?(?:是|为|定为|安排为|确定为)?[：:]?$"
)
#: Section headings of a review of past years (工作回顾, 过去一年): figures in them are results.
REVIEW_HEADING = re.compile(r"回顾|过去(?:一|五)年|去年工作|上年工作|工作总结|\d{4}年工作(?:情况|成效)")

# ---------------------------------------------------------------- periods
#: A five-year plan by its number: 十四五 = 2021-2025, 十五五 = 2026-2030 (the eleventh began in 2006).
FIVE_YEAR_PLAN = re.compile(r"十([一二三四五六七八九])五")
#: Time words in the text before a figure, the last one deciding its period (see reading.period).
#: A year after 比/较/与/同 is the base of a comparison (比上年增加1000亿元, 与去年大体持平), not the
#: figure's period;
#: 过去五年 and 这五年 are the five years before the report's.
PERIOD_WORDS_PATTERN = (
    r"(?P<plan>十[一二三四五六七八九]五)|(?:到|至|截至)(?P<to>(?:19|20)\d\d)年"
    r"|(?<![比较与同])(?P<year>(?:19|20)\d\d)年|(?P<this>今年|本年)|(?<![比较与同])(?P<last>去年|上年)|(?P<past>过去一年)"
    r"|(?P<five>过去五年|这五年|五年来)|(?P<next>明年)"
)
#: The characters the alternatives of :data:`PERIOD_WORDS_PATTERN` start with: stdlib ``re`` tries
#: the alternatives only where one stands (six times faster over a report; a test checks the set).
PERIOD_FIRST = "十到至截12今本去上过这五明"
PERIOD_WORDS = re.compile(f"(?=[{PERIOD_FIRST}])(?:{PERIOD_WORDS_PATTERN})")

#: Quotation marks around a slogan, (open, close): a number in a short quotation is a name (“3+N”).
QUOTES = (("“", "”"), ("「", "」"), ('"', '"'))
#: The longest quotation (in characters, marks included) read as a slogan.
QUOTE_REACH = 8
