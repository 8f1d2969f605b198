"""Numbers as reports write them: 16.4亿, 1,200万, 三千, 十六点四, 百分之五, with exact values.

Every value is a :class:`~decimal.Decimal` computed without floats, so 16.4亿 is exactly
1640000000 and never 1639999999.

>>> amount("16.4", "亿"), amount("三千", None), parse_value("十六点四")
(Decimal('1640000000'), Decimal('3000'), Decimal('16.4'))
"""

from __future__ import annotations

from decimal import Context, Decimal, InvalidOperation

from .numerals import DIGITS, parse_cn

#: Magnitude words written between a number and its unit (4万人, 1.3万亿斤, 2.66兆元).
#: Longest first so that 万亿 wins over 万. 兆 is the Taiwan trillion (2.66兆元); the SI
#: mega of 兆瓦 never reaches this table because 兆瓦 is a unit of its own.
MAGNITUDES: dict[str, int] = {
    "万亿": 12,
    "千亿": 11,
    "百亿": 10,
    "十亿": 9,
    "亿": 8,
    "千万": 7,
    "百万": 6,
    "十万": 5,
    "万": 4,
    "兆": 12,
}

#: Plain Chinese digits (no 十/百/千), as used after 点 in 十六点四.
_FRACTION_DIGITS = {c: v for c, v in DIGITS.items() if c in "〇零○一二三四五六七八九"}
#: Section multipliers inside a Chinese numeral: 三万五千, 一亿二千万.
_SECTIONS = (("亿", 8), ("万", 4))
_EXACT = Context(prec=60)

# Numbers are bounded: no quantity in a report has more than 20 digits or a 24-character numeral,
# and the bounds keep the patterns linear on hostile input (a line of 100 000 digits or 一).
ARABIC_NUMBER = r"\d{1,3}(?:,\d{3}){1,6}(?:\.\d{1,10})?|\d{1,20}(?:\.\d{1,10})?"
"""Arabic number, with optional thousands commas (6,000) and decimals."""
CN_NUMBER = (
    "[零〇○一二两三四五六七八九十百千万亿]{0,23}[零〇○一二两三四五六七八九十百千](?:点[零〇○一二三四五六七八九]{1,10})?"
)
"""Chinese numeral that does not end in 万/亿 (those are read as the magnitude)."""


def plain(d: Decimal) -> Decimal:
    """``d`` without exponent or trailing zeros: 1.64E+9 -> 1640000000, 5.50 -> 5.5."""
    if d == d.to_integral_value():
        return d.quantize(Decimal(1), context=_EXACT)
    return d.normalize(context=_EXACT)


def _cn_integer(s: str) -> int | None:
    """Chinese integer with 万/亿 sections (三万五千, 一万亿); ``None`` if not one."""
    if not s:
        return 0
    for char, power in _SECTIONS:
        if char in s:
            head, tail = s.rsplit(char, 1)
            high = _cn_integer(head) if head else 1
            if high is None:
                return None
            if len(tail) == 1 and tail in DIGITS and DIGITS[tail]:
                # colloquial 一万五 = 15000: a lone digit after the section counts in its tenths
                return int(high * 10**power + DIGITS[tail] * 10 ** (power - 1))
            # 一万零五 = 10005: 零 marks a gap of places, it is not a digit of the tail
            low = _cn_integer(tail.lstrip("零〇")) if tail[:1] in ("零", "〇") and len(tail) > 1 else _cn_integer(tail)
            if low is None or low >= int(10**power):
                return None
            return int(high * 10**power + low)
    if len(s) > 1 and all(c in DIGITS for c in s):
        return None  # 二〇二五 or 五六 (five or six): a year or an estimate, not a value
    return parse_cn(s)


def parse_value(s: str) -> Decimal | None:
    """Exact value of an Arabic (1,200.5) or Chinese (一千二百点五) number; ``None`` otherwise.

    >>> parse_value("6,000"), parse_value("三万五千"), parse_value("五六")
    (Decimal('6000'), Decimal('35000'), None)
    """
    s = s.strip()
    if not s:
        return None
    if s[0].isascii():
        try:
            return Decimal(s.replace(",", ""))
        except InvalidOperation:
            return None
    head, _, frac = s.partition("点")
    whole = _cn_integer(head) if head else None
    if whole is None:
        return None
    if not frac:
        return Decimal(whole)
    if any(c not in _FRACTION_DIGITS for c in frac):
        return None
    return Decimal(f"{whole}.{''.join(str(_FRACTION_DIGITS[c]) for c in frac)}")


def scale(value: Decimal, magnitude: str | None) -> Decimal:
    """``value`` times the magnitude word (万, 亿, 万亿, 兆…), exactly."""
    if not magnitude:
        return plain(value)
    return plain(value.scaleb(MAGNITUDES[magnitude], context=_EXACT))


def amount(number: str, magnitude: str | None) -> Decimal | None:
    """Exact value of ``number`` followed by ``magnitude``: ("16.4", "亿") -> 1640000000."""
    value = parse_value(number)
    if value is None:
        return None
    try:
        return scale(value, magnitude)
    except ArithmeticError:  # beyond any real quantity (decimal.InvalidOperation)
        return None
