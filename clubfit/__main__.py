"""``python -m clubfit``: the same as the ``clubfit`` command."""
import sys

from clubfit.cli import main

sys.exit(main())
