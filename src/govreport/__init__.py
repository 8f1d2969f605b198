"""govreport: turn Chinese government reports into structured, source-mapped data.

>>> import govreport
>>> report = govreport.parse("二、2025年工作安排\\n地区生产总值增长5.5%以上。")
>>> report.sections[0].title
'2025年工作安排'
"""

from __future__ import annotations

from .batch import parse_many
from .errors import ConfigError, DecodingError, GovReportError, InputError
from .lexicon import LexiconEntry
from .models import Category, Cue, Diagnostic, Noise, Paragraph, Report, Section, Sentence, Target
from .normalize import NormalizeConfig, normalize, normalize_and_explain
from .pipeline import parse, parse_file
from .records import to_dataframe, to_records

__version__ = "0.1.0.dev0"

__all__ = (
    "Category",
    "ConfigError",
    "Cue",
    "DecodingError",
    "Diagnostic",
    "GovReportError",
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
