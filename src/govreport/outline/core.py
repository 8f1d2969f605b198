"""Outline: split normalised text into a tree of numbered sections.

Three stages, each a plain function:

1. :func:`scan` turns lines into a flat stream of :class:`Block` items: heading
   candidates (tried against :data:`STYLES` in order) and paragraphs;
2. :func:`validate` accepts a candidate only when its number continues its
   style's sequence, and gives each accepted heading a level from the order in
   which styles first appear (a stack, as a word processor builds its outline);
3. :func:`build` nests the stream into :class:`Node` objects.

All positions are offsets into the normalised text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..models import Diagnostic
from ..text.chars import FULL_STOPS, HAN
from ..text.numbering import MAX_SUBHEAD, MAX_TITLE, STYLE_BY_NAME, Style, new_style, read_heading
from ..text.numerals import CN_NUMERAL_CHARS, parse_number
from ..text.words import PICTURED

_CN = CN_NUMERAL_CHARS


@dataclass
class Block:
    """One item of the flat stream: a paragraph, or a heading with an optional run-in body."""

    start: int
    end: int
    kind: str = "paragraph"  # or "heading", or "title" (the document's own title line)
    style: str | None = None
    marker: str | None = None
    number: int | None = None
    title_start: int = 0
    title_end: int = 0
    body_start: int | None = None  # run-in body after the title, up to ``end``
    level: int = 0
    lead: Block | None = None  # for a paragraph: its reading as a lead-sentence heading, if it has one


@dataclass
class Node:
    """A section under construction: heading block (None for the preamble) and content."""

    heading: Block | None
    level: int
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    end: int = 0
    title: tuple[int, int] | None = None  # on the root: the document title's span


# ---------------------------------------------------------------- paragraph-level rules

#: leads: a paragraph that opens with a short clause ending in 。 and goes on. When at least
#: two siblings do so, each becomes a child section titled by its clause. Tried in order.
LEADS: tuple[Style, ...] = (
    new_style(
        "dash_lead",
        r"(?P<marker>——)(?P<title>[^。！？!?\n]{2,40})。(?=\S)",
        None,
        False,
        "——经济总体回升向好。…: the dashed achievements list of a work report's review",
    ),
    new_style(
        "ordinal_lead",
        rf"(?P<marker>(?P<num>[{_CN}]{{1,3}})是)(?P<title>[^。！？!?；;\n]{{2,40}})。(?=\S)",
        None,
        False,
        "一是…。 二是…。 opening consecutive paragraphs (not 一是…；二是… inside one paragraph)",
    ),
    new_style(
        "ordinal_lead",
        rf"(?P<marker>第(?P<num>[{_CN}]{{1,3}})[，,、])(?P<title>[^。！？!?；;\n]{{2,40}})。(?=\S)",
        None,
        False,
        "第一，…。 第二，…。 opening consecutive paragraphs",
    ),
    new_style(
        "lead",
        r"(?![“\"「『(（—])(?!我们|我|他们|他|她|这|那|的|地|得|及|而|之|要|将|应|必须|需要|需|可以|能|会)"
        r"(?P<title>[^，,。！？!?；;：:是\n]{4,25})。(?=\S)",
        None,
        False,
        "多点发力提振消费。积极…: a bold lead clause (no comma) in front of its paragraph; not a "
        "statement with a subject pronoun (我们要…), a leading modal (要…/将…) or a copula (…是…), "
        "nor a PDF line starting mid-phrase (的…)",
    ),
)

#: a short line that names a place or a facility is a photo caption, not a subhead
CAPTION_TAIL = regex.compile(PICTURED + "$")

#: an address to the audience alone on a line closes the chapters below the top level:
#: leads after it are children of the part, as 深入推进依法行政。 after 各位代表！ in a work report
SALUTATION = regex.compile(r"(?:各位代表|各位委员|各位政协委员|同志们|各位同志)[！!：:]?")

_SUBHEAD_BAD_END = "。！？!?；;，,、：:…—-"


_LINE = regex.compile(r"[^\n]+")

_SENTENCE_MARK = regex.compile(r"[：:。；;！？!?]")  # a sentence or a lead-in: not a title line
_OPEN_ONLY = regex.compile(r"[(（]")
_CLOSE_START = regex.compile(rf"\s*[{_CN}\d]{{1,3}}\s*[)）]")


def scan(text: str) -> list[Block]:
    """Lines to blocks: every non-blank line is a heading candidate or a paragraph."""
    blocks: list[Block] = []
    lines = [(m.start(), m.group()) for m in _LINE.finditer(text)]
    i = 0
    while i < len(lines):
        pos, raw = lines[i]
        s = raw.strip()
        i += 1
        if not s:
            continue
        start = pos + (len(raw) - len(raw.lstrip()))
        end = start + len(s)
        if _OPEN_ONLY.fullmatch(s) and i < len(lines) and _CLOSE_START.match(lines[i][1]):
            # a heading split after its opening bracket: （ / 三）改革开放持续深化
            npos, nraw = lines[i]
            ns = nraw.strip()
            nstart = npos + (len(nraw) - len(nraw.lstrip()))
            joined = _heading_block(s + ns, 0, len(s) + len(ns))
            if joined is not None:
                i += 1
                shift = nstart - 1

                def at(k: int, shift: int = shift, first: int = start) -> int:
                    return first if k == 0 else shift + k

                joined.start, joined.end = start, nstart + len(ns)
                joined.title_start, joined.title_end = at(joined.title_start), at(joined.title_end)
                if joined.body_start is not None:
                    joined.body_start = at(joined.body_start)
                blocks.append(joined)
                continue
        block = _heading_block(s, start, end)
        if block is None:
            block = Block(start, end)
            block.lead = _lead_block(s, start, end)
        blocks.append(block)
    return blocks


def _heading_block(s: str, start: int, end: int) -> Block | None:
    """The stripped line ``s`` at ``[start, end)`` as a heading candidate, or None."""
    h = read_heading(s)
    if h is None:
        return None
    body = start + h.body_start if h.body_start is not None else None
    return Block(start, end, "heading", h.style, h.marker, h.number, start + h.title_start, start + h.title_end, body)


def _lead_block(s: str, start: int, end: int) -> Block | None:
    """The paragraph's reading as a lead-sentence heading (decided later, by its siblings)."""
    for style in LEADS:
        m = style.pattern.match(s)
        if m is None:
            continue
        num = m.groupdict().get("num")
        number = parse_number(num) if num else None
        if num and number is None:
            continue
        marker = m.groupdict().get("marker")
        return Block(
            start, end, "heading", style.name, marker, number, start + m.start("title"), start + m.end("title"),
            start + m.end(),
        )  # fmt: skip
    return None


