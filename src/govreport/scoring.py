"""Target against outcome: each year's main targets beside what the next year's report says (issue #19).

Economists who study growth targets compare the target a government set in its report of
year t with the result its report of year t+1 gives for year t (``国内生产总值增长5%左右``
against ``全年国内生产总值增长5.3%``). :func:`scorecard` does that pairing from parsed reports:

- the target side is an item of :meth:`Report.main_targets` of the report of (jurisdiction, t)
  with a canonical indicator code;
- the outcome side is a figure with ``role="result"`` for period t and the same code in the
  report of (jurisdiction, t+1), in the same unit; where several fit, the one whose wording
  shares most with the target's (城镇居民… against 农村居民…), then the first;
- the verdict compares them by the target's qualifier (:data:`BOUNDS`), and ``rule`` says how.

Reports are keyed by ``Report.jurisdiction`` and ``Report.year``: a report without both gives
no row. Two reports with the same key are not paired silently: a :class:`DuplicateReportWarning`
names them and the one with the smaller ``source`` is used, so the input order never matters.
A target without a next-year report, or whose next report states no outcome for it, is
``no_outcome``: the scorecard never guesses.

>>> import govreport
>>> plan = govreport.parse("2024年某市政府工作报告\\n二、2024年工作安排\\n主要预期目标是：地区生产总值增长5%左右。")
>>> review = govreport.parse("2025年某市政府工作报告\\n一、2024年工作回顾\\n全年地区生产总值增长5.3%。")
>>> [(r.year, r.canonical, r.target_value, r.outcome_value, r.verdict.value) for r in scorecard([review, plan])]
[(2024, 'gdp_growth', Decimal('5'), Decimal('5.3'), 'met')]
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from .errors import GovReportError
from .models import Report, Target

if TYPE_CHECKING:
    from matplotlib.figure import Figure

#: indicators whose target is a ceiling (prices, unemployment, the deficit): an outcome below
#: the target meets it. Every other indicator's target is a floor (growth, output, jobs).
CEILINGS: frozenset[str] = frozenset({"cpi", "unemployment_surveyed", "unemployment_registered", "deficit_ratio"})

#: how each qualifier bounds the outcome: "min" (at least), "max" (at most), "about" (within the
#: tolerance, or beyond it on the side the target aims for), "aim" (no bound written: a floor,
#: or a ceiling for CEILINGS)
BOUNDS: dict[str, str] = {
    "以上": "min",
    "不低于": "min",
    "超过": "min",
    "以内": "max",
    "以下": "max",
    "低于": "max",
    "不超过": "max",
    "左右": "about",
    "约": "about",
    "力争": "aim",
}

#: the tolerance of 左右 when none is given, in the target's unit (percentage points for %)
DEFAULT_TOLERANCE = Decimal("0.5")


class Verdict(str, Enum):
    """Whether the outcome met the target."""

    MET = "met"
    MISSED = "missed"
    NO_OUTCOME = "no_outcome"


class DuplicateReportWarning(UserWarning):
    """Two reports claim the same jurisdiction and year: only one of them is paired."""


class ScorecardRow(BaseModel):
    """One target of one year, the outcome the next year's report gives for it, and the verdict."""

    model_config = ConfigDict(frozen=True)

    jurisdiction: str
    year: int = Field(description="the year the target was set for")
    canonical: str = Field(description="the indicator's code (govreport.targets.INDICATORS)")
    indicator: str | None = Field(description="the target's indicator as written")
    target_value: Decimal
    target_high: Decimal | None = Field(description="upper bound of a target range")
    target_unit: str | None
    target_qualifier: str | None
    target_direction: str | None
    target_text: str = Field(description="the phrase the target was read from")
    target_document: str | None = Field(description="Report.source of the target's report")
    target_start: int
    target_end: int
    outcome_value: Decimal | None = None
    outcome_direction: str | None = None
    outcome_text: str | None = None
    outcome_document: str | None = None
    outcome_start: int | None = None
    outcome_end: int | None = None
    verdict: Verdict
    rule: str = Field(description="the comparison that decided the verdict, or why there is no outcome")


