"""Shared fixtures: the seeds in the repository and the third-party corpus beside it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
SHARED = ROOT.parent / "shared"
CORPUS = sorted((SHARED / "corpus" / "raw").glob("*.txt")) if (SHARED / "corpus" / "raw").is_dir() else []

settings.register_profile("ci", max_examples=200, deadline=None)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def seed_ids() -> list[str]:
    return [p.stem[:3] for p in SEEDS]


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in SEEDS}
