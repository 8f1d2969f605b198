"""Chinese numerals in outline markers: parse, format, and their round trip."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govreport.text.numerals import format_cn, parse_cn, parse_number


@given(st.integers(1, 999))
def test_format_then_parse_is_identity(n: int) -> None:
    assert parse_cn(format_cn(n)) == n


@pytest.mark.parametrize(
    ("text", "value"),
    [("一", 1), ("十", 10), ("十二", 12), ("二十", 20), ("九十九", 99), ("一百零五", 105), ("两", 2), ("〇", 0),
     ("零", 0), ("壹", 1), ("貳", 2), ("參", 3), ("拾", 10), ("二〇二五", 2025)],
)  # fmt: skip
def test_parse_cn(text: str, value: int) -> None:
    assert parse_cn(text) == value


@pytest.mark.parametrize("text", ["", "年", "十十", "一二三十", "百十"])
def test_parse_cn_rejects(text: str) -> None:
    assert parse_cn(text) is None


@pytest.mark.parametrize(("text", "value"), [("12", 12), ("③", 3), ("⑵", 2), ("❷", 2), ("十一", 11)])
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


def test_format_cn_range() -> None:
    with pytest.raises(ValueError, match=r"0\.\.9999"):
        format_cn(10000)
