"""Normalisation: an ordered chain of small, named, pure steps.

Each step is a pure function ``str -> list[Edit]`` that says what it would
change; the engine applies the edits, composes the :class:`OffsetMap` back to
the original input, turns removed furniture into :class:`Noise` and records an
:class:`ExplanationStep` for every step that changed something. The chain runs
until nothing changes (at most a few rounds), so normalisation is idempotent.

>>> normalize("區(qū)委書記：ＧＤＰ增長５％")
'区委书记：GDP增长5%'
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from typing import TypedDict

import regex

from ..errors import ConfigError
from ..models import Diagnostic, Noise
from ..text.chars import COLONS, LAYOUT_SPACES, is_han
from ..text.numbering import MAX_SUBHEAD, is_bare_item_marker, looks_like_heading, opens_item, read_heading
from . import furniture
from .offsets import Edit, OffsetMap, apply_edits

Step = Callable[[str], list[Edit]]

# ---------------------------------------------------------------- the steps


_INVALID = re.compile(r"[\ud800-\udfff\x00-\x08\x0b\x0e-\x1f\x7f]")  # stdlib re: 4x faster here


def replace_invalid(text: str) -> list[Edit]:
    """Lone surrogates and control characters become U+FFFD (one for one).

    They cannot be written as UTF-8 JSON, and never carry meaning in a report.
    """
    return [Edit(m.start(), m.end(), "\ufffd", None) for m in _INVALID.finditer(text)]


_BREAKS = "\r\f\v\u2028\u2029\x85"
_NEWLINES = regex.compile(rf"\r\n|[{_BREAKS}]")


def unify_newlines(text: str) -> list[Edit]:
    """CRLF, CR, form feeds (PDF page breaks) and Unicode separators become ``\\n``."""
    if not any(c in text for c in _BREAKS):
        return []  # none of them (most text): one fast character search each
    return [Edit(m.start(), m.end(), "\n") for m in _NEWLINES.finditer(text) if m.group() != "\n"]


# full-width ASCII letters, digits and the symbols used in quantities fold to
# ASCII; Chinese punctuation （），：；！？ stays as is.
_WIDTH_TABLE = {
    **{cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)},  # ０-９
    **{cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)},  # Ａ-Ｚ
    **{cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)},  # ａ-ｚ
    **{ord(c): ord(c) - 0xFEE0 for c in "％＋＝＜＞＃＆＠＊／"},
    **{ord(c): 0x20 for c in LAYOUT_SPACES},  # wide and invisible spaces, one for one
}
# stdlib re: a plain character class, which it scans 2.5x faster than regex; written [c][c]*
# rather than [c]+ so that re skips ahead to the first one (three times faster again)
_WIDE_CHAR = "[" + "".join(re.escape(chr(c)) for c in _WIDTH_TABLE) + "]"
_WIDE = re.compile(_WIDE_CHAR + _WIDE_CHAR + "*")


def fold_width(text: str) -> list[Edit]:
    """Full-width letters and digits (``１９９６``) to ASCII, wide spaces to spaces."""
    return [Edit(m.start(), m.end(), m.group().translate(_WIDTH_TABLE)) for m in _WIDE.finditer(text)]


# A tone-marked pinyin syllable in parentheses right after a Han character, as
# left by converters that annotate readings: 區(qū) 經(jīng)濟(jì). A real parenthesis
# (市) (齐鲁号) (青岛) holds Han characters or toneless Latin and is kept.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# The base character may also be one garbled by a byte shift (``?``, a lone
# ``^`` or U+FFFD, see mojibake.py); after a ``?`` the opening parenthesis may
# have been swallowed with the lost byte (``?yún)``).
# the lookahead (a tone mark among the letters) is bounded like the syllable itself: linear scans
_SYLLABLE = r"(?=[^)）]{0,5}[" + _TONED + r"])[a-zü" + _TONED + r"]{1,6}[)）]"
_READING = regex.compile(
    r"(?<=[\p{Han}?^\ufffd])[(（]" + _SYLLABLE + r"|(?<=\?)" + _SYLLABLE,
)


def drop_readings(text: str) -> list[Edit]:
    """Remove pinyin readings such as ``(qū)`` after a Han character."""
    if not any(c in text for c in _TONED):
        return []  # no tone mark anywhere (most reports): one fast character search each
    return [Edit(m.start(), m.end(), "", "reading") for m in _READING.finditer(text)]


def repair_mojibake(text: str) -> list[Edit]:
    """Flag GBK byte-shift mojibake and U+FFFD runs; repair what the bytes give back."""
    from . import mojibake

    return mojibake.find(text)


def to_simplified(text: str) -> list[Edit]:
    """Traditional to Simplified (OpenCC ``t2s``), only where Traditional characters occur.

    Text with no Traditional-only character is left alone without loading the
    converter. Conversion runs line by line and only on lines that need it; a
    line converted to the same length keeps its character-by-character map.
    """
    from . import script

    if not script.has_traditional(text):
        return []
    return [Edit(a, b, new) for a, b, new in script.convert_lines(text)]


def strip_furniture(text: str) -> list[Edit]:
    """Page furniture (captions, bylines, credits, chrome, disclaimers) becomes noise."""
    return furniture.find(text)


_SENT_END = '。！？!?；;…”」』"）)'
# signs that cannot open a line of running text: a line starting with one
# continues the line before it (PDF extraction puts them on a line of their own)
_CONTINUES = "、，。；：！？!?,;:」』）)》”"
_OPENERS, _CLOSERS = "「『《（(“", "」』》）)”"
_OPENER = re.compile(f"[{re.escape(_OPENERS)}]")
# a page number alone on a line: 12, - 12 -, 第12页
_PAGE_NUMBER = regex.compile(r"(?:-\s*)?\d{1,4}(?:\s*-)?|第\s*\d{1,4}\s*页")
# A run of lines join_layout passes over without a decision (most lines): blank lines, and
# lines that end a sentence with every bracket opened in them closed (each opener followed by a
# closer before the next opener), followed by a line that starts like running text (not blank,
# not a continuation sign, not a page number alone).
_BLANK = r"[^\S\n]"  # whitespace within a line
_PAGE_LINE = _PAGE_NUMBER.pattern.replace(r"\s", _BLANK)  # the same, kept within its line
_O, _C = re.escape(_OPENERS), re.escape(_CLOSERS)
_SETTLED = re.compile(  # from a line start only (^), so that a scan stays linear
    rf"^(?:{_BLANK}*\n"
    rf"|[^\n{_O}]*(?:[{_O}][^\n{_O}{_C}]*[{_C}][^\n{_O}]*)*[{re.escape(_SENT_END)}]{_BLANK}*\n"
    rf"(?={_BLANK}*[^\s{re.escape(_CONTINUES)}])"
    rf"(?!{_BLANK}*(?:{_PAGE_LINE}){_BLANK}*(?:\n|\Z)))+",
    re.MULTILINE,
)


def join_layout(text: str) -> list[Edit]:
    """Join lines broken by page layout or PDF extraction.

    A line that ends mid-sentence (no sentence-final punctuation) is joined
    with the next non-empty line when it is body text: long enough, already a
    continuation, or inside an open bracket (「国 / 家…条例」). Across blank
    lines only after ``，`` ``、`` ``：``; across a page number (a page break)
    always, the number becoming ``page_number`` noise. A line that starts
    with ``，`` ``、`` or a closing bracket always continues the line before.
    Headings are never joined to body text, unless a heading line fills the column of
    hard-wrapped text as most lines of its marker style do (a wrapped list). A list item
    (一是, 第一，, ——) is never joined to a lead-in ending in a colon, nor to a line that
    does not fill the column; a list marker alone on its line (一是) goes on in the next line.
    """
    edits: list[Edit] = []
    lines = text.split("\n")
    starts = [a + i for i, a in enumerate(accumulate(map(len, lines), initial=0))]
    n = len(lines)
    wrap = _LazyWrap(lines)
    headings: dict[int, bool] = {}

    def is_heading(k: int) -> bool:  # a joined line is asked again as the first of the next pair
        if k not in headings:
            headings[k] = looks_like_heading(lines[k])
        return headings[k]

    run_on: set[str] | None = None

    def runs_on(line: str) -> bool:  # a heading-like line that is a wrapped list item's first line
        nonlocal run_on
        if not _fills(line, wrap):
            return False  # most headings: shorter than the column
        if run_on is None:
            run_on = _run_on_styles([s for k, s in enumerate(lines) if is_heading(k)], wrap)
        h = read_heading(line.strip())
        return h is not None and h.style in run_on

    i = 0
    continuing = False
    while i < n - 1:
        last = lines[i][-1:]
        if last in _SENT_END or last.isspace():  # blank, or it may end a sentence: maybe settled
            settled = _SETTLED.match(text, starts[i])
            if settled is not None:  # lines that neither join nor hold a page number
                i += text.count("\n", settled.start(), settled.end())
                continuing = False
                continue
        line = lines[i].rstrip()
        if not line:
            i += 1
            continuing = False
            continue
        j = i + 1
        pages: list[int] = []
        while j < n:
            nxt = lines[j].strip()
            if nxt and not (_may_be_page_number(nxt) and _PAGE_NUMBER.fullmatch(nxt)):
                break
            if nxt:
                pages.append(j)
            j += 1
        if j >= n:
            break
        joined = _joins(line, nxt, wrap, blank_gap=j > i + 1, page_break=bool(pages), continuing=continuing)
        if joined and opens_item(nxt) and (line[-1] in COLONS or not _fills(line, wrap)):
            joined = False  # 一是… ——… after a lead-in (…工作：) or a short line: the list's first item
        elif not joined and j == i + 1 and is_bare_item_marker(line.strip()):
            joined = not opens_item(nxt)  # 一是 alone on its line: its item goes on below
        if not joined or (is_heading(i) and not runs_on(line)) or is_heading(j):
            for k in pages:  # a page number between paragraphs is still page furniture
                s = starts[k] + len(lines[k]) - len(lines[k].lstrip())
                edits.append(Edit(s, s + len(lines[k].strip()), "", "page_number"))
            i = j
            continuing = False
            continue
        a = starts[i] + len(line)
        b = starts[j] + (len(lines[j]) - len(lines[j].lstrip()))
        for k in pages:  # the page numbers between the parts are page furniture
            s = starts[k] + len(lines[k]) - len(lines[k].lstrip())
            e = s + len(lines[k].strip())
            edits.append(Edit(a, s, ""))
            edits.append(Edit(s, e, "", "page_number"))
            a = e
        edits.append(Edit(a, b, ""))
        continuing = True
        i = j
    return edits


def _may_be_page_number(line: str) -> bool:
    """Whether ``line`` (stripped) opens as a page number does (``-``, a digit, ``第``): most lines don't.

    Digits newer than Python's Unicode tables lie outside the Basic Multilingual Plane.
    """
    first = line[0]
    return first in "-第" or first.isdecimal() or ord(first) > 0xFFFF


class _LazyWrap:
    """The lines' wrap width (:func:`_wrap_width`), worked out the first time it is needed."""

    def __init__(self, lines: list[str]) -> None:
        self._lines: list[str] | None = lines
        self._width: int | None = None

    def get(self) -> int | None:
        if self._lines is not None:
            self._width = _wrap_width(self._lines)
            self._lines = None
        return self._width


