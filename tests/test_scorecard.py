"""Target against outcome across consecutive reports (issue #19)."""

from __future__ import annotations

import csv
import warnings
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govreport
from govreport import Verdict, scorecard
from govreport.io.cli import main
from govreport.scoring import DuplicateReportWarning

from .conftest import ROOT

SHARED = ROOT.parent / "shared" / "corpus"
PAIRS = Path(__file__).parent / "fixtures" / "scorecard" / "pairs.tsv"


def report(year: int, body: str, place: str = "某市") -> govreport.Report:
    return govreport.parse(f"{year}年{place}政府工作报告\n{body}")


def plan(year: int, statement: str, place: str = "某市") -> govreport.Report:
    return report(year, f"二、{year}年工作安排\n主要预期目标是：{statement}。", place)


def review(year: int, sentence: str, place: str = "某市") -> govreport.Report:
    return report(year + 1, f"一、{year}年工作回顾\n{sentence}。", place)


def verdicts(target: str, outcome: str, **kw: object) -> list[tuple[str, str]]:
    rows = scorecard([plan(2024, target), review(2024, outcome)], **kw)  # type: ignore[arg-type]
    return [(r.verdict.value, r.rule) for r in rows]


@pytest.mark.parametrize(
    ("target", "outcome", "verdict"),
    [
        ("地区生产总值增长6%以上", "全年地区生产总值增长6.2%", "met"),  # 以上: at least
        ("地区生产总值增长6%以上", "全年地区生产总值增长5.9%", "missed"),
        ("城镇登记失业率控制在4.5%以内", "城镇登记失业率为4.2%", "met"),  # 以内: at most
        ("城镇登记失业率控制在4.5%以内", "城镇登记失业率为4.8%", "missed"),
        ("地区生产总值增长5%左右", "全年地区生产总值增长4.6%", "met"),  # 左右: within the tolerance
        ("地区生产总值增长5%左右", "全年地区生产总值增长4.4%", "missed"),
        ("地区生产总值增长5%左右", "全年地区生产总值增长7%", "met"),  # beyond it, on the side aimed for
        ("居民消费价格涨幅3%左右", "居民消费价格上涨3.8%", "missed"),  # a ceiling: beyond it upward misses
        ("地区生产总值增长5%—6%", "全年地区生产总值增长5.5%", "met"),  # a range
        ("地区生产总值增长5%—6%", "全年地区生产总值增长6.5%", "missed"),
        ("地区生产总值增长5%", "全年地区生产总值增长5%", "met"),  # no qualifier: a floor
        ("居民消费价格涨幅3%", "居民消费价格上涨2.5%", "met"),  # no qualifier on a ceiling indicator
        ("单位地区生产总值能耗下降3%", "单位地区生产总值能耗下降3.5%", "met"),  # a decrease aims down
        ("单位地区生产总值能耗下降3%", "单位地区生产总值能耗下降2%", "missed"),
        ("单位地区生产总值能耗下降3%", "单位地区生产总值能耗下降幅度为3.2%", "met"),  # no direction: the target's
    ],
)
def test_verdict_by_qualifier(target: str, outcome: str, verdict: str) -> None:
    (got,) = verdicts(target, outcome)
    assert got[0] == verdict, got[1]


def test_tolerance_is_a_keyword() -> None:
    assert verdicts("地区生产总值增长5%左右", "全年地区生产总值增长4.4%", tolerance=1)[0][0] == "met"


def test_no_next_report_and_no_result_are_no_outcome() -> None:
    (row,) = scorecard([plan(2024, "地区生产总值增长5%左右")])
    assert (row.verdict, row.outcome_value) == (Verdict.NO_OUTCOME, None)
    (row,) = scorecard([plan(2024, "地区生产总值增长5%左右"), review(2024, "全年粮食产量稳定")])
    assert row.verdict is Verdict.NO_OUTCOME and "next report" in row.rule


def test_other_governments_and_years_are_not_paired() -> None:
    target = plan(2024, "地区生产总值增长5%左右", place="甲市")
    for other in (
        review(2024, "全年地区生产总值增长5.3%", place="乙市"),
        review(2025, "全年地区生产总值增长5.3%", place="甲市"),
    ):
        rows = [r for r in scorecard([target, other]) if r.year == 2024]
        assert [r.verdict for r in rows] == [Verdict.NO_OUTCOME]


def test_both_sides_keep_their_offsets() -> None:
    t, o = plan(2024, "地区生产总值增长5%左右"), review(2024, "全年地区生产总值增长5.3%")
    t.source, o.source = "2024.txt", "2025.txt"
    (row,) = scorecard([t, o])
    t_text = "2024年某市政府工作报告\n二、2024年工作安排\n主要预期目标是：地区生产总值增长5%左右。"
    o_text = "2025年某市政府工作报告\n一、2024年工作回顾\n全年地区生产总值增长5.3%。"
    assert t_text[row.target_start : row.target_end] == row.target_text
    assert row.outcome_start is not None and row.outcome_end is not None
    assert o_text[row.outcome_start : row.outcome_end] == row.outcome_text
    assert (row.target_document, row.outcome_document) == ("2024.txt", "2025.txt")


def test_two_reports_of_one_government_and_year_are_reported() -> None:
    a, b = plan(2024, "地区生产总值增长5%左右"), plan(2024, "地区生产总值增长6%左右")
    a.source, b.source = "a.txt", "b.txt"
    with pytest.warns(DuplicateReportWarning, match="two reports"):
        rows = scorecard([b, a])
    assert [r.target_document for r in rows] == ["a.txt"]


