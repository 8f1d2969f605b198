"""Garbled text: GBK byte-shift mojibake and U+FFFD runs.

When GBK bytes are decoded one byte out of step, every pair straddles two real
characters: the trail byte of one and the lead byte of the next come out as a
rare character, and the character whose lead byte was lost shows as ``?``
(``43.6%?!痹谝患径瓤己酥?``). The decoder falls back into step at the next
ASCII byte: either that byte completes the last pair on its own (a lone ``^``
after the run) or the unpaired lead byte becomes one more ``?``.

Repair re-encodes the run, drops the first byte (the trail of the character
lost in the ``?``), re-pairs the rest and keeps the result only when it is far
more ordinary text than the run was (by character frequency). A full-width
sign folded to ASCII right after the ``?`` (``!`` for ``！``, the pair of the
trail of ``。`` and the lead of ``”``) is re-encoded as full width. Characters
whose bytes are gone stay as they were and are flagged; nothing is invented.

>>> [e.new for e in find("比重43.6%?!痹谝患径瓤己酥?,西海岸")]
['?”在一季度考核?']
"""

from __future__ import annotations

import math
import re

import regex

from ..text import frequency
from ..text.chars import run_of
from .offsets import Edit

KIND = "mojibake"

# A garbled run: the optional lost character (?), an optional full-width sign
# that was folded to ASCII, two or more double-byte characters, and the byte
# that put the decoder back in step: a lone ASCII trail byte (@ to ~, not the
# start of a Latin word) or the unpaired last lead byte shown as ?.
_RUN = regex.compile(
    r"(?P<lost>\?)?"
    r"(?P<head>(?<=\?)[!-~](?=\p{Han}))?"
    r"(?P<run>[\p{Han}\u3001-\u303f\uff01-\uff5e\u2018-\u201d]{2,})"
    r"(?=(?P<tail>\?|[@-~](?![A-Za-z])))?"  # looked at, not taken: it may start the next run
)
#: What a repaired or flagged run needs beside it: a ``?`` (lost character or lead byte) or an
#: ASCII trail byte right after its text. Lines without one (nearly all) are not searched.
_TRIGGER = re.compile(r"[?@-~]")
_RUN_CHAR = regex.compile(r"[\p{Han}\u3001-\u303f\uff01-\uff5e\u2018-\u201d]")
_FFFD = regex.compile("\ufffd+")
#: the characters Windows-1252 gives the bytes 0x80-0x9F (Latin-1 gives them C1 controls)
_CP1252_BYTE = {bytes((b,)).decode("cp1252"): b for b in range(0x80, 0xA0) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}
_CP1252 = "".join(_CP1252_BYTE)
#: GBK or UTF-8 bytes read as Latin-1 or Windows-1252 (a page saved under the wrong charset):
#: every byte became a character of U+0080-U+00FF or one of 1252's, as in Õþ¸® for 政府 or
#: Ã€Ã‰; a run of four or more holding two accented letters never occurs in Chinese text, where
#: × ÷ · ° … and quotes stand alone or in runs of one kind
_LATIN_RUN = re.compile(run_of("[\u0080-\u00ff" + _CP1252 + "]", 4))
_ACCENTED = re.compile("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]")
#: U+FFFD written as UTF-8 (EF BF BD) and read as GBK: 锟斤拷 for each pair; the bytes are lost
_KUNJINKAO = regex.compile("(?:锟斤拷)+")  # regex: a literal run found 40x faster than with re
_HAN = regex.compile(r"\p{Han}")

#: average bits (log2 of the frequency rank) a repair must save per Han
#: character: the repaired characters are, geometrically, at least four times
#: as frequent as the garbled ones
MARGIN_BITS = 2.0
#: and must read as ordinary text on its own: running prose averages 6 to 8
#: bits (geometric-mean rank within the 500 most frequent characters), while
#: shifted rare words (names) land near 10
ORDINARY_BITS = 9.0
#: a run whose characters average at least this many bits (rank about 2000 and
#: beyond) next to a ``?`` is flagged even when it cannot be repaired
RARE_BITS = 11.0
#: the rank a character outside the frequency table counts as: well past its last entry
_UNRANKED = 8000


