"""`python -m generator` is the same as `python build.py`."""
import sys

from generator.cli import main

sys.exit(main())
