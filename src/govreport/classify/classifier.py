"""Classification: label sentences, paragraphs and sections with the evidence behind each.

A sentence's label is the category whose matched cues weigh most. Cues of kind
``period`` (推进, 实施, 新增…) are tense-neutral: they count for the period the
context points to, read from the sentence's own time cues, then its paragraph,
its section's own paragraphs and the headings above it (``2024年工作回顾`` →
achievement, ``2025年工作安排`` → goal). Paragraphs and sections aggregate
their sentences weighted by length into ``scores`` and take the dominant
category.

>>> from govreport import parse
>>> r = parse("一、2024年工作回顾\\n推进老旧小区改造，惠及居民8300余户。\\n二、2025年工作安排\\n推进老旧小区改造。")
>>> [s.category.value for s in r.sections]
['achievement', 'goal']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import Any, NamedTuple

from ..models import Category, Sentence, new_cue, new_sentence
from ..text.sentences import split_sentences
from ..text.units import COUNTED_UNITS, TARGET_QUALIFIERS
from .lexicon import LEXICON, PROBLEM_NOUNS, Kind, LexiconEntry

#: maps a normalised span to the original span
SpanFn = Callable[[int, int], tuple[int, int]]

CATEGORIES: tuple[Category, ...] = (Category.GOAL, Category.ACHIEVEMENT, Category.SHORTCOMING, Category.OTHER)
G, A, S, OTHER = Category.GOAL, Category.ACHIEVEMENT, Category.SHORTCOMING, Category.OTHER
#: the categories' names, the keys of ``scores``, in CATEGORIES order
_VALUES: tuple[str, ...] = tuple(c.value for c in CATEGORIES)

#: problem words a plan frame cancels: everything but negated completions (weight ≥ 3)
_CANCELLABLE_BELOW = 3.0


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


#: sort key of matches (a C getter: sorting a paragraph's cues is hot)
_START = attrgetter("start")


def trie_pattern(words: Iterable[str]) -> str:
    """A pattern matching the longest of ``words`` at each position, written as a trie.

    It matches what the alternation of the words longest first matches, but branches
    on one character at a time instead of trying every word: ``re`` runs it about 1.7
    times faster on a lexicon of 300 words.

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
        self._counts = {t: (None if e.kind == "shield" else e) for t, e in self.entries.items()}
        # a paragraph none of whose words these find has nothing for apply_frames / apply_reports to change
        self.cancellable = _any_of(
            w for w, e in self.entries.items() if e.category is S and e.weight < _CANCELLABLE_BELOW
        )
        self.targets = _any_of(w for w, e in self.entries.items() if e.kind == "target")

    def matches(self, text: str) -> list[Match]:
        """Every non-shield cue in ``text``, leftmost-longest, without overlaps."""
        if self._re is None:
            return []
        counts = self._counts
        new = tuple.__new__  # a Match built directly, without the NamedTuple's Python-level __new__
        out = []
        for m in self._re.finditer(text):
            e = counts[m.group()]
            if e is not None:
                a, b = m.span()
                out.append(new(Match, (a, b, e, e.category, e.weight, "")))
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


def _any_of(words: Iterable[str]) -> Callable[[str], object]:
    """A test for whether any of ``words`` occurs in a text (always false for no words)."""
    pattern = trie_pattern(words)
    return re.compile(pattern).search if pattern else (lambda text: None)


@lru_cache(maxsize=1)
def _default() -> Lexicon:
    return Lexicon(LEXICON)


