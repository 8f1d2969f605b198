"""``python -m govreport``: dump parsed reports as JSON, JSON Lines, an outline tree or markdown."""

from __future__ import annotations

import argparse
import json
import signal
import sys
from collections.abc import Sequence
from typing import TextIO

from . import __version__
from .errors import GovReportError
from .models import Report
from .pipeline import parse, parse_file
from .render import markdown, tree

FORMATS = ("json", "jsonl", "tree", "markdown")


def get_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m govreport",
        description="Parse Chinese government reports into structured data.",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="report files; '-' reads standard input")
    p.add_argument("--format", "-f", choices=FORMATS, default="json", help="output format (default: json)")
    p.add_argument("--schema", action="store_true", help="print the JSON Schema of the output and exit")
    p.add_argument("--version", action="version", version=f"govreport {__version__}")
    return p


def _render(report: Report, fmt: str) -> str:
    if fmt == "json":
        return report.model_dump_json(indent=1)
    if fmt == "jsonl":
        return report.model_dump_json()
    if fmt == "tree":
        return tree(report)
    return markdown(report)


def main(argv: Sequence[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the CLI; returns the exit status (0 ok, 1 some file failed, 2 bad usage, 130 interrupted)."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    parser = get_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return int(e.code or 0)
    if args.schema:
        out.write(json.dumps(Report.model_json_schema(), ensure_ascii=False, indent=1) + "\n")
        return 0
    if not args.files:
        parser.print_usage(err)
        err.write("python -m govreport: error: give at least one FILE, or '-' for standard input\n")
        return 2
    status = 0
    try:
        for name in args.files:
            try:
                report = parse(sys.stdin.buffer.read()) if name == "-" else parse_file(name)
            except GovReportError as e:
                err.write(f"govreport: {name}: {e}\n")
                status = 1
                continue
            out.write(_render(report, args.format) + "\n")
        out.flush()
    except KeyboardInterrupt:
        err.write("govreport: interrupted\n")
        return 130
    except BrokenPipeError:
        # the reader went away (| head): stop quietly
        _silence_stdout()
        return status
    return status


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def run() -> None:
    """Entry point for ``python -m govreport`` with default signal handling."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main())
