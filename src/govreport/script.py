"""Which script a text is written in, and Traditional to Simplified conversion.

The OpenCC converter (phrase-aware ``t2s``) loads its dictionaries on first use
only, so Simplified input never pays for it: the test for Traditional text is a
single regex over a generated table of Traditional-only characters.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Literal

import regex

from ._traditional import TRADITIONAL_ONLY

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


@lru_cache(maxsize=1)
def _fast() -> tuple[dict[int, str], re.Pattern[str]] | None:
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
    table = {ord(k): str(cc.convert(k)) for k in one}
    phrase = re.compile("|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True)))
    return table, phrase


def convert(text: str) -> str:
    """Traditional to Simplified, phrase-aware (OpenCC ``t2s``).

    >>> convert("經濟發展，一目瞭然")
    '经济发展，一目了然'
    """
    fast = _fast()
    if fast is None or fast[1].search(text):
        return str(_converter().convert(text))
    return text.translate(fast[0])


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
