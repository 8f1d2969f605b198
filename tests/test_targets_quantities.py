"""Exact numbers: Arabic and Chinese numerals with 万/亿 multipliers parse back to the same Decimal."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govreport.text.numerals import format_cn
from govreport.text.quantities import MAGNITUDES, amount, parse_value, plain


@pytest.mark.parametrize(
    ("number", "magnitude", "expected"),
    [
        ("16.4", "亿", "1640000000"),  # the float trap: 16.4 * 1e8 = 1639999999.9999998
        ("4", "万", "40000"),
        ("1.3", "万亿", "1300000000000"),
        ("2.66", "兆", "2660000000000"),
        ("6,000", "亿", "600000000000"),
        ("0.5", None, "0.5"),
        ("三千", None, "3000"),
        ("两", "万", "20000"),
        ("三万五千", None, "35000"),
        ("一亿二千万", None, "120000000"),
        ("一万五", None, "15000"),  # colloquial: the lone digit counts in thousands
        ("十六点四", "亿", "1640000000"),
        ("一百零五", None, "105"),
    ],
)
def test_amount(number: str, magnitude: str | None, expected: str) -> None:
    assert amount(number, magnitude) == Decimal(expected)
    assert str(amount(number, magnitude)) == expected  # no exponent, no trailing zeros


@pytest.mark.parametrize(
    "number",
    [
        "二〇二五",  # a year written digit by digit
        "五六",  # five or six: an estimate
        "十四五",  # the name of a plan period
        "点五",
        "1.2.3",
        "",
    ],
)
def test_not_a_value(number: str) -> None:
    assert parse_value(number) is None


def _cn(n: int) -> str:
    """Chinese numeral for ``0 <= n < 10**12`` built from 亿/万 sections (with 零 where needed)."""
    if n < 10000:
        return format_cn(n)
    for char, power in (("亿", 8), ("万", 4)):
        if n >= 10**power:
            high, low = divmod(n, 10**power)
            tail = "" if low == 0 else ("零" if low < 10 ** (power - 1) else "") + _cn(low)
            return _cn(high) + char + tail
    raise AssertionError(n)


@given(st.integers(min_value=0, max_value=10**12 - 1))
def test_chinese_integers_round_trip(n: int) -> None:
    assert parse_value(_cn(n)) == n


@given(
    st.integers(min_value=0, max_value=99999),
    st.integers(min_value=0, max_value=99),
    st.sampled_from([None, *MAGNITUDES]),
    st.booleans(),
)
def test_any_rendering_with_any_multiplier(whole: int, cents: int, magnitude: str | None, chinese: bool) -> None:
    value = Decimal(whole) + Decimal(cents) / 100
    if chinese:
        frac = str(cents).rjust(2, "0").rstrip("0")
        digits = "〇一二三四五六七八九"
        text = _cn(whole) + ("点" + "".join(digits[int(c)] for c in frac) if frac else "")
    else:
        text = f"{whole:,}" if whole >= 1000 and cents % 2 else str(whole)
        text += f".{cents:02d}" if cents else ""
    power = MAGNITUDES[magnitude] if magnitude else 0
    assert amount(text, magnitude) == plain(value.scaleb(power))
    assert amount(text, magnitude) == Decimal(str(value)) * 10**power
