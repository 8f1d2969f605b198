"""The maintainers' scripts in tools/: they run, and say so when what they need is missing."""

from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_instructions_without_valgrind_says_so(monkeypatch, capsys):
    tool = _load("instructions")
    monkeypatch.setattr(shutil, "which", lambda _: None)
    assert tool.main(["seeds"]) == 2
    assert "valgrind is not installed" in capsys.readouterr().err


@pytest.mark.parametrize("corpus", ["seeds", "synthetic-10k", "synthetic-10k-traditional"])
def test_instructions_child_parses_its_corpus(corpus):
    # the child the tool runs under callgrind, here run plainly: it finds and parses the corpus
    tool = _load("instructions")
    assert "Traceback" not in tool.run(corpus, 1, ROOT / "src")
