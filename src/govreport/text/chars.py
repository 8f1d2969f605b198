"""Character classes shared by the stages: sentence and clause punctuation, brackets, Han.

Each stage asks a slightly different question of punctuation, so each set here is
named for its question, and a set that differs from another says why. Nothing
else in the package spells these sets out.

>>> split_on = FULL_STOPS + SEMICOLONS
>>> [c for c in "增长5%。完成目标；" if c in split_on]
['。', '；']
"""

from __future__ import annotations

import regex

#: marks that end a sentence outright: a heading's title ends before one, a body line ends with one
FULL_STOPS = "。！？!?"
#: semicolons close a sentence for classification (一是…；二是… are separate statements)
SEMICOLONS = "；;"
#: quotes and brackets that may close after a full stop and still belong to its sentence
CLOSING_QUOTES = "”’」』\"'"
#: commas: a clause goes on after one (a lead of two clauses, 坚持A，推进B。, holds one)
COMMAS = "，,"
#: colons: a lead-in (重点抓了五个方面工作：) announces what follows, on its line or below
COLONS = "：:"
#: commas, semicolons and colons: a clause goes on after them
CLAUSE_MARKS = COMMAS + SEMICOLONS + COLONS
#: a line that ends in one of these breaks off mid-phrase (…, ——, -): no heading ends so
BREAK_OFF = "…—-"
#: closing marks that may follow a line's final full stop (…完成目标。” …增长5%。）): the
#: sentence still ends there. Narrower than CLOSING_QUOTES + CLOSERS: a line ending 。》 or
#: 。」 is a quoted title or a fragment more often than a sentence of body text
STOP_CLOSERS = "”)）"
#: the enumeration comma: items of one clause (一产、二产、三产)
ENUMERATION_COMMA = "、"
#: opening and closing brackets and quotes, paired by position
OPENERS, CLOSERS = "「『《（(“", "」』》）)”"

#: spaces other than ASCII's that width folding turns into a plain space, one for one: the
#: ideographic space of justified Chinese text, no-break and typographic spaces from web pages,
#: and the zero-width space some sites scatter between characters. A span's edges are trimmed of
#: them like any space, so they are layout, owned by no span.
LAYOUT_SPACES = "\u3000\u00a0\u2002\u2003\u2009\u200b"

#: any Han character, of every block (for shape tests: "does this line hold four Han characters")
HAN = regex.compile(r"\p{Han}")


def is_han(ch: str) -> bool:
    """True for a CJK unified ideograph of the basic block or extension A.

    Narrower than :data:`HAN`: encoding plausibility and layout joins ask about the
    characters common text is made of, where rare extension-B ideographs are more
    likely a decoding accident than a word.
    """
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF


def run_of(char_class: str, least: int = 1) -> str:
    """A pattern for a run of ``least`` or more characters of ``char_class`` (``[…]``), spelt
    with one of them first.

    Stdlib ``re`` skips ahead to the next character that can open a match only when a pattern
    opens with one plain character or class; a pattern opening with a repeat (``[…]+``,
    ``[…]{4,}``) is tried at every position. On a report with few such characters (full-width
    letters, Latin-1 mojibake) that scan was four to seven times slower.

    >>> run_of("[ab]"), run_of("[ab]", 4)
    ('[ab][ab]*', '[ab][ab]{3,}')
    """
    return char_class + char_class + ("*" if least == 1 else f"{{{least - 1},}}")
