"""The lexicon is readable data: every entry is well formed and explains itself."""

from __future__ import annotations

from collections import Counter

from govreport.classify import Lexicon
from govreport.classify.lexicon import LEXICON
from govreport.models import Category


def test_entries_are_unique():
    dupes = [t for t, n in Counter(e.text for e in LEXICON).items() if n > 1]
    assert not dupes


def test_every_entry_has_a_comment_and_a_sensible_weight():
    for e in LEXICON:
        assert e.text and e.comment, e
        if e.kind in ("shield", "turn", "glossary"):
            assert e.weight == 0 and e.category is Category.OTHER, e
        elif e.kind in ("ceremony", "background"):  # they argue for other (#18)
            assert 0 < e.weight <= 5 and e.category is Category.OTHER, e
        else:
            assert 0 < e.weight <= 5 and e.category is not Category.OTHER, e


def test_period_cues_are_goal_or_achievement():
    for e in LEXICON:
        if e.kind in ("period", "frame"):
            assert e.category in (Category.GOAL, Category.ACHIEVEMENT), e


def test_every_shield_hides_a_cue():
    cues = [e.text for e in LEXICON if e.kind != "shield"]
    for e in LEXICON:
        if e.kind == "shield":
            assert any(c in e.text and c != e.text for c in cues), e


def test_longest_entry_wins():
    found = [m.entry.text for m in Lexicon.default().matches("补短板，尚未实现，主要")]
    assert found == ["补短板", "尚未实现"]


def test_one_compiled_alternation_is_fast_enough():
    import time

    lex = Lexicon.default()
    text = "推进老旧小区改造，全年新增就业4万人，短板仍然明显。" * 4000
    t0 = time.perf_counter()
    lex.matches(text)
    assert time.perf_counter() - t0 < 2.0
