"""Flat tables: to_records rows, to_dataframe, Stata export, the Spark schema (issue #9)."""

from __future__ import annotations

import pickle
import re

import pytest

import govreport
from govreport.io.records import COLUMNS, TABLES, columns, spark_schema, to_records

from .conftest import SEEDS

TEXT = (
    "政府工作报告\n"
    "一、2024年工作回顾\n"
    "全年新增城镇就业4.2万人，地区生产总值增长5.1%。\n"
    "（一）产业转型步伐加快\n"
    "建成智能工厂12家。\n"
    "二、2025年工作安排\n"
    "主要预期目标是：地区生产总值增长5%左右，居民人均可支配收入增长与经济增长同步。\n"
    "同时也要看到，民生领域还有不少短板。\n"
)


@pytest.fixture(scope="module")
def report() -> govreport.Report:
    return govreport.parse(TEXT)


def test_section_rows_follow_the_outline(report):
    rows = to_records(report, "sections", document="r.txt")
    assert [r["path"] for r in rows if r["level"] > 0] == [
        "2024年工作回顾",
        "2024年工作回顾 > 产业转型步伐加快",
        "2025年工作安排",
    ]
    assert {r["document"] for r in rows} == {"r.txt"}
    assert [r["section"] for r in rows] == list(range(len(rows)))
    child = next(r for r in rows if r["marker"] == "（一）")
    assert (child["level"], child["number"], child["style"]) == (2, 1, "paren_cn")
    for r in rows:
        assert list(r) == list(columns("sections"))
        assert TEXT[r["span_start"] : r["span_end"]].strip()
        assert abs(sum(r[f"score_{c.value}"] for c in govreport.Category) - 1.0) < 1e-6 or r["sentences"] == 0


def test_sentence_rows_cover_every_sentence_in_order(report):
    rows = to_records(report, "sentences")
    assert len(rows) == sum(len(p.sentences) for p in report.paragraphs())
    assert [r["sentence"] for r in rows] == list(range(len(rows)))
    assert [r["span_start"] for r in rows] == sorted(r["span_start"] for r in rows)
    shortfall = next(r for r in rows if "短板" in r["text"])
    assert shortfall["category"] == "shortcoming"
    assert shortfall["cues"]  # the rule names behind the label
    assert shortfall["path"] == "2025年工作安排"


def test_target_rows_carry_value_unit_and_section(report):
    rows = to_records(report, "targets")
    goal = next(r for r in rows if r["role"] == "target")
    assert (goal["indicator"], goal["value"], goal["unit"], goal["qualifier"]) == ("地区生产总值", 5.0, "%", "左右")
    assert goal["path"] == "2025年工作安排"
    assert isinstance(goal["value"], float)
    assert [r["span_start"] for r in rows] == sorted(r["span_start"] for r in rows)
    # every target of the report, each once
    assert len(rows) == len(report.all_targets())


def test_rows_hold_plain_values_only(report):
    for table in TABLES:
        for row in to_records(report, table):
            assert all(v is None or type(v) in (str, int, float) for v in row.values()), row


def test_unknown_table_is_a_config_error_listing_the_tables(report):
    with pytest.raises(govreport.ConfigError, match="sections, sentences, targets"):
        to_records(report, "paragraf")


def test_empty_report_gives_no_rows():
    report = govreport.parse("")
    assert all(to_records(report, t) == [] for t in TABLES)


def test_column_names_are_stata_names():
    # Stata: at most 32 characters, letters/digits/underscore, not starting with a digit, no reserved word
    reserved = {"end", "in", "if", "using", "with", "byte", "int", "long", "float", "double", "str", "strL"}
    for cols in COLUMNS.values():
        for c in cols:
            assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,31}", c.name), c.name
            assert c.name not in reserved


def test_spark_schema_lists_every_column_with_a_type():
    for table in TABLES:
        fields = [f.split() for f in spark_schema(table).split(", ")]
        assert [name for name, _ in fields] == list(columns(table))
        assert {t for _, t in fields} <= {"string", "bigint", "double"}


