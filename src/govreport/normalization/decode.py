"""Turn bytes into text: BOM, strict decoding, plausibility, then a forgiving last step.

Chinese reports arrive as UTF-8, GB18030/GBK, Big5 or UTF-16, usually
undeclared. Each candidate encoding is tried strictly; among those that decode,
the one whose Han characters are most often *common* characters wins (a GBK
file read as Big5 decodes, but into rare characters).

A few bad bytes do not lose a report: when one encoding decodes all but
:data:`MAX_BAD_SHARE` of the bytes (at least :data:`MIN_BAD_BYTES` are always
allowed) into plausible text, each undecodable sequence becomes U+FFFD and a
``decoding`` diagnostic gives the byte offsets of every bad run (a file cut
mid-character, a stray byte). NUL bytes within that share are kept (normalisation
turns them into U+FFFD) and reported the same way. A file whose lines are in two
encodings (a paragraph pasted from an older GBK system into a UTF-8 page) is decoded
line by line, each line in the encoding it is in, with an ``encoding`` diagnostic for
each run of lines in the other one. Binary or wrong-encoding input still raises
:class:`DecodingError`.

>>> data = "全年新增就业4万人。".encode() + b"\\xff" + "经济稳中向好。".encode()
>>> decoded = decode(data)
>>> decoded.text, decoded.encoding
('全年新增就业4万人。\\ufffd经济稳中向好。', 'utf-8')
>>> [(d.code, d.start, d.end) for d in decoded.diagnostics]
[('decoding', 10, 11)]
"""

from __future__ import annotations

import codecs
import threading
from functools import lru_cache
from typing import NamedTuple

from ..errors import DecodingError
from ..models import Diagnostic
from ..text.chars import is_han

#: encodings tried, in order of preference when plausibility ties
CANDIDATES: tuple[str, ...] = ("utf-8", "gb18030", "big5", "utf-16")

#: the share of a file's bytes an encoding may fail on and still be taken, each bad sequence
#: becoming U+FFFD: a few stray bytes in a report of some ten thousand, never a wrong guess
#: (UTF-8 read as GB18030 or the reverse fails on far more, or decodes into rare characters)
MAX_BAD_SHARE = 0.005
#: however short the file, this many bad bytes are allowed (a file cut mid-character loses 1 to 3)
MIN_BAD_BYTES = 4
#: the plausibility a forgiving decoding must reach (as the text of a report does: above 0.9)
MIN_PLAUSIBILITY = 0.6

_BOMS: tuple[tuple[bytes, str, str], ...] = (  # mark, encoding reported, codec of the bytes after it
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16-be"),
)


class Decoded(NamedTuple):
    """The decoded text, the encoding it came from, and what decoding noticed."""

    text: str
    encoding: str
    diagnostics: tuple[Diagnostic, ...] = ()


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
    decoded = decode(data)
    return decoded.text, decoded.encoding


def decode(data: bytes) -> Decoded:
    """Decode ``data`` with its diagnostics (see the module), or raise :class:`DecodingError`."""
    return _decode(data, 0)


def _decode(data: bytes, offset: int) -> Decoded:
    """:func:`decode` of bytes that stood ``offset`` bytes into the input (after a mark)."""
    if not data:
        return Decoded("", "utf-8")
    for bom, enc, codec in _BOMS:
        if offset == 0 and data.startswith(bom):
            return _after_mark(data, bom, enc, codec)
    tried: list[str] = []
    nuls = data.count(b"\x00", 0, 65536)
    if nuls:
        # NULs: UTF-16 without a BOM (ASCII and line breaks carry a zero byte), or binary
        for enc in ("utf-16-le", "utf-16-be"):
            tried.append(enc)
            found = _forgiving(data, enc, offset)
            if found is not None and "\x00" not in found[1].text and plausibility(found[1].text) > 0.6:
                return found[1]
        if nuls > _allowance(len(data)):
            reason = "the input contains NUL bytes and looks binary"
            raise DecodingError(reason, tried, offset + data.find(b"\x00"))
    best: tuple[float, str, str] | None = None
    first_error: int | None = None
    for enc in CANDIDATES:
        if enc == "utf-16":
            continue
        tried.append(enc)
        try:
            text = data.decode(enc)
        except UnicodeDecodeError as e:
            first_error = offset + e.start if first_error is None else first_error
            continue
        if enc == "utf-8":  # strict UTF-8 on non-ASCII Chinese is never an accident
            return Decoded(text, enc, _nul_notes(data, text, enc, offset))
        score = plausibility(text)
        if best is None or score > best[0]:
            best = (score, enc, text)
    if best is not None and best[0] >= 0.3:
        return Decoded(best[2], best[1], _nul_notes(data, best[2], best[1], offset))
    mixed = _by_lines(data, offset)
    if mixed is not None:
        return mixed
    # a few bad bytes: of the encodings whose text is plausible, the one that fails on the fewest
    fewest: tuple[int, Decoded] | None = None
    for enc in ("utf-8", "gb18030", "big5"):
        found = _forgiving(data, enc, offset)
        if found is not None and (fewest is None or found[0] < fewest[0]):
            fewest = found
    if fewest is not None:
        return fewest[1]
    reason = "no encoding gives plausible Chinese text"
    raise DecodingError(reason, tried, first_error)


