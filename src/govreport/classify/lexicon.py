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
  (主要, 重要 are not the modal 要); it never counts.

The goal cues follow the forward-looking-statement dictionaries used in Chinese
finance research (future and obligation modals, plan and target nouns); the
rest are written by hand for government reports.

>>> sorted({e.kind for e in LEXICON})
['cue', 'frame', 'period', 'report', 'shield', 'target', 'turn']
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, Literal, NamedTuple

from ..models import Category

G, A, S, N = Category.GOAL, Category.ACHIEVEMENT, Category.SHORTCOMING, Category.OTHER

Kind = Literal["cue", "period", "frame", "target", "report", "turn", "shield"]


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
        "预计",
        "规划",
        "任务",
        "发展目标",
        kind="target",
    ),
    *_e(G, 1.5, "plan_noun", "plan and target words", "目标任务", "工作任务", "主要任务", kind="target"),
    *_e(G, 2.5, "plan_heading", "plan part headings", "工作安排", "总体要求", "主要预期目标"),
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
        _anchor("qualified", G, 1.0, "a target qualifier (以上/左右/以内/以下)"),
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
