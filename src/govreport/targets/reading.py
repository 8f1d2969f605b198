"""Reading a paragraph's quantities: growth targets and results with their indicator, value, unit and qualifier.

The quantity pattern (:mod:`.pattern`) finds every number that carries a unit; the words
around it give the rest, each from a table of :mod:`.tables`:

- the **qualifier** after it (以上, 左右…) or right before it (不低于, 力争, 约);
- the **direction** verb right before it (增长, 下降, 控制在, 达到);
- the **indicator**: the phrase before it in the same clause, stripped of framing words
  (今年, 力争…) and verbs; when only a verb is left (建设15个以上共享工厂) the noun after the
  unit; when nothing is left (、增长5.4%) the indicator of the previous quantity in the sentence;
- the **role** from the sentence's category (goal -> target, achievement -> result), with
  a 主要预期目标是… list making everything after it a target.

Numbers that belong to names are skipped: 5号线, “十四五”, 2+6, PM2.5, 第3批.

>>> [(t.indicator, t.value, t.magnitude, t.unit, t.qualifier) for t in find("生产总值增长5.5%以上，新增就业4万人。")]
[('生产总值', Decimal('5.5'), None, '%', '以上'), ('新增就业', Decimal('4'), '万', '人', None)]
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Literal, NamedTuple

import regex

from ..models import Category, Direction, Kind, Role, Sentence, Target, new_target
from ..text.calendar import five_year_plan
from ..text.chars import CLAUSE_MARKS, COMMAS, FULL_STOPS, SEMICOLONS
from ..text.quantities import amount
from ..text.units import LEADING_QUALIFIERS, TRAILING_QUALIFIERS, Hardness
from .indicators import INDICATORS, Indicator, canonical
from .pattern import ASTRAL, alt, number, quantities, stdlib, unit_kind
from .tables import (
    AVERAGE,
    CONJUNCTIONS,
    CUE_REACH,
    DIRECTIONS,
    EXAMPLES_END,
    EXPLANATION,
    FRAMING,
    GDP_WORDS,
    HARDNESS_CUES,
    LINKS,
    MAIN_TARGETS_HEAD,
    MAIN_TARGETS_TITLE,
    MANNER,
    MEASURE_WORDS,
    NOUN_DIRECTIONS,
    OBJECT_VERBS,
    OLD_PLAN_HEAD,
    PERIOD_WORDS,
    QUOTE_REACH,
    QUOTES,
    REVIEW_HEADING,
    SESSION_WORDS,
    STRUCTURE_NOUNS,
    VERB_DIRECTIONS,
    VERB_KEPT_AFTER,
)

SpanFn = Callable[[int, int], tuple[int, int]]

#: What ends the phrase before a quantity; searched in reverse ((?r)) for the nearest one.
CLAUSE_BREAK = regex.compile(r"(?r)[，,、；;。：:！？!?\n（）()“”「」《》\[\]【】\s\d%]")
#: A run starting with one of these follows a number's date or counter: 2028年可新增…, 3年内创造…,
#: 10大类60项民生实事, 分3批建设.
_AFTER_DIGITS = re.compile(r"(?:[年月日底前内起后末初类批轮]|大类)+")
_FRAMING_RE = re.compile(rf"^(?:{alt(FRAMING)})+")
_VERB_ONLY = re.compile(rf"^(?:{alt(MANNER)})*(?:{alt(OBJECT_VERBS)})+$")
#: The end of the phrase before a number: a direction verb, a leading qualifier, a ratio base (GDP).
_TAIL = stdlib(
    rf"(?P<dir>{alt(VERB_DIRECTIONS)})?(?:近|逾)?(?P<lead>{alt(LEADING_QUALIFIERS)})?"
    rf"(?P<dir2>{alt(VERB_DIRECTIONS)})?\s?(?:[A-Z]{{2,5}}\s?)?\s?$"
)
#: A ratio base between the verb and the number (国防预算达 GDP 3%), or a space.
_GAP = stdlib(r"\s?[A-Z]{2,5}\s?$|\s$")
#: The noun after a quantity whose phrase names nothing: 建设15个以上共享工厂.
_AFTER = regex.compile(rf"\s?(?P<run>[\p{{Han}}A-Za-z][^，,、；;。：:！？!?\n（）()“”「」《》\d{CONJUNCTIONS}]*)")
#: Sentence ends: a quantity's sentence starts after the last one before it.
_SENTENCE_END = re.compile(f"[{re.escape(FULL_STOPS + SEMICOLONS)}\n]")
#: Words stripped from the end of a phrase, in the order they are tried.
_END_WORDS = (*LINKS, *VERB_DIRECTIONS, *LEADING_QUALIFIERS)
#: A phrase that is one of these words alone names nothing.
_WHOLE_WORDS = frozenset((*LINKS, *LEADING_QUALIFIERS, *DIRECTIONS))
#: The hardness cues in table order, as (cue, hardness) pairs.
_HARDNESS_CUES = tuple(HARDNESS_CUES.items())
#: A quantity's qualifier decides its hardness.
_QUALIFIER_HARDNESS: dict[str, Hardness] = {**TRAILING_QUALIFIERS, **LEADING_QUALIFIERS}


class RawTarget(NamedTuple):
    """A quantity found in normalised text (positions in normalised coordinates)."""

    indicator: str | None
    direction: Direction | None
    value: Decimal
    high: Decimal | None
    unit: str
    magnitude: str | None
    qualifier: str | None
    hardness: Hardness | None
    average: bool
    start: int
    end: int
    to_level: bool = False  # the verb names the level reached (提高到60%), not a change


def strip(phrase: str) -> str:
    """Drop framing words at the start and link / direction verbs at the end, until nothing changes.

    >>> strip("今年力争生产总值比上年增长"), strip("价格稳定在"), strip("保持在")
    ('生产总值', '价格', '')
    """
    prev = None
    while prev != phrase:
        prev = phrase
        if phrase in _WHOLE_WORDS:
            return ""
        framing = _FRAMING_RE.match(phrase)
        if framing:
            phrase = phrase[framing.end() :]
        word = _end_word(phrase)
        if word:
            phrase = phrase[: -len(word)]
        elif phrase in _WHOLE_WORDS:
            phrase = ""
    return phrase


def _end_word(phrase: str) -> str:
    """The first of :data:`_END_WORDS` that ends ``phrase`` and is not all of it; ``""`` if none.

    One ``endswith`` of them all first: most rounds of :func:`strip` end in none of them.
    """
    if phrase.endswith(_END_WORDS):
        for word in _END_WORDS:
            if phrase.endswith(word) and len(phrase) > len(word):
                return word
    return ""


def before(text: str, pos: int, floor: int = 0) -> tuple[int, str]:
    """Start and text of the phrase before ``pos`` up to the clause break (not before ``floor``)."""
    start = pos
    # 国防预算达 GDP 3%: a ratio base between verb and number, ending in a space or a capital
    last = text[pos - 1] if pos > floor else ""
    gap = _GAP.search(text, floor, pos) if last.isspace() or "A" <= last <= "Z" else None
    if gap:
        start = gap.start()
    brk = CLAUSE_BREAK.search(text, floor, start) if start > floor else None
    start = brk.end() if brk else floor
    if start == floor and floor > 0:
        # right after the previous quantity: 6,000亿元投资及约4万个就业机会
        cut = max(text.rfind(c, start, pos) for c in CONJUNCTIONS)
        start = cut + 1 if cut >= 0 else start
    stub = _AFTER_DIGITS.match(text, start, pos) if start > 0 and text[start - 1].isdigit() else None
    if stub:
        start = stub.end()
    return start, text[start:pos]


class Phrase(NamedTuple):
    """What the phrase before a quantity says, whatever surrounds it (see :func:`read`)."""

    direction: Direction | None
    lead: str | None  # a leading qualifier: 不低于, 力争
    core: str  # the phrase stripped of framing words, links and the verb ("" if nothing is left)
    named: bool  # the core names the indicator (it is not empty nor a bare verb)
    average: bool  # 年均增长: a yearly average
    to_level: bool = False  # a verb to a level: 提高到, 降至, 达到


def read(phrase: str) -> Phrase:
    """Direction, leading qualifier and indicator core of the ``phrase`` before a quantity.

    >>> read("今年力争生产总值比上年增长")
    Phrase(direction='increase', lead=None, core='生产总值', named=True, average=False, to_level=False)
    """
    tail = _TAIL.search(phrase)
    assert tail is not None  # every part of _TAIL is optional
    dir_word = tail.group("dir2") or tail.group("dir")
    core = strip(phrase[: tail.start()].strip())
    if dir_word and core in VERB_KEPT_AFTER:
        core += dir_word  # 经济增长: the growth of the economy
    # a noun direction ends the phrase, or its indicator before a link (增速定为6%)
    noun = next((w for w in NOUN_DIRECTIONS if phrase.endswith(w) or core.endswith(w)), None)
    return Phrase(
        direction=DIRECTIONS.get(dir_word or "") or (DIRECTIONS[noun] if noun else None),
        lead=tail.group("lead"),
        core=core,
        named=bool(core) and not _VERB_ONLY.match(core) and not core.endswith(EXAMPLES_END),
        average=AVERAGE.search(phrase) is not None,
        # 提高到62%, 达到3%: the level reached; 增长达到6%: still a change
        to_level=((dir_word or "").endswith(("到", "至")) or DIRECTIONS.get(dir_word or "") == "reach")
        and not (tail.group("dir2") and DIRECTIONS.get(tail.group("dir") or "") in ("increase", "decrease")),
    )


#: :func:`read`, cached: reports repeat their phrases (比上年增长, 新增就业). The fast path.
_read = lru_cache(maxsize=4096)(read)


def hardness(cues: Iterable[tuple[str, Hardness]], context: str) -> Hardness | None:
    """The hardness of the first of ``cues`` (in table order) that ``context`` holds."""
    for cue, level in cues:
        if cue in context:
            return level
    return None


def inside_short_quote(text: str, start: int, end: int, quotes: Iterable[tuple[str, str]] = QUOTES) -> bool:
    """Whether ``[start, end)`` sits in a quotation of at most :data:`QUOTE_REACH` characters (a slogan)."""
    lo = max(0, start - QUOTE_REACH)
    for open_, close in quotes:
        left = text.rfind(open_, lo, start)
        if left < 0 or close in text[left + 1 : start]:
            continue
        right = text.find(close, end, end + QUOTE_REACH)
        if right >= 0 and right - left <= QUOTE_REACH + 1:
            return True
    return False


def find(text: str, base: int = 0) -> list[RawTarget]:
    """Quantities in ``text``; ``base`` is added to every position.

    >>> [(t.indicator, t.value, t.high, t.unit) for t in find("新增省级特色高中3―5所，“十四五”时期建设5号线")]
    [('新增省级特色高中', Decimal('3'), Decimal('5'), '所')]
    """
    return [t._replace(start=base + t.start, end=base + t.end) for t in _scan(text)]


def _scan(text: str, fast: bool = True) -> Iterator[RawTarget]:
    """The quantities of ``text``. ``fast`` looks for quotation marks and hardness cues only when
    the text holds them, and caches phrase readings; ``fast=False`` is its plain reference."""
    sentence_start = 0
    previous: str | None = None
    floor = 0  # the phrase before a quantity never reaches into the previous one
    ends: list[int] = []
    quotes: Sequence[tuple[str, str]] = QUOTES
    cues: Sequence[tuple[str, Hardness]] = _HARDNESS_CUES
    reading = _read if fast else read
    first = True
    items: list[str] = []  # the subjects of a 分别 list not yet given a value
    subjects: list[str] = []  # all the subjects of the sentence's last 分别 list
    named_here: list[str] = []  # the indicators of the sentence so far, in order
    listed: Direction | None = None  # the direction of that list
    for m in quantities(text, ASTRAL.search(text) is not None):
        found = number(m)
        if found is None:
            continue
        value, high, unit, mag, qual = found
        start, end = m.span()
        if first:  # most paragraphs hold no quantity: look the text over at the first one
            first = False
            ends = [e.start() for e in _SENTENCE_END.finditer(text)]
            if fast:
                quotes = [pair for pair in QUOTES if pair[0] in text]
                cues = [cue for cue in cues if cue[0] in text]
        if quotes and inside_short_quote(text, start, end, quotes):
            continue  # “3+N”, “两个一百年”: a name in quotation marks
        if _not_a_quantity(text, end, unit):
            continue
        i = bisect_left(ends, start)
        cut = ends[i - 1] if i else -1
        if cut + 1 > sentence_start:
            sentence_start, previous, items, subjects, named_here = cut + 1, None, [], [], []
        phrase_start, phrase_text = before(text, start, floor)
        phrase = reading(phrase_text)
        floor = end
        direction = phrase.direction
        if "分别" in phrase_text:  # 城镇、农村居民人均可支配收入分别增长5%、6%: one subject each
            items = _respective(text, phrase_start, phrase.core, sentence_start)
            if not items and not phrase.core and 2 <= _list_length(text, start) <= len(named_here):
                # 城市居民人均可支配收入13555元，农民人均纯收入4677元，分别增长10.1%和8%
                items = named_here[-_list_length(text, start) :]
            subjects, listed = list(items), direction
        elif (
            not items
            and subjects
            and not phrase.named
            and text[phrase_start - 1 : phrase_start] in ("，", ",")
            and _list_length(text, start) == len(subjects)
        ):  # 分别完成166.6亿元和73.3亿元，可比增长21.6%和22%: a second list for the same subjects
            items, listed = list(subjects), direction
        elif items and direction is None:
            direction = listed  # the verb before the first value governs the list
        qualifier = qual or phrase.lead
        level: Hardness | None
        if qualifier:
            level = _QUALIFIER_HARDNESS[qualifier]
        elif high is not None:
            level = "soft"  # a range is a corridor, not a floor
        else:
            # cues (确保, 力争) govern their own clause: look back a clause's length at most,
            # which also keeps a sentence without punctuation linear
            level = hardness(cues, text[max(sentence_start, start - CUE_REACH) : start])
        if items:
            indicator: str | None = items.pop(0)
        elif phrase.named:
            indicator = phrase.core
        else:
            indicator = _indicator(text, start, end, phrase.core, sentence_start) or previous
            if indicator is None:
                indicator = _topic(text, sentence_start, phrase_start)
        previous = indicator
        if indicator and (not named_here or named_here[-1] != indicator):
            named_here.append(indicator)
        yield RawTarget(
            indicator, direction, value, high, unit, mag, qualifier, level, phrase.average, start, end, phrase.to_level
        )


#: What ends a list of values: 增长10.1%和8%，…
_CLAUSE_END = re.compile(f"[{re.escape(COMMAS + SEMICOLONS + FULL_STOPS)}\n]")


def _list_length(text: str, start: int) -> int:
    """How many quantities the clause from ``start`` lists (10.1%和8%: 2), looking a short way ahead."""
    stop = _CLAUSE_END.search(text, start, start + _LIST_REACH)
    return sum(1 for m in quantities(text[start : stop.start() if stop else start + _LIST_REACH]) if number(m))


def _not_a_quantity(text: str, end: int, unit: str) -> bool:
    """A count that is the structure of the text (以下14个方面) or a session's number (十一次全会)."""
    if unit_kind(unit) != "count":
        return False
    if text.startswith(STRUCTURE_NOUNS, end):
        return True
    return unit == "次" and text.startswith(SESSION_WORDS, end)


