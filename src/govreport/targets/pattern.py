"""The quantity pattern: a number with its unit (5.5%, 4万人, 三千亩, 3―5所, 百分之五), and its value.

>>> [m.group() for m in quantities("增长5.5%以上，新增就业4万人，“十四五”")]
['5.5%以上', '4万人']
>>> [number(m) for m in quantities("新建3―5所，4兆8,530亿元")]
[(Decimal('3'), Decimal('5'), '所', None, None), (Decimal('48530'), None, '元', '亿', None)]
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import cache, lru_cache

import regex

from ..text.quantities import ARABIC_NUMBER, CN_NUMBER, MAGNITUDES, amount, parse_value, plain
from ..text.units import PER_UNITS, TRAILING_QUALIFIERS, UNIT_GUARDS, UNIT_KINDS


def stdlib(pattern: str) -> re.Pattern[str]:
    """Compile for stdlib ``re`` (2-3x faster than ``regex`` on these patterns) keeping
    ``regex``'s meaning of a bare ``\\s``: Unicode White_Space, without the separators
    U+001C-U+001F that ``str.isspace`` adds. Only for patterns without ``\\s`` in a class."""
    return re.compile(pattern.replace(r"\s", r"[^\S\x1c-\x1f]"))


def alt(words: Iterable[str]) -> str:
    """Regex alternation of ``words``, longest first so that 个百分点 wins over 个."""
    return "|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True))


MAGNITUDE = alt(MAGNITUDES)
#: One unit of :data:`UNIT_KINDS`, not followed by what would make it another word (3个月).
UNIT_ONE = "|".join(
    f"{regex.escape(u)}(?![{UNIT_GUARDS[u]}])" if u in UNIT_GUARDS else regex.escape(u)
    for u in sorted(UNIT_KINDS, key=len, reverse=True)
)
#: A unit, compound ones included: 58万元/人, 29微克/立方米.
UNIT = rf"(?:{UNIT_ONE})(?![A-Za-z])(?:/(?:{MAGNITUDE})?(?:{alt(PER_UNITS)}))?"
NUMBER = rf"(?:{ARABIC_NUMBER}|{CN_NUMBER})"
#: What joins the bounds of a range: 3―5所, 5%—6%, 6.5%－7% (the full-width minus), 5至6.
RANGE_SEP = r"[-‐‑–—―~～－]{1,2}|至|到"

# The first lookahead only skips a branch that would fail anyway (the match is unchanged, and
# found in half the time): the larger magnitude of 4兆8,530亿元 follows the whole run of digits,
# commas and points.
_BIG_AHEAD = rf"(?=[\d,.]++[{''.join(sorted({m[0] for m in MAGNITUDES}))}])"
#: A magnitude with no unit, made a quantity by its qualifier: 游客1000万以上.
_BARE = rf"(?<=[{''.join(sorted({m[-1] for m in MAGNITUDES}))}])(?=以上|左右|以内|以下)"
QUANTITY_PATTERN = (
    # not inside a number, a code or a counter (第3批, 数十家); 人数1000人 is a count of people
    r"(?<![\dA-Za-z.,+/第几余])(?<!(?<!人)数)(?<!\d[万亿兆])"
    # 百分之五至百分之六, and 百分之八至九 with the second 百分之 left out
    rf"(?:百分之(?P<pnum>{NUMBER})(?:(?:至|到)(?:百分之)?(?P<phigh>{NUMBER}))?"
    # 4兆8,530亿元, 5万6,566元: a larger magnitude written before the number proper
    rf"|(?:{_BIG_AHEAD}(?P<big>{ARABIC_NUMBER})(?P<bigmag>{MAGNITUDE}))?"
    rf"(?P<num>{NUMBER})"
    rf"(?:(?:{MAGNITUDE})?(?:{UNIT})?\s?(?:{RANGE_SEP})\s?(?P<high>{NUMBER}))?"
    rf"\s?(?P<mag>{MAGNITUDE})?\s?(?:(?P<unit>{UNIT})|{_BARE}))"
    rf"(?P<qual>{alt(TRAILING_QUALIFIERS)})?"
)
#: The quantity pattern for text within the BMP (see :func:`quantities`).
QUANTITY = stdlib(QUANTITY_PATTERN)
#: Characters a quantity starts with: an Arabic digit, a Chinese numeral (CN_NUMBER) or 百 of 百分之.
QUANTITY_START = re.compile("[\\d零〇○一二两三四五六七八九十百千万亿]")


@cache
def _wide() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """``QUANTITY_START`` and ``QUANTITY`` compiled by regex, on first use (6 ms)."""
    return regex.compile(QUANTITY_START.pattern), regex.compile(QUANTITY_PATTERN)


#: A character beyond the BMP: such text goes to regex, whose ``\d`` knows the newest digit blocks.
ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def quantities(text: str, wide: bool | None = None) -> Iterator[re.Match[str] | regex.Match[str]]:
    """The matches of the quantity pattern in ``text``, tried only where a number can start.

    ``wide`` says whether ``text`` holds a character beyond the BMP (looked up if not given).
    """
    if ASTRAL.search(text) if wide is None else wide:
        start_re, quantity_re = _wide()
        start, quantity = start_re.search, quantity_re.match
    else:
        start, quantity = QUANTITY_START.search, QUANTITY.match  # type: ignore[assignment]
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


#: The groups of :data:`QUANTITY_PATTERN` in their order: :func:`number` reads them all at once with
#: ``Match.groups()`` (a third of the work of naming them; a test checks the order).
GROUPS = ("pnum", "phigh", "big", "bigmag", "num", "high", "mag", "unit", "qual")
#: A quantity's value fields, read from its match: (value, high, unit, magnitude, trailing qualifier).
Number = tuple[Decimal, Decimal | None, str, str | None, str | None]
#: Chinese numerals a quantity may start with (CN_NUMBER): one alone is an enumeration (三所).
_CN_ONE = frozenset("零〇○一二两三四五六七八九十百千")


def number(m: re.Match[str] | regex.Match[str]) -> Number | None:
    """Value, upper bound, unit, magnitude and qualifier of the quantity ``m``; ``None`` if it is none."""
    pnum, phigh, big, bigmag, num, high_s, mag, unit, qual = m.groups()  # in the order of GROUPS
    if pnum:
        num, high_s, mag, unit = pnum, phigh, None, "%"
    else:
        unit = (unit or "").strip()
        if len(num) == 1 and not mag and num in _CN_ONE and unit_kind(unit) == "count":
            return None  # 六个方面, 两个确立, 三所: rhetorical enumerations, not quantities
    value = _amount(num)
    if value is None:
        return None
    if big:
        shift = MAGNITUDES[bigmag] - MAGNITUDES.get(mag or "", 0)
        if shift <= 0 or value >= 10**shift:
            return None  # 3万5亿: not one number
        value = plain(value + Decimal(big.replace(",", "")).scaleb(shift))
    return value, parse_value(high_s) if high_s else None, unit, mag, qual


@lru_cache(maxsize=4096)
def _amount(num: str) -> Decimal | None:
    """``amount(num, None)``, cached: the same few numbers recur (5.5%, 1.8%, 十六点四)."""
    return amount(num, None)


@cache
def unit_kind(unit: str) -> str:
    """The kind of ``unit`` (:data:`UNIT_KINDS`); a compound unit has its numerator's kind.

    Cached: a report's quantities use a few dozen units, each asked for two or three times.
    """
    return UNIT_KINDS.get(unit.split("/")[0], "measure")
