"""``python -m bench``: how fast govreport is, by stage, against peers and a floor.

Prints a table and writes JSON to ``bench/results/`` (see docs/benchmark.md for
every field). Times are the best of ``--repeat`` runs; nothing here asserts an
absolute time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from . import peers, synth
from .stages import STAGES, timed_parse

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "results"
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
CORPUS_DIR = ROOT.parent / "shared" / "corpus" / "raw"
CHILD = Path(__file__).resolve().parent / "_child.py"

SIZES = {"10k": 10_000, "100k": 100_000, "1M": 1_000_000, "10M": 10_000_000}
SCRIPTS = ("simplified", "traditional")

#: the targets: name -> (what is compared, bound, "min" or "max"); #8's, then #20's
TARGETS: dict[str, tuple[str, float, str]] = {
    "parse_simplified_1M": ("parse() M chars/s, Simplified 1M corpus", 3.0, "min"),
    "report_20k_ms": ("ms per 20 000-char report (from the 1M rate)", 7.0, "max"),
    "parse_traditional_1M": ("parse() M chars/s, Traditional 1M corpus", 0.4, "min"),
    "outline_simplified_1M": ("outline stage M chars/s, Simplified 1M", 8.0, "min"),
    "linearity_10M_over_1M": ("time(10M doc) / time(1M doc)", 11.0, "max"),
    "memory_per_MB": ("tracemalloc peak MB per MB of UTF-8 input, worst single doc", 30.0, "max"),
    "import_ms": ("import govreport, ms", 150.0, "max"),
    "first_parse_ms": ("import govreport and parse a short text, ms", 400.0, "max"),
    "cli_seed_ms": ("python -m govreport on one seed, ms wall", 400.0, "max"),
    "parse_over_floor": ("parse() time / sentence-split floor time, Simplified 1M", 40.0, "max"),
    "parse_real": ("parse() M chars/s on real reports (development corpus)", 0.48, "min"),
    "json_mb_per_mb_real": ("JSON dump MB per MB of UTF-8 input, development corpus", 4.0, "max"),
    "json_mb_per_mb_synthetic": ("JSON dump MB per MB of UTF-8 input, Simplified 1M", 4.0, "max"),
    "jobs2_speedup": ("CLI --jobs 2 throughput over --jobs 1", 1.7, "min"),
}
#: the figures issue #20 started from, printed beside each measurement (None: not stated there)
ISSUE_20_START: dict[str, float] = {
    "import_ms": 320.0,
    "cli_seed_ms": 680.0,
    "memory_per_MB": 44.0,
    "parse_real": 0.48,
    "json_mb_per_mb_real": 9.0,
    "json_mb_per_mb_synthetic": 13.5,
    "jobs2_speedup": 1.0,
}


def _best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(max(repeat, 1)):
        gc.collect()
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def _rate(chars: int, seconds: float | None) -> float | None:
    return chars / seconds / 1e6 if seconds else None


def _child(*args: str, timeout: float = 3600) -> dict[str, Any]:
    # bytecode caches written and read, as on an installed package (some sandboxes switch writing off)
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = subprocess.run(
        [sys.executable, str(CHILD), *args], capture_output=True, text=True, timeout=timeout, check=True, env=env
    )
    return dict(json.loads(out.stdout))


# ---------------------------------------------------------------- measurements


def _density(govreport: Any, data: list[bytes], chars: int) -> dict[str, float]:
    """Sentences, cues and targets the output holds per 1000 characters: the items parse() builds a model for."""
    counts = dict.fromkeys(("sentences", "cues", "targets"), 0)
    for d in data:
        for p in govreport.parse(d).paragraphs():
            counts["sentences"] += len(p.sentences)
            counts["cues"] += sum(len(s.cues) for s in p.sentences)
            counts["targets"] += len(p.targets)
    return {k: v / chars * 1000 for k, v in counts.items()}


def measure_corpus(name: str, texts: list[str], repeat: int, use_peers: dict[str, peers.Splitter]) -> dict[str, Any]:
    """In-process parse() of every document, by stage, with the floor and the peers on the same texts."""
    import govreport

    data = [t.encode("utf-8") for t in texts]
    chars = sum(len(t) for t in texts)
    govreport.parse(data[0])  # warm-up: compiled patterns, lazy imports, the converter for Traditional text
    total = _best(lambda: [govreport.parse(d) for d in data], repeat)
    staged_total, stage_seconds, missing = timed_parse(data)
    floor_s = _best(lambda: peers.floor(texts), max(repeat, 3))
    row: dict[str, Any] = {
        "name": name,
        "docs": len(texts),
        "chars": chars,
        "seconds": total,
        "mchars_per_s": _rate(chars, total),
        "ms_per_20k_chars": total / chars * 20_000 * 1000,
        "stages": {
            s: {
                "seconds": stage_seconds[s],
                "share": stage_seconds[s] / staged_total if staged_total else None,
                "mchars_per_s": _rate(chars, stage_seconds[s]),
            }
            for s in STAGES
        },
        "stage_hooks_missing": missing,
        "per_1000_chars": _density(govreport, data, chars),
        "json_mb_per_mb": sum(len(govreport.parse(d).model_dump_json().encode()) for d in data) / sum(map(len, data)),
        "floor_seconds": floor_s,
        "floor_mchars_per_s": _rate(chars, floor_s),
        "parse_over_floor": total / floor_s if floor_s else None,
        "peers": {},
    }
    for pname, fn in use_peers.items():
        ps = _best(lambda fn=fn: fn(texts), repeat)  # type: ignore[misc]
        row["peers"][pname] = {
            "seconds": ps,
            "mchars_per_s": _rate(chars, ps),
            "over_floor": ps / floor_s if floor_s else None,
            "parse_over_peer": total / ps if ps else None,
        }
    return row


def measure_import(repeat: int) -> dict[str, Any]:
    _child("import")  # a first run compiles and caches the bytecode of modules changed since the last
    runs = [_child("import") for _ in range(repeat)]
    secs = [r["seconds"] for r in runs]
    floor = [_child("import-pydantic")["seconds"] for _ in range(repeat)]
    first = [_child("first-parse")["seconds"] for _ in range(repeat)]
    return {
        "ms_median": statistics.median(secs) * 1000,
        "first_parse_ms_median": statistics.median(first) * 1000,
        "ms_min": min(secs) * 1000,
        "pydantic_ms_median": statistics.median(floor) * 1000,
        "opencc_loaded": any(r["opencc_loaded"] for r in runs),
    }


def measure_cli_seed(seed: Path, repeat: int) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "govreport", str(seed), "--format", "json"]
    secs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        secs.append(time.perf_counter() - t0)
    start = [sys.executable, "-c", "pass"]
    t0 = time.perf_counter()
    subprocess.run(start, check=True)
    return {
        "seed": seed.name,
        "chars": len(seed.read_text(encoding="utf-8")),
        "ms_median": statistics.median(secs) * 1000,
        "ms_min": min(secs) * 1000,
        "python_startup_ms": (time.perf_counter() - t0) * 1000,
    }


def _cli_has_jobs() -> bool:
    out = subprocess.run([sys.executable, "-m", "govreport", "--help"], capture_output=True, text=True, check=False)
    return "--jobs" in out.stdout


def _halves(files: list[Path], n: int) -> list[list[Path]]:
    """Split files into ``n`` groups of about equal size (largest first, into the lightest group)."""
    groups: list[list[Path]] = [[] for _ in range(n)]
    load = [0] * n
    for f in sorted(files, key=lambda p: p.stat().st_size, reverse=True):
        i = load.index(min(load))
        groups[i].append(f)
        load[i] += f.stat().st_size
    return [g for g in groups if g]


def measure_cli_corpus(files: list[Path], workers: Sequence[int]) -> dict[str, Any]:
    """Wall time of the CLI over every file, with 1..n processes (``--jobs`` if the CLI has it)."""
    chars = sum(len(f.read_text(encoding="utf-8", errors="replace")) for f in files)
    jobs = _cli_has_jobs()
    out: dict[str, Any] = {"files": len(files), "chars": chars, "method": "--jobs" if jobs else "parallel processes"}
    base = [sys.executable, "-m", "govreport", "--format", "jsonl"]
    for n in workers:
        t0 = time.perf_counter()
        if jobs:
            subprocess.run([*base, "--jobs", str(n), *map(str, files)], stdout=subprocess.DEVNULL, check=True)
        else:
            procs = [subprocess.Popen([*base, *map(str, g)], stdout=subprocess.DEVNULL) for g in _halves(files, n)]
            codes = [p.wait() for p in procs]
            if any(codes):
                msg = f"the CLI failed on the corpus: exit codes {codes}"
                raise RuntimeError(msg)
        secs = time.perf_counter() - t0
        out[f"workers_{n}"] = {"seconds": secs, "mchars_per_s": _rate(chars, secs), "docs_per_s": len(files) / secs}
    if "workers_1" in out and "workers_2" in out:
        out["speedup_2_over_1"] = out["workers_1"]["seconds"] / out["workers_2"]["seconds"]
    return out


def measure_single(label: str, text: str, tmp: Path, memory: bool) -> dict[str, Any]:
    path = tmp / f"single-{label}.txt"
    path.write_text(text, encoding="utf-8")
    r = _child("single", str(path), *(["--tracemalloc"] if memory else []))
    mb = r["bytes"] / 1e6
    r["mchars_per_s"] = _rate(r["chars"], r["seconds"])
    r["rss_growth_mb_per_mb"] = r["rss_growth"] / 1e6 / mb
    if "tracemalloc_peak" in r:
        r["peak_mb_per_mb"] = r["tracemalloc_peak"] / 1e6 / mb
    path.unlink()
    return r


def profile(texts: list[str], dest: Path) -> str:
    """Profile parse() over ``texts`` with pyinstrument (cProfile if it is absent); returns the engine used."""
    import govreport

    data = [t.encode("utf-8") for t in texts]
    govreport.parse(data[0])
    try:
        from pyinstrument import Profiler
    except ImportError:
        import cProfile
        import io
        import pstats

        prof = cProfile.Profile()
        prof.enable()
        for d in data:
            govreport.parse(d)
        prof.disable()
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(60)
        dest.write_text(buf.getvalue(), encoding="utf-8")
        return "cProfile"
    p = Profiler(interval=0.0005)
    p.start()
    for d in data:
        govreport.parse(d)
    p.stop()
    dest.write_text(p.output_text(unicode=True, color=False, show_all=False), encoding="utf-8")
    return "pyinstrument"


# ---------------------------------------------------------------- report


def check_targets(res: dict[str, Any]) -> dict[str, Any]:
    """Each target with the measured value and whether it holds (``None``: not measured in this run)."""
    rows = {r["name"]: r for r in res["parse"]}
    simp = rows.get("synthetic-simplified-1M")
    trad = rows.get("synthetic-traditional-1M")
    single = res.get("single", {})
    value: dict[str, float | None] = {
        "parse_simplified_1M": simp and simp["mchars_per_s"],
        "report_20k_ms": simp and simp["ms_per_20k_chars"],
        "parse_traditional_1M": trad and trad["mchars_per_s"],
        "outline_simplified_1M": simp and simp["stages"]["outline"]["mchars_per_s"],
        "linearity_10M_over_1M": (
            single["10M"]["seconds"] / single["1M"]["seconds"] if "10M" in single and "1M" in single else None
        ),
        "memory_per_MB": max((s["peak_mb_per_mb"] for s in single.values() if "peak_mb_per_mb" in s), default=None),
        "import_ms": res.get("import", {}).get("ms_median"),
        "first_parse_ms": res.get("import", {}).get("first_parse_ms_median"),
        "parse_real": rows.get("shared-corpus", {}).get("mchars_per_s"),
        "json_mb_per_mb_real": rows.get("shared-corpus", {}).get("json_mb_per_mb"),
        "json_mb_per_mb_synthetic": simp and simp["json_mb_per_mb"],
        "jobs2_speedup": res.get("cli_corpus", {}).get("speedup_2_over_1"),
        "cli_seed_ms": res.get("cli_seed", {}).get("ms_median"),
        "parse_over_floor": simp and simp["parse_over_floor"],
    }
    out = {}
    for key, (what, bound, kind) in TARGETS.items():
        v = value[key]
        ok = None if v is None else (v >= bound if kind == "min" else v <= bound)
        out[key] = {
            "what": what,
            "target": bound,
            "kind": kind,
            "value": v,
            "met": ok,
            "start": ISSUE_20_START.get(key),
        }
    return out


def _f(v: float | None, digits: int = 2) -> str:
    return "-" if v is None else f"{v:.{digits}f}"


def render(res: dict[str, Any]) -> str:
    """The results as plain-text tables (markdown pipe tables, so they paste into notes)."""
    peer_names = list(peers.PEERS)
    head = ["corpus", "docs", "chars", "parse Mc/s", "ms/20k", "json MB/MB"]
    head += [f"{s} Mc/s" for s in STAGES]
    head += ["floor Mc/s", "parse/floor"] + [f"{p}/floor" for p in peer_names] + [f"parse/{p}" for p in peer_names]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in res["parse"]:
        cells = [r["name"], str(r["docs"]), str(r["chars"]), _f(r["mchars_per_s"], 3), _f(r["ms_per_20k_chars"], 1)]
        cells.append(_f(r.get("json_mb_per_mb"), 1))
        cells += [_f(r["stages"][s]["mchars_per_s"], 2) for s in STAGES]
        cells += [_f(r["floor_mchars_per_s"], 1), _f(r["parse_over_floor"], 1)]
        cells += [_f(r["peers"].get(p, {}).get("over_floor"), 1) for p in peer_names]
        cells += [_f(r["peers"].get(p, {}).get("parse_over_peer"), 2) for p in peer_names]
        lines.append("| " + " | ".join(cells) + " |")
    out = ["## parse() in process (Mc/s = million characters per second; ratios are time ratios)", *lines, ""]
    out += [
        "## what the output holds (models built per 1000 characters)",
        "| corpus | sentences | cues | targets |",
        "|---|---|---|---|",
    ]
    for r in res["parse"]:
        d = r.get("per_1000_chars") or {}
        out.append(
            f"| {r['name']} | {_f(d.get('sentences'), 1)} | {_f(d.get('cues'), 1)} | {_f(d.get('targets'), 1)} |"
        )
    out.append("")
    if res.get("peers_skipped"):
        out += [f"- peer {k} skipped: {v}" for k, v in res["peers_skipped"].items()] + [""]
    if res.get("single"):
        out += [
            "## one document per size (fresh process)",
            "| size | chars | seconds | Mc/s | peak MB/MB | process RSS peak MB |",
        ]
        out.append("|---|---|---|---|---|---|")
        for k, s in res["single"].items():
            out.append(
                f"| {k} | {s['chars']} | {_f(s['seconds'], 3)} | {_f(s['mchars_per_s'], 3)} | "
                f"{_f(s.get('peak_mb_per_mb'), 1)} | {_f(s['rss_peak'] / 1e6, 0)} |"
            )
        out.append("")
    if res.get("import"):
        i = res["import"]
        out.append(
            f"- import govreport: {_f(i['ms_median'], 0)} ms median; import and a first parse "
            f"{_f(i.get('first_parse_ms_median'), 0)} ms (OpenCC loaded on import: {i['opencc_loaded']}; "
            f"importing pydantic's BaseModel alone: {_f(i.get('pydantic_ms_median'), 0)} ms median)"
        )
    if res.get("cli_seed"):
        c = res["cli_seed"]
        out.append(
            f"- python -m govreport {c['seed']} ({c['chars']} chars): {_f(c['ms_median'], 0)} ms median wall "
            f"(bare python startup {_f(c['python_startup_ms'], 0)} ms)"
        )
    if res.get("cli_corpus"):
        c = res["cli_corpus"]
        parts = [
            f"{k.split('_')[1]} worker(s) {_f(v['mchars_per_s'], 3)} Mc/s, {_f(v['docs_per_s'], 1)} docs/s"
            for k, v in c.items()
            if k.startswith("workers_")
        ]
        sp = f", speedup {_f(c.get('speedup_2_over_1'), 2)}x" if "speedup_2_over_1" in c else ""
        out.append(f"- CLI over {c['files']} files ({c['chars']} chars, {c['method']}): " + "; ".join(parts) + sp)
    out += [
        "",
        "## targets (single core, Simplified unless said)",
        "| target | bound | at the start of #20 | measured | met |",
        "|---|---|---|---|---|",
    ]
    for t in res["targets"].values():
        sign = ">=" if t["kind"] == "min" else "<="
        met = "n/a" if t["met"] is None else ("yes" if t["met"] else "NO")
        out.append(f"| {t['what']} | {sign} {t['target']:g} | {_f(t.get('start'), 2)} | {_f(t['value'], 2)} | {met} |")
    return "\n".join(out)


def _environment() -> dict[str, Any]:
    import govreport

    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return {
        "when": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "govreport": govreport.__version__,
        "commit": commit.stdout.strip() or None,
    }


def get_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    p.add_argument(
        "--sizes", default="10k,100k,1M", help="synthetic corpus sizes (10k,100k,1M,10M); default 10k,100k,1M"
    )
    p.add_argument("--large", action="store_true", help="add the 10M size and the 10M single-document linearity run")
    p.add_argument("--quick", action="store_true", help="CI smoke: 10k only, one repeat, seeds only for the CLI")
    p.add_argument("--repeat", type=int, default=3, help="runs per timing, best kept (default 3; 1 for sizes >= 1M)")
    p.add_argument("--no-peers", action="store_true", help="skip langchain / unstructured")
    p.add_argument("--no-cli", action="store_true", help="skip import time and CLI measurements")
    p.add_argument("--no-single", action="store_true", help="skip the one-document linearity and memory runs")
    p.add_argument("--profile", action="store_true", help="also profile parse() on the 1M corpora (pyinstrument)")
    p.add_argument("--out", type=Path, default=None, help="JSON path (default bench/results/bench-<time>.json)")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = get_parser().parse_args(argv)
    sizes = ["10k"] if args.quick else [s.strip() for s in args.sizes.split(",") if s.strip()]
    if args.large and "10M" not in sizes:
        sizes.append("10M")
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        print(f"unknown size(s) {unknown}; choose from {list(SIZES)}", file=sys.stderr)
        return 2
    repeat = 1 if args.quick else max(args.repeat, 1)
    res: dict[str, Any] = {"environment": _environment(), "parse": [], "peers_skipped": {}}

    use_peers: dict[str, peers.Splitter] = {}
    if not args.no_peers:
        for name, factory in peers.PEERS.items():
            fn, note = factory()
            if fn is None:
                res["peers_skipped"][name] = note
            else:
                use_peers[name] = fn
        res["peers_used"] = {name: peers.PEERS[name].__doc__ for name in use_peers}

    real = [p.read_text(encoding="utf-8", errors="replace") for p in SEEDS]
    res["parse"].append(measure_corpus("seeds", real, repeat, use_peers))
    corpus_files = sorted(CORPUS_DIR.glob("*.txt")) if CORPUS_DIR.is_dir() and not args.quick else []
    if corpus_files:
        texts = [p.read_text(encoding="utf-8", errors="replace") for p in corpus_files]
        res["parse"].append(measure_corpus("shared-corpus", texts, repeat, use_peers))
    synthetic: dict[tuple[str, str], list[str]] = {}
    for size in sizes:
        for script in SCRIPTS:
            docs = synth.corpus(SIZES[size], script=script)
            synthetic[script, size] = docs
            r = 1 if SIZES[size] >= 1_000_000 else repeat
            res["parse"].append(measure_corpus(f"synthetic-{script}-{size}", docs, r, use_peers))
            print(f"measured synthetic-{script}-{size}", file=sys.stderr)

    with tempfile.TemporaryDirectory(prefix="govreport-bench-") as tmpname:
        tmp = Path(tmpname)
        if not args.no_single:
            # one document made of the whole corpus: linearity and memory per MB
            single_sizes = ["10k"] if args.quick else ["100k", "1M", *(["10M"] if "10M" in sizes else [])]
            res["single"] = {}
            for size in single_sizes:
                docs = synthetic.get(("simplified", size)) or synth.corpus(SIZES[size])
                res["single"][size] = measure_single(size, "".join(docs), tmp, memory=SIZES[size] <= 1_000_000)
                print(f"measured single document {size}", file=sys.stderr)
        if not args.no_cli:
            res["import"] = measure_import(repeat)
            if SEEDS:
                res["cli_seed"] = measure_cli_seed(max(SEEDS, key=lambda p: p.stat().st_size), repeat)
            files = list(SEEDS) + list(corpus_files)
            if not args.quick:
                cdir = tmp / "cli"
                cdir.mkdir()
                for i, doc in enumerate(synthetic.get(("simplified", "1M")) or synth.corpus(SIZES["1M"])):
                    f = cdir / f"synthetic-{i:03d}.txt"
                    f.write_text(doc, encoding="utf-8")
                    files.append(f)
            res["cli_corpus"] = measure_cli_corpus(files, (1, 2))
            print("measured CLI", file=sys.stderr)

    res["targets"] = check_targets(res)
    RESULTS.mkdir(exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    out = args.out or RESULTS / f"bench-{stamp}.json"
    if args.profile:
        res["profiles"] = {}
        for script in SCRIPTS:
            docs = synthetic.get((script, "1M")) or synth.corpus(SIZES["1M"], script=script)
            dest = out.with_name(f"profile-{script}-{stamp}.txt")
            res["profiles"][script] = {"engine": profile(docs, dest), "path": str(dest)}
            print(f"profile written to {dest}", file=sys.stderr)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")
    print(render(res))
    print(f"\nJSON written to {out}")
    return 0