#: How far back the subjects of a 分别 list may start (a few short names).
_LIST_REACH = 60
#: What separates the subjects of a 分别 list: 城镇、农村居民…, 一产、二产和三产….
_LIST_SEP = re.compile(r"[、和与及]")


def _respective(text: str, phrase_start: int, core: str, sentence_start: int) -> list[str]:
    """The subjects of a 分别 list whose last subject is ``core``: 一产、二产、三产增加值分别增长…
    gives 一产增加值, 二产增加值, 三产增加值 (the last one's tail is shared)."""
    m = re.search(r"分别", core)
    last = core[: m.start()] if m else core
    if not last:
        return []
    lo = max(sentence_start, phrase_start - _LIST_REACH)
    for brk in "，,；;：:。":
        k = text.rfind(brk, lo, phrase_start)
        lo = max(lo, k + 1)
    head = text[lo:phrase_start]
    head = head if head and head[-1] in "、和与及" else ""  # 城镇、农村居民…: the list runs on before the clause
    names = [strip(w) for w in _LIST_SEP.split(head + last)]  # 化学需氧量和二氧化硫排放量: within it
    firsts, last = names[:-1], names[-1]
    if not firsts or not all(names):
        return []
    width = len(firsts[0])
    # 城镇、农村居民人均可支配收入: heads of one length share the last one's tail when it names a
    # measure and they name none; 化学需氧量、二氧化硫排放量: names of their own
    shared = last[width:] if all(len(w) == width for w in firsts) else ""
    if not any(w in shared for w in MEASURE_WORDS) or any(w in f for f in firsts for w in MEASURE_WORDS):
        shared = ""
    return [w + shared for w in firsts] + [last]


