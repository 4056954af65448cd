"""``startup_offscreen_ratio``: process start → the app says the window is shown (offscreen).

The app's own view of its start-up, without a display; the start-up figure a user sees
is ``startup_ratio`` (``bench_startup_x11``), which times the window being mapped by a
real X server. This one stays because it needs nothing but Qt, and it isolates the
app's own work from the display's.

``superfone-desk --demo`` (``python -m superfone_desk --demo --data-dir TMP``, no
``SUPERFONE_API_KEY``) is timed from just before ``Popen`` to its ``ready:`` log line on
stderr, which the app writes from the first event-loop turn after showing the window.
The baseline is ``bare_window.py``, a bare PySide6 window with one QLineEdit started
the same way. The two alternate, after one discarded warm-up each (disk cache, .pyc);
the figure is median(app) / median(bare).

Both use a data folder that already exists (a warm start, as at a counter every morning);
the first start in a fresh folder is reported as an extra.
"""

from __future__ import annotations

from benchmarks.common import Result, median, rounded
from benchmarks.launch import app_command, bare_command, data_dir, launched

TARGET = 1.5
KEY = "startup_offscreen_ratio"


def run(quick: bool) -> list[Result]:
    runs = 4 if quick else 9
    app_s: list[float] = []
    bare_s: list[float] = []
    with data_dir() as first_dir, data_dir() as tmp:
        with launched(app_command(first_dir)) as first:
            first_start_s = first.ready_s
        with launched(bare_command()):
            pass
        for _ in range(runs):
            with launched(app_command(tmp)) as app:
                app_s.append(app.ready_s)
            with launched(bare_command()) as bare:
                bare_s.append(bare.ready_s)
    app_ms, bare_ms = median(app_s) * 1000, median(bare_s) * 1000
    return [
        Result(
            KEY,
            "start → window shown, phone field has focus (--demo)",
            round(app_ms, 1),
            "ms",
            baseline=round(bare_ms, 1),
            ratio=round(app_ms / bare_ms, 3),
            op="<=",
            limit=TARGET,
            note=f"median of {runs}; baseline: bare PySide6 window + QLineEdit",
            extras={
                "app_ms": rounded([s * 1000 for s in app_s], 1),
                "bare_ms": rounded([s * 1000 for s in bare_s], 1),
                "first_start_fresh_data_dir_ms": round(first_start_s * 1000, 1),
            },
        ).judge()
    ]
