"""Invariants every parsed report must satisfy; used by the seed, corpus and property tests."""

from __future__ import annotations

import unicodedata

from govreport import Report, Section
from govreport.text.chars import LAYOUT_SPACES

# characters that normalisation may legitimately fold or drop within a span: ASCII whitespace and
# the spaces width folding turns into a plain one (the zero-width space among them, #21)
_LAYOUT = set(" \t\n\r\f\v") | set(LAYOUT_SPACES)


def _squash(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", s) if c not in _LAYOUT and not c.isspace())


def _encodable(s: str) -> str:
    return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in s)


def check_report(original: str, report: Report) -> None:
    """Spans in bounds, ordered and disjoint among siblings, children inside parents, every
    non-space character owned by exactly one heading, paragraph or noise span (noise may sit
    inside a paragraph, as a dropped pinyin reading does)."""
    n = len(original)
    owners = [0] * (n + 1)
    noise_cover = [0] * (n + 1)

    def own(a: int, b: int) -> None:
        assert 0 <= a <= b <= n, (a, b, n)
        for i in range(a, b):
            owners[i] += 1

    for nz in report.noise:
        assert 0 <= nz.start < nz.end <= n
        # noise text is the original, with lone surrogates as U+FFFD so that it can be JSON
        assert _encodable(original[nz.start : nz.end]) == nz.text
        for i in range(nz.start, nz.end):
            noise_cover[i] += 1
    if report.title_start is not None and report.title_end is not None:
        own(report.title_start, report.title_end)

    def check_section(sec: Section, lo: int, hi: int) -> None:
        assert lo <= sec.start <= sec.end <= hi, (sec.title, lo, sec.start, sec.end, hi)
        if sec.heading_start is not None and sec.heading_end is not None:
            assert sec.start <= sec.heading_start <= sec.heading_end <= sec.end
            own(sec.heading_start, sec.heading_end)
        prev = sec.heading_end if sec.heading_end is not None else sec.start
        for p in sec.paragraphs:
            assert prev <= p.start <= p.end <= sec.end, (sec.title, p.text[:20])
            # a paragraph lying wholly inside a repaired span of another length maps to an empty span
            own(p.start, p.end)
            prev_s = p.start
            for s in p.sentences:
                assert prev_s <= s.start <= s.end <= p.end
                prev_s = s.end
                for c in s.cues:
                    assert s.start <= c.start <= c.end <= s.end
            for t in p.targets:
                assert p.start <= t.start <= t.end <= p.end
            prev = p.end
        for c in sec.children:
            assert c.start >= prev, (c.title, c.start, prev)
            check_section(c, sec.start, sec.end)
            prev = c.end

    prev = 0
    if report.preamble:
        check_section(report.preamble, 0, n)
        prev = report.preamble.end
    for sec in report.sections:
        assert sec.start >= prev
        check_section(sec, 0, n)
        prev = sec.end
    for i, ch in enumerate(original):
        if ch.isspace() or ch in _LAYOUT:
            continue
        if noise_cover[i] >= 1:
            assert noise_cover[i] == 1, f"character {i} {ch!r} in two noise spans"
            continue
        assert owners[i] == 1, f"character {i} {ch!r} owned {owners[i]} times: {original[max(0, i - 10) : i + 10]!r}"


def source_matches(original: str, report: Report) -> None:
    """Each paragraph's original span says the same as its text, modulo normalisation.

    Compared after NFKC and without whitespace; Traditional sources and removed noise
    inside the span make exact comparison impossible, so those are skipped.
    """
    if report.script != "simplified":
        return
    noise = [(x.start, x.end) for x in report.noise]
    for p in report.paragraphs():
        if any(p.start <= a and b <= p.end for a, b in noise):
            continue
        assert _squash(original[p.start : p.end]) == _squash(p.text), p.text[:30]