def scorecard(reports: Iterable[Report], *, tolerance: float | Decimal = DEFAULT_TOLERANCE) -> list[ScorecardRow]:
    """Pair each report's main targets with the outcomes the same government's next report states.

    Rows come sorted by jurisdiction, year and the target's place in its report; ``tolerance``
    is how far an outcome may fall short of a ``左右`` target and still meet it.
    """
    tol = Decimal(str(tolerance))
    by_key: dict[tuple[str, int], Report] = {}
    for report in sorted(reports, key=lambda r: (r.source or "", r.title or "", r.length)):
        if report.jurisdiction is None or report.year is None:
            continue
        key = (report.jurisdiction, report.year)
        if key in by_key:
            warnings.warn(
                f"two reports of {key[0]} for {key[1]}: {by_key[key].source or '?'} and {report.source or '?'};"
                f" only the first is paired",
                DuplicateReportWarning,
                stacklevel=2,
            )
            continue
        by_key[key] = report
    rows: list[ScorecardRow] = []
    for (jurisdiction, year), report in sorted(by_key.items()):
        following = by_key.get((jurisdiction, year + 1))
        results = [t for t in following.targets if t.role == "result"] if following is not None else []
        for target in report.main_targets():
            if target.canonical is None:
                continue
            outcome = _outcome(target, year, results)
            verdict, rule = _verdict(target, outcome, tol, following is not None)
            rows.append(_row(jurisdiction, year, target, report, outcome, following, verdict, rule))
    return rows


def _outcome(target: Target, year: int, results: list[Target]) -> Target | None:
    """The result for ``year`` among the next report's ``results`` that answers ``target`` (same code and unit)."""
    found = [t for t in results if t.canonical == target.canonical and t.period_to == year and t.unit == target.unit]
    if not found:
        return None
    wording = set(target.indicator or "")
    return max(found, key=lambda t: (len(wording & set(t.indicator or "")), -t.start))


def _signed(value: Decimal, direction: str | None) -> Decimal:
    return -value if direction == "decrease" else value


def _verdict(target: Target, outcome: Target | None, tol: Decimal, has_next: bool) -> tuple[Verdict, str]:
    """The verdict and the rule that gave it."""
    if outcome is None:
        why = "no result for this indicator and year in the next report" if has_next else "no report for the next year"
        return Verdict.NO_OUTCOME, why
    # an outcome stated without a direction word (能耗3.5%) is read in the target's direction
    o = _signed(outcome.value, outcome.direction or target.direction)
    v = _signed(target.value, target.direction)
    # a decrease target (能耗下降3%) aims down: its floor and ceiling swap in signed values
    ceiling = (target.canonical in CEILINGS) != (target.direction == "decrease")
    if target.high is not None:
        h = _signed(target.high, target.direction)
        lo, hi = min(v, h), max(v, h)
        return _is(lo <= o <= hi), f"range: {lo} ≤ outcome ≤ {hi}"
    bound = BOUNDS.get(target.qualifier or "", "aim")
    if bound == "about":
        aimed = o <= v + tol if ceiling else o >= v - tol
        side = "below" if ceiling else "above"
        return _is(aimed), f"{target.qualifier}: within ±{tol} of {v}, or beyond it {side}"
    at_most = (bound == "max") != (target.direction == "decrease") if bound != "aim" else ceiling
    if at_most:
        return _is(o <= v), f"{target.qualifier or 'no qualifier'}: outcome ≤ {v}"
    return _is(o >= v), f"{target.qualifier or 'no qualifier'}: outcome ≥ {v}"


def _is(ok: bool) -> Verdict:
    return Verdict.MET if ok else Verdict.MISSED


