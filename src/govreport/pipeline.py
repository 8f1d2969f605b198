"""The whole pipeline: decode, normalise, outline, classify, extract, and build the models."""

from __future__ import annotations

import bisect
import gc
import os
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from . import classify, identity, outline
from .build import Builder
from .classify.lexicon import LexiconEntry
from .errors import ConfigError, InputError
from .models import Diagnostic, Report
from .normalization import STEP_NAMES, NormalizeConfig, Normalized, normalize_and_explain
from .normalization.chain import StepSwitches
from .normalization.decode import decode
from .targets import Indicator
from .targets.indicators import extended

if TYPE_CHECKING:
    from typing_extensions import Unpack


class ParseOptions(StepSwitches, total=False):
    """The keyword options of :func:`parse` and :func:`parse_file`, checked by mypy and editors.

    ``base_units`` folds 万/亿 into values; ``add_cues``/``remove_cues`` change the cue lexicon
    (a :class:`LexiconEntry` or a list of them; a word or a list of words); ``add_indicators``
    extends the canonical indicators (an :class:`Indicator` or a list of them, tried before
    :data:`govreport.INDICATORS`); ``year`` and ``jurisdiction`` say which report it is (source
    ``caller``); each normalisation step is a switch named like the step (``join_layout=False``).
    """

    base_units: bool
    add_cues: LexiconEntry | Sequence[LexiconEntry]
    remove_cues: str | Sequence[str]
    add_indicators: Indicator | Sequence[Indicator]
    year: int | None
    jurisdiction: str | None


OPTION_NAMES: tuple[str, ...] = (
    "base_units",
    "add_cues",
    "remove_cues",
    "add_indicators",
    "year",
    "jurisdiction",
    *STEP_NAMES,
)


@dataclass(frozen=True)
class Options:
    """Everything ``parse`` can be told. Unknown names raise :class:`ConfigError`."""

    normalize: NormalizeConfig = field(default_factory=NormalizeConfig)
    base_units: bool = False
    add_cues: tuple[LexiconEntry, ...] = ()
    remove_cues: tuple[str, ...] = ()
    add_indicators: tuple[Indicator, ...] = ()
    year: int | None = None  #: the report's year as the caller knows it (source ``caller``)
    jurisdiction: str | None = None  #: the report's government as the caller knows it

    @classmethod
    def from_kwargs(cls, **options: object) -> Options:
        """Options from ``parse``'s keyword arguments, each checked for its name and kind."""
        steps: dict[str, bool] = {}
        kw: dict[str, object] = {}
        for name, value in options.items():
            if name in STEP_NAMES or name == "base_units":
                if not isinstance(value, bool):
                    raise ConfigError(name, OPTION_NAMES, "parse option", shape="True or False")
                if name == "base_units":
                    kw[name] = value
                else:
                    steps[name] = value
            elif name == "add_cues":
                kw[name] = _entries(value)
            elif name == "remove_cues":
                kw[name] = _cue_texts(value)
            elif name == "add_indicators":
                kw[name] = _indicators(value)
            elif name == "year":
                if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                    raise ConfigError(name, OPTION_NAMES, "parse option", shape="an int such as 2026")
                kw[name] = value
            elif name == "jurisdiction":
                if value is not None and not isinstance(value, str):
                    raise ConfigError(name, OPTION_NAMES, "parse option", shape="a str such as 浙江省")
                kw[name] = value
            else:
                raise ConfigError(name, OPTION_NAMES, "parse option")
        return cls(normalize=NormalizeConfig.from_options(**steps), **kw)  # type: ignore[arg-type]


_ADD_CUES_SHAPE = 'a LexiconEntry or a list of them, e.g. [LexiconEntry("稳中求进", Category.GOAL, 1.0, "why")]'
_ADD_INDICATORS_SHAPE = 'an Indicator or a list of them, e.g. [Indicator("rd_intensity", ("研发投入强度",), "why")]'

_T = TypeVar("_T")


