"""What the benchmarks share: results, statistics, child processes, the sandbox process,
and (imported lazily, so the parent never loads Qt) a GUI-thread heartbeat.

Each benchmark module has ``run(quick) -> list[Result]``. Those that touch Qt or measure
memory run their measuring part in a fresh child process (``python -m benchmarks.X
--child``) that prints one JSON line; the parent turns it into results.
"""

from __future__ import annotations

import contextlib
import gc
import json
import math
import os
import signal
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
#: Where children keep their bytecode (under build/, ignored by git; see ``child_env``).
PYCACHE = ROOT / "build" / "benchmarks-pycache"
PYTHON = sys.executable
#: The one API key the benchmark sandboxes accept.
KEY = "bench-key"


# ------------------------------------------------------------------------- results


@dataclass
class Result:
    """One figure of the table; ``passed`` None means skipped (counts as not passing)."""

    key: str
    what: str
    value: float | None
    unit: str = ""
    baseline: float | None = None
    ratio: float | None = None
    #: "<=" or ">=": how ``headline`` must compare with ``limit``.
    op: str = "<="
    limit: float = 0.0
    passed: bool | None = None
    note: str = ""
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def headline(self) -> float | None:
        return self.ratio if self.ratio is not None else self.value

    @property
    def target(self) -> str:
        return f"{'≤' if self.op == '<=' else '≥'} {self.limit:g}"

    def judge(self) -> Result:
        value = self.headline
        if value is None or math.isnan(value):
            self.passed = None
        else:
            self.passed = value <= self.limit if self.op == "<=" else value >= self.limit
        return self

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["target"] = self.target
        data["status"] = status_word(self.passed)
        return data


def status_word(passed: bool | None) -> str:
    return "pass" if passed else "FAIL" if passed is False else "skipped"


def skipped(key: str, what: str, op: str, limit: float, note: str) -> Result:
    return Result(key, what, None, op=op, limit=limit, passed=None, note=note)


# ------------------------------------------------------------------------ statistics


def median(values: Sequence[float]) -> float:
    return float(statistics.median(values))


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (p95 of 200 values is the 190th smallest)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return float(ordered[rank - 1])


def rounded(values: Sequence[float], digits: int = 2) -> list[float]:
    return [round(v, digits) for v in values]


# -------------------------------------------------------------------- child processes


