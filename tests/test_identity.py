"""Which report is it: year and jurisdiction with the rule that decided each (issue #23)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

import govreport
from govreport.text.calendar import five_year_plan
from tests.cases import params

SERIES = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "series"


def _read(report: govreport.Report) -> str:
    lines = [
        f"year: {report.year or '-'} {report.year_source or '-'}",
        f"jurisdiction: {report.jurisdiction or '-'} {report.jurisdiction_source or '-'}",
    ]
    lines += [f"diagnostic: {d.code}" for d in report.diagnostics if d.code == "identity"]
    return "\n".join(lines)


@pytest.mark.parametrize(("text", "expected"), params("identity"))
def test_identity_fixture(text: str, expected: str) -> None:
    assert _read(govreport.parse(text)) == expected


def test_caller_wins_over_the_text() -> None:
    r = govreport.parse("2023年云南省政府工作报告\n各位代表：", year=2024, jurisdiction="昆明市")
    assert (r.year, r.year_source, r.jurisdiction, r.jurisdiction_source) == (2024, "caller", "昆明市", "caller")


def test_wrong_typed_identity_is_a_config_error() -> None:
    with pytest.raises(govreport.ConfigError, match="int"):
        govreport.parse("各位代表：", year="2024")  # type: ignore[arg-type]


def test_file_name_fills_what_the_text_does_not_say(tmp_path: Path) -> None:
    p = tmp_path / "2017_云南省_政府工作报告.txt"
    p.write_text("各位代表：\n一、坚持稳中求进\n继续实施积极的财政政策。", encoding="utf-8")
    r = govreport.parse_file(p)
    assert (r.year, r.year_source, r.jurisdiction, r.jurisdiction_source) == (2017, "file_name", "云南省", "file_name")
    assert r.source == str(p)


def test_the_text_wins_over_the_file_name(tmp_path: Path) -> None:
    p = tmp_path / "2017.txt"
    p.write_text("2023年云南省政府工作报告\n各位代表：", encoding="utf-8")
    r = govreport.parse_file(p)
    assert (r.year, r.year_source) == (2023, "title")
    assert any(d.code == "identity" and "2017" in d.message for d in r.diagnostics)


def test_a_breadcrumb_before_the_title_is_chrome_and_the_title_the_rest() -> None:
    text = "您的位置：首页 > 政务公开 > 2025年某市政府工作报告\n各位代表：\n一、2024年工作回顾\n全市经济稳定。"
    r = govreport.parse(text)
    assert (r.title, r.year, r.jurisdiction) == ("2025年某市政府工作报告", 2025, "某市")
    assert [n.kind for n in r.noise] == ["chrome"]


def test_header_title_is_the_report_title_and_keeps_the_headline_line() -> None:
    text = "标题：2026年某市政府工作报告\n发文单位：某市人民政府\n正文：\n某某在市人代会上作政府工作报告\n各位代表："
    r = govreport.parse(text)
    assert r.title == "2026年某市政府工作报告"
    assert text[r.title_start : r.title_end] == r.title  # type: ignore[misc]
    assert r.preamble is not None
    assert any("作政府工作报告" in p.text for p in r.preamble.paragraphs)


@pytest.mark.parametrize(
    ("n", "first"), [(1, 1953), (2, 1958), (3, 1966), (8, 1991), (11, 2006), (14, 2021), (15, 2026)]
)
def test_five_year_plan_calendar(n: int, first: int) -> None:
    assert five_year_plan(n)[0] == first


def _series() -> list[tuple[str, int, str]]:
    if not (SERIES / "identity.tsv").is_file():
        return []
    with (SERIES / "identity.tsv").open(encoding="utf-8") as f:
        return [(row["file"], int(row["year"]), row["jurisdiction"]) for row in csv.DictReader(f, delimiter="\t")]


@pytest.mark.skipif(not _series(), reason="development series not present")
@pytest.mark.parametrize(("name", "year", "jurisdiction"), _series())
def test_series_identity_from_the_text_alone(tmp_path: Path, name: str, year: int, jurisdiction: str) -> None:
    """Every series file gets its true year and government with the file renamed to no digits."""
    copy = tmp_path / "report.txt"
    shutil.copyfile(SERIES / name, copy)
    r = govreport.parse_file(copy)
    assert (r.year, r.jurisdiction) == (year, jurisdiction)
    assert r.year_source != "file_name"


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("一、2024年工作回顾\n……\n二、2025年工作安排\n……", 2025),
        ("刚刚过去的2023年，我们……", 2024),
        ("回顾2012年的竞选政纲", None),  # 回顾 a year is not the review part of a report
        ("2024-01-04 16:36 新闻", 2024),
        ("没有年份的文字", None),
    ],
)
def test_report_year(text, year):
    assert govreport.parse(text).year == year


def test_report_year_from_a_plan_heading():
    assert govreport.parse("一、2025年工作安排\n今年要稳就业。").year == 2025


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("贵州省省长 李某", "贵州省"),  # the level character 州 inside the name is no level
        ("杭州市市长 王某", "杭州市"),
        ("广西壮族自治区人民政府主席 蓝某", "广西壮族自治区"),
        ("保定市人民政府代市长 李某", "保定市"),
        ("省长王某在省十四届人大四次会议上作政府工作报告", None),  # a sentence, not a speaker line
    ],
)
def test_speaker_line(line: str, place: str | None) -> None:
    r = govreport.parse(f"政府工作报告\n{line}\n各位代表：\n一、过去一年工作回顾\n经济稳中有进。")
    assert r.jurisdiction == place
