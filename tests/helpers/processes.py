"""Run a snippet of Python in a real child process (process-wide state: umask, rlimits,
OS locks), with this interpreter and the app importable."""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import threading
from pathlib import Path

import pytest

#: The line the app logs once its window is on screen (app.py; the benchmarks use it).
READY = "ready: window shown"
START_TIMEOUT = 90


def run_python(code: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


class App:
    """One launch of the app, its stderr read line by line in a thread."""

    def __init__(self, data_dir: Path, *args: str, display: str | None = None) -> None:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        if display is not None:  # a real X server: Qt's xcb platform
            env.pop("QT_QPA_PLATFORM")
            env["DISPLAY"] = display
        env.pop("SUPERFONE_API_KEY", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "superfone_desk", *args, "--data-dir", str(data_dir)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def wait_for(self, text: str, timeout: float = START_TIMEOUT) -> None:
        while True:
            try:
                line = self.lines.get(timeout=timeout)
            except queue.Empty:
                pytest.fail(f"no {text!r} within {timeout} s; stderr so far: {self.seen}")
            if line is None:
                pytest.fail(f"the app ended before {text!r}; stderr: {self.seen}")
            self.seen.append(line)
            if text in line:
                return

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=30)
        assert self.process.stderr is not None
        self.process.stderr.close()
