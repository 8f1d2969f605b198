"""Tree: nest the validated stream of blocks into :class:`Node` objects."""

from __future__ import annotations

from .blocks import Block, Node


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
