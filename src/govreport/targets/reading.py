"""Quantities: growth targets and results with their indicator, value, unit and qualifier.

One compiled pattern finds every number that carries a unit (5.5%, 4万人, 三千亩, 3―5所,
百分之五); the words around it give the rest, each from a table below:

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
from functools import cache, lru_cache
from typing import Literal, NamedTuple

import regex

from ..models import Category, Direction, Sentence, Target, new_target
from ..text.quantities import ARABIC_NUMBER, CN_NUMBER, MAGNITUDES, amount, parse_value, plain
from ..text.units import LEADING_QUALIFIERS, PER_UNITS, TRAILING_QUALIFIERS, UNIT_GUARDS, UNITS, Hardness, words

SpanFn = Callable[[int, int], tuple[int, int]]


def _stdlib(pattern: str) -> re.Pattern[str]:
    """Compile for stdlib ``re`` (2-3x faster than ``regex`` on these patterns) keeping
    ``regex``'s meaning of a bare ``\\s``: Unicode White_Space, without the separators
    U+001C-U+001F that ``str.isspace`` adds. Only for patterns without ``\\s`` in a class."""
    return re.compile(pattern.replace(r"\s", r"[^\S\x1c-\x1f]"))


def _ranges(codes: Iterable[int]) -> Iterator[tuple[int, int]]:
    """Runs of consecutive code points: (first, last) each."""
    run: list[int] = []
    for c in codes:
        if run and c == run[1] + 1:
            run[1] = c
        else:
            if run:
                yield run[0], run[1]
            run = [c, c]
    if run:
        yield run[0], run[1]


def _maybe(pattern: str) -> str:
    """``pattern`` made optional as ``(?:pattern|)``: the same matches as ``(?:pattern)?``, but
    stdlib re opens no repeat context for it, whose bookkeeping every later step pays for."""
    return f"(?:{pattern}|)"


def _alt(words: Iterable[str]) -> str:
    """Regex alternation of ``words``, longest first so that 个百分点 wins over 个."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


