"""The models' test mode (#14): GOVREPORT_VALIDATE_MODELS=1 builds every model with validation."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from govreport import Category, models


def test_validating_mode_rejects_what_the_fast_path_would_accept() -> None:
    code = (
        "from govreport import Category, models\n"
        "try:\n"
        "    models.new_cue(-5, 2, 'x', Category.GOAL, 1.0, 'r')\n"
        "except Exception as e:\n"
        "    print(type(e).__name__)\n"
    )
    env = {**os.environ, "GOVREPORT_VALIDATE_MODELS": "1"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "ValidationError"


@pytest.mark.skipif(models.VALIDATE_MODELS, reason="the fast path is off in the validating run")
def test_fast_path_builds_its_own_dict() -> None:
    cue = models.new_cue(0, 2, "推进", Category.GOAL, 1.0, "action")
    assert cue.model_dump() == {"start": 0, "end": 2, "text": "推进", "category": Category.GOAL, "weight": 1.0,
                                "rule": "action"}  # fmt: skip


@pytest.mark.skipif(models.VALIDATE_MODELS, reason="the fast path is off in the validating run")
@pytest.mark.skipif(
    sys.implementation.name != "cpython" or sys.version_info < (3, 11), reason="shared field tables are CPython 3.11+"
)
def test_fast_path_shares_the_field_names() -> None:
    # each instance keeps an array of values, not a hash table of its own (about 350 bytes a cue)
    import tracemalloc

    tracemalloc.start()
    cues = [models.new_cue(1000 + i, 1002 + i, "推进", Category.GOAL, 1.0, "action") for i in range(2000)]
    per_cue = tracemalloc.get_traced_memory()[0] / len(cues)
    tracemalloc.stop()
    assert per_cue < 260  # the object and its values (about 150 bytes), two ints, a list slot
    assert cues[5] == models.Cue(start=1005, end=1007, text="推进", category=Category.GOAL, weight=1.0, rule="action")
    assert cues[5].__dict__ == cues[5].model_dump()  # pydantic's view of the fields is unchanged


@pytest.mark.skipif(models.VALIDATE_MODELS, reason="the fast path is off in the validating run")
def test_models_built_from_the_template_own_their_fields() -> None:
    # targets, paragraphs and sections copy a template's dict: a change to one stays in it
    from decimal import Decimal

    def target(start: int) -> models.Target:
        return models.new_target(
            start, start + 2, indicator="x", direction=None, value=Decimal(5), high=None, unit="%",
            qualifier=None, hardness=None, role=None, average=False, text="5%",
        )  # fmt: skip

    a, b = target(1000), target(2000)
    a.unit = "万元"
    assert (a.unit, b.unit, target(3000).unit) == ("万元", "%", "%")
    assert b == models.Target.model_validate(b.model_dump())
    assert b.model_dump_json() == models.Target.model_validate(b.model_dump()).model_dump_json()
