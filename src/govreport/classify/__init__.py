"""Classification: cue lexicon, context, evidence and labels for sentences, paragraphs, sections."""

from .classifier import CATEGORIES, Classifier, Lexicon, report_year, tally
from .lexicon import LEXICON, LexiconEntry

__all__ = ("CATEGORIES", "LEXICON", "Classifier", "Lexicon", "LexiconEntry", "report_year", "tally")