def _row(
    jurisdiction: str,
    year: int,
    target: Target,
    report: Report,
    outcome: Target | None,
    following: Report | None,
    verdict: Verdict,
    rule: str,
) -> ScorecardRow:
    assert target.canonical is not None
    return ScorecardRow(
        jurisdiction=jurisdiction,
        year=year,
        canonical=target.canonical,
        indicator=target.indicator,
        target_value=target.value,
        target_high=target.high,
        target_unit=target.unit,
        target_qualifier=target.qualifier,
        target_direction=target.direction,
        target_text=target.text,
        target_document=report.source,
        target_start=target.start,
        target_end=target.end,
        outcome_value=outcome.value if outcome else None,
        outcome_direction=outcome.direction if outcome else None,
        outcome_text=outcome.text if outcome else None,
        outcome_document=following.source if outcome and following else None,
        outcome_start=outcome.start if outcome else None,
        outcome_end=outcome.end if outcome else None,
        verdict=verdict,
        rule=rule,
    )


def plot_scorecard(
    rows: Iterable[ScorecardRow], path: str | os.PathLike[str], *, tolerance: float | Decimal = DEFAULT_TOLERANCE
) -> Figure:
    """Draw each indicator's target band against its outcome over the years, one axis per indicator.

    A target is drawn as a band from its value to its upper bound (a range) or over ± the 左右
    ``tolerance`` (pass the one the rows were judged with), else as a bar across at its value;
    the outcome as a dot, filled when met. Writes the picture to ``path`` (PNG, or any format
    matplotlib knows by the suffix) and returns the matplotlib ``Figure``. Needs matplotlib:
    ``pip install matplotlib`` (the ``plot`` extra).
    """
    try:
        from matplotlib.figure import Figure
    except ImportError:
        msg = "plot_scorecard needs matplotlib: pip install matplotlib (from a checkout: pip install -e '.[plot]')"
        raise GovReportError(msg) from None
    by_code: dict[str, list[ScorecardRow]] = {}
    for row in rows:
        by_code.setdefault(row.canonical, []).append(row)
    codes = sorted(by_code)
    fig = Figure(figsize=(7, 2.4 * max(1, len(codes))))
    axes = fig.subplots(max(1, len(codes)), 1, squeeze=False, sharex=True)[:, 0]
    years = [row.year for code in codes for row in by_code[code]]
    for ax, code in zip(axes, codes, strict=False):
        for k, row in enumerate(by_code[code]):
            x = row.year + 0.08 * (k % 3)
            lo, hi = _band(row, float(tolerance))
            if hi != lo:  # a band: the range, or the 左右 tolerance
                ax.plot([x, x], [lo, hi], color="tab:blue", linewidth=6, alpha=0.5)
            else:  # a floor or a ceiling: a bar across at the value
                ax.plot(x, lo, marker="_", markersize=16, markeredgewidth=3, color="tab:blue", alpha=0.7)
            if row.outcome_value is not None:
                face = "tab:red" if row.verdict is Verdict.MET else "white"
                y = float(_signed(row.outcome_value, row.outcome_direction))
                ax.plot(x, y, "o", color="tab:red", markerfacecolor=face)
        ax.set_title(f"{code} ({by_code[code][0].target_unit or ''})", fontsize=9)
        ax.margins(y=0.25)
        ax.xaxis.get_major_locator().set_params(integer=True)
    if years:
        axes[0].set_xlim(min(years) - 0.5, max(years) + 0.7)
    else:
        axes[0].set_title("no rows")
    fig.tight_layout()
    fig.savefig(os.fspath(path), dpi=100)
    return fig


def _band(row: ScorecardRow, tolerance: float) -> tuple[float, float]:
    """The target as drawn: (low, high) in signed values."""
    v = float(_signed(row.target_value, row.target_direction))
    if row.target_high is not None:
        h = float(_signed(row.target_high, row.target_direction))
        return min(v, h), max(v, h)
    if BOUNDS.get(row.target_qualifier or "") == "about":
        return v - tolerance, v + tolerance
    return v, v
