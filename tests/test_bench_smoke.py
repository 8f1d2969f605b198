"""CI smoke run of the benchmark (issue #8): it runs on the small sizes and writes its JSON.

Nothing here asserts a time: machines are noisy. What must hold is the shape of
the results, that every stage hook still finds the function the pipeline calls,
and that the synthetic reports are deterministic and parse into real outlines.
"""

from __future__ import annotations

import json

import pytest

from bench import peers, stages, synth
from bench.run import STAGES, TARGETS, main


@pytest.fixture(scope="module")
def results(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "smoke.json"
    assert main(["--quick", "--no-peers", "--out", str(out)]) == 0
    return json.loads(out.read_text(encoding="utf-8"))


def test_writes_json_with_every_section(results):
    names = [r["name"] for r in results["parse"]]
    assert names == ["seeds", "synthetic-simplified-10k", "synthetic-traditional-10k"]
    for row in results["parse"]:
        assert set(row["stages"]) == set(STAGES)
        assert row["chars"] > 0 and row["seconds"] > 0 and row["floor_seconds"] > 0
        assert row["stage_hooks_missing"] == []  # the pipeline still calls the functions the benchmark times
    assert set(results["targets"]) == set(TARGETS)
    assert results["single"]["10k"]["tracemalloc_peak"] > 0
    assert results["import"]["ms_median"] > 0
    assert {"workers_1", "workers_2"} <= set(results["cli_corpus"])


def test_stage_times_cover_the_parse(results):
    # every stage ran: decode+normalise, outline, classify and targets each took some time
    for row in results["parse"]:
        assert all(row["stages"][s]["seconds"] > 0 for s in STAGES[:-1])


def test_timer_restores_the_pipeline():
    import govreport.classify as classify
    import govreport.outline as outline

    before = (outline.split, classify.sentences, classify.Lexicon.default)
    total, per_stage, missing = stages.timed_parse(["一、2024年工作回顾\n全年新增就业4万人。".encode()])
    assert total > 0 and missing == [] and set(per_stage) == set(STAGES)
    assert (outline.split, classify.sentences, classify.Lexicon.default) == before


def test_synthetic_reports_are_deterministic():
    a = synth.report(5_000, seed=3)
    assert a == synth.report(5_000, seed=3)
    assert a != synth.report(5_000, seed=4)
    docs = synth.corpus(50_000)
    assert len(docs) == 3 and sum(map(len, docs)) >= 50_000


def test_traditional_reports_need_conversion():
    from govreport.normalization.script import has_traditional

    assert has_traditional(synth.report(3_000, script="traditional"))
    assert not has_traditional(synth.report(3_000, script="simplified"))
    with pytest.raises(ValueError, match="script must be"):
        synth.report(3_000, script="cyrillic")


def test_synthetic_report_parses_into_an_outline():
    import govreport

    r = govreport.parse(synth.report(8_000, seed=1))
    assert [s.marker for s in r.sections][:2] == ["一、", "二、"]
    assert r.sections[0].children and r.sections[0].children[0].marker == "（一）"


def test_floor_splits_sentences():
    assert peers.floor(["一、总体要求\n坚持稳中求进。推进改革！", "没有句号的一行"]) == 4
