"""Instructions of one warm parse pass over a corpus, counted by valgrind's callgrind.

Wall-clock timings on a shared machine swing by a third from run to run; the count of
instructions a pass executes does not depend on the load, so two commits compare by it.
The pass is measured as the difference of a run with two passes and a run with one, which
leaves out the interpreter's start, the imports and the first parse's compiling of rule
tables. A plain run first writes the bytecode caches: a module compiled during the one-pass run
only would take some 20M instructions off the difference. ``PYTHONHASHSEED`` is fixed.

    python tools/instructions.py synthetic-10k                   # this checkout
    python tools/instructions.py seeds --src ../old/src          # another commit's source tree

Corpora: ``seeds``, ``corpus`` (../shared/corpus/raw), ``synthetic-10k`` (or any size, and
``-traditional``). A pass over the 10k synthetic report takes about a minute under callgrind.
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

#: the child: parse the corpus ``passes`` times (run under callgrind)
_CHILD = """
import sys
from pathlib import Path
sys.path.insert(0, {root!r})
import govreport
from bench import synth
which, passes = sys.argv[1], int(sys.argv[2])
if which in ("seeds", "corpus"):
    folder = Path({root!r}) / "seeds" if which == "seeds" else Path({root!r}).parent / "shared" / "corpus" / "raw"
    docs = [p.read_bytes() for p in sorted(folder.glob("*.txt"))]
else:
    size, _, script = which.removeprefix("synthetic-").partition("-")
    n = int(float(size.rstrip("kM")) * (1000 if size.endswith("k") else 1_000_000 if size.endswith("M") else 1))
    docs = [d.encode() for d in synth.corpus(n, script=script or "simplified")]
for _ in range(passes):
    for d in docs:
        govreport.parse(d)
"""


def count(corpus: str, passes: int, src: Path, *, under: tuple[str, ...] = ()) -> int:
    """Instructions callgrind counts for a run of ``passes`` passes over ``corpus`` (``under`` it)."""
    env = {**os.environ, "PYTHONPATH": str(src), "PYTHONHASHSEED": "0"}
    run = subprocess.run(
        [
            *under,
            sys.executable,
            "-c",
            _CHILD.format(root=str(ROOT)),
            corpus,
            str(passes),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    if not under:
        return 0
    found = re.search(r"Collected : (\d+)", run.stderr)
    if found is None:
        msg = f"callgrind printed no count:\n{run.stderr[-2000:]}"
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
    count(args.corpus, 1, args.src)  # writes the bytecode caches
    callgrind = ("valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null")
    one, two = count(args.corpus, 1, args.src, under=callgrind), count(args.corpus, 2, args.src, under=callgrind)
    print(f"{args.corpus}: {(two - one) / 1e6:.1f}M instructions per warm pass ({args.src})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
