"""Fast paths give exactly what the plain code they replace gave (issue #8).

Each optimisation keeps a slow reference here (the code as it was, or the general
path) and a property or table test says both agree, positive and negative cases alike.
"""

from __future__ import annotations

import gc
import re
import weakref

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from govreport import GovReportError, models, parse
from govreport.classify import evidence
from govreport.classify.evidence import ANCHOR_ALTERNATION
from govreport.classify.lexicon import LexiconEntry, trie_pattern
from govreport.models import Category, Cue, Report, new_cue
from govreport.normalization import Normalized, characters, mojibake, script
from govreport.normalization.offsets import Edit, OffsetMap, apply_edits
from govreport.text import chars

# characters that make quantities, phrases and clause breaks: digits, numerals, units,
# direction and framing words' characters, punctuation, spaces and Latin capitals
_ALPHABET = (
    "0123456789.,%一二三四五六七八九十百千万亿个元人家项"
    "增长提高到达以上左右约力争今年全市的为年均，、。；“”\n GDP\U00010d41"
)
_texts = st.text(alphabet=_ALPHABET, max_size=40)


# ---------------------------------------------------------------- offsets in the pipeline


@st.composite
def _mapped(draw: st.DrawFn) -> Normalized:
    """A text of 30 characters rewritten by random sorted edits (deletions, joins, 1:1 swaps)."""
    text = "一二三四五六七八九十" * 3
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8, unique=True)))
    edits = []
    for s, e in zip(cuts[::2], cuts[1::2], strict=False):
        new = draw(st.sampled_from(["", "x", "y" * (e - s), "zz"]))
        edits.append(Edit(s, e, new))
    new_text, omap = apply_edits(text, edits, OffsetMap.identity(len(text)))
    return Normalized(text=new_text, map=omap, original=text)


@given(_mapped(), st.data())
def test_shift_matches_general(norm: Normalized, data: st.DataObject) -> None:
    # a paragraph with a shift maps every span inside it by that shift, as the general path does
    n = len(norm.text)
    a = data.draw(st.integers(0, n))
    b = data.draw(st.integers(a, n))
    shift = norm.map.shift(a, b)
    if shift is None:
        return
    for _ in range(5):
        s = data.draw(st.integers(a, b))
        e = data.draw(st.integers(a, b))
        if s < e:
            assert (s + shift, e + shift) == norm.span(s, e)


def test_shift_of_an_unedited_paragraph() -> None:
    text = "页眉\n增长5%。\n"
    _, omap = apply_edits(text, [Edit(0, 3, "", "header")], OffsetMap.identity(len(text)))
    norm = Normalized(text="增长5%。\n", map=omap, original=text)
    assert norm.map.shift(0, 5) == 3 and norm.span(2, 4) == (5, 7)
    # a paragraph that holds a replacement of another length takes the general path
    _, omap = apply_edits(text, [Edit(4, 6, "X")], OffsetMap.identity(len(text)))
    norm = Normalized(text="页眉\nX5%。\n", map=omap, original=text)
    assert norm.map.shift(3, 7) is None


# ---------------------------------------------------------------- mojibake


@given(st.text(alphabet="痹谝患径瓤己酥可以看经济?!^@A%。，\n 的", max_size=30))
def test_mojibake_lines_without_suspects_are_skipped_exactly(text: str) -> None:
    fast = mojibake.find(text)
    whole = mojibake._suspect_lines
    try:
        mojibake._suspect_lines = lambda t: [(0, len(t))]  # type: ignore[assignment]
        assert mojibake.find(text) == fast
    finally:
        mojibake._suspect_lines = whole  # type: ignore[assignment]


def test_suspect_lines() -> None:
    text = "全年新增就业4万人。\n比重43.6%?!痹谝患径瓤己酥?,西海岸\n全市GDP增长\n"
    assert [text[a:b] for a, b in mojibake._suspect_lines(text)] == [
        "比重43.6%?!痹谝患径瓤己酥?,西海岸",
        "全市GDP增长",  # a Han character before ASCII: searched, and left alone
    ]
    assert [e.new for e in mojibake.find(text)] == ["?”在一季度考核?"]
    assert mojibake._suspect_lines("全年新增就业4万人。\n") == []


# ---------------------------------------------------------------- Traditional conversion

# Traditional characters, characters of OpenCC phrase keys (乾隆, 一目瞭然, 傢俱), a character
# with several readings (著), separators and Simplified text
_TRAD_ALPHABET = "經濟發展乾隆坤一目瞭然傢俱著覆藉麼么干里後臺，。、 （）\n-.?经济"


