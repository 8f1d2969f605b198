"""The JSON contract, checked on every seed and (when present) every corpus document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import govreport
from govreport import Report

from .conftest import CORPUS, SEEDS
from .contract import check_report, source_matches

DOCS = SEEDS + CORPUS


@pytest.mark.parametrize("path", DOCS, ids=[p.stem[:12] for p in DOCS])
def test_spans_and_ownership(path: Path) -> None:
    original = path.read_text(encoding="utf-8")
    report = govreport.parse(original)
    check_report(original, report)
    source_matches(original, report)


@pytest.mark.parametrize("path", DOCS, ids=[p.stem[:12] for p in DOCS])
def test_json_round_trip(path: Path) -> None:
    report = govreport.parse_file(path)
    dumped = report.model_dump_json()
    again = Report.model_validate_json(dumped)
    assert again == report
    data = json.loads(dumped)
    for key in ("title", "script", "preamble", "sections", "noise", "diagnostics"):
        assert key in data
    # the report's targets are a view over its paragraphs', not serialised (#14)
    assert "targets" not in data


def test_bytes_offsets_index_the_decoded_string() -> None:
    text = "一、2024年工作回顾\n全年新增就业4万人。\n"
    report = govreport.parse(text.encode("gb18030"))
    assert report.encoding == "gb18030"
    sec = report.sections[0]
    assert text[sec.heading_start : sec.heading_end] == "一、2024年工作回顾"
    assert any(d.code == "encoding" for d in report.diagnostics)


def test_schema_is_published() -> None:
    schema = Report.model_json_schema()
    assert {"sections", "noise", "diagnostics"} <= set(schema["properties"])
    assert "targets" not in schema["properties"]  # a view of the paragraphs' targets, not serialised (#14)


def test_unknown_option_is_a_config_error() -> None:
    with pytest.raises(govreport.ConfigError, match="valid names"):
        govreport.parse("文本", fold_widht=False)


def test_step_switch_is_honoured() -> None:
    assert govreport.parse("说明\n收入增长５％。", fold_width=False).paragraphs()[0].text == "收入增长５％。"
    assert govreport.parse("说明\n收入增长５％。").paragraphs()[0].text == "收入增长5%。"


def test_empty_input_gives_empty_report_with_diagnostic() -> None:
    for text in ("", "   \n\n  ", b""):
        report = govreport.parse(text)
        assert report.sections == [] and report.preamble is None
        assert [d.code for d in report.diagnostics if d.code == "empty"] == ["empty"]


def test_wrong_type_is_input_error() -> None:
    with pytest.raises(govreport.InputError):
        govreport.parse(12)  # type: ignore[arg-type]


def test_section_targets_repeat_their_paragraphs_and_all_targets_lists_each_once() -> None:
    report = govreport.parse("主要预期目标是：地区生产总值增长5%左右。\n一、今年工作安排\n新增就业4万人。\n")
    assert report.preamble is not None
    assert [t.indicator for t in report.preamble.targets] == ["地区生产总值"]
    assert report.sections[0].targets == [t for p in report.sections[0].paragraphs for t in p.targets]
    spans = [(t.start, t.end) for t in report.all_targets()]
    assert len(spans) == len(set(spans)) == 2


def test_json_holds_each_target_once_and_reading_it_back_restores_the_paragraphs() -> None:
    report = govreport.parse("一、今年工作安排\n地区生产总值增长5%左右。\n新增就业4万人，粮食产量1.3万亿斤。\n")
    data = json.loads(report.model_dump_json())
    section = data["sections"][0]
    assert [t["text"] for t in section["targets"]] == ["5%左右", "4万人", "1.3万亿斤"]
    assert all("targets" not in p for p in section["paragraphs"])  # dumped once, in the section (#14, #20)
    again = Report.model_validate(data)
    assert [[t.text for t in p.targets] for p in again.sections[0].paragraphs] == [["5%左右"], ["4万人", "1.3万亿斤"]]
    assert again == report


def test_cue_options_take_one_entry_or_a_list() -> None:
    from govreport import Category, LexiconEntry

    entry = LexiconEntry("擂台", Category.GOAL, 3.0, "test cue")
    one = govreport.parse("说明\n书记擂台比拼。", add_cues=entry)
    many = govreport.parse("说明\n书记擂台比拼。", add_cues=[entry])
    assert [c.text for s in one.paragraphs()[0].sentences for c in s.cues] == ["擂台"]
    assert one == many
    assert govreport.parse("说明\n存在短板。", remove_cues="短板") == govreport.parse(
        "说明\n存在短板。", remove_cues=["短板"]
    )


@pytest.mark.parametrize(
    ("options", "needle"),
    [
        ({"add_cues": "稳中求进"}, "LexiconEntry"),
        ({"add_cues": None}, "LexiconEntry"),
        ({"add_cues": {"goal": ["稳中求进"]}}, "LexiconEntry"),
        ({"remove_cues": 3}, "a word or a list of words"),
        ({"join_layout": "no"}, "True or False"),
    ],
)
def test_wrong_typed_option_is_a_config_error_showing_the_shape(options: dict, needle: str) -> None:
    # issue #21 item 6: these escaped as AttributeError
    with pytest.raises(govreport.ConfigError, match=needle):
        govreport.parse("推进改造。", **options)


def test_step_switches_are_the_steps() -> None:
    from govreport.normalization import STEP_NAMES
    from govreport.normalization.chain import StepSwitches

    assert tuple(StepSwitches.__annotations__) == STEP_NAMES


def test_parse_options_are_the_option_names() -> None:
    import typing

    from govreport.pipeline import OPTION_NAMES, ParseOptions

    assert set(typing.get_type_hints(ParseOptions)) == set(OPTION_NAMES)


@pytest.mark.parametrize(
    "text",
    [
        "\u200b一、推进改革\n全年新增就业4万人。",  # the three cases of issue #21 item 4
        "全年\u200b",
        "a\u200b\nb",
        "\u200c\u200d\u2060\ufeff\u00ad一、推进\u200b\n\u200d全年\u2060",  # ZWNJ, ZWJ, WJ, BOM, soft hyphen
    ],
)
def test_invisible_characters_at_span_edges_are_owned(text: str) -> None:
    check_report(text, govreport.parse(text))
