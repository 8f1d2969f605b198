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

from ..models import Category, Direction, Sentence, Target, new_target
from ..text.quantities import amount
from ..text.units import LEADING_QUALIFIERS, TRAILING_QUALIFIERS, Hardness
from .pattern import ASTRAL, alt, number, quantities, stdlib
from .tables import (
    AVERAGE,
    CONJUNCTIONS,
    CUE_REACH,
    DIRECTIONS,
    FRAMING,
    HARDNESS_CUES,
    LINKS,
    MAIN_TARGETS_HEAD,
    MANNER,
    NOUN_DIRECTIONS,
    OBJECT_VERBS,
    QUOTE_REACH,
    QUOTES,
    VERB_DIRECTIONS,
)

SpanFn = Callable[[int, int], tuple[int, int]]

#: What ends the phrase before a quantity; searched in reverse ((?r)) for the nearest one.
CLAUSE_BREAK = regex.compile(r"(?r)[，,、；;。：:！？!?\n（）()“”「」《》\[\]【】\s\d%]")
#: A run starting with one of these follows a number's date or counter: 2028年可新增…, 3年内创造….
_AFTER_DIGITS = re.compile(r"[年月日底前内起后末初]+")
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
_SENTENCE_END = re.compile("[。！？；;!?\n]")
#: Words stripped from the end of a phrase, in the order they are tried.
_END_WORDS = (*LINKS, *VERB_DIRECTIONS, *LEADING_QUALIFIERS)
#: A phrase that is one of these words alone names nothing.
_WHOLE_WORDS = frozenset((*LINKS, *LEADING_QUALIFIERS, *DIRECTIONS))
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


def strip(phrase: str) -> str:
    """Drop framing words at the start and link / direction verbs at the end, until nothing changes.

    >>> strip("今年力争生产总值比上年增长"), strip("价格稳定在"), strip("保持在")
    ('生产总值', '价格', '')
    """
    prev = None
    while prev != phrase:
        prev = phrase
        framing = _FRAMING_RE.match(phrase)
        if framing:
            phrase = phrase[framing.end() :]
        for word in _END_WORDS:  # one word at the end, never the whole phrase
            if phrase.endswith(word) and len(phrase) > len(word):
                phrase = phrase[: -len(word)]
                break
        else:
            if phrase in _WHOLE_WORDS:
                phrase = ""
    return phrase


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


def read(phrase: str) -> Phrase:
    """Direction, leading qualifier and indicator core of the ``phrase`` before a quantity.

    >>> read("今年力争生产总值比上年增长")
    Phrase(direction='increase', lead=None, core='生产总值', named=True, average=False)
    """
    tail = _TAIL.search(phrase)
    assert tail is not None  # every part of _TAIL is optional
    dir_word = tail.group("dir2") or tail.group("dir")
    core = strip(phrase[: tail.start()].strip())
    noun = next((w for w in NOUN_DIRECTIONS if phrase.endswith(w)), None)
    return Phrase(
        direction=DIRECTIONS.get(dir_word or "") or (DIRECTIONS[noun] if noun else None),
        lead=tail.group("lead"),
        core=core,
        named=bool(core) and not _VERB_ONLY.match(core),
        average=AVERAGE.search(phrase) is not None,
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
    cues: Sequence[tuple[str, Hardness]] = tuple(HARDNESS_CUES.items())
    reading = _read if fast else read
    first = True
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
        i = bisect_left(ends, start)
        cut = ends[i - 1] if i else -1
        if cut + 1 > sentence_start:
            sentence_start, previous = cut + 1, None
        phrase = reading(before(text, start, floor)[1])
        floor = end
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
        if phrase.named:
            indicator: str | None = phrase.core
        else:
            indicator = _indicator(text, start, end, phrase.core, sentence_start) or previous
        previous = indicator
        yield RawTarget(
            indicator, phrase.direction, value, high, unit, mag, qualifier, level, phrase.average, start, end
        )


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


def extract(
    ptext: str,
    base: int,
    span: SpanFn,
    category: Category,
    *,
    base_units: bool = False,
    sentences: Sequence[Sentence] = (),
    fast: bool = True,
) -> list[Target]:
    """Targets of a paragraph at normalised offset ``base``; ``span`` maps to the original.

    The role comes from the category of the sentence holding the quantity (``sentences``,
    in original offsets, in order and not overlapping), else from the paragraph's ``category``;
    quantities after a 主要预期目标是… head are targets whatever the sentence looks like.
    Linear: the quantities come in order, and one pass over the sentences finds theirs.
    """
    head = MAIN_TARGETS_HEAD.search(ptext)
    head_at = head.end() if head else len(ptext) + 1
    default = role_of(category)
    out: list[Target] = []
    k = 0  # the first sentence that does not end before the current quantity
    for t in _scan(ptext, fast):
        ts, te = span(base + t.start, base + t.end)
        while k < len(sentences) and sentences[k].end <= ts:
            k += 1
        role = default
        if k < len(sentences) and sentences[k].start <= ts:
            role = role_of(sentences[k].category) or default
        if t.start >= head_at and not t.average:
            role = "target"
        value, high, unit = t.value, t.high, t.unit
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
            )
        )
    return out
