"""The cue lexicon: words and phrases that signal what a sentence does.

Each entry is ``LexiconEntry(text, category, weight, comment, kind, name)``. All
entries compile into one alternation tried longest-first at each position, so
a longer entry hides the shorter ones inside it: ``补短板`` (a plan) hides
``短板`` (a problem), ``未完成`` hides ``完成``, and a *shield* such as ``主要``
hides the modal ``要``. Weights are relative: a sentence's label is the
category with the largest sum. Every built-in entry has a short stable ``name``
(``action_verb``, ``admitted_problem``): a cue's ``rule`` is that name, and
:func:`explain` turns it back into the comment, which lives here only.

Kinds:

- ``cue``: counts for its category wherever it appears (力争, 获评, 短板).
- ``period``: an action or result verb that is tense-neutral in Chinese
  (推进, 实施, 新增, 实现): it counts for whichever period its context points
  to, goal in a plan part, achievement in a review part; ``category`` is the
  reading when the context is silent.
- ``frame``: a ``period`` verb that also cancels the problem words after it in
  its clause (解决…问题, 防范…风险 are plans, not admissions).
- ``target``: a plan noun (目标, 任务, 计划): a goal, unless a ``report`` cue in
  the same sentence says what became of it (完成了…目标, 目标尚未实现).
- ``report``: a cue that reports a target's fate (完成了, 圆满完成, 未完成).
- ``turn``: an adversative conjunction (但, 却, 然而); the cues after it in its
  sentence count more, since the clause after the turn is the point.
- ``shield``: a word that merely contains a cue and means something else
  (主要, 重要 are not the modal 要); it never counts. Shields are how cues are
  matched as words: 更大力度 is not 大力, 组织部长 not 组织.
- ``ceremony``: a formula of ceremony or procedure (向…表示衷心感谢, 作政府工作报告,
  应出席代表): its sentence is ``other`` whatever else it holds.
- ``background``: a paragraph of background or reflection (当今世界…, 我们深刻体会到…):
  opening a paragraph, it makes its goal and achievement cues count nothing (an
  admitted problem still counts); elsewhere, those of its sentence.
- ``plan_list``: a list of the year's planned projects (民生实事, 重点项目清单): a goal
  cue; in a heading, or in a paragraph above the list, it makes the figures of the
  list below planned quantities, not tallies.
- ``glossary``: a heading of definitions or notes (名词解释, 注释): what follows defines
  terms, and is ``other``.

The goal cues follow the forward-looking-statement dictionaries used in Chinese
finance research (future and obligation modals, plan and target nouns); the
rest are written by hand for government reports.

>>> sorted({e.kind for e in LEXICON})
['background', 'ceremony', 'cue', 'frame', 'glossary', 'period', 'plan_list', 'report', 'shield', 'target', 'turn']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from ..models import Category

G, A, S, N = Category.GOAL, Category.ACHIEVEMENT, Category.SHORTCOMING, Category.OTHER

Kind = Literal[
    "cue", "period", "frame", "target", "report", "turn", "shield", "ceremony", "background", "plan_list", "glossary"
]


class LexiconEntry(NamedTuple):
    """One cue: the literal text, what it argues for, how strongly, why, and the name its cues carry.

    A cue's ``rule`` is the entry's ``name`` (an entry without one, as a user's may be, gives its
    ``comment``); :meth:`Lexicon.explain` turns the name back into the comment.
    """

    text: str
    category: Category
    weight: float
    comment: str
    kind: Kind = "cue"
    name: str = ""

    @property
    def rule(self) -> str:
        """What a cue of this entry names in its ``rule``: the entry's name, else its comment."""
        return self.name or self.comment


def _e(
    category: Category, weight: float, name: str, comment: str, *texts: str, kind: Kind = "cue"
) -> list[LexiconEntry]:
    return [LexiconEntry(t, category, weight, comment, kind, name) for t in texts]


