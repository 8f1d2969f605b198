"""Evidence: the cues of a paragraph, found, adjusted within their clause, and grouped by sentence.

A paragraph's evidence is everything that can be read from its own text: lexicon cues,
time anchors resolved against the report year, counted quantities, problem words a plan
frame cancels (解决…问题) and plan nouns a result is reported on (完成了…目标). What the
context makes of it (a period cue read as a plan or a deed) is :mod:`.label`'s work.

>>> ev = gather("推进改造，但短板依然明显。", Lexicon.default(), 2025)
>>> [(m.entry.text, m.w) for m in ev.sentences[0].cues]
[('推进', 1.0), ('但', 0.0), ('短板', 2.5), ('明显', 1.0)]
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from operator import attrgetter
from typing import NamedTuple

from ..models import Category
from ..text.calendar import five_year_plan
from ..text.chars import CLAUSE_MARKS, FULL_STOPS
from ..text.numerals import DIGITS, parse_cn
from ..text.sentences import split_sentences
from ..text.units import COUNTED_UNITS, TARGET_QUALIFIERS
from .lexicon import ANCHORS, PROBLEM_NOUNS, Lexicon, LexiconEntry, Match

G, A, S = Category.GOAL, Category.ACHIEVEMENT, Category.SHORTCOMING

#: problem words a plan frame cancels: everything but negated completions (weight ≥ 3)
CANCELLABLE_BELOW = 3.0
#: cue kinds whose category the context decides (tense-neutral verbs and plan frames)
PERIOD_KINDS = frozenset(("period", "frame"))
#: where a match starts: the key cues are sorted by
_START = attrgetter("start")

# --------------------------------------------------------------------------- anchors
# Time anchors and counted quantities, one compiled alternation; each branch is a named cue family.
# The lookahead lists the characters a branch can start with, so the scan skips every other
# position: a sixth of the time of the bare alternation, some 12% of parse time (tests/test_speed.py
# holds it equal to ANCHOR_ALTERNATION alone).
ANCHOR_ALTERNATION = (
    r"(?P<horizon>(?:到|至)(?P<hy>(?:19|20)\d\d)年)"  # 到2027年: a target horizon
    r"|(?P<year>(?<![\d.])(?P<y>(?:19|20)\d\d)年(?!代))"  # 2023年: before or after the report year
    r"|(?P<cnyear>(?P<cy>[一二][九〇零○][〇零○一二三四五六七八九]{2})年(?!代))"  # 一九五二年: a year in numerals
    r"|(?P<plan>十(?P<pn>[一二三四五六七八九])五)"  # “十四五”: a five-year plan, dated by its number
    # 1-4月, 前三季度, 今年一季度: a year-to-date window; it hides the 今年 inside it
    r"|(?P<window>(?:今年)?(?:(?<![\d.])(?:1|一)\s*(?:-|—|~|至|到)\s*(?:[2-9]|1[0-2]|[二三四五六七八九]|十[一二]?)\s*月份?"
    r"|前(?:[2-9]|1[01]|[二三四五六七八九]|十[一二]?)个月|前(?:三|3)季度)|今年(?:第)?一季度)"
    r"|(?P<award>获(?![得评批悉知])[^，。；！？,;!?“”]{1,30}?(?:奖|称号))"  # 获…奖: an award received
    r"|(?P<qty>(?P<qp>近|逾)?(?<![\d.])(?P<qn>\d+(?:\.\d+)?)\s*(?:[万亿千百]\s*)?(?P<qa>余|多)?\s*"
    rf"(?:{'|'.join(COUNTED_UNITS)})"
    rf"(?P<qb>余|多)?(?P<qq>{'|'.join(TARGET_QUALIFIERS)})?)"
)
_ANCHOR = re.compile(rf"(?=[到至十前今获近逾一\d]|二[〇零○])(?:{ANCHOR_ALTERNATION})")
#: a month and day after a year: the year is part of a date (2024年1月20日)
_DAY = re.compile(r"\s*\d{1,2}\s*月\s*\d{1,2}\s*日")


def _precise(number: str) -> bool:
    """Three or more significant digits: ``1117``, ``566.07`` (not ``1200``, ``5.2``)."""
    digits = number.replace(".", "").lstrip("0")
    if "." not in number:
        digits = digits.rstrip("0")
    return len(digits) >= 3


def _anchor_entry(m: re.Match[str], year: int | None) -> LexiconEntry | None:
    """The entry an anchor match stands for, resolved against the report year."""
    kind = m.lastgroup
    if kind == "qty":
        qq, qa, qb, qp, qn = m.group("qq", "qa", "qb", "qp", "qn")
        if qq:
            return ANCHORS["qualified"]
        if m.string.startswith("的", m.end()):
            return None  # a size, not a tally: 投资43.9亿元的项目, 建筑面积1.2万平方米的场馆 (#18)
        if qa or qb or qp:
            return ANCHORS["approximate"]
        return ANCHORS["precise"] if _precise(qn) else ANCHORS["count"]
    if kind == "horizon":
        return ANCHORS["horizon"] if year is None or int(m["hy"]) >= year else None
    if kind in ("year", "cnyear"):
        if year is None:
            return None
        y = int(m["y"]) if kind == "year" else (parse_cn(m["cy"]) or 0)  # 一九五二: digit by digit
        if y == year and _DAY.match(m.string, m.end()):
            return None  # a date in the report year (a news dateline, a session's day) names no period
        return ANCHORS["past_year"] if y < year else ANCHORS["this_year" if y == year else "later_year"]
    if kind == "plan":
        if year is None:
            return None
        _, end = five_year_plan(10 + DIGITS[m["pn"]])  # the 14th plan (十四五) runs 2021-2025
        return ANCHORS["past_plan"] if end < year else ANCHORS["running_plan"]
    return ANCHORS[kind] if kind in ("window", "award") else None


def anchor_matches(text: str, year: int | None) -> list[Match]:
    """Time anchors resolved against the report year, and counted quantities.

    >>> [(m.cat.value, m.entry.name) for m in anchor_matches("2023年新增就业4万余人", 2024)]
    [('achievement', 'past_year'), ('achievement', 'approximate')]
    """
    out: list[Match] = []
    for m in _ANCHOR.finditer(text):
        e = _anchor_entry(m, year)
        if e is not None:
            out.append(Match.of(m.start(), m.end(), e))
    return out


# --------------------------------------------------------------------------- clause rules
#: problem nouns an action verb earlier in the same clause makes its object (加强…风险监测), not an admission
_OBJECT_NOUNS = frozenset(PROBLEM_NOUNS)
#: where a clause ends: a plan frame or an action reaches no further (text/chars.py)
_CLAUSE_BREAK = re.compile(f"[{re.escape(CLAUSE_MARKS + FULL_STOPS)}]")


def strong(matches: Iterable[Match]) -> tuple[float, float, float]:
    """Sums of fixed (non-period) goal, achievement and shortcoming weights."""
    g = a = s = 0.0
    for m in matches:
        if m.entry.kind in PERIOD_KINDS:
            continue  # tense-neutral: resolved later from this very evidence
        if m.cat is G:
            g += m.w
        elif m.cat is A:
            a += m.w
        elif m.cat is S:
            s += m.w
    return g, a, s


def apply_frames(text: str, matches: list[Match]) -> list[Match]:
    """Cancel problem words that follow a plan frame in the same clause (解决…问题, 补齐…短板).

    >>> text = "着力解决群众反映强烈的问题"
    >>> [(m.entry.text, m.w) for m in apply_frames(text, Lexicon.default().matches(text))]
    [('着力', 1.0), ('解决', 2.0), ('问题', 0.0)]
    """
    out: list[Match] = []
    frame_end = action_end = -1
    for m in matches:
        e = m.entry
        if e.kind == "frame":
            frame_end = m.end
        elif e.kind == "period" and e.category is G:
            action_end = m.end
        elif e.category is S and e.weight < CANCELLABLE_BELOW:
            if frame_end >= 0 and not _CLAUSE_BREAK.search(text, frame_end, m.start):
                m = m._replace(w=0.0, note="in_plan_frame")
            elif e.text in _OBJECT_NOUNS and action_end >= 0 and not _CLAUSE_BREAK.search(text, action_end, m.start):
                m = m._replace(w=0.0, note="action_object")
            else:
                action_end = -1  # an admission (面临, 不足) ends the action's reach: 推进…面临困难
        out.append(m)
    return out


def _reports(m: Match) -> bool:
    """A cue that says what became of a target: 完成了, 未实现, or a result verb (任务完成)."""
    e = m.entry
    return e.kind == "report" or (e.kind == "period" and e.category is A and bool(e.text))


def apply_reports(text: str, matches: list[Match], spans: list[tuple[int, int]] | None = None) -> list[Match]:
    """Cancel plan nouns in a sentence that reports what became of them (完成了…目标, 任务完成298亩).

    >>> text = "我们完成了全年目标任务。"
    >>> [(m.entry.text, m.w) for m in apply_reports(text, Lexicon.default().matches(text))]
    [('完成了', 2.5), ('全年', 1.0), ('目标任务', 0.0)]
    """
    if not any(m.entry.kind == "target" for m in matches):
        return matches  # no plan noun to cancel
    out: list[Match] = []
    i = 0
    for _, b in split_sentences(text) if spans is None else spans:
        j = i
        while j < len(matches) and matches[j].start < b:
            j += 1
        group = matches[i:j]
        reported = any(_reports(m) for m in group)
        for m in group:
            if reported and m.entry.kind == "target":
                m = m._replace(w=0.0, note="reported_target")
            out.append(m)
        i = j
    out.extend(matches[i:])
    return out


def cues(text: str, lexicon: Lexicon, year: int | None, spans: list[tuple[int, int]] | None = None) -> list[Match]:
    """Lexicon and anchor matches of ``text`` in order, plan frames and reported targets applied.

    ``spans`` are the text's sentences if the caller has them (``split_sentences(text)``).
    """
    anchors = anchor_matches(text, year)
    found = lexicon.matches(text)
    windows = [(m.start, m.end) for m in anchors if m.entry is ANCHORS["window"]]
    if windows:  # a window hides the cues inside it (今年 in 今年一季度)
        found = [m for m in found if not any(a <= m.start and m.end <= b for a, b in windows)]
    found = apply_quotes(text, found)
    if anchors:  # both in text order; a stable sort keeps a lexicon cue before an anchor at the same position
        found += anchors
        found.sort(key=_START)
    return apply_reports(text, apply_frames(text, found), spans)


#: a quoted phrase: a slogan or a name (“放管服”, “要防住、要稳住”), quoted without a clause or
#: sentence break inside; a quotation that holds one (“要稳中求进，…”) is speech, read as such
_QUOTED_PHRASE = re.compile(f"[“「『][^“”「」『』{re.escape(CLAUSE_MARKS + FULL_STOPS)}]*[”」』]")


def apply_quotes(text: str, matches: list[Match]) -> list[Match]:
    """Cancel the goal cues inside a quoted phrase: a slogan's modal is no commitment of the speaker.

    A problem word inside one still counts (「尝试推行但失败」 names a failure).

    >>> text = "提出“经济要稳住、就业要防住”"
    >>> [(m.entry.text, m.w, m.note) for m in apply_quotes(text, Lexicon.default().matches(text))]
    [('要', 0.0, 'quoted'), ('要', 0.0, 'quoted')]
    """
    if "“" not in text and "「" not in text and "『" not in text:
        return matches
    out = list(matches)
    k = 0
    for q in _QUOTED_PHRASE.finditer(text):  # quotes and matches both in text order: one pass
        a, b = q.span()
        while k < len(out) and out[k].start <= a:
            k += 1
        while k < len(out) and out[k].end < b:
            if out[k].cat == G:
                out[k] = out[k]._replace(w=0.0, note="quoted")
            k += 1
    return out


def apply_ceremony(matches: list[Match], spans: list[tuple[int, int]]) -> list[Match]:
    """Cancel cues in sentences of ceremony and paragraphs of background (the lexicon's two kinds).

    A ``ceremony`` cue (向…表示衷心感谢, 应出席代表) cancels every other cue of its sentence; a
    ``background`` cue (当今世界, 我们深刻体会到) cancels the goal and achievement cues of its
    paragraph when it opens it, of its sentence elsewhere; an admitted problem keeps its weight.
    ``spans`` are the paragraph's sentences; a cue belongs to the one it starts in.
    """
    ends = [end for _, end in spans]
    which = [min(bisect_right(ends, m.start), len(spans) - 1) for m in matches]  # the sentence each starts in
    ceremony = {k for m, k in zip(matches, which, strict=True) if m.entry.kind == "ceremony"}
    background = {k for m, k in zip(matches, which, strict=True) if m.entry.kind == "background"}
    out = []
    for m, k in zip(matches, which, strict=True):
        if k in ceremony and m.entry.kind != "ceremony":
            m = m._replace(w=0.0, note="in_ceremony")
        elif (0 in background or k in background) and m.cat in (G, A) and m.entry.kind != "background":
            m = m._replace(w=0.0, note="in_background")
        out.append(m)
    return out


# --------------------------------------------------------------------------- evidence
class SentenceEvidence(NamedTuple):
    """One sentence of a paragraph: its span in the paragraph, its cues and their fixed weights."""

    start: int
    end: int
    cues: list[Match]
    goal: float  #: the sum of its fixed (non-period) goal weights
    achievement: float
    turn: int  #: the index of its last adversative turn among its cues, -1 if none


class Evidence(NamedTuple):
    """What a paragraph's own text says: its sentences' evidence and its fixed goal/achievement weight."""

    text: str
    sentences: list[SentenceEvidence]
    goal: float
    achievement: float
    plan_list: bool = False  #: a cue of it names a list of planned projects (a section then announces one)


def gather(text: str, lexicon: Lexicon, year: int | None) -> Evidence:
    """A paragraph's sentences and cues, the cues grouped by sentence with their fixed weights summed.

    A cue belongs to the sentence it starts in (one past the last sentence: the last).
    """
    spans = split_sentences(text)
    found = cues(text, lexicon, year, spans)
    if not spans:  # blank: nothing to group (a user's blank cue may still weigh)
        g, a, _ = strong(found)
        return Evidence(text, [], g, a)
    kinds = {m.entry.kind for m in found}
    if "ceremony" in kinds or "background" in kinds:
        found = apply_ceremony(found, spans)
    n, last = len(spans), len(spans) - 1
    buckets: list[list[Match]] = [[] for _ in spans]
    sg, sa, turns = [0.0] * n, [0.0] * n, [-1] * n
    pg = pa = 0.0
    i = 0
    for m in found:
        while i < last and m.start >= spans[i][1]:
            i += 1
        kind = m.entry.kind
        if kind == "turn":
            turns[i] = len(buckets[i])
        if kind not in PERIOD_KINDS:  # as strong(): tense-neutral cues are resolved in context
            if m.cat is G:
                sg[i] += m.w
                pg += m.w
            elif m.cat is A:
                sa[i] += m.w
                pa += m.w
        buckets[i].append(m)
    sentences = [
        SentenceEvidence(s0, s1, ms, g, a, t)
        for (s0, s1), ms, g, a, t in zip(spans, buckets, sg, sa, turns, strict=True)
    ]
    return Evidence(text, sentences, pg, pa, "plan_list" in kinds)