# --------------------------------------------------------------------------- anchors
# Time anchors and counted quantities, one compiled alternation; each branch is a named cue family.
# The lookahead lists the characters a branch can start with, so the scan skips every other position.
_ANCHOR = re.compile(
    r"(?=[到至十前今获近逾一\d])(?:"
    r"(?P<horizon>(?:到|至)(?P<hy>(?:19|20)\d\d)年)"  # 到2027年: a target horizon
    r"|(?P<year>(?<![\d.])(?P<y>(?:19|20)\d\d)年(?!代))"  # 2023年: before or after the report year
    r"|(?P<plan>十(?P<pn>[一二三四五六七八九])五)"  # “十四五”: a five-year plan, dated by its number
    # 1-4月, 前三季度, 今年一季度: a year-to-date window; it hides the 今年 inside it
    r"|(?P<window>(?:今年)?(?:(?<![\d.])(?:1|一)\s*(?:-|—|~|至|到)\s*(?:[2-9]|1[0-2]|[二三四五六七八九]|十[一二]?)\s*月份?"
    r"|前(?:[2-9]|1[01]|[二三四五六七八九]|十[一二]?)个月|前(?:三|3)季度)|今年(?:第)?一季度)"
    r"|(?P<award>获(?![得评批悉知])[^，。；！？,;!?“”]{1,30}?(?:奖|称号))"  # 获…奖: an award received
    r"|(?P<qty>(?P<qp>近|逾)?(?<![\d.])(?P<qn>\d+(?:\.\d+)?)\s*(?:[万亿千百]\s*)?(?P<qa>余|多)?\s*"
    rf"(?:{'|'.join(COUNTED_UNITS)})"
    rf"(?P<qb>余|多)?(?P<qq>{'|'.join(TARGET_QUALIFIERS)})?))"
)
_CN_DIGIT = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _anchor(cat: Category, weight: float, comment: str, kind: Kind = "cue") -> LexiconEntry:
    return LexiconEntry("", cat, weight, comment, kind)


#: what each anchor branch argues for; built once, shared by every match
ANCHORS: dict[str, LexiconEntry] = {
    "horizon": _anchor(G, 2.0, "a target horizon (到/至 a year)"),
    "past_year": _anchor(A, 1.5, "a year before the report year"),
    "this_year": _anchor(G, 1.0, "the report year or later"),
    "later_year": _anchor(G, 1.5, "the report year or later"),
    "past_plan": _anchor(A, 1.5, "a five-year plan that ended before the report year"),
    "running_plan": _anchor(G, 1.5, "a five-year plan still running or ahead"),
    "window": _anchor(A, 1.5, "a year-to-date window (1-4月, 前三季度, 今年一季度) frames figures reported so far"),
    "award": _anchor(A, 2.0, "an award received (获…奖, 获…称号)"),
    "qualified": _anchor(G, 1.0, "a target qualifier (以上/左右/以内/以下)"),
    "approximate": _anchor(A, 1.0, "an approximate tally (余/多, 近/逾) reports a result"),
    "precise": _anchor(A, 1.0, "a precise count (3+ significant digits) is a tally: targets are round"),
    "count": _anchor(A, 0.5, "a counted quantity: a result in a review, a target in a plan", "period"),
}


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
        if qa or qb or qp:
            return ANCHORS["approximate"]
        return ANCHORS["precise"] if _precise(qn) else ANCHORS["count"]
    if kind == "horizon":
        return ANCHORS["horizon"] if year is None or int(m["hy"]) >= year else None
    if kind == "year":
        if year is None:
            return None
        y = int(m["y"])
        return ANCHORS["past_year"] if y < year else ANCHORS["this_year" if y == year else "later_year"]
    if kind == "plan":
        if year is None:
            return None
        end = 1955 + 5 * (10 + _CN_DIGIT[m["pn"]])  # the 14th plan (十四五) runs 2021-2025
        return ANCHORS["past_plan"] if end < year else ANCHORS["running_plan"]
    return ANCHORS[kind] if kind in ("window", "award") else None


def anchor_matches(text: str, year: int | None) -> list[Match]:
    """Time anchors resolved against the report year, and counted quantities.

    >>> [(m.cat.value, m.entry.comment[:22]) for m in anchor_matches("2023年新增就业4万余人", 2024)]
    [('achievement', 'a year before the repo'), ('achievement', 'an approximate tally (')]
    """
    out: list[Match] = []
    new = tuple.__new__
    for m in _ANCHOR.finditer(text):
        e = _anchor_entry(m, year)
        if e is not None:
            a, b = m.span()
            out.append(new(Match, (a, b, e, e.category, e.weight, "")))
    return out


