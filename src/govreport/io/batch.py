"""Many reports at once: expand folders into files, parse them in worker processes.

Results come back in input order whatever the number of workers, and a file that
fails never stops the batch: its :class:`Outcome` carries the cause instead of a
report. Workers are plain processes (:class:`~concurrent.futures.ProcessPoolExecutor`);
reports travel back pickled (or only what ``render`` made of them), and each worker
loads the OpenCC converter at most once (it is cached per process in ``script.py``).

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.txt").write_text("一、工作回顾\\n全年新增就业4万人。", encoding="utf-8")
>>> [(o.source.rel, o.report.sections[0].title) for o in parse_many([folder])]
[('a.txt', '工作回顾')]
"""

from __future__ import annotations

import fnmatch
import os
import signal
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from pathlib import Path
from typing import Any, NamedTuple, TextIO

from ..errors import GovReportError, InputError
from ..models import Report
from ..pipeline import check_options, parse, parse_file

#: file name patterns a folder is searched for when none are given
DEFAULT_PATTERNS: tuple[str, ...] = ("*.txt", "*.md")


class Source(NamedTuple):
    """One input of a batch: a file, standard input (``data``), or a problem found while listing."""

    #: the name reported to the user: the path as given or found, ``-`` for standard input
    name: str
    #: path relative to the folder it was found in (its file name when given directly); names output files
    rel: str
    #: the bytes to parse, for standard input; ``None`` means read ``name`` from disk
    data: bytes | None = None
    #: set when listing already failed (a folder with no matching file)
    error: str | None = None


class Outcome(NamedTuple):
    """The result of one input: a report (or what ``render`` made of it), or the cause it failed."""

    source: Source
    report: Report | None
    error: str | None
    #: what ``parse_many(render=...)`` returned for the report, which is then not sent back
    rendered: Any = None
    #: problems that did not stop the parse, for the user's eyes (an empty input)
    warnings: tuple[str, ...] = ()


def expand(
    inputs: Iterable[str | os.PathLike[str] | Source],
    patterns: Sequence[str] = DEFAULT_PATTERNS,
    recursive: bool = True,
) -> list[Source]:
    """Turn paths into a list of sources, folders searched recursively for ``patterns``.

    Files named directly are kept whatever their name, missing ones too (parsing
    them reports the cause); folders list their matching files in sorted order. A
    folder with ``recursive=False`` becomes a failed source, reported like any other.
    """
    out: list[Source] = []
    for item in inputs:
        if isinstance(item, Source):
            out.append(item)
            continue
        path = Path(item)
        if not path.is_dir():
            out.append(Source(os.fspath(item), path.name))
            continue
        if not recursive:
            out.append(Source(os.fspath(item), path.name, error="is a directory (not searched: recursion is off)"))
            continue
        # a matching name that is a broken or looping link is kept, to be reported like a missing file
        found = sorted(
            p
            for p in path.rglob("*")
            if (p.is_file() or (p.is_symlink() and not p.exists()))
            and any(fnmatch.fnmatch(p.name, pat) for pat in patterns)
        )
        if not found:
            cause = f"folder has no file matching {', '.join(patterns)}"
            out.append(Source(os.fspath(item), path.name, error=cause))
        out.extend(Source(os.fspath(p), p.relative_to(path).as_posix()) for p in found)
    return out


def _cause(e: Exception) -> str:
    """The message of ``e`` without the path the caller will print anyway."""
    text = str(e)
    if isinstance(e, InputError) and e.path and text.startswith(f"{e.path}: "):
        return text[len(e.path) + 2 :]
    return text


#: turns a parsed report (and its source) into what a caller keeps: JSON text, table rows
Render = Callable[[Source, Report], Any]


def parse_source(source: Source, options: dict[str, Any], render: Render | None = None) -> Outcome:
    """Parse one source, turning every failure into an :class:`Outcome` with a cause."""
    if source.error is not None:
        return Outcome(source, None, source.error)
    try:
        if source.data is not None:
            report = parse(source.data, **options)
            report.source = source.name
        else:
            report = parse_file(source.name, **options)
        warnings = tuple(d.message for d in report.diagnostics if d.code in WARN_CODES)
        if render is not None:
            return Outcome(source, None, None, render(source, report), warnings)
    except GovReportError as e:
        return Outcome(source, None, _cause(e))
    except Exception as e:  # a bug in govreport: report it, keep the batch going
        return Outcome(source, None, f"internal error {type(e).__name__}: {e} (please report this)")
    return Outcome(source, report, None, None, warnings)