YEARS = [
    plan(2023, "地区生产总值增长5%左右，城镇登记失业率控制在4.5%以内"),
    review(2023, "全年地区生产总值增长5.2%，城镇登记失业率为4.1%"),
    plan(2025, "地区生产总值增长5%以上，居民消费价格涨幅3%左右"),
    review(2025, "全年地区生产总值增长4.8%，居民消费价格上涨0.5%"),
]


@settings(max_examples=30, deadline=None)
@given(st.permutations(YEARS))
def test_input_order_does_not_change_the_scorecard(reports: list[govreport.Report]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert scorecard(reports) == scorecard(YEARS)


def test_plot_draws_one_axis_per_indicator(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    rows = scorecard(YEARS)
    fig = govreport.plot_scorecard(rows, tmp_path / "card.png")
    data = (tmp_path / "card.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5000
    assert len(fig.axes) == len({r.canonical for r in rows})


def test_plot_draws_the_about_band_with_the_tolerance_the_rows_were_judged_with(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    rows = [r for r in scorecard(YEARS, tolerance=1) if r.target_qualifier == "左右"]
    assert rows
    fig = govreport.plot_scorecard(rows, tmp_path / "card.png", tolerance=1)
    bands = [line.get_ydata() for ax in fig.axes for line in ax.get_lines() if line.get_linewidth() == 6]
    assert bands and all(abs(hi - lo) == 2 for lo, hi in bands)  # ± 1, not the default ± 0.5


def test_cli_writes_csv_and_a_plot(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    folder = tmp_path / "reports"
    folder.mkdir()
    texts = {
        "a.txt": "2023年某市政府工作报告\n二、2023年工作安排\n主要预期目标是：地区生产总值增长5%左右。",
        "b.txt": "2024年某市政府工作报告\n一、2023年工作回顾\n全年地区生产总值增长5.2%。",
    }
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    import io

    out, err = io.StringIO(), io.StringIO()
    status = main(["scorecard", str(folder), "--plot", str(tmp_path / "p.png")], stdout=out, stderr=err)
    rows = list(csv.DictReader(io.StringIO(out.getvalue().lstrip("\ufeff"))))
    assert status == 0, err.getvalue()
    assert (rows[0]["year"], rows[0]["canonical"], rows[0]["verdict"]) == ("2023", "gdp_growth", "met")
    assert (tmp_path / "p.png").stat().st_size > 0
    assert main(["scorecard", str(tmp_path / "missing.txt")], stdout=io.StringIO(), stderr=io.StringIO()) == 1


def test_cli_scorecard_reports_inputs_as_the_main_command_does(tmp_path: Path) -> None:
    import io

    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    err = io.StringIO()
    assert main(["scorecard", str(tmp_path / "empty.txt")], stdout=io.StringIO(), stderr=err) == 0
    assert "empty.txt: warning:" in err.getvalue()  # the same warning line as python -m govreport


# ---------------------------------------------------------------- the hand-read development series


def _pairs() -> list[dict[str, str]]:
    with PAIRS.open(encoding="utf-8") as f:
        return [row for row in csv.DictReader(f, delimiter="\t") if row["canonical"] and row["main"] == "yes"]


def _file(name: str) -> Path:
    for folder in (SHARED / "series", SHARED / "raw"):
        if (folder / name).is_file():
            return folder / name
    return SHARED / "series" / name


@pytest.fixture(scope="module")
def series_rows() -> list[govreport.ScorecardRow]:
    if not (SHARED / "series").is_dir():
        pytest.skip("development series not present")
    files = sorted({_file(r[k]) for r in _pairs() for k in ("target_file", "outcome_file") if r[k]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return scorecard(govreport.parse_file(f) for f in files)


@pytest.mark.parametrize(
    "gold", _pairs(), ids=lambda r: f"{r['jurisdiction']}{r['year']}-{r['canonical']}-{r['target_value']}"
)
def test_scorecard_reproduces_the_hand_read_table(gold: dict[str, str], series_rows) -> None:
    key = (gold["jurisdiction"], gold["year"], gold["canonical"], gold["target_value"])
    found = [
        r
        for r in series_rows
        if (r.jurisdiction, str(r.year), r.canonical) == key[:3]
        and r.target_value == Decimal(gold["target_value"])
        and (r.indicator or "") in gold["target_phrase"]
    ]
    assert len(found) == 1, [r.target_text for r in series_rows if r.year == int(gold["year"])]
    row = found[0]
    assert (row.target_qualifier or "", row.target_unit) == (gold["qualifier"], gold["unit"])
    outcome = None if row.outcome_value is None else row.outcome_value
    assert outcome == (Decimal(gold["outcome_value"]) if gold["outcome_value"] else None)
    assert row.verdict.value == gold["verdict"], row.rule
    assert row.target_text in gold["target_phrase"] or gold["target_phrase"].endswith(row.target_text)


def test_scorecard_has_no_row_the_hand_read_table_lacks(series_rows) -> None:
    """For each government and year the table covers, every scorecard row is one of its rows."""
    gold = _pairs()
    keys = {(g["jurisdiction"], g["year"]) for g in gold}
    table = {(g["jurisdiction"], g["year"], g["canonical"], Decimal(g["target_value"])) for g in gold}
    extra = [
        (r.jurisdiction, r.year, r.canonical, r.target_text)
        for r in series_rows
        if (r.jurisdiction, str(r.year)) in keys
        and (r.jurisdiction, str(r.year), r.canonical, r.target_value) not in table
    ]
    assert extra == []
