"""Turn bytes into text: BOM, strict decoding, then plausibility.

Chinese reports arrive as UTF-8, GB18030/GBK/GB2312, Big5 or UTF-16, usually
undeclared. Each candidate encoding is tried strictly; among those that decode,
the one whose Han characters are most often *common* characters wins (a GBK
file read as Big5 decodes, but into rare characters).
"""

from __future__ import annotations

import codecs
from functools import lru_cache

from ..errors import DecodingError
from ..text.chars import is_han

#: encodings tried, in order of preference when plausibility ties
CANDIDATES: tuple[str, ...] = ("utf-8", "gb18030", "big5", "utf-16")

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


@lru_cache(maxsize=1)
def common_han() -> frozenset[str]:
    """Level-1 characters of GB2312 (simplified) and Big5 (traditional), about 9 000.

    Generated from the codecs themselves, so nothing is shipped or downloaded.
    """
    chars: set[str] = set()
    for lead in range(0xB0, 0xD8):  # GB2312 level 1: rows 16-55
        for trail in range(0xA1, 0xFF):
            try:
                chars.add(bytes((lead, trail)).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    for lead in range(0xA4, 0xC7):  # Big5 frequently used characters: A440-C67E
        for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            try:
                chars.add(bytes((lead, trail)).decode("big5"))
            except UnicodeDecodeError:
                continue
    return frozenset(chars)


def plausibility(text: str, sample: int = 20000) -> float:
    """Share of common characters among the Han and unusual characters of ``text``.

    ASCII and ordinary punctuation are neutral; rare Han characters, private-use
    and control characters count against.
    """
    common = common_han()
    good = bad = 0
    for ch in text[:sample]:
        o = ord(ch)
        if o < 0x80:
            if o < 0x20 and ch not in "\t\n\r\f":
                bad += 1
            continue
        if is_han(ch):
            if ch in common:
                good += 1
            else:
                bad += 1
        elif 0xE000 <= o <= 0xF8FF or ch == "\ufffd":
            bad += 1
    total = good + bad
    return good / total if total else 0.5


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data``; returns ``(text, encoding)`` or raises :class:`DecodingError`.

    >>> decode_bytes("政府工作报告".encode("gbk"))
    ('政府工作报告', 'gb18030')
    """
    if not data:
        return "", "utf-8"
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc), enc
            except UnicodeDecodeError as e:
                reason = f"invalid {enc} after its byte-order mark"
                raise DecodingError(reason, [enc], e.start) from None
    tried: list[str] = []
    if b"\x00" in data[:65536]:
        # NULs: UTF-16 without a BOM (ASCII and line breaks carry a zero byte), or binary
        for enc in ("utf-16-le", "utf-16-be"):
            tried.append(enc)
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if "\x00" not in text and plausibility(text) > 0.6:
                return text, enc
        reason = "the input contains NUL bytes and looks binary"
        raise DecodingError(reason, tried, data.find(b"\x00"))
    best: tuple[float, str, str] | None = None
    first_error: int | None = None
    for enc in CANDIDATES:
        if enc == "utf-16":
            continue
        tried.append(enc)
        try:
            text = data.decode(enc)
        except UnicodeDecodeError as e:
            first_error = e.start if first_error is None else first_error
            continue
        if enc == "utf-8":
            return text, enc  # strict UTF-8 on non-ASCII Chinese is never an accident
        score = plausibility(text)
        if best is None or score > best[0]:
            best = (score, enc, text)
    if best is None or best[0] < 0.3:
        # last resort: GB18030 with U+FFFD for the undecodable bytes, if it is mostly text
        text = data.decode("gb18030", errors="replace")
        bad = text.count("\ufffd")
        if bad <= max(4, len(text) // 100) and plausibility(text) >= 0.6:
            return text, "gb18030"
        reason = "no encoding gives plausible Chinese text"
        raise DecodingError(reason, tried, first_error)
    return best[2], best[1]
