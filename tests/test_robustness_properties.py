"""Property tests over arbitrary and report-like input (issue #7).

Whatever the input, ``parse`` raises nothing but ``GovReportError`` and the report
satisfies the lossless span contract of ``tests/contract.py``.
"""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import govreport

from .contract import check_report

_FRAGMENTS = [
    # outline markers in every width and style
    "一、",
    "二、 ",
    "三、",
    "十二、",
    "壹、",
    "貳、",
    "（一）",
    "(二)",
    "（十）",
    "1.",
    "2．",
    "3、",
    "（1）",
    "(2)",
    "①",
    "②",
    "⑴",
    "第一部分",
    "第二章",
    "第三节",
    "一是",
    "二是",
    "第一，",
    "——",
    "# ",
    "## ",
    "**",
    "6 ",
    "附件1",
    "（",
    "三）",
    # body pieces
    "地区生产总值增长5.5%以上",
    "一般公共预算收入增长5%左右",
    "新增就业4万人",
    "全年完成投资16.4亿元",
    "我们也清醒看到",
    "存在的短板和不足",
    "推动高质量发展",
    "多点发力提振消费",
    "2023年",
    "1.5亿元",
    "PM2.5",
    "經濟發展",
    "區(qū)",
    "經(jīng)濟(jì)",
    "(市)",
    "ＧＤＰ增長５％",
    "　",
    "\u00a0",
    # invisible characters, which land at span edges (#21): each is owned or counted as layout
    "\u200b",
    "\u200c",
    "\u200d",
    "\u2060",
    "\ufeff",
    "\u00ad",
    # punctuation and layout
    "。",
    "，",
    "；",
    "！",
    "？",
    "：",
    "“",
    "”",
    "「",
    "」",
    "、",
    "\n",
    "\n\n",
    "\r\n",
    "\f",
    " ",
    "\t",
    # page furniture and debris
    "■图为项目现场",
    "□本报记者 王凯",
    "修相科 摄",
    "主编 赵波",
    "第556期",
    "免责声明",
    "阅读 (51938)",
    "浏览次数4034次",
    ".....",
    "?!痹谝患径瓤己酥?",
    "\ufffd\ufffd",
    "\x00",
    "\ud800",
]

report_like = st.lists(st.sampled_from(_FRAGMENTS), max_size=60).map("".join)
lines_like = st.lists(st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=8).map("".join), max_size=25).map(
    "\n".join
)


def _parse_checked(text: str) -> None:
    try:
        report = govreport.parse(text)
    except govreport.GovReportError:
        return
    check_report(text, report)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
@example("")
@example("\ud800")
@example("一、\n\n")
def test_arbitrary_text(text: str) -> None:
    _parse_checked(text)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(report_like)
def test_report_like_fragments(text: str) -> None:
    _parse_checked(text)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(lines_like)
def test_report_like_lines(text: str) -> None:
    _parse_checked(text)


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
@example(b"\x00\x01\x02")
@example(b"\xff\xfe")
@example("一、工作回顾".encode("utf-16-le"))
def test_arbitrary_bytes(data: bytes) -> None:
    try:
        report = govreport.parse(data)
    except govreport.GovReportError:
        return
    assert report.encoding is not None


@given(lines_like)
def test_json_round_trip_of_any_report(text: str) -> None:
    report = govreport.parse(text)
    assert govreport.Report.model_validate_json(report.model_dump_json()) == report