@given(st.text(alphabet=_TRAD_ALPHABET, max_size=24))
def test_convert_matches_opencc(text: str) -> None:
    assert script.convert(text) == str(script._converter().convert(text))


def test_convert_cases() -> None:
    cc = script._converter()
    for text in ("經濟發展", "乾隆年間的經濟", "一目瞭然。傢俱", "经济发展", "國內生產總值增長5%"):
        assert script.convert(text) == str(cc.convert(text))
    assert script._fast() is not None  # the installed backend is the one the table is read from


# ---------------------------------------------------------------- normalisation steps


@given(st.text(alphabet="１２Ａａ％\u3000\xa0\u200b\x00\x1f\ud800经济 5", max_size=20))
def test_stdlib_classes_match_regex(text: str) -> None:
    for pattern in (characters._WIDE, characters._INVALID):
        plain = regex.compile(pattern.pattern)
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in plain.finditer(text)]


@given(st.text(alphabet="ab c", max_size=30), st.integers(1, 5))
def test_run_of_matches_the_plain_repeat(text: str, least: int) -> None:
    # a run spelt with one character first (fast to scan for) finds what the plain repeat finds
    fast = re.compile(chars.run_of("[ab]", least))
    plain = re.compile(f"[ab]{{{least},}}")
    assert [m.span() for m in fast.finditer(text)] == [m.span() for m in plain.finditer(text)]


# ---------------------------------------------------------------- garbage collector


def test_parse_restores_the_collector() -> None:
    assert gc.isenabled()
    parse("一、2024年工作回顾\n全年新增就业4万人。")
    assert gc.isenabled()
    with pytest.raises(GovReportError):
        parse(123)  # type: ignore[arg-type]
    assert gc.isenabled()
    gc.disable()
    try:
        parse("全年新增就业4万人。")
        assert not gc.isenabled()  # the caller's choice stands
    finally:
        gc.enable()


def test_parse_keeps_garbage_collectable_and_leaves_generations_alone() -> None:
    # the caller's cycles are still collected, and parse freezes nothing of the caller's (#14)
    class Node:
        other: object = None

    a, b = Node(), Node()
    a.other, b.other = b, a  # a cycle only the collector can free
    ref = weakref.ref(a)
    del a, b
    before = gc.get_freeze_count()
    parse("一、2024年工作回顾\n全年新增就业4万人。")
    assert gc.get_freeze_count() == before
    gc.collect()
    assert ref() is None


def test_parse_leaves_no_cycles() -> None:
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        parse("一、2024年工作回顾\n全年新增就业4万人，地区生产总值增长5%。\n二、2025年工作安排\n力争增长5%左右。")
        assert gc.collect() == 0  # nothing for the paused collector to miss
    finally:
        if was:
            gc.enable()


def _span_reference(m: OffsetMap, start: int, end: int) -> tuple[int, int]:
    """OffsetMap.span as first written: segment lookup and a linearity test per call."""

    def start_of(pos: int) -> int:
        if pos >= m.length:
            return m.src_length if not m._dst else m._src_end[-1]
        i = m._segment(pos)
        if m._linear(i):
            return m._src_start[i] + pos - m._dst[i]
        return m._src_start[i] if pos == m._dst[i] else m._src_end[i]

    def end_of(pos: int) -> int:
        if pos <= 0:
            return m._src_start[0] if m._dst else 0
        if not m._dst:  # everything removed (fixed in both after the first version indexed an empty table)
            return m.src_length
        pos = min(pos, m.length)
        i = m._segment(pos - 1)
        if m._linear(i):
            return m._src_start[i] + pos - m._dst[i]
        return m._src_end[i]

    if end <= start:
        return start_of(start), start_of(start)
    return start_of(start), end_of(end)


@given(_mapped(), st.data())
def test_span_matches_reference(norm: Normalized, data: st.DataObject) -> None:
    n = len(norm.text)
    for _ in range(5):
        s = data.draw(st.integers(0, n + 1))
        e = data.draw(st.integers(0, n + 1))
        assert norm.map.span(s, e) == _span_reference(norm.map, s, e)


def test_span_of_an_emptied_text() -> None:
    _, omap = apply_edits("页眉", [Edit(0, 2, "", "header")], OffsetMap.identity(2))
    assert omap.span(0, 0) == _span_reference(omap, 0, 0)


# ---------------------------------------------------------------- models built without validation


