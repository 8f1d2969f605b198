"""The command line: inputs, formats, tables, workers, failures and exit statuses (issues #7 and #9)."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from govreport import Report
from govreport.io.cli import main
from govreport.io.records import columns

from .conftest import ROOT, SEEDS

REPORTS = {
    "a.txt": "一、2024年工作回顾\n全年新增城镇就业4.2万人。\n",
    "b.md": "二、2025年工作安排\n地区生产总值增长5%左右，粮食产量稳定在500万吨以上。\n",
    "sub/c.txt": "一、存在的问题\n民生领域还有不少短板。\n",
}


@pytest.fixture
def folder(tmp_path):
    base = tmp_path / "reports"
    for rel, text in REPORTS.items():
        path = base / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return base


def run(*argv, stdin=b""):
    out, err = io.StringIO(), io.StringIO()
    status = main([str(a) for a in argv], stdout=out, stderr=err, stdin=io.BytesIO(stdin))
    return status, out.getvalue(), err.getvalue()


# --- one file: what the scorer reads -------------------------------------------------------------------------


def test_one_file_prints_exactly_one_report_object(folder):
    status, out, err = run(folder / "a.txt", "--format", "json")
    assert (status, err) == (0, "")
    report = Report.model_validate_json(out)
    assert report.sections[0].title == "2024年工作回顾"
    assert json.loads(out)["sections"][0]["marker"] == "一、"


def test_stdin_is_read_with_a_dash():
    status, out, _ = run("-", "--format", "tree", stdin="一、工作回顾\n建成学校3所。".encode("gb18030"))
    assert status == 0
    assert "一、 工作回顾" in out


def test_schema_and_tree_and_markdown_still_work(folder):
    assert json.loads(run("--schema")[1])["title"] == "Report"
    assert "# " in run(folder / "a.txt", "--format", "markdown")[1]
    assert "2024年工作回顾" in run(folder / "a.txt", "--format", "tree")[1]


# --- several inputs ------------------------------------------------------------------------------------------


def test_folder_gives_one_json_array_in_sorted_input_order(folder):
    status, out, _ = run(folder)
    assert status == 0
    reports = [Report.model_validate(item) for item in json.loads(out)]
    assert [r.sections[0].title for r in reports] == ["2024年工作回顾", "2025年工作安排", "存在的问题"]
    assert [os.path.basename(r.source or "") for r in reports] == ["a.txt", "b.md", "c.txt"]


def test_json_lines_carry_their_source(folder):
    status, out, _ = run(folder, "--format", "jsonl")
    assert status == 0
    sources = [json.loads(line)["source"] for line in out.splitlines()]
    assert sources == [str(folder / "a.txt"), str(folder / "b.md"), str(folder / "sub" / "c.txt")]


def test_an_empty_json_array_when_every_input_fails(tmp_path):
    status, out, _ = run(tmp_path / "missing.txt", tmp_path / "gone.txt")
    assert (status, json.loads(out)) == (1, [])


def test_glob_changes_what_folders_yield(folder):
    _, out, _ = run(folder, "--glob", "*.md", "--format", "jsonl")
    assert len(out.splitlines()) == 1


def test_table_without_a_table_format_is_a_usage_error(folder):
    status, out, err = run(folder / "a.txt", "--table", "targets")
    assert (status, out) == (2, "")
    assert "--table" in err


def test_an_empty_file_is_a_warning_not_a_failure(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    status, _, err = run(empty, "--format", "jsonl")
    assert status == 0
    assert err.count("warning") == 1 and "empty.txt" in err


def test_year_and_jurisdiction_given_on_the_command_line(folder):
    status, out, _ = run(folder / "a.txt", "--year", "2025", "--jurisdiction", "某市")
    report = Report.model_validate_json(out)
    assert (status, report.year, report.year_source, report.jurisdiction) == (0, 2025, "caller", "某市")
    assert run(folder, "--year", "2025")[0] == 2


def test_workers_give_the_same_output_in_the_same_order(folder):
    inputs = [folder / "sub" / "c.txt", folder / "a.txt", folder / "b.md"]
    assert run(*inputs, "--jobs", "2") == run(*inputs)
    assert run(*inputs, "--jobs", "0")[1] == run(*inputs)[1]


def test_several_trees_are_headed_by_their_file(folder):
    _, out, _ = run(folder / "a.txt", folder / "b.md", "--format", "tree")
    assert out.count("==> ") == 2
    assert out.index("a.txt") < out.index("b.md")


def test_output_folder_gets_one_json_per_input(folder, tmp_path):
    dest = tmp_path / "out"
    status, out, _ = run(folder, folder / "a.txt", "--output", dest)
    assert (status, out) == (0, "")
    written = sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*.json"))
    # a.txt twice (from the folder and by name): the second does not overwrite the first
    assert written == ["a-2.json", "a.json", "b.json", "sub/c.json"]
    written_c = (dest / "sub" / "c.json").read_text(encoding="utf-8")
    assert Report.model_validate_json(written_c).sections
    assert written_c.startswith('{\n "title"')  # each file holds one document, indented as with one input


# --- tables --------------------------------------------------------------------------------------------------


def read_csv(text):
    assert text.startswith("\ufeff")  # UTF-8 with BOM: Excel reads Chinese correctly
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_csv_targets_table_names_documents(folder):
    status, out, _ = run(folder, "--format", "csv", "--table", "targets")
    assert status == 0
    rows = read_csv(out)
    assert list(rows[0]) == list(columns("targets"))
    goal = next(r for r in rows if r["indicator"] == "地区生产总值")
    assert (goal["value"], goal["unit"], goal["qualifier"]) == ("5.0", "%", "左右")
    assert goal["document"] == str(folder / "b.md")


def test_csv_main_targets_table_and_base_units(folder, tmp_path):
    (folder / "d.txt").write_text(
        "二、2025年工作安排\n主要预期目标是：城镇新增就业4万人，粮食产量50亿斤以上。\n", encoding="utf-8"
    )
    status, out, _ = run(folder, "--format", "csv", "--table", "main-targets", "--base-units")
    assert status == 0
    rows = read_csv(out)
    assert list(rows[0]) == list(columns("main-targets"))
    assert [(r["canonical"], r["value"], r["unit"], r["main"]) for r in rows] == [
        ("new_urban_jobs", "40000.0", "人", "1"),
        ("grain_output", "5000000000.0", "斤", "1"),
    ]
    plain = read_csv(run(folder, "--format", "csv", "--table", "main-targets")[1])
    assert [(r["value"], r["unit"]) for r in plain] == [("4.0", "万人"), ("50.0", "亿斤")]  # without: as written


@pytest.mark.parametrize("table", ["sections", "sentences"])
def test_csv_other_tables_have_their_columns(folder, table):
    rows = read_csv(run(folder, "--format", "csv", "--table", table)[1])
    assert rows and list(rows[0]) == list(columns(table))


def test_csv_to_output_folder_writes_utf8_with_bom(folder, tmp_path):
    status, _, _ = run(folder, "--format", "csv", "--output", tmp_path / "t")
    assert status == 0
    raw = (tmp_path / "t" / "sections.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert "2024年工作回顾" in raw.decode("utf-8-sig")


def test_parquet_table(folder, tmp_path):
    pd = pytest.importorskip("pandas")
    pytest.importorskip("pyarrow")
    status, _, _ = run(folder, "--format", "parquet", "--table", "sentences", "-o", tmp_path / "pq")
    assert status == 0
    df = pd.read_parquet(tmp_path / "pq" / "sentences.parquet")
    assert list(df.columns) == list(columns("sentences"))
    assert len(df) == 3


def test_parquet_needs_an_output_folder(folder):
    status, out, err = run(folder, "--format", "parquet")
    assert (status, out) == (2, "")
    assert "--output" in err


def test_seeds_targets_as_csv():
    # the issue's own example: python -m govreport seeds/ --format csv --table targets
    if not SEEDS:
        pytest.skip("no seeds")
    status, out, err = run(ROOT / "seeds", "--format", "csv", "--table", "targets")
    assert (status, err) == (0, "")
    rows = read_csv(out)
    assert {r["document"] for r in rows} <= {str(p) for p in SEEDS}
    assert any(r["role"] == "target" for r in rows)


# --- failures: one line each, others still processed, exit 1 -------------------------------------------------


def test_failures_are_one_line_each_and_the_rest_is_processed(folder, tmp_path):
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    missing = tmp_path / "missing.txt"
    status, out, err = run(missing, folder / "a.txt", tmp_path / "binary.txt", "--format", "jsonl")
    assert status == 1
    assert len(out.splitlines()) == 1
    lines = err.splitlines()
    assert len(lines) == 2
    assert lines[0] == f"govreport: {missing}: no such file"
    assert str(tmp_path / "binary.txt") in lines[1] and "decode" in lines[1]
    assert "Traceback" not in err


def test_folder_without_recursion_is_an_error(folder):
    status, out, err = run(folder, "--no-recursive")
    assert (status, out) == (1, "")
    assert err.startswith(f"govreport: {folder}: ") and "directory" in err


def test_unreadable_file_is_reported(folder, monkeypatch):
    from pathlib import Path

    real = Path.read_bytes

    def read_bytes(self):
        if self.name == "a.txt":  # as for a file without read permission (root reads those anyway)
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    status, out, err = run(folder / "a.txt", folder / "b.md", "--format", "jsonl")
    assert status == 1 and len(out.splitlines()) == 1
    assert err == f"govreport: {folder / 'a.txt'}: cannot read: Permission denied\n"


def test_version_and_help_go_to_stdout():
    status, out, _ = run("--version")
    assert status == 0 and out.startswith("govreport ")
    status, out, _ = run("--help")
    assert status == 0 and "--jobs" in out


def test_failures_in_tables_leave_the_table_intact(folder, tmp_path):
    status, out, err = run(tmp_path / "missing.txt", folder / "b.md", "--format", "csv", "--table", "targets")
    assert status == 1 and "missing.txt" in err
    assert {r["document"] for r in read_csv(out)} == {str(folder / "b.md")}


@pytest.mark.parametrize(
    "argv",
    [[], ["--format", "xml", "a.txt"], ["--jobs", "-1", "a.txt"], ["--jobs", "many", "a.txt"], ["--table", "x", "a"]],
)
def test_bad_usage_exits_2(argv):
    status, out, err = run(*argv)
    assert (status, out) == (2, "")
    assert "usage" in err


def test_interrupt_exits_130_without_traceback(folder, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("govreport.io.batch.parse_file", interrupted)
    status, _, err = run(folder / "a.txt")
    assert (status, err) == (130, "govreport: interrupted\n")


def test_internal_error_is_reported_not_raised(folder, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("govreport.io.batch.parse_file", broken)
    status, _, err = run(folder / "a.txt", "--format", "jsonl")
    assert status == 1 and "internal error RuntimeError: boom" in err


# --- real processes: signals and pipes -----------------------------------------------------------------------


def python_m(*args, **kwargs):
    return subprocess.Popen(
        [sys.executable, "-m", "govreport", *map(str, args)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **kwargs,
    )


@pytest.fixture
def many(folder):
    """Enough reports that a run lasts long enough to be interrupted."""
    text = "".join(f"（{i}）第{i}项工作\n推进项目建设，新增就业{i}万人。\n" for i in range(1, 40))
    for i in range(400):
        (folder / f"many{i:03}.txt").write_text("一、工作回顾\n" + text, encoding="utf-8")
    return folder


def test_ctrl_c_in_a_real_process_exits_130_quietly(many):
    proc = python_m(many, "--jobs", "2", "--format", "jsonl", start_new_session=True)
    assert proc.stdout is not None
    proc.stdout.readline()  # parsing is under way
    os.killpg(proc.pid, signal.SIGINT)  # as a terminal does: the whole process group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err.decode() == "govreport: interrupted\n"


def test_closed_pipe_exits_quietly(many):
    proc = python_m(many, "--jobs", "2", "--format", "csv", "--table", "sentences")
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # the reader goes away, as with | head
    started = time.monotonic()
    err = proc.stderr.read()
    proc.wait(timeout=60)
    assert time.monotonic() - started < 30
    assert proc.returncode == 0
    assert err == b""


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_terminal_gets_a_summary_line_after_several_files(folder, tmp_path):
    err = FakeTerminal()
    main(
        [str(folder), str(tmp_path / "missing.txt"), "--no-progress", "--format", "jsonl"],
        stdout=io.StringIO(),
        stderr=err,
    )
    assert err.getvalue().splitlines()[-1] == "3 parsed, 1 failed"


def test_progress_bar_only_when_stderr_is_a_terminal(folder):
    pytest.importorskip("tqdm")
    for err, argv, shown in [
        (FakeTerminal(), [], True),
        (io.StringIO(), [], False),
        (FakeTerminal(), ["--no-progress"], False),
        (io.StringIO(), ["--progress"], True),
    ]:
        status = main([str(folder), "--format", "csv", *argv], stdout=io.StringIO(), stderr=err)
        assert status == 0
        assert ("/3" in err.getvalue()) is shown, (argv, err.getvalue())


def test_ctrl_c_while_serialising_is_held_until_the_report_is_written():
    # pydantic's serializer would turn a KeyboardInterrupt raised inside it into a serialisation error
    from govreport import parse
    from govreport.io.cli import held_interrupts

    report = parse("一、2024年工作回顾\n全年新增就业4万人。")
    reached = False
    with pytest.raises(KeyboardInterrupt), held_interrupts():
        signal.raise_signal(signal.SIGINT)
        report.model_dump_json()
        reached = True  # the signal did not stop the serialisation
    assert reached
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


# --- write errors and inputs that are not files (#21) ------------------------------------------------------


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_full_standard_output_is_one_line_not_a_traceback(folder):
    with open("/dev/full", "w") as full:
        proc = subprocess.run(
            [sys.executable, "-m", "govreport", str(folder / "a.txt"), "--format", "json"],
            stdout=full, stderr=subprocess.PIPE, text=True, cwd=ROOT, check=False,
        )  # fmt: skip
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == ["govreport: cannot write standard output: No space left on device"]


def test_unwritable_output_folder_is_one_line_and_leaves_no_partial_file(folder, monkeypatch):
    out_dir = folder.parent / "out"
    out_dir.mkdir()

    def refuse(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("govreport.io.cli.os.replace", refuse)  # the write fails at the last step
    for fmt in ("csv", "json"):
        status, _, err = run(folder / "a.txt", "--format", fmt, "-o", out_dir)
        assert status == 1
        assert err.count("\n") == 1 and "cannot write: No space left on device" in err
        assert list(out_dir.rglob("*")) == []  # neither the file nor its temporary is left


def test_output_files_replace_whole_files_with_the_usual_mode(folder):
    out_dir = folder.parent / "out"
    status, _, _ = run(folder / "a.txt", "--format", "csv", "-o", out_dir)
    assert status == 0
    (made,) = out_dir.iterdir()
    assert made.name == "sections.csv" and (made.stat().st_mode & 0o777) == (0o666 & ~_umask())


def _umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_dangling_and_looping_links_in_a_folder_are_reported(folder):
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    status, _, err = run(folder, "--format", "csv")
    assert status == 1
    assert sorted(line.split(": ", 2)[1].rsplit("/", 1)[-1] for line in err.splitlines()) == ["gone.txt", "loop.txt"]
    assert "broken symbolic link" in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_refused_not_read_forever(folder):
    fifo = folder / "pipe.txt"
    os.mkfifo(fifo)
    status, _, err = run(fifo, "--format", "tree")
    assert status == 1 and err.count("\n") == 1 and "is not a regular file" in err


def test_import_govreport_loads_no_stage():
    code = "import sys, govreport; print(sorted(m for m in sys.modules if m.startswith('govreport.')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_ctrl_c_while_the_cli_loads_exits_130_quietly():
    # the interrupt lands inside the import of the CLI (as a Ctrl-C in the first ~0.3 s does)
    code = (
        "import builtins, runpy\n"
        "real = builtins.__import__\n"
        "def imp(name, *a, **k):\n"
        "    if name == 'govreport.io.cli':\n"
        "        raise KeyboardInterrupt\n"
        "    return real(name, *a, **k)\n"
        "builtins.__import__ = imp\n"
        "runpy.run_module('govreport', run_name='__main__')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (proc.returncode, proc.stderr) == (130, "govreport: interrupted\n")


def _peak_rss_kb(folder, fmt):
    """Peak RSS (KiB) of one CLI run over ``folder``, its output thrown away."""
    code = (
        "import resource, runpy, sys\n"
        f"sys.argv = ['govreport', {str(folder)!r}, '--format', {fmt!r}]\n"
        "try:\n"
        "    runpy.run_module('govreport', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stderr.write(str(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(proc.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_a_folder_streams_in_memory_bounded_by_the_workers_not_the_corpus(tmp_path, fmt):
    """#20: 500 files take no more memory than 50: each report is written as it finishes."""
    text = "一、2024年工作回顾\n" + "全年新增城镇就业4.2万人，地区生产总值增长5%左右。\n" * 40
    sizes = {}
    for n in (50, 500):
        folder = tmp_path / str(n)
        folder.mkdir()
        for i in range(n):
            (folder / f"{i:04d}.txt").write_text(text, encoding="utf-8")
        sizes[n] = _peak_rss_kb(folder, fmt)
    # holding 500 reports would add some 100 MB; streaming keeps the peak within noise
    assert sizes[500] < sizes[50] + 20_000, sizes


def test_progress_without_tqdm_says_so_once(folder, hide_module):
    hide_module("tqdm")
    status, _, err = run(folder, "--progress", "--format", "jsonl")
    assert status == 0
    assert err.count("needs tqdm") == 1
