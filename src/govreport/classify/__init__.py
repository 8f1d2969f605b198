"""Classification: cue lexicon, context, evidence and labels for sentences, paragraphs, sections.

The stage in reading order: :mod:`.lexicon` (the cue table, compiled as a trie),
:mod:`.evidence` (a paragraph's cues, grouped by sentence), :mod:`.context` (an
immutable value passed down the section tree), :mod:`.label` (sentences read in their
context; paragraph and section labels). The report's year is read by
:mod:`govreport.identity`.
"""

from .context import Context
from .evidence import Evidence, gather
from .label import CATEGORIES, paragraph_label, section_label, sentences, tally
from .lexicon import LEXICON, Lexicon, LexiconEntry, explain

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
    "section_label",
    "sentences",
    "tally",
)
