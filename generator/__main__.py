"""`python -m generator` runs the same CLI as `apigen`."""

import sys

from generator.cli import main

sys.exit(main())