_YEAR_PLAN = re.compile(
    r"((?:19|20)\d\d)年(?:工作安排|重点工作|主要工作|工作任务|政府工作任务|经济社会发展|主要预期目标|主要目标任务|工作目标)"
)
_YEAR_REVIEW = re.compile(r"(?:((?:19|20)\d\d)年(?:工作回顾|工作总结)|刚刚过去的((?:19|20)\d\d)年)")
_YEAR_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:年|-|/|\.)(?:[01]?\d)(?:月|-|/|\.)(?:[0-3]?\d)(?!\d)")


def report_year(text: str) -> int | None:
    """The year the report plans for, read from the text; ``None`` if not stated.

    A plan heading names it (``2025年工作安排`` → 2025), a review names the year
    before it (``2024年工作回顾`` → 2025), else the first full date does.

    >>> report_year("一、2024年工作回顾……二、2025年工作安排"), report_year("2024-01-04 16:36 新闻"), report_year("无")
    (2025, 2024, None)
    """
    plan = [int(m.group(1)) for m in _YEAR_PLAN.finditer(text)]
    if plan:
        return max(plan)
    review = [int(next(g for g in m.groups() if g)) + 1 for m in _YEAR_REVIEW.finditer(text)]
    if review:
        return max(review)
    date = _YEAR_DATE.search(text)
    return int(date.group(1)) if date else None


# --------------------------------------------------------------------------- scoring
#: how much each layer of context counts when a period cue is resolved
CONTEXT_WEIGHTS = {"sentence": 2.0, "paragraph": 1.0, "section": 0.6, "ancestors": 0.3, "headings": 1.5}
#: problem nouns an action verb earlier in the same clause makes its object (加强…风险监测), not an admission
_OBJECT_NOUNS = frozenset(PROBLEM_NOUNS)
_CLAUSE_BREAK = re.compile(r"[，,；;：:。！？!?]")


def lean(goal: float, achievement: float) -> float:
    """Signed tense evidence in (-1, 1): negative for goal, positive for achievement."""
    return (achievement - goal) / (achievement + goal + 1.0)


def _strong(matches: Iterable[Match]) -> tuple[float, float, float]:
    """Sums of fixed (non-period) goal, achievement and shortcoming weights."""
    g = a = s = 0.0
    for m in matches:
        if m.entry.kind in ("period", "frame"):
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
        elif e.category is S and e.weight < _CANCELLABLE_BELOW:
            if frame_end >= 0 and not _CLAUSE_BREAK.search(text, frame_end, m.start):
                m = m._replace(w=0.0, note="problem word inside a plan frame")
            elif e.text in _OBJECT_NOUNS and action_end >= 0 and not _CLAUSE_BREAK.search(text, action_end, m.start):
                m = m._replace(w=0.0, note="problem noun as the object of an action (加强…风险监测)")
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
        return matches
    out = list(matches)
    i, n = 0, len(matches)
    new = tuple.__new__
    for _, b in split_sentences(text) if spans is None else spans:
        j = i
        reported = planned = False
        while j < n and matches[j].start < b:  # the sentence's cues: does it report, does it name a plan?
            e = matches[j].entry
            if e.kind == "target":
                planned = True
            elif not reported:
                reported = _reports(matches[j])
            j += 1
        if reported and planned:
            for k in range(i, j):
                m = out[k]
                if m.entry.kind == "target":
                    out[k] = new(Match, (m.start, m.end, m.entry, m.cat, 0.0, "the target a result is reported on"))
        i = j
    return out


#: how much more the cues after an adversative turn (但, 却) count
TURN_BOOST = 1.5


def label(totals: dict[Category, float]) -> Category:
    """The category with the largest positive total, else ``other``."""
    best, top = OTHER, 0.0
    for c in CATEGORIES:  # the first of equal totals wins, as in CATEGORIES order
        w = totals.get(c, 0.0)
        if w > top:
            best, top = c, w
    return best


def tally(items: Iterable[tuple[Category, float]], into: dict[Category, float] | None = None) -> dict[Category, float]:
    """Length per category, added to ``into`` if given (a section adds its subsections' tallies)."""
    weights = dict.fromkeys(CATEGORIES, 0.0) if into is None else into
    for cat, n in items:
        weights[cat] += n
    return weights


