"""Quantitative targets: the word tables (:mod:`.tables`), the canonical indicators
(:mod:`.indicators`), the quantity pattern (:mod:`.pattern`), reading a paragraph's quantities
(:mod:`.reading`)."""

from .indicators import INDICATORS, Indicator, canonical
from .reading import MainState, extract, find

__all__ = ("INDICATORS", "Indicator", "MainState", "canonical", "extract", "find")
