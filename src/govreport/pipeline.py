"""The whole pipeline: decode, normalise, outline, classify, extract, and build the models."""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import classify, outline
from .build import Builder
from .classify.lexicon import LexiconEntry
from .errors import ConfigError, InputError
from .models import Diagnostic, Report
from .normalization import STEP_NAMES, NormalizeConfig, normalize_and_explain
from .normalization.decode import decode_bytes

OPTION_NAMES: tuple[str, ...] = ("base_units", "add_cues", "remove_cues", *STEP_NAMES)


@dataclass(frozen=True)
class Options:
    """Everything ``parse`` can be told. Unknown names raise :class:`ConfigError`."""

    normalize: NormalizeConfig = field(default_factory=NormalizeConfig)
    base_units: bool = False
    add_cues: tuple[LexiconEntry, ...] = ()
    remove_cues: tuple[str, ...] = ()

    @classmethod
    def from_kwargs(cls, **options: object) -> Options:
        steps: dict[str, bool] = {}
        kw: dict[str, object] = {}
        for name, value in options.items():
            if name in STEP_NAMES:
                steps[name] = bool(value)
            elif name in ("base_units",):
                kw[name] = bool(value)
            elif name in ("add_cues", "remove_cues"):
                # one entry or one word may be given alone (a LexiconEntry is itself a tuple)
                if isinstance(value, (list, tuple)) and not isinstance(value, LexiconEntry):
                    kw[name] = tuple(value)
                else:
                    kw[name] = (value,)
            else:
                raise ConfigError(name, OPTION_NAMES, "parse option")
        return cls(normalize=NormalizeConfig.from_options(**steps), **kw)  # type: ignore[arg-type]


def parse(text: str | bytes, **options: object) -> Report:
    """Parse a report given as ``str`` or ``bytes`` (decoded by the library).

    Offsets in the result index the original string; for ``bytes`` input, the
    string they were decoded to (``Report.encoding`` says from what).

    >>> r = parse("一、2024年工作回顾\\n全年新增就业4万人。\\n二、2025年工作安排\\n地区生产总值增长5.5%以上。")
    >>> [(s.marker, s.title, s.category.value) for s in r.sections]
    [('一、', '2024年工作回顾', 'achievement'), ('二、', '2025年工作安排', 'goal')]
    """
    opts = Options.from_kwargs(**options)
    encoding: str | None = None
    diagnostics: list[Diagnostic] = []
    if isinstance(text, (bytes, bytearray, memoryview)):
        text, encoding = decode_bytes(bytes(text))
        diagnostics.append(Diagnostic(code="encoding", message=f"decoded as {encoding}"))
    elif not isinstance(text, str):
        msg = f"parse() takes str or bytes, not {type(text).__name__}"
        raise InputError(msg)
    with _collector_paused():
        return _parse_text(text, opts, encoding, diagnostics)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while one report is built.

    A parse allocates some ten objects per sentence and no reference cycles, yet every
    full collection it triggers walks all objects alive, including every report the
    caller already holds: on a corpus kept in a list that was a third of the time.
    Reference counting still frees everything at once; a collector the caller had
    switched off stays off.

    On the way out, everything the parse allocated still sits in the youngest generation,
    and the first allocation after ``gc.enable()`` would walk it all (some 2 ms per
    20 000 characters). ``freeze`` + ``unfreeze`` moves the young objects to the oldest
    generation at once instead, as surviving a few collections would; it is skipped when
    the caller froze objects of their own, which ``unfreeze`` would release.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def parse_file(path: str | os.PathLike[str], **options: object) -> Report:
    """Read ``path`` as bytes and parse it; I/O problems raise :class:`InputError`."""
    p = Path(path)
    try:
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
    return parse(data, **options)


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
    title_span = outline.find_title(norm.text, root)
    if title_span is not None:
        report.title = outline.clean_title(norm.text[title_span[0] : title_span[1]])
        report.title_start, report.title_end = norm.span(*title_span)
        root.paragraphs = [p for p in root.paragraphs if p != title_span]
    lexicon = classify.Lexicon.default()
    if opts.add_cues or opts.remove_cues:
        lexicon = lexicon.with_changes(opts.add_cues, opts.remove_cues)
    report.year = classify.report_year(norm.text)
    classifier = classify.Classifier(lexicon, report.year)
    builder = Builder(norm, classifier, base_units=opts.base_units)
    if root.paragraphs:
        report.preamble = builder.section(root, ())[0]
    report.sections = [builder.section(child, ())[0] for child in root.children]
    report.noise = norm.noise
    report.diagnostics = diagnostics
    return report
