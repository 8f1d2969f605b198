"""Leads: a paragraph that opens with a short clause ending in 。 becomes a child section.

:func:`read_lead` reads a paragraph's lead clause (at scan time); :func:`accept_leads`
decides, once the numbered outline stands, which of them are headings: those whose
siblings agree.
"""

from __future__ import annotations

import regex

from ..text.chars import CLAUSE_MARKS, COLONS, COMMAS, FULL_STOPS, SEMICOLONS
from ..text.numbering import DASH_ITEM, ORDINAL_DI, ORDINAL_IS, Style, new_style
from ..text.numerals import CN_NUMERAL_CHARS, parse_number
from .blocks import Block

_CN = CN_NUMERAL_CHARS
#: one character of a lead's title: no full stop (a dash lead's title may hold semicolons) ...
_NOT_STOP = f"[^{regex.escape(FULL_STOPS)}\\n]"
#: ... no full stop or semicolon (一是…；二是… inside one paragraph is no lead) ...
_NOT_SENTENCE_END = f"[^{regex.escape(FULL_STOPS + SEMICOLONS)}\\n]"
_STOP_OR_COLON = regex.escape(FULL_STOPS + COLONS)

#: words that cannot open an unmarked lead: a subject pronoun (我们要…) makes it a statement,
#: a particle (的…, 及…) shows a PDF line starting mid-phrase, a modal verb (要…, 将…, 能…)
#: makes it an instruction rather than a heading
NOT_LEAD_OPENERS = (
    "我们", "我", "他们", "他", "她", "这", "那", "的", "地", "得", "及", "而", "之",
    "要", "将", "应", "必须", "需要", "需", "可以", "能", "会",
)  # fmt: skip
#: words that begin with one of those characters and are words of their own, which may open
#: a heading (能源保障有力有效。 会展经济加快发展。): the filter reads words, not characters
LEAD_OPENING_WORDS = (
    "能源", "能力", "能级", "能效", "能耗", "会展", "会议", "应急", "应用", "应对", "要素",
    "需求", "地方", "地区", "地质", "地铁", "及时", "而今",
)  # fmt: skip
#: a lead's opening: none of :data:`NOT_LEAD_OPENERS`, unless it begins a word of :data:`LEAD_OPENING_WORDS`
_OPENING = f"(?!(?!{'|'.join(LEAD_OPENING_WORDS)})(?:{'|'.join(NOT_LEAD_OPENERS)}))"

#: a lead sentence is short, whether it runs into its paragraph or stands on its own line
MAX_LEAD = 40
_COMMA = regex.compile(f"[{COMMAS}]")
_DIGIT = regex.compile(r"\d")
#: one character of an unmarked lead's clause: no clause break, no full stop, no copula
_CLAUSE = f"[^{regex.escape(CLAUSE_MARKS + FULL_STOPS)}是\\n]"

#: leads: a paragraph that opens with a short clause ending in 。 and goes on. When at least
#: two siblings do so, each becomes a child section titled by its clause. Tried in order.
LEADS: tuple[Style, ...] = (
    new_style(
        "dash_lead",
        rf"(?P<marker>{DASH_ITEM})(?P<title>{_NOT_STOP}{{2,{MAX_LEAD}}})。(?=\S)",
        None,
        False,
        "——经济总体回升向好。…: the dashed achievements list of a work report's review",
    ),
    new_style(
        "ordinal_lead",
        rf"(?P<marker>{ORDINAL_IS})(?P<title>{_NOT_SENTENCE_END}{{2,{MAX_LEAD}}})。(?=\S)",
        None,
        False,
        "一是…。 二是…。 opening consecutive paragraphs (not 一是…；二是… inside one paragraph)",
    ),
    new_style(
        "ordinal_lead",
        rf"(?P<marker>{ORDINAL_DI})(?P<title>{_NOT_SENTENCE_END}{{2,{MAX_LEAD}}})。(?=\S)",
        None,
        False,
        "第一，…。 第二，…。 opening consecutive paragraphs",
    ),
    new_style(
        "lead",
        rf"(?![“\"「『(（—]){_OPENING}(?P<title>{_CLAUSE}{{4,{MAX_LEAD}}}[{COMMAS}]{_OPENING}{_CLAUSE}{{4,{MAX_LEAD}}}"
        rf"|{_CLAUSE}{{4,{MAX_LEAD}}})。(?=\S)",
        None,
        False,
        "多点发力提振消费。积极…, 坚持扩大内需，推动消费升级。…: a bold lead of one or two clauses in "
        "front of its paragraph; not a statement with a subject pronoun (我们要…), a leading modal "
        "(要…/将…) or a copula (…是…), nor a PDF line starting mid-phrase (的…)",
    ),
)

#: an address to the audience alone on a line, or opening a paragraph with an exclamation
#: (各位代表！过去五年…), closes the chapters below the top level: leads after it are children
#: of the part, as 深入推进依法行政。 after 各位代表！ in a work report
SALUTATION = regex.compile(rf"(?:各位代表|各位委员|各位政协委员|同志们|各位同志)[{_STOP_OR_COLON}]?")


def read_lead(s: str, start: int, end: int) -> Block | None:
    """The paragraph ``s`` at ``[start, end)`` read as a lead-sentence heading (decided later, by its siblings)."""
    for style in LEADS:
        m = style.pattern.match(s)
        if m is None:
            continue
        num = m.groupdict().get("num")
        number = parse_number(num) if num else None
        if num and number is None:
            continue
        if m.end("title") - m.start("title") > MAX_LEAD:
            continue  # two clauses, each short, together too long for a lead
        marker = m.groupdict().get("marker")
        return Block(
            start, end, "heading", style.name, marker, number, start + m.start("title"), start + m.end("title"),
            start + m.end(),
        )  # fmt: skip
    return None


