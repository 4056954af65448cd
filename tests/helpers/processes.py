"""Run a snippet of Python in a real child process (process-wide state: umask, rlimits,
OS locks), with this interpreter and the app importable."""

from __future__ import annotations

import subprocess
import sys


def run_python(code: str, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