@given(
    st.integers(min_value=0, max_value=10**9),
    st.integers(min_value=0, max_value=10**9),
    st.text(max_size=5),
    st.sampled_from(list(Category)),
    st.floats(allow_nan=False, allow_infinity=False),
)
def test_unvalidated_equals_validated(start: int, end: int, text: str, cat: Category, weight: float) -> None:
    values = {"start": start, "end": end, "text": text, "category": cat, "weight": weight, "rule": "r"}
    fast, slow = new_cue(start, end, text, cat, weight, "r"), Cue(**values)
    assert fast == slow
    assert fast.model_dump_json() == slow.model_dump_json()
    assert fast.model_fields_set == slow.model_fields_set
    fast.weight = 2.0  # setting a field leaves the shared fields-set as it was
    assert new_cue(start, end, text, cat, weight, "r").model_fields_set == set(Cue.model_fields)


def test_parsed_report_survives_validation() -> None:
    # every cue and sentence the pipeline builds unvalidated is what validation would build
    text = "一、2024年工作回顾\n虽然推进了改造，但短板依然明显。\n二、2025年工作安排\n推进改造，新增就业4万人以上。"
    r = parse(text)
    again = Report.model_validate(r.model_dump())
    assert again == r and again.model_dump_json() == r.model_dump_json()
    # a user's cue whose category is a plain string and weight an int reads as validation would
    r = parse("推进改造。", add_cues=[LexiconEntry("改造", "goal", 2, "a user cue")])  # type: ignore[arg-type]
    cue = next(c for s in r.paragraphs()[0].sentences for c in s.cues if c.text == "改造")
    assert cue.category is Category.GOAL and type(cue.weight) is float
    assert Report.model_validate(r.model_dump()).model_dump_json() == r.model_dump_json()


@pytest.mark.skipif(models.VALIDATE_MODELS, reason="validated models each build their own fields-set")
def test_parsed_targets_share_one_fields_set() -> None:
    r = parse("一、2025年工作安排\n地区生产总值增长5.5%以上，新增就业4万人。")
    a, b = r.all_targets()
    assert a.model_fields_set is b.model_fields_set
    assert Report.model_validate(r.model_dump()).model_dump_json() == r.model_dump_json()


def test_trusted_sections_and_paragraphs_match_validated() -> None:
    # the pipeline builds every section (the preamble too) and paragraph unvalidated
    r = parse(
        "青岚市政府工作报告\n各位代表：现在，我代表市人民政府向大会报告工作。\n一、2024年工作回顾\n全年新增就业4万人。\n（一）产业\n建成项目12个。\n二、2025年工作安排\n力争增长5%左右。"
    )
    again = Report.model_validate(r.model_dump())
    assert again.model_dump_json() == r.model_dump_json()
    for built, validated in zip(r.walk(), again.walk(), strict=True):
        assert built == validated
        assert built.model_fields_set == validated.model_fields_set
        for p, q in zip(built.paragraphs, validated.paragraphs, strict=True):
            assert p == q and p.model_fields_set == q.model_fields_set
    assert r.preamble is not None and r.preamble.heading_start is None


# ---------------------------------------------------------------- classification: the lexicon trie, anchor dispatch

_WORDS = st.lists(st.text(alphabet="补短板齐问题.*(", min_size=1, max_size=4), min_size=1, max_size=8)


@given(_WORDS, st.text(alphabet="补短板齐问题.*(", max_size=30))
def test_trie_pattern_matches_longest_first_alternation(words: list[str], text: str) -> None:
    # the lexicon's trie finds what the plain alternation of its words, longest first, finds
    plain = regex.compile("|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True)))
    trie = regex.compile(trie_pattern(words))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_trie_pattern_cases() -> None:
    trie = regex.compile(trie_pattern(["短板", "补短板", "补齐", "问题", "问"]))
    assert [m.group() for m in trie.finditer("补短板问题补齐短问")] == ["补短板", "问题", "补齐", "问"]
    assert trie_pattern([]) == ""


# years, horizons, five-year plans, windows, awards, counts and the characters around them
_ANCHOR_TEXTS = st.text(alphabet="到至2024年十四五今前三季度1-4月个获省级奖近逾余多万人以上。，", max_size=30)


@given(_ANCHOR_TEXTS, st.sampled_from([None, 2025]))
def test_anchor_dispatch_matches_the_bare_alternation(text: str, year: int | None) -> None:
    # the first-character lookahead skips only positions where no anchor branch can start
    plain = re.compile(ANCHOR_ALTERNATION)
    assert [(m.span(), m.groupdict()) for m in plain.finditer(text)] == [
        (m.span(), m.groupdict()) for m in evidence._ANCHOR.finditer(text)
    ]