def _joins(line: str, nxt: str, wrap: _LazyWrap, *, blank_gap: bool, page_break: bool, continuing: bool) -> bool:
    """Whether ``nxt`` continues the sentence ``line`` left open."""
    if nxt[0] in _CONTINUES and not blank_gap:
        return True
    if line[-1] in _SENT_END and not _unclosed(line):
        return False
    if page_break or line[-1] in _MID_SENTENCE:
        return True  # a page number between the parts, or a clause left open with ，、：
    if blank_gap:
        return False  # a blank line after a finished-looking line ends the paragraph
    return continuing or _bodyish(line, wrap) or _unclosed(line)


def _unclosed(line: str) -> bool:
    """An opening bracket or quote is still open at the end of the line: 「国."""
    if _OPENER.search(line) is None:
        return False  # most lines: nothing opened
    return sum(map(line.count, _OPENERS)) > sum(map(line.count, _CLOSERS))


#: punctuation that leaves a sentence open at the end of a line
_MID_SENTENCE = "，、：:,"

#: shortest line considered when estimating a document's wrap width
_MIN_WRAPPED = 14


def _wrap_width(lines: list[str]) -> int | None:
    """The column width of hard-wrapped text (PDF extraction, fixed-width dumps), if any.

    Wrapped text has many lines of (nearly) the same length: the width the line
    breaks were made at. Text with one paragraph per line has no such mode, and
    returns ``None``.

    >>> _wrap_width(["一" * 23] * 6 + ["二" * 10])
    23
    >>> _wrap_width(["一" * 80, "二" * 120, "三" * 45]) is None
    True
    """
    counts = Counter(n for n in map(len, map(str.strip, lines)) if n >= _MIN_WRAPPED)  # in first-seen order
    total = counts.total()
    if not counts:
        return None
    width, hits = max(
        ((w, counts.get(w - 1, 0) + c + counts.get(w + 1, 0)) for w, c in counts.items()), key=lambda x: x[1]
    )
    # a mode that holds a quarter of the lines (and at least five) is a column width, not chance
    return width if hits >= 5 and hits * 4 >= total else None