def decide(weights: dict[Category, float]) -> tuple[Category, dict[str, float]]:
    """The label and shares of a :func:`tally`: the dominant share (``other`` if none).

    ``other`` (ceremony, context) wins only when it covers at least 60% of the text:
    a paragraph that states a plan among framing sentences is still a plan.
    """
    total = sum(weights.values())  # sums of lengths: exact in any order
    if total == 0:
        return OTHER, dict.fromkeys(_VALUES, 0.0)
    scores = dict(zip(_VALUES, [round(w / total, 4) for w in weights.values()], strict=True))
    best, top = G, weights[G]
    for c in (A, S):  # the first of equal informative shares wins, in CATEGORIES order
        if weights[c] > top:
            best, top = c, weights[c]
    if top == 0 or weights[OTHER] >= 0.6 * total:
        return OTHER, scores
    return best, scores


def aggregate(items: Iterable[tuple[Category, int]]) -> tuple[Category, dict[str, float]]:
    """Length-weighted shares of labels; the label is the dominant share (``other`` if none).

    >>> aggregate([(Category.GOAL, 30), (Category.OTHER, 20)])
    (<Category.GOAL: 'goal'>, {'goal': 0.6, 'achievement': 0.0, 'shortcoming': 0.0, 'other': 0.4})
    """
    return decide(tally(items))


#: how a period cue reads when the context leans past ±0.05: (category, note)
_REVIEW_READING = (A, "read as achievement in a review context")
_PLAN_READING = (G, "read as goal in a plan context")
_PERIOD_KINDS = frozenset(("period", "frame"))


@lru_cache(maxsize=1024)
def _rule(comment: str, note: str) -> str:
    """A cue's ``rule`` text: its entry's comment and how the context read it, one string per pair.

    >>> _rule("action verbs", "after a turn") is _rule("action verbs", "after a turn")
    True
    """
    return f"{comment} [{note}]"


class _Evidence(NamedTuple):
    """A paragraph's sentence spans and, per sentence, its cues, fixed goal/achievement weight and last turn."""

    spans: list[tuple[int, int]]
    buckets: list[list[Match]]
    sentence_goal: list[float]
    sentence_achievement: list[float]
    turns: list[int]  #: index of the sentence's last adversative turn among its cues, -1 if none
    goal: float  #: the paragraph's fixed goal weight (``_strong``)
    achievement: float


@dataclass
class _Context:
    """What a section's headings and own paragraphs say about its period."""

    heading_lean: float = 0.0
    heading_shortcoming: float = 0.0
    body_lean: float = 0.0
    gathered: dict[str, _Evidence] = field(default_factory=dict)  #: per own paragraph, read once by sentences()


