"""The cue lexicon: words and phrases that signal what a sentence does.

Each entry is ``Cue(text, category, weight, comment)``. Longer entries win over
shorter ones at the same position, which is how plan frames override problem
words (``补短板`` is a goal, not a shortcoming). Weights are relative: a
sentence's label is the category with the largest sum.
"""

from __future__ import annotations

from typing import NamedTuple

from .models import Category

G, A, S = Category.GOAL, Category.ACHIEVEMENT, Category.SHORTCOMING


class LexiconEntry(NamedTuple):
    text: str
    category: Category
    weight: float
    comment: str


def _e(category: Category, weight: float, comment: str, *texts: str) -> list[LexiconEntry]:
    return [LexiconEntry(t, category, weight, comment) for t in texts]


#: the built-in lexicon
LEXICON: tuple[LexiconEntry, ...] = (
    # --- goal: forward-looking statements (modal verbs and plan words, after the
    # forward-looking-statement dictionaries of Chinese finance research)
    *_e(G, 1.0, "future and obligation modals", "将", "要", "要坚持", "必须", "需要", "应当"),
    *_e(
        G,
        1.5,
        "commitment verbs",
        "力争",
        "确保",
        "争取",
        "努力",
        "着力",
        "推动",
        "推进",
        "加快",
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
        "健全",
        "完善",
        "促进",
        "支持",
        "鼓励",
        "谋划",
        "部署",
        "做好",
        "抓好",
        "稳步",
        "统筹",
        "开展",
        "落实",
    ),
    *_e(
        G,
        2.0,
        "plan and target words",
        "计划",
        "预期",
        "目标",
        "预计",
        "规划",
        "任务",
        "工作安排",
        "总体要求",
        "主要预期目标",
        "今年",
        "明年",
        "新的一年",
        "下一步",
        "未来",
        "到2027年",
        "十五五",
    ),
    # problem words inside a plan frame: the frame decides (these outrank the shortcoming cues)
    *_e(
        G,
        2.0,
        "plan frames around problem words",
        "补短板",
        "补齐短板",
        "解决",
        "防范化解",
        "缩小差距",
        "化解",
        "破解",
        "攻坚",
        "整治",
    ),
    # --- achievement: results obtained in the reviewed period
    *_e(
        A,
        1.5,
        "completion verbs",
        "完成",
        "实现",
        "建成",
        "新增",
        "获评",
        "累计",
        "取得",
        "达到",
        "突破",
        "荣获",
        "入选",
        "落地",
        "签约",
        "竣工",
        "投用",
        "开通",
        "启用",
        "增长了",
        "提高了",
        "下降了",
    ),
    *_e(
        A,
        2.0,
        "review period anchors",
        "过去一年",
        "一年来",
        "去年",
        "全年",
        "同比增长",
        "同比下降",
        "五年来",
        "过去五年",
        "刚刚过去",
        "成效",
        "成绩",
        "显著",
        "明显",
        "稳中有进",
        "迈出",
    ),
    # --- shortcoming: problems the report admits
    *_e(
        S,
        2.5,
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
        "问题和不足",
        "困难和挑战",
        "不稳固",
        "较多",
        "偏弱",
        "乏力",
        "不平衡",
        "不充分",
        "压力较大",
        "还需",
        "亟待",
        "未完成",
        "未能",
        "没有完成",
        "不及预期",
        "远超",
        "落空",
    ),
    # negated completion is a shortcoming (longer than the completion verb, so it wins)
    *_e(S, 3.0, "negated completion", "尚未实现", "未实现", "没有实现", "未达到", "未落实", "未兑现"),
)