_MAG = _alt(MAGNITUDES)
_UNIT_ONE = "|".join(
    f"{regex.escape(u)}(?![{UNIT_GUARDS[u]}])" if u in UNIT_GUARDS else regex.escape(u)
    for u in sorted(UNITS, key=len, reverse=True)
)
_UNIT = rf"(?:{_UNIT_ONE})(?![A-Za-z])" + _maybe(rf"/{_maybe(_MAG)}(?:{_alt(PER_UNITS)})")
_NUM = rf"(?:{ARABIC_NUMBER}|{CN_NUMBER})"
_RANGE_SEP = r"[-‐‑–—―~～]{1,2}|至|到"

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
_NOUN_DIRECTIONS = frozenset(words("涨幅 增速 增幅 增长率 年增率 降幅"))
_VERB_DIRECTIONS = tuple(d for d in DIRECTIONS if d not in _NOUN_DIRECTIONS)

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
    "平均为 分别为 拟按 拟安排 安排 拟 按 为 是 在 分别 平均 年均 同比 实际 名义 比上年 较上年 "
    "累计 总计 合计 共 近 逾 超 已 将 要 可 再 的 由 从 之 达"
)
#: Verbs that take the quantity as object; alone they are no indicator (建设15个以上共享工厂).
OBJECT_VERBS = words(
    "新增 增加 建设 新建 建成 引进 新引进 签约 新签约 实施 完成 创造 打造 培育 开工 新开工 竣工 新竣工 "
    "创建 打通 改造 汰换 提供 发行 安排 投入 培训 帮扶 吸引 落地 开展 招引 开通 带来 拉动 撬动 形成 建 增 新 推动"
)
#: Manner adverbs before such a verb: 高质量完成25.6万亩高标准农田新建改造任务.
MANNER = words("高质量 高标准 高水平 加快 全力 大力 积极 稳步 有序 持续 全面 再 累计 共 首批 首期 分批")
#: Conjunctions that end the phrase before a quantity (6,000亿元投资及约4万个就业机会).
#: They are only read as such right after another quantity: 普及率 and 参与度 keep theirs.
_CONJ = "及和与并或"
#: What ends the phrase before a quantity; searched in reverse ((?r)) for the nearest one.
_CLAUSE_BREAK = regex.compile(r"(?r)[，,、；;。：:！？!?\n（）()“”「」《》\[\]【】\s\d%]")
#: regex's ``\s`` (Unicode White_Space) as a class for stdlib ``re``, whose ``\s`` adds U+001C-U+001F
_WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
#: ``_CLAUSE_BREAK`` for stdlib ``re``, searched forward in the reversed text (three times faster);
#: for text within the BMP, where both modules' ``\d`` agree
_CLAUSE_BREAK_REVERSED = re.compile(_CLAUSE_BREAK.pattern.replace("(?r)", "").replace(r"\s", _WHITE_SPACE))
#: A run starting with one of these follows a number's date or counter: 2028年可新增…, 3年内创造….
_AFTER_DIGITS = re.compile(r"[年月日底前内起后末初]+")
_FRAMING_RE = re.compile(rf"^(?:{_alt(FRAMING)})+")
_VERB_ONLY = re.compile(rf"^(?:{_alt(MANNER)})*(?:{_alt(OBJECT_VERBS)})+$")
_TAIL = _stdlib(
    rf"(?P<dir>{_alt(_VERB_DIRECTIONS)})?(?:近|逾)?(?P<lead>{_alt(LEADING_QUALIFIERS)})?"
    rf"(?P<dir2>{_alt(_VERB_DIRECTIONS)})?\s?(?:[A-Z]{{2,5}}\s?)?\s?$"
)
#: The longest text ``_TAIL`` can match (plus one for ``$`` before a final newline): it is
#: searched in that many characters at the end of the phrase, which finds the same match.
_TAIL_REACH = 2 * max(map(len, _VERB_DIRECTIONS)) + 1 + max(map(len, LEADING_QUALIFIERS)) + 1 + 6 + 1 + 1
_GAP = _stdlib(r"\s?[A-Z]{2,5}\s?$|\s$")
_GAP_REACH = 8  # \s?[A-Z]{5}\s? and a final newline
_AFTER = regex.compile(rf"\s?(?P<run>[\p{{Han}}A-Za-z][^，,、；;。：:！？!?\n（）()“”「」《》\d{_CONJ}]*)")

#: A yearly average over a plan period (年均增长5%左右), not 年均浓度 (an annual mean level).
_AVERAGE = re.compile(r"年均(?:增长|增速|增幅|递增|下降|降低|降幅|提高)")
#: Anchors of this year's target list: quantities after one, in its paragraph, are targets.
ANCHORS = re.compile(r"主要(?:预期)?目标(?:是|为)|预期目标(?:是|为)")

