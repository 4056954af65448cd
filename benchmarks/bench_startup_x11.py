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

from benchmarks.common import Result, child_env, median, rounded, skipped
from benchmarks.launch import app_command, bare_command, data_dir, launched
from benchmarks.x11 import XServer, missing_tools, visible_windows, x_server

TARGET = 1.5
KEY = "startup_ratio"
WHAT = "exec → main window mapped and visible under X (Xvfb, --demo)"
MAP_TIMEOUT_S = 60.0


def _map_and_ready_s(command: list[str], x: XServer) -> tuple[float, float]:
    """Seconds from exec to the first top-level window mapped, and to the ready line."""
    env = child_env(QT_QPA_PLATFORM="xcb", DISPLAY=x.display)
    mark = x.watch.mark()
    with launched(command, env=env) as run:
        mapped = x.watch.wait_after(mark, MAP_TIMEOUT_S)
        if mapped is None:
            raise RuntimeError(f"{command[1:3]} mapped no window in {MAP_TIMEOUT_S:.0f} s")
        if not visible_windows(x.display, run.proc.pid):
            raise RuntimeError(f"{command[1:3]}: the window mapped is not its own or not viewable")
        return mapped.at - run.started, run.ready_s


def run(quick: bool) -> list[Result]:
    missing = missing_tools()
    if missing:
        return [skipped(KEY, WHAT, "<=", TARGET, f"needs {', '.join(missing)}")]
    runs = 5 if quick else 14
    app_s: list[float] = []
    bare_s: list[float] = []
    app_ready_s: list[float] = []
    bare_ready_s: list[float] = []
    with x_server() as x, data_dir() as first_dir, data_dir() as tmp:
        first_start_s, _ = _map_and_ready_s(app_command(first_dir), x)
        _map_and_ready_s(bare_command(), x)
        for _ in range(runs):
            mapped, ready = _map_and_ready_s(app_command(tmp), x)
            app_s.append(mapped)
            app_ready_s.append(ready)
            mapped, ready = _map_and_ready_s(bare_command(), x)
            bare_s.append(mapped)
            bare_ready_s.append(ready)
        window_manager = x.window_manager or "none"
    app_ms, bare_ms = median(app_s) * 1000, median(bare_s) * 1000
    paired = [a / b for a, b in zip(app_s, bare_s, strict=True)]
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
                "app_ms": rounded([s * 1000 for s in app_s], 1),
                "bare_ms": rounded([s * 1000 for s in bare_s], 1),
                "median_paired_ratio": round(median(paired), 3),
                "app_ready_ms": rounded([s * 1000 for s in app_ready_s], 1),
                "bare_ready_ms": rounded([s * 1000 for s in bare_ready_s], 1),
                "first_start_fresh_data_dir_ms": round(first_start_s * 1000, 1),
                "window_manager": window_manager,
            },
        ).judge()
    ]
