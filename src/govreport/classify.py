"""Classification: label sentences, paragraphs and sections with the evidence behind each.

A sentence's label is the category whose matched cues weigh most; paragraphs
and sections aggregate their sentences weighted by length into ``scores`` and
take the dominant category.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import regex

from .lexicon import LEXICON, LexiconEntry
from .models import Category, Cue, Paragraph, Section, Sentence

#: maps a normalised span to the original span
SpanFn = Callable[[int, int], tuple[int, int]]

CATEGORIES: tuple[Category, ...] = (Category.GOAL, Category.ACHIEVEMENT, Category.SHORTCOMING, Category.OTHER)

# a sentence ends at 。！？； (and ASCII ! ? ;), together with the closing quotes after it
_SENTENCE = regex.compile(r"[^。！？；!?;]*(?:[。！？；!?;]+[”’」』\"']*|$)")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text``, keeping quotes balanced.

    >>> text = "他说：“要干。”我们完成了！"
    >>> [text[a:b] for a, b in split_sentences(text)]
    ['他说：“要干。”', '我们完成了！']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    depth = 0
    for m in _SENTENCE.finditer(text):
        if m.end() == m.start():
            continue
        piece = m.group()
        depth += piece.count("“") + piece.count("「") - piece.count("”") - piece.count("」")
        if depth > 0 and m.end() < len(text):
            continue  # inside an open quotation: the sentence goes on
        depth = 0
        if text[start : m.end()].strip():
            spans.append((start, m.end()))
        start = m.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text)))
    return spans


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    entry: LexiconEntry


class Lexicon:
    """A compiled lexicon: one alternation, longest entries first."""

    def __init__(self, entries: Iterable[LexiconEntry]) -> None:
        self.entries = {e.text: e for e in entries}
        words = sorted(self.entries, key=len, reverse=True)
        self._re = regex.compile("|".join(regex.escape(w) for w in words)) if words else None

    def matches(self, text: str) -> list[Match]:
        if self._re is None:
            return []
        return [Match(m.start(), m.end(), self.entries[m.group()]) for m in self._re.finditer(text)]

    @classmethod
    def default(cls) -> Lexicon:
        return _DEFAULT

    def with_changes(self, add: Sequence[LexiconEntry] = (), remove: Sequence[str] = ()) -> Lexicon:
        """A new lexicon with entries added (replacing same text) and others switched off."""
        entries = {k: v for k, v in self.entries.items() if k not in set(remove)}
        entries.update({e.text: e for e in add})
        return Lexicon(entries.values())


_DEFAULT = Lexicon(LEXICON)


def score_matches(matches: Iterable[Match], prior: dict[Category, float] | None = None) -> dict[Category, float]:
    """Sum of cue weights per category, starting from a context prior."""
    totals = dict.fromkeys(CATEGORIES, 0.0)
    for c, w in (prior or {}).items():
        totals[c] += w
    for m in matches:
        totals[m.entry.category] += m.entry.weight
    return totals


def label(totals: dict[Category, float]) -> Category:
    """The category with the largest positive total, else ``other``."""
    best = max(CATEGORIES, key=lambda c: totals.get(c, 0.0))
    return best if totals.get(best, 0.0) > 0 else Category.OTHER


def aggregate(items: Iterable[tuple[Category, int]]) -> tuple[Category, dict[str, float]]:
    """Length-weighted shares of labels; the label is the dominant share (``other`` if none)."""
    weights = dict.fromkeys(CATEGORIES, 0.0)
    total = 0
    for cat, n in items:
        weights[cat] += n
        total += n
    if total == 0:
        return Category.OTHER, {c.value: 0.0 for c in CATEGORIES}
    scores = {c.value: round(w / total, 4) for c, w in weights.items()}
    informative = {c: w for c, w in weights.items() if c is not Category.OTHER}
    best = max(informative, key=lambda c: informative[c])
    # 'other' wins only when it outweighs every informative category
    dominant = best if informative[best] > 0 and informative[best] >= weights[Category.OTHER] else Category.OTHER
    if informative[best] > 0 and dominant is Category.OTHER and weights[Category.OTHER] < 0.6 * total:
        dominant = best
    return dominant, scores


def heading_prior(titles: Sequence[str], lexicon: Lexicon) -> dict[Category, float]:
    """A weak prior from the headings above a sentence (工作回顾 → achievement …)."""
    prior = dict.fromkeys(CATEGORIES, 0.0)
    for depth, title in enumerate(reversed(titles)):
        for m in lexicon.matches(title):
            prior[m.entry.category] += 0.5 * m.entry.weight / (depth + 1)
    return prior


_YEAR = regex.compile(r"(20\d\d)年(?:工作安排|重点工作|主要工作|政府工作任务|经济社会发展|主要预期目标)")


def report_year(text: str) -> int | None:
    """The year the report plans for: ``2025年工作安排`` → 2025; ``None`` if not stated."""
    years = [int(m.group(1)) for m in _YEAR.finditer(text)]
    return max(years) if years else None


class Classifier:
    """Labels sentences, paragraphs and sections of one report."""

    def __init__(self, lexicon: Lexicon, year: int | None = None) -> None:
        self.lexicon = lexicon
        self.year = year

    def sentences(self, ptext: str, base: int, span: SpanFn, headings: tuple[str, ...]) -> list[Sentence]:
        """Split a paragraph (at normalised offset ``base``) into labelled sentences."""
        prior = heading_prior(headings, self.lexicon)
        out: list[Sentence] = []
        for s0, s1 in split_sentences(ptext):
            stext = ptext[s0:s1]
            matches = self.lexicon.matches(stext)
            cat = label(score_matches(matches, prior))
            cues = []
            for m in matches:
                cs, ce = span(base + s0 + m.start, base + s0 + m.end)
                cues.append(
                    Cue(
                        text=stext[m.start : m.end],
                        category=m.entry.category,
                        weight=m.entry.weight,
                        rule=m.entry.comment,
                        start=cs,
                        end=ce,
                    )
                )
            ss, se = span(base + s0, base + s1)
            out.append(Sentence(text=stext, category=cat, cues=cues, start=ss, end=se))
        return out

    def paragraph_label(self, sentences: Sequence[Sentence]) -> tuple[Category, dict[str, float]]:
        """Length-weighted aggregate of the sentence labels."""
        return aggregate((s.category, len(s.text)) for s in sentences)

    def section_label(
        self, paragraphs: Sequence[Paragraph], children: Sequence[Section]
    ) -> tuple[Category, dict[str, float]]:
        """Aggregate over the section's own sentences and those of all its descendants."""
        items = [(s.category, len(s.text)) for p in paragraphs for s in p.sentences]
        stack = list(children)
        while stack:
            c = stack.pop()
            items += [(s.category, len(s.text)) for p in c.paragraphs for s in p.sentences]
            stack.extend(c.children)
        return aggregate(items)
