"""GBK byte-shift mojibake: repair what the bytes give back, flag the rest, leave real text alone."""

from __future__ import annotations

import pytest

from govreport.normalization import mojibake, normalize_and_explain


def garble(text: str, *, fold: bool = True) -> str:
    """What a GBK decoder one byte out of step makes of ``text``.

    The first byte is lost (shown as ``?``), the rest is read in shifted pairs,
    and an unpaired last lead byte shows as ``?``; full-width signs come out folded.
    """
    body = text.encode("gbk")[1:]
    out = body[: len(body) // 2 * 2].decode("gbk")
    if len(body) % 2:
        out += "?"
    if fold:
        out = "".join(chr(ord(c) - 0xFEE0) if "\uff01" <= c <= "\uff5e" else c for c in out)
    return "?" + out


@pytest.mark.parametrize(
    ("clean", "expected"),
    [
        ("。”在今年考核中", "”在今年考核"),
        ("。”新增就业人数", "”新增就业人"),
        ("。”我们必须坚持", "”我们必须坚"),
    ],
)
def test_shifted_run_is_repaired(clean: str, expected: str) -> None:
    text = "增长5.2%" + garble(clean) + ",全市"
    edits = [e for e in mojibake.find(text) if e.new != text[e.start : e.end]]
    assert len(edits) == 1
    assert expected in edits[0].new
    # the characters whose bytes are gone stay marked, never guessed
    assert edits[0].new.startswith("?")


def test_lone_ascii_trail_byte_completes_the_last_character() -> None:
    # 區 is 85 5E in GBK: shifted, its trail byte comes out as a lone ^
    assert mojibake.shift_back("!", "奔茨珔", "^") == ("”即墨區", True)


def test_repair_shows_as_diagnostic_and_content() -> None:
    text = "今年目标\n增长5.2%" + garble("。”在今年考核中") + ",全市上下。"
    norm = normalize_and_explain(text)
    assert "在今年考核" in norm.text
    codes = [d.code for d in norm.diagnostics]
    assert codes == ["mojibake"]
    d = norm.diagnostics[0]
    assert d.start is not None and text[d.start] == "?"
    assert "repaired" in d.message


@pytest.mark.parametrize(
    "text",
    [
        "这样做对吗?我们认为应当继续推进改革?",  # real question marks between real words
        "你知道吗?今年全市新增就业4万人。",
        "How? GDP增长5%",
        "市北区?",
        "全年实现地区生产总值1200亿元。",
    ],
)
def test_real_text_is_not_touched(text: str) -> None:
    assert mojibake.find(text) == []


def test_unrepairable_rare_run_is_flagged_not_rewritten() -> None:
    # shifted, these rare characters pair into commoner ones (西洒枉), but not into ordinary text
    text = "会议?魑魅魍魉?召开"
    edits = mojibake.find(text)
    assert edits and all(e.new == text[e.start : e.end] for e in edits)


def test_replacement_character_runs_are_flagged() -> None:
    text = "完成投资\ufffd\ufffd亿元"
    assert mojibake.find(text) == [mojibake.Edit(4, 6, "\ufffd\ufffd", "mojibake")]


def test_cost_prefers_ordinary_text() -> None:
    assert mojibake.cost("这一年") + mojibake.MARGIN_BITS <= mojibake.cost(garble("。”这一年来"))
    assert mojibake.cost("abc") == float("inf")


# ---------------------------------------------------------------- bytes read under the wrong charset (#21)


@pytest.mark.parametrize(
    ("clean", "codec"),
    [("政府工作报告", "gbk"), ("全年新增就业", "gbk"), ("政府工作报告", "utf-8")],
)
def test_bytes_read_as_latin1_are_repaired(clean: str, codec: str) -> None:
    garbled = clean.encode(codec).decode("cp1252" if codec == "utf-8" else "latin-1")
    text = f"各位代表：\n{garbled}\n全年新增就业4万人。"
    norm = normalize_and_explain(text)
    assert [d.code for d in norm.diagnostics] == ["mojibake"]
    assert clean in norm.text and garbled not in norm.text


@pytest.mark.parametrize("garbled", ["Ã€Ã‰", "锟斤拷锟斤拷", "锟斤拷"])
def test_runs_whose_bytes_are_lost_are_flagged(garbled: str) -> None:
    text = f"全年新增就业{garbled}4万人。"
    norm = normalize_and_explain(text)
    assert [(d.code, text[d.start : d.end]) for d in norm.diagnostics] == [("mojibake", garbled)]
    assert norm.text == text  # flagged, not guessed


@pytest.mark.parametrize(
    "text",
    [
        "×××同志在会上讲话。",  # redaction marks
        "气温25°C，降水±10%。",
        "阿卜杜拉·阿齐兹······访问",  # middle dots, one kind in a run
        "José Müller先生",  # accented letters inside Latin words
        "他说：“好……”——",
    ],
)
def test_latin_characters_of_real_text_are_left_alone(text: str) -> None:
    assert [d.code for d in normalize_and_explain(text).diagnostics if d.code == "mojibake"] == []