# ---------------------------------------------------------------- title and subheads


def _is_body(s: str) -> bool:
    """A line of running text: it ends a sentence, or is a long line of Chinese."""
    if s[-1] in FULL_STOPS or s.endswith(("。”", "！”", "？”", "。)", "。）")):
        return True
    return len(s) > MAX_TITLE and len(HAN.findall(s)) * 2 > len(s)


def take_title(text: str, blocks: list[Block]) -> int:
    """Mark the document's own title among the lines before the body; return the body's first index.

    The title is the last markdown heading of the shallowest level before the body (web
    exports put banners above it), else the first short line with four Han characters
    (two if no line has four).
    Other headings before the title are banners and mastheads: they become paragraphs.
    """
    zone = 0
    while zone < len(blocks):
        b = blocks[zone]
        s = text[b.start : b.end]
        if b.kind == "heading" and not (b.style or "").startswith(("markdown", "bold")):
            break
        if b.kind == "paragraph" and _is_body(s):
            break
        zone += 1
    md = [i for i in range(zone) if blocks[i].kind == "heading"]
    pick: int | None = None
    if md:
        top = min(len(blocks[i].marker or "") for i in md)
        pick = max(i for i in md if len(blocks[i].marker or "") == top)
    else:
        # four Han characters make a title; a menu token (下载, 打印) has two: use one only if alone
        han = [len(HAN.findall(text[b.start : b.end])) for b in blocks[:zone]]
        short = [i for i in range(zone) if blocks[i].end - blocks[i].start <= MAX_TITLE]
        pick = next((i for i in short if han[i] >= 4), next((i for i in short if han[i] >= 2), None))
    if pick is None:
        return zone
    for i in range(pick):
        if blocks[i].kind == "heading":
            b = blocks[i]
            blocks[i] = Block(b.start, b.end)
    t = blocks[pick]
    blocks[pick] = Block(t.start, t.end, "title", title_start=t.start, title_end=t.end)
    return zone


