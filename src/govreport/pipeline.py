"""The whole pipeline: decode, normalise, outline, classify, extract, and build the models."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from . import classify, outline, targets
from .classify.lexicon import LexiconEntry
from .errors import ConfigError, InputError
from .models import Category, Diagnostic, Paragraph, Report, Section, trusted
from .normalization import STEP_NAMES, NormalizeConfig, Normalized, normalize_and_explain
from .normalization.decode import decode_bytes

SpanFn = Callable[[int, int], tuple[int, int]]

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
    builder = _Builder(norm, classifier, opts)
    if root.paragraphs:
        report.preamble = builder.section(root, ())[0]
    report.sections = [builder.section(child, ())[0] for child in root.children]
    report.noise = norm.noise
    report.diagnostics = diagnostics
    return report


class _Builder:
    """Turns outline nodes into models, classifying and extracting on the way."""

    def __init__(self, norm: Normalized, classifier: classify.Classifier, opts: Options) -> None:
        self.norm = norm
        self.text = norm.text
        self.classifier = classifier
        self.opts = opts

    def section(self, node: outline.Node, path: tuple[str, ...]) -> tuple[Section, dict[Category, float]]:
        """The section of ``node`` and the :func:`classify.tally` of its sentences and its descendants'."""
        h = node.heading
        title = self.text[h.title_start : h.title_end] if h else None
        here = (*path, title) if title else path
        self.classifier.enter_section(node.level, title, [self.text[a:b] for a, b in node.paragraphs])
        weights = dict.fromkeys(classify.CATEGORIES, 0.0)
        paragraphs = [self.paragraph(a, b, here, weights) for a, b in node.paragraphs]
        # the preamble (no heading) holds only its own paragraphs; its "children" are the top level
        children = []
        for c in node.children if h else ():
            child, child_weights = self.section(c, here)
            children.append(child)
            classify.tally(child_weights.items(), into=weights)
        if h:
            start, end = self.norm.span(h.start, node.end)
        else:  # the preamble: its own paragraphs only
            start, end = self.norm.span(node.paragraphs[0][0], node.paragraphs[-1][1])
        category, scores = self.classifier.section_label(weights)
        own_targets = [t for p in paragraphs for t in p.targets]
        if not h:  # the preamble: heading fields left unset
            preamble = Section(
                title=title,
                level=node.level,
                start=start,
                end=end,
                category=category,
                scores=scores,
                paragraphs=paragraphs,
                children=children,
                targets=own_targets,
            )
            return preamble, weights
        head_start, head_end = self.norm.span(h.start, h.body_start if h.body_start is not None else h.end)
        values = {
            "start": start,
            "end": end,
            "title": title,
            "marker": h.marker,
            "number": h.number,
            "style": h.style,
            "level": node.level,
            "heading_start": head_start,
            "heading_end": head_end,
            "category": category,
            "scores": scores,
            "paragraphs": paragraphs,
            "children": children,
            "targets": own_targets,
        }
        return trusted(Section, values), weights  # every field given, each of its type: no validation needed

    def paragraph(self, a: int, b: int, headings: tuple[str, ...], weights: dict[Category, float]) -> Paragraph:
        """The paragraph ``[a, b)`` of the normalised text; its sentences' lengths are added to ``weights``."""
        ptext = self.text[a:b]
        shift = _shift(self.norm, a, b)
        span = self.norm.span if shift is None else _shifted(self.norm.span, a, b, shift)
        sentences = self.classifier.sentences(ptext, a, span, headings, shift)
        category, scores = self.classifier.paragraph_label(sentences, weights)
        start, end = span(a, b)
        found = targets.extract(ptext, a, span, category, base_units=self.opts.base_units, sentences=sentences)
        values = {
            "start": start,
            "end": end,
            "text": ptext,
            "category": category,
            "scores": scores,
            "sentences": sentences,
            "targets": found,
        }
        return trusted(Paragraph, values)  # every field given, each of its type: no validation needed


def _shift(norm: Normalized, a: int, b: int) -> int | None:
    """How far the paragraph ``[a, b)`` lies from its original span, if it maps one for one
    (most paragraphs: normalisation edits are sparse); ``None`` if it has an edit inside or
    is shorter than two characters.
    """
    whole = list(islice(norm.map.slice(a, b), 2))
    if b - a < 2 or len(whole) != 1 or whole[0][0] != b - a or whole[0][2] - whole[0][1] != b - a:
        return None
    # one segment, as long in the original; linear unless its first character maps to all of it
    first = next(iter(norm.map.slice(a, a + 1)))
    if first[2] - first[1] != 1:
        return None
    return int(whole[0][1] - a)


def _shifted(general: SpanFn, a: int, b: int, shift: int) -> SpanFn:
    """``general`` for the spans of ``[a, b)``, as one addition each; others take ``general``."""

    def span(start: int, end: int) -> tuple[int, int]:
        if a <= start < end <= b:
            return start + shift, end + shift
        return general(start, end)

    return span
