"""The one reader of fixture files: ``tests/fixtures/<stage>/*.txt`` (format in ``tests/fixtures/README.md``).

A case is a title line ``# what it shows (#issue)``, then blocks each ended by a line
holding a single ``.``: the input, then what is expected (one block or more). Lines
between the title and its first ``.`` are a free-form note.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


class Case(NamedTuple):
    title: str
    input: str
    expected: tuple[str, ...]  # one block or more, each with its lines joined by "\n"
    file: str  # the fixture file's stem

    def param(self) -> object:
        """``pytest.param(input, first expected block, ...)`` with an id naming file and title."""
        return pytest.param(self.input, *self.expected, id=f"{self.file}: {self.title[:60]}")


def load_cases(path: str | Path, blocks: int = 2) -> list[Case]:
    """The cases of one fixture file, or of every ``*.txt`` in a folder, each with ``blocks`` blocks."""
    p = Path(path)
    if not p.is_absolute():
        p = FIXTURES / p
    files = sorted(p.glob("*.txt")) if p.is_dir() else [p]
    cases: list[Case] = []
    for f in files:
        title: str | None = None
        parts: list[list[str]] = []
        seen_note_end = False
        for line in f.read_text(encoding="utf-8").split("\n"):
            if title is None:
                if line.startswith("# "):
                    title, parts, seen_note_end = line[2:].strip(), [], False
                continue
            if line == ".":
                if not seen_note_end:
                    seen_note_end = True
                    parts = [[]]
                    continue
                if len(parts) == blocks:
                    cases.append(Case(title, "\n".join(parts[0]), tuple("\n".join(b) for b in parts[1:]), f.stem))
                    title = None
                else:
                    parts.append([])
                continue
            if seen_note_end:
                parts[-1].append(line)
    return cases


def params(path: str | Path, blocks: int = 2) -> list[object]:
    """:func:`load_cases` as ``pytest.param`` objects, for ``parametrize``."""
    return [c.param() for c in load_cases(path, blocks)]