#: bare problem nouns: an admission on their own, the object of a task after an action verb (加强风险监测)
PROBLEM_NOUNS: tuple[str, ...] = ("问题", "困难", "挑战", "矛盾", "风险", "压力")

#: the built-in lexicon
LEXICON: tuple[LexiconEntry, ...] = (
    # ------------------------------------------------------------------ goal
    # future and obligation modals (forward-looking-statement dictionaries)
    *_e(
        G, 1.0, "modal", "future and obligation modals", "将", "要", "必须", "需要", "应当", "须", "拟", "必将", "将会"
    ),
    *_e(G, 1.5, "stated_intent", "stated intent", "要坚持", "将继续", "要继续", "将进一步", "要进一步", "下大力气"),
    *_e(G, 2.0, "commitment", "commitment verbs", "力争", "确保", "争取", "努力实现", "奋力", "期能", "期望", "希望"),
    *_e(
        G,
        1.5,
        "plan_noun",
        "plan and target words",
        "计划",
        "预期",
        "目标",
        "规划",
        "任务",
        "发展目标",
        kind="target",
    ),
    *_e(G, 1.5, "plan_noun", "plan and target words", "目标任务", "工作任务", "主要任务", kind="target"),
    *_e(G, 2.5, "plan_heading", "plan part headings", "工作安排", "总体要求", "主要预期目标"),
    # a forecast is a plan in a plan part, and in a review the estimate of the year's result
    # (预计全年增长5.2%左右): the context decides, as for an action verb (#18)
    *_e(
        G,
        1.5,
        "forecast",
        "a forecast (预计): a plan in a plan part, the year's estimated result in a review",
        "预计",
        kind="period",
    ),
    # 重点工作 names a plan part only with a period (2025年重点工作, 今年重点工作, both matched on their own);
    # alone it is the topic of a review as often as of a plan (围绕重点工作取得…): a plan noun
    *_e(G, 1.5, "key_tasks", "plan noun: key tasks", "重点工作", kind="target"),
    *_e(
        G,
        1.5,
        "coming_period",
        "coming period anchors",
        "今年",
        "明年",
        "新的一年",
        "下一步",
        "未来",
        "今后",
        "接下来",
        "即将",
    ),
    *_e(G, 2.0, "horizon_word", "horizon anchors", "到本世纪中叶", "远景目标", "五年规划", "规划纲要"),
    # ----------------------------------------------------------- achievement
    *_e(
        A,
        2.0,
        "review_period",
        "review period anchors",
        "过去一年",
        "一年来",
        "过去五年",
        "五年来",
        "这五年",
        "刚刚过去",
        "今年以来",
    ),
    *_e(A, 1.5, "review_word", "review period anchors", "去年", "上年", "比上年", "较上年", "回顾", "工作回顾", "以来"),
    *_e(
        A,
        2.0,
        "year_on_year",
        "year-on-year results",
        "同比增长",
        "同比下降",
        "同比提高",
        "同比",
        "增长了",
        "下降了",
        "提高了",
    ),
    *_e(
        A,
        2.5,
        "completed_aspect",
        "completed aspect: a result verb with 了 or 已",
        "完成了",
        "实现了",
        "取得了",
        "达到了",
        "建成了",
        "作出了",
        "积累了",
        "深化了",
        "兑现了",
        "落实了",
        "解决了",
        "已",
        "已经",
        "均已",
        kind="report",
    ),
    *_e(A, 2.0, "award_verb", "awards and rankings", "获评", "荣获", "入选", "被评为", "获批", "荣膺", "斩获", "获得"),
    *_e(A, 1.5, "rank_held", "rankings: a place held", "居全省", "居全市", "居全区", "名列", "位列", "排名第一"),
    # a result passive: the object underwent the change (城市品质得到提升, 违建得到遏制, 成效得以展现)
    *_e(A, 1.5, "result_passive", "result passive (得到/得以 + verb)", "得到", "得以"),
    *_e(
        A,
        2.0,
        "finished_result",
        "finished results",
        "圆满完成",
        "顺利完成",
        "成功举办",
        "圆满收官",
        "基本完成",
        "全面完成",
        kind="report",
    ),
    *_e(
        A,
        1.5,
        "record_result",
        "cumulative and record results",
        "累计",
        "首次",
        "创历史新高",
        "居全国",
        "位居",
        "稳居",
        "率先",
    ),
    *_e(A, 1.5, "steady_progress", "steady progress reported", "稳中有进", "好于预期"),
    # result nouns and adverbs: 取得显著成效 is a result in a review and a target in a plan
    *_e(
        A,
        1.0,
        "result_noun",
        "results: a result in a review, a target in a plan",
        "成效",
        "成绩",
        "成果",
        "显著",
        "明显",
        "迈出",
        "收官",
        kind="period",
    ),
    # ----------------------------------------------------------- shortcoming
    *_e(
        S,
        2.5,
        "admitted_problem",
        "admitted problems",
        "短板",
        "不足",
        "差距",
        "有待",
        "仍需",
        "尚未",
        "不够",
        "承压",
        "薄弱",
        "滞后",
        "清醒看到",
        "清醒认识到",
        "问题和不足",
        "困难和挑战",
        "不稳固",
        "偏弱",
        "乏力",
        "不平衡",
        "不充分",
        "压力较大",
        "还需",
        "亟待",
        "亟需",
        "不及预期",
        "落空",
        "失败",
        "超标",
        "不强",
        "不高",
        "欠缺",
        "缺乏",
        "瓶颈",
        "制约",
        "隐患",
        "困境",
        "低迷",
        "仍然较多",
        "依然较多",
        "还有差距",
        "还要加大",
        "不一定",
        "未见",
        "依旧",
        # defects named as such (#18): 还不健全 is an admission, not the verb 健全
        "不健全",
        "不规范",
        "不到位",
        "不适应",
        "过高",
        "混乱",
        "脆弱",
        "陈旧",
        "落后",
        "不善",
        "缓慢",
        "缺点",
        "有所放松",
        "问题突出",
        "比较突出",
        "还存在",
        "仍存在",
        "仍然存在",
        "依然存在",
    ),
    *_e(
        S, 1.0, "problem_noun", "problem nouns (cancelled inside a plan frame or as an action's object)", *PROBLEM_NOUNS
    ),
    *_e(
        S,
        1.0,
        "adverse_pressure",
        "adverse pressure",
        "面临",
        "冲击",
        "威胁",
        "波动",
        "下滑",
        "放缓",
        "难以",
        "能否",
        "是否",
    ),
    # criticism and broken promises, as news reviews of a government's record phrase them
    *_e(
        S,
        2.0,
        "criticism",
        "criticism and broken promises",
        "被批",
        "批评",
        "质疑",
        "跳票",
        "食言",
        "原地踏步",
        "停滞不前",
        "一拖再拖",
        "遥遥无期",
        "尚在进行",
        "仍然处于",
        "未有进展",
    ),
    # negated completion is a shortcoming (longer than the completion verb, so it wins)
    *_e(
        S,
        3.0,
        "negated_completion",
        "negated completion",
        "尚未实现",
        "未实现",
        "没有实现",
        "未达到",
        "未落实",
        "未兑现",
        "未完成",
        "未能",
        "没有完成",
        "未解决",
        "没有解决",
        "未有效",
        "尚未有效",
        "没有下跌",
        "没有缩短",
        kind="report",
    ),
    # ------------------------------------------------- period-resolved verbs
    # problem words inside a plan frame: the frame decides
    *_e(
        G,
        2.0,
        "plan_frame",
        "plan frames around problem words",
        "补短板",
        "补齐短板",
        "补齐",
        "弥补",
        "缩小差距",
        "缩小",
        "防范化解",
        "防范",
        "化解",
        "破解",
        "解决",
        "应对",
        "克服",
        "整治",
        "攻坚",
        "治理",
        "整改",
        "改进",
        kind="frame",
    ),
    *_e(
        G,
        1.0,
        "action_verb",
        "action verbs: a task in a plan part, a deed in a review",
        "推动",
        "推进",
        "加快",
        "加强",
        "加大",
        "大力",
        "持续",
        "深入",
        "全力",
        "积极",
        "坚持",
        "坚定",
        "扎实",
        "聚焦",
        "强化",
        "深化",
        "提升",
        "优化",
        "实施",
        "打造",
        "构建",
        "建设",
        "健全",
        "完善",
        "促进",
        "支持",
        "鼓励",
        "谋划",
        "部署",
        "做好",
        "抓好",
        "办好",
        "稳步",
        "统筹",
        "开展",
        "落实",
        "继续",
        "进一步",
        "着力",
        "举办",
        "组织",
        "设立",
        "建立",
        "出台",
        "制定",
        "启动",
        "培育",
        "引进",
        "扩大",
        "拓展",
        "创建",
        kind="period",
    ),
    *_e(
        A,
        1.0,
        "result_verb",
        "result verbs: a result in a review, a target in a plan",
        "完成",
        "实现",
        "建成",
        "新增",
        "累计完成",
        "取得",
        "达到",
        "突破",
        "落地",
        "签约",
        "竣工",
        "投用",
        "投运",
        "开通",
        "启用",
        "上线",
        "增长",
        "提高",
        "下降",
        "全年",
        "年均增长",
        kind="period",
    ),
    # adversative turns: the clause after 但/却/然而 carries the sentence's point (虽然…但…)
    *_e(
        N,
        0.0,
        "turn",
        "adversative turn: the cues after it count 1.5 times",
        "但",
        "但是",
        "然而",
        "却",
        "不过",
        kind="turn",
    ),
    # ---------------------------------------------------------------- shields
    # words that contain a cue but do not mean it (matched as words, not substrings)
    *_e(
        N,
        0.0,
        "shield_yao_in_word",
        "shield: 要 inside a noun or adjective is not the modal",
        "主要",
        "重要",
        "要求",
        "要素",
        "纲要",
        "要点",
        "摘要",
        "首要",
        "必要",
        "要事",
        "要务",
        "简要",
        "只要",
        "要地",
        "需要的",
        kind="shield",
    ),
    *_e(N, 0.0, "shield_not_only", "shield: 不但 (not only) is no turn", "不但", "不过度", kind="shield"),
    *_e(
        N,
        0.0,
        "shield_jiang_noun",
        "shield: 将 as a noun or in fixed words",
        "将领",
        "将士",
        "将军",
        "即将到来",
        kind="shield",
    ),
    *_e(N, 0.0, "shield_yi_fixed", "shield: 已 in fixed words", "不得已", "而已", kind="shield"),
    *_e(
        N,
        0.0,
        "shield_plan_name",
        "shield: a target word used as a name or a past plan",
        "计划单列",
        "原计划",
        kind="shield",
    ),
    *_e(N, 0.0, "shield_problem_phrase", "shield: 问题 in a neutral phrase", "问题导向", kind="shield"),
    *_e(N, 0.0, "shield_new_growth", "shield: 新增长点 is 新 + 增长点, not 新增", "新增长", kind="shield"),
    *_e(
        N,
        0.0,
        "shield_life_expectancy",
        "shield: 预期寿命 is a statistic, not an expectation",
        "预期寿命",
        kind="shield",
    ),
    *_e(
        N,
        0.0,
        "shield_sense_of_gain",
        "shield: 获得感 (a sense of gain) is a policy aim, not an award",
        "获得感",
        kind="shield",
    ),
    *_e(N, 0.0, "shield_comparison", "shield: comparison words that are not problems", "是否定", kind="shield"),
    # cues matched as words (#18): the longer word around a cue means something else
    *_e(
        N,
        0.0,
        "shield_degree",
        "shield: 大力度 (更大力度, 最大力度) is a degree, not the adverb 大力",
        "大力度",
        kind="shield",
    ),
    *_e(
        N,
        0.0,
        "shield_earnest_hope",
        "shield: 殷切期望/殷切希望 are a leader's hopes quoted, not a commitment",
        "殷切期望",
        "殷切希望",
        kind="shield",
    ),
    *_e(
        N,
        0.0,
        "shield_org_department",
        "shield: 组织部 (组织部长) is an office, not the verb 组织",
        "组织部",
        kind="shield",
    ),
    *_e(
        N,
        0.0,
        "shield_support_received",
        "shield: support received, thanked for (关心支持, 理解和支持), not a policy",
        "关心支持",
        "关心和支持",
        "理解支持",
        "理解和支持",
        "信任和支持",
        "支持和帮助",
        "支持帮助",
        kind="shield",
    ),
    *_e(
        N,
        0.0,
        "shield_principal_contradiction",
        "shield: 主要矛盾 (社会主要矛盾) is a doctrinal term, not a problem",
        "主要矛盾",
        kind="shield",
    ),
    # ------------------------------------------------------- ceremony and procedure (#18)
    *_e(
        N,
        3.0,
        "thanks",
        "thanks and tribute: the sentence is ceremony (向…表示衷心感谢, 成绩的取得…)",
        "表示衷心感谢",
        "表示衷心的感谢",
        "表示诚挚感谢",
        "表示诚挚的感谢",
        "表示崇高的敬意",
        "致以崇高的敬意",
        "致以崇高敬意",
        "致以诚挚的问候",
        "致以亲切的问候",
        "成绩的取得",
        "成就的取得",
        "成绩来之不易",
        "成就来之不易",
        # 这是…坚强领导的结果, …奋力拼搏的结果: the credit for the year's results
        "领导的结果",
        "指引的结果",
        "奋斗的结果",
        "拼搏的结果",
        "努力的结果",
        "领航掌舵",
        kind="ceremony",
    ),
    *_e(
        N,
        3.0,
        "procedure",
        "the procedure of a session: opening formula, who reports, documents handed out",
        "向大会报告",
        "作政府工作报告",
        "作工作报告",
        "请予审议",
        "提交大会审查",
        "提交大会审议",
        "提请大会审议",
        "请各位代表审议",
        "请各位政协委员",
        "作简要说明",
        "书面印发",
        "印发各位代表",
        "宣布开幕",
        "宣布大会开幕",
        "主持会议",
        "主持大会",
        kind="ceremony",
    ),
    *_e(
        N,
        3.0,
        "closing_call",
        "the closing call of a report (让我们紧密团结在…，为…而努力奋斗): an exhortation, not a plan",
        "紧密地团结在",
        "紧密团结在",
        "而努力奋斗",
        "而不懈奋斗",
        "而团结奋斗",
        "而接续奋斗",
        kind="ceremony",
    ),
    *_e(
        N,
        3.0,
        "attendance",
        "attendance and seating at a session, a count of delegates: not a result tally",
        "出席会议",
        "出席大会",
        "出席开幕会",
        "应出席",
        "实到",
        "实际出席",
        "出席代表",
        "列席会议",
        "列席大会",
        "主席台就座",
        "主席台上就座",
        kind="ceremony",
    ),
    *_e(
        N,
        0.0,
        "shield_outdated_capacity",
        "shield: 落后产能 is what a plan retires (淘汰落后产能), no admission",
        "落后产能",
        "淘汰落后",
        kind="shield",
    ),
    # ------------------------------------------------------- lists and appendices (#18)
    *_e(
        G,
        2.0,
        "plan_list",
        "a list of the year's planned projects (民生实事, 重点项目清单): its figures are planned",
        "民生实事",
        "为民办实事",
        "惠民实事",
        "重点项目清单",
        "重点项目计划",
        "重点项目名单",
        "重点项目表",
        kind="plan_list",
    ),
    *_e(
        N,
        0.0,
        "glossary",
        "a heading of definitions or notes (名词解释, 注释): definitions are no statement",
        "名词解释",
        "名词注释",
        "名词解读",
        "术语解释",
        "注释",
        "附注",
        kind="glossary",
    ),
    *_e(
        N,
        0.0,
        "shield_beneficiaries",
        "shield: a group helped (困难群众, 困境儿童) is no admitted problem",
        "困难群众",
        "困难家庭",
        "困难职工",
        "困难群体",
        "困难人员",
        "困难老人",
        "困难学生",
        "困难户",
        "困境儿童",
        kind="shield",
    ),
    *_e(
        N,
        2.0,
        "lessons",
        "lessons drawn from the period reviewed (我们深刻体会到…): reflection, not a plan",
        "深刻体会到",
        "深切体会到",
        "深刻感受到",
        "几点体会",
        "深刻启示",
        kind="background",
    ),
    *_e(
        N,
        2.0,
        "world_situation",
        "background on the world situation (当今世界, 百年变局): neither plan nor result",
        "当今世界",
        "百年变局",
        "百年未有之大变局",
        "国际形势",
        kind="background",
    ),
)