# Two lookaheads only skip what would fail anyway (a quantity's match is unchanged, and found in
# half the time): the larger magnitude of 4兆8,530亿元 follows the whole run of digits, commas
# and points; a range separator stands within _RANGE_REACH characters (magnitude, unit, space),
# none of them a separator character.
_BIG_AHEAD = rf"(?=[\d,.]++[{''.join(sorted({m[0] for m in MAGNITUDES}))}])"
_RANGE_SEP_CHARS = "\\-‐‑–—―~～至到"  # the first characters of _RANGE_SEP
_MAG_LEN = max(map(len, MAGNITUDES))
_UNIT_LEN = max(map(len, UNITS)) + len("/") + _MAG_LEN + max(map(len, PER_UNITS))  # 58万元/百亿元
_RANGE_REACH = _MAG_LEN + _UNIT_LEN + 1  # magnitude, unit, a space: 14 characters
_RANGE_AHEAD = rf"(?=[^{_RANGE_SEP_CHARS}]{{0,{_RANGE_REACH}}}+[{_RANGE_SEP_CHARS}])"
_QUANTITY_PATTERN = (
    r"(?<![\dA-Za-z.,+/第数几余])(?<!\d[万亿兆])"
    rf"(?:百分之(?P<pnum>{_NUM})"
    + _maybe(rf"(?:至|到)百分之(?P<phigh>{_NUM})")
    # 4兆8,530亿元, 5万6,566元: a larger magnitude written before the number proper
    + "|"
    + _maybe(rf"{_BIG_AHEAD}(?P<big>{ARABIC_NUMBER})(?P<bigmag>{_MAG})")
    + rf"(?P<num>{_NUM})"
    + _maybe(rf"{_RANGE_AHEAD}{_maybe(_MAG)}{_maybe(_UNIT)}\s?(?:{_RANGE_SEP})\s?(?P<high>{_NUM})")
    + rf"\s?{_maybe(f'(?P<mag>{_MAG})')}\s?(?P<unit>{_UNIT}))"
    + _maybe(rf"(?P<qual>{_alt(TRAILING_QUALIFIERS)})")
)
# tried only where _QUANTITY_START finds a character a quantity can start with (see _quantities);
# text with characters beyond the BMP goes to regex, whose \d knows the newest digit blocks
_QUANTITY = _stdlib(_QUANTITY_PATTERN)
#: Characters a quantity starts with: an Arabic digit, a Chinese numeral (CN_NUMBER) or 百 of 百分之.
_QUANTITY_START_PATTERN = "[\\d零〇○一二两三四五六七八九十百千万亿]"
#: stdlib ``\d`` (str.isdecimal) spelled out as ranges of the BMP: a class of ranges alone is
#: tested in one table lookup, ``\d`` by a Unicode database call per character scanned
_BMP_DIGITS = "".join(f"{chr(a)}-{chr(b)}" for a, b in _ranges(c for c in range(0x10000) if chr(c).isdecimal()))
_QUANTITY_START = re.compile(_QUANTITY_START_PATTERN.replace("\\d", _BMP_DIGITS))


@cache
def _wide() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """``_QUANTITY_START`` and ``_QUANTITY`` compiled by regex, on first use (6 ms)."""
    return regex.compile(_QUANTITY_START_PATTERN), regex.compile(_QUANTITY_PATTERN)


#: A character beyond the BMP (``max(text) > "\uffff"``, a tenth of the time).
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")

#: Sentence ends: a quantity's sentence starts after the last one before it.
_SENTENCE_END = re.compile("[。！？；;!?\n]")

# _strip's tables, in the order it tries them: the first word (in table order) that ends the
# phrase is stripped, so each suffix keeps the rank of its first table entry
_STRIP_RANK: dict[str, int] = {}
for _rank, _word in enumerate((*LINKS, *_VERB_DIRECTIONS, *LEADING_QUALIFIERS)):
    _STRIP_RANK.setdefault(_word, _rank)
_STRIP_LENGTHS = sorted({len(w) for w in _STRIP_RANK})
_STRIP_WHOLE = frozenset((*LINKS, *LEADING_QUALIFIERS, *DIRECTIONS))
_FRAMING_FIRST = frozenset(w[0] for w in FRAMING)


class RawTarget(NamedTuple):
    """A quantity found in normalised text (positions in normalised coordinates).

    A named tuple: immutable like a frozen dataclass, and built in a third of the time.
    """

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


def _strip(phrase: str) -> str:
    """Drop framing words at the start and link / direction verbs at the end.

    >>> _strip("今年力争生产总值比上年增长")
    '生产总值'
    """
    prev = None
    while prev != phrase:
        prev = phrase
        if phrase and phrase[0] in _FRAMING_FIRST:
            framing = _FRAMING_RE.match(phrase)
            if framing:
                phrase = phrase[framing.end() :]
        rank = cut = 0
        for k in _STRIP_LENGTHS:  # one word at the end, never the whole phrase
            if k >= len(phrase):
                break
            r = _STRIP_RANK.get(phrase[-k:])
            if r is not None and (not cut or r < rank):
                rank, cut = r, k
        if cut:
            phrase = phrase[:-cut]
        elif phrase in _STRIP_WHOLE:
            phrase = ""
    return phrase


