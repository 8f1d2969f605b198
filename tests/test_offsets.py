"""The offset map: compact, composes across edits, maps every kept character back in order."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govreport.normalization.offsets import Edit, OffsetMap, apply_edits


def test_identity_maps_each_position_to_itself() -> None:
    m = OffsetMap.identity(5)
    assert [m.span(i, i + 1) for i in range(5)] == [(i, i + 1) for i in range(5)]


def test_same_length_replacement_maps_linearly() -> None:
    text, m = apply_edits("經濟發展", [Edit(0, 2, "经济")], OffsetMap.identity(4))
    assert text == "经济發展"
    assert m.span(1, 2) == (1, 2)


def test_longer_or_shorter_replacement_maps_to_the_whole_span() -> None:
    text, m = apply_edits("增长 ５ ％", [Edit(2, 6, "5%")], OffsetMap.identity(6))
    assert text == "增长5%"
    assert m.span(2, 3) == (2, 6) and m.span(0, 2) == (0, 2)


def test_edits_compose_across_steps() -> None:
    original = "區(qū)委書記"
    text, m = apply_edits(original, [Edit(1, 5, "", "reading")], OffsetMap.identity(len(original)))
    text, m = apply_edits(text, [Edit(0, 1, "区"), Edit(2, 4, "书记")], m)
    assert text == "区委书记"
    assert [m.span(i, i + 1) for i in range(4)] == [(0, 1), (5, 6), (6, 7), (7, 8)]


def test_map_is_compact() -> None:
    text = "全年新增就业4万人。" * 1000
    edits = [Edit(i, i + 1, "") for i in range(9, len(text), 10)][:5]
    _, m = apply_edits(text, edits, OffsetMap.identity(len(text)))
    assert len(m) <= 2 * len(edits) + 1  # one segment per unchanged run, not per character


def test_overlapping_edits_are_rejected() -> None:
    with pytest.raises(ValueError, match="non-overlapping"):
        apply_edits("abcdef", [Edit(0, 3, ""), Edit(2, 4, "")], OffsetMap.identity(6))


@st.composite
def _edits(draw: st.DrawFn) -> tuple[str, list[Edit]]:
    text = draw(st.text("经济发展 ab12\n", max_size=30))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        edits.append(Edit(a, b, draw(st.sampled_from(["", "x", "新增", text[a:b]]))))
    return text, edits


@given(_edits(), _edits())
def test_composition_is_monotonic_and_in_bounds(first: tuple[str, list[Edit]], second: tuple[str, list[Edit]]) -> None:
    text, edits = first
    out, m = apply_edits(text, edits, OffsetMap.identity(len(text)))
    _, more = second
    more = [e for e in more if e.end <= len(out)]
    out2, m2 = apply_edits(out, more, m)
    last = 0
    for i in range(len(out2)):
        a, b = m2.span(i, i + 1)
        assert 0 <= a <= b <= len(text)
        assert a >= last
        last = a
