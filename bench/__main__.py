"""``python -m bench``: see docs/benchmark.md."""

import sys

from .run import main

sys.exit(main())