def _before(text: str, pos: int, floor: int = 0, reverse: str | None = None) -> tuple[int, str]:
    """Start and text of the phrase before ``pos`` up to the clause break (not before ``floor``).

    ``reverse`` is ``text[::-1]`` for text within the BMP: the break is then found by stdlib ``re``.
    """
    start = pos
    # 国防预算达 GDP 3%: a ratio base between verb and number
    end = text[pos - 1] if pos > floor else ""  # a gap ends in a space or a capital letter
    gap = _GAP.search(text, max(floor, pos - _GAP_REACH), pos) if end.isspace() or "A" <= end <= "Z" else None
    if gap:
        start = gap.start()
    if start <= floor:
        start = floor
    elif reverse is None:
        brk = _CLAUSE_BREAK.search(text, floor, start)
        start = brk.end() if brk else floor
    else:  # the last break before start is the first after len - start in the reversed text
        n = len(text)
        rbrk = _CLAUSE_BREAK_REVERSED.search(reverse, n - start, n - floor)
        start = n - rbrk.start() if rbrk else floor
    if start == floor and floor > 0:
        # right after the previous quantity: 6,000亿元投资及约4万个就业机会
        cut = max(text.rfind(c, start, pos) for c in _CONJ)
        start = cut + 1 if cut >= 0 else start
    stub = _AFTER_DIGITS.match(text, start, pos) if start > 0 and text[start - 1].isdigit() else None
    if stub:
        start = stub.end()
    return start, text[start:pos]


def _tail(before: str) -> re.Match[str] | None:
    return _TAIL.search(before, max(0, len(before) - _TAIL_REACH))


class _Phrase(NamedTuple):
    """What the phrase before a quantity says, whatever surrounds it (see :func:`_read`)."""

    direction: Direction | None
    lead: str | None  # a leading qualifier: 不低于, 力争
    core: str  # the phrase stripped of framing words, links and the verb ("" if nothing is left)
    named: bool  # the core names the indicator (it is not empty nor a bare verb)
    average: bool  # 年均增长: a yearly average


@lru_cache(maxsize=4096)
def _read(before: str) -> _Phrase:
    """Direction, leading qualifier and indicator core of the phrase ``before`` a quantity.

    A pure function of the phrase, cached: reports repeat their phrases (比上年增长, 新增就业).

    >>> _read("今年力争生产总值比上年增长")
    _Phrase(direction='increase', lead=None, core='生产总值', named=True, average=False)
    """
    tail = _tail(before)
    dir_word = (tail.group("dir2") or tail.group("dir")) if tail else None
    core = _strip((before[: tail.start()] if tail else before).strip())
    return _Phrase(
        direction=DIRECTIONS.get(dir_word or "") or _noun_direction(before),
        lead=tail.group("lead") if tail else None,
        core=core,
        named=bool(core) and not _VERB_ONLY.match(core),
        average="年均" in before and _AVERAGE.search(before) is not None,
    )


def _value(number: str) -> Decimal | None:
    """``amount(number, None)``: at once for ASCII digits (already exact), else cached."""
    if number.isdigit() and number.isascii() and len(number) <= 20:
        return Decimal(number)
    return _amount(number)


@lru_cache(maxsize=4096)
def _amount(number: str) -> Decimal | None:
    """``amount(number, None)``, cached: the same few numbers recur (5.5%, 1.8%, 十六点四)."""
    return amount(number, None)


@lru_cache(maxsize=4096)
def _bound(number: str) -> Decimal | None:
    """``parse_value(number)``, cached: the upper bound of a range, as written (5.50 stays 5.50)."""
    return parse_value(number)


#: A quantity's value fields, read once from its match:
#: (value, high, unit, magnitude, trailing qualifier), or ``None`` for a number that is not a quantity.
_Number = tuple[Decimal, Decimal | None, str, str | None, str | None]
#: The groups of ``_QUANTITY`` in the order ``Match.groups()`` gives them (a test checks it).
_GROUPS = ("pnum", "phigh", "big", "bigmag", "num", "high", "mag", "unit", "qual")
#: Chinese numerals a quantity may start with (CN_NUMBER): one alone is an enumeration (三所).
_CN_ONE = frozenset("零〇○一二两三四五六七八九十百千")


