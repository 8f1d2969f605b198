"""Instructions of one warm parse pass over a corpus, counted by valgrind's callgrind.

Wall-clock timings on a shared machine swing by a third from run to run; the count of
instructions a pass executes does not depend on the load, so two commits compare by it.
The pass is measured as the difference of a run with two passes and a run with one, which
leaves out the interpreter's start, the imports and the first parse's compiling of rule
tables. A plain run first writes the bytecode caches: a module compiled during the one-pass run
only would take some 20M instructions off the difference. ``PYTHONHASHSEED`` is fixed.

    python tools/instructions.py synthetic-10k                   # this checkout
    python tools/instructions.py seeds --src ../old/src          # another commit's source tree

Corpora: ``seeds``, ``corpus`` (../shared/corpus/raw) and ``synthetic-SIZE`` in the benchmark's
sizes (10k, 100k, 1M, 10M), with ``-traditional`` for Traditional script. A pass over the 10k
synthetic report takes about a minute under callgrind.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: the child: parse the corpus ``passes`` times, the benchmark's own corpora and sizes
_CHILD = """
import sys
sys.path.insert(0, {root!r})
import govreport
from bench import synth
from bench.run import CORPUS_DIR, SEEDS, SIZES
which, passes = sys.argv[1], int(sys.argv[2])
if which in ("seeds", "corpus"):
    paths = SEEDS if which == "seeds" else sorted(CORPUS_DIR.glob("*.txt"))
    docs = [p.read_bytes() for p in paths]
else:
    size, _, script = which.removeprefix("synthetic-").partition("-")
    docs = [d.encode() for d in synth.corpus(SIZES[size], script=script or "simplified")]
for _ in range(passes):
    for d in docs:
        govreport.parse(d)
"""


def run(corpus: str, passes: int, src: Path, *, under: tuple[str, ...] = ()) -> str:
    """Run ``passes`` passes over ``corpus`` with govreport from ``src`` (``under`` a command such
    as valgrind, if given); return what the run wrote to standard error."""
    env = {**os.environ, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0"}
    child = [sys.executable, "-c", _CHILD.format(root=str(ROOT)), corpus, str(passes)]
    return subprocess.run([*under, *child], env=env, capture_output=True, text=True, check=True).stderr


def count(corpus: str, passes: int, src: Path) -> int:
    """Instructions callgrind counts for a run of ``passes`` passes over ``corpus``."""
    stderr = run(corpus, passes, src, under=("valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"))
    found = re.search(r"Collected : (\d+)", stderr)
    if found is None:
        msg = f"callgrind printed no count:\n{stderr[-2000:]}"
        raise RuntimeError(msg)
    return int(found.group(1))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("corpus", help="seeds, corpus, synthetic-10k, synthetic-100k-traditional, ...")
    p.add_argument("--src", type=Path, default=ROOT / "src", help="the source tree to import govreport from")
    args = p.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (Debian package valgrind)", file=sys.stderr)
        return 2
    run(args.corpus, 1, args.src)  # writes the bytecode caches
    one, two = count(args.corpus, 1, args.src), count(args.corpus, 2, args.src)
    print(f"{args.corpus}: {(two - one) / 1e6:.1f}M instructions per warm pass ({args.src})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