def _fills(line: str, lazy_wrap: _LazyWrap) -> bool:
    """The line fills the measured column of hard-wrapped text (within the one character the
    width is measured with): it was broken there, so it goes on in the next line even when it
    opens with a heading marker or the next line opens a list item.
    """
    wrap = lazy_wrap.get()
    return wrap is not None and len(line.strip()) >= wrap - 1


def _run_on_styles(heading_lines: list[str], wrap: _LazyWrap) -> set[str]:
    """The marker styles whose lines mostly fill the column: items of a hard-wrapped list.

    A heading series has lines of every length, so one of them may fill the column by
    chance; the items of a list wrapped in the column (（一）将提出…完整计划，在过去长 / 照服务…)
    nearly all fill it. Lines of such a style run on into the next line.
    """
    fill: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    for line in heading_lines:
        h = read_heading(line.strip())
        if h is not None:
            seen[h.style] += 1
            fill[h.style] += _fills(line, wrap)
    return {style for style, n in seen.items() if n >= 2 and fill[style] * 2 > n}


def _bodyish(line: str, lazy_wrap: _LazyWrap) -> bool:
    """Long enough to be a wrapped body line rather than a title or subhead.

    In hard-wrapped text a wrapped line fills most of the column; elsewhere a
    line without final punctuation is body text only when it is longer than any
    unnumbered subhead can be (the outline's ``MAX_SUBHEAD``).
    """
    n = len(line.strip())
    wrap = lazy_wrap.get()
    if wrap is not None:
        return n >= 0.8 * wrap
    return n > MAX_SUBHEAD


