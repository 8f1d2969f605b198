"""Furniture rules: the vocabulary is closed, every kind is exercised, rules stay on their lines."""

from __future__ import annotations

from govreport.normalization import furniture

from .cases import load_cases


def test_every_rule_kind_is_in_the_vocabulary() -> None:
    kinds = {r.kind for r in (*furniture.BLOCK_RULES, *furniture.LINE_RULES)}
    assert kinds <= set(furniture.KINDS)


def test_every_rule_kind_has_a_positive_fixture() -> None:
    expected = "\n".join(e for c in load_cases("normalize/furniture.txt") for e in c.expected)
    kinds = {r.kind for r in (*furniture.BLOCK_RULES, *furniture.LINE_RULES)}
    missing = [k for k in kinds if f"{k} | " not in expected]
    assert missing == []


def test_negative_fixtures_exist() -> None:
    assert sum(c.title.startswith("no:") for c in load_cases("normalize/furniture.txt")) >= 8


def test_line_rules_do_not_cross_lines() -> None:
    text = "您是第\n\n全年新增就业4万人。"
    edits = furniture.find(text)
    assert all("\n" not in text[e.start : e.end] for e in edits)
    assert "全年新增就业" not in "".join(text[e.start : e.end] for e in edits)


def test_body_text_is_not_furniture() -> None:
    body = "全年地区生产总值增长5.5%。\n市长热线全年受理群众诉求3万件。\n本年度新建学校12所，本站点覆盖全部街道。\n"
    kinds = [e.kind for e in furniture.find(body)]
    # 本站… at the start of a line is a disclaimer; inside a sentence it is not
    assert kinds == []


def test_caption_in_a_long_document_does_not_run_on() -> None:
    text = "■新建的大桥。\n" + "全年新建道路12公里。\n" * 3
    (edit,) = furniture.find(text)
    assert text[edit.start : edit.end] == "■新建的大桥。"
