"""Fast paths of decoding and normalisation give what the plain code gave (issue #8).

Each optimisation keeps its plain reference here, and a property or table test says
both agree on positive and negative cases alike.
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

from govreport.normalization import chain as nz
from govreport.normalization import furniture, mojibake, script
from govreport.normalization.offsets import Edit, OffsetMap, apply_edits
from govreport.text.numbering import MAX_SUBHEAD, looks_like_heading

# pieces that make page furniture and near misses: keywords of the rules, names, digits,
# dates, brackets, dots, blanks and line breaks (several in a row make blank lines)
_PIECES = (
    "■",
    "□",
    "图为",
    "<img src=a>",
    "<figure>",
    "</figure>",
    "![a](b)",
    "[链接](http://x)",
    "本报记者",
    "通讯员",
    "记者",
    "王凯",
    " ",
    "\t",
    "\n",
    "\n\n",
    "\r",
    "\u2028",
    "市长",
    "国务院总理",
    "书记",
    "李 强",
    "摄",
    "拍摄",
    "修相科",
    "主编",
    "编辑",
    "第",
    "556",
    "期",
    "日",
    "年",
    "月",
    "2024",
    "１２",
    "阅读",
    "(51938)",
    "浏览次数",
    "来源：",
    "时间",
    "客户端:",
    "ICP备",
    "网站地图",
    "打印",
    "【",
    "】",
    "|",
    "免责声明",
    "本站",
    "字号",
    "....",
    "。",
    "…",
    "·",
    "届第",
    "会期",
    "港区",
    "鸟瞰",
    "本作品",
    "公有领域",
    "相关链接",
    "---",
    "***",
    "标题：",
    "正文：",
    "http://a",
    "全年新增就业4万人",
    "，",
    "增长",
)
_pieces = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)
# short lines of a few pieces each: bylines and captions over several lines, blank lines
_lines = st.lists(st.lists(st.sampled_from(_PIECES), max_size=4).map("".join), max_size=8).map("\n".join)
_furniture_texts = st.one_of(_pieces, _lines)


def _find_reference(text: str) -> list[Edit]:
    """furniture.find as first written: both passes try every line start (finditer)."""
    f = furniture
    spans: list[tuple[int, int, str]] = []
    taken_to = 0
    matches = [(m, f.BLOCK_RULES[int(str(m.lastgroup)[1:])]) for m in f._BLOCKS.finditer(text)]
    for rule, pattern in f._AT_END:
        found = pattern.search(text, max(0, len(text) - f._TAIL))
        if found:
            matches.append((found, rule))
    for m, rule in sorted(matches, key=lambda x: x[0].start()):
        if rule.keep is not None and not rule.keep(m.group()):
            continue
        a, b = f._trim(text, m.start(), m.end())
        if a < b and a >= taken_to:
            spans.append((a, b, rule.kind))
            taken_to = b
    blocks = iter(spans)
    edits = [Edit(a, b, "", kind) for a, b, kind in spans]
    nxt = next(blocks, None)
    for m in f._LINES.finditer(text):
        while nxt is not None and nxt[1] <= m.start():
            nxt = next(blocks, None)
        if nxt is not None and nxt[0] < m.end():
            continue
        a, b = f._trim(text, m.start(), m.end())
        if a < b:
            edits.append(Edit(a, b, "", f.LINE_RULES[int(str(m.lastgroup)[1:])].kind))
    edits.sort()
    return edits


# ---------------------------------------------------------------- furniture hints


@given(_furniture_texts)
def test_furniture_matches_reference(text: str) -> None:
    assert furniture.find(text) == _find_reference(text)


@pytest.mark.parametrize(
    "text",
    [
        "北京\n本报记者 王凯",  # the byline's [^，。,]{0,20} takes in the short line before it
        "正文。\n北京\n本报记者 王凯",
        "正文。\n一二\n\n记者 王凯",
        "  \n\t\n本报记者 王凯\n全年新增就业4万人。",
        "一二三四五六七八九十一二三四五六七八九十\n记者 王凯",  # 21 characters back: too far
        "国务院总理\n李 强\n",
        "港区鸟瞰\n\n全年新增就业4万人。",
        "全年新增就业4万人。\n\n港区鸟瞰",
        "---\ntitle: a\n---\n正文",
        "标题：报告\n发文单位：市政府\n正文：\n全年",
        "2024年 3 月 5 日\n第 556 期\n......\n",
        "全年新增就业4万人。\n本作品属于公有领域。",
        "<img src=a\n>\n<figure>\n图\n</figure>正文",
        "全年新增就业4万人。本报记者 戴冰摄\n修相科 摄\n拍摄",
        "全年新增就业4万人。\n",
        "",
    ],
)
def test_furniture_cases(text: str) -> None:
    assert furniture.find(text) == _find_reference(text)


def test_every_rule_has_a_hint_its_matches_contain() -> None:
    # every rule but the end-of-text one is prefiltered; its own examples hold a hint, body text none
    samples = ["■ 港区", "图为港区", "□北宣", "修相科 摄", "第556期", "2024年3月5日", "立法院第11届第3会期"]
    samples += ["2024-01-01 阅读 (51938)", "主编 赵波 美编 李飞", "来源：北京日报", "北京市市长 殷勇", "……。。"]
    for rule in (*furniture.BLOCK_RULES, *furniture.LINE_RULES):
        assert rule.hint or rule.at_end, rule.comment
    for sample in samples:
        assert furniture.classify_line(sample) is not None
        assert furniture._candidates("正文。\n" + sample, furniture._HINTS) == [0, 4]
    assert furniture._candidates("正文。\n全年新增就业4万人，增长5%。\n年末", furniture._HINTS) == [0]


def test_words_are_keyed_on_their_rarest_character() -> None:
    assert furniture._keyed("新貌") == "貌(?<=新貌)"
    assert furniture._keyed("摄") == "摄"
    assert furniture._keyed("ICP备") == "备(?<=ICP备)"


# ---------------------------------------------------------------- join_layout


def _wrap_width_reference(lines: list[str]) -> int | None:
    """normalize._wrap_width as first written: a loop filling a dict."""
    counts: dict[int, int] = {}
    total = 0
    for line in lines:
        n = len(line.strip())
        if n >= nz._MIN_WRAPPED:
            counts[n] = counts.get(n, 0) + 1
            total += 1
    if not counts:
        return None
    width, hits = max(
        ((w, counts.get(w - 1, 0) + c + counts.get(w + 1, 0)) for w, c in counts.items()), key=lambda x: x[1]
    )
    return width if hits >= 5 and hits * 4 >= total else None


def _joins_reference(
    line: str, nxt: str, wrap: int | None, *, blank_gap: bool, page_break: bool, continuing: bool
) -> bool:
    if nxt[0] in nz._CONTINUES and not blank_gap:
        return True
    if line[-1] in nz._SENT_END and not nz._unclosed(line):
        return False
    if page_break or line[-1] in nz._MID_SENTENCE:
        return True
    if blank_gap:
        return False
    n = len(line.strip())
    bodyish = n >= 0.8 * wrap if wrap is not None else n > MAX_SUBHEAD
    return continuing or bodyish or nz._unclosed(line)


def _join_layout_reference(text: str) -> list[Edit]:
    """normalize.join_layout as first written: every line visited, the wrap width worked out first."""
    edits: list[Edit] = []
    lines = text.split("\n")
    starts: list[int] = []
    pos = 0
    for line in lines:
        starts.append(pos)
        pos += len(line) + 1
    n = len(lines)
    wrap = _wrap_width_reference(lines)
    i = 0
    continuing = False
    while i < n - 1:
        line = lines[i].rstrip()
        if not line.strip():
            i += 1
            continuing = False
            continue
        j = i + 1
        pages: list[int] = []
        while j < n and (not lines[j].strip() or nz._PAGE_NUMBER.fullmatch(lines[j].strip())):
            if lines[j].strip():
                pages.append(j)
            j += 1
        if j >= n:
            break
        nxt = lines[j].strip()
        joined = _joins_reference(line, nxt, wrap, blank_gap=j > i + 1, page_break=bool(pages), continuing=continuing)
        if not joined or looks_like_heading(line) or looks_like_heading(nxt):
            for k in pages:
                s = starts[k] + len(lines[k]) - len(lines[k].lstrip())
                edits.append(Edit(s, s + len(lines[k].strip()), "", "page_number"))
            i = j
            continuing = False
            continue
        a = starts[i] + len(line)
        b = starts[j] + (len(lines[j]) - len(lines[j].lstrip()))
        for k in pages:
            s = starts[k] + len(lines[k]) - len(lines[k].lstrip())
            e = s + len(lines[k].strip())
            edits.append(Edit(a, s, ""))
            edits.append(Edit(s, e, "", "page_number"))
            a = e
        edits.append(Edit(a, b, ""))
        continuing = True
        i = j
    return edits


# line pieces: sentence ends, open clauses, brackets, continuation signs, page numbers,
# headings, odd whitespace (U+3000, U+001C, NEL, CR) and long body text for the wrap width
_LAYOUT_PIECES = (
    "全年新增就业4万人",
    "一二三四五六七八九十一二三四",
    "。",
    "，",
    "、",
    "：",
    "；",
    "！",
    "…",
    "”",
    "“",
    "「国",
    "家」",
    "《条例》",
    "（",
    "）",
    "(",
    ")",
    "一、",
    "（一）",
    "1.",
    "12",
    "- 3 -",
    "第 4 页",
    "第一章",
    "**加粗**",
    "**",
    "# ",
    "附件",
    "-",
    "５",
    " ",
    "\t",
    "\u3000",
    "\x1c",
    "\x85",
    "\r",
    "\n",
    "\n\n",
)
_layout_lines = st.lists(st.lists(st.sampled_from(_LAYOUT_PIECES), max_size=6).map("".join), max_size=12)


@given(st.one_of(_layout_lines.map("\n".join), st.lists(st.sampled_from(_LAYOUT_PIECES), max_size=40).map("".join)))
def test_join_layout_matches_reference(text: str) -> None:
    assert nz.join_layout(text) == _join_layout_reference(text)


@given(_layout_lines, st.integers(min_value=0, max_value=30))
def test_join_layout_wrapped_matches_reference(lines: list[str], width: int) -> None:
    # hard-wrapped text: many lines of one width, so the wrap width decides
    text = "\n".join(["经济" * width + "，"] * 6 + lines + ["发展" * width] * 3)
    assert nz.join_layout(text) == _join_layout_reference(text)
    assert nz._wrap_width(text.split("\n")) == _wrap_width_reference(text.split("\n"))


# ---------------------------------------------------------------- apply_edits


def _apply_edits_reference(text: str, edits: list[Edit], omap: OffsetMap) -> tuple[str, OffsetMap]:
    """offsets.apply_edits as first written: every kept run walked through OffsetMap.slice."""
    if not edits:
        return text, omap
    parts: list[str] = []
    dst: list[int] = []
    s0: list[int] = []
    s1: list[int] = []
    pos = 0
    out_len = 0

    def emit(n: int, a: int, b: int) -> None:
        nonlocal out_len
        if n <= 0:
            return
        if dst and s1[-1] == a and out_len - dst[-1] == s1[-1] - s0[-1] and n == b - a:
            s1[-1] = b
        else:
            dst.append(out_len)
            s0.append(a)
            s1.append(b)
        out_len += n

    for e in edits:
        if e.start > pos:
            parts.append(text[pos : e.start])
            for n, a, b in omap.slice(pos, e.start):
                emit(n, a, b)
        if e.new:
            parts.append(e.new)
            a, b = omap.span(e.start, e.end)
            if len(e.new) == e.end - e.start:
                for n, x, y in omap.slice(e.start, e.end):
                    emit(n, x, y)
            else:
                emit(len(e.new), a, b)
        pos = e.end
    if pos < len(text):
        parts.append(text[pos:])
        for n, a, b in omap.slice(pos, len(text)):
            emit(n, a, b)
    if not dst:
        return "".join(parts), OffsetMap([], [], [], 0, omap.src_length)
    return "".join(parts), OffsetMap(dst, s0, s1, out_len, omap.src_length)


def _state(m: OffsetMap) -> tuple[object, ...]:
    return (m._dst, m._src_start, m._src_end, m._shift, m.length, m.src_length)


@st.composite
def _edit_lists(draw: st.DrawFn, text: str) -> list[Edit]:
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        new = draw(st.sampled_from(["", "x", "yz", "=" * (b - a)]))
        edits.append(Edit(a, b, new, draw(st.sampled_from([None, "caption"]))))
    return edits


@given(st.text(alphabet="ab\n经济", max_size=30), st.data())
def test_apply_edits_matches_reference(text: str, data: st.DataObject) -> None:
    # three rounds of edits, each composed onto the map the previous round left
    omap = ref_map = OffsetMap.identity(len(text))
    ref_text = text
    for _ in range(3):
        edits = data.draw(_edit_lists(text))
        text, omap = apply_edits(text, edits, omap)
        ref_text, ref_map = _apply_edits_reference(ref_text, edits, ref_map)
        assert text == ref_text
        assert _state(omap) == _state(ref_map)


# ---------------------------------------------------------------- Traditional lines


def _convert_lines_reference(text: str) -> list[tuple[int, int, str]]:
    """normalize.to_simplified as first written: every line searched, then converted alone."""
    edits = []
    pos = 0
    for line in text.split("\n"):
        if line and script.has_traditional(line):
            new = script.convert(line)
            if new != line:
                edits.append((pos, pos + len(line), new))
        pos += len(line) + 1
    return edits


# Traditional-only characters, phrase keys (乾隆, 一目瞭然, 傢俱), a character of several
# readings (著), variants the table changes that are not Traditional-only (緼), an astral
# character the table maps (𠁞), Simplified text and line breaks
_TRAD_PIECES = "經濟發展乾隆坤一目瞭然傢俱著覆藉麼干里後臺緼苧𠁞，。 \n\n经济"


@given(st.text(alphabet=_TRAD_PIECES, max_size=40))
def test_convert_lines_matches_reference(text: str) -> None:
    assert script.convert_lines(text) == _convert_lines_reference(text)


@pytest.mark.parametrize(
    "text",
    ["經濟發展\n一目瞭然的經濟\n经济", "乾隆年間\n\n國內生產總值增長5%", "緼苧\n經濟", "𠁞經濟\n發展", "", "\n"],
)
def test_convert_lines_cases(text: str) -> None:
    assert script.convert_lines(text) == _convert_lines_reference(text)
    fast = script._fast()
    assert fast is not None and fast.one_for_one  # the fast path is the one taken


# ---------------------------------------------------------------- the engine


def _normalize_reference(text: str) -> nz.Normalized:
    """normalize_and_explain as first written: every step runs in every round."""
    original = text
    omap = OffsetMap.identity(len(text))
    result = nz.Normalized(text, omap, original)
    result.script = script.detect(text)
    flagged: set[tuple[str, int, int]] = set()
    for _ in range(nz.MAX_ROUNDS):
        changed = False
        for name, fn in nz.NormalizeConfig().enabled():
            edits = fn(text)
            if not edits:
                continue
            for e in edits:
                if e.kind is None or e.end <= e.start:
                    continue
                a, b = omap.span(e.start, e.end)
                if e.new:
                    if (e.kind, a, b) not in flagged:
                        flagged.add((e.kind, a, b))
                        result.diagnostics.append(
                            nz.Diagnostic(code=e.kind, message=nz._flag_message(name, e, text), start=a, end=b)
                        )
                else:
                    result.noise.append(nz.Noise(kind=e.kind, text=nz._encodable(original[a:b]), start=a, end=b))
            edits = [e for e in edits if e.new != text[e.start : e.end]]
            if not edits:
                continue
            text, omap = apply_edits(text, edits, omap)
            result.steps.append(nz.ExplanationStep(name, tuple(edits)))
            changed = True
        if not changed:
            break
    result.text = text
    result.map = omap
    result.noise = nz._outermost(result.noise)
    return result


# what every step acts on: controls, surrogates, line breaks, wide characters, readings,
# mojibake, Traditional text, furniture and layout
_ENGINE_PIECES = (
    "\x00",
    "\ud800",
    "\r\n",
    "\r",
    "\f",
    "\u2028",
    "１２",
    "ＧＤＰ",
    "\u3000",
    "區(qū)",
    "?痹谝患径瓤己酥^",
    "瓤摄?",
    "\ufffd",
    "經濟發展",
    "一目瞭然",
    "本报记者 王凯",
    "修相科 摄",
    "经济 发展",
    "全年新增就业4万人",
    "，",
    "。",
    "\n",
    "\n\n",
    "12",
)


@given(st.lists(st.sampled_from(_ENGINE_PIECES), max_size=25).map("".join))
def test_engine_matches_reference(text: str) -> None:
    fast, plain = nz.normalize_and_explain(text), _normalize_reference(text)
    assert (fast.text, fast.noise, fast.diagnostics, fast.steps, fast.script) == (
        plain.text,
        plain.noise,
        plain.diagnostics,
        plain.steps,
        plain.script,
    )
    assert _state(fast.map) == _state(plain.map)


def test_mojibake_lines_need_an_ascii_trigger() -> None:
    # the ASCII prefilter: a ? or a trail byte among the ASCII characters, or no suspect line
    assert mojibake._suspect_lines("比重43.6%?!痹谝患径瓤己酥?,西海岸") == [(0, 21)]
    assert mojibake._suspect_lines("全年新增就业4万人。\n经济发展") == []
    assert mojibake._suspect_lines("经济\ud800发展") == []


def test_page_number_prefilter_lets_every_page_number_through() -> None:
    # every character the page-number pattern may open with passes the first-character test
    opener = regex.compile(r"-|第|\d")
    for code in range(0x110000):
        ch = chr(code)
        if opener.match(ch):
            assert nz._may_be_page_number(ch), hex(code)


@given(st.lists(st.sampled_from(_ENGINE_PIECES), max_size=25).map("".join))
def test_a_failed_gate_means_nothing_to_find(text: str) -> None:
    # what the engine relies on to skip a step: its test fails only where it finds nothing,
    # and the test is for characters alone (the text's or any of its pieces')
    for step, gate in nz._GATES.items():
        if not gate(text):
            assert step(text) == []
        assert gate(text) == any(gate(piece) for piece in text.split("\n"))  # a test of characters


def test_same_length_edits_keep_a_linear_map() -> None:
    omap = OffsetMap.identity(10)
    text, removed = apply_edits("abcdefghij", [Edit(2, 4, "")], omap)
    new, same = apply_edits(text, [Edit(0, 2, "AB"), Edit(5, 6, "F")], removed)
    assert new == "ABefgFij" and same is removed
    assert _apply_edits_reference(text, [Edit(0, 2, "AB"), Edit(5, 6, "F")], removed)[1].span(0, 8) == same.span(0, 8)
    with pytest.raises(ValueError, match="sorted"):
        apply_edits(text, [Edit(5, 6, "F"), Edit(0, 2, "AB")], removed)