_SPACED = regex.compile(r"(?<=[\p{Han}\d]) +(?=[\p{Han}\d])")
# what may open a line before the space that follows a heading marker: 6 大力做好…, ## 标题, 第一章 总则
_MARKER_HEAD = regex.compile(r"#+|\*+|第.{1,4}[章节部分篇]|附件\d*")


def squeeze_spaces(text: str) -> list[Edit]:
    """Drop spaces that layout put between Han characters or inside numbers (``2 萬點``).

    A space between two Latin words, or between a heading number and its title
    at the start of a line (``6 大力做好…``), is kept.
    """
    edits: list[Edit] = []
    for m in _SPACED.finditer(text):
        a, b = m.start(), m.end()
        left, right = text[a - 1], text[b]
        line_start = text.rfind("\n", 0, a) + 1
        head = text[line_start:a]
        if head.isdigit() or _MARKER_HEAD.fullmatch(head):
            continue  # a heading number or marker followed by its title
        if left.isdigit() and right.isdigit():
            continue  # two numbers, e.g. a date or a table row
        if not (is_han(left) or is_han(right)):
            continue
        edits.append(Edit(a, b, ""))
    return edits


#: the chain, in order; names are the NormalizeConfig fields
STEPS: tuple[tuple[str, Step], ...] = (
    ("replace_invalid", replace_invalid),
    ("unify_newlines", unify_newlines),
    ("fold_width", fold_width),
    ("drop_readings", drop_readings),
    ("repair_mojibake", repair_mojibake),
    ("to_simplified", to_simplified),
    ("strip_furniture", strip_furniture),
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


def _has_trigger(text: str) -> bool:
    from . import mojibake

    return mojibake.may_find(text)


def _has_traditional(text: str) -> bool:
    from . import script

    return script.has_traditional(text)


#: Steps that find nothing in a text without one of their characters, with the test for those
#: characters. A removal never brings one in, so once a step's test fails a later round asks it
#: only about the new text of the edits made since (a test passing: the step runs).
_GATES: dict[Step, Callable[[str], bool]] = {
    replace_invalid: lambda s: _INVALID.search(s) is not None,
    unify_newlines: lambda s: any(c in s for c in _BREAKS),
    fold_width: lambda s: _WIDE.search(s) is not None,
    drop_readings: lambda s: any(c in s for c in _TONED),
    repair_mojibake: _has_trigger,
    to_simplified: _has_traditional,
}


def normalize_and_explain(text: str, config: NormalizeConfig | None = None) -> Normalized:
    """Run the chain until nothing changes; return text, map, noise and explanation."""
    from . import script

    config = config or NormalizeConfig()
    original = text
    omap = OffsetMap.identity(len(text))
    result = Normalized(text, omap, original)
    result.script = script.detect(text)
    steps = config.enabled()
    flagged: set[tuple[str, int, int]] = set()
    quiet: dict[Step, int] = {}  # a gated step whose test failed -> len(inserted) at the time
    inserted: list[str] = []  # the new text of every edit applied, in order
    for _ in range(MAX_ROUNDS):
        changed = False
        for name, fn in steps:
            gate = _GATES.get(fn)
            if gate is not None:
                since = quiet.get(fn)
                if not gate(text if since is None else "".join(inserted[since:])):
                    quiet[fn] = len(inserted)
                    continue  # none of its characters (then, and none brought in since): nothing to find
                quiet.pop(fn, None)
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
            inserted.extend(e.new for e in edits if e.new)
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
