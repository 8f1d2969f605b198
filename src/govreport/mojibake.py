"""Garbled text: GBK byte-shift mojibake and U+FFFD runs.

When GBK bytes are decoded one byte out of step, every pair straddles two real
characters and comes out as a rare character, with ``?`` where a pair could
not be decoded at all (``43.6%?!痹谝患径瓤己酥?``). Such runs are flagged; this
module returns them as :class:`Edit` objects whose ``kind`` is ``mojibake``.
"""

from __future__ import annotations

import regex

from .decode import common_han
from .offsets import Edit

_FFFD = regex.compile("\ufffd+")
# a run of Han characters and full-width punctuation touching a literal '?'
_CANDIDATE = regex.compile(r"\?[\p{Han}！-～]{3,}\??|[\p{Han}！-～]{3,}\?")


def find(text: str) -> list[Edit]:
    """Flag garbled spans (the edit's ``new`` equals the old text: nothing invented)."""
    common = common_han()
    edits: list[Edit] = []
    for m in _CANDIDATE.finditer(text):
        run = m.group()
        han = [c for c in run if "\u4e00" <= c <= "\u9fff"]
        if len(han) >= 3 and sum(c not in common for c in han) * 3 >= len(han):
            edits.append(Edit(m.start(), m.end(), run, "mojibake"))
    for m in _FFFD.finditer(text):
        edits.append(Edit(m.start(), m.end(), m.group(), "mojibake"))
    edits.sort()
    merged: list[Edit] = []
    for e in edits:
        if merged and e.start < merged[-1].end:
            continue
        merged.append(e)
    return merged
