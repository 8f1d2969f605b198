"""Unnumbered subheads: a short phrase alone on its line, between two stretches of body text,
and a one-sentence subhead on its own line before its body, parallel with its siblings."""

from __future__ import annotations

from itertools import pairwise

import regex

from ..text.chars import BREAK_OFF, COLONS, COMMAS, ENUMERATION_COMMA, FULL_STOPS, HAN, SEMICOLONS
from ..text.numbering import DASH_ITEM, MAX_SUBHEAD, ORDINAL_DI, ORDINAL_IS, opens_item
from ..text.numerals import parse_number
from ..text.words import PICTURED
from .blocks import Block
from .leads import MAX_LEAD, SALUTATION, paragraph_parents, series
from .scan import SENTENCE_MARK, is_body

#: a short line that names a place or a facility is a photo caption, not a subhead
CAPTION_TAIL = regex.compile(PICTURED + "$")

#: a line under the document's title that opens with a dash or a bracket is its subtitle
#: (——2026年1月在…会议上, （摘要）), not the first part's subhead
SUBTITLE = regex.compile(rf"{DASH_ITEM}|[(（]")

#: a phrase that goes on (a comma, an enumeration comma) or breaks off: not a title line
_OPEN_END = COMMAS + ENUMERATION_COMMA + BREAK_OFF


def subhead_shape(s: str) -> bool:
    """A short phrase without sentence punctuation: 步伐坚实, “十四五”时期经济社会发展回顾."""
    if not 4 <= len(s) <= MAX_SUBHEAD or s[-1] in _OPEN_END or SENTENCE_MARK.search(s):
        return False
    if len(HAN.findall(s)) < 4:
        return False
    return CAPTION_TAIL.search(s) is None and SALUTATION.fullmatch(s) is None


def mark_subheads(text: str, blocks: list[Block], first: int) -> None:
    """Unnumbered subheads: a short line between two stretches of body text (or right below the
    document's title, as a digest opens with its first part).

    Accepted only when the document has at least two of them, so a lone short line
    (a caption or banner left by the layout) stays a paragraph.
    """
    found: list[int] = []
    title = next((k for k in range(first) if blocks[k].kind == "title"), first)
    for i in range(max(min(first, title + 1), 1), len(blocks) - 1):
        b = blocks[i]
        if b.kind != "paragraph" or not subhead_shape(text[b.start : b.end]):
            continue
        if blocks[i - 1].kind == "title" and SUBTITLE.match(text, b.start):
            continue  # ——在…会议上, （摘要）: the title's own subtitle
        prev, nxt = blocks[i - 1], blocks[i + 1]
        prev_ok = prev.kind == "title" or (prev.kind == "heading" and prev.body_start is not None)
        prev_ok = prev_ok or (prev.kind == "paragraph" and is_body(text[prev.start : prev.end]))
        if prev_ok and nxt.kind == "paragraph" and is_body(text[nxt.start : nxt.end]):
            found.append(i)
    if len(found) < 2:
        return
    for i in found:
        b = blocks[i]
        blocks[i] = Block(b.start, b.end, "heading", "subhead", None, None, b.start, b.end)


# ---------------------------------------------------------------- one-sentence subheads

_ONE_SENTENCE = regex.compile(
    rf"(?:(?P<marker>{DASH_ITEM}|{ORDINAL_IS}|{ORDINAL_DI}))?"
    rf"(?P<title>[^{regex.escape(FULL_STOPS + SEMICOLONS + COLONS)}\n]{{2,{MAX_LEAD}}})。"
)
#: parallel lines of the same shape share an opening and a closing of at least this many
#: characters (这是…的五年。 这是…的五年。)
_SHARED = 2


def sentence_subhead(s: str, start: int) -> Block | None:
    """The line ``s`` at ``start`` read as a one-sentence subhead (decided later, by its siblings).

    One sentence ending in 。 (it may hold commas), short, of Han text: 深化教育改革，加快发展
    教育事业。 ——扎实抓好稳增长…，底盘持续夯实。 一是…。 第一，…。 这是…的五年。
    """
    m = _ONE_SENTENCE.fullmatch(s)
    if m is None or len(HAN.findall(m.group("title"))) < 4 or CAPTION_TAIL.search(m.group("title")):
        return None
    marker = m.group("marker")
    num = m.group("num")
    number = parse_number(num) if num else None
    if num and number is None:
        return None
    style = "lead" if marker is None else "dash_lead" if marker == DASH_ITEM else "ordinal_lead"
    t0, t1 = start + m.start("title"), start + m.end("title")
    return Block(start, start + len(s), "heading", style, marker, number, t0, t1)


def mark_sentence_subheads(text: str, blocks: list[Block]) -> None:
    """One-sentence subheads on their own line, before their body, accepted when siblings agree.

    Candidates are grouped by their parent section and shape (dashed, 一是/第一, plain). A
    group is accepted when it has two or more members, each followed by a longer paragraph
    (its body, not the next item of a list of one-line items), and the members are parallel:
    numbered 1, 2, … in order, or dashed, or plain lines that share an opening and a closing
    (这是…的五年。), or that the page sets as its bold leads, directly above their body where
    it puts a blank line between paragraphs.
    Each accepted member becomes a child of its parent section.
    """
    parents = paragraph_parents(text, blocks)
    groups: dict[tuple[int, str], list[tuple[int, Block]]] = {}
    for i, parent in parents.items():
        b = blocks[i]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if nxt is None or nxt.kind != "paragraph" or nxt.end - nxt.start <= b.end - b.start:
            continue
        if opens_item(text[nxt.start : nxt.end]):
            continue  # the next line is the list's next item, not this line's body
        sub = sentence_subhead(text[b.start : b.end], b.start)
        if sub is not None and sub.style is not None:
            sub.level = parent[1] + 1
            groups.setdefault((parent[0], series(sub)), []).append((i, sub))
    spaced = _spaced_paragraphs(text, blocks)
    for (_, style), members in groups.items():
        if style.startswith("ordinal_lead"):  # the run numbered 1, 2, … in order
            run: list[tuple[int, Block]] = []
            for m in members:
                if m[1].number == len(run) + 1:
                    run.append(m)
            members = run
        if len(members) < 2:
            continue
        if style == "lead" and not (_share_affix(text, [m for _, m in members]) or (spaced and all(
            _glued(text, blocks[i], blocks[i + 1]) and not _glued(text, blocks[i - 1], blocks[i]) for i, _ in members
        ))):  # fmt: skip
            continue
        for i, sub in members:
            blocks[i] = sub


def _glued(text: str, a: Block, b: Block) -> bool:
    """``b`` starts on the line right after ``a`` (no blank line between them)."""
    return text.count("\n", a.end, b.start) <= 1


def _spaced_paragraphs(text: str, blocks: list[Block]) -> bool:
    """The page puts a blank line between most of its paragraphs."""
    pairs = len(blocks) - 1
    return pairs > 0 and sum(not _glued(text, a, b) for a, b in pairwise(blocks)) * 2 > pairs


def _share_affix(text: str, subs: list[Block]) -> bool:
    """All the titles open with the same few characters and close with the same few (这是…的五年)."""
    titles = [text[b.title_start : b.title_end] for b in subs]
    return len({t[:_SHARED] for t in titles}) == 1 and len({t[-_SHARED:] for t in titles}) == 1
