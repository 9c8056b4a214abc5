"""How a long build shows it is alive: a bar on a terminal, plain lines in CI.

Owns only the drawing. The pipeline calls a `Progress` with (stage, done,
total); on a TTY we redraw one line in place, elsewhere (a pipe, a log
file, or CI=true) we print a plain line at each tenth so logs stay short
and readable. Writes to the stream it is given; knows nothing of pages.
"""
from __future__ import annotations

import os
from typing import TextIO

from generator import messages

BAR_WIDTH = 30
MIN_TOTAL = 50  # smaller builds finish before a bar would help


def wants_bar(stream: TextIO, environ=os.environ) -> bool:
    ci = environ.get("CI", "").strip().lower() in ("1", "true", "yes")
    return not ci and hasattr(stream, "isatty") and stream.isatty()


class Progress:
    def __init__(self, stream: TextIO, lang: str, bar: bool):
        self.stream, self.lang, self.bar = stream, lang, bar
        self.last_step = self.last_percent = -1
        self.drawn = False

    def __call__(self, stage: str, done: int, total: int) -> None:
        if total < MIN_TOTAL or stage not in messages.STAGES:  # (photos: serve says they are being prepared)
            return
        step = done * 10 // total
        stage = messages.STAGES.get(stage, {}).get(self.lang, stage)
        if self.bar:
            percent = done * 100 // total
            if percent == self.last_percent and done != total:
                return  # a redraw per percent is smooth enough; 10,000 writes are not
            self.last_percent = percent
            filled = done * BAR_WIDTH // total
            label = messages.text("progress", self.lang, stage=stage, done=done, total=total)
            self.stream.write(f"\r[{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {label}")
            self.drawn = True
            if done == total:
                self.finish()
        elif step != self.last_step:
            self.stream.write(messages.text("progress", self.lang, stage=stage, done=done, total=total) + "\n")
        self.last_step = step
        self.stream.flush()

    def finish(self) -> None:
        """End the bar's line so the summary starts on a fresh one."""
        if self.drawn:
            self.stream.write("\n")
            self.drawn = False
