"""``idle_rss_ratio``: resident memory of the idle main window with the demo catalog,
divided by the bare PySide6 window's (``bare_window.py``).

Each process is started as in the start-up benchmark; after its ``ready:`` line we wait
until it is idle (no CPU used for 0.5 s: the demo catalogs have loaded and been shown),
then read VmRSS from /proc (psutil elsewhere; skipped when neither is there).
"""

from __future__ import annotations

from benchmarks.common import Result, median, skipped
from benchmarks.launch import app_command, bare_command, data_dir, launched, rss_kib, wait_idle

TARGET = 2.0
KEY = "idle_rss_ratio"
WHAT = "resident memory, idle window with the demo catalog"


def _measure(command: list[str]) -> tuple[int | None, float]:
    with launched(command) as proc:
        waited = wait_idle(proc.proc.pid)
        return rss_kib(proc.proc.pid), waited


def run(quick: bool) -> list[Result]:
    runs = 2 if quick else 3
    app_kib: list[int] = []
    bare_kib: list[int] = []
    settle: list[float] = []
    with data_dir() as tmp:
        for _ in range(runs):
            app, waited = _measure(app_command(tmp))
            bare, _ = _measure(bare_command())
            if app is None or bare is None:
                return [skipped(KEY, WHAT, "<=", TARGET, "no /proc and no psutil: cannot read RSS")]
            app_kib.append(app)
            bare_kib.append(bare)
            settle.append(round(waited, 2))
    app_mib, bare_mib = median(app_kib) / 1024, median(bare_kib) / 1024
    return [
        Result(
            KEY,
            WHAT,
            round(app_mib, 1),
            "MiB",
            baseline=round(bare_mib, 1),
            ratio=round(app_mib / bare_mib, 3),
            op="<=",
            limit=TARGET,
            note=f"median of {runs}; VmRSS once idle; baseline: bare PySide6 window",
            extras={"app_kib": app_kib, "bare_kib": bare_kib, "settle_s": settle},
        ).judge()
    ]