def _subhead_shape(s: str) -> bool:
    """A short phrase without sentence punctuation: 步伐坚实, “十四五”时期经济社会发展回顾."""
    if not 4 <= len(s) <= MAX_SUBHEAD or s[-1] in _SUBHEAD_BAD_END or s.endswith(("。”", "！”")):
        return False
    if _SENTENCE_MARK.search(s) or len(HAN.findall(s)) < 4:
        return False
    return CAPTION_TAIL.search(s) is None and SALUTATION.fullmatch(s) is None


def mark_subheads(text: str, blocks: list[Block], first: int) -> None:
    """Unnumbered subheads: a short line between two stretches of body text.

    Accepted only when the document has at least two of them, so a lone short line
    (a caption or banner left by the layout) stays a paragraph.
    """
    found: list[int] = []
    for i in range(max(first, 1), len(blocks) - 1):
        b = blocks[i]
        if b.kind != "paragraph" or not _subhead_shape(text[b.start : b.end]):
            continue
        prev, nxt = blocks[i - 1], blocks[i + 1]
        prev_ok = prev.kind == "heading" and prev.body_start is not None
        prev_ok = prev_ok or (prev.kind == "paragraph" and _is_body(text[prev.start : prev.end]))
        if prev_ok and nxt.kind == "paragraph" and _is_body(text[nxt.start : nxt.end]):
            found.append(i)
    if len(found) < 2:
        return
    for i in found:
        b = blocks[i]
        blocks[i] = Block(b.start, b.end, "heading", "subhead", None, None, b.start, b.end)


# ---------------------------------------------------------------- validation


def _rank(style: str) -> float | None:
    if style.startswith("markdown"):
        return None
    if style == "subhead":
        return 0.9  # between formal parts and 一、: newspaper digests put (一) under plain subheads
    return STYLE_BY_NAME[style].rank if style in STYLE_BY_NAME else None


def _strong(style: str) -> bool:
    if style.startswith("markdown") or style in ("bold", "subhead"):
        return True
    return STYLE_BY_NAME[style].strong if style in STYLE_BY_NAME else False


def validate(blocks: list[Block]) -> tuple[list[Block], list[Diagnostic]]:
    """Accept heading candidates whose numbers continue their sequence; assign levels.

    A rejected candidate becomes a paragraph. Returns the blocks and the
    numbering diagnostics (positions still in normalised coordinates).
    """
    stack: list[list[object]] = []  # [style, last number]
    seen: set[str] = set()
    diags: list[Diagnostic] = []
    out: list[Block] = []
    for b in blocks:
        if b.kind != "heading" or b.style is None:
            out.append(b)
            continue
        style = b.style
        idx = next((i for i, (s, _) in enumerate(stack) if s == style), None)
        ok = False
        if idx is not None:
            last = stack[idx][1]
            if b.number is None or not isinstance(last, int) or b.number == last + 1:
                ok = True
            elif _strong(style) and last + 1 < b.number <= last + 3:
                ok = True
                diags.append(
                    Diagnostic(
                        code="numbering_gap",
                        message=(f"{b.marker}: expected number {last + 1} after {last}"),
                        start=b.start,
                        end=b.title_end,
                    )
                )
            if ok:
                del stack[idx + 1 :]
                stack[idx][1] = b.number
                b.level = idx + 1
        else:
            first_time = style not in seen
            if b.number is None or b.number == 1 or (first_time and (_strong(style) or not stack)):
                ok = True
                if b.number not in (None, 1):
                    diags.append(
                        Diagnostic(
                            code="numbering_start",
                            message=(f"{b.marker}: the outline starts at number {b.number}, as an excerpt does"),
                            start=b.start,
                            end=b.title_end,
                        )
                    )
                rank = _rank(style)
                if rank is not None:
                    while stack:
                        top_rank = _rank(str(stack[-1][0]))
                        if top_rank is not None and top_rank >= rank:
                            stack.pop()
                        else:
                            break
                stack.append([style, b.number])
                b.level = len(stack)
        if ok:
            seen.add(style)
            out.append(b)
        else:
            p = Block(b.start, b.end)
            p.lead = _lead_block_of(b)
            out.append(p)
    return out, diags


def _lead_block_of(b: Block) -> Block | None:
    return None


