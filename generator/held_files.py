"""Windows: a file or folder another process holds open cannot be replaced or renamed.

An antivirus scanning what was just written, the preview's server sending that page, an
Explorer window on the folder: the PermissionError passes within moments there, so each
rename and removal of a published file (output.py) and each rename in the build cache
(cache.py) is tried again for ~1.5 s before it fails.
Elsewhere an open file never stands in the way, and nothing is tried twice.
"""
from __future__ import annotations

import os
import time

LOCKS_PASS = os.name == "nt"
LOCK_PAUSES = (0.05, 0.1, 0.2, 0.4, 0.8)


def patiently(action, *args, **options):
    """`action(*args)` (os.replace, os.rename, Path.unlink), tried again while a PermissionError lasts."""
    for pause in LOCK_PAUSES if LOCKS_PASS else ():
        try:
            return action(*args, **options)
        except PermissionError:
            time.sleep(pause)
    return action(*args, **options)