#: The clause before a figure's clause, when it is short and holds no number: their shared subject.
_TOPIC = re.compile(rf"[^{re.escape(CLAUSE_MARKS + FULL_STOPS)}\n\d%]{{2,24}}$")
#: A comparison that ends a topic: 物价上涨幅度比去年有明显回落.
_COMPARISON = re.compile(r"(?:比|较)(?:去年|上年|上一年)")
#: A verb of reaching that ends a topic: 城镇固定资产投资突破千亿元大关，增长41.3% (not 增长 of 经济增长速度).
_TOPIC_VERB = re.compile(alt(w for w, d in DIRECTIONS.items() if d == "reach"))


def _topic(text: str, sentence_start: int, phrase_start: int) -> str | None:
    """The subject a figure whose clause has only a verb shares with the clause before it
    (确保物价上涨幅度比去年有明显回落，力争控制在15%左右: 物价上涨幅度); ``None`` if there is none."""
    if phrase_start - 1 <= sentence_start or text[phrase_start - 1] not in COMMAS:
        return None
    m = _TOPIC.search(text, max(sentence_start, phrase_start - 26), phrase_start - 1)
    if m is None or (m.start() > sentence_start and text[m.start() - 1] not in CLAUSE_MARKS + FULL_STOPS + "\n"):
        return None  # the clause is longer than a topic, or holds a number
    topic = strip(m.group().strip())
    cut = _COMPARISON.search(topic) or _TOPIC_VERB.search(topic, 1)  # 投资突破千亿元大关: up to its verb
    topic = topic[: cut.start()] if cut else topic
    return topic if any(w in topic for w in MEASURE_WORDS) else None


