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

#: a short report with a title, both parts, a chapter, results, targets and an admission: the
#: input of the decoding and robustness tests, which damage its bytes in every way
REPORT = (
    "政府工作报告\n"
    "一、2024年工作回顾\n过去一年，全年新增就业4万人，地区生产总值增长5.2%。\n"
    "（一）经济运行稳中有进。全年完成固定资产投资120亿元。\n"
    "二、2025年工作安排\n主要预期目标是：地区生产总值增长5.5%以上。\n"
    "我们也清醒看到，发展不平衡不充分问题仍然突出。\n"
)

settings.register_profile("ci", max_examples=200, deadline=None)
settings.register_profile("dev", max_examples=50, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def seed_ids() -> list[str]:
    return [p.stem[:3] for p in SEEDS]


@pytest.fixture(scope="session")
def seed_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in SEEDS}


@pytest.fixture
def hide_module(monkeypatch):
    """Make ``import NAME`` fail as if the optional package NAME were not installed."""

    def hide(name: str) -> None:
        import builtins

        real = builtins.__import__

        def guarded(module, *args, **kwargs):
            if module == name:
                raise ImportError(module)
            return real(module, *args, **kwargs)

        monkeypatch.setattr(builtins, "__import__", guarded)

    return hide