def _after_mark(data: bytes, bom: bytes, enc: str, codec: str) -> Decoded:
    """The bytes after a byte-order mark, in its encoding (a few bad bytes forgiven); or, when
    the mark lies (a UTF-16 mark before UTF-8 text), in the encoding the bytes after it are in."""
    body = data[len(bom) :]
    forgiven = _forgiving(body, codec, len(bom), name=enc, plausible=0.0)
    found = None if forgiven is None else forgiven[1]
    if found is not None and (codec == "utf-8" or plausibility(found.text) >= 0.3):
        return found
    try:
        other: Decoded | None = _decode(body, len(bom)) if body else None
    except DecodingError:
        other = None
    if other is not None and plausibility(other.text) >= MIN_PLAUSIBILITY:
        message = (
            f"the input opens with a {codec.upper()} byte-order mark, but the bytes after it are "
            f"{other.encoding}: decoded as {other.encoding}, the mark skipped"
        )
        note = Diagnostic(code="decoding", message=message, start=0, end=0)
        return Decoded(other.text, other.encoding, (note, *other.diagnostics))
    if found is not None:
        return found
    reason = f"invalid {enc} after its byte-order mark"
    raise DecodingError(reason, [enc], len(bom))


def _allowance(n: int) -> int:
    """How many bad bytes a file of ``n`` bytes may hold and still be decoded."""
    return max(MIN_BAD_BYTES, int(n * MAX_BAD_SHARE))


_BAD = threading.local()  # the byte runs the error handler was called for, per thread


def _note_bad(e: UnicodeError) -> tuple[str, int]:
    """Codec error handler: note the bad run and replace it as ``errors="replace"`` would."""
    if not isinstance(e, UnicodeDecodeError):
        raise e
    _BAD.runs.append((e.start, e.end))
    return "\ufffd", e.end


codecs.register_error("govreport.note_bad", _note_bad)


def _replacing(data: bytes, codec: str) -> tuple[str, list[tuple[int, int]]]:
    """``data`` decoded with U+FFFD for each bad sequence, and the byte runs that were bad."""
    runs: list[tuple[int, int]] = []
    _BAD.runs = runs
    try:
        return data.decode(codec, "govreport.note_bad"), runs
    finally:
        _BAD.runs = None


def _forgiving(
    data: bytes, codec: str, offset: int, *, name: str | None = None, plausible: float = MIN_PLAUSIBILITY
) -> tuple[int, Decoded] | None:
    """``data`` decoded with U+FFFD for each bad sequence (as ``errors="replace"`` does) when at
    most :func:`_allowance` bytes are bad and the text is ``plausible``, with the number of bad
    bytes; else ``None``."""
    text, runs = _replacing(data, codec)
    bad = sum(b - a for a, b in runs)
    if bad > _allowance(len(data) + offset):
        return None
    if plausible and plausibility(text) < plausible:
        return None
    name = name or codec
    notes = _notes(data, codec, runs, offset, f"not valid {name}, each bad sequence became U+FFFD")
    return bad, Decoded(text, name, (*notes, *_nul_notes(data, text, codec, offset)))


#: the encodings one line may be in when the lines of a file are not all in one (strict UTF-8
#: first: on non-ASCII Chinese it is never an accident, while GB18030 decodes most byte pairs)
_LINE_CODECS = ("utf-8", "gb18030", "big5")
#: what a line must hold to be taken in an encoding other than UTF-8: this many Han characters,
#: this plausible (a report's text is above 0.9; a stray byte pair can make one common character)
_LINE_MIN_HAN = 4
_LINE_PLAUSIBILITY = 0.9


