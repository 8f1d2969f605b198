"""The context a paragraph is read in: an immutable value passed down the section tree.

A period cue (推进, 实施, 新增…) is tense-neutral; what decides it beyond its own
sentence is its paragraph, its section's own paragraphs, the sections above, and the
headings on the way (``2024年工作回顾`` → achievement, ``2025年工作安排`` → goal). The
builder starts from :meth:`Context.root` and takes :meth:`Context.child` for every
section, so a paragraph's reading depends only on its own section and the sections
above it: never on a sibling, never on what was built before.

>>> from .lexicon import Lexicon
>>> review = Context.root(Lexicon.default(), 2025).child("2024年工作回顾", [])
>>> review.heading > 0, review.child("产业发展", []).heading == review.heading
(True, True)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .evidence import Evidence, cues, strong
from .lexicon import Lexicon

#: a heading that names an appendix (附件, 附表, 附录)
_APPENDIX = re.compile(r"^\s*(?:附件|附表|附录)")

#: how much each layer of context counts when a period cue is resolved
CONTEXT_WEIGHTS = {"sentence": 2.0, "paragraph": 1.0, "section": 0.6, "ancestors": 0.3, "headings": 1.5}


def lean(goal: float, achievement: float) -> float:
    """Signed tense evidence in (-1, 1): negative for goal, positive for achievement."""
    return (achievement - goal) / (achievement + goal + 1.0)


@dataclass(frozen=True)
class Frame:
    """What one section says about its period: its heading's lean, a shortcoming heading, its body's lean."""

    heading_lean: float = 0.0
    heading_shortcoming: float = 0.0  #: a heading about problems (存在的问题和不足): its weight, else 0
    body_lean: float = 0.0
    plan_list: bool = False  #: its heading names a list of planned projects, or an appendix to a plan
    announces: bool = False  #: its own paragraphs announce a list of planned projects (办好十方面民生实事)
    glossary: bool = False  #: its heading names definitions or notes


@dataclass(frozen=True)
class Context:
    """The report's year and lexicon, the headings above, and the period reading they give.

    ``heading``, ``shortcoming``, ``section`` and ``ancestors`` are computed once, by
    :meth:`child`, for every paragraph of the section.
    """

    lexicon: Lexicon
    year: int | None = None
    path: tuple[str, ...] = ()  #: the headings from the top down to this section
    frames: tuple[Frame, ...] = ()  #: this section's frame first, then its ancestors'
    heading: float = 0.0  #: the lean of the heading that names a period most clearly
    shortcoming: float = 0.0  #: the innermost shortcoming heading's weight
    section: float = 0.0  #: the lean of the section's own paragraphs
    ancestors: float = 0.0  #: the ancestors' body leans, the nearer counting more, in [-1, 1]
    plan_list: bool = False  #: inside a list of planned projects: its figures are planned quantities
    glossary: bool = False  #: inside a glossary or notes: definitions, labelled ``other``

    @classmethod
    def root(cls, lexicon: Lexicon, year: int | None = None) -> Context:
        """The context above every section: the report's lexicon and year, nothing read yet."""
        return cls(lexicon, year)

    def child(self, title: str | None, paragraphs: Sequence[Evidence]) -> Context:
        """The context of a section under this one, with heading ``title`` and its own ``paragraphs``."""
        frame_heading = frame_short = 0.0
        plan_list = glossary = False
        if title:
            found = cues(title, self.lexicon, self.year)
            g, a, s = strong(found)
            frame_heading = lean(g, a)
            frame_short = s if s > g + a else 0.0
            kinds = {m.entry.kind for m in found}
            glossary = "glossary" in kinds
            # a list of planned projects by name, or an appendix to a plan (附件：2025年重点项目表)
            plan_list = "plan_list" in kinds or (frame_heading < 0 and _APPENDIX.search(title) is not None)
        g = a = 0.0
        announces = False
        for p in paragraphs:
            g, a = g + p.goal, a + p.achievement
            announces = announces or p.plan_list
        frame = Frame(frame_heading, frame_short, lean(g, a), plan_list, announces, glossary)
        frames = (frame, *self.frames)
        h = s = anc = 0.0
        for depth, f in enumerate(frames):
            if abs(f.heading_lean) > abs(h):  # the heading that names a period most clearly (2025年工作安排)
                h = f.heading_lean
            if not s:
                s = f.heading_shortcoming
            if depth:
                anc += f.body_lean / depth
        return Context(
            self.lexicon,
            self.year,
            (*self.path, title) if title else self.path,
            frames,
            h,
            s,
            frames[0].body_lean,
            max(-1.0, min(1.0, anc)),
            # a list is what a heading names, or what the section above announces
            plan_list=frame.plan_list or self.plan_list or (bool(self.frames) and self.frames[0].announces),
            glossary=frame.glossary or self.glossary,
        )