def _indicator(text: str, start: int, end: int, core: str, sentence_start: int) -> str | None:
    """The indicator of a quantity whose phrase names none: the noun after it, or the object
    of an earlier use of the bare verb ``core``; ``None`` if neither is found."""
    after = _AFTER.match(text, end)
    if after:
        return after.group("run")
    if core:
        # a bare verb: 今年先发行1万亿元 refers back to the object of an earlier 发行…
        obj = regex.search(regex.escape(core[-2:]) + r"(\p{Han}{2,12})", text[sentence_start:start])
        return obj.group(1) if obj else core
    return None


def role_of(category: Category | None) -> Literal["target", "result"] | None:
    """The role a sentence's or paragraph's category gives its quantities."""
    if category is Category.GOAL:
        return "target"
    if category is Category.ACHIEVEMENT:
        return "result"
    return None


Period = tuple[int | None, int | None]


def _plan(numeral: str) -> Period:
    """The years of the five-year plan 十<numeral>五: 十五五 -> (2026, 2030)."""
    return five_year_plan(10 + "一二三四五六七八九".index(numeral) + 1)


def _period_of(m: re.Match[str], year: int | None) -> Period | None:
    """The period a time word of :data:`PERIOD_WORDS` names; ``None`` for a relative word without a year."""
    if m["plan"]:
        return _plan(m["plan"][1])
    if m["to"]:
        return None, int(m["to"])
    if m["year"]:
        return int(m["year"]), int(m["year"])
    if year is None:
        return None
    if m["five"]:
        return year - 5, year - 1
    shift = -1 if m["last"] or m["past"] else 1 if m["next"] else 0
    return year + shift, year + shift


