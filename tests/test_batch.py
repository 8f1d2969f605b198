"""Batch parsing: folder expansion, worker processes, input order, failures, progress bar (issue #9)."""

from __future__ import annotations

import io
import os
import pty
import select

import pytest

import govreport
from govreport.io.batch import Source, expand, parse_many

REPORTS = {
    "a.txt": "一、2024年工作回顾\n全年新增就业4万人。\n",
    "b.md": "二、2025年工作安排\n地区生产总值增长5%左右。\n",
    "sub/c.txt": "一、存在的问题\n民生领域还有不少短板。\n",
    "sub/skip.json": "{}",
}


@pytest.fixture
def folder(tmp_path):
    for rel, text in REPORTS.items():
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_expand_searches_folders_recursively_in_sorted_order(folder):
    assert [s.rel for s in expand([folder])] == ["a.txt", "b.md", "sub/c.txt"]


def test_expand_takes_other_patterns(folder):
    assert [s.rel for s in expand([folder], patterns=["*.json"])] == ["sub/skip.json"]


def test_expand_keeps_named_files_whatever_their_name(folder):
    named = folder / "sub" / "skip.json"
    assert [s.name for s in expand([named, folder / "missing.txt"])] == [str(named), str(folder / "missing.txt")]


def test_expand_reports_a_folder_without_matches(folder):
    (sources,) = expand([folder / "sub"], patterns=["*.doc"])
    assert sources.error and "*.doc" in sources.error


def test_expand_without_recursion_keeps_the_folder_so_it_fails(folder):
    (outcome,) = parse_many(expand([folder], recursive=False))
    assert outcome.report is None
    assert "directory" in (outcome.error or "")


def test_failures_are_outcomes_and_the_batch_goes_on(folder):
    (folder / "bad.txt").write_bytes(bytes(range(256)) * 4)  # binary, not text
    outcomes = list(parse_many([folder / "missing.txt", folder / "bad.txt", folder / "a.txt"]))
    assert [o.report is None for o in outcomes] == [True, True, False]
    assert outcomes[0].error == "no such file"  # the path is the caller's to print, not repeated
    assert "decode" in (outcomes[1].error or "")


def test_source_with_data_parses_the_bytes():
    (o,) = parse_many([Source("-", "stdin", data="一、工作回顾\n建成学校3所。".encode("gb18030"))])
    assert o.report is not None and o.report.encoding is not None
    assert o.report.sections[0].title == "工作回顾"


def test_unknown_option_fails_before_any_work(folder):
    with pytest.raises(govreport.ConfigError):
        next(parse_many([folder], fold_widht=False))


def test_negative_jobs_is_an_input_error(folder):
    with pytest.raises(govreport.InputError):
        next(parse_many([folder], jobs=-1))


def test_workers_give_the_same_reports_in_input_order(folder):
    inputs = [folder / "sub" / "c.txt", folder / "missing.txt", folder / "a.txt", folder / "b.md"]
    serial = list(parse_many(inputs, jobs=1))
    parallel = list(parse_many(inputs, jobs=2))
    assert [o.source.name for o in parallel] == [str(p) for p in inputs]
    assert [o.report for o in parallel] == [o.report for o in serial]
    assert [o.error for o in parallel] == [o.error for o in serial]


def _titles(source, report):
    return source.rel, [s.title for s in report.sections]


def test_render_runs_in_the_workers_and_replaces_the_report(folder):
    inputs = [folder / "sub" / "c.txt", folder / "missing.txt", folder / "a.txt"]
    plain = list(parse_many(inputs, jobs=1))
    for jobs in (1, 2):
        rendered = list(parse_many(inputs, jobs=jobs, render=_titles))
        assert [o.error for o in rendered] == [o.error for o in plain]  # failures come back as before
        assert [o.report for o in rendered] == [None, None, None]
        assert [o.rendered for o in rendered] == [
            None if o.report is None else _titles(o.source, o.report) for o in plain
        ]


def test_options_reach_the_workers(folder):
    path = folder / "wide.txt"
    path.write_text("一、工作回顾\n收入增长５％。", encoding="utf-8")
    (o,) = parse_many([path], jobs=2, fold_width=False)
    assert o.report is not None and "５％" in o.report.paragraphs()[0].text