class Classifier:
    """Labels sentences, paragraphs and sections of one report.

    The pipeline calls :meth:`enter_section` before a section's paragraphs; the
    context it records (headings, own paragraphs) is what period cues in that
    section and its subsections are resolved against. A paragraph's label never
    depends on text outside its own section and the sections above it.
    """

    def __init__(self, lexicon: Lexicon, year: int | None = None) -> None:
        self.lexicon = lexicon
        self.year = year
        self._stack: dict[int, _Context] = {}
        self._level = 0
        #: the current section's context as _context reads it, once per enter_section
        self._reading: tuple[float, float, float, float, _Context | None] | None = None

    def cues(self, text: str, spans: list[tuple[int, int]] | None = None) -> list[Match]:
        """Lexicon and anchor matches of ``text`` in order, plan frames applied.

        ``spans`` are the text's sentences if the caller has them (``split_sentences(text)``).
        """
        anchors = anchor_matches(text, self.year)
        found = self.lexicon.matches(text)
        windows = [(m.start, m.end) for m in anchors if m.entry is ANCHORS["window"]]
        if windows:  # a window hides the cues inside it (今年 in 今年一季度)
            found = [m for m in found if not any(a <= m.start and m.end <= b for a, b in windows)]
        found += anchors
        found.sort(key=_START)  # stable: a lexicon cue stays before an anchor at the same position
        if self.lexicon.cancellable(text):  # else no problem word for a frame to cancel
            found = apply_frames(text, found)
        if self.lexicon.targets(text):  # else no plan noun for a report to cancel
            found = apply_reports(text, found, spans)
        return found

    def enter_section(self, level: int, title: str | None, paragraphs: Sequence[str]) -> None:
        """Record the context of a section about to be built (its title and its own paragraphs)."""
        for k in [k for k in self._stack if k >= level or (k == 0 and level > 0)]:
            del self._stack[k]  # siblings and their subsections; the preamble is nobody's parent
        ctx = _Context()
        if title:
            g, a, s = _strong(self.cues(title))
            ctx.heading_lean = lean(g, a)
            ctx.heading_shortcoming = s if s > g + a else 0.0
        g = a = 0.0
        for p in paragraphs:
            evidence = ctx.gathered[p] = self._gather(p)
            g, a = g + evidence.goal, a + evidence.achievement
        ctx.body_lean = lean(g, a)
        self._stack[level] = ctx
        self._level = level
        self._reading = None

    def _gather(self, text: str) -> _Evidence:
        """A paragraph's sentences and cues, the cues bucketed by sentence with their fixed weights summed."""
        spans = split_sentences(text)
        found = self.cues(text, spans)
        if not spans:  # blank: nothing to bucket (a user's blank cue may still weigh)
            g, a, _ = _strong(found)
            return _Evidence(spans, [], [], [], [], g, a)
        n = len(spans)
        buckets: list[list[Match]] = [[] for _ in spans]
        sg, sa = [0.0] * n, [0.0] * n
        turns = [-1] * n
        pg = pa = 0.0
        i, last, end = 0, n - 1, spans[0][1]
        for m in found:
            if m.start >= end and i < last:
                while i < last and m.start >= spans[i][1]:
                    i += 1
                end = spans[i][1]
            bucket = buckets[i]
            kind = m.entry.kind
            if kind == "turn":
                turns[i] = len(bucket)
            if kind not in _PERIOD_KINDS:  # as _strong: tense-neutral cues are resolved in context
                if m.cat is G:
                    sg[i] += m.w
                    pg += m.w
                elif m.cat is A:
                    sa[i] += m.w
                    pa += m.w
            bucket.append(m)
        return _Evidence(spans, buckets, sg, sa, turns, pg, pa)

    def _context(self, headings: Sequence[str]) -> tuple[float, float, float, float, _Context | None]:
        """(headings, section, ancestors) leans and a shortcoming prior for the current section."""
        if not self._stack:  # called without enter_section: read the headings given
            h = s = 0.0
            for title in reversed(headings):
                g, a, sh = _strong(self.cues(title))
                h = max(h, lean(g, a), key=abs)
                s = s or (sh if sh > g + a else 0.0)
            return h, s, 0.0, 0.0, None
        if self._reading is not None:  # the same for every paragraph of the section
            return self._reading
        levels = sorted((k for k in self._stack if k <= self._level), reverse=True)
        own = self._stack[levels[0]]
        h = s = anc = 0.0
        for depth, k in enumerate(levels):
            c = self._stack[k]
            if abs(c.heading_lean) > abs(h):  # the heading that names a period most clearly (2025年工作安排)
                h = c.heading_lean
            if not s:
                s = c.heading_shortcoming
            if depth:
                anc += c.body_lean / depth
        self._reading = h, s, own.body_lean, max(-1.0, min(1.0, anc)), own
        return self._reading

    def sentences(
        self, ptext: str, base: int, span: SpanFn, headings: tuple[str, ...], shift: int | None = None
    ) -> list[Sentence]:
        """Split a paragraph (at normalised offset ``base``) into labelled sentences.

        ``span`` maps normalised spans to the original; ``shift``, when given, says it adds
        ``shift`` to both ends of every span inside the paragraph (no edit there).

        :meth:`_gather` buckets the paragraph's cues by sentence and sums their fixed weights;
        one pass here reads each sentence's cues and builds the models:

        - a period cue (推进, 实施) reads as achievement when the context leans to a review
          past +0.05 and as goal past -0.05 (the sentence's fixed cues, its paragraph, section,
          ancestors and headings, weighted by :data:`CONTEXT_WEIGHTS`);
        - the cues after a sentence's last adversative turn (…，但短板依然明显) count
          :data:`TURN_BOOST` times;
        - the label is the category whose weights, with the section's shortcoming prior, sum
          highest (:func:`label`).

        tests/test_speed.py holds this equal to those steps run one after the other.

        >>> c, text = Classifier(Lexicon.default(), 2025), "推进改造，但短板依然明显。"
        >>> c.enter_section(1, "2024年工作回顾", [text])
        >>> (s,) = c.sentences(text, 0, lambda a, b: (a, b), ())
        >>> [(q.text, q.category.value, q.weight) for q in s.cues]  # doctest: +NORMALIZE_WHITESPACE
        [('推进', 'achievement', 1.0), ('但', 'other', 0.0),
         ('短板', 'shortcoming', 3.75), ('明显', 'achievement', 1.5)]
        """
        head, short_prior, sect, anc, own = self._context(headings)
        evidence = own.gathered.pop(ptext, None) if own is not None else None  # gathered once, in enter_section
        if evidence is None:
            evidence = self._gather(ptext)
        if not evidence.spans:
            return []
        spans, buckets, sg, sa, turns, pg, pa = evidence
        w = CONTEXT_WEIGHTS
        outer = w["paragraph"] * lean(pg, pa) + w["section"] * sect + w["ancestors"] * anc + w["headings"] * head
        prior = 0.5 * short_prior if short_prior else None
        w_sentence = w["sentence"]
        # pass 2: read each sentence's cues, weigh them, build the models
        out: list[Sentence] = []
        # a repaired stretch maps as a whole, so a boundary inside it is clamped to keep spans ordered
        prev, pend = span(base, base + len(ptext))
        for k, (s0, s1) in enumerate(spans):
            if shift is None:
                ss, se = span(base + s0, base + s1)
                ss = min(max(ss, prev), pend)
                se = prev = min(max(se, ss), pend)
            else:
                ss, se = base + s0 + shift, base + s1 + shift
            ms = buckets[k]
            if not ms and prior is None:  # no evidence and no prior: nothing to weigh
                out.append(new_sentence(ss, se, ptext[s0:s1], OTHER, []))
                continue
            period = w_sentence * lean(sg[k], sa[k]) + outer
            reading = _REVIEW_READING if period > 0.05 else _PLAN_READING if period < -0.05 else None
            totals = dict.fromkeys(CATEGORIES, 0.0)
            if prior is not None:
                totals[S] += prior
            turn = turns[k]
            cues = []
            for j, (m_start, m_end, e, c, mw, note) in enumerate(ms):  # unpacked: faster than a field access each
                if reading is not None and mw != 0.0 and e.kind in _PERIOD_KINDS:
                    c, note = reading  # a period cue read in context
                if j > turn >= 0:  # after the sentence's last turn
                    mw *= TURN_BOOST
                    note = note + "; after a turn" if note else "after a turn"
                totals[c] += mw
                if shift is None:
                    cs, ce = span(base + m_start, base + m_end)
                else:
                    cs, ce = base + m_start + shift, base + m_end + shift
                cs = ss if cs < ss else se if cs > se else cs  # clamped into the sentence
                ce = cs if ce < cs else se if ce > se else ce
                rule = _rule(e.comment, note) if note else e.comment
                # a lexicon cue matched its entry's literal text: share that string (anchors have none)
                text = e.text or ptext[m_start:m_end]
                if type(c) is not Category:
                    c = Category(c)  # a user's entry may say "goal"
                cues.append(new_cue(cs, ce, text, c, float(mw), rule))
            cat = label(totals)
            out.append(new_sentence(ss, se, ptext[s0:s1], cat, cues))
        return out

    def paragraph_label(
        self, sentences: Sequence[Sentence], section: dict[Category, float] | None = None
    ) -> tuple[Category, dict[str, float]]:
        """Length-weighted aggregate of the sentence labels; their lengths are added to a ``section`` tally if given."""
        own = tally((s.category, len(s.text)) for s in sentences)
        if section is not None:
            tally(own.items(), into=section)
        return decide(own)

    def section_label(self, weights: dict[Category, float]) -> tuple[Category, dict[str, float]]:
        """The label of a section from the :func:`tally` of its own and all its descendants' sentences."""
        return decide(weights)