class TimeWords:
    """The time words (:data:`PERIOD_WORDS`) of a paragraph, read once: for every figure, the period
    named last before it is then one lookup (a paragraph of many years and figures stays linear).
    Words inside the title of a document (《…规划（2023―2035年）》) name that document's period, not
    the figures': they are left out.

    >>> text = "“十五五”时期年均增长5%，到2030年达到4万亿元。"
    >>> words = TimeWords(text, 2026)
    >>> words.before(text.index("5%"), average=True), words.before(text.index("4万"), average=False)
    ((2026, 2030), (None, 2030))
    """

    __slots__ = ("last", "own", "plan", "starts")

    def __init__(self, text: str, year: int | None) -> None:
        self.starts: list[int] = []
        self.own: list[Period | None] = []  # the period each word names
        self.last: list[int] = []  # the index of the last word at or before each that names one
        self.plan: list[int] = []  # the index of the last plan (十五五) at or before each word
        last = plan = -1
        for m in PERIOD_WORDS.finditer(_TITLES.sub(_blank, text) if "《" in text else text):
            own = _period_of(m, year)
            last = len(self.own) if own else last
            plan = len(self.own) if m["plan"] else plan
            self.starts.append(m.start())
            self.own.append(own)
            self.last.append(last)
            self.plan.append(plan)

    def before(self, start: int, average: bool, floor: int = 0) -> Period | None:
        """The period named last in ``[floor, start)``; for a yearly average, the plan named last, if any."""
        k = bisect_left(self.starts, start)
        if not k:
            return None
        if average and self.plan[k - 1] >= 0 and self.starts[self.plan[k - 1]] >= floor:
            return self.own[self.plan[k - 1]]
        j = self.last[k - 1]
        return self.own[j] if j >= 0 and self.starts[j] >= floor else None