def _number(m: re.Match[str] | regex.Match[str]) -> _Number | None:
    """Value, upper bound, unit, magnitude and qualifier of the quantity ``m``; ``None`` if it is none."""
    pnum, phigh, big, bigmag, number, high_s, mag, unit, qual = m.groups()
    if pnum:
        number, high_s, mag, unit = pnum, phigh, None, "%"
    else:
        unit = unit.strip()
        if len(number) == 1 and not mag and number in _CN_ONE and _unit_kind(unit) == "count":
            return None  # 六个方面, 两个确立, 三所: rhetorical enumerations, not quantities
    value = _value(number)
    if value is None:
        return None
    if big:
        shift = MAGNITUDES[bigmag] - MAGNITUDES.get(mag or "", 0)
        if shift <= 0 or value >= 10**shift:
            return None  # 3万5亿: not one number
        value = plain(value + Decimal(big.replace(",", "")).scaleb(shift))
    return value, _bound(high_s) if high_s else None, unit, mag, qual


def _unit_kind(unit: str) -> str:
    return UNITS.get(unit.split("/")[0], "measure")


#: A quantity as :func:`_scan` yields it: the fields of :class:`RawTarget` (start and end in
#: ``text``) and the matched text.
_Found = tuple[
    str | None,
    Direction | None,
    Decimal,
    Decimal | None,
    str,
    str | None,
    str | None,
    Hardness | None,
    bool,
    int,
    int,
    str,
]


def find(text: str, base: int = 0) -> list[RawTarget]:
    """Quantities in ``text``; ``base`` is added to every position.

    >>> [(t.indicator, t.value, t.high, t.unit) for t in find("新增省级特色高中3―5所，“十四五”时期建设5号线")]
    [('新增省级特色高中', Decimal('3'), Decimal('5'), '所')]
    """
    return [RawTarget(*q[:9], start=base + q[9], end=base + q[10]) for q in _scan(text)]


