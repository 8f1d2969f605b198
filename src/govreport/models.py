"""The published data model: pydantic v2 models for a parsed report.

Every ``start``/``end`` pair indexes the ORIGINAL input string (for bytes input:
the string the library decoded them to), so ``original[start:end]`` is the span
the item came from. ``text`` fields hold the normalised text (Simplified,
half-width, layout joined), which may differ from that span character by
character but never in meaning.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field


class Category(str, Enum):
    """What a statement in a report does."""

    #: plans, targets and commitments for the coming period: 今年要…，力争…
    GOAL = "goal"
    #: results obtained in the reviewed period: 全年新增…，建成…
    ACHIEVEMENT = "achievement"
    #: problems and gaps the report admits: 短板和不足…，尚未…
    SHORTCOMING = "shortcoming"
    #: context, ceremony, principle
    OTHER = "other"

    def __str__(self) -> str:
        return self.value


class _Model(BaseModel):
    # validators and serializers are built on first use, not on import: parse() builds most
    # models without validation, and a caller that never dumps JSON never pays for a serializer
    model_config = ConfigDict(frozen=False, extra="forbid", use_enum_values=False, defer_build=True)


_M = TypeVar("_M", bound=BaseModel)
#: one fields-set per model class, shared by every instance :func:`trusted` builds
_ALL_FIELDS: dict[type[BaseModel], set[str]] = {}
#: the :func:`builder` of each class :func:`trusted` was called with
_BUILDERS: dict[type[BaseModel], Callable[[dict[str, Any]], BaseModel]] = {}


_new = object.__new__
# the slots every BaseModel instance has, set through their descriptors (cheaper than object.__setattr__)
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


def trusted(cls: type[_M], values: dict[str, Any]) -> _M:
    """An instance of ``cls`` from ``values`` already of the field types, skipping validation.

    For the pipeline's hot path (a cue and a sentence per few characters): ``values``
    must give every field, in declaration order, each of its declared type; the result
    equals ``cls(**values)``. Validation builds a fields-set per instance (some 700 bytes
    for six names); these share one that names every field, which setting a field leaves
    unchanged.

    >>> trusted(Span, {"start": 0, "end": 2}) == Span(start=0, end=2)
    True
    """
    build = _BUILDERS.get(cls)
    if build is None:
        build = _BUILDERS[cls] = builder(cls)
    return build(values)  # type: ignore[return-value]  # the builder stored for cls builds a cls


def builder(cls: type[_M]) -> Callable[[dict[str, Any]], _M]:
    """:func:`trusted` for one class, as a function of ``values`` alone (half its cost per call).

    >>> builder(Span)({"start": 0, "end": 2}) == Span(start=0, end=2)
    True
    """
    fields = _ALL_FIELDS.get(cls) or _all_fields(cls)

    def build(values: dict[str, Any]) -> _M:
        obj = _new(cls)
        _set_dict(obj, values)
        _set_fields_set(obj, fields)
        _set_extra(obj, None)
        _set_private(obj, None)
        return obj

    return build


def _all_fields(cls: type[BaseModel]) -> set[str]:
    fields = _ALL_FIELDS[cls] = set(cls.model_fields)
    return fields


class Span(_Model):
    """A half-open span ``[start, end)`` of the original input."""

    start: int = Field(ge=0, description="offset of the first character in the original input")
    end: int = Field(ge=0, description="offset one past the last character in the original input")


class Cue(Span):
    """One piece of evidence behind a label: a lexicon entry that matched."""

    text: str = Field(description="the matched text (normalised)")
    category: Category
    weight: float = Field(description="signed strength; negative weights argue against the category")
    rule: str = Field(description="name of the lexicon entry or rule that fired")


class Target(Span):
    """A quantity stated in the report: a target (goal) or a result (achievement)."""

    indicator: str | None = Field(description="the measured thing as written, e.g. 地区生产总值")
    direction: Literal["increase", "decrease", "keep", "reach"] | None = None
    value: Decimal = Field(description="exact decimal value in the unit given by `unit`")
    high: Decimal | None = Field(default=None, description="upper bound of a range (5%—6%)")
    unit: str | None = Field(description="unit as written, or base unit when base_units=True")
    qualifier: str | None = Field(default=None, description="以上/左右/以内/以下/不低于/不超过/力争/约/区间")
    hardness: Literal["hard", "soft"] | None = None
    role: Literal["target", "result"] | None = None
    average: bool = Field(default=False, description="an annual average over several years (年均增长5%左右)")
    text: str = Field(description="the phrase the quantity was read from")


class Sentence(Span):
    """A sentence, split on 。！？； and closing quotes."""

    text: str
    category: Category = Category.OTHER
    cues: list[Cue] = Field(default_factory=list)


class Paragraph(Span):
    """A paragraph of body text (layout breaks already joined)."""

    text: str
    category: Category = Category.OTHER
    scores: dict[str, float] = Field(default_factory=dict, description="share per category")
    sentences: list[Sentence] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)


class Section(Span):
    """A node of the outline: its heading, its own paragraphs and its subsections.

    ``start``/``end`` cover the heading through the end of the last descendant;
    ``heading_start``/``heading_end`` cover the marker and title alone.
    """

    title: str | None = Field(description="heading text without its marker; null for the preamble")
    marker: str | None = Field(default=None, description="marker as written, e.g. （一） or 6")
    number: int | None = Field(default=None, description="value of the marker's numeral")
    style: str | None = Field(default=None, description="name of the marker style, e.g. paren_cn, lead")
    level: int = Field(default=1, ge=0, description="depth in the tree, 1 = top (0 for the preamble)")
    heading_start: int | None = None
    heading_end: int | None = None
    category: Category = Category.OTHER
    scores: dict[str, float] = Field(default_factory=dict, description="share per category")
    paragraphs: list[Paragraph] = Field(default_factory=list)
    children: list[Section] = Field(default_factory=list)
    targets: list[Target] = Field(
        default_factory=list,
        description="every target in this section's own paragraphs (the same items as their `targets`)",
    )

    def walk(self) -> list[Section]:
        """This section and all its descendants, in document order."""
        out = [self]
        for child in self.children:
            out.extend(child.walk())
        return out


class Noise(Span):
    """Text removed from the content: page furniture, pinyin readings, debris."""

    kind: str = Field(description="caption, credit, byline, editor, issue, chrome, disclaimer, reading, …")
    text: str = Field(description="the removed text exactly as in the original")


class Diagnostic(_Model):
    """Something the parser noticed and wants the user to know."""

    code: str = Field(description="stable machine-readable code, e.g. encoding, mojibake, numbering_gap")
    message: str
    start: int | None = None
    end: int | None = None


class Report(_Model):
    """A parsed report: outline, labels, quantities, and everything removed on the way."""

    title: str | None = None
    title_start: int | None = Field(default=None, description="span of the title line in the original")
    title_end: int | None = None
    script: Literal["simplified", "traditional", "mixed"] = "simplified"
    year: int | None = Field(default=None, description="the year the report plans for, read from the text")
    encoding: str | None = Field(default=None, description="encoding the bytes were decoded from, or null for str")
    length: int = Field(default=0, ge=0, description="length of the original (decoded) input in characters")
    preamble: Section | None = None
    sections: list[Section] = Field(default_factory=list)
    noise: list[Noise] = Field(default_factory=list)
    diagnostics: list[Diagnostic] = Field(default_factory=list)
    targets: list[Target] = Field(
        default_factory=list,
        description="quantities outside every paragraph (a title's); the preamble's are in `preamble.targets`",
    )

    def walk(self) -> list[Section]:
        """Every section (preamble first, if any) in document order."""
        out: list[Section] = [self.preamble] if self.preamble else []
        for s in self.sections:
            out.extend(s.walk())
        return out

    def paragraphs(self) -> list[Paragraph]:
        """Every paragraph in document order."""
        return [p for s in self.walk() for p in s.paragraphs]

    def all_targets(self) -> list[Target]:
        """Every target once, in document order (``Section.targets`` repeats its paragraphs')."""
        found = list(self.targets)
        for s in self.walk():
            for p in s.paragraphs:
                found.extend(p.targets)
        return sorted(found, key=lambda t: t.start)
