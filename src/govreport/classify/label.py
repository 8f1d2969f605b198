"""Labels: sentences read in their context, paragraphs and sections from their sentences' lengths.

A sentence's label is the category whose cues weigh most. A period cue (推进, 实施)
reads as achievement when the context leans to a review past +0.05 and as goal past
-0.05 (the sentence's fixed cues, its paragraph, section, ancestors and headings,
weighted by :data:`~.context.CONTEXT_WEIGHTS`); the cues after a sentence's last
adversative turn (…，但短板依然明显) count :data:`TURN_BOOST` times; a heading about
problems adds a shortcoming prior; :func:`label` says what decides a tie. In a glossary
every cue counts nothing, and in a list of planned projects a tally is a planned quantity
(#18); each such reading is a note in the cue's ``rule``. Paragraphs and sections aggregate
their sentences weighted by length into ``scores`` and take the dominant category.

>>> from govreport import parse
>>> r = parse("一、2024年工作回顾\\n推进老旧小区改造，惠及居民8300余户。\\n二、2025年工作安排\\n推进老旧小区改造。")
>>> [s.category.value for s in r.sections]
['achievement', 'goal']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from sys import intern

from ..models import Category, Sentence, new_cue, new_sentence
from .context import CONTEXT_WEIGHTS, Context, lean
from .evidence import PERIOD_KINDS, Evidence

#: maps a normalised span to the original span
SpanFn = Callable[[int, int], tuple[int, int]]

CATEGORIES: tuple[Category, ...] = (Category.GOAL, Category.ACHIEVEMENT, Category.SHORTCOMING, Category.OTHER)
G, A, S, OTHER = Category.GOAL, Category.ACHIEVEMENT, Category.SHORTCOMING, Category.OTHER
#: the categories' names, the keys of a label's ``scores`` (read once: an enum's ``value`` is a slow property)
_NAMES: tuple[str, ...] = tuple(c.value for c in CATEGORIES)

#: how much more the cues after an adversative turn (但, 却) count
TURN_BOOST = 1.5
#: how a period cue reads when the context leans past ±0.05: (category, note)
_REVIEW_READING = (A, "review_context")
_PLAN_READING = (G, "plan_context")
#: the anchors that read a figure as a tally (a result): in a list of planned projects, planned
_TALLIES = frozenset(("precise", "approximate", "count"))


@lru_cache(maxsize=4096)
def noted(rule: str, note: str) -> str:
    """A cue's ``rule`` with the notes on how it was read, formatted once per pair (a few
    dozen pairs recur on every cue of a report, and their cues then share one string).

    >>> noted("action_verb", "plan_context")
    'action_verb [plan_context]'
    """
    return f"{rule} [{note}]"


def label(
    totals: dict[Category, float],
    own: Sequence[tuple[Category, float]] = (),
    reading: Category | None = None,
) -> Category:
    """The category with the largest positive total, else ``other``.

    A tie is decided by ``own``, the (category, weight) of the sentence's own fixed
    cues (not the period cues a context reads, nor a heading's prior): evidence outweighs a
    reading. A tie that remains goes to the context's ``reading`` (goal in a plan part,
    achievement in a review) if it is among the tied, else it is ``other``: nothing decides
    it, and a goal/shortcoming tie no longer goes to goal by the order of the categories (#18).

    >>> g, s = Category.GOAL, Category.SHORTCOMING
    >>> label({g: 1.0, s: 1.0}, [(s, 1.0)]).value, label({g: 1.0, s: 1.0}, [(g, 1.0), (s, 1.0)]).value
    ('shortcoming', 'other')
    """
    best, top, tie = OTHER, 0.0, False
    for c in CATEGORIES:
        w = totals.get(c, 0.0)
        if w > top:
            best, top, tie = c, w, False
        elif w == top and w > 0:
            tie = True
    if not tie:
        return best
    tied = [c for c in CATEGORIES if totals.get(c, 0.0) == top]
    weights = tally(own)
    most = max(weights[c] for c in tied)
    tied = [c for c in tied if weights[c] == most]
    if len(tied) == 1:
        return tied[0]
    return reading if reading in tied else OTHER


def tally(items: Iterable[tuple[Category, float]], into: dict[Category, float] | None = None) -> dict[Category, float]:
    """Length per category, added to ``into`` if given (a section adds its subsections' tallies)."""
    weights = dict.fromkeys(CATEGORIES, 0.0) if into is None else into
    for cat, n in items:
        weights[cat] += n
    return weights


def decide(weights: dict[Category, float]) -> tuple[Category, dict[str, float]]:
    """The label and shares of a :func:`tally`: the dominant share (``other`` if none).

    ``other`` (ceremony, context) wins only when it covers at least 60% of the text:
    a paragraph that states a plan among framing sentences is still a plan.
    """
    total = sum(weights.values())  # sums of lengths: exact in any order
    if total == 0:
        return OTHER, dict.fromkeys(_NAMES, 0.0)
    scores = {name: round(weights[c] / total, 4) for c, name in zip(CATEGORIES, _NAMES, strict=True)}
    best = G
    for c in (A, S):  # the first of equal informative shares wins, in CATEGORIES order
        if weights[c] > weights[best]:
            best = c
    if weights[best] == 0 or weights[OTHER] >= 0.6 * total:
        return OTHER, scores
    return best, scores


def aggregate(items: Iterable[tuple[Category, int]]) -> tuple[Category, dict[str, float]]:
    """Length-weighted shares of labels; the label is the dominant share (``other`` if none).

    >>> aggregate([(Category.GOAL, 30), (Category.OTHER, 20)])
    (<Category.GOAL: 'goal'>, {'goal': 0.6, 'achievement': 0.0, 'shortcoming': 0.0, 'other': 0.4})
    """
    return decide(tally(items))


def sentences(evidence: Evidence, ctx: Context, base: int, span: SpanFn) -> list[Sentence]:
    """The labelled sentences of a paragraph (at normalised offset ``base``), read in ``ctx``.

    ``span`` maps normalised spans to the original.

    >>> from .evidence import gather
    >>> from .lexicon import Lexicon
    >>> text = "推进改造，但短板依然明显。"
    >>> ev = gather(text, Lexicon.default(), 2025)
    >>> ctx = Context.root(Lexicon.default(), 2025).child("2024年工作回顾", [ev])
    >>> (s,) = sentences(ev, ctx, 0, lambda a, b: (a, b))
    >>> [(q.text, q.category.value, q.weight) for q in s.cues]  # doctest: +NORMALIZE_WHITESPACE
    [('推进', 'achievement', 1.0), ('但', 'other', 0.0),
     ('短板', 'shortcoming', 3.75), ('明显', 'achievement', 1.5)]
    """
    ptext = evidence.text
    w = CONTEXT_WEIGHTS
    outer = (
        w["paragraph"] * lean(evidence.goal, evidence.achievement)
        + w["section"] * ctx.section
        + w["ancestors"] * ctx.ancestors
        + w["headings"] * ctx.heading
    )
    prior = 0.5 * ctx.shortcoming if ctx.shortcoming and not ctx.glossary else None
    glossary, plan_list = ctx.glossary, ctx.plan_list
    out: list[Sentence] = []
    # a repaired stretch maps as a whole, so a boundary inside it is clamped to keep spans ordered;
    # a value equal to a bound is taken as that bound's int object (max and min return the first
    # of equals), so a sentence starting where the last one ended shares its int (memory only)
    prev, pend = span(base, base + len(ptext))
    for sentence in evidence.sentences:
        s0, s1 = sentence.start, sentence.end
        ss, se = span(base + s0, base + s1)
        ss = min(max(prev, ss), pend)
        se = prev = min(max(se, ss), pend)
        if not sentence.cues and prior is None:  # no evidence and no prior: nothing to weigh
            out.append(new_sentence(ss, se, ptext[s0:s1], OTHER, []))
            continue
        sg, sa = sentence.goal, sentence.achievement
        if plan_list:  # a tally in a list of planned projects is a planned quantity
            moved = sum(m.w for m in sentence.cues if m.entry.name in _TALLIES and m.entry.kind not in PERIOD_KINDS)
            sg, sa = sg + moved, sa - moved
        period = w["sentence"] * lean(sg, sa) + outer
        reading = _REVIEW_READING if period > 0.05 else _PLAN_READING if period < -0.05 else None
        totals = dict.fromkeys(CATEGORIES, 0.0)
        fixed: list[tuple[Category, float]] = []  # the weights no context reading gave: they decide a tie
        if prior is not None:
            totals[S] += prior
        cues = []
        turn = sentence.turn
        for j, (m_start, m_end, entry, c, mw, note) in enumerate(sentence.cues):
            period_cue = entry.kind in PERIOD_KINDS
            if glossary:
                mw, note = 0.0, "in_glossary"  # a definition states nothing of the report
            elif reading is not None and mw != 0.0 and period_cue:
                c, note = reading  # a period cue read in context
            elif plan_list and mw != 0.0 and entry.name in _TALLIES:
                c, note = G, "in_plan_list"
            if j > turn >= 0:  # after the sentence's last turn
                mw *= TURN_BOOST
                note = note + "; after_turn" if note else "after_turn"
            totals[c] += mw
            if not period_cue:
                fixed.append((c, mw))
            cs, ce = span(base + m_start, base + m_end)
            cs = ss if cs <= ss else se if cs >= se else cs  # clamped into the sentence
            ce = cs if ce <= cs else se if ce >= se else ce
            # a rule with its notes is one string per pair (noted); an anchor word (a figure such
            # as 4万人) recurs across the report: one string each, interned, rather than one per cue
            rule = noted(entry.rule, note) if note else entry.rule  # names: explain() reads them
            text = entry.text or intern(ptext[m_start:m_end])  # an anchor has no text of its own
            if type(c) is not Category:
                c = Category(c)  # a user's entry may say "goal"
            cues.append(new_cue(cs, ce, text, c, float(mw), rule))
        cat = label(totals, fixed, reading and reading[0])
        out.append(new_sentence(ss, se, ptext[s0:s1], cat, cues))
    return out


def paragraph_label(
    sentences: Sequence[Sentence], section: dict[Category, float] | None = None
) -> tuple[Category, dict[str, float]]:
    """Length-weighted aggregate of the sentence labels; their lengths are added to a ``section`` tally if given."""
    own = tally((s.category, len(s.text)) for s in sentences)
    if section is not None:
        tally(own.items(), into=section)
    return decide(own)


def section_label(weights: dict[Category, float]) -> tuple[Category, dict[str, float]]:
    """The label of a section from the :func:`tally` of its own and all its descendants' sentences."""
    return decide(weights)