def _anchor(name: str, cat: Category, weight: float, comment: str, kind: Kind = "cue") -> tuple[str, LexiconEntry]:
    return name, LexiconEntry("", cat, weight, comment, kind, name)


#: what each branch of the time and quantity anchors (classify/evidence.py) argues for, by name;
#: an anchor matches a pattern, not a literal text, so its entries have none
ANCHORS: dict[str, LexiconEntry] = dict(
    (
        _anchor("horizon", G, 2.0, "a target horizon (到/至 a year)"),
        _anchor("past_year", A, 1.5, "a year before the report year"),
        _anchor("this_year", G, 1.0, "the report year"),
        _anchor("later_year", G, 1.5, "a year after the report year"),
        _anchor("past_plan", A, 1.5, "a five-year plan that ended before the report year"),
        _anchor("running_plan", G, 1.5, "a five-year plan still running or ahead"),
        _anchor("window", A, 1.5, "a year-to-date window (1-4月, 前三季度, 今年一季度) frames figures reported so far"),
        _anchor("award", A, 2.0, "an award received (获…奖, 获…称号)"),
        # a lone qualifier reads by its context: 左右 in a review is an approximate result (#18)
        _anchor(
            "qualified",
            G,
            1.0,
            "a target qualifier (以上/左右/以内/以下): a goal unless a review context says",
            "period",
        ),
        _anchor("approximate", A, 1.0, "an approximate tally (余/多, 近/逾) reports a result"),
        _anchor("precise", A, 1.0, "a precise count (3+ significant digits) is a tally: targets are round"),
        _anchor("count", A, 0.5, "a counted quantity: a result in a review, a target in a plan", "period"),
    )
)

