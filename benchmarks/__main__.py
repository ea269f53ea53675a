"""``python -m benchmarks``: see ``python -m benchmarks --help``."""

import sys

from benchmarks.runner import main

sys.exit(main())