def series(lead: Block) -> str:
    """The list a lead belongs to: its style, and for ordinals the form of the marker, since 一是…
    and 第一，… are two lists (a report may nest one inside the other) each numbered from one."""
    style = lead.style or ""
    if style == "ordinal_lead" and lead.marker:
        return f"{style}:{'第' if lead.marker.startswith('第') else '是'}"
    return style


def _parallel(text: str, members: list[tuple[int, Block | None]], rank: dict[int, int]) -> list[int]:
    """The members of the shape most of them share: leads of one clause, or of two (坚持A，推进B).

    A list of leads is parallel: a two-clause opening among one-clause leads (or the other way
    round) is a paragraph's topic sentence, not an item of the list. On a tie, one clause.
    Two-clause leads, which many a body paragraph's first sentence resembles, count only as a
    run of consecutive paragraphs, and with no figures (a lead names a task, not a result).
    """
    titles = {i: (lead.title_start, lead.title_end) for i, lead in members if lead is not None}
    two = [i for i, (a, b) in titles.items() if _COMMA.search(text, a, b)]
    one = [i for i in titles if i not in two]
    if len(two) <= len(one):
        return one
    figures = any(_DIGIT.search(text, *titles[i]) for i in two)
    if figures or rank[two[-1]] - rank[two[0]] + 1 != len(two):
        return []
    return two


def _heading_parents(blocks: list[Block]) -> dict[int, int]:
    """Each heading's parent: ``{heading index: parent heading index or -1}``."""
    stack: list[int] = []
    parents: dict[int, int] = {}
    for i, b in enumerate(blocks):
        if b.kind == "heading":
            while stack and blocks[stack[-1]].level >= b.level:
                stack.pop()
            parents[i] = stack[-1] if stack else -1
            stack.append(i)
    return parents


def paragraph_parents(text: str, blocks: list[Block]) -> dict[int, tuple[int, int]]:
    """Each paragraph's parent: ``{paragraph index: (heading index or -1, heading level or 0)}``.

    An address to the audience alone on its line (:data:`SALUTATION`) closes the chapters
    below the top level, and is itself nobody's paragraph here.
    """
    stack: list[tuple[int, int]] = []  # (block index, level) of the open headings
    parents: dict[int, tuple[int, int]] = {}
    for i, b in enumerate(blocks):
        if b.kind == "heading":
            while stack and stack[-1][1] >= b.level:
                stack.pop()
            stack.append((i, b.level))
        elif b.kind == "paragraph":
            address = SALUTATION.match(text, b.start, b.end)
            if address is not None and stack and stack[0][1] == 1:
                if address.end() == b.end:
                    del stack[1:]
                    continue
                if text[address.end() - 1] in FULL_STOPS:
                    del stack[1:]  # 各位代表！过去五年…: the part's own paragraph, after its chapters
            parents[i] = stack[-1] if stack else (-1, 0)
    return parents


def accept_leads(text: str, blocks: list[Block]) -> None:
    """Turn paragraphs that open with a lead clause into child sections, when siblings agree.

    Leads are grouped by the section they sit in. A group is accepted when it has two or
    more members (for 一是/二是: numbered 1, 2, … in order) that come as a run, with fewer
    other paragraphs between its first and last member than it has members: leads are a
    list of parallel items, not topic sentences scattered through an article. A lone lead
    that opens its section is accepted when the same kind was accepted in a sibling section
    (under the same parent: leads in another part license nothing here).
    """
    grandparent = _heading_parents(blocks)
    groups: dict[tuple[int, str], list[int]] = {}
    parent_level: dict[int, int] = {}
    opens: set[int] = set()  # leads that are the first paragraph of their section
    para_rank: dict[int, int] = {}  # paragraph index -> its position among its parent's paragraphs
    counts: dict[int, int] = {}
    parents = paragraph_parents(text, blocks)
    for i, parent in parents.items():
        b = blocks[i]
        para_rank[i] = counts.get(parent[0], 0)
        counts[parent[0]] = para_rank[i] + 1
        if b.lead is None:
            continue
        if para_rank[i] == 0 and parent[0] >= 0:
            opens.add(i)
        groups.setdefault((parent[0], series(b.lead)), []).append(i)
        parent_level[i] = parent[1]
    accepted: list[int] = []
    licensed: set[tuple[str, int]] = set()  # (style, parent of the section that holds the leads)
    singles: list[tuple[str, int]] = []
    for (holder, style), members in groups.items():
        if style == "lead":
            members = _parallel(text, [(i, blocks[i].lead) for i in members], para_rank)
        if style.startswith("ordinal_lead"):
            run: list[int] = []
            for i in members:
                lead = blocks[i].lead
                if lead is not None and lead.number == len(run) + 1:
                    run.append(i)
            members = run
        spread = para_rank[members[-1]] - para_rank[members[0]] + 1 if members else 0
        if len(members) >= 2 and spread - len(members) < len(members):
            accepted.extend(members)
            licensed.add((style, grandparent.get(holder, -1)))
        elif len(members) == 1 and not style.startswith("ordinal_lead") and members[0] in opens:
            singles.append((style, members[0]))
    accepted.extend(i for style, i in singles if (style, grandparent.get(parents[i][0], -1)) in licensed)
    for i in accepted:
        lead = blocks[i].lead
        assert lead is not None
        lead.level = parent_level[i] + 1
        blocks[i] = lead
