"""Sentence boundaries, as classification and target reading see them.

A sentence ends at a full stop or a semicolon (一是…；二是… are separate statements),
together with the closing quotes after it; a quotation that is still open goes on.
"""

from __future__ import annotations

import re

from .chars import CLOSING_QUOTES, FULL_STOPS, SEMICOLONS

_ENDS = re.escape(FULL_STOPS + SEMICOLONS)
_SENTENCE = re.compile(f"[^{_ENDS}]*(?:[{_ENDS}]+[{re.escape(CLOSING_QUOTES)}]*|$)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text``, keeping quotes balanced; blank stretches join the next sentence.

    >>> text = "他说：“要干。”我们完成了！"
    >>> [text[a:b] for a, b in split_sentences(text)]
    ['他说：“要干。”', '我们完成了！']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    depth = 0
    for m in _SENTENCE.finditer(text):
        if m.end() == m.start():
            continue
        piece = m.group()
        depth += piece.count("“") + piece.count("「") - piece.count("”") - piece.count("」")
        if depth > 0 and m.end() < len(text):
            continue  # inside an open quotation: the sentence goes on
        depth = 0
        if text[start : m.end()].strip():
            spans.append((start, m.end()))
        start = m.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text)))
    return spans
