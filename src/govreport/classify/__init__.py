"""Classification: cue lexicon, context, evidence and labels for sentences, paragraphs, sections.

The stage in reading order: :mod:`.lexicon` (the cue table, compiled as a trie),
:mod:`.evidence` (a paragraph's cues, grouped by sentence), :mod:`.context` (an
immutable value passed down the section tree), :mod:`.label` (sentences read in their
context; paragraph and section labels), and :mod:`.years` (the report year).
"""

from .context import Context
from .evidence import Evidence, gather
from .label import CATEGORIES, paragraph_label, section_label, sentences, tally
from .lexicon import LEXICON, Lexicon, LexiconEntry, explain
from .years import report_year

__all__ = (
    "CATEGORIES",
    "LEXICON",
    "Context",
    "Evidence",
    "Lexicon",
    "LexiconEntry",
    "explain",
    "gather",
    "paragraph_label",
    "report_year",
    "section_label",
    "sentences",
    "tally",
)
