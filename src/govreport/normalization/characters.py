"""Character steps: invalid characters, full-width forms, pinyin readings.

Each step is a pure function ``str -> list[Edit]`` (see :mod:`.chain`).

>>> [e.new for e in fold_width("ＧＤＰ增长５％")]
['GDP', '5%']
"""

from __future__ import annotations

import re

import regex

from ..text.chars import LAYOUT_SPACES, run_of
from .offsets import Edit

_INVALID = re.compile(r"[\ud800-\udfff\x00-\x08\x0b\x0e-\x1f\x7f]")  # stdlib re: 4x faster here


def replace_invalid(text: str) -> list[Edit]:
    """Lone surrogates and control characters become U+FFFD (one for one).

    They cannot be written as UTF-8 JSON, and never carry meaning in a report.
    """
    return [Edit(m.start(), m.end(), "\ufffd", None) for m in _INVALID.finditer(text)]


# full-width ASCII letters, digits and the symbols used in quantities fold to
# ASCII; Chinese punctuation （），：；！？ stays as is.
_WIDTH_TABLE = {
    **{cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)},  # ０-９
    **{cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)},  # Ａ-Ｚ
    **{cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)},  # ａ-ｚ
    **{ord(c): ord(c) - 0xFEE0 for c in "％＋＝＜＞＃＆＠＊／"},
    **{ord(c): 0x20 for c in LAYOUT_SPACES},  # wide and invisible spaces, one for one
}
# stdlib re: a plain character class, which it scans 2.5x faster than regex (see run_of)
_WIDE = re.compile(run_of("[" + "".join(re.escape(chr(c)) for c in _WIDTH_TABLE) + "]"))


def fold_width(text: str) -> list[Edit]:
    """Full-width letters and digits (``１９９６``) to ASCII, wide spaces to spaces."""
    return [Edit(m.start(), m.end(), m.group().translate(_WIDTH_TABLE)) for m in _WIDE.finditer(text)]


# A tone-marked pinyin syllable in parentheses right after a Han character, as
# left by converters that annotate readings: 區(qū) 經(jīng)濟(jì). A real parenthesis
# (市) (齐鲁号) (青岛) holds Han characters or toneless Latin and is kept.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# The base character may also be one garbled by a byte shift (``?``, a lone
# ``^`` or U+FFFD, see mojibake.py); after a ``?`` the opening parenthesis may
# have been swallowed with the lost byte (``?yún)``).
# the lookahead (a tone mark among the letters) is bounded like the syllable itself: linear scans
_SYLLABLE = r"(?=[^)）]{0,5}[" + _TONED + r"])[a-zü" + _TONED + r"]{1,6}[)）]"
_READING = regex.compile(
    r"(?<=[\p{Han}?^\ufffd])[(（]" + _SYLLABLE + r"|(?<=\?)" + _SYLLABLE,
)


def drop_readings(text: str) -> list[Edit]:
    """Remove pinyin readings such as ``(qū)`` after a Han character."""
    if not any(c in text for c in _TONED):
        return []  # no tone mark anywhere (most reports): one fast character search each
    return [Edit(m.start(), m.end(), "", "reading") for m in _READING.finditer(text)]
