"""Build the models: outline nodes become Sections and Paragraphs, classified and with targets.

Every span is mapped from the normalised text back to the original input here, and
nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from . import classify, outline, targets
from .models import Category, Paragraph, Section, new_paragraph, new_section
from .normalization import Normalized

SpanFn = Callable[[int, int], tuple[int, int]]


class Builder:
    """Turns outline nodes into models, classifying and extracting on the way."""

    def __init__(
        self,
        norm: Normalized,
        context: classify.Context,
        *,
        base_units: bool = False,
        indicators: Sequence[targets.Indicator] = targets.INDICATORS,
    ) -> None:
        self.norm = norm
        self.text = norm.text
        self.context = context  #: the report's context, above every section
        self.base_units = base_units
        self.indicators = indicators
        self.main = targets.MainState()  # the main-targets statement, across paragraphs

    def section(
        self, node: outline.Node, parent: classify.Context | None = None
    ) -> tuple[Section, dict[Category, float]]:
        """The section of ``node`` and the :func:`classify.tally` of its sentences and its descendants'.

        ``parent`` is the context of the section above (the report's context for a top-level one).
        """
        h = node.heading
        title = self.text[h.title_start : h.title_end] if h else None
        parent = self.context if parent is None else parent
        evidence = [classify.gather(self.text[a:b], parent.lexicon, parent.year) for a, b in node.paragraphs]
        ctx = parent.child(title, evidence)
        weights = dict.fromkeys(classify.CATEGORIES, 0.0)
        paragraphs = [
            self.paragraph(a, b, ev, ctx, weights) for (a, b), ev in zip(node.paragraphs, evidence, strict=True)
        ]
        # the preamble (no heading) holds only its own paragraphs; its "children" are the top level
        children = []
        for c in node.children if h else ():
            child, child_weights = self.section(c, ctx)
            children.append(child)
            classify.tally(child_weights.items(), into=weights)
        if h:
            start, end = self.norm.span(h.start, node.end)
        else:  # the preamble: its own paragraphs only
            start, end = self.norm.span(node.paragraphs[0][0], node.paragraphs[-1][1])
        category, scores = classify.section_label(weights)
        if h:
            head_start, head_end = self.norm.span(h.start, h.body_start if h.body_start is not None else h.end)
        section = new_section(
            start,
            end,
            title=title,
            marker=h.marker if h else None,
            number=h.number if h else None,
            style=h.style if h else None,
            level=node.level,
            heading_start=head_start if h else None,
            heading_end=head_end if h else None,
            category=category,
            scores=scores,
            paragraphs=paragraphs,
            children=children,
            targets=[t for p in paragraphs for t in p.targets],
        )
        return section, weights

    def paragraph(
        self, a: int, b: int, evidence: classify.Evidence, ctx: classify.Context, weights: dict[Category, float]
    ) -> Paragraph:
        """The paragraph ``[a, b)``, read in ``ctx``; its sentence lengths are added to ``weights``."""
        ptext = self.text[a:b]
        shift = self.norm.map.shift(a, b)
        span = self.norm.span if shift is None else _shifted(self.norm.span, a, b, shift)
        sentences = classify.sentences(evidence, ctx, a, span)
        category, scores = classify.paragraph_label(sentences, weights)
        start, end = span(a, b)
        found = targets.extract(
            ptext,
            a,
            span,
            category,
            base_units=self.base_units,
            sentences=sentences,
            year=ctx.year,  # the report's year: the targets' periods count from it
            headings=ctx.path,
            main=self.main,
            indicators=self.indicators,
        )
        return new_paragraph(start, end, ptext, category, scores, sentences, found)


def _shifted(general: SpanFn, a: int, b: int, shift: int) -> SpanFn:
    """``general`` for the spans of ``[a, b)``, as one addition each; others take ``general``."""

    def span(start: int, end: int) -> tuple[int, int]:
        if a <= start < end <= b:
            return start + shift, end + shift
        return general(start, end)

    return span