def test_reports_pickle(report):
    assert pickle.loads(pickle.dumps(report)) == report


@pytest.mark.parametrize("path", SEEDS[:2], ids=lambda p: p.stem[:3])
def test_seed_reports_pickle(path):
    report = govreport.parse_file(path)
    assert pickle.loads(pickle.dumps(report)) == report


# --- pandas ---------------------------------------------------------------------------------------------------


def test_to_dataframe_names_documents_and_keeps_types(report):
    pd = pytest.importorskip("pandas")
    other = govreport.parse("二、今年工作安排\n粮食产量稳定在500万吨以上。")
    df = govreport.to_dataframe({"a.txt": report, "b.txt": other}, table="targets")
    assert list(df.columns) == list(columns("targets"))
    assert list(df["document"].unique()) == ["a.txt", "b.txt"]
    assert df["value"].dtype == "float64"
    assert df["span_start"].dtype == "int64"
    assert pd.isna(df["high"]).all()
    # missing text is "" as in CSV and Stata, never NaN
    assert all(df[c.name].notna().all() for c in COLUMNS["targets"] if c.type == "str")
    assert (df["hardness"] == "").any()


def test_to_dataframe_accepts_one_report_or_a_list(report):
    pytest.importorskip("pandas")
    assert len(govreport.to_dataframe(report)) == len(to_records(report))
    df = govreport.to_dataframe([report, report], table="sentences")
    assert list(df["document"].unique()) == ["0", "1"]


@pytest.mark.parametrize("table", TABLES)
def test_to_stata_accepts_the_frame(report, table, tmp_path):
    pd = pytest.importorskip("pandas")
    df = govreport.to_dataframe({"r.txt": report}, table=table)
    path = tmp_path / f"{table}.dta"
    df.to_stata(path, version=118, write_index=False)  # 118: Stata 14+, Unicode text
    back = pd.read_stata(path)
    assert list(back.columns) == list(df.columns)
    assert len(back) == len(df)


def test_to_stata_accepts_an_empty_frame(tmp_path):
    pytest.importorskip("pandas")
    df = govreport.to_dataframe([], table="targets")
    assert df.empty and list(df.columns) == list(columns("targets"))
    df.to_stata(tmp_path / "empty.dta", version=118, write_index=False)


def test_to_dataframe_without_pandas_names_what_to_install(report, hide_module):
    hide_module("pandas")
    with pytest.raises(govreport.GovReportError, match=r"pip install pandas") as e:
        govreport.to_dataframe(report)
    assert "govreport[" not in str(e.value)  # no such package on the registry


def test_target_rows_carry_period_canonical_kind_and_sentence(report):
    rows = to_records(report, "targets")
    goal = next(r for r in rows if r["role"] == "target")
    assert (goal["canonical"], goal["kind"], goal["period_from"], goal["period_to"]) == (
        "gdp_growth",
        "growth",
        2025,
        2025,
    )
    assert (goal["main"], goal["average"]) == (1, 0)
    assert goal["sentence"].startswith("主要预期目标是")
    result = next(r for r in rows if r["indicator"] == "地区生产总值" and r["role"] == "result")
    assert (result["period_from"], result["period_to"], result["main"]) == (2024, 2024, 0)
    jobs = next(r for r in rows if r["unit"] == "万人")
    assert (jobs["canonical"], jobs["kind"]) == ("new_urban_jobs", "count")


def test_main_targets_table_is_main_targets_in_order(report):
    rows = to_records(report, "main-targets", document="r.txt")
    assert [(r["indicator"], r["value"]) for r in rows] == [
        (t.indicator, float(t.value)) for t in report.main_targets()
    ]
    assert rows and all(r["main"] == 1 and list(r) == list(columns("main-targets")) for r in rows)
    assert to_records(govreport.parse("地区生产总值增长5%左右。"), "main-targets") == []  # no statement, no rows
