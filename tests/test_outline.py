"""Outline: fixtures (title, input, expected outline), rule unit tests and property tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govreport.outline as outline
from govreport.normalization import normalize
from govreport.outline.leads import read_lead
from govreport.outline.subheads import subhead_shape
from govreport.text import numbering
from govreport.text.numerals import format_cn

from .cases import load_cases, params


def render(text: str, paragraphs: bool = False) -> list[str]:
    """The outline of ``text`` in the fixtures' expected format (with ``paragraphs``: each
    paragraph too, as ``¶`` and its first twelve characters, one level below its section)."""
    root, _ = outline.split(text)
    out = []
    span = root.title
    if span is not None:
        out.append("TITLE: " + outline.clean_title(text[span[0] : span[1]]))

    def walk(node: outline.Node) -> None:
        if paragraphs:
            out.extend(f"{'  ' * node.level}¶ {text[a:b][:12]}" for a, b in node.paragraphs)
        for child in node.children:
            h = child.heading
            assert h is not None
            title = text[h.title_start : h.title_end]
            out.append(f"{'  ' * (child.level - 1)}{h.style} {h.marker or '-'} {title}")
            walk(child)

    walk(root)
    return out


@pytest.mark.parametrize(("text", "expected"), params("outline"))
def test_fixture(text: str, expected: str) -> None:
    assert render(text) == (expected.split("\n") if expected else [])


@pytest.mark.parametrize(("text", "expected"), params("outline/layout"))
def test_layout_fixture(text: str, expected: str) -> None:
    # raw layout (hard-wrapped, scraped): normalised first, paragraphs shown with the sections
    assert render(normalize(text), paragraphs=True) == (expected.split("\n") if expected else [])


def test_fixtures_are_found() -> None:
    assert len(load_cases("outline")) >= 20
    assert len(load_cases("outline/layout")) >= 6


# ---------------------------------------------------------------- single rules


@pytest.mark.parametrize(
    "line",
    ["一、总体要求", "二、 主要任务", "（三）改革开放持续深化", "(1)加强监管", "①推进项目", "第一章 总则", "壹、前言",
     "## 工作回顾", "**结束语**", "6 大力做好乡村振兴工作", "附件2 名词解释"],
)  # fmt: skip
def test_looks_like_heading(line: str) -> None:
    assert numbering.looks_like_heading(line)


@pytest.mark.parametrize(
    "line",
    ["1.5亿元的项目", "2023年是开局之年", "2.5", "1 兆378亿元，创下新高", "10 万人次参加活动", "（1）", "全年增长5%。"],
)
def test_not_a_heading(line: str) -> None:
    assert not numbering.looks_like_heading(line)


@pytest.mark.parametrize(
    ("para", "title"),
    [("多点发力提振消费。积极创新消费场景。", "多点发力提振消费"),
     ("——经济总体回升向好。增长5.2%。", "经济总体回升向好"),
     ("一是加大调控力度，推动经济好转。出台政策。", "加大调控力度，推动经济好转"),
     ("第二，稳定就业。新增岗位。", "稳定就业"),
     ("能源保障有力有效。新增装机。", "能源保障有力有效")],
)  # fmt: skip
def test_lead_clause(para: str, title: str) -> None:
    lead = read_lead(para, 0, len(para))
    assert lead is not None and para[lead.title_start : lead.title_end] == title


@pytest.mark.parametrize(
    "para",
    ["我们要坚持稳中求进。各地要出台政策。", "新区是全市发展的排头兵。今年将聚焦海洋经济。", "开局定后势。",
"“创新”是发展理念之首。要放在突出位置。", "的基地及门户。推动合作。",
     "要加快旧区改造。要推进改革。", "将继续扩大开放。推动合作。", "能够保障供应。新增装机。"],
)  # fmt: skip
def test_not_a_lead(para: str) -> None:
    assert read_lead(para, 0, len(para)) is None


@pytest.mark.parametrize(
    "line", ["步伐坚实", "“十四五”时期经济社会发展回顾", "主力军挺进主战场,奋战“双过半”", "结束语之后"]
)
def test_subhead_shape(line: str) -> None:
    assert subhead_shape(line)


@pytest.mark.parametrize(
    "line", ["大鲍岛", "四方宿舍", "邮轮港区鸟瞰", "各位代表！", "来源：日报", "全年增长5%。", "经济运行，"]
)
def test_not_a_subhead(line: str) -> None:
    assert not subhead_shape(line)


def test_spans_cover_heading_to_last_descendant() -> None:
    text = "一、回顾\n全年增长。\n（一）经济\n稳中有进。\n二、安排\n今年要稳。"
    root, _ = outline.split(text)
    first = root.children[0]
    assert first.heading is not None and first.heading.start == 0
    assert text[first.heading.start : first.end] == "一、回顾\n全年增长。\n（一）经济\n稳中有进。"


def test_numbering_gap_is_diagnosed() -> None:
    _, diags = outline.split("一、回顾\n正文。\n三、安排\n正文。")
    assert [d.code for d in diags] == ["numbering_gap"]


# ---------------------------------------------------------------- properties

_VERBS = ["推进", "加强", "深化", "优化", "提升", "完善", "培育", "强化"]
_NOUNS = ["产业体系", "营商环境", "公共服务", "城市功能", "创新能力", "社会保障", "生态环境", "基层治理"]
_PHRASE = st.builds(lambda v, n: v + n, st.sampled_from(_VERBS), st.sampled_from(_NOUNS))
# body text that no rule reads as a heading: it opens with a pronoun and its sentences have commas
_BODY = st.builds(lambda a, b: f"我们将{a}，持续{b}，取得实效。", _PHRASE, _PHRASE)

_MARKERS = {
    "cn_dun": lambda n: f"{format_cn(n)}、",
    "paren_cn": lambda n: f"（{format_cn(n)}）",
    "arabic_dot": lambda n: f"{n}.",
    "paren_arabic": lambda n: f"（{n}）",
}
_ORDER = ["cn_dun", "paren_cn", "arabic_dot", "paren_arabic"]


@st.composite
def trees(draw: st.DrawFn) -> tuple[list[tuple[int, str, str]], str]:
    """A random outline (level, style, title) rendered to text; the deepest level may be leads."""
    depth = draw(st.integers(1, 3))
    styles = _ORDER[draw(st.integers(0, len(_ORDER) - depth)) :][:depth]
    leads = draw(st.booleans())
    expected: list[tuple[int, str, str]] = []
    lines: list[str] = []

    def emit(level: int) -> None:
        count = draw(st.integers(2 if level > 1 else 1, 3))
        for n in range(1, count + 1):
            title = draw(_PHRASE)
            if level > depth:
                expected.append((level, "lead", title))
                lines.append(f"{title}。{draw(_BODY)}")
                continue
            expected.append((level, styles[level - 1], title))
            lines.append(_MARKERS[styles[level - 1]](n) + title)
            lines.append(draw(_BODY))
            if level < depth or leads:
                emit(level + 1)

    emit(1)
    return expected, "\n".join(lines)


def _shape(text: str) -> list[tuple[int, str, str]]:
    root, _ = outline.split(text)
    out: list[tuple[int, str, str]] = []

    def walk(node: outline.Node) -> None:
        for c in node.children:
            assert c.heading is not None
            out.append((c.level, c.heading.style or "", text[c.heading.title_start : c.heading.title_end]))
            walk(c)

    walk(root)
    return out


_NOISE = st.lists(st.sampled_from(["", "\n", "\n\n", " ", "\u3000"]), min_size=1, max_size=400)


def _with_noise(text: str, noise: list[str]) -> str:
    """Blank lines between lines and spaces around them: what layout does to a report."""
    out = []
    for i, line in enumerate(text.split("\n")):
        pad = noise[i % len(noise)]
        out.append(pad.strip("\n") + line + (" " if pad == " " else "") + "\n" + ("\n" if "\n" in pad else ""))
    return "".join(out)


@given(trees(), _NOISE)
def test_rendered_tree_comes_back(tree: tuple[list[tuple[int, str, str]], str], noise: list[str]) -> None:
    expected, text = tree
    assert _shape(text) == expected
    assert _shape(_with_noise(text, noise)) == expected


@given(st.lists(_BODY, min_size=1, max_size=8), _NOISE)
def test_text_without_headings_is_one_preamble(paragraphs: list[str], noise: list[str]) -> None:
    text = _with_noise("\n".join(paragraphs), noise)
    root, _ = outline.split(text)
    assert root.children == []
    assert len(root.paragraphs) == len(paragraphs)


@given(st.text(alphabet="第一二十壹貳（(1２#附①⑴ 、.．）)章节部分篇件经济年结束语名词解释后记", min_size=1, max_size=8))
def test_every_marker_opens_with_a_listed_character(line: str) -> None:
    # numbering.MARKER_OPENING lets lines that open with anything else skip the style table
    if any(style.pattern.match(line) for style in numbering.STYLES):
        assert numbering.MARKER_OPENING.match(line)
