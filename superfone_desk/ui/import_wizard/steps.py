"""One long import step (read, dry run, queue) in the worker pool, with progress and
cancel that cross threads without signals per row.

The step's function gets ``progress(done, total)`` and ``cancel()`` (the importing
package's protocol). Progress is only stored by the worker; a timer on the GUI thread
shows it ten times a second, so 10,000 rows cost the GUI ten repaints a second, not
10,000 queued calls. A result of a step the user has since replaced (Back, another
file) is dropped: each run has its own generation.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from superfone_desk.ui.workers import WorkerPool

#: How long a step's worker pauses at each progress report (every 200 rows or so).
YIELD_S = 0.002

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
            # A moment off the GIL: on a busy machine the GUI thread, waiting for it,
            # may otherwise miss its turn for 100 ms and more.
            time.sleep(YIELD_S)

        def job() -> Any:
            return fn(progress, cancel.is_set)

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
