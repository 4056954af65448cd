"""``startup_ratio``: exec → the main window mapped on a real X server, as a user sees it.

Under Xvfb (``QT_QPA_PLATFORM=xcb``), with openbox managing windows when it is installed,
``superfone-desk --demo`` (``python -m superfone_desk --demo --data-dir TMP``, no
``SUPERFONE_API_KEY``) is timed from just before ``Popen`` to the X server mapping its
first top-level window (``MapNotify`` on the root, seen by ``x11.MapWatch``); xdotool
then confirms the window is viewable and belongs to the process. The baseline is
``bare_window.py`` (a bare PySide6 window with one QLineEdit) timed the same way. The
two alternate, after one discarded warm-up each; 14 runs each (5 with ``--quick``); the
figure is median(app) / median(bare).

Unlike ``startup_offscreen_ratio`` (the app's own ``ready:`` line, offscreen), this
includes what only a real display costs: connecting to X, the xcb plugin and its fonts,
creating and mapping the native window through the window manager. The ``ready:`` times
under X are kept as extras. Skipped (not failed) when Xvfb, xdotool or libX11 is missing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from benchmarks.common import Result, child_env, median, rounded, skipped
from benchmarks.launch import app_command, bare_command, data_dir, launched
from benchmarks.x11 import XServer, missing_tools, visible_windows, x_server

TARGET = 1.5
KEY = "startup_ratio"
WHAT = "exec → main window mapped and visible under X (Xvfb, --demo)"
MAP_TIMEOUT_S = 60.0


@dataclass
class _Start:
    mapped_s: float  # exec → first top-level window mapped
    ready_s: float  # exec → the ready line
    cpu_ms: float  # CPU time the process had used when its window was mapped (NaN: unknown)


def _start(command: list[str], x: XServer) -> _Start:
    env = child_env(QT_QPA_PLATFORM="xcb", DISPLAY=x.display)
    mark = x.watch.mark()
    with launched(command, env=env, on_start=x.watch.watch_cpu_of) as run:
        mapped = x.watch.wait_after(mark, MAP_TIMEOUT_S)
        if mapped is None:
            raise RuntimeError(f"{command[1:3]} mapped no window in {MAP_TIMEOUT_S:.0f} s")
        if not visible_windows(x.display, run.proc.pid):
            raise RuntimeError(f"{command[1:3]}: the window mapped is not its own or not viewable")
        cpu = math.nan if mapped.cpu_ms is None else mapped.cpu_ms
        return _Start(mapped.at - run.started, run.ready_s, cpu)


def _known_median(values: list[float]) -> float:
    known = [v for v in values if not math.isnan(v)]
    return median(known) if known else math.nan


def run(quick: bool) -> list[Result]:
    missing = missing_tools()
    if missing:
        return [skipped(KEY, WHAT, "<=", TARGET, f"needs {', '.join(missing)}")]
    runs = 5 if quick else 14
    app: list[_Start] = []
    bare: list[_Start] = []
    with x_server() as x, data_dir() as first_dir, data_dir() as tmp:
        first_start = _start(app_command(first_dir), x)
        _start(bare_command(), x)
        for _ in range(runs):
            app.append(_start(app_command(tmp), x))
            bare.append(_start(bare_command(), x))
        window_manager = x.window_manager or "none"
    app_ms = median([s.mapped_s for s in app]) * 1000
    bare_ms = median([s.mapped_s for s in bare]) * 1000
    paired = [a.mapped_s / b.mapped_s for a, b in zip(app, bare, strict=True)]
    app_cpu = _known_median([s.cpu_ms for s in app])
    bare_cpu = _known_median([s.cpu_ms for s in bare])
    return [
        Result(
            KEY,
            WHAT,
            round(app_ms, 1),
            "ms",
            baseline=round(bare_ms, 1),
            ratio=round(app_ms / bare_ms, 3),
            op="<=",
            limit=TARGET,
            note=(
                f"median of {runs}, Xvfb + {window_manager}; "
                "baseline: bare PySide6 window + QLineEdit, mapped"
            ),
            extras={
                "app_ms": rounded([s.mapped_s * 1000 for s in app], 1),
                "bare_ms": rounded([s.mapped_s * 1000 for s in bare], 1),
                "median_paired_ratio": round(median(paired), 3),
                # CPU used until the window was mapped: steadier than wall time on a busy
                # machine (other work there slows the clock, not the CPU time).
                "cpu_ratio": round(app_cpu / bare_cpu, 3),
                "app_cpu_ms": rounded([s.cpu_ms for s in app], 1),
                "bare_cpu_ms": rounded([s.cpu_ms for s in bare], 1),
                "app_ready_ms": rounded([s.ready_s * 1000 for s in app], 1),
                "bare_ready_ms": rounded([s.ready_s * 1000 for s in bare], 1),
                "first_start_fresh_data_dir_ms": round(first_start.mapped_s * 1000, 1),
                "window_manager": window_manager,
            },
        ).judge()
    ]
