"""govreport: turn Chinese government reports into structured, source-mapped data.

>>> import govreport
>>> report = govreport.parse("二、2025年工作安排\\n地区生产总值增长5.5%以上。")
>>> report.sections[0].title
'2025年工作安排'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .classify.lexicon import LexiconEntry
from .errors import ConfigError, DecodingError, GovReportError, InputError
from .models import Category, Cue, Diagnostic, Noise, Paragraph, Report, Section, Sentence, Target
from .normalization import NormalizeConfig, normalize, normalize_and_explain
from .pipeline import parse, parse_file
from .targets import INDICATORS, Indicator

if TYPE_CHECKING:
    from .io.batch import parse_many
    from .io.records import to_dataframe, to_records

# batch processing (process pools) and tables load on first use: import govreport stays light
_LAZY = {"parse_many": "io.batch", "to_dataframe": "io.records", "to_records": "io.records"}


def __getattr__(name: str) -> Any:  # noqa: ANN401  (a module attribute of any kind)
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


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
    "Section",
    "Sentence",
    "Target",
    "__version__",
    "normalize",
    "normalize_and_explain",
    "parse",
    "parse_file",
    "parse_many",
    "to_dataframe",
    "to_records",
)
