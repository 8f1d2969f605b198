"""``python -m govreport``: parse reports into JSON, JSON Lines, an outline, markdown or flat tables.

Inputs are files, folders (searched recursively for ``--glob`` patterns) and ``-``
for standard input. A file that fails is named on standard error with its cause
and the others are still processed; the exit status then is 1.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import closing, contextmanager, redirect_stderr, redirect_stdout, suppress
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from .. import __version__
from ..errors import GovReportError
from ..models import Report
from .batch import DEFAULT_PATTERNS, Outcome, Source, expand, parse_many
from .records import TABLES, columns, to_records
from .render import markdown, tree

FORMATS = ("json", "jsonl", "tree", "markdown", "csv", "parquet")
#: file extension of each format when --output writes one file per input
_SUFFIX = {"json": ".json", "jsonl": ".json", "tree": ".txt", "markdown": ".md"}


def get_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m govreport",
        description="Parse Chinese government reports into structured data.",
        epilog="Targets against the next year's outcomes: python -m govreport scorecard DIR… (see --help there).",
    )
    p.add_argument("files", nargs="*", metavar="FILE", help="report files or folders; '-' reads standard input")
    p.add_argument("--format", "-f", choices=FORMATS, default="json", help="output format (default: json)")
    p.add_argument(
        "--table",
        choices=TABLES,
        default=None,
        help="rows of --format csv/parquet: one per section, sentence, target or main target (default: sections)",
    )
    p.add_argument(
        "--base-units",
        action="store_true",
        help="values in base units: 4万人 -> 40000 人 (default: the magnitude stays in the unit)",
    )
    p.add_argument(
        "--glob",
        action="append",
        metavar="PATTERN",
        help=f"file names to take from folders, repeatable (default: {' '.join(DEFAULT_PATTERNS)})",
    )
    p.add_argument(
        "--no-recursive",
        dest="recursive",
        action="store_false",
        help="do not search folders: a folder given is an error",
    )
    p.add_argument(
        "--jobs", "-j", type=_jobs, default=1, metavar="N", help="worker processes (default: 1; 0 = every core)"
    )
    p.add_argument(
        "--output",
        "-o",
        metavar="DIR",
        help="write one file per input into DIR (the table for csv/parquet) instead of standard output",
    )
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on standard error (default: when it is a terminal)",
    )
    p.add_argument("--year", type=int, metavar="YYYY", help="the report's year, for one input (source: caller)")
    p.add_argument("--jurisdiction", metavar="NAME", help="the report's government, e.g. 浙江省, for one input")
    p.add_argument("--schema", action="store_true", help="print the JSON Schema of the output and exit")
    p.add_argument("--version", action="version", version=f"govreport {__version__}")
    return p


def _jobs(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 0:
        msg = f"expected 0 (every core) or a positive number, got {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return n


def _text(_source: Source, report: Report, fmt: str, single: bool) -> str:
    """A report as the CLI writes it (run in the worker that parsed it)."""
    if fmt in ("json", "jsonl"):
        with held_interrupts():
            return report.model_dump_json(indent=1 if fmt == "json" and single else None)
    if fmt == "tree":
        return tree(report)
    return markdown(report)


def _rows(source: Source, report: Report, table: str) -> list[dict[str, Any]]:
    """A report's rows of ``table`` (run in the worker that parsed it)."""
    return to_records(report, table, document=source.name)


@contextmanager
def held_interrupts() -> Iterator[None]:
    """Hold a Ctrl-C that comes while a report is serialised until it is done, then raise it.

    pydantic's serializer turns a KeyboardInterrupt raised inside it into a serialisation
    error (a traceback and exit 1), or loses it; held, it stops the run as anywhere else
    (exit 130). Only the main thread can hold signals; elsewhere nothing changes.
    """
    if threading.current_thread() is not threading.main_thread() or (
        signal.getsignal(signal.SIGINT) is not signal.default_int_handler
    ):
        yield
        return
    held: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: held.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if held:
        raise KeyboardInterrupt


class _UsageError(Exception):
    """Bad usage found after argument parsing (exit status 2)."""


