"""Outline: split normalised text into a tree of numbered sections.

The modules are the stage, in the order :func:`split` runs them, each a plain function
over a flat list of :class:`Block` items (offsets into the normalised text):

1. :mod:`.scan`: lines to blocks, heading candidates (tried against the numbering styles of
   :mod:`govreport.text.numbering`) and paragraphs, each paragraph with its lead reading;
2. :mod:`.title`: the document's own title line; :mod:`.subheads`: unnumbered subheads;
   :mod:`.reports`: the headers of further reports on the same page;
3. :mod:`.validate`: a candidate is accepted only when its number continues its style's
   sequence, and gets a level from a style stack;
4. :mod:`.leads`: lead sentences become child sections when their siblings agree;
5. :mod:`.tree`: the stream nested into :class:`Node` objects.
"""

from __future__ import annotations

from ..models import Diagnostic
from .blocks import Block, Node
from .leads import accept_leads
from .reports import mark_reports
from .scan import scan
from .subheads import mark_sentence_subheads, mark_subheads
from .title import clean_title, take_title
from .tree import build
from .validate import validate


def split(text: str) -> tuple[Node, list[Diagnostic]]:
    """Scan, find the title and subheads, validate numbers, accept leads, build: the outline stage.

    >>> root, _ = split("一、工作回顾\\n多点发力提振消费。积极创新消费场景。\\n项目带动稳定投资。滚动实施重点项目。")
    >>> [(c.heading.style, c.level) for c in root.children[0].children]
    [('lead', 2), ('lead', 2)]
    """
    blocks = scan(text)
    first = take_title(text, blocks)
    mark_reports(text, blocks, first)
    mark_subheads(text, blocks, first)
    blocks, diags = validate(blocks)
    mark_sentence_subheads(text, blocks)
    accept_leads(text, blocks)
    return build(blocks, len(text)), diags


__all__ = ("Block", "Node", "build", "clean_title", "scan", "split")
