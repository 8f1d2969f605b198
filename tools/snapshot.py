"""Hash ``parse(...).model_dump_json()`` over every input we have, to prove a refactor changes no output.

    python tools/snapshot.py > /tmp/before.json      # on the old commit
    python tools/snapshot.py --diff /tmp/before.json # on the new one: lists inputs whose dump changed

Inputs: the seeds, the development corpus and series (when ``../shared`` is present), every
fixture block under ``tests/fixtures``, and synthetic reports from ``bench.synth`` (several
sizes, both scripts, hard-wrapped layout), each under the default options and with
``base_units=True``. Exit status 1 when ``--diff`` finds a difference.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import govreport  # noqa: E402
from bench import synth  # noqa: E402


def inputs() -> Iterator[tuple[str, bytes | str]]:
    """(name, input) for every document and fixture block."""
    shared = ROOT.parent / "shared"
    folders = [ROOT / "seeds", shared / "corpus" / "raw", shared / "corpus" / "series"]
    for folder in folders:
        for path in sorted(folder.glob("*.txt")) if folder.is_dir() else ():
            yield str(path.relative_to(folder.parent)), path.read_bytes()
    for path in sorted((ROOT / "tests" / "fixtures").rglob("*.txt")):
        for i, block in enumerate(path.read_text(encoding="utf-8").split("\n.\n")):
            yield f"{path.relative_to(ROOT)}#{i}", block
    for chars in (2_000, 20_000, 200_000):
        for script in ("simplified", "traditional"):
            for layout in (False, True):
                yield f"synth-{chars}-{script}-{layout}", synth.report(chars, script=script, seed=chars, layout=layout)


def snapshot() -> dict[str, str]:
    out: dict[str, str] = {}
    for name, data in inputs():
        for opts in ({}, {"base_units": True}):
            key = name + ("+base_units" if opts else "")
            try:
                dump = govreport.parse(data, **opts).model_dump_json()  # type: ignore[arg-type]
            except govreport.GovReportError as e:
                dump = f"error: {type(e).__name__}: {e}"
            out[key] = hashlib.sha256(dump.encode()).hexdigest()[:16]
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--diff", metavar="BEFORE.json", help="compare with an earlier snapshot")
    args = ap.parse_args()
    now = snapshot()
    if not args.diff:
        json.dump(now, sys.stdout, indent=0, ensure_ascii=False)
        return 0
    before = json.loads(Path(args.diff).read_text(encoding="utf-8"))
    changed = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    for k in changed:
        print(f"changed: {k}")
    print(f"{len(now)} dumps, {len(changed)} changed")
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
