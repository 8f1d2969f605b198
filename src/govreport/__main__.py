"""``python -m govreport``: the CLI. A Ctrl-C while it loads exits 130 quietly, as later."""

import sys

try:
    from govreport.io.cli import run
except KeyboardInterrupt:
    sys.stderr.write("govreport: interrupted\n")
    sys.exit(130)

run()
