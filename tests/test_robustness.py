"""Hostile and broken input (issue #7): never a crash, a hang or lost text."""

from __future__ import annotations

import codecs
import struct
import time
import zlib

import pytest

import govreport
from govreport import GovReportError

from .conftest import REPORT
from .contract import check_report


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\x00" + bytes(range(48)) for _ in range(16))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def _check(text: str) -> govreport.Report:
    report = govreport.parse(text)
    check_report(text, report)
    return report


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        "\u3000\u3000",
        "字",
        "。",
        "一",
        "一、",
        "（",
        "）",
        "#",
        "**",
        "■",
        "没有标点的一段文字没有标点的一段文字没有标点的一段文字",
        "\x00\x00",
        "\ud800abc\udfff",
        "\ufffd" * 50,
        "經濟發展与经济发展混在一起。\n區(qū)委",
    ],
    ids=repr,
)
def test_tiny_and_odd_inputs(text: str) -> None:
    _check(text)


def test_whitespace_only_is_empty_report_with_diagnostic() -> None:
    report = _check(" \n\t\u3000\n")
    assert report.sections == [] and report.preamble is None
    assert "empty" in {d.code for d in report.diagnostics}


def test_numbering_that_skips_is_kept_and_diagnosed() -> None:
    report = _check("一、工作回顾\n全年完成投资。\n三、工作安排\n明年要稳增长。\n")
    assert [s.number for s in report.sections] == [1, 3]
    assert any(d.code.startswith("numbering") for d in report.diagnostics)


def test_numbering_that_restarts_under_a_new_parent() -> None:
    report = _check("一、回顾\n（一）甲\n正文。\n（二）乙\n正文。\n二、安排\n（一）丙\n正文。\n")
    assert [[c.number for c in s.children] for s in report.sections] == [[1, 2], [1]]


def test_eight_deep_nesting() -> None:
    markers = ["第一部分", "第一章", "一、", "（一）", "1.", "（1）", "①", "⑴"]
    text = "\n".join(f"{m}标题{i}\n正文内容第{i}段。" for i, m in enumerate(markers)) + "\n"
    report = _check(text)
    chain = []
    node = report.sections[0] if report.sections else None
    while node is not None:
        chain.append((node.level, node.marker))
        node = node.children[0] if node.children else None
    assert chain == list(enumerate(markers, start=1))


def test_ten_thousand_headings_and_no_body() -> None:
    text = "\n".join(f"（{i}）标题第{i}项" for i in range(1, 10001))
    report = _check(text)
    assert len(report.sections) + (1 if report.preamble else 0) >= 1


def test_body_without_headings() -> None:
    text = "全年完成投资，增长百分之五。" * 200 + "\n" + "今年要继续努力。" * 100
    report = _check(text)
    assert report.sections == [] and report.preamble is not None


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"])
def test_encodings_with_and_without_bom(encoding: str) -> None:
    report = govreport.parse(REPORT.encode(encoding))
    assert [s.title for s in report.sections] == ["2024年工作回顾", "2025年工作安排"]


def test_big5_traditional() -> None:
    trad = "一、過去一年工作回顧\n全年新增就業四萬人，經濟穩定發展。\n二、今年工作安排\n我們要推動經濟發展。\n"
    report = govreport.parse(trad.encode("big5"))
    assert report.encoding == "big5"
    assert report.sections[0].title == "过去一年工作回顾"


def test_utf16_be_with_bom() -> None:
    data = codecs.BOM_UTF16_BE + REPORT.encode("utf-16-be")
    assert govreport.parse(data).sections[0].title == "2024年工作回顾"


@pytest.mark.parametrize(
    "data",
    [_png(), bytes(range(256)) * 8, b"\x00" * 100, b"\xff\xd8\xff\xe0" + bytes(500)],
    ids=["png", "all-bytes", "nuls", "jpeg"],
)
def test_binary_is_a_decoding_error(data: bytes) -> None:
    with pytest.raises(govreport.DecodingError) as info:
        govreport.parse(data)
    assert info.value.tried  # says which encodings were tried
    assert "UTF-8" in str(info.value)


def test_lone_surrogates_survive_json() -> None:
    report = govreport.parse("免责声明\ud800\n正文\udfff。")
    govreport.Report.model_validate_json(report.model_dump_json())


def test_single_long_line_is_linear() -> None:
    small = "全年完成投资增长百分之五" * 5_000  # 60 k characters, one line, no punctuation
    big = small * 5
    t0 = time.perf_counter()
    govreport.parse(small)
    t1 = time.perf_counter()
    report = govreport.parse(big)
    t2 = time.perf_counter()
    assert report.paragraphs() and report.paragraphs()[0].end == len(big)
    assert (t2 - t1) < 12 * (t1 - t0) + 0.5


@pytest.mark.parametrize("unit", ["一", "1", " ", "（一", "主编 赵波 ", "■", "?痹"])
def test_long_runs_of_one_pattern_are_linear(unit: str) -> None:
    small = unit * (20_000 // len(unit))
    big = small * 5
    t0 = time.perf_counter()
    govreport.parse(small)
    t1 = time.perf_counter()
    govreport.parse(big)
    t2 = time.perf_counter()
    assert (t2 - t1) < 12 * (t1 - t0) + 0.5, f"{unit!r}: {t1 - t0:.2f}s -> {t2 - t1:.2f}s for 5x the input"


def test_every_error_is_a_govreport_error() -> None:
    for bad in (12, None, ["一、"], 3.5):
        with pytest.raises(GovReportError):
            govreport.parse(bad)  # type: ignore[arg-type]
