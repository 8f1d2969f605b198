"""The outline stage's data: the flat stream of :class:`Block` items and the :class:`Node` tree.

All positions are offsets into the normalised text.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
