"""Page furniture: text that belongs to the page or the site, not to the report.

Two tables of named rules, each with a comment on the real-world convention it
covers. :data:`BLOCK_RULES` match spans that may run over several lines (YAML
front matter, a collector header, a caption broken over a narrow column, a
footer that runs to the end of the page); :data:`LINE_RULES` match one whole
line. Both run after width folding and conversion to Simplified, each as one
pattern tried from the start of every line that holds one of the rules' hints
(a keyword every match needs): one scan for each table's hints finds its lines. Every
match becomes :class:`~govreport.models.Noise` of the rule's kind; :data:`KINDS`
is the whole vocabulary.

>>> [(e.kind, e.start, e.end) for e in find("□本报记者 王凯\\n全年新增就业4万人。")]
[('byline', 0, 8)]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

import regex

from ..text import frequency
from ..text.words import PICTURED, PICTURED_WORDS
from .offsets import Edit

#: every kind of noise govreport produces, with what it covers
KINDS: dict[str, str] = {
    "caption": "photo captions, figure markup, a bare caption naming the pictured place",
    "credit": "photo credits: 修相科 摄",
    "byline": "reporter and author lines, the speaker's office and name under a title",
    "editor": "editor lines on a newspaper page: 主编/美编/审读/排版/责任编辑",
    "issue": "issue numbers of a paper or bulletin: 第556期",
    "chrome": "site chrome: menus, font-size controls, share/print buttons, source and date fields, "
    "datelines, counters, banners, link lists, footers",
    "cover": "cover-page lines standing alone: a session designation, a date",
    "disclaimer": "site disclaimers: 免责声明, 本站…",
    "licence": "licence footers (Wikisource public-domain notices) running to the end of the text",
    "front_matter": "YAML front matter at the top of a Markdown file",
    "collector": "headers added by scrapers: 标题：…正文：",
    "reading": "pinyin readings a converter left after a character: 區(qū)",
    "page_number": "a page number alone on a line between the parts of a split sentence",
    "vertical_title": "a character of a title set vertically on a cover that text extraction put below the "
    "cover lines; it is read back into the title",
    "debris": "a stray digit glued after the final punctuation of the text",
}


class Hint(NamedTuple):
    """A hint that is a pattern rather than a plain word: 日 after a digit."""

    pattern: str


def _after_number(word: str) -> Hint:
    """The hint of a rule whose ``word`` closes a number: 期 of 第556期, 日 of 3月5日 (after a
    digit or a blank, never after a Han character: 日期, 星期)."""
    return Hint(rf"{word}(?<![^\d \t]{word})")


def _words(alternation: str) -> tuple[str, ...]:
    return tuple(alternation.split("|"))


class Rule(NamedTuple):
    """A named pattern; ``keep`` may veto a match (e.g. a tail that is too long).

    Block patterns match from the start of a line; an ``at_end`` pattern is
    looked for in the last characters of the text only. ``hint`` lists the
    words (or :class:`Hint` patterns) of which every match holds one on its
    first line: only lines holding one are tried (a cheap prefilter). ``reach``
    is how many characters before its hint a match may begin, over line breaks.
    """

    kind: str
    pattern: str
    comment: str
    keep: Callable[[str], bool] | None = None
    at_end: bool = False
    hint: tuple[str | Hint, ...] = ()
    reach: int = 0


_NAME = r"[\p{Han}·](?:[ \t]*[\p{Han}·]){1,3}"  # a personal name, maybe spaced out: 李 强
_OFFICES = "总理|副总理|省长|副省长|市长|副市长|区长|县长|主席|院长|副院长|部长|书记|主任"
_OFFICE = f"(?:{_OFFICES})"
_CREDIT = r"(?:(?:本报|新华社|本台)?(?:首席)?(?:记者|通讯员|摄影)[ \t]*)?" + _NAME + r"[ \t]*(?<!拍)摄(?:影)?"
# the font-size widget is spelled 字号 or 字体 (【字体：大 中 小】); 分享: opens the share buttons
_CHROME_WORDS = "下载|打印|全屏|收藏|分享|加大|还原|减小|关闭|返回|顶部|默认|字号|字体|打印本页|关闭窗口"
_CHROME_WORD = (
    r"(?:下载|打印|全屏|收藏|分享[:：]?|加大|还原|减小|关闭|返回|顶部|默认|字[号体][:：]?|打印本页|关闭窗口"
    r"|[【】\[\]|｜])"
)
_FIELDS = (
    "来源|时间|日期|发布时间|发布日期|更新时间|作者|添加时间|发文时间|发文单位|发文字号|信息来源|文章来源"
    "|主办单位|承办单位|联系地址|网址|上班时间|浏览次数|点击数"
    # more labels of news and government sites: 发表时间, 发布机构, a view count, a related-files box,
    # and the document table of government portals (索引号, 主题分类, 发文机关, 成文日期)
    "|发表时间|发表日期|发布机构|阅读量|相关文档|索引号|主题分类|发文机关|成文日期"
)
_FIELD = f"(?:{_FIELDS})"
_FOOTERS = "友情链接|相关链接|相关报道|相关新闻|相关阅读|延伸阅读|相关文档|版权所有|Copyright|©"
_FOOTER = f"(?:{_FOOTERS})"
_LINK = regex.compile(r"https?://|www\.|\]\(")
_LICENCE = regex.compile(r"公有领域|著作权|版权|许可协议|授权|Public domain|Creative Commons|CC BY", regex.IGNORECASE)


def _short(limit: int) -> Callable[[str], bool]:
    return lambda s: len(s) <= limit


#: spans over one or more lines, tried first; a line they touch is not tried again
BLOCK_RULES: tuple[Rule, ...] = (
    Rule(
        "front_matter",
        r"\A---[ \t]*\n(?:[^\n]*\n){0,200}?---[ \t]*$",
        "YAML front matter of a Markdown file",
        hint=("---",),
    ),
    Rule(
        "collector",
        r"\A[ \t]*标题[:：][^\n]*\n(?:[^\n]*\n){0,12}?[ \t]*正文[:：][ \t]*$",
        "a scraper's header: 标题：… 发文单位：… 正文：",
        hint=("标题",),
    ),
    Rule(
        "caption",
        r"[ \t]*■[^\n]*(?:(?<![。！？!?])\n(?![ \t]*\n)[ \t]*[^\n■□]{1,16}(?=\n|\Z)){0,5}",
        "newspaper photo caption after a black square, broken over narrow column lines until its sentence ends",
        hint=("■",),
    ),
    Rule(
        "caption",
        r"[ \t]*<figure\b(?:(?!</figure>)[\s\S]){0,3000}</figure>",
        "HTML figure with its image and caption",
        hint=("<figure",),
    ),
    Rule(
        "byline",
        r"[ \t]*[\p{Han}]{0,12}" + _OFFICE + r"[ \t]*\n[ \t]*" + _NAME + r"[ \t]*$",
        "speaker's office on one line and name on the next, under a report title: 国务院总理 / 李 强",
        hint=_words(_OFFICES),
    ),
    Rule(
        "licence",
        r"[ \t]*本作品[^\n]*(?:\n[^\n]*){0,80}\Z",
        "a licence footer (本作品是…属于公有领域) running to the end of the text",
        lambda s: _LICENCE.search(s) is not None and len(s) <= 3000,
        hint=("本作品",),
    ),
    Rule(
        "chrome",
        r"[ \t]*" + _FOOTER + r"[^\n]*(?:\n[^\n。]*){0,120}\Z",
        "a site footer (related links, link lists, copyright) running to the end of the text",
        _short(4000),
        hint=_words(_FOOTERS),
    ),
    Rule(
        "chrome",
        r"[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*(?:\n[^\n]*){1,8}\Z",
        "a short footer after a closing Markdown rule that carries a link (subscription appeal, site links)",
        lambda s: len(s) <= 600 and _LINK.search(s) is not None,
        hint=("---", "***", "___"),
    ),
    Rule(
        "debris",
        r"(?<=[。！？!?”])[ \t]*\d{1,3}(?=\s*\Z)",
        "a stray digit glued after the final punctuation",
        at_end=True,
    ),
    Rule(
        "caption",
        r"(?<=\A|\n[ \t]*\n)[ \t]*\p{Han}{1,8}" + PICTURED + r"[ \t]*(?=\n[ \t]*\n|\s*\Z)",
        "a bare caption line standing alone between blank lines, naming the pictured place: 港区鸟瞰",
        hint=_words(PICTURED_WORDS),
    ),
    Rule(
        "chrome",
        # the value: a short line that is no sentence, clause, list item or salutation (no 。，、 …, no
        # closing colon), so that a label over body text never takes the text with it
        r"[ \t]*" + _FIELD + r"[ \t]*[:：][ \t]*\n[ \t]*[^\n。！？!?；;，,、]{1,40}(?<![:：])[ \t]*$",
        "a source or date field whose value stands on the next line (a web page's two-column table): "
        "来源： / 某某日报, 发表时间： / 2025-01-20 10:30",
        hint=_words(_FIELDS),
    ),
    Rule(
        "chrome",
        r"[ \t]*(?:[【\[][ \t]*)?字[号体][ \t]*(?:[:：][ \t]*)?"
        r"(?:\n[ \t]*[大中小][ \t]*){2,3}(?:\n[ \t]*[】\]][ \t]*)?$",
        "the font-size widget with one size per line, as a page's text copy lays it out: 【字体： / 大 / 中 / 小 / 】",
        hint=("字号", "字体"),
    ),
)

BLOCK_RULES += (
    Rule(
        "chrome",
        r"[ \t]*(?:您的位置|您现在的位置|当前位置|所在位置)[ \t]*[:：][ \t]*"
        r"(?:[^\n>＞»]{1,20}?[ \t]*[>＞»][ \t]*){1,8}",
        "a site's breadcrumb glued before the page's title: 您的位置：首页 > 政务公开 > (the title stays)",
        hint=("位置",),
    ),
)

#: line rules, tried in order; the whole line (less surrounding blanks) must match
LINE_RULES: tuple[Rule, ...] = (
    Rule("caption", r"■.*", "newspaper photo caption introduced by a black square", hint=("■",)),
    Rule(
        "caption",
        r"(?:[^\n。]{0,30}。)?图为.{2,80}",
        "photo caption starting or continuing with 图为",
        hint=("图为",),
    ),
    Rule(
        "caption",
        r"<img\b[^>]*>|<figcaption>.*</figcaption>|!\[[^\]]*\]\([^)]*\)",
        "image markup",
        hint=("<img", "<figcaption>", "!["),
    ),
    Rule("byline", r"□.{1,40}", "newspaper byline introduced by a white square: □北宣, □本报记者 王凯", hint=("□",)),
    Rule(
        "byline",
        r"[^，。,]{0,20}(?:记者|通讯员)[ \t]*[\p{Han}·]{2,4}(?:[ \t]+[\p{Han}·]{2,4})*",
        "reporter credit line: 半岛全媒体首席记者 李晓哲",
        hint=("记者", "通讯员"),
        reach=20,  # [^，。,]{0,20} may take in short lines before the keyword
    ),
    Rule(
        "byline",
        r"[\p{Han}]{0,12}" + _OFFICE + r"[ \t]+" + _NAME,
        "the speaker's office and name on one line: 北京市市长 殷勇",
        hint=_words(_OFFICES),
    ),
    Rule(
        "credit",
        r"(?:[\p{Han}·]{2,4}[ \t]*){1,4}(?<!拍)摄(?:影)?",
        "photo credit (up to four names): 修相科 摄",
        hint=("摄",),
    ),
    Rule(
        "caption",
        r"[^\n]{2,80}?(?:[。.][ \t]*|[ \t]+)" + _CREDIT,
        "a caption sentence ending with its photo credit: …施工。本报记者 戴冰摄",
        hint=("摄",),
    ),
    Rule(
        "editor",
        r"(?:[(（\[【][ \t]*)?"
        r"(?:(?:主编|美编|审读|审核|排版|责任编辑|责编|编辑|校对|监制)[:： \t]*[\p{Han}·]{2,4}[ \t]*){1,6}"
        r"[)）\]】]?",
        "editor line on a newspaper page or under a web article, maybe in brackets: 主编 赵波 美编 李飞, "
        "（责任编辑：王明）",
        hint=_words("主编|美编|审读|审核|排版|编辑|责编|校对|监制"),
    ),
    Rule(
        "issue", r"第[ \t]*\d{1,5}[ \t]*期", "issue number of a paper or bulletin: 第556期", hint=(_after_number("期"),)
    ),
    Rule(
        "chrome",
        r".{0,30}阅读[ \t]*[(（]\d+[)）].{0,20}",
        "web dateline with a view counter: 阅读 (51938)",
        hint=("阅读",),
    ),
    Rule(
        "chrome",
        r"(?:浏览次数|访问量|点击数|阅读量)[:：]?[ \t]*\d+[ \t]*次?|.{0,10}\d+[ \t]*位访客|您是第[ \t]*\d*",
        "visitor counters",
        hint=_words("浏览次数|访问量|点击数|阅读量|位访客|您是第"),
    ),
    Rule(
        "chrome",
        _FIELD + r"[ \t]*(?:[:：]|[ \t]\d)[^\n。]{0,80}",
        "source, date and site fields: 来源：北京日报",
        hint=_words(_FIELDS),
    ),
    Rule(
        "chrome",
        r"(?:[^\n]{0,12}(?:客户端|公众号|微信号|微博)[:：][^\n]{1,20}?[ \t]*){1,4}",
        "masthead promotion of the paper's app and accounts: 客户端:观海新闻",
        hint=_words("客户端|公众号|微信号|微博"),
    ),
    Rule(
        "chrome",
        r".{0,30}(?:ICP备|公网安备|ICP证).{0,30}|网站地图",
        "site registration numbers and footer links",
        hint=_words("ICP备|公网安备|ICP证|网站地图"),
    ),
    Rule(
        "chrome",
        r"(?:" + _CHROME_WORD + r"[ \t]*)+",
        "menus and font-size controls, one token per line",
        hint=(*_words(_CHROME_WORDS), *"【】[]|｜"),
    ),
    Rule(
        "chrome",
        r"\[[^\]\n]{1,80}\]\([^)\n]+\)",
        "a Markdown link alone on a line (related articles)",
        hint=("[",),
    ),
    Rule(
        "disclaimer",
        r"(?:免责声明|法律声明|版权声明|本站|本网).{0,200}",
        "site disclaimer or notice, or the footer link to one: 免责声明, 法律声明, 本站为非营利性网站",
        hint=_words("免责声明|法律声明|版权声明|本站|本网"),
    ),
    Rule(
        "chrome",
        r"(?:扫一扫|打印本页|关闭窗口|分享到|【字[号体][:：]?|字[号体][:：]).{0,40}",
        "site chrome controls: 扫一扫, 分享到, the font-size widget on one line (【字体：大 中 小】)",
        hint=_words("扫一扫|打印本页|关闭窗口|分享到|字号|字体"),
    ),
    Rule(
        "chrome",
        r"[.。·…]{4,}",
        "a line of dots",
        hint=(Hint("\n[ \t]*[.。·…]{4}"),),  # the dots open their line (the first line is always tried)
    ),
    Rule(
        "cover",
        r"(?:中华民国|公元)?[ \t]*\d{1,4}[ \t]*年[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日",
        "a date alone on a line (cover page, signature)",
        hint=(_after_number("日"),),
    ),
    Rule(
        "cover",
        r"\p{Han}{2,8}第[ \t]*\d{1,3}[ \t]*届第[ \t]*\d{1,3}[ \t]*(?:会期|次会议)",
        "a session designation alone on a cover: 立法院第11届第3会期",
        hint=("届第",),
    ),
    Rule(
        "chrome",
        r"\d{4}(?:-\d{1,2}-\d{1,2}|/\d{1,2}/\d{1,2}|[ \t]*年[ \t]*\d{1,2}[ \t]*月[ \t]*\d{1,2}[ \t]*日)"
        r"(?:[ \t]*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?",
        "a web page's dateline alone on a line: 2025-01-20 10:30:15, 2025年01月20日 10:30 (a date alone in "
        "Chinese is a cover line, above)",
        hint=(Hint(r"-(?<=\d-)\d"), Hint(r"/(?<=\d/)\d"), _after_number("日")),
    ),
    Rule(
        "chrome",
        r"》》[^\n《]{1,40}《《|《《[^\n》]{1,40}》》",
        "a banner between doubled angle marks, a link to a feature or more news: 》》进入专题《《",
        hint=("》》", "《《"),
    ),
    Rule(
        "caption",
        r"(?:[^\n。]{2,100}。){0,2}[ \t]*这是[^\n。！？]{0,24}"
        r"(?:现场|场景|一角|全景|景象|画面|拍摄的[^\n。]{1,24}|航拍[^\n。]{0,24})。",
        "a news photo caption without a credit: the lead again, then what the photo shows, …开幕。这是会议现场。",
        hint=("这是",),
    ),
)

_BLOCKS = regex.compile(
    "^(?:" + "|".join(f"(?P<b{i}>{r.pattern})" for i, r in enumerate(BLOCK_RULES) if not r.at_end) + ")",
    regex.MULTILINE | regex.VERSION0,
)
_AT_END = [(r, regex.compile(r.pattern)) for r in BLOCK_RULES if r.at_end]
_TAIL = 64
_LINES = regex.compile(
    # possessive leading blanks: the rules are tried once per line, not once per leading blank
    r"^[ \t]*+(?:" + "|".join(f"(?P<l{i}>{r.pattern})" for i, r in enumerate(LINE_RULES)) + r")[ \t]*$",
    regex.MULTILINE | regex.VERSION0,
)


def _rarity(ch: str) -> int:
    """How rare a character is in reports: its frequency rank; ASCII counts as common."""
    return -1 if ch.isascii() else frequency.rank(ch)


#: a hint keyed on a character ranked above this (a common one, 市 总 众 …) is scanned apart
_COMMON_KEY = 300


def _hints(rules: tuple[Rule, ...]) -> tuple[list[re.Pattern[str]], int]:
    """Patterns finding the rules' hints, and the longest reach.

    stdlib re skips ahead to the next position holding the first character of an
    alternative when every alternative opens with a plain character: words are
    keyed on their rarest character for that (those of a rule with a reach keep
    their first, so that the reach counts from the word). At each such position
    re tries every alternative, so the hints keyed on a common character get a
    short pattern of their own; other hint patterns each get one too.
    """
    common: list[str] = []
    rare: list[str] = []
    others: list[str] = []
    for rule in rules:
        for hint in rule.hint:
            if isinstance(hint, Hint) and hint.pattern[0] in "[(\\.^$":
                others.append(hint.pattern)
                continue
            if isinstance(hint, Hint):
                keyed = hint.pattern
            else:  # a word with a reach keeps its first character, so that the reach counts from it
                keyed = re.escape(hint) if rule.reach else frequency.keyed(hint, _rarity)
            key = keyed[1] if keyed[0] == "\\" else keyed[0]
            (common if _rarity(key) < _COMMON_KEY else rare).append(keyed)
    patterns = ["|".join(dict.fromkeys(common)), "|".join(dict.fromkeys(rare)), *dict.fromkeys(others)]
    return [re.compile(p) for p in patterns if p], max(r.reach for r in rules)


#: every line a block rule may match from holds one of the first, every line a line rule may
#: match from one of the second: each pass tries its own lines only (a line holding 位置, the
#: hint of the breadcrumb block, is common in reports and is no line rule's)
_BLOCK_HINTS = _hints(BLOCK_RULES)
_LINE_HINTS = _hints(LINE_RULES)


def _candidates(text: str, hints: tuple[list[re.Pattern[str]], int]) -> list[int]:
    """Sorted starts of the lines a rule may match from: the first line, each line with a hint,
    and the earlier lines whose text starts at most ``reach`` characters before that hint."""
    patterns, reach = hints
    starts = {0}
    for pattern in patterns:
        line = seen = 0  # the start of the line of the last hint, and where that hint ended
        for m in pattern.finditer(text):
            k = m.end() - 1  # the hint's line is that of its last character (it may open with a line break)
            # hints come in order: only the text since the last one is searched for a line break,
            # so that a line with many hints (and no break) is read once, not once per hint
            nl = text.rfind("\n", seen, k)
            line = line if nl < 0 else nl + 1
            seen = k
            starts.add(line)
            s = line
            first = m.start() - reach  # the earliest a match's text (after its leading blanks) may start
            while s > 0 and first < s:  # the line before may hold the start of the match
                p = text.rfind("\n", 0, s - 1) + 1
                if text[p:first].strip(" \t"):
                    break  # its text starts too early
                starts.add(p)
                s = p
    return sorted(starts)


_NEWLINE = re.compile("\n")


def _matches(pattern: regex.Pattern[str], text: str, starts: list[int]) -> list[regex.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that matches only from the line starts listed."""
    found = []
    end = 0
    for s in starts:
        if s >= end:
            m = pattern.match(text, s)
            if m is not None:
                found.append(m)
                end = m.end()
    return found