def child_env(**extra: str) -> dict[str, str]:
    """The environment of every child: offscreen Qt, no API key from outside, repo importable."""
    env = dict(os.environ)
    env.pop("SUPERFONE_API_KEY", None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    # Unbuffered, so ready lines arrive when they are printed.
    env["PYTHONUNBUFFERED"] = "1"
    # Bytecode as an installed app has it (pip compiles on install, the frozen bundle
    # ships .pyc): with PYTHONDONTWRITEBYTECODE=1 from the caller's shell, every start
    # would compile all of the app's modules again (~0.1-0.15 s), which the bare window,
    # one small file, does not pay. The cache is filled by the warm-up runs.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    env.update(extra)
    return env


def run_child(module: str, *args: str, timeout: float = 180.0) -> dict[str, Any]:
    """Run ``python -m benchmarks.<module> --child ARGS``; the JSON of its last stdout line.

    The child gets its own process group, killed whole on a timeout, so a sandbox process
    it started never outlives it holding our pipes.
    """
    proc = subprocess.Popen(
        [PYTHON, "-m", f"benchmarks.{module}", "--child", *args],
        cwd=ROOT,
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        stdout, stderr = proc.communicate()
        stderr += f"\n(killed after {timeout:.0f} s)"
    finally:
        _kill_group(proc)
    lines = [line for line in stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        tail = "\n".join(_interesting(stderr.splitlines())[-25:])
        raise RuntimeError(f"benchmarks.{module} failed (exit {proc.returncode}):\n{tail}")
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def _kill_group(proc: subprocess.Popen[str]) -> None:
    """Kill what is left of the child's process group (its sandbox, if it crashed)."""
    if os.name != "posix":
        proc.kill()
        return
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)


def _interesting(lines: list[str]) -> list[str]:
    """stderr without the offscreen plugin's chatter."""
    return [line for line in lines if not line.startswith("This plugin does not support")]


def finish(data: dict[str, Any]) -> None:
    """What a child does last: print one JSON line for ``run_child`` and exit at once.

    ``os._exit`` skips interpreter teardown: the measurements are in by then and no file
    is left half-written, and tearing down a window, a pool and a sandbox only costs
    time. (It began as a guard against PySide6 6.12.0 aborting in teardown; that version
    is excluded by the pin now.)
    """
    sys.stdout.write(json.dumps(data) + "\n")
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


# ------------------------------------------------------------------ sandbox process


class SandboxProcess:
    """The sandbox in its own process, like a real server: its threads, JSON encoding and
    GIL do not compete with the app measured. Faults go through its control endpoint."""

    def __init__(self, *, labels: int = 0, latency_ms: int = 0, seed: str = "demo") -> None:
        self._args = ["--labels", str(labels), "--latency-ms", str(latency_ms), "--seed", seed]
        self._proc: subprocess.Popen[str] | None = None
        self.base_url = ""
        self.url = ""

    def __enter__(self) -> SandboxProcess:
        self._proc = subprocess.Popen(
            [PYTHON, "-m", "benchmarks.sandbox_proc", *self._args],
            cwd=ROOT,
            env=child_env(),
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self._proc.stdout is not None
        line = self._proc.stdout.readline().strip()
        if not line.startswith("http"):
            self._proc.kill()
            raise RuntimeError(f"the sandbox process did not start: {line!r}")
        self.base_url = line
        self.url = line.removesuffix("/superfone")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._proc is not None:
            self._proc.terminate()
            try:
                self._proc.wait(5)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()

    def faults(self, **settings: Any) -> None:
        """POST ``/__sandbox__/faults`` (``latency_ms=..``, ``queue=[..]``, ``reset=True``)."""
        import httpx

        reply = httpx.post(self.url + "/__sandbox__/faults", json=settings, timeout=10)
        reply.raise_for_status()


# ------------------------------------------------------------------- Qt helpers


def qt_app() -> Any:
    """The QApplication of a child (offscreen)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    return app if app is not None else QApplication([sys.argv[0]])


def spin_until(predicate: Callable[[], bool], timeout_s: float = 30.0, poll_ms: int = 2) -> float:
    """Run the Qt event loop (blocking in it, not busy-waiting) until ``predicate()``.

    Returns ``time.perf_counter()`` of the poll that saw it true; raises TimeoutError.
    """
    from PySide6.QtCore import QEventLoop, Qt, QTimer

    if predicate():
        return time.perf_counter()
    loop = QEventLoop()
    seen: list[float] = []
    poll = QTimer()
    poll.setTimerType(Qt.TimerType.PreciseTimer)
    poll.setInterval(poll_ms)

    def check() -> None:
        if predicate():
            seen.append(time.perf_counter())
            loop.quit()

    poll.timeout.connect(check)
    QTimer.singleShot(int(timeout_s * 1000), loop.quit)
    poll.start()
    loop.exec()
    poll.stop()
    if not seen:
        raise TimeoutError(f"not done within {timeout_s} s")
    return seen[0]


def spin_for(seconds: float) -> None:
    """Run the Qt event loop for ``seconds``."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


class Heartbeat:
    """A 10 ms precise timer on the GUI thread; ``max_gap_ms`` is the longest time between
    two ticks (10 ms when the GUI thread is never held up)."""

    def __init__(self, interval_ms: int = 10) -> None:
        from PySide6.QtCore import Qt, QTimer

        self._timer = QTimer()
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self.gaps: list[float] = []

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000)
        self._last = now

    def start(self) -> None:
        self.gaps = []
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        # The time from the last tick to now counts too.
        self.gaps.append((time.perf_counter() - self._last) * 1000)

    @property
    def max_gap_ms(self) -> float:
        return max(self.gaps, default=0.0)

    @contextmanager
    def running(self) -> Iterator[Heartbeat]:
        self.start()
        try:
            yield self
        finally:
            self.stop()


def window_on(base_url: str, data_dir: Path) -> Any:
    """A MainWindow on the sandbox at ``base_url`` (demo-style services: no keyring),
    shown and started; the caller waits for the catalogs."""
    from superfone_desk.settings import SettingsStore
    from superfone_desk.ui.main_window import MainWindow, Services

    store = SettingsStore(data_dir / "config")
    settings = store.load()
    settings.default_country = "IN"
    # As app.run_app builds them (the fields that exist in this version of the window).
    known = {f.name for f in fields(Services)}
    extra: dict[str, Any] = {}
    if known & {"outbox", "open_outbox"}:
        from superfone_desk.store.outbox import Outbox

        outbox = Outbox.open(data_dir / "window-outbox.sqlite3")
        if "outbox" in known:
            extra["outbox"] = outbox
        else:
            extra["open_outbox"] = lambda: outbox
    if "warm_ups" in known:
        from superfone_desk.core.phones import warm_up

        extra["warm_ups"] = [warm_up]
    if "demo_key" in known:
        extra.update(demo_key=KEY, demo_base_url=base_url)
    else:
        extra.update(start_demo=lambda: (KEY, base_url), demo_at_start=True)
    services = Services(
        settings_store=store,
        settings=settings,
        secret_store=None,
        **extra,
    )
    window = MainWindow(services)
    window.show()
    window.start()
    # app.run_app does the same: start-up's objects leave the collector's scans.
    gc.freeze()
    return window


def wait_pool_idle(window: Any, timeout_s: float = 30.0) -> None:
    spin_until(lambda: window.pool.active_count == 0, timeout_s)


def phone_number(n: int) -> str:
    """A distinct valid Indian mobile number as people type it (``80000 0NNNN``)."""
    digits = f"8{n:09d}"
    return f"{digits[:5]} {digits[5:]}"
