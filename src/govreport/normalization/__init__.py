"""Normalisation: bytes to text, then an ordered chain of small named steps.

The engine lives in :mod:`.chain`; the steps in one module per family
(:mod:`.characters` invalid characters, width and readings, :mod:`.mojibake`
GBK byte-shift repair, :mod:`.script` Traditional to Simplified,
:mod:`.furniture` page furniture as rule tables, :mod:`.layout` line breaks,
spaces and joins); :mod:`.offsets` maps every normalised position back to the
original, :mod:`.decode` turns bytes into text.
"""

from .chain import (
    STEP_NAMES,
    STEPS,
    ExplanationStep,
    NormalizeConfig,
    Normalized,
    normalize,
    normalize_and_explain,
    replay,
)

__all__ = (
    "STEPS",
    "STEP_NAMES",
    "ExplanationStep",
    "NormalizeConfig",
    "Normalized",
    "normalize",
    "normalize_and_explain",
    "replay",
)
