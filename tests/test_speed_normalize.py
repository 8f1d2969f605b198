"""The fast paths of normalisation give what their plain references give (issues #8, #14).

Two remain, each measured as a large share of parse time: the furniture hints (rules tried
only from the lines that hold one of their words, against every line) and the one-for-one
Traditional table (against OpenCC line by line). Each is held to its plain reference by a
property test and a table of cases; the plain reference lives next to the fast path.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govreport.normalization import furniture, script

# ---------------------------------------------------------------- furniture hints

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
    "发表时间：",
    "字体：",
    "大",
    "中",
    "》》",
    "《《",
    "这是",
    "现场",
    "2025-01-20",
    "10:30",
    "/",
    "（责任编辑：",
)
_pieces = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)
# short lines of a few pieces each: bylines and captions over several lines, blank lines
_lines = st.lists(st.lists(st.sampled_from(_PIECES), max_size=4).map("".join), max_size=8).map("\n".join)


@given(st.one_of(_pieces, _lines))
def test_furniture_hints_match_every_line(text: str) -> None:
    assert furniture.find(text) == furniture.find(text, hinted=False)


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
    assert furniture.find(text) == furniture.find(text, hinted=False)


def test_every_rule_has_a_hint() -> None:
    # every rule but the end-of-text one is prefiltered, and its own examples are found
    for rule in (*furniture.BLOCK_RULES, *furniture.LINE_RULES):
        assert rule.hint or rule.at_end, rule.comment
    samples = ["■ 港区", "图为港区", "□北宣", "修相科 摄", "第556期", "2024年3月5日", "立法院第11届第3会期"]
    samples += ["2024-01-01 阅读 (51938)", "主编 赵波 美编 李飞", "来源：北京日报", "北京市市长 殷勇", "……。。"]
    for sample in samples:
        assert furniture.classify_line(sample) is not None
        assert furniture.find("正文。\n" + sample) != []


# ---------------------------------------------------------------- Traditional lines

# Traditional-only characters, phrase keys (乾隆, 一目瞭然, 傢俱), a character of several
# readings (著), variants the table changes that are not Traditional-only (緼), an astral
# character the table maps (𠁞), Simplified text and line breaks
_TRAD_PIECES = "經濟發展乾隆坤一目瞭然傢俱著覆藉麼干里後臺緼苧𠁞，。 \n\n经济"


@given(st.text(alphabet=_TRAD_PIECES, max_size=40))
def test_convert_lines_matches_plain(text: str) -> None:
    assert script.convert_lines(text) == script._convert_lines_plain(text)


@pytest.mark.parametrize(
    "text",
    ["經濟發展\n一目瞭然的經濟\n经济", "乾隆年間\n\n國內生產總值增長5%", "緼苧\n經濟", "𠁞經濟\n發展", "", "\n"],
)
def test_convert_lines_cases(text: str) -> None:
    assert script.convert_lines(text) == script._convert_lines_plain(text)
    fast = script._fast()
    assert fast is not None and fast.one_for_one  # the fast path is the one taken