def _entries_of(kind: type[_T], value: object, name: str, shape: str) -> tuple[_T, ...]:
    """``value`` as a tuple of ``kind`` entries: one entry may be given alone (it is itself a tuple)."""
    items = (value,) if isinstance(value, kind) else value
    if not isinstance(items, (list, tuple)) or not all(isinstance(e, kind) for e in items):
        raise ConfigError(name, OPTION_NAMES, "parse option", shape=shape)
    return tuple(items)


def _entries(value: object) -> tuple[LexiconEntry, ...]:
    """``add_cues`` as a tuple of entries."""
    return _entries_of(LexiconEntry, value, "add_cues", _ADD_CUES_SHAPE)


def _indicators(value: object) -> tuple[Indicator, ...]:
    """``add_indicators`` as a tuple of entries."""
    return _entries_of(Indicator, value, "add_indicators", _ADD_INDICATORS_SHAPE)


def _cue_texts(value: object) -> tuple[str, ...]:
    """``remove_cues`` as a tuple of words: one word may be given alone."""
    items = (value,) if isinstance(value, str) else value
    if not isinstance(items, (list, tuple, set, frozenset)) or not all(isinstance(w, str) for w in items):
        name = "remove_cues"
        raise ConfigError(name, OPTION_NAMES, "parse option", shape="a word or a list of words")
    return tuple(items)


def parse(text: str | bytes, **options: Unpack[ParseOptions]) -> Report:
    """Parse a report given as ``str`` or ``bytes`` (decoded by the library).

    Offsets in the result index the original string; for ``bytes`` input, the
    string they were decoded to (``Report.encoding`` says from what). ``year`` and
    ``jurisdiction``, when given, are taken as the report's own (source ``caller``)
    instead of being read from the text.

    >>> r = parse("一、2024年工作回顾\\n全年新增就业4万人。\\n二、2025年工作安排\\n地区生产总值增长5.5%以上。")
    >>> [(s.marker, s.title, s.category.value) for s in r.sections]
    [('一、', '2024年工作回顾', 'achievement'), ('二、', '2025年工作安排', 'goal')]
    """
    opts = Options.from_kwargs(**options)
    encoding: str | None = None
    diagnostics: list[Diagnostic] = []
    if isinstance(text, (bytes, bytearray, memoryview)):
        decoded = decode(bytes(text))
        text, encoding = decoded.text, decoded.encoding
        diagnostics.append(Diagnostic(code="encoding", message=f"decoded as {encoding}"))
        diagnostics.extend(decoded.diagnostics)
    elif not isinstance(text, str):
        msg = f"parse() takes str or bytes, not {type(text).__name__}"
        raise InputError(msg)
    with _collector_paused():
        return _parse_text(text, opts, encoding, diagnostics)


def check_options(**options: object) -> None:
    """Check ``parse`` keyword options without parsing: unknown names and wrong types raise ConfigError."""
    Options.from_kwargs(**options)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while one report is built.

    A parse allocates some ten objects per sentence and no reference cycles, yet every
    collection it would trigger walks the objects alive, including every report the caller
    already holds: on a corpus kept in a list that was a third of the time. Reference
    counting still frees everything at once; a collector the caller had switched off stays
    off. Nothing else about the caller's process changes: no objects are frozen or moved
    between generations (a caller holding thousands of reports may ``gc.freeze()`` them).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_file(path: str | os.PathLike[str], **options: Unpack[ParseOptions]) -> Report:
    """Read ``path`` as bytes and :func:`parse` it; I/O problems raise :class:`InputError`.

    ``Report.source`` is ``path`` as given. When the text names no year (or no government),
    a four-digit year (and a place name such as ``云南省``) in the file name is taken, with
    source ``file_name``; the text wins over the name, and a diagnostic says when they differ.
    """
    p = Path(path)
    try:
        if p.exists() and not p.is_dir() and not stat.S_ISREG(p.stat().st_mode):
            # a FIFO or a device would block or never end: refuse it before reading
            msg = "is not a regular file (a pipe, socket or device); pass a file, or '-' for standard input"
            raise InputError(msg, str(p))
        if p.is_symlink() and not p.exists():
            msg = "is a broken symbolic link (its target does not exist, or it points to itself)"
            raise InputError(msg, str(p))
        data = p.read_bytes()
    except IsADirectoryError:
        msg = "is a directory; pass the report files inside it"
        raise InputError(msg, str(p)) from None
    except FileNotFoundError:
        msg = "no such file"
        raise InputError(msg, str(p)) from None
    except OSError as e:
        msg = f"cannot read: {e.strerror or e}"
        raise InputError(msg, str(p)) from None
    report = parse(data, **options)
    report.source = os.fspath(path)
    identity.apply_file_name(report, p.name)
    return report