class _Run:
    """One CLI run: where output goes and whether something failed."""

    def __init__(self, args: argparse.Namespace, out: TextIO, err: TextIO) -> None:
        self.args = args
        self.out = out
        self.err = err
        self.failed = False
        self.parsed = self.failures = 0

    def fail(self, name: str, cause: str) -> None:
        self.err.write(f"govreport: {name}: {cause}\n")
        self.err.flush()
        self.failed = True
        self.failures += 1

    def succeeded(self, outcomes: Iterable[Outcome], *, rendered: bool = True) -> Iterator[Outcome]:
        """The outcomes that parsed (with what the workers ``rendered`` of them, or else with their
        report); failures and warnings are reported on the way."""
        for o in outcomes:
            if o.error is not None or (o.rendered if rendered else o.report) is None:
                self.fail(o.source.name, o.error or "failed")
                continue
            self.parsed += 1
            for warning in o.warnings:
                self.err.write(f"govreport: {o.source.name}: warning: {warning}\n")
            yield o

    def rendered(self, outcomes: Iterator[Outcome]) -> Iterator[tuple[Source, Any]]:
        """What the workers rendered of the reports that parsed (see :meth:`succeeded`)."""
        for o in self.succeeded(outcomes):
            yield o.source, o.rendered

    def documents(self, outcomes: Iterator[Outcome], several: bool) -> None:
        fmt = self.args.format
        if several and fmt == "json":  # one JSON document: an array, written as each report comes
            sep = "[\n"
            for _, text in self.rendered(outcomes):
                self.out.write(sep + text)
                self.out.flush()
                sep = ",\n"
            self.out.write("[]\n" if sep == "[\n" else "\n]\n")
            return
        for source, text in self.rendered(outcomes):
            if several and fmt in ("tree", "markdown"):
                self.out.write(f"==> {source.name} <==\n")
            self.out.write(text + "\n")
            self.out.flush()

    def files(self, outcomes: Iterator[Outcome], folder: Path) -> None:
        fmt = self.args.format
        taken: set[str] = set()
        for source, text in self.rendered(outcomes):
            target = _output_name(source.rel, _SUFFIX[fmt], taken)
            path = folder / target
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                with _replacing(path) as tmp, tmp.open("w", encoding="utf-8") as fh:
                    fh.write(text + "\n")
            except OSError as e:
                self.fail(os.fspath(path), f"cannot write: {e.strerror or e}")

    def csv(self, outcomes: Iterator[Outcome], folder: Path | None) -> None:
        table = self.args.table
        if folder is None:
            self._csv(outcomes, self.out, table)
            return
        path = folder / f"{table}.csv"
        try:
            with _replacing(path) as tmp, tmp.open("w", encoding="utf-8", newline="") as fh:
                self._csv(outcomes, fh, table)
        except OSError as e:
            self.fail(os.fspath(path), f"cannot write: {e.strerror or e}")

    def _csv(self, outcomes: Iterator[Outcome], fh: TextIO, table: str) -> None:
        writer = _csv_writer(fh, columns(table))
        for _, rows in self.rendered(outcomes):
            writer.writerows(rows)
            fh.flush()

    def parquet(self, outcomes: Iterator[Outcome], folder: Path) -> None:
        pa, pq = _pyarrow()
        table = self.args.table
        schema = _arrow_schema(pa, table)
        path = folder / f"{table}.parquet"
        try:
            with _replacing(path) as tmp, pq.ParquetWriter(tmp, schema) as writer:
                for _, rows in self.rendered(outcomes):
                    if rows:
                        writer.write_table(pa.Table.from_pylist(rows, schema=schema))
        except OSError as e:
            self.fail(os.fspath(path), f"cannot write: {e.strerror or e}")


def _csv_writer(fh: TextIO, fields: Sequence[str]) -> csv.DictWriter[str]:
    """A CSV writer whose header is written: UTF-8 with a byte order mark (Excel then opens
    Chinese text correctly) and CRLF line ends."""
    fh.write("\ufeff")
    writer = csv.DictWriter(fh, fieldnames=fields, lineterminator="\r\n")
    writer.writeheader()
    return writer


