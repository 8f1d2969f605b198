"""Coverage-guided fuzz target for ``govreport.parse`` (issue #7).

Run (not part of CI; atheris is on PyPI)::

    pip install atheris
    python fuzz/fuzz_parse.py -max_total_time=300 -artifact_prefix=fuzz/crashes/

The input bytes are parsed twice: as bytes (exercising decoding) and, decoded
leniently, as a str. Anything but a ``GovReportError`` escaping, or a broken span
contract, is a crash. Save every crash found as a regression fixture with
``python fuzz/fuzz_parse.py --save CRASH_FILE``: it is copied to
``tests/fixtures/fuzz/``, where ``tests/test_fuzz_regressions.py`` replays it.
"""

from __future__ import annotations

import contextlib
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from contract import check_report  # noqa: E402

import govreport  # noqa: E402


def one_input(data: bytes) -> None:
    """The fuzz target: no exception but GovReportError, and the span contract holds."""
    with contextlib.suppress(govreport.GovReportError):
        govreport.parse(data)
    text = data.decode("utf-8", errors="surrogateescape")
    try:
        report = govreport.parse(text)
    except govreport.GovReportError:
        return
    check_report(text, report)


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--save":
        src = Path(sys.argv[2])
        dest = ROOT / "tests" / "fixtures" / "fuzz" / src.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)
        print(f"saved {dest}")
        return
    import atheris

    atheris.instrument_all()  # coverage of govreport (imported above) guides the mutations
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
