"""Start the app or the bare window as a process and wait for its ``ready:`` line."""

from __future__ import annotations

import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import PYTHON, ROOT, child_env

BARE_SCRIPT = Path(__file__).resolve().parent / "bare_window.py"
READY_TIMEOUT_S = 60.0


def app_command(data_dir: Path) -> list[str]:
    return [PYTHON, "-m", "superfone_desk", "--demo", "--data-dir", str(data_dir)]


def bare_command() -> list[str]:
    return [PYTHON, str(BARE_SCRIPT)]


@dataclass
class Launched:
    proc: subprocess.Popen[bytes]
    #: Seconds from just before Popen to reading the ready line.
    ready_s: float
    #: ``time.perf_counter()`` just before Popen (CLOCK_MONOTONIC on Linux, so other
    #: processes' readings of that clock compare with it: see ``x11.clock``).
    started: float
    stderr_lines: list[str]


@contextmanager
def launched(
    command: list[str],
    env: dict[str, str] | None = None,
    on_start: Callable[[int], None] | None = None,
) -> Iterator[Launched]:
    """Start ``command``, wait for its ``ready:`` line on stderr, yield, then terminate it.

    ``env`` defaults to ``child_env()`` (offscreen Qt); ``on_start`` gets the pid at once.
    """
    lines: list[str] = []
    started = time.perf_counter()
    proc = subprocess.Popen(
        command,
        cwd=ROOT,
        env=child_env() if env is None else env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        if on_start is not None:
            on_start(proc.pid)
        assert proc.stderr is not None
        ready_at: float | None = None
        deadline = threading.Timer(READY_TIMEOUT_S, proc.kill)
        deadline.start()
        try:
            for raw in proc.stderr:
                line = raw.decode(errors="replace").rstrip()
                lines.append(line)
                if "ready:" in line:
                    ready_at = time.perf_counter()
                    break
        finally:
            deadline.cancel()
        if ready_at is None:
            raise RuntimeError(f"{command[1:3]} never said ready:\n" + "\n".join(lines[-20:]))
        # Keep draining stderr so the child never blocks writing to a full pipe.
        drain = threading.Thread(target=_drain, args=(proc, lines), daemon=True)
        drain.start()
        yield Launched(proc, ready_at - started, started, lines)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _drain(proc: subprocess.Popen[bytes], lines: list[str]) -> None:
    assert proc.stderr is not None
    for raw in proc.stderr:
        lines.append(raw.decode(errors="replace").rstrip())


@contextmanager
def data_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="superfone-bench-") as tmp:
        yield Path(tmp)


# ------------------------------------------------------------------ /proc readings


def rss_kib(pid: int) -> int | None:
    """Resident memory of ``pid`` in KiB: /proc on Linux, else psutil, else None."""
    status = Path(f"/proc/{pid}/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return None
    try:
        import psutil  # type: ignore[import-not-found]
    except ImportError:
        return None
    return int(psutil.Process(pid).memory_info().rss // 1024)


def cpu_ticks(pid: int) -> int | None:
    """User + system CPU time of ``pid`` in clock ticks (Linux), or None."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return int(fields[11]) + int(fields[12])


def wait_idle(pid: int, *, quiet_s: float = 0.5, min_s: float = 0.5, max_s: float = 8.0) -> float:
    """Wait until ``pid`` used no CPU (at most one clock tick) for ``quiet_s``; the seconds
    waited. Without /proc, waits ``min_s + quiet_s`` instead."""
    start = time.perf_counter()
    time.sleep(min_s)
    last = cpu_ticks(pid)
    if last is None:
        time.sleep(quiet_s)
        return time.perf_counter() - start
    quiet_since = time.perf_counter()
    while time.perf_counter() - start < max_s:
        time.sleep(0.05)
        now = cpu_ticks(pid)
        if now is None:
            break
        if now - last > 1:
            last = now
            quiet_since = time.perf_counter()
        elif time.perf_counter() - quiet_since >= quiet_s:
            break
    return time.perf_counter() - start
