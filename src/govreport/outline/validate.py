"""Validate: accept a heading candidate only when its number continues its style's sequence.

Each accepted heading gets a level from the order in which styles first appear (a stack,
as a word processor builds its outline), corrected by the styles' official ranks. The header
of another report on the page (:mod:`.reports`) starts the stack afresh.
"""

from __future__ import annotations

from ..models import Diagnostic
from ..text.numbering import STYLE_BY_NAME
from .blocks import Block
from .reports import REPORT


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
        if style == REPORT:  # another report on the page: its outline starts afresh at the top
            stack.clear()
            seen.clear()
            b.level = 1
            out.append(b)
            continue
        idx = next((i for i, (s, _) in enumerate(stack) if s == style), None)
        ok = False
        if idx is not None:
            last = stack[idx][1]
            if b.number is None or not isinstance(last, int) or b.number == last + 1:
                ok = True
            elif _strong(style) and last + 1 < b.number <= last + 3:
                ok = True
                diags.append(_numbering(b, "numbering_gap", f"expected number {last + 1} after {last}"))
            if ok:
                del stack[idx + 1 :]
                stack[idx][1] = b.number
                b.level = idx + 1
        else:
            first_time = style not in seen
            if b.number is None or b.number == 1 or (first_time and (_strong(style) or not stack)):
                ok = True
                if b.number not in (None, 1):
                    message = f"the outline starts at number {b.number}, as an excerpt does"
                    diags.append(_numbering(b, "numbering_start", message))
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
            out.append(Block(b.start, b.end))  # a rejected candidate is a paragraph (and no lead)
    return out, diags


def _numbering(b: Block, code: str, what: str) -> Diagnostic:
    """A numbering diagnostic on heading ``b``: its marker, then what is wrong with its number."""
    return Diagnostic(code=code, message=f"{b.marker}: {what}", start=b.start, end=b.title_end)
