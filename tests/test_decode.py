"""Decoding bytes: BOMs, strict candidates ranked by plausibility, clear errors for binary input."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govreport
from govreport.errors import DecodingError
from govreport.normalization.decode import decode, decode_bytes, plausibility

from .conftest import REPORT
from .contract import check_report

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


# ---------------------------------------------------------------- a few bad bytes (#17, #21)

UTF8 = REPORT.encode("utf-8")
CUT = UTF8.index("主要".encode())  # a byte offset at the start of a character, mid-report


def _parsed(data: bytes) -> govreport.Report:
    """``data`` parsed, held to the contract over the text it decoded to."""
    report = govreport.parse(data)
    check_report(decode_bytes(data)[0], report)
    return report


def _decoding(report: govreport.Report) -> list[str]:
    return [d.message.split(":")[0] for d in report.diagnostics if d.code == "decoding"]


@pytest.mark.parametrize("cut", [1, 2])
def test_a_file_cut_mid_character(cut: int) -> None:
    data = UTF8 + "增".encode()[:cut]  # the last character lost its last bytes
    report = _parsed(data)
    assert report.encoding == "utf-8"
    assert _decoding(report) == [f"bytes {len(UTF8)}-{len(UTF8) + cut} ({data[len(UTF8) :].hex(' ')})"]
    text = decode_bytes(data)[0]
    assert text == REPORT + "\ufffd"
    note = next(d for d in report.diagnostics if d.code == "decoding")
    assert (note.start, note.end) == (len(REPORT), len(REPORT) + 1)  # characters of the text


@pytest.mark.parametrize("bad", [b"\xff", b"\xe4\xb8", b"\x80\x80\x80"])
def test_one_to_three_invalid_bytes(bad: bytes) -> None:
    data = UTF8[:CUT] + bad + UTF8[CUT:]
    report = _parsed(data)
    assert report.encoding == "utf-8" and report.sections[1].title == "2025年工作安排"
    text = decode_bytes(data)[0]
    assert text.replace("\ufffd", "") == REPORT  # the rest is intact
    notes = [d for d in report.diagnostics if d.code == "decoding"]
    assert len(notes) == 1 and notes[0].message.startswith(f"bytes {CUT}-{CUT + len(bad)} ")
    assert set(text[notes[0].start : notes[0].end]) == {"\ufffd"}


PASTED = "这一段是从旧系统复制过来的文字。\n"


@pytest.mark.parametrize("copies", [1, 3])
def test_a_pasted_gbk_paragraph_in_utf8_is_read_as_gbk(copies: int) -> None:
    # lines in two encodings are each decoded in their own: nothing is lost to U+FFFD
    data = UTF8 * 3 + PASTED.encode("gbk") * copies + UTF8
    report = _parsed(data)
    assert report.encoding == "utf-8"
    assert decode_bytes(data)[0] == REPORT * 3 + PASTED * copies + REPORT
    (note,) = [d for d in report.diagnostics if d.code == "encoding" and "gb18030" in d.message]
    a, b = 3 * len(UTF8), 3 * len(UTF8) + len(PASTED.encode("gbk")) * copies
    assert note.message.startswith(f"bytes {a}-{b} are gb18030, not utf-8")
    assert decode_bytes(data)[0][note.start : note.end] == PASTED * copies
    assert not [d for d in report.diagnostics if d.code == "decoding"]


def test_a_utf8_paragraph_in_gbk_is_read_as_utf8() -> None:
    gbk = REPORT.encode("gbk")
    data = gbk * 2 + PASTED.encode() + gbk * 2
    assert decode_bytes(data) == (REPORT * 2 + PASTED + REPORT * 2, "gb18030")


def test_one_nul_byte() -> None:
    data = UTF8[:CUT] + b"\x00" + UTF8[CUT:]
    report = _parsed(data)
    assert report.encoding == "utf-8"
    assert _decoding(report) == [f"bytes {CUT}-{CUT + 1} (00)"]
    assert "\x00" not in "".join(p.text for p in report.paragraphs())  # normalised to U+FFFD


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF16_LE])
def test_odd_length_utf16(bom: bytes) -> None:
    data = bom + REPORT.encode("utf-16-le") + b"\x4e"  # one byte of a last character
    report = _parsed(data)
    assert report.encoding == ("utf-16" if bom else "utf-16-le")
    assert _decoding(report) == [f"bytes {len(data) - 1}-{len(data)} (4e)"]
    assert decode_bytes(data)[0] == REPORT + "\ufffd"


@pytest.mark.parametrize("extra", [b"", b"\n"])  # an even and an odd number of bytes after the mark
def test_a_utf16_mark_before_utf8_text(extra: bytes) -> None:
    data = codecs.BOM_UTF16_LE + UTF8 + extra
    report = _parsed(data)
    assert report.encoding == "utf-8" and report.sections[0].title == "2024年工作回顾"
    notes = [d.message for d in report.diagnostics if d.code == "decoding"]
    assert notes == [
        "the input opens with a UTF-16-LE byte-order mark, but the bytes after it are utf-8: "
        "decoded as utf-8, the mark skipped"
    ]


@pytest.mark.parametrize(
    "data",
    [
        UTF8[: len(UTF8) // 2] + bytes(range(256)) + UTF8[len(UTF8) // 2 :],  # binary pasted in
        TEXT.encode("gbk") + TEXT.encode(),  # half GBK, half UTF-8, on one line
        codecs.BOM_UTF8 + UTF8[:100] + b"\xff" * 20,
    ],
)
def test_more_than_a_few_bad_bytes_is_still_an_error(data: bytes) -> None:
    with pytest.raises(DecodingError):
        decode_bytes(data)


@st.composite
def _damaged(draw: st.DrawFn) -> bytes:
    """A report in one encoding with a few bytes changed, cut, inserted, or a mark before it."""
    codec = draw(st.sampled_from(["utf-8", "gb18030", "big5", "utf-16-le", "utf-16-be"]))
    data = bytearray((TRAD if codec == "big5" else REPORT).encode(codec))
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data)))
        byte = draw(st.integers(0, 255))
        draw(st.sampled_from([data.insert, data.__setitem__]))(min(at, len(data) - 1), byte)
    cut = draw(st.integers(0, 3))
    mark = draw(st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE]))
    return mark + bytes(data[: len(data) - cut])


@given(st.one_of(_damaged(), st.binary(max_size=64)))
def test_decoding_damaged_bytes(data: bytes) -> None:
    # a DecodingError or text whose decoding diagnostics point at the characters bad bytes became
    try:
        decoded = decode(data)
    except DecodingError:
        return
    for d in decoded.diagnostics:
        assert d.start is not None and d.end is not None
        if d.code == "encoding":  # lines decoded in another encoding than the rest
            assert "decoded as" in d.message and decoded.text[d.start : d.end].strip()
        else:
            assert d.code == "decoding" and set(decoded.text[d.start : d.end]) <= {"\ufffd", "\x00"}