def _parse_text(text: str, opts: Options, encoding: str | None, diagnostics: list[Diagnostic]) -> Report:
    norm = normalize_and_explain(text, opts.normalize)
    diagnostics.extend(norm.diagnostics)
    report = Report(script=norm.script, encoding=encoding, length=len(text))  # type: ignore[arg-type]
    if not norm.text.strip():
        diagnostics.append(Diagnostic(code="empty", message="the input has no text to parse"))
        report.noise = norm.noise
        report.diagnostics = diagnostics
        return report
    root, outline_diags = outline.split(norm.text)
    for d in outline_diags:
        if d.start is not None and d.end is not None:
            d.start, d.end = norm.span(d.start, d.end)
        diagnostics.append(d)
    # the front holds a copy of every top-level part's text: read it before the title is taken
    # from the outline, and let it go before the models are built
    found = identity.identify(_front(norm, root), year=opts.year, jurisdiction=opts.jurisdiction)
    _take_title(text, norm, root, report)
    report.year, report.year_source = found.year, found.year_source
    report.jurisdiction, report.jurisdiction_source = found.jurisdiction, found.jurisdiction_source
    diagnostics.extend(found.diagnostics)
    lexicon = classify.Lexicon.default()
    if opts.add_cues or opts.remove_cues:
        lexicon = lexicon.with_changes(opts.add_cues, opts.remove_cues)
    builder = Builder(
        norm,
        classify.Context.root(lexicon, report.year),
        base_units=opts.base_units,
        indicators=extended(opts.add_indicators),
    )
    if root.paragraphs:
        report.preamble = builder.section(root)[0]
    report.sections = [builder.section(child)[0] for child in root.children]
    report.noise = norm.noise
    report.diagnostics = diagnostics
    return report


#: noise kinds whose text the identity rules read: scraper headers, and speaker lines (bylines)
_IDENTITY_NOISE = ("collector", "byline", "front_matter")


def _take_title(text: str, norm: Normalized, root: outline.Node, report: Report) -> None:
    """The report's title: a collector header's ``标题：`` value, else the outline's title line.

    A header title spans its value inside the header's noise span; the outline's title line
    then stays a paragraph of the preamble.
    """
    for nz in norm.noise:
        if nz.kind != "collector":
            continue
        m = identity.HEADER_TITLE.search(text, nz.start, nz.end)
        if m is not None:
            report.title = m.group("title")
            report.title_start, report.title_end = m.span("title")
            if root.title is not None:
                bisect.insort(root.paragraphs, root.title)
                root.title = None
            return
    if root.title is not None:
        a, b = root.title
        report.title = outline.clean_title(norm.text[a:b])
        report.title_start, report.title_end = norm.span(a, b)


def _front(norm: Normalized, root: outline.Node) -> identity.Front:
    """What the identity rules read: title line, lines before the first heading, top-level parts."""
    t = norm.text
    title = t[root.title[0] : root.title[1]] if root.title else None
    front = [t[a:b] for a, b in root.paragraphs[:FRONT_LINES]]
    headings = [
        (t[c.heading.start : c.heading.title_end], t[c.heading.start : c.end]) for c in root.children if c.heading
    ]
    removed = [nz.text for nz in norm.noise if nz.kind in _IDENTITY_NOISE]
    return identity.Front(title=title, front=front, headings=headings, removed=removed, text=t)


#: how many lines before the first heading can hold a subtitle, a speaker or the ceremony sentence
FRONT_LINES = 12