#: how the context changed a cue's reading, by name: a cue's ``rule`` lists them in brackets
#: (``action_verb [plan_context]``, ``admitted_problem [after_turn]``)
NOTES: dict[str, str] = {
    "review_context": "a period cue read as achievement: its context leans to a review",
    "plan_context": "a period cue read as goal: its context leans to a plan",
    "after_turn": "after the sentence's last adversative turn (但, 却): counts 1.5 times",
    "in_plan_frame": "a problem word inside a plan frame (解决…问题): no weight",
    "action_object": "a problem noun as the object of an action (加强…风险监测): no weight",
    "reported_target": "a plan noun a result is reported on (完成了…目标): no weight",
    "quoted": "inside a quoted phrase, a slogan or a name (“…要稳住”): no weight",
    "in_ceremony": "in a sentence of ceremony or procedure: no weight",
    "in_background": "in a paragraph or sentence of background or reflection: a goal or result counts nothing",
    "in_glossary": "in a glossary or notes: definitions are no statement of the report",
    "in_plan_list": "a figure in a list of planned projects: a planned quantity, not a tally",
}


class Match(NamedTuple):
    """A cue found in a text: where, which entry, and how it was read in context."""

    start: int
    end: int
    entry: LexiconEntry
    cat: Category  #: the category as read (a period cue resolved by its context)
    w: float  #: the effective weight (0 when cancelled by a plan frame, boosted after a turn)
    note: str = ""  #: how the context changed the reading

    @classmethod
    def of(cls, start: int, end: int, entry: LexiconEntry) -> Match:
        """A match read as its entry says."""
        return cls(start, end, entry, entry.category, entry.weight)


