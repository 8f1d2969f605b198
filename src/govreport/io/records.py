"""Flat tables from reports: plain dict rows, pandas DataFrames, Spark schemas.

Three tables, one row per section, per sentence or per target. Their columns are
declared once in :data:`COLUMNS` (name, type, meaning); every row builder, the
DataFrame dtypes, the Parquet schema and the Spark DDL string derive from it.
Column names are short ASCII identifiers that Stata accepts (at most 32 characters,
no reserved word: hence ``span_start``/``span_end`` rather than ``start``/``end``);
cell values are ``str``, ``int``, ``float`` or ``None``, so rows serialise to CSV,
Parquet or Stata without further conversion.

>>> from govreport import parse
>>> rows = to_records(parse("二、今年工作安排\\n地区生产总值增长5%左右。"), table="targets")
>>> [(r["path"], r["indicator"], r["value"], r["unit"], r["qualifier"]) for r in rows]
[('今年工作安排', '地区生产总值', 5.0, '%', '左右')]
"""

from __future__ import annotations

import types
from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Union, get_args, get_origin

from pydantic import BaseModel

from ..errors import ConfigError, GovReportError
from ..models import Category, Paragraph, Report, Section, Target

if TYPE_CHECKING:  # pragma: no cover
    import pandas

Table = Literal["sections", "sentences", "targets", "main-targets"]
Row = dict[str, Any]


class Column(NamedTuple):
    """One column of a flat table."""

    name: str
    #: ``str``, ``int`` (never missing), ``int?`` (may be missing) or ``float`` (NaN when missing)
    type: Literal["str", "int", "int?", "float"]
    doc: str


_CATS = tuple(c.value for c in Category)


def _fields(model: type[BaseModel], names: str) -> tuple[Column, ...]:
    """Columns for the fields ``names`` of ``model``, typed and described by the model itself.

    >>> _fields(Target, "value period_from main")
    ... # doctest: +NORMALIZE_WHITESPACE
    (Column(name='value', type='float', doc='exact decimal value in the unit given by `unit`'),
     Column(name='period_from', type='int?', doc='first year the figure refers to (None: open)'),
     Column(name='main', type='int', doc="an item of the report's main annual targets statement"))
    """
    out = []
    for name in names.split():
        field = model.model_fields[name]
        kinds = [a for a in _members(field.annotation) if a is not type(None)]
        optional = len(kinds) < len(_members(field.annotation))
        if kinds == [Decimal]:
            kind: Literal["str", "int", "int?", "float"] = "float"
        elif kinds == [bool]:
            kind = "int"  # 0 or 1
        elif kinds == [int]:
            kind = "int?" if optional else "int"
        else:
            kind = "str"
        out.append(Column(name, kind, field.description or ""))
    return tuple(out)


def _members(annotation: Any) -> tuple[Any, ...]:  # noqa: ANN401  (any annotation)
    """The members of a union annotation (``int | None``), or the annotation alone."""
    return get_args(annotation) if get_origin(annotation) in (Union, types.UnionType) else (annotation,)


def _cell(value: object) -> object:
    """A field's value as a table cell: a number as float, a flag as 0/1, an enum as its value."""
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bool):
        return int(value)
    return value.value if isinstance(value, Enum) else value


#: Columns every table starts with: which document and which section a row belongs to.
_WHERE = (
    Column("document", "str", "name of the input: the path as given (Report.source), or the key given to to_dataframe"),
    Column("year", "int?", "the year the report plans for (Report.year)"),
    Column("year_source", "str", "the rule that gave the year: title, plan_heading, file_name, caller, …"),
    Column("jurisdiction", "str", "the government whose report it is, e.g. 浙江省, 国务院"),
    Column("jurisdiction_source", "str", "the rule that gave the jurisdiction"),
    Column("section", "int", "index of the section in document order (0 = preamble when there is one)"),
    Column("path", "str", "titles of the headings from the top down to the section, joined by ' > '"),
    Column("level", "int", "depth of the section, 1 = top, 0 = preamble"),
)

#: Columns every table of items (sentences, targets) ends with: where the item stands in the original.
_SPAN = (
    Column("span_start", "int", "offset in the original input"),
    Column("span_end", "int", "offset one past the end in the original input"),
)