def _scan(text: str) -> Iterator[_Found]:
    """The quantities of ``text`` with everything :func:`find` reports about them."""
    sentence_start = 0
    previous: str | None = None
    floor = 0  # the phrase before a quantity never reaches into the previous one
    ends: list[int] | None = None
    quotes: list[tuple[str, str]] | None = None  # the quotation marks the text holds
    cues: list[tuple[str, Hardness]] | None = None  # the hardness cues the text holds
    wide = _ASTRAL.search(text) is not None
    reverse: str | None = None  # the text reversed, for _before
    for m in _quantities(text, wide):
        number = _number(m)
        if number is None:
            continue
        value, high, unit, mag, qual = number
        start, end = m.span()
        if quotes is None:
            quotes = [pair for pair in _QUOTES if pair[0] in text]
        if quotes and _inside_short_quote(text, start, end, quotes):
            continue  # “3+N”, “两个一百年”: a name in quotation marks
        if ends is None:
            ends = [e.start() for e in _SENTENCE_END.finditer(text)]
        i = bisect_left(ends, start)
        cut = ends[i - 1] if i else -1
        if cut + 1 > sentence_start:
            sentence_start, previous = cut + 1, None
        if reverse is None and not wide:
            reverse = text[::-1]
        before = _before(text, start, floor, reverse)[1]
        floor = end
        phrase = _read(before)
        qualifier = qual or phrase.lead
        hardness: Hardness | None
        if qualifier:
            hardness = _QUALIFIER_HARDNESS[qualifier]
        elif high is not None:
            hardness = "soft"  # a range is a corridor, not a floor
        else:
            if cues is None:
                cues = [cue for cue in HARDNESS_CUES.items() if cue[0] in text]
            # cues (确保, 力争) govern their own clause: look back a clause's length at most,
            # which also keeps a sentence without punctuation linear
            hardness = _hardness(cues, text[max(sentence_start, start - _CLAUSE) : start]) if cues else None
        if phrase.named:
            indicator: str | None = phrase.core
        else:
            indicator = _indicator(text, start, end, phrase.core, sentence_start) or previous
        previous = indicator
        yield (
            indicator,
            phrase.direction,
            value,
            high,
            unit,
            mag,
            qualifier,
            hardness,
            phrase.average,
            start,
            end,
            m.group(),
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


def _quantities(text: str, wide: bool | None = None) -> Iterator[re.Match[str] | regex.Match[str]]:
    """``_QUANTITY.finditer(text)``, trying the pattern only where a number can start.

    ``wide`` says whether ``text`` holds a character beyond the BMP (looked up if not given).
    """
    if _ASTRAL.search(text) if wide is None else wide:
        start_re, quantity_re = _wide()
        start, quantity = start_re.search, quantity_re.match
    else:
        start, quantity = _QUANTITY_START.search, _QUANTITY.match  # type: ignore[assignment]
    pos = 0
    while True:
        c = start(text, pos)
        if c is None:
            return
        m = quantity(text, c.start())
        if m is None:
            pos = c.start() + 1
        else:
            yield m
            pos = m.end()


def _noun_direction(before: str) -> Direction | None:
    for word in _NOUN_DIRECTIONS:
        if before.endswith(word):
            return DIRECTIONS[word]
    return None


#: how far back a hardness cue may stand from its number (a long clause)
_CLAUSE = 40
#: a quantity's qualifier decides its hardness
_QUALIFIER_HARDNESS: dict[str, Hardness] = {**TRAILING_QUALIFIERS, **LEADING_QUALIFIERS}


def _hardness(cues: Iterable[tuple[str, Hardness]], context: str) -> Hardness | None:
    """The hardness of the first of ``cues`` (in table order) that ``context`` holds."""
    for cue, hardness in cues:
        if cue in context:
            return hardness
    return None


#: quotation marks around a slogan: (open, close)
_QUOTES = (("“", "”"), ("「", "」"), ('"', '"'))


def _inside_short_quote(text: str, start: int, end: int, quotes: Iterable[tuple[str, str]] = _QUOTES) -> bool:
    """Whether ``[start, end)`` sits in a quotation of at most 8 characters (a slogan)."""
    lo = start - 8 if start > 8 else 0
    for open_, close in quotes:
        left = text.rfind(open_, lo, start)
        if left < 0 or close in text[left + 1 : start]:
            continue
        right = text.find(close, end, end + 8)
        if right >= 0 and right - left <= 9:
            return True
    return False


def _role(category: Category | None) -> Literal["target", "result"] | None:
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
) -> list[Target]:
    """Targets of a paragraph at normalised offset ``base``; ``span`` maps to the original.

    The role comes from the category of the sentence holding the quantity (``sentences``,
    in original offsets), else from the paragraph's ``category``; quantities after a
    主要预期目标是… anchor are targets whatever the sentence looks like.
    """
    anchor = ANCHORS.search(ptext) if "目标" in ptext else None  # every anchor holds 目标
    anchor_at = anchor.end() if anchor else len(ptext) + 1
    default = _role(category)
    roles: list[tuple[int, int, Literal["target", "result"] | None]] | None = None  # per sentence
    out: list[Target] = []
    for indicator, direction, value, high, unit, mag, qualifier, hardness, average, start, end, text in _scan(ptext):
        ts, te = span(base + start, base + end)
        if roles is None:
            roles = [(s.start, s.end, _role(s.category) or default) for s in sentences]
        role = default
        for s_start, s_end, s_role in roles:
            if s_start <= ts < s_end:
                role = s_role
                break
        if start >= anchor_at and not average:
            role = "target"
        if mag:
            if base_units:
                value = amount(str(value), mag) or value
                high = amount(str(high), mag) if high is not None else None
            else:
                unit = mag + unit
        out.append(
            new_target(
                ts,
                te,
                indicator=indicator,
                direction=direction,
                value=value,
                high=high,
                unit=unit,
                qualifier=qualifier,
                hardness=hardness,
                role=role,
                average=average,
                text=text,
            )
        )
    return out