#: diagnostics a batch shows the user as it goes: the input held no text
WARN_CODES = ("empty",)


def _worker_init() -> None:
    # Ctrl-C goes to the whole process group: the parent handles it, workers finish quietly
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _progress(total: int, progress: bool | None, stream: TextIO | None) -> Any:  # noqa: ANN401
    """A tqdm bar on ``stream`` when it is a terminal (or ``progress=True``), else ``None``."""
    if stream is None or progress is False:
        return None
    if progress is None:
        isatty = getattr(stream, "isatty", None)
        if not (callable(isatty) and isatty()):
            return None
    try:
        from tqdm import tqdm
    except ImportError:  # the bar is a nicety of the batch extra: say so when it was asked for
        if progress:
            stream.write("govreport: --progress needs tqdm (pip install tqdm); going on without a progress bar\n")
        return None
    return tqdm(total=total, file=stream, unit="file", leave=False)


def parse_many(
    inputs: Iterable[str | os.PathLike[str] | Source],
    jobs: int = 1,
    progress: bool | None = None,
    stream: TextIO | None = None,
    render: Render | None = None,
    **options: object,
) -> Generator[Outcome, None, None]:
    """Parse files and folders (see :func:`expand`) in ``jobs`` processes, yielding in input order.

    ``jobs=0`` uses every core. A progress bar goes to ``stream`` when it is a
    terminal, or always with ``progress=True`` (needs tqdm, in the ``batch`` extra).
    Options are checked before any work starts.

    ``render(source, report)``, if given, runs where the report was parsed and its
    result comes back as ``Outcome.rendered`` instead of the report: receiving a
    pickled report costs the caller about as much as parsing it, so a batch that
    only writes JSON or table rows should render in the workers. In a pool it must
    be picklable (a module-level function, or a ``functools.partial`` of one).
    """
    check_options(**options)  # an unknown option fails once, here, not once per file
    sources = expand(inputs)
    if jobs < 0:
        msg = f"jobs must be 0 (every core) or more, not {jobs}"
        raise InputError(msg)
    workers = min(jobs or os.cpu_count() or 1, max(1, len(sources)))
    bar = _progress(len(sources), progress, stream)
    pool = ProcessPoolExecutor(workers, initializer=_worker_init) if workers > 1 else None
    try:
        if pool is None:
            results: Iterator[Outcome] = (parse_source(s, dict(options), render) for s in sources)
        else:
            results = _bounded(pool, sources, options, render, IN_FLIGHT_PER_WORKER * workers)
        for outcome in results:
            if bar is not None:
                bar.update(1)
            yield outcome
    finally:
        if bar is not None:
            bar.close()
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)


#: how many inputs each worker may have queued or finished but unread: a slow reader then
#: holds a few results per worker, not every result of the batch (issue #21)
IN_FLIGHT_PER_WORKER = 4


def _bounded(
    pool: ProcessPoolExecutor, sources: Sequence[Source], options: dict[str, Any], render: Render | None, window: int
) -> Iterator[Outcome]:
    """``pool.map`` with at most ``window`` inputs submitted and not yet read, in input order.

    Which input is submitted next: the one to be read next if it is not yet, else the largest
    of the next ``window`` inputs not yet submitted. A big file late in the list then starts
    early, instead of last with the other workers idle until it ends (a folder sorted by name
    often ends with its biggest files); the reader still gets every result in input order and
    holds at most ``window`` of them (issue #20).
    """
    later = iter(range(len(sources)))  # inputs not looked at yet
    ahead: dict[int, int] = {}  # the next inputs not yet submitted (at most ``window``), by size
    futures: dict[int, Future[Outcome]] = {}

    def look_ahead() -> None:
        for i in islice(later, window - len(ahead)):
            ahead[i] = _size(sources[i])

    def submit(i: int) -> None:
        del ahead[i]
        futures[i] = pool.submit(parse_source, sources[i], dict(options), render)
        look_ahead()

    look_ahead()
    for i in range(len(sources)):
        if i not in futures:  # the slot freed by reading i - 1 goes to i (then the first in ``ahead``)
            submit(i)
        while ahead and len(futures) < window:
            submit(max(ahead, key=ahead.__getitem__))  # the first of equal sizes
        yield futures.pop(i).result()


def _size(source: Source) -> int:
    """How much there is to parse in ``source``: bytes on disk, or given; 0 when unknown."""
    if source.data is not None:
        return len(source.data)
    if source.error is not None:
        return 0
    try:
        return os.stat(source.name).st_size
    except (OSError, ValueError):  # missing: parse_source reports it
        return 0
