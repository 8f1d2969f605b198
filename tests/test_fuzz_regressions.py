"""Replay every saved fuzz crash (tests/fixtures/fuzz/) through the fuzz target's checks (#7)."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

import govreport

from .contract import check_report

CASES = sorted(p for p in (Path(__file__).parent / "fixtures" / "fuzz").iterdir() if p.name != "README.md")


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_fuzz_regression(path: Path) -> None:
    data = path.read_bytes()
    with contextlib.suppress(govreport.GovReportError):
        govreport.parse(data)
    text = data.decode("utf-8", errors="surrogateescape")
    report = govreport.parse(text)
    check_report(text, report)
    govreport.Report.model_validate_json(report.model_dump_json())