@contextmanager
def _replacing(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` that replaces it when the block succeeds.

    A failed write (a full disk, an interrupt) leaves ``path`` as it was, or absent: never
    a partial file. The temporary file is removed on failure.
    """
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(name, 0o666 & ~umask)  # the mode a plain open() would give, not mkstemp's 0600
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, path)
    except BaseException:
        with suppress(OSError):
            tmp.unlink()
        raise


def _output_name(rel: str, suffix: str, taken: set[str]) -> str:
    """``rel`` with ``suffix``; a name already written gets ``-2``, ``-3``… so nothing is overwritten."""
    base = Path(rel).with_suffix("").as_posix()
    name, k = base + suffix, 1
    while name in taken:
        k += 1
        name = f"{base}-{k}{suffix}"
    taken.add(name)
    return name


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError:
        msg = "--format parquet needs pyarrow: pip install pyarrow (from a checkout: pip install -e '.[batch]')"
        raise _UsageError(msg) from None
    return pa, pq


def _arrow_schema(pa: Any, table: str) -> Any:  # noqa: ANN401  (pyarrow is optional)
    from .records import COLUMNS

    types = {"str": pa.string(), "int": pa.int64(), "int?": pa.int64(), "float": pa.float64()}
    return pa.schema([(c.name, types[c.type]) for c in COLUMNS[table]])


def _utf8(stream: TextIO) -> None:
    """Make a real standard stream write UTF-8 whatever the locale says."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    reconfigure = getattr(stream, "reconfigure", None)
    if encoding != "utf8" and callable(reconfigure):
        with suppress(OSError, ValueError):
            reconfigure(encoding="utf-8")


def main(
    argv: Sequence[str] | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    stdin: BinaryIO | None = None,
) -> int:
    """Run the CLI; returns the exit status (0 ok, 1 some file failed, 2 bad usage, 130 interrupted)."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["scorecard"]:
        if stdout is None:
            _utf8(out)
        return _scorecard_main(args_list[1:], out, err, real_stdout=stdout is None)
    parser = get_parser()
    try:
        with redirect_stdout(out), redirect_stderr(err):  # --help, --version and usage errors
            args = parser.parse_args(args_list)
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else 2
    if args.schema:
        out.write(json.dumps(Report.model_json_schema(), ensure_ascii=False, indent=1) + "\n")
        return 0
    if not args.files:
        parser.print_usage(err)
        err.write("python -m govreport: error: give at least one FILE or folder, or '-' for standard input\n")
        return 2
    if stdout is None:
        _utf8(out)
    run = _Run(args, out, err)
    return _guarded(run, "python -m govreport", partial(_main, run, stdin), real_stdout=stdout is None)


def _guarded(run: _Run, prog: str, body: Callable[[], int], real_stdout: bool) -> int:
    """Run ``body`` turning every expected failure into one line on stderr and its exit status."""
    err = run.err
    try:
        return body()
    except _UsageError as e:
        err.write(f"{prog}: error: {e}\n")
        return 2
    except GovReportError as e:  # a missing optional package, found after the inputs were read
        err.write(f"govreport: {e}\n")
        return 1
    except KeyboardInterrupt:
        err.write("govreport: interrupted\n")
        return 130
    except BrokenPipeError:
        # the reader went away (| head): stop quietly
        if real_stdout:
            _silence_stdout()
        return 1 if run.failed else 0
    except OSError as e:  # standard output cannot be written (> /dev/full): one line, not a traceback
        err.write(f"govreport: cannot write {e.filename or 'standard output'}: {e.strerror or e}\n")
        if real_stdout:
            _silence_stdout()
        return 1


def _main(run: _Run, stdin: BinaryIO | None) -> int:
    args = run.args
    tables = args.format in ("csv", "parquet")
    if args.table is not None and not tables:
        msg = f"--table chooses the rows of --format csv or parquet, not --format {args.format}"
        raise _UsageError(msg)
    args.table = args.table or "sections"
    if args.format == "parquet" and not args.output:
        msg = "--format parquet writes a file: give --output DIR"
        raise _UsageError(msg)
    if args.format == "parquet":
        _pyarrow()
    folder = Path(args.output) if args.output else None
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            msg = f"cannot create --output folder {args.output}: {e.strerror or e}"
            raise _UsageError(msg) from None
    inputs: list[str | Source] = []
    for name in args.files:
        if name == "-":
            inputs.append(_read_stdin(run, stdin))
        else:
            inputs.append(name)
    sources = expand(inputs, tuple(args.glob or DEFAULT_PATTERNS), recursive=args.recursive)
    # a folder stands for several inputs, however many files it holds today
    folders = args.recursive and any(f != "-" and Path(f).is_dir() for f in args.files)
    several = len(args.files) > 1 or folders
    identity = {k: v for k, v in (("year", args.year), ("jurisdiction", args.jurisdiction)) if v is not None}
    if identity and len(sources) != 1:
        msg = "--year and --jurisdiction describe one report: give one input"
        raise _UsageError(msg)
    # the workers render: sending a report back costs about as much as parsing it
    # one file per report (--output) holds one document; so does standard output given one input
    single = folder is not None or not several
    render = partial(_rows, table=args.table) if tables else partial(_text, fmt=args.format, single=single)
    outcomes = parse_many(
        sources,
        jobs=args.jobs,
        progress=args.progress,
        stream=run.err,
        render=render,
        base_units=args.base_units,
        **identity,
    )
    with closing(outcomes):
        if args.format == "csv":
            run.csv(outcomes, folder)
        elif args.format == "parquet":
            assert folder is not None
            run.parquet(outcomes, folder)
        elif folder is not None:
            run.files(outcomes, folder)
        else:
            run.documents(outcomes, several=several)
    run.out.flush()
    if several and _isatty(run.err):
        run.err.write(f"{run.parsed} parsed, {run.failures} failed\n")
    return 1 if run.failed else 0


def _isatty(stream: TextIO) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(callable(isatty) and isatty())


def _read_stdin(run: _Run, stdin: BinaryIO | None) -> Source:
    try:
        data = (stdin or sys.stdin.buffer).read()
    except (OSError, AttributeError, ValueError) as e:
        return Source("-", "stdin", error=f"cannot read standard input: {e}")
    return Source("-", "stdin", data=data)


def _silence_stdout() -> None:
    with suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def run() -> None:
    """Entry point for ``python -m govreport``."""
    sys.exit(main())


# ---------------------------------------------------------------- python -m govreport scorecard

SCORECARD_FORMATS = ("csv", "jsonl", "parquet")


def get_scorecard_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m govreport scorecard",
        description="Pair each report's main targets with the outcomes the next year's report of the same "
        "government states (one row per jurisdiction, year and indicator).",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="report files or folders (every year of a government)")
    p.add_argument("--format", "-f", choices=SCORECARD_FORMATS, default="csv", help="output format (default: csv)")
    p.add_argument(
        "--tolerance", type=float, default=0.5, metavar="X", help="how far a 左右 target may be missed (default: 0.5)"
    )
    p.add_argument("--plot", metavar="FILE.png", help="also draw target bands against outcomes (needs matplotlib)")
    p.add_argument("--output", "-o", metavar="DIR", help="write scorecard.csv/.jsonl/.parquet into DIR")
    p.add_argument("--glob", action="append", metavar="PATTERN", help="file names to take from folders")
    p.add_argument("--jobs", "-j", type=_jobs, default=1, metavar="N", help="worker processes (default: 1)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None, help="progress bar")
    return p


def _scorecard_main(argv: list[str], out: TextIO, err: TextIO, real_stdout: bool) -> int:
    """``python -m govreport scorecard``: same inputs, errors and exit statuses as the main command."""
    try:
        with redirect_stdout(out), redirect_stderr(err):
            args = get_scorecard_parser().parse_args(argv)
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else 2
    run = _Run(args, out, err)
    return _guarded(run, "python -m govreport scorecard", partial(_scorecard, run), real_stdout)


def _scorecard(run: _Run) -> int:
    import warnings

    from ..scoring import ScorecardRow, plot_scorecard, scorecard

    args = run.args
    if args.format == "parquet" and not args.output:
        msg = "--format parquet writes a file: give --output DIR"
        raise _UsageError(msg)
    sources = expand(args.files, tuple(args.glob or DEFAULT_PATTERNS))
    outcomes = parse_many(sources, jobs=args.jobs, progress=args.progress, stream=run.err)
    reports = [o.report for o in run.succeeded(outcomes, rendered=False) if o.report is not None]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rows = scorecard(reports, tolerance=args.tolerance)
    for w in caught:
        run.err.write(f"govreport: warning: {w.message}\n")
    records = [_scorecard_record(r) for r in rows]
    folder = Path(args.output) if args.output else None
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    if args.format == "parquet":
        assert folder is not None
        pa, pq = _pyarrow()
        with _replacing(folder / "scorecard.parquet") as tmp:
            pq.write_table(pa.Table.from_pylist(records), tmp)
    elif folder is not None:
        with _replacing(folder / f"scorecard.{args.format}") as tmp, tmp.open("w", encoding="utf-8", newline="") as fh:
            _write_scorecard(fh, args.format, list(ScorecardRow.model_fields), records, rows)
    else:
        _write_scorecard(run.out, args.format, list(ScorecardRow.model_fields), records, rows)
    if args.plot:
        plot_scorecard(rows, args.plot, tolerance=args.tolerance)
    return 1 if run.failed else 0


def _scorecard_record(row: Any) -> dict[str, Any]:  # noqa: ANN401  (a ScorecardRow; imported lazily)
    """A scorecard row as plain values: decimals as floats, the verdict as its name."""
    return {k: float(v) if isinstance(v, Decimal) else getattr(v, "value", v) for k, v in row.model_dump().items()}


def _write_scorecard(fh: TextIO, fmt: str, fields: list[str], records: list[dict[str, Any]], rows: list[Any]) -> None:
    if fmt == "jsonl":
        for row in rows:
            fh.write(row.model_dump_json() + "\n")
        return
    _csv_writer(fh, fields).writerows(records)
