"""Per-stage timing of ``parse()``: wrap the stage functions the pipeline calls, then call ``parse``.

The benchmark does not re-implement the pipeline: it temporarily replaces the
functions listed in :data:`STAGE_FUNCTIONS` with timing wrappers and runs the
real ``govreport.parse``. Only the outermost wrapped call is timed, so a stage
function that calls another one is counted once, under its own stage. Time
spent outside every listed function (building the pydantic models, mapping
offsets in the pipeline's own code) is reported as ``models+glue``.

``Class.*`` stands for the class's ``__init__`` and every public method, so a
method the pipeline starts calling is timed without touching this table.
A listed function that no longer exists (the pipeline was refactored) is
reported in ``missing`` instead of failing the run.
"""

from __future__ import annotations

import importlib
import inspect
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

#: stage name -> (module, attribute path) of the functions ``pipeline.py`` calls for it
STAGE_FUNCTIONS: dict[str, tuple[tuple[str, str], ...]] = {
    "decode+normalise": (
        ("govreport.pipeline", "decode"),  # bytes -> str, as imported by the pipeline
        ("govreport.pipeline", "normalize_and_explain"),  # the whole normalisation chain
    ),
    "outline": (
        ("govreport.outline", "split"),  # scan + validate + build
    ),
    "identity": (("govreport.identity", "identify"),),  # year and jurisdiction from the outline
    "classify": (
        ("govreport.classify", "Lexicon.default"),
        ("govreport.classify", "gather"),  # a paragraph's evidence
        ("govreport.classify", "sentences"),  # sentences read in context
        ("govreport.classify", "paragraph_label"),
        ("govreport.classify", "section_label"),
        ("govreport.classify", "Context.*"),  # every public method: root, child (a section's context)
    ),
    "targets": (("govreport.targets", "extract"),),
}
STAGES: tuple[str, ...] = (*STAGE_FUNCTIONS, "models+glue")


class StageTimer:
    """Accumulates seconds per stage while :meth:`installed` is active."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = dict.fromkeys(STAGE_FUNCTIONS, 0.0)
        self.missing: list[str] = []
        self._active = False

    def _wrap(self, stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            if self._active:  # nested: counted by the outer stage
                return fn(*args, **kwargs)
            self._active = True
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.seconds[stage] += time.perf_counter() - t0
                self._active = False

        return timed

    def _resolve(self, module_name: str, path: str) -> list[tuple[object, str]]:
        """(owner, attribute) pairs that ``path`` names; records it as missing if there are none."""
        owner: object = importlib.import_module(module_name)
        *parents, attr = path.split(".")
        try:
            for p in parents:
                owner = getattr(owner, p)
            if attr == "*":
                names = [
                    n for n, v in vars(owner).items() if callable(v) and (n == "__init__" or not n.startswith("_"))
                ]
                names += [n for n, v in vars(owner).items() if isinstance(v, (classmethod, staticmethod))]
                return [(owner, n) for n in dict.fromkeys(names)]
            inspect.getattr_static(owner, attr)
        except AttributeError:
            self.missing.append(f"{module_name}.{path}")
            return []
        return [(owner, attr)]

    @contextmanager
    def installed(self) -> Iterator[StageTimer]:
        """Replace the stage functions with timed ones; restore them on exit."""
        undo: list[tuple[object, str, object]] = []
        try:
            for stage, targets in STAGE_FUNCTIONS.items():
                for module_name, path in targets:
                    for owner, attr in self._resolve(module_name, path):
                        raw = inspect.getattr_static(owner, attr)
                        if isinstance(raw, (classmethod, staticmethod)):
                            new: object = staticmethod(self._wrap(stage, getattr(owner, attr)))
                        else:
                            new = self._wrap(stage, raw)
                        undo.append((owner, attr, raw))
                        setattr(owner, attr, new)
            yield self
        finally:
            for owner, attr, raw in reversed(undo):
                setattr(owner, attr, raw)


def timed_parse(docs: list[bytes]) -> tuple[float, dict[str, float], list[str]]:
    """Parse every document once with stage timers on: total seconds, seconds per stage, missing hooks."""
    import govreport

    timer = StageTimer()
    with timer.installed():
        t0 = time.perf_counter()
        for d in docs:
            govreport.parse(d)
        total = time.perf_counter() - t0
    per = dict(timer.seconds)
    per["models+glue"] = max(total - sum(timer.seconds.values()), 0.0)
    return total, per, timer.missing
