#!/usr/bin/env python3
"""Entry point: `python build.py build [--site DIR] [--out DIR]` (see README)."""
import logging
import os
import sys

if __name__ == "__main__":
    try:
        from generator.cli import main
    except KeyboardInterrupt:  # Ctrl+C while the program loads (a second on a slow PC): no traceback
        os._exit(130)
    code = main()
    # Everything is written and published by now. Skip freeing the build's millions
    # of objects one by one (~0.1 s at 10,000 articles): the OS takes the memory back.
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