def cost(text: str) -> float:
    """Mean log2 frequency rank of the Han characters of ``text`` (lower is more ordinary).

    Traditional characters are ranked as their Simplified forms.

    >>> cost("可以看") < cost("梢钥闯")
    True
    """
    from . import script

    if script.has_traditional(text):
        text = script.convert(text)
    han = _HAN.findall(text)
    if not han:
        return math.inf
    return sum(math.log2(frequency.rank(c, _UNRANKED) + 2) for c in han) / len(han)


def shift_back(head: str, run: str, tail: str) -> tuple[str, bool] | None:
    """Re-pair the GBK bytes of ``head + run (+ tail)`` one byte later.

    Returns the decoded text and whether ``tail`` was used as the last trail
    byte, or ``None`` when the bytes do not decode.

    >>> shift_back("!", "奔茨珔", "^")
    ('”即墨區', True)
    """
    try:
        raw = run.encode("gbk")
    except UnicodeEncodeError:
        return None
    if head:
        raw = bytes((0xA3, ord(head) + 0x80)) + raw  # the full-width form of a folded sign
    body = raw[1:]
    used = False
    if len(body) % 2:
        if tail and tail != "?":
            body += tail.encode("ascii")
            used = True
        else:
            body = body[:-1]  # the last lead byte lost its trail: that character is gone
    try:
        return body.decode("gbk"), used
    except UnicodeDecodeError:
        return None


def latin_back(run: str) -> str | None:
    """The text a run of Latin-1/1252 characters was before its bytes were misread, if its bytes
    decode as UTF-8 or GBK into ordinary text; ``None`` when they do not (bytes lost or split).

    >>> latin_back("Õþ¸®¹¤×÷±¨¸æ"), latin_back("æ”¿åºœ")
    ('政府工作报告', '政府')
    """
    raw = bytes(ord(c) if ord(c) < 0x100 else _CP1252_BYTE[c] for c in run)
    for codec in ("utf-8", "gbk"):
        try:
            new = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if cost(new) <= ORDINARY_BITS:
            return new
    return None


def _suspect_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the lines with a ``?``, or an ASCII trail byte after a run's character
    (a run never crosses a line break)."""
    lines: list[tuple[int, int]] = []
    if _TRIGGER.search(text.encode("ascii", "ignore").decode("ascii")) is None:
        return lines  # no trigger at all (most text): the ASCII characters alone tell, four times faster
    end = 0
    for m in _TRIGGER.finditer(text):
        i = m.start()
        if i < end or (text[i] != "?" and not (i and _RUN_CHAR.match(text, i - 1))):
            continue
        start = text.rfind("\n", 0, i) + 1
        end = text.find("\n", i)
        end = len(text) if end < 0 else end
        lines.append((start, end))
    return lines


def find(text: str) -> list[Edit]:
    """Repaired runs (``new`` differs) and flagged ones (``new`` equals the old text)."""
    edits: list[Edit] = []
    for m in (m for a, b in _suspect_lines(text) for m in _RUN.finditer(text, a, b)):
        lost, head, run, tail = m.group("lost") or "", m.group("head") or "", m.group("run"), m.group("tail") or ""
        if not (lost or tail):
            continue  # no sign of a decoder out of step
        before = cost(run)
        fixed = shift_back(head, run, tail)
        if fixed is not None:
            new, used = fixed
            after = cost(new)
            if after <= ORDINARY_BITS and after + MARGIN_BITS <= before:
                end = m.end("run") + (1 if used or tail == "?" else 0)
                repaired = lost + new + ("?" if tail == "?" else "")
                edits.append(Edit(m.start(), end, repaired, KIND))
                continue
        if lost and before >= RARE_BITS:
            edits.append(Edit(m.start(), m.end(), m.group(), KIND))
    edits.extend(Edit(m.start(), m.end(), m.group(), KIND) for m in _FFFD.finditer(text))
    edits.extend(Edit(m.start(), m.end(), m.group(), KIND) for m in _KUNJINKAO.finditer(text))
    for latin in _LATIN_RUN.finditer(text):
        if len(_ACCENTED.findall(latin.group())) >= 2:
            edits.append(Edit(latin.start(), latin.end(), latin_back(latin.group()) or latin.group(), KIND))
    edits.sort()
    merged: list[Edit] = []
    for e in edits:
        if merged and e.start < merged[-1].end:
            continue
        merged.append(e)
    return merged
