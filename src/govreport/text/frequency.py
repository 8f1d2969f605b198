"""Character frequency ranks: the one reader of the generated table :mod:`._frequency`.

Every stage that asks how common a character is (furniture hints keyed on their rarest
character, mojibake repair scoring a run, the OpenCC phrase keys) asks here.

>>> rank("的") < rank("貌") < UNRANKED == rank("\U00020000")
True
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType

from ._frequency import BY_FREQUENCY

#: each ranked Han character's place in the table, the most frequent first (0)
RANKS: Mapping[str, int] = MappingProxyType({ch: i for i, ch in enumerate(BY_FREQUENCY)})
#: the rank of a character the table does not hold: one past the last
UNRANKED = len(RANKS)


def rank(ch: str, unranked: int = UNRANKED) -> int:
    """The frequency rank of ``ch``, or ``unranked`` for a character outside the table."""
    return RANKS.get(ch, unranked)


def keyed(word: str, rarity: Callable[[str], int] = rank) -> str:
    """``word`` as a stdlib ``re`` pattern that opens with its rarest character.

    ``re`` skips ahead to the first character of a pattern, so a scan keyed on a rare
    character stops at few places: 新貌 becomes 貌(?<=新貌), not 新 at every 新.

    >>> keyed("新貌")
    '貌(?<=新貌)'
    """
    i = max(range(len(word)), key=lambda k: rarity(word[k]))
    behind = f"(?<={re.escape(word[: i + 1])})" if i else ""
    return re.escape(word[i]) + behind + re.escape(word[i + 1 :])