def trie_pattern(words: Iterable[str]) -> str:
    """A pattern matching the longest of ``words`` at each position, written as a trie.

    It matches what the alternation of the words longest first matches, but branches
    on one character at a time instead of trying every word: ``re`` runs it about 1.7
    times faster on a lexicon of 300 words (tests/test_speed.py holds it equal to the
    plain alternation).

    >>> trie_pattern(["短板", "补短板", "补齐"])
    '(?:短板|补(?:短板|齐))'
    """
    trie: dict[str, dict[str, Any]] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and len(alts[0]) == 1 else "(?:" + "|".join(alts) + ")"
        # a word ending here matches only if no longer one goes on: the greedy ? tries the longer first
        return body + "?" if "" in node else body

    return emit(trie)


class Lexicon:
    """A compiled lexicon: the longest entry at each position wins (so 补短板 hides 短板).

    Compiled with the stdlib ``re``, which runs a literal trie several times faster than ``regex``.
    """

    def __init__(self, entries: Iterable[LexiconEntry]) -> None:
        self.entries = {e.text: e for e in entries}
        self._re = re.compile(trie_pattern(self.entries)) if self.entries else None
        #: what each rule name stands for: the anchors', then the entries' comments (a user's entry
        #: without a name is named by its comment), then the context notes
        self.explanations = {e.rule: e.comment for e in (*ANCHORS.values(), *self.entries.values())} | NOTES

    def explain(self, rule: str) -> str:
        """What a cue's ``rule`` means: its entry's comment, and each context note's explanation.

        >>> Lexicon.default().explain("action_verb")
        'action verbs: a task in a plan part, a deed in a review'
        >>> Lexicon.default().explain("admitted_problem [after_turn]")
        "admitted problems [after the sentence's last adversative turn (但, 却): counts 1.5 times]"

        An unknown name raises ``KeyError``.
        """
        name, _, notes = rule.partition(" [")
        text = self.explanations[name]
        if notes:
            text += " [" + "; ".join(self.explanations[n] for n in notes.rstrip("]").split("; ")) + "]"
        return text

    def matches(self, text: str) -> list[Match]:
        """Every non-shield cue in ``text``, leftmost-longest, without overlaps."""
        if self._re is None:
            return []
        out = []
        for m in self._re.finditer(text):
            e = self.entries[m.group()]
            if e.kind != "shield":
                a, b = m.span()
                out.append(Match(a, b, e, e.category, e.weight))
        return out

    @classmethod
    def default(cls) -> Lexicon:
        """The built-in lexicon, compiled on first use (some 6 ms) and shared."""
        return _default()

    def with_changes(self, add: Sequence[LexiconEntry] = (), remove: Sequence[str] = ()) -> Lexicon:
        """A new lexicon with entries added (replacing same text) and others switched off.

        >>> lex = Lexicon.default().with_changes(remove=["力争"])
        >>> [m.entry.text for m in lex.matches("力争完成")]
        ['完成']
        """
        gone = set(remove)
        entries = {k: v for k, v in self.entries.items() if k not in gone}
        entries.update({e.text: e for e in add})
        return Lexicon(entries.values())


@lru_cache(maxsize=1)
def _default() -> Lexicon:
    return Lexicon(LEXICON)


def explain(rule: str) -> str:
    """What a cue's ``rule`` means, read from the built-in lexicon (:meth:`Lexicon.explain`).

    >>> explain("past_year")
    'a year before the report year'
    """
    return _default().explain(rule)