#: The title of a document or plan, and the same length of blanks (positions are kept).
_TITLES = re.compile(r"《[^《》\n]{0,80}》")


def _blank(m: re.Match[str]) -> str:
    return "　" * len(m.group())


@lru_cache(maxsize=1024)
def heading_period(headings: tuple[str, ...], year: int | None) -> Period | None:
    """The period the innermost heading that names one names (二、2025年工作回顾: 2025).

    Cached: every paragraph of a section has the same headings.
    """
    for heading in reversed(headings):
        found = TimeWords(heading, year).before(len(heading) + 1, average=False)
        if found:
            return found
    return None


@lru_cache(maxsize=1024)
def _in_review(headings: tuple[str, ...]) -> bool:
    """Whether a heading above is a review's (回顾, 过去一年…); cached like :func:`heading_period`."""
    return any(REVIEW_HEADING.search(h) for h in headings)


def period(named: Period | None, year: int | None, role: Role | None) -> Period:
    """The years a figure refers to: the period its text names (``named``: the last time word before
    it in its paragraph, from :class:`TimeWords`, else its headings', from :func:`heading_period`),
    else the report's ``year`` (the year before it for a result).

    >>> period((2026, 2030), 2026, "target"), period(None, 2026, "result"), period(None, None, "target")
    ((2026, 2030), (2025, 2025), (None, None))
    """
    if named:
        return named
    if year is None:
        return None, None
    y = year - 1 if role == "result" else year
    return y, y


def kind_of(k: str, direction: Direction | None, to_level: bool = False) -> Kind:
    """growth (a percent change), share (a percent level: a rate, a ratio), count, or level, from the
    unit's kind ``k`` (:func:`.pattern.unit_kind`), the direction and whether the verb names the level
    reached (``to_level``: 提高到; a 达到 after 增长 does not)."""
    if k == "percent":
        changed = direction in ("increase", "decrease") or (direction == "reach" and not to_level)
        return "share" if to_level or not changed else "growth"
    return "count" if k == "count" else "level"


#: The longest paragraph read as one item of a statement written one item per line, and how
#: such a paragraph ends (the last item ends the statement with 。).
_ITEM_LINE = 60
_ITEM_ENDS = ("；", ";", "，", ",")


def _old_plan_head(ptext: str) -> re.Match[str] | None:
    """The head of an older report's plan statement (今年计划要求…), when its sentence names GDP growth."""
    old = OLD_PLAN_HEAD.search(ptext) if "计划" in ptext else None
    if old is None:
        return None
    end = _SENTENCE_END.search(ptext, old.end())
    return old if GDP_WORDS.search(ptext, old.start(), end.start() if end else len(ptext)) else None


class MainState:
    """Where a report is in its main-targets statement, carried from paragraph to paragraph:
    ``open`` after a head that stands alone (its items follow), ``done`` once the items were read."""

    __slots__ = ("done", "open", "period", "where")

    def __init__(self) -> None:
        self.open = False
        self.done = False
        self.where: tuple[str, ...] = ()  # the headings of the section the statement is in
        self.period: Period | None = None  # the period its head (a lone line, a heading) names


