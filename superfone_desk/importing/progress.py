"""Progress on stderr for the import command: a bar in a terminal, plain lines otherwise
(a log file or CI should get a few readable lines, not carriage returns)."""

from __future__ import annotations

import time
from typing import TextIO

_BAR_WIDTH = 30


class ProgressReport:
    """``update(phase, done, total)``; ``done()`` ends the current line."""

    def __init__(self, stream: TextIO, *, clock: object = time.monotonic) -> None:
        self._stream = stream
        self._tty = bool(getattr(stream, "isatty", lambda: False)())
        self._clock = clock
        self._phase = ""
        # Unknown totals (reading) get a line after 5 s, not a "0" at once.
        self._last_line = clock()  # type: ignore[operator]
        self._last_step = -1

    def update(self, phase: str, done: int, total: int | None) -> None:
        now = self._clock()  # type: ignore[operator]
        if phase != self._phase:
            self.finish()
            self._phase, self._last_step = phase, -1
        if self._tty:
            if total:
                filled = _BAR_WIDTH * min(done, total) // total
                bar = "#" * filled + "." * (_BAR_WIDTH - filled)
                text = f"\r{phase:<10} [{bar}] {done:,}/{total:,}"
            else:
                text = f"\r{phase:<10} {done:,}"
            self._stream.write(text)
            self._stream.flush()
            return
        # Plain lines: each 10 % step (or every 5 s when the total is unknown).
        step = 10 * done // total if total else -1
        if (total and step > self._last_step) or (not total and now - self._last_line >= 5):
            of = f"/{total:,}" if total else ""
            self._stream.write(f"{phase}: {done:,}{of}\n")
            self._stream.flush()
            self._last_step, self._last_line = step, now

    def finish(self) -> None:
        if self._tty and self._phase:
            self._stream.write("\n")
            self._stream.flush()
        self._phase = ""

    def say(self, line: str) -> None:
        self.finish()
        self._stream.write(line + "\n")
        self._stream.flush()
