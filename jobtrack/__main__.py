"""`python -m jobtrack` runs the same entry point as the console script."""

import sys

from jobtrack.cli import main

sys.exit(main())