#: the fields of a Target that are columns of the targets table, in order
_TARGET_FIELDS = (
    "indicator direction value high unit qualifier hardness role kind canonical period_from period_to average main text"
)

COLUMNS: dict[str, tuple[Column, ...]] = {
    # one row per section of the outline, preamble included
    "sections": (
        *_WHERE,
        *_fields(Section, "marker number style title"),
        Column("category", "str", "label of the section: goal, achievement, shortcoming or other"),
        *(Column(f"score_{c}", "float", f"share of {c} in the section's own text") for c in _CATS),
        Column("paragraphs", "int", "number of the section's own paragraphs"),
        Column("sentences", "int", "number of sentences in those paragraphs"),
        Column("span_start", "int", "offset of the section's first character in the original input"),
        Column("span_end", "int", "offset one past the section's last character (descendants included)"),
        *_fields(Section, "heading_start heading_end"),
    ),
    # one row per sentence of body text
    "sentences": (
        *_WHERE,
        Column("paragraph", "int", "index of the paragraph in the document"),
        Column("sentence", "int", "index of the sentence in the document"),
        Column("category", "str", "label of the sentence"),
        Column("paragraph_category", "str", "label of the paragraph around it"),
        Column("cues", "str", "names of the lexicon rules that fired, joined by ';'"),
        Column("text", "str", "normalised text of the sentence"),
        *_SPAN,
    ),
    # one row per quantity: targets (goals) and results (achievements)
    "targets": (
        *_WHERE,
        *_fields(Target, _TARGET_FIELDS),
        Column("sentence", "str", "the sentence the figure came from"),
        *_SPAN,
    ),
}
#: one row per item of the main annual targets statement (Report.main_targets), in order
COLUMNS["main-targets"] = COLUMNS["targets"]

TABLES: tuple[str, ...] = tuple(COLUMNS)


def columns(table: str) -> tuple[str, ...]:
    """The column names of ``table``, in order; an unknown table is a :class:`ConfigError`."""
    return tuple(c.name for c in _columns(table))


def _columns(table: str) -> tuple[Column, ...]:
    try:
        return COLUMNS[table]
    except KeyError:
        raise ConfigError(table, TABLES, what="table") from None


def _sections(report: Report) -> Iterator[tuple[Section, str]]:
    """Every section with its heading path, in document order."""
    if report.preamble is not None:
        yield report.preamble, ""

    def visit(sec: Section, above: tuple[str, ...]) -> Iterator[tuple[Section, str]]:
        here = (*above, sec.title or "")
        yield sec, " > ".join(here)
        for child in sec.children:
            yield from visit(child, here)

    for top in report.sections:
        yield from visit(top, ())


def _identity(report: Report, document: str) -> Row:
    """The columns that say which report a row comes from."""
    return {
        "document": document or report.source or "",
        "year": report.year,
        "year_source": report.year_source,
        "jurisdiction": report.jurisdiction,
        "jurisdiction_source": report.jurisdiction_source,
    }


def _where(ident: Row, index: int, sec: Section, path: str) -> Row:
    return {**ident, "section": index, "path": path, "level": sec.level}


def _section_row(sec: Section) -> Row:
    row: Row = {
        "marker": sec.marker,
        "number": sec.number,
        "style": sec.style,
        "title": sec.title,
        "category": sec.category.value,
    }
    row.update({f"score_{c}": float(sec.scores.get(c, 0.0)) for c in _CATS})
    row.update(
        paragraphs=len(sec.paragraphs),
        sentences=sum(len(p.sentences) for p in sec.paragraphs),
        span_start=sec.start,
        span_end=sec.end,
        heading_start=sec.heading_start,
        heading_end=sec.heading_end,
    )
    return row


def _target_rows(para: Paragraph) -> Iterator[tuple[Target, Row]]:
    """The rows of a paragraph's targets, each with the sentence it came from (one pass)."""
    k = 0
    for t in para.targets:
        while k < len(para.sentences) and para.sentences[k].end <= t.start:
            k += 1
        here = para.sentences[k] if k < len(para.sentences) and para.sentences[k].start <= t.start else None
        yield t, {**_target_row(t), "sentence": here.text if here else None}


def _target_row(t: Target) -> Row:
    row = {name: _cell(getattr(t, name)) for name in _TARGET_FIELDS.split()}
    row.update(span_start=t.start, span_end=t.end)
    return row


