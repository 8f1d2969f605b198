"""Normalisation: bytes to text, then an ordered chain of small named steps.

The chain lives in :mod:`.chain`; the step families in their own modules
(:mod:`.furniture` page furniture, :mod:`.mojibake` GBK byte-shift repair,
:mod:`.script` Traditional to Simplified); :mod:`.offsets` maps every
normalised position back to the original, :mod:`.decode` turns bytes into text.
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
