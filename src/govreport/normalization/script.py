"""Which script a text is written in, and Traditional to Simplified conversion.

The OpenCC converter (phrase-aware ``t2s``) loads its dictionaries on first use
only, so Simplified input never pays for it: the test for Traditional text is a
single regex over a generated table of Traditional-only characters.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Literal, NamedTuple

import regex

from ..text import frequency
from ._traditional import TRADITIONAL_ONLY
from .offsets import Edit

# stdlib re compiles a large character class to a bitmap: ~1000x faster here than the regex module
_TRADITIONAL = re.compile("[" + TRADITIONAL_ONLY + "]")
_HAN = regex.compile(r"\p{Han}")


@lru_cache(maxsize=1)
def _converter() -> Any:  # noqa: ANN401  (opencc ships no types)
    from opencc import OpenCC

    return OpenCC("t2s")


def has_traditional(text: str) -> bool:
    """True when ``text`` contains a Traditional-only character.

    >>> has_traditional("经济发展"), has_traditional("經濟發展")
    (False, True)
    """
    return _TRADITIONAL.search(text) is not None


class _Fast(NamedTuple):
    table: dict[int, int | str]  # code point -> code point (or string)
    phrase: re.Pattern[str]  # finds a phrase key
    bmp: list[int | str]  # the table as a list over the Basic Multilingual Plane
    one_for_one: bool  # every character converts to one character


@lru_cache(maxsize=1)
def _fast() -> _Fast | None:
    """A one-character table and a pattern of OpenCC's phrase keys, or None if unsure.

    opencc-python-reimplemented converts a phrase-free stretch character by character
    (the first reading of each); phrases, and separators, never hold a separator.
    So text without any phrase key converts by ``str.translate`` to the same string,
    and text with one goes to OpenCC. The table is read off OpenCC itself, one
    character at a time. Any other backend or dictionary shape: always OpenCC.
    """
    cc = _converter()
    try:
        (phrases, chars), *rest = cc._dict_chain_data
        keys, one = phrases[2], chars[2]
    except (AttributeError, TypeError, ValueError, IndexError):
        return None
    if rest or chars[0] != 1 or not keys or not all(isinstance(k, str) and len(k) == 1 for k in one):
        return None
    converted = {k: str(cc.convert(k)) for k in one}
    # a code point translates faster than a one-character string (same result)
    table: dict[int, int | str] = {ord(k): ord(v) if len(v) == 1 else v for k, v in converted.items()}

    def rarity(ch: str) -> int:  # a Traditional character is as rare as its Simplified form
        return frequency.rank(converted.get(ch, ch))

    # keyed on its rarest character, a phrase key stops re at few places; found or not is all
    # that is asked of the pattern, so the order of the alternatives does not matter
    phrase = re.compile("|".join(frequency.keyed(k, rarity) for k in sorted(keys, key=len, reverse=True)))
    # str.translate indexes a list twice as fast as it looks up a dict (other characters map to themselves)
    bmp: list[int | str] = list(range(0x10000))
    for k, v in table.items():
        if k < 0x10000:
            bmp[k] = v
    return _Fast(table, phrase, bmp, all(isinstance(v, int) for v in table.values()))


def convert(text: str) -> str:
    """Traditional to Simplified, phrase-aware (OpenCC ``t2s``).

    >>> convert("經濟發展，一目瞭然")
    '经济发展，一目了然'
    """
    fast = _fast()
    if fast is None or fast.phrase.search(text):
        return str(_converter().convert(text))
    return text.translate(fast.table)


def convert_lines(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, converted)`` for each line holding a Traditional-only character
    that :func:`convert` changes (lines are converted one by one).

    >>> convert_lines("经济\\n經濟發展\\n一目瞭然的經濟")
    [(3, 7, '经济发展'), (8, 15, '一目了然的经济')]
    """
    fast = _fast()
    if fast is None or not fast.one_for_one:
        return _convert_lines_plain(text)
    # one character for one: every line keeps its place
    whole = text.translate(fast.bmp if _ASTRAL.search(text) is None else fast.table)
    with_phrase = {text.rfind("\n", 0, m.start()) + 1 for m in fast.phrase.finditer(text)}
    edits = []
    a = 0
    for line, new in zip(text.split("\n"), whole.split("\n"), strict=True):
        if a in with_phrase:
            new = str(_converter().convert(line)) if has_traditional(line) else line
        # a line the table leaves alone needs no search for Traditional characters
        if new != line and has_traditional(line):
            edits.append((a, a + len(line), new))
        a += len(line) + 1
    return edits


_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def _convert_lines_plain(text: str) -> list[tuple[int, int, str]]:
    edits = []
    pos = 0
    for line in text.split("\n"):
        if line and has_traditional(line):
            new = convert(line)
            if new != line:
                edits.append((pos, pos + len(line), new))
        pos += len(line) + 1
    return edits


def to_simplified(text: str) -> list[Edit]:
    """The normalisation step: Traditional to Simplified, only where Traditional characters occur.

    Text with no Traditional-only character is left alone without loading the
    converter. Conversion runs line by line and only on lines that need it; a
    line converted to the same length keeps its character-by-character map.
    """
    if not has_traditional(text):
        return []
    return [Edit(a, b, new) for a, b, new in convert_lines(text)]


def detect(text: str) -> Literal["simplified", "traditional", "mixed"]:
    """``traditional`` when (nearly) every line with Han text has Traditional characters.

    >>> detect("经济"), detect("經濟"), detect("經濟\\n经济社会发展\\n民生")
    ('simplified', 'traditional', 'mixed')
    """
    if not has_traditional(text):
        return "simplified"
    trad = simp = 0
    for line in text.split("\n"):
        if _TRADITIONAL.search(line):
            trad += 1
        elif _HAN.search(line) and len(line.strip()) >= 2:
            simp += 1
    if trad >= 4 * simp:
        return "traditional"
    return "mixed"
