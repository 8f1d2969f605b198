"""Normalisation: an ordered chain of small, named, pure steps.

Each step is a pure function ``str -> list[Edit]`` that says what it would
change; the engine applies the edits, composes the :class:`OffsetMap` back to
the original input, turns removed furniture into :class:`Noise` and records an
:class:`ExplanationStep` for every step that changed something. The chain runs
until nothing changes (at most a few rounds), so normalisation is idempotent.

The steps live with their family: :mod:`.characters` (invalid characters, width,
readings), :mod:`.mojibake`, :mod:`.script` (Traditional to Simplified),
:mod:`.furniture` (page furniture) and :mod:`.layout` (line breaks, spaces, joins).

>>> normalize("區(qū)委書記：ＧＤＰ增長５％")
'区委书记：GDP增长5%'
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypedDict

import regex

from ..errors import ConfigError
from ..models import Diagnostic, Noise
from . import furniture, mojibake, script
from .characters import drop_readings, fold_width, replace_invalid
from .layout import join_layout, squeeze_spaces, unify_newlines
from .offsets import Edit, OffsetMap, apply_edits

Step = Callable[[str], list[Edit]]

#: the chain, in order; names are the NormalizeConfig fields
STEPS: tuple[tuple[str, Step], ...] = (
    ("replace_invalid", replace_invalid),
    ("unify_newlines", unify_newlines),
    ("fold_width", fold_width),
    ("drop_readings", drop_readings),
    ("repair_mojibake", mojibake.find),
    ("to_simplified", script.to_simplified),
    ("strip_furniture", furniture.find),
    ("squeeze_spaces", squeeze_spaces),
    ("join_layout", join_layout),
)
STEP_NAMES: tuple[str, ...] = tuple(name for name, _ in STEPS)


class StepSwitches(TypedDict, total=False):
    """The steps as keyword switches of ``parse`` (``parse(text, join_layout=False)``); a test
    holds the keys to :data:`STEP_NAMES`."""

    replace_invalid: bool
    unify_newlines: bool
    fold_width: bool
    drop_readings: bool
    repair_mojibake: bool
    to_simplified: bool
    strip_furniture: bool
    squeeze_spaces: bool
    join_layout: bool


@dataclass(frozen=True)
class NormalizeConfig:
    """One switch per step, named like the step. Unknown names are an error.

    >>> NormalizeConfig.from_options(fold_width=False).fold_width
    False
    """

    replace_invalid: bool = True
    unify_newlines: bool = True
    fold_width: bool = True
    drop_readings: bool = True
    repair_mojibake: bool = True
    to_simplified: bool = True
    strip_furniture: bool = True
    squeeze_spaces: bool = True
    join_layout: bool = True

    @classmethod
    def from_options(cls, **switches: bool) -> NormalizeConfig:
        """Build a config from keyword switches, rejecting unknown step names."""
        for name in switches:
            if name not in STEP_NAMES:
                raise ConfigError(name, STEP_NAMES, "normalisation step")
        return cls(**switches)

    def enabled(self) -> list[tuple[str, Step]]:
        """The steps switched on, in chain order."""
        return [(name, fn) for name, fn in STEPS if getattr(self, name)]


@dataclass(frozen=True)
class ExplanationStep:
    """A step that changed the text, and the edits it made (in its input's coordinates)."""

    name: str
    edits: tuple[Edit, ...]


@dataclass
class Normalized:
    """Normalised text with its map back to the original and everything removed."""

    text: str
    map: OffsetMap
    original: str
    noise: list[Noise] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    steps: list[ExplanationStep] = field(default_factory=list)
    script: str = "simplified"

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original span of the normalised span ``[start, end)``."""
        return self.map.span(start, end)


MAX_ROUNDS = 3


def normalize_and_explain(text: str, config: NormalizeConfig | None = None) -> Normalized:
    """Run the chain until nothing changes; return text, map, noise and explanation."""
    config = config or NormalizeConfig()
    original = text
    omap = OffsetMap.identity(len(text))
    result = Normalized(text, omap, original)
    result.script = script.detect(text)
    steps = config.enabled()
    flagged: set[tuple[str, int, int]] = set()
    for _ in range(MAX_ROUNDS):
        changed = False
        for name, fn in steps:
            edits = fn(text)
            if not edits:
                continue
            for e in edits:
                if e.kind is None or e.end <= e.start:
                    continue
                a, b = omap.span(e.start, e.end)
                if e.new:  # a flagged or repaired span stays content: report it (once)
                    if (e.kind, a, b) not in flagged:
                        flagged.add((e.kind, a, b))
                        result.diagnostics.append(
                            Diagnostic(code=e.kind, message=_flag_message(name, e, text), start=a, end=b)
                        )
                else:
                    result.noise.append(Noise(kind=e.kind, text=_encodable(original[a:b]), start=a, end=b))
            edits = [e for e in edits if e.new != text[e.start : e.end]]
            if not edits:
                continue
            text, omap = apply_edits(text, edits, omap)
            result.steps.append(ExplanationStep(name, tuple(edits)))
            changed = True
        if not changed:
            break
    result.text = text
    result.map = omap
    result.noise = _outermost(result.noise)
    return result


def _outermost(noise: list[Noise]) -> list[Noise]:
    """Sorted noise without spans nested in another (a reading inside a byline that went whole).

    Removed text leaves no characters behind, so a later span covers an earlier one
    entirely or not at all: every original character lies in at most one noise span.
    """
    out: list[Noise] = []
    for n in sorted(noise, key=lambda n: (n.start, -n.end)):
        if out and n.end <= out[-1].end and n.start >= out[-1].start:
            continue
        out.append(n)
    return out


_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def _encodable(s: str) -> str:
    """``s`` with lone surrogates as U+FFFD, so that noise text can be written as UTF-8 JSON."""
    return _SURROGATE.sub("\ufffd", s) if _SURROGATE.search(s) else s


def _flag_message(step: str, e: Edit, text: str) -> str:
    old = text[e.start : e.end]
    if e.new == old:
        return f"{step}: {old!r} looks garbled and could not be repaired"
    return f"{step}: {old!r} repaired as {e.new!r}"


def normalize(text: str, config: NormalizeConfig | None = None) -> str:
    """The normalised text alone (same machinery as :func:`normalize_and_explain`)."""
    return normalize_and_explain(text, config).text


def replay(text: str, steps: Sequence[ExplanationStep]) -> str:
    """Re-apply recorded steps to ``text``; on the same input this gives the same output."""
    omap = OffsetMap.identity(len(text))
    for step in steps:
        text, omap = apply_edits(text, step.edits, omap)
    return text
