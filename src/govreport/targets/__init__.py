"""Quantitative targets: the word tables (:mod:`.tables`), the quantity pattern (:mod:`.pattern`),
reading a paragraph's quantities (:mod:`.reading`)."""

from .reading import extract, find

__all__ = ("extract", "find")
