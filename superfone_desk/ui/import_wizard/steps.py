"""One long import step (read, dry run, queue) in the worker pool, with progress and
cancel that cross threads without signals per row.

The step's function gets ``progress(done, total)`` and ``cancel()`` (the importing
package's protocol). Progress is only stored by the worker; a timer on the GUI thread
shows it ten times a second, so 10,000 rows cost the GUI ten repaints a second, not
10,000 queued calls. A result of a step the user has since replaced (Back, another
file) is dropped: each run has its own generation.

What held the GUI thread up while a step ran (measured with a 10 ms heartbeat on the
GUI thread, 10,000 rows; ``benchmarks/bench_import.py``) was the GIL, two ways:

* *Hand-off.* A busy worker gives the GIL up only when another thread has asked for it
  for a whole switch interval (5 ms by default), and the GUI thread asks afresh each
  time it enters Python, several times a turn of the event loop: gaps of 20-40 ms on a
  quiet machine, more on a loaded one. While a step runs the interval is 1 ms
  (``_fast_switching``): p99 gap 20 → 14 ms, max 22 → 16 ms (medians of 4), the dry run
  no slower. (The 2 ms sleep this module used to take at each progress report did not
  bound the wait; it only made the step slower.)
* *Full collections.* The table, the plan and the queued rows (~45,000 objects for
  10,000 rows) live as long as the wizard, and every full collection of the cyclic
  garbage collector walked them with the GIL held: 25-80 ms each, every 20-30 s while
  delivery sent the rows. A step's result is therefore frozen (``gc.freeze``), as
  ``app.run_app`` does with what start-up builds; send-phase max gap 45 → 24 ms (a run
  each, 40 s of sending; no full collection over 10 ms left in it). These
  objects form no reference cycles, so reference counting still frees them when the
  wizard lets them go.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from superfone_desk.ui.workers import WorkerPool

#: The GIL switch interval while a step runs (see the module docstring).
STEP_SWITCH_INTERVAL_S = 0.001

StepFunction = Callable[[Callable[[int, int | None], object], Callable[[], bool]], Any]


class BackgroundStep(QObject):
    """Signals:
    progressed(int, int): rows done, total (0: not known yet), about 10 times a second.
    """

    progressed = Signal(int, int)

    def __init__(self, pool: WorkerPool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self._generation = 0
        self._cancel = threading.Event()
        self._done = [0, 0]
        self._timer = QTimer(self)
        self._timer.setInterval(100)
        self._timer.timeout.connect(self._show_progress)
        self.running = False

    def run(
        self,
        fn: StepFunction,
        name: str,
        on_result: Callable[[Any], None],
        on_error: Callable[[BaseException], None],
    ) -> None:
        """Start ``fn`` (the one running, if any, is cancelled and its result dropped).
        ``on_error`` gets ``ImportCancelled`` when the user cancelled."""
        self.cancel()
        self._generation += 1
        generation = self._generation
        cancel = self._cancel = threading.Event()
        done = self._done = [0, 0]

        def progress(count: int, total: int | None) -> None:
            done[0], done[1] = count, total or 0

        def job() -> Any:
            with _fast_switching:
                result = fn(progress, cancel.is_set)
            # Long-lived from here on: out of the collector's full scans (docstring).
            gc.freeze()
            return result

        self.running = True
        self._timer.start()
        self._pool.submit(
            job,
            on_result=lambda result: self._end(generation, on_result, result),
            on_error=lambda exc: self._end(generation, on_error, exc),
            name=name,
        )

    def cancel(self) -> None:
        self._cancel.set()
        self.running = False
        self._timer.stop()

    def _show_progress(self) -> None:
        self.progressed.emit(self._done[0], self._done[1])

    def _end(self, generation: int, then: Callable[[Any], None], value: object) -> None:
        if generation != self._generation:
            return  # replaced by a newer run
        self._show_progress()
        self.running = False
        self._timer.stop()
        then(value)


class _FastSwitching:
    """``with _fast_switching:`` around a step's work on its worker: the GIL switch
    interval is ``STEP_SWITCH_INTERVAL_S`` while any step works, and what it was before
    once none does (a step left behind by Back or a closed wizard ends at its next
    cancel check, and restores it then)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._working = 0
        self._saved = 0.0

    def __enter__(self) -> None:
        with self._lock:
            if not self._working:
                self._saved = sys.getswitchinterval()
                sys.setswitchinterval(min(self._saved, STEP_SWITCH_INTERVAL_S))
            self._working += 1

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._working -= 1
            if not self._working:
                sys.setswitchinterval(self._saved)


_fast_switching = _FastSwitching()
