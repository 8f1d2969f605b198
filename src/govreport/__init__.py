"""govreport: turn Chinese government reports into structured, source-mapped data.

>>> import govreport
>>> report = govreport.parse("二、2025年工作安排\\n地区生产总值增长5.5%以上。")
>>> report.sections[0].title
'2025年工作安排'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .classify.lexicon import LexiconEntry, explain
    from .errors import ConfigError, DecodingError, GovReportError, InputError
    from .io.batch import parse_many
    from .io.records import to_dataframe, to_records
    from .models import Category, Cue, Diagnostic, Noise, Paragraph, Report, Section, Sentence, Target
    from .normalization import NormalizeConfig, normalize, normalize_and_explain
    from .pipeline import parse, parse_file
    from .scoring import ScorecardRow, Verdict, plot_scorecard, scorecard
    from .targets import INDICATORS, Indicator

#: where each public name lives. Nothing is imported with the package itself: ``python -m
#: govreport`` can then answer Ctrl-C from its first instant, and a name costs its import only
#: when first used (the rule tables and pydantic schemas are the bulk of start-up).
_LAZY = {
    **dict.fromkeys(("LexiconEntry", "explain"), "classify.lexicon"),
    **dict.fromkeys(("ConfigError", "DecodingError", "GovReportError", "InputError"), "errors"),
    "parse_many": "io.batch",
    **dict.fromkeys(("to_dataframe", "to_records"), "io.records"),
    **dict.fromkeys(
        ("Category", "Cue", "Diagnostic", "Noise", "Paragraph", "Report", "Section", "Sentence", "Target"), "models"
    ),
    **dict.fromkeys(("NormalizeConfig", "normalize", "normalize_and_explain"), "normalization"),
    **dict.fromkeys(("parse", "parse_file"), "pipeline"),
    **dict.fromkeys(("INDICATORS", "Indicator"), "targets"),
    **dict.fromkeys(("ScorecardRow", "Verdict", "plot_scorecard", "scorecard"), "scoring"),
}


def __getattr__(name: str) -> Any:  # noqa: ANN401  (a module attribute of any kind)
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__version__ = "0.1.0.dev0"

__all__ = (
    "INDICATORS",
    "Category",
    "ConfigError",
    "Cue",
    "DecodingError",
    "Diagnostic",
    "GovReportError",
    "Indicator",
    "InputError",
    "LexiconEntry",
    "Noise",
    "NormalizeConfig",
    "Paragraph",
    "Report",
    "ScorecardRow",
    "Section",
    "Sentence",
    "Target",
    "Verdict",
    "__version__",
    "explain",
    "normalize",
    "normalize_and_explain",
    "parse",
    "parse_file",
    "parse_many",
    "plot_scorecard",
    "scorecard",
    "to_dataframe",
    "to_records",
)