def extract(
    ptext: str,
    base: int,
    span: SpanFn,
    category: Category,
    *,
    base_units: bool = False,
    sentences: Sequence[Sentence] = (),
    fast: bool = True,
    year: int | None = None,
    headings: Sequence[str] = (),
    main: MainState | None = None,
    indicators: Sequence[Indicator] = INDICATORS,
) -> list[Target]:
    """Targets of a paragraph at normalised offset ``base``; ``span`` maps to the original.

    The role comes from the category of the sentence holding the quantity (``sentences``,
    in original offsets, in order and not overlapping), else from the paragraph's ``category``;
    quantities after a 主要预期目标是… head are targets whatever the sentence looks like.
    Linear: the quantities come in order, and one pass over the sentences finds theirs.

    In a review section (``headings`` holding 回顾, 过去一年…) every figure is a result. ``year`` (the
    report's) and ``headings`` give each figure its period; ``main`` carries the main-targets
    statement across paragraphs: its items are this year's targets after its head.
    """
    path = tuple(headings)
    head = MAIN_TARGETS_HEAD.search(ptext) or _old_plan_head(ptext)
    head_at = head.end() if head else len(ptext) + 1
    review = _in_review(path)
    default: Role | None = "result" if review else role_of(category)
    state = main or MainState()
    if state.open and state.where != path:
        state.open, state.period = False, None  # a statement does not run on into another section
    if path and not state.done and MAIN_TARGETS_TITLE.match(path[-1].strip()):
        state.open, state.where = True, path  # a heading 主要预期目标: its paragraphs hold the items
        state.period = heading_period(path, year)
    # the statement: from its head (or the paragraph's start, after a lone head) to the sentence
    # that explains it (上述指标的设定…, 5.5%左右的预期增长目标…) or the paragraph's end
    statement_at = statement_from = len(ptext) + 1
    if not state.done:
        statement_at = 0 if state.open else head_at
        # the sentence the head stands in: the time words that give the items their period
        statement_from = (
            0 if state.open or not head else max(ptext.rfind(c, 0, head.start()) for c in FULL_STOPS + "\n") + 1
        )
    statement_end = EXPLANATION.search(ptext, statement_at) if statement_at < len(ptext) else None
    statement_to = statement_end.start() + 1 if statement_end else len(ptext)
    times: TimeWords | None = None
    heading = heading_period(path, year)
    out: list[Target] = []
    k = 0  # the first sentence that does not end before the current quantity
    for t in _scan(ptext, fast):
        ts, te = span(base + t.start, base + t.end)
        while k < len(sentences) and sentences[k].end <= ts:
            k += 1
        role = default
        if k < len(sentences) and sentences[k].start <= ts and not review:
            role = role_of(sentences[k].category) or default
        if t.start >= head_at and not t.average:
            role = "target"
        if times is None:
            times = TimeWords(ptext, year)
        in_statement = statement_at <= t.start < statement_to and role == "target" and not t.average
        if in_statement:
            # an item takes the period its statement's sentence names (十五五…主要目标是), else the
            # statement's own (a lone head's, a heading's), else this year's
            own = times.before(t.start, t.average, statement_from)
            period_from, period_to = own or (state.period if statement_at == 0 else None) or (year, year)
        else:
            named = times.before(t.start, t.average) or heading  # the period the text names, if any
            if role == "target" and named and year and named[1] is not None and named[1] < year:
                role = "result"  # 过去一年…增长5%左右: no plan is set for a year already past
            period_from, period_to = period(named, year, role)
        # this year's figure: one year, not before the report's (a statement may name its own year)
        this_year = period_from == period_to and (year is None or period_to is None or period_to >= year)
        is_main = in_statement and this_year
        value, high, unit, kind = t.value, t.high, t.unit, unit_kind(t.unit)
        if t.magnitude:
            if base_units:
                value = amount(str(value), t.magnitude) or value
                high = amount(str(high), t.magnitude) if high is not None else None
            else:
                unit = t.magnitude + unit
        out.append(
            new_target(
                ts,
                te,
                indicator=t.indicator,
                direction=t.direction,
                value=value,
                high=high,
                unit=unit,
                qualifier=t.qualifier,
                hardness=t.hardness,
                role=role,
                average=t.average,
                text=ptext[t.start : t.end],
                period_from=period_from,
                period_to=period_to,
                canonical=canonical(t.indicator, kind, indicators),
                kind=kind_of(kind, t.direction, t.to_level),
                main=is_main,
            )
        )
    if any(t.main for t in out):
        # items one per line (a short paragraph each) go on in the next paragraph
        line = len(ptext) - max(statement_at, 0) <= _ITEM_LINE and ptext.rstrip().endswith(_ITEM_ENDS)
        state.done = statement_end is not None or not line
        state.open = not state.done
        state.where = path
    elif not state.done and head and not ptext[head_at:].strip(" ：:\n"):
        state.open, state.where = True, path  # the head on a line of its own: the items follow
        state.period = TimeWords(ptext, year).before(len(ptext), average=False)
    elif out and state.open:
        state.open, state.period = False, None  # the paragraph after a lone head held other figures
    return out