# --- progress bar: only on a terminal ------------------------------------------------------------------------


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal_stream(folder):
    pytest.importorskip("tqdm")
    stream = FakeTerminal()
    assert len(list(parse_many([folder], stream=stream))) == 3
    assert "0/3" in stream.getvalue()


def test_no_progress_bar_when_the_stream_is_not_a_terminal(folder):
    stream = io.StringIO()
    list(parse_many([folder], stream=stream))
    assert stream.getvalue() == ""


def test_progress_can_be_forced_either_way(folder):
    pytest.importorskip("tqdm")
    forced = io.StringIO()
    list(parse_many([folder], stream=forced, progress=True))
    assert "0/3" in forced.getvalue()
    quiet = FakeTerminal()
    list(parse_many([folder], stream=quiet, progress=False))
    assert quiet.getvalue() == ""


def test_progress_bar_on_a_pseudo_terminal(folder):
    pytest.importorskip("tqdm")
    leader, follower = pty.openpty()
    try:
        with open(follower, "w", encoding="utf-8", closefd=False) as stream:
            assert stream.isatty()
            list(parse_many([folder], stream=stream))
        ready, _, _ = select.select([leader], [], [], 5)  # never block the suite on an empty terminal
        shown = os.read(leader, 65536).decode("utf-8", "replace") if ready else ""
    finally:
        os.close(leader)
        os.close(follower)
    assert "0/3" in shown


def _log_parse(log, source, report):
    """A render that notes, in a file every worker appends to, that one more input was parsed."""
    with open(log, "a", encoding="utf-8") as fh:
        fh.write(source.name + "\n")
    return None


def test_a_slow_reader_holds_few_results_not_the_batch(tmp_path):
    """#21 item 10: with the reader stopped after one result, the workers parse a few inputs
    ahead (IN_FLIGHT_PER_WORKER each), not the whole batch as pool.map did."""
    import time
    from functools import partial

    from govreport.io.batch import IN_FLIGHT_PER_WORKER

    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(60):
        (folder / f"{i:02d}.txt").write_text("一、工作回顾\n全年新增就业4万人。\n", encoding="utf-8")
    log = tmp_path / "parsed.log"
    outcomes = parse_many([folder], jobs=2, render=partial(_log_parse, str(log)))
    next(outcomes)
    time.sleep(3)  # the reader is slow: the workers have had time to run ahead
    parsed = len(log.read_text(encoding="utf-8").splitlines())
    outcomes.close()
    assert parsed <= 2 * IN_FLIGHT_PER_WORKER + 2, parsed


class _RecordingPool:
    """A stand-in for the process pool: runs each input when it is submitted, noting the order."""

    def __init__(self) -> None:
        self.submitted: list[str] = []
        self.unread = 0
        self.most_unread = 0

    def submit(self, fn, source, *args):
        from concurrent.futures import Future

        self.submitted.append(source.name)
        self.unread += 1
        self.most_unread = max(self.most_unread, self.unread)
        f: Future = Future()
        f.set_result(fn(source, *args))
        return f


@pytest.mark.parametrize("window", [1, 2, 3, 8])
def test_big_inputs_are_submitted_early_and_read_in_input_order(window):
    """#20: among the next inputs not yet submitted the largest goes first, so a big file at the
    end of a folder does not start last; results still come in input order, at most ``window``
    of them unread (#21)."""
    from govreport.io.batch import _bounded

    sizes = [1, 2, 1, 1, 9, 1, 3, 1, 1, 8, 1]
    body = "一、工作回顾\n" + "全年新增就业4万人。"
    sources = [Source(f"in{i}", f"in{i}", data=(body * n).encode()) for i, n in enumerate(sizes)]
    pool = _RecordingPool()
    read = []
    for outcome in _bounded(pool, sources, {}, None, window):  # type: ignore[arg-type]
        read.append(outcome.source.name)
        pool.unread -= 1
    assert read == [s.name for s in sources]
    assert sorted(pool.submitted) == sorted(read) and pool.most_unread <= window
    if window >= 3:  # the biggest of the first three inputs not yet submitted goes before the rest
        assert pool.submitted.index("in4") < pool.submitted.index("in3")
        assert pool.submitted.index("in9") < pool.submitted.index("in8")
    if window == 1:
        assert pool.submitted == read
