"""Outline: the tree of numbered sections (scan, title and subheads, validate, leads, tree)."""

from .core import Block, Node, build, clean_title, find_title, scan, split

__all__ = ("Block", "Node", "build", "clean_title", "find_title", "scan", "split")
