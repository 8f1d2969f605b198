"""Measurements that need a fresh interpreter; prints one JSON object.

``python _child.py import``            seconds to ``import govreport``, and whether OpenCC got loaded
``python _child.py import-pydantic``   seconds to import pydantic's BaseModel alone (the floor under it)
``python _child.py first-parse``       seconds to import govreport and parse a short report: what a
                                       user waits for before the first result (``import govreport``
                                       alone loads nothing)
``python _child.py single PATH [--tracemalloc]``
                                       seconds to parse one file's bytes, RSS growth, and (optionally)
                                       the tracemalloc peak of a second parse
"""

from __future__ import annotations

import json
import resource
import sys
import time


def _rss_bytes() -> int:
    # ru_maxrss is in KiB on Linux (bytes on macOS)
    r = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return r if sys.platform == "darwin" else r * 1024


def main(argv: list[str]) -> dict[str, object]:
    if argv[0] == "import":
        t0 = time.perf_counter()
        import govreport

        dt = time.perf_counter() - t0
        return {"seconds": dt, "opencc_loaded": any(m.startswith("opencc") for m in sys.modules)}
    if argv[0] == "import-pydantic":  # the floor under ``import govreport``: its data model is pydantic's
        t0 = time.perf_counter()
        from pydantic import BaseModel, Field  # noqa: F401

        return {"seconds": time.perf_counter() - t0}
    if argv[0] == "first-parse":
        t0 = time.perf_counter()
        import govreport

        govreport.parse("一、2024年工作回顾\n全年新增就业4万人。\n二、2025年工作安排\n增长5%左右。")
        return {"seconds": time.perf_counter() - t0}
    if argv[0] == "single":
        with open(argv[1], "rb") as f:
            data = f.read()
        import govreport

        govreport.parse("一、2024年工作回顾\n全年新增就业4万人。\n二、2025年工作安排\n增长5%左右。")  # warm-up
        before = _rss_bytes()
        t0 = time.perf_counter()
        govreport.parse(data)
        dt = time.perf_counter() - t0
        out: dict[str, object] = {
            "seconds": dt,
            "chars": len(data.decode("utf-8")),
            "bytes": len(data),
            "rss_growth": max(_rss_bytes() - before, 0),  # 0 when import or warm-up set a higher mark
            "rss_peak": _rss_bytes(),
        }
        if "--tracemalloc" in argv:
            import gc
            import tracemalloc

            gc.collect()
            tracemalloc.start()
            govreport.parse(data)
            out["tracemalloc_peak"] = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        return out
    msg = f"unknown measurement {argv[0]!r}"
    raise SystemExit(msg)


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1:])))