def accept_leads(text: str, blocks: list[Block]) -> None:
    """Turn paragraphs that open with a lead clause into child sections, when siblings agree.

    Leads are grouped by the section they sit in. A group is accepted when it has two or
    more members (for 一是/二是: numbered 1, 2, … in order) that come as a run, with fewer
    other paragraphs between its first and last member than it has members: leads are a
    list of parallel items, not topic sentences scattered through an article. A lone lead
    that opens its section is accepted when the same kind was accepted at the same level.
    """
    stack: list[tuple[int, int]] = []  # (block index, level) of the open headings
    groups: dict[tuple[int, str], list[int]] = {}
    parent_level: dict[int, int] = {}
    opens: set[int] = set()  # leads that are the first paragraph of their section
    para_rank: dict[int, int] = {}  # paragraph index -> its position among its parent's paragraphs
    counts: dict[int, int] = {}
    for i, b in enumerate(blocks):
        if b.kind == "heading":
            while stack and stack[-1][1] >= b.level:
                stack.pop()
            stack.append((i, b.level))
            continue
        if b.kind != "paragraph":
            continue
        if SALUTATION.fullmatch(text[b.start : b.end]) and stack and stack[0][1] == 1:
            del stack[1:]
            continue
        parent = stack[-1] if stack else (-1, 0)
        para_rank[i] = counts.get(parent[0], 0)
        counts[parent[0]] = para_rank[i] + 1
        if b.lead is None:
            continue
        if para_rank[i] == 0 and parent[0] >= 0:
            opens.add(i)
        groups.setdefault((parent[0], b.lead.style or ""), []).append(i)
        parent_level[i] = parent[1]
    accepted: list[int] = []
    levels: set[tuple[str, int]] = set()
    singles: list[tuple[str, int]] = []
    for (_, style), members in groups.items():
        if style == "ordinal_lead":
            run: list[int] = []
            for i in members:
                lead = blocks[i].lead
                if lead is not None and lead.number == len(run) + 1:
                    run.append(i)
            members = run
        spread = para_rank[members[-1]] - para_rank[members[0]] + 1 if members else 0
        if len(members) >= 2 and spread - len(members) < len(members):
            accepted.extend(members)
            levels.add((style, parent_level[members[0]]))
        elif len(members) == 1 and style != "ordinal_lead" and members[0] in opens:
            singles.append((style, members[0]))
    accepted.extend(i for style, i in singles if (style, parent_level[i]) in levels)
    for i in accepted:
        lead = blocks[i].lead
        assert lead is not None
        lead.level = parent_level[i] + 1
        blocks[i] = lead


# ---------------------------------------------------------------- tree


def build(blocks: list[Block], text_length: int) -> Node:
    """Nest validated blocks under a root whose own paragraphs are the preamble."""
    root = Node(None, 0)
    path: list[Node] = [root]
    for b in blocks:
        if b.kind == "title":
            root.title = (b.title_start, b.title_end)
        elif b.kind == "heading":
            while len(path) > 1 and path[-1].level >= b.level:
                path.pop()
            node = Node(b, b.level)
            path[-1].children.append(node)
            path.append(node)
            if b.body_start is not None:
                node.paragraphs.append((b.body_start, b.end))
        else:
            path[-1].paragraphs.append((b.start, b.end))
    _close(root, text_length)
    return root


def _close(node: Node, default_end: int) -> int:
    ends = [default_end if node.heading is None else node.heading.end]
    ends += [p[1] for p in node.paragraphs]
    ends += [_close(c, default_end) for c in node.children]
    node.end = max(ends)
    return node.end


def split(text: str) -> tuple[Node, list[Diagnostic]]:
    """Scan, find the title and subheads, validate numbers, accept leads, build: the outline stage.

    >>> root, _ = split("一、工作回顾\\n多点发力提振消费。积极创新消费场景。\\n项目带动稳定投资。滚动实施重点项目。")
    >>> [(c.heading.style, c.level) for c in root.children[0].children]
    [('lead', 2), ('lead', 2)]
    """
    blocks = scan(text)
    first = take_title(text, blocks)
    mark_subheads(text, blocks, first)
    blocks, diags = validate(blocks)
    accept_leads(text, blocks)
    return build(blocks, len(text)), diags


def find_title(text: str, root: Node) -> tuple[int, int] | None:
    """The span of the document's own title line (normalised), as found by :func:`take_title`."""
    return root.title


_TITLE_MARKUP = regex.compile(r"^#{1,6}\s+|^\*\*|\*\*$")


def clean_title(line: str) -> str:
    """The title line without its markdown or bold markup.

    >>> clean_title("## 力争“开门红”：各区市“起步即冲刺”")
    '力争“开门红”：各区市“起步即冲刺”'
    """
    return _TITLE_MARKUP.sub("", line.strip()).strip()
