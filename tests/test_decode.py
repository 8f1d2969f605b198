"""Decoding bytes: BOMs, strict candidates ranked by plausibility, clear errors for binary input."""

from __future__ import annotations

import codecs

import pytest

import govreport
from govreport.errors import DecodingError
from govreport.normalization.decode import decode_bytes, plausibility

TEXT = "各位代表：现在，我代表市人民政府，向大会报告政府工作，请予审议。全年地区生产总值增长5.5%。"
TRAD = "各位代表：現在，我代表市政府，向大會報告政府工作，請予審議。全年經濟成長率達4.3％。"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("gbk"), "gb18030"),
        (TEXT.encode("gb2312"), "gb18030"),
        (TEXT.encode("gb18030"), "gb18030"),
        (TRAD.encode("big5"), "big5"),
        (TEXT.encode("utf-16"), "utf-16"),  # with its BOM
        (TEXT.encode("utf-16-le"), "utf-16-le"),  # none: the NUL bytes of ASCII give it away
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32"),
    ],
)
def test_encodings_are_recognised(data: bytes, encoding: str) -> None:
    text, enc = decode_bytes(data)
    assert enc == encoding
    assert text in (TEXT, TRAD)


def test_big5_text_is_not_taken_for_gbk() -> None:
    # Big5 bytes often decode as GB18030 too, but into rare characters
    text, enc = decode_bytes(TRAD.encode("big5"))
    assert enc == "big5" and text == TRAD


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 4,  # binary with NULs
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200),
        bytes([0x81, 0x20]) * 200,  # no NULs, but no encoding makes text of it
    ],
)
def test_binary_input_is_a_clear_error(data: bytes) -> None:
    with pytest.raises(DecodingError, match="tried"):
        decode_bytes(data)


def test_the_encoding_is_reported_as_a_diagnostic() -> None:
    report = govreport.parse(TEXT.encode("gbk"))
    assert report.encoding == "gb18030"
    assert [d.message for d in report.diagnostics if d.code == "encoding"] == ["decoded as gb18030"]


def test_plausibility_prefers_common_characters() -> None:
    wrong = TEXT.encode("gbk").decode("big5", errors="replace")  # GBK bytes read as Big5
    assert plausibility(TEXT) > 0.9 > plausibility(wrong)


def test_empty_bytes_decode_to_empty_text() -> None:
    assert decode_bytes(b"") == ("", "utf-8")