def classify_line(line: str) -> Rule | None:
    """The first line rule whose pattern matches the whole stripped line.

    >>> classify_line("修相科 摄").kind
    'credit'
    >>> classify_line("全年新增就业4万人。") is None
    True
    """
    m = _LINES.match(line.strip())
    if m is None or m.lastgroup is None:
        return None
    return LINE_RULES[int(m.lastgroup[1:])]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def find(text: str, *, hinted: bool = True) -> list[Edit]:
    """Edits removing every piece of furniture's visible text (line breaks around it stay).

    The rules are tried from the lines that hold a hint only; ``hinted=False`` tries them
    from every line, the plain reference a property test holds the hints to.
    """
    spans: list[tuple[int, int, str]] = []
    taken_to = 0
    if hinted:
        block_starts, line_starts = _candidates(text, _BLOCK_HINTS), _candidates(text, _LINE_HINTS)
    else:
        block_starts = line_starts = [0, *(m.end() for m in _NEWLINE.finditer(text))]
    blocks_found = _matches(_BLOCKS, text, block_starts)
    matches = [(m, BLOCK_RULES[int(str(m.lastgroup)[1:])]) for m in blocks_found]
    for rule, pattern in _AT_END:
        found = pattern.search(text, max(0, len(text) - _TAIL))
        if found:
            matches.append((found, rule))
    for m, rule in sorted(matches, key=lambda x: x[0].start()):
        if rule.keep is not None and not rule.keep(m.group()):
            continue
        a, b = _trim(text, m.start(), m.end())
        if a < b and a >= taken_to:
            spans.append((a, b, rule.kind))
            taken_to = b
    blocks = iter(spans)
    edits = [Edit(a, b, "", kind) for a, b, kind in spans]
    nxt = next(blocks, None)
    for m in _matches(_LINES, text, line_starts):
        while nxt is not None and nxt[1] <= m.start():
            nxt = next(blocks, None)
        if nxt is not None and nxt[0] < m.end():
            continue  # the line is (partly) inside a block already taken
        a, b = _trim(text, m.start(), m.end())
        if a < b:
            edits.append(Edit(a, b, "", LINE_RULES[int(str(m.lastgroup)[1:])].kind))
    edits.sort()
    return edits
