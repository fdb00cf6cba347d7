"""``python -m retailerp`` is the ``retailerp`` command."""

import sys

from retailerp.cli import main

sys.exit(main())