def _by_lines(data: bytes, offset: int) -> Decoded | None:
    """``data`` decoded line by line when its lines are in more than one encoding, else ``None``.

    Each line takes the first of :data:`_LINE_CODECS` that decodes it strictly into plausible
    text; a line none decodes gets U+FFFD for its bad bytes (at most :func:`_allowance` of them
    in the file). The encoding of most non-ASCII bytes is the file's; every run of lines in
    another one gets an ``encoding`` diagnostic over the characters it became.

    >>> pasted = "全年新增就业4万人。\\n".encode() + "这一段来自旧系统。\\n".encode("gbk") + "经济稳中向好。".encode()
    >>> decoded = _by_lines(pasted, 0)
    >>> decoded.text, decoded.encoding, [(d.code, d.start, d.end) for d in decoded.diagnostics]
    ('全年新增就业4万人。\\n这一段来自旧系统。\\n经济稳中向好。', 'utf-8', [('encoding', 11, 21)])
    """
    lines: list[tuple[int, int, str | None, list[tuple[int, int]]]] = []  # bytes, chars, codec, bad runs
    texts: list[str] = []
    weight: dict[str, int] = {}  # non-ASCII bytes per encoding
    at = chars = 0
    for line in data.splitlines(keepends=True):
        found = _line_codec(line)
        runs: list[tuple[int, int]] = []
        codec: str | None = None
        if found is None:
            decoded, runs = _replacing(line, "utf-8")
        else:
            codec, decoded = found
            weight[codec] = weight.get(codec, 0) + sum(b >= 0x80 for b in line)
        texts.append(decoded)
        lines.append((at, chars, codec, runs))
        at, chars = at + len(line), chars + len(texts[-1])
    lines.append((at, chars, "", []))  # the end
    used = [c for c, n in weight.items() if n]
    text = "".join(texts)
    if len(used) < 2 or sum(b - a for *_, runs in lines for a, b in runs) > _allowance(len(data) + offset):
        return None  # one encoding (the other paths decide), or too many bad bytes
    if plausibility(text) < MIN_PLAUSIBILITY:
        return None
    main = max(used, key=weight.__getitem__)
    notes: list[Diagnostic] = []
    why = "not valid in any encoding, each bad sequence became U+FFFD"
    for k, (a, c, _, runs) in enumerate(lines[:-1]):  # bytes no encoding decodes
        for d in _notes(data[a : lines[k + 1][0]], "utf-8", runs, offset + a, why):
            notes.append(d.model_copy(update={"start": c + (d.start or 0), "end": c + (d.end or 0)}))
    spans: list[list[int]] = []  # first and last line of each run in another encoding (blank lines inside)
    for k, (_, _, codec, _) in enumerate(lines[:-1]):
        if codec in (main, "ascii", None):
            continue
        last = spans[-1][1] if spans else -1
        if spans and lines[last][2] == codec and all(lines[i][2] == "ascii" for i in range(last + 1, k)):
            spans[-1][1] = k
        else:
            spans.append([k, k])
    for first, last in spans:
        (a, c, codec, _), (b, e, *_) = lines[first], lines[last + 1]
        message = f"bytes {a + offset}-{b + offset} are {codec}, not {main} like the rest: decoded as {codec}"
        notes.append(Diagnostic(code="encoding", message=message, start=c, end=e))
    return Decoded(text, main, tuple(sorted(notes, key=lambda n: n.start or 0)))


def _line_codec(line: bytes) -> tuple[str, str] | None:
    """The first of :data:`_LINE_CODECS` that decodes ``line`` strictly into plausible text, with
    that text."""
    if line.isascii():
        return "ascii", line.decode("ascii")  # neutral: every candidate reads it alike
    for codec in _LINE_CODECS:
        try:
            text = line.decode(codec)
        except UnicodeDecodeError:
            continue
        if codec == "utf-8" or (sum(map(is_han, text)) >= _LINE_MIN_HAN and plausibility(text) >= _LINE_PLAUSIBILITY):
            return codec, text
    return None


def _nul_notes(data: bytes, text: str, codec: str, offset: int) -> tuple[Diagnostic, ...]:
    """Diagnostics for the NUL bytes of a text that decoded, each a NUL character (in UTF-16 and
    UTF-32 a NUL byte is part of a character, and U+0000 is left to normalisation)."""
    if "\x00" not in text or codec.startswith(("utf-16", "utf-32")):
        return ()
    nuls = []
    at = data.find(b"\x00")
    while at >= 0:
        nuls.append((at, at + 1))
        at = data.find(b"\x00", at + 1)
    return _notes(data, codec, nuls, offset, "NUL bytes, which no text holds (normalisation makes them U+FFFD)")


def _notes(data: bytes, codec: str, runs: list[tuple[int, int]], offset: int, why: str) -> tuple[Diagnostic, ...]:
    """One ``decoding`` diagnostic per run of adjacent byte ``runs`` (each decoded to one character),
    spanning the characters they became; the bytes between runs are decoded again to count them."""
    merged: list[list[int]] = []  # byte start, byte end, character start, character end
    pos = chars = 0
    for a, b in runs:
        chars += len(data[pos:a].decode(codec, "replace"))
        if merged and merged[-1][1] == a:
            merged[-1][1], merged[-1][3] = b, chars + 1
        else:
            merged.append([a, b, chars, chars + 1])
        chars += 1
        pos = b
    return tuple(
        Diagnostic(
            code="decoding", message=f"bytes {a + offset}-{b + offset} ({_shown(data[a:b])}): {why}", start=c, end=d
        )
        for a, b, c, d in merged
    )


def _shown(run: bytes) -> str:
    """The first bytes of a run in hex: ``c3 28``."""
    return run[:8].hex(" ") + (" …" if len(run) > 8 else "")