def to_records(report: Report, table: str = "sections", document: str = "") -> list[Row]:
    """Plain dict rows of one report for ``table`` (``sections``, ``sentences``, ``targets`` or
    ``main-targets``: the targets of :meth:`Report.main_targets`, in order).

    Every row has the keys of :func:`columns` in that order; ``document`` fills the
    ``document`` column (by default the report's ``source``) so that rows of many
    reports can share one table.
    """
    cols = columns(table)
    ident = _identity(report, document)
    rows: list[Row] = []
    para_index = sent_index = 0
    targets: list[tuple[int, Row]] = []
    for index, (sec, path) in enumerate(_sections(report)):
        where = _where(ident, index, sec, path)
        if table == "sections":
            rows.append({**where, **_section_row(sec)})
        elif table == "sentences":
            for para in sec.paragraphs:
                rows.extend(_sentence_rows(where, para, para_index, sent_index))
                para_index += 1
                sent_index += len(para.sentences)
        else:
            for para in sec.paragraphs:
                targets.extend(
                    (t.start, {**where, **row}) for t, row in _target_rows(para) if t.main or table == "targets"
                )
    if table in ("targets", "main-targets"):
        rows = [row for _, row in sorted(targets, key=lambda pair: pair[0])]
    return [{c: row[c] for c in cols} for row in rows]


def _sentence_rows(where: Row, para: Paragraph, para_index: int, first: int) -> Iterator[Row]:
    for k, s in enumerate(para.sentences):
        yield {
            **where,
            "paragraph": para_index,
            "sentence": first + k,
            "category": s.category.value,
            "paragraph_category": para.category.value,
            "cues": ";".join(dict.fromkeys(c.rule for c in s.cues)),
            "text": s.text,
            "span_start": s.start,
            "span_end": s.end,
        }


def _named(reports: Report | Mapping[str, Report] | Iterable[Report]) -> Iterator[tuple[str, Report]]:
    if isinstance(reports, Report):
        yield "0", reports
    elif isinstance(reports, Mapping):
        yield from ((str(k), v) for k, v in reports.items())
    else:
        yield from ((str(i), r) for i, r in enumerate(reports))


def _pandas() -> Any:  # noqa: ANN401  (pandas is optional and typed only when installed)
    try:
        import pandas as pd
    except ImportError:
        msg = "to_dataframe needs pandas: pip install pandas (from a checkout: pip install -e '.[pandas]')"
        raise GovReportError(msg) from None
    return pd


#: pandas dtype per column type: nullable integers where a value may be missing; strings
#: are left to pandas (``str`` in pandas 3, ``object`` before) with missing text as ""
_DTYPES = {"str": None, "int": "int64", "int?": "Int64", "float": "float64"}


def to_dataframe(
    reports: Report | Mapping[str, Report] | Iterable[Report], table: str = "sections"
) -> pandas.DataFrame:
    """One pandas DataFrame of ``table`` over many reports (needs the ``pandas`` extra).

    ``reports`` is a mapping of document name to :class:`Report` (the names fill the
    ``document`` column), or Reports named by their position. Missing text is ""
    (as in CSV and Stata, which cannot store an all-missing text column), missing
    numbers are NaN or ``<NA>``. Column names and types are ones Stata accepts;
    Chinese text needs Stata 14's format: ``df.to_stata(path, version=118, write_index=False)``.
    """
    cols = _columns(table)
    pd = _pandas()
    rows = [row for name, rep in _named(reports) for row in to_records(rep, table, document=name)]
    data = {
        c.name: pd.Series(
            [("" if r[c.name] is None else r[c.name]) if c.type == "str" else r[c.name] for r in rows],
            dtype=_DTYPES[c.type] or (None if rows else str),
        )
        for c in cols
    }
    return pd.DataFrame(data, columns=[c.name for c in cols])


#: Spark SQL type per column type
_SPARK = {"str": "string", "int": "bigint", "int?": "bigint", "float": "double"}


def spark_schema(table: str = "sections") -> str:
    """The DDL schema string of ``table`` for PySpark's ``mapInPandas(func, schema)``.

    >>> spark_schema("targets")[:56]
    'document string, year bigint, year_source string, jurisd'
    """
    return ", ".join(f"{c.name} {_SPARK[c.type]}" for c in _columns(table))
