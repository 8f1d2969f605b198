"""The normalisation chain: fixtures per step, the config, the offset map and its invariants."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govreport
from govreport.errors import ConfigError, GovReportError
from govreport.normalization import chain as nz
from govreport.normalization import characters, layout

from .cases import load_cases, params


@pytest.mark.parametrize(("text", "expected"), params("normalize/steps.txt"))
def test_step_fixture(text: str, expected: str) -> None:
    got = nz.normalize(text)
    assert [ln.rstrip() for ln in got.split("\n")] == [ln.rstrip() for ln in expected.split("\n")]


@pytest.mark.parametrize(("text", "expected"), params("normalize/furniture.txt"))
def test_furniture_fixture(text: str, expected: str) -> None:
    norm = nz.normalize_and_explain(text)
    found = [f"{n.kind} | {n.text}".replace("\n", "\\n") for n in norm.noise if n.kind != "reading"]
    assert found == [ln for ln in expected.split("\n") if ln]


def test_fixtures_are_loaded() -> None:
    assert len(load_cases("normalize/steps.txt")) >= 10
    assert len(load_cases("normalize/furniture.txt")) >= 25


# ------------------------------------------------------------------ config


def test_unknown_step_name_lists_the_valid_ones() -> None:
    with pytest.raises(ConfigError, match="fold_width"):
        nz.NormalizeConfig.from_options(fold_widht=False)


def test_config_has_one_switch_per_step() -> None:
    assert set(nz.STEP_NAMES) == set(nz.NormalizeConfig.__dataclass_fields__)
    off = nz.NormalizeConfig.from_options(to_simplified=False)
    assert nz.normalize("經濟", off) == "經濟"
    assert "to_simplified" not in [n for n, _ in off.enabled()]


def test_only_steps_that_changed_something_are_explained() -> None:
    norm = nz.normalize_and_explain("收入增长５％。")
    assert [s.name for s in norm.steps] == ["fold_width"]
    assert nz.normalize_and_explain("收入增长5%。").steps == []


def test_replay_reproduces_the_output() -> None:
    text = "區(qū)委書記：ＧＤＰ增长５％\n■新建的大桥。\n全年新建道路，\n\n3\n\n完成投资。"
    norm = nz.normalize_and_explain(text)
    assert nz.replay(text, norm.steps) == norm.text


def test_simplified_text_does_not_load_opencc() -> None:
    import subprocess
    import sys

    code = (
        "import sys, govreport\n"
        "govreport.parse('全年新增就业4万人，经济发展稳中向好。')\n"
        "print(any(m.startswith('opencc') for m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_script_is_reported() -> None:
    assert nz.normalize_and_explain("經濟發展").script == "traditional"
    assert nz.normalize_and_explain("经济发展").script == "simplified"


def test_reading_is_noise_of_kind_reading() -> None:
    norm = nz.normalize_and_explain("區(qū)委")
    assert [(n.kind, n.text, n.start, n.end) for n in norm.noise] == [("reading", "(qū)", 1, 5)]


# ------------------------------------------------------------------ properties

_ALPHABET = st.sampled_from(
    [*"经济发展區經濟(qū)（）一、1２３ＡＢ　 \n\r\f。，、：；！？“”■□图为摄期?痹谝患径瓤己酥^", "\ufffd", "\x00"]
)
_TEXT = st.text(_ALPHABET, max_size=80) | st.text(max_size=60)


@given(_TEXT)
def test_normalisation_is_idempotent(text: str) -> None:
    once = nz.normalize(text)
    assert nz.normalize(once) == once


@given(_TEXT)
def test_map_points_back_monotonically(text: str) -> None:
    # every character maps to a span of its own, in order; a replacement of another length
    # (a repaired mojibake run 瓤摄? -> 可?) maps as a whole: its first character owns the
    # original span and the others an empty span at its end
    norm = nz.normalize_and_explain(text)
    last = 0
    for i in range(len(norm.text)):
        a, b = norm.span(i, i + 1)
        assert 0 <= a <= b <= len(text)
        assert a < b or norm.text[i].isspace() or (i > 0 and norm.span(i - 1, i)[1] == a)
        assert a >= last
        last = a


def test_map_of_a_repaired_run() -> None:
    norm = nz.normalize_and_explain("瓤摄?")  # GBK-decoded UTF-8 of 可 and a lost byte
    assert norm.text == "可?"
    assert [norm.span(i, i + 1) for i in range(2)] == [(0, 3), (3, 3)]
    assert norm.span(0, 2) == (0, 3)


@given(_TEXT)
def test_every_original_character_is_accounted_for(text: str) -> None:
    """Kept (maybe converted), dropped layout whitespace, or inside exactly one noise span."""
    norm = nz.normalize_and_explain(text)
    kept = [0] * (len(text) + 1)
    for i in range(len(norm.text)):
        a, b = norm.span(i, i + 1)
        for j in range(a, b):
            kept[j] = 1
    in_noise = [0] * (len(text) + 1)
    for n in norm.noise:
        assert text[n.start : n.end] == n.text
        for j in range(n.start, n.end):
            in_noise[j] += 1
    for j, ch in enumerate(text):
        assert in_noise[j] <= 1
        assert kept[j] or in_noise[j] == 1 or ch.isspace(), (j, ch, text)


@given(st.binary(max_size=200) | st.text(max_size=80).map(lambda s: s.encode("utf-8", "surrogatepass")))
def test_arbitrary_bytes_raise_only_govreport_errors(data: bytes) -> None:
    with contextlib.suppress(GovReportError):
        govreport.parse(data)


@given(st.text(max_size=120))
def test_arbitrary_text_never_raises(text: str) -> None:
    nz.normalize_and_explain(text)


@given(_TEXT)
def test_parse_of_arbitrary_text_raises_only_govreport_errors(text: str) -> None:
    with contextlib.suppress(GovReportError):
        govreport.parse(text)


def test_replace_invalid_one_for_one() -> None:
    assert nz.normalize_and_explain("增长\x00５％\ud800").text == "增长\ufffd5%\ufffd"
    assert characters.replace_invalid("全年增长5%。\n\t") == []


def test_unify_newlines() -> None:
    assert nz.normalize("第一行。\r\n第二行。\r第三行。\f第四行。") == "第一行。\n第二行。\n第三行。\n第四行。"
    assert layout.unify_newlines("第一行。\n第二行。") == []


# ---------------------------------------------------------------- a title set in vertical columns

_HAN = st.sampled_from("省市县区乡镇人民政府委员会一二三")  # Simplified already: the script step leaves them


@given(
    st.lists(_HAN, min_size=1, max_size=4),
    st.sampled_from(["工作报告", "施政报告", "政府工作报告"]),
    st.booleans(),
)
def test_vertical_title_reads_interleaved_columns_and_only_moves_characters(
    left: list[str], name: str, tail: bool
) -> None:
    # a cover: the left column beside a report name, interleaved row by row as extraction gives
    # them; the name's last character below a cover line when the columns are of unequal length
    right = list(name)
    rows = min(len(left), len(right) - tail)
    head = [c for pair in zip(left[:rows], right[:rows], strict=True) for c in pair]
    rest_left, rest_right = left[rows:], right[rows:]
    if rest_left or len(rest_right) > 1:
        return  # columns that do not fit this cover's shape
    text = "\n".join([*head, "（草案）", *rest_right, "各位代表：现在报告工作。"])
    edits = layout.vertical_title(text)
    if len(head) < 4:
        assert edits == []
        return
    readings = [e.new for e in edits if e.kind is None]
    moved = [text[e.start : e.end] for e in edits if e.kind == "vertical_title"]
    assert readings and sorted(readings[0]) == sorted([*head, *moved])  # nothing invented, nothing lost
    assert name in readings[0]
    out = nz.normalize(text)
    assert name in out.split("\n")[0]
