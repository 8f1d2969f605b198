"""The published data model: pydantic v2 models for a parsed report.

Every ``start``/``end`` pair indexes the ORIGINAL input string (for bytes input:
the string the library decoded them to), so ``original[start:end]`` is the span
the item came from. ``text`` fields hold the normalised text (Simplified,
half-width, layout joined), which may differ from that span character by
character but never in meaning.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from decimal import Decimal
from enum import Enum
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator


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

#: Build every model with full validation, as ``cls(**values)`` would. The pipeline builds
#: its models from values it has already checked and skips validation (a cue and a sentence
#: every few characters); this switch, read once on import, lets a test run or a doubtful user
#: check that claim on real input: ``GOVREPORT_VALIDATE_MODELS=1 python -m pytest``.
VALIDATE_MODELS = os.environ.get("GOVREPORT_VALIDATE_MODELS", "") not in ("", "0")

_new = object.__new__
_setattr = object.__setattr__  # BaseModel's own __setattr__ validates and writes the instance dict
# the slots every BaseModel instance has, set through their descriptors (cheaper than object.__setattr__)
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


def _template(cls: type[BaseModel]) -> dict[str, Any]:
    """Put every field name of ``cls`` in the table of names its instances share; return the dict
    of the instance that did it (every field ``None``).

    Memory: CPython (3.11+) can keep an instance's fields as a compact array of values beside
    one table of field names shared by the whole class, instead of a hash table per instance
    (a cue's six fields: 72 bytes instead of 272). A name joins that table only while the class
    has few instances, so this runs on import, before any other instance exists. Pydantic reads
    the fields through ``__dict__`` as before. On another interpreter each instance simply has
    a dict of its own.
    """
    first = _new(cls)
    for name in cls.model_fields:
        _setattr(first, name, None)
    return first.__dict__


def _unchecked(cls: type[_M]) -> Callable[[dict[str, Any]], _M]:
    """A constructor of ``cls`` that gives it ``values`` as its fields, unvalidated.

    ``values`` must be a dict giving every field in declaration order, each of its declared
    type; the result then equals ``cls(**values)``. All instances share one fields-set naming
    every field (a validated instance builds its own, some 700 bytes). Only the typed ``new_*``
    functions below call it, each with a dict it builds itself.

    The instance's ``__dict__`` is a copy of the :func:`_template`'s, which CPython makes as an
    array of values on the class's shared names (with a small dict object in front), filled by
    one ``update``. The hottest models (:func:`new_cue`, :func:`new_sentence`) go further: their
    fields are set one by one (``object.__setattr__``), which keeps the array alone (64 bytes
    less) for a call per field.
    """
    if VALIDATE_MODELS:
        return cls.model_validate
    fields = set(cls.model_fields)
    shared = _template(cls)

    def build(values: dict[str, Any]) -> _M:
        obj = _new(cls)
        own = shared.copy()
        own.update(values)
        _set_dict(obj, own)
        _set_fields_set(obj, fields)
        _set_extra(obj, None)
        _set_private(obj, None)
        return obj

    return build


def _bare(cls: type[_M]) -> Callable[[], _M]:
    """A constructor of ``cls`` with no field set yet: the caller sets every one, in declaration
    order, with ``object.__setattr__`` (see :func:`_template`); shares one fields-set like
    :func:`_unchecked`."""
    fields = set(cls.model_fields)
    _template(cls)

    def build() -> _M:
        obj = _new(cls)
        _set_fields_set(obj, fields)
        _set_extra(obj, None)
        _set_private(obj, None)
        return obj

    return build


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


Direction = Literal["increase", "decrease", "keep", "reach"]
Hardness = Literal["hard", "soft"]
Role = Literal["target", "result"]
Kind = Literal["growth", "level", "share", "count"]


class Target(Span):
    """A quantity stated in the report: a target (goal) or a result (achievement)."""

    indicator: str | None = Field(description="the measured thing as written, e.g. 地区生产总值")
    direction: Direction | None = Field(default=None, description="increase, decrease, keep or reach")
    value: Decimal = Field(description="exact decimal value in the unit given by `unit`")
    high: Decimal | None = Field(default=None, description="upper bound of a range (5%—6%)")
    unit: str | None = Field(description="unit as written, or base unit when base_units=True")
    qualifier: str | None = Field(default=None, description="以上/左右/以内/以下/不低于/不超过/力争/约/区间")
    hardness: Hardness | None = Field(default=None, description="hard (以上, 以内, 不低于) or soft (左右, 力争)")
    role: Role | None = Field(default=None, description="target (a goal) or result (an achievement)")
    average: bool = Field(default=False, description="an annual average over several years (年均增长5%左右)")
    text: str = Field(description="the phrase the quantity was read from")
    period_from: int | None = Field(default=None, description="first year the figure refers to (None: open)")
    period_to: int | None = Field(default=None, description="last year the figure refers to (到2030年: 2030)")
    canonical: str | None = Field(
        default=None, description="code of the canonical indicator (gdp_growth, cpi…; govreport.targets.INDICATORS)"
    )
    kind: Kind | None = Field(default=None, description="growth (a rate of change), level, share (a ratio), count")
    main: bool = Field(default=False, description="an item of the report's main annual targets statement")


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
    targets: list[Target] = Field(
        default_factory=list,
        exclude=True,
        description="targets read from this paragraph; JSON holds each once, in its section's `targets`",
    )


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
    heading_start: int | None = Field(default=None, description="offset of the heading's first character (marker)")
    heading_end: int | None = Field(default=None, description="offset one past the heading's last character")
    category: Category = Category.OTHER
    scores: dict[str, float] = Field(default_factory=dict, description="share per category")
    paragraphs: list[Paragraph] = Field(default_factory=list)
    children: list[Section] = Field(default_factory=list)
    targets: list[Target] = Field(
        default_factory=list,
        description="every target in this section's own paragraphs, in order: their one home in JSON",
    )

    @model_validator(mode="after")
    def _home_targets(self) -> Section:
        """Read from JSON, hand each paragraph back its targets (dumped once, here) by offsets."""
        if not any(p.targets for p in self.paragraphs):
            for p in self.paragraphs:
                p.targets = [t for t in self.targets if p.start <= t.start < p.end]
        return self

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

    code: str = Field(
        description="stable machine-readable code: encoding, decoding, mojibake, empty, identity, numbering_gap, …"
    )
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
    year_source: str | None = Field(
        default=None,
        description="the rule that gave the year: title, subtitle, plan_heading, … (identity.YEAR_SOURCES)",
    )
    jurisdiction: str | None = Field(
        default=None, description="the government whose report it is, with its level: 浙江省, 保定市, 国务院"
    )
    jurisdiction_source: str | None = Field(
        default=None, description="the rule that gave the jurisdiction (identity.JURISDICTION_SOURCES)"
    )
    source: str | None = Field(default=None, description="the path as given to parse_file or the CLI; null for parse()")
    encoding: str | None = Field(default=None, description="encoding the bytes were decoded from, or null for str")
    length: int = Field(default=0, ge=0, description="length of the original (decoded) input in characters")
    preamble: Section | None = None
    sections: list[Section] = Field(default_factory=list)
    noise: list[Noise] = Field(default_factory=list)
    diagnostics: list[Diagnostic] = Field(default_factory=list)

    def walk(self) -> list[Section]:
        """Every section (preamble first, if any) in document order."""
        out: list[Section] = [self.preamble] if self.preamble else []
        for s in self.sections:
            out.extend(s.walk())
        return out

    def paragraphs(self) -> list[Paragraph]:
        """Every paragraph in document order."""
        return [p for s in self.walk() for p in s.paragraphs]

    @property
    def targets(self) -> list[Target]:
        """Every target of the report once, in document order (a view: not serialised)."""
        return [t for p in self.paragraphs() for t in p.targets]

    def main_targets(self) -> list[Target]:
        """The items of the report's main annual targets statement (主要预期目标是…), in order."""
        return [t for t in self.targets if t.main]

    def all_targets(self) -> list[Target]:
        """The same as :attr:`targets` (kept for code written before it)."""
        return self.targets


# ---------------------------------------------------------------- the pipeline's constructors
# Typed, so that mypy checks every call; unvalidated unless VALIDATE_MODELS (see _unchecked).

# a cue every few characters and a sentence every 25: their fields set one by one
_bare_cue = _bare(Cue)
_bare_sentence = _bare(Sentence)
_make_target = _unchecked(Target)
_make_paragraph = _unchecked(Paragraph)
_make_section = _unchecked(Section)


def new_cue(start: int, end: int, text: str, category: Category, weight: float, rule: str) -> Cue:
    """A :class:`Cue` from checked values (the classifier's hot path).

    >>> new_cue(0, 2, "推进", Category.GOAL, 1.0, "action") == Cue(
    ...     start=0, end=2, text="推进", category=Category.GOAL, weight=1.0, rule="action")
    True
    """
    if VALIDATE_MODELS:
        values = {"start": start, "end": end, "text": text, "category": category, "weight": weight, "rule": rule}
        return Cue.model_validate(values)
    cue = _bare_cue()  # the fields in declaration order, as _template put them
    _setattr(cue, "start", start)
    _setattr(cue, "end", end)
    _setattr(cue, "text", text)
    _setattr(cue, "category", category)
    _setattr(cue, "weight", weight)
    _setattr(cue, "rule", rule)
    return cue


def new_sentence(start: int, end: int, text: str, category: Category, cues: list[Cue]) -> Sentence:
    """A :class:`Sentence` from checked values."""
    if VALIDATE_MODELS:
        return Sentence.model_validate({"start": start, "end": end, "text": text, "category": category, "cues": cues})
    sentence = _bare_sentence()
    _setattr(sentence, "start", start)
    _setattr(sentence, "end", end)
    _setattr(sentence, "text", text)
    _setattr(sentence, "category", category)
    _setattr(sentence, "cues", cues)
    return sentence


def new_target(
    start: int,
    end: int,
    *,
    indicator: str | None,
    direction: Direction | None,
    value: Decimal,
    high: Decimal | None,
    unit: str | None,
    qualifier: str | None,
    hardness: Hardness | None,
    role: Role | None,
    average: bool,
    text: str,
    period_from: int | None = None,
    period_to: int | None = None,
    canonical: str | None = None,
    kind: Kind | None = None,
    main: bool = False,
) -> Target:
    """A :class:`Target` from checked values."""
    return _make_target(
        {
            "start": start,
            "end": end,
            "indicator": indicator,
            "direction": direction,
            "value": value,
            "high": high,
            "unit": unit,
            "qualifier": qualifier,
            "hardness": hardness,
            "role": role,
            "average": average,
            "text": text,
            "period_from": period_from,
            "period_to": period_to,
            "canonical": canonical,
            "kind": kind,
            "main": main,
        }
    )


def new_paragraph(
    start: int,
    end: int,
    text: str,
    category: Category,
    scores: dict[str, float],
    sentences: list[Sentence],
    targets: list[Target],
) -> Paragraph:
    """A :class:`Paragraph` from checked values."""
    return _make_paragraph(
        {
            "start": start,
            "end": end,
            "text": text,
            "category": category,
            "scores": scores,
            "sentences": sentences,
            "targets": targets,
        }
    )


def new_section(
    start: int,
    end: int,
    *,
    title: str | None,
    marker: str | None,
    number: int | None,
    style: str | None,
    level: int,
    heading_start: int | None,
    heading_end: int | None,
    category: Category,
    scores: dict[str, float],
    paragraphs: list[Paragraph],
    children: list[Section],
    targets: list[Target],
) -> Section:
    """A :class:`Section` from checked values."""
    return _make_section(
        {
            "start": start,
            "end": end,
            "title": title,
            "marker": marker,
            "number": number,
            "style": style,
            "level": level,
            "heading_start": heading_start,
            "heading_end": heading_end,
            "category": category,
            "scores": scores,
            "paragraphs": paragraphs,
            "children": children,
            "targets": targets,
        }
    )
