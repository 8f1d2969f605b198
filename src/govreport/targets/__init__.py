"""Quantitative targets: unit and qualifier tables, the quantity pattern, reading a target."""

from .reading import extract, find

__all__ = ("extract", "find")
