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


def convert(text: str) -> str:
    """Traditional to Simplified, phrase-aware (OpenCC ``t2s``)."""
    return str(_converter().convert(text))


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
