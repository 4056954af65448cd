"""The one way the app runs work off the GUI thread.

A job is a plain callable. It runs in a ``QThreadPool``; its result or exception
comes back on the GUI thread to the bound methods given. An exception nobody handles
is logged with its traceback, never dropped. ``WorkerPool.shutdown`` waits for
running jobs, so closing the window never tears a request in half.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from superfone_desk.ui.i18n import core_text

log = logging.getLogger(__name__)


class _JobSignals(QObject):
    """Signals: returned(object), errored(object: BaseException), finished()."""

    returned = Signal(object)
    errored = Signal(object)
    finished = Signal()


class Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], name: str) -> None:
        super().__init__()
        self.signals = _JobSignals()
        self.name = name
        self._fn = fn
        # The pool keeps the Python object alive until ``finished`` reaches the GUI thread.
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - every error goes to the GUI side
            self.signals.errored.emit(exc)
        else:
            self.signals.returned.emit(result)
        finally:
            self.signals.finished.emit()


class WorkerPool(QObject):
    """Runs jobs; results and errors arrive on the GUI thread."""

    def __init__(self, max_threads: int = 4, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._active: set[Job] = set()
        self._closed = False

    def submit(
        self,
        fn: Callable[[], Any],
        *,
        on_result: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        name: str = "job",
    ) -> Job | None:
        """Run ``fn`` in the pool. Returns None once the pool is shutting down."""
        if self._closed:
            log.info("Not starting %s: the app is closing", name)
            return None
        job = Job(fn, name)
        if on_result is not None:
            job.signals.returned.connect(on_result)
        if on_error is not None:
            job.signals.errored.connect(on_error)
        else:
            job.signals.errored.connect(lambda exc, n=name: _log_unhandled(n, exc))
        job.signals.finished.connect(lambda j=job: self._on_job_finished(j))
        self._active.add(job)
        self._pool.start(job)
        return job

    @property
    def active_count(self) -> int:
        return len(self._active)

    def _on_job_finished(self, job: Job) -> None:
        self._active.discard(job)

    def shutdown(self, timeout_ms: int = 30_000) -> bool:
        """Stop taking jobs and wait for the running ones. True if all finished."""
        self._closed = True
        return bool(self._pool.waitForDone(timeout_ms))


def _log_unhandled(name: str, exc: BaseException) -> None:
    log.error("Background job %s failed", name, exc_info=(type(exc), exc, exc.__traceback__))


def user_message(exc: BaseException) -> str:
    """What to tell the user about ``exc``; a bug is logged with its traceback too."""
    from superfone_desk.api.errors import SuperfoneError

    if isinstance(exc, SuperfoneError):
        return core_text(exc.user_message)  # marked in api/ (N_/F_), shown translated
    _log_unhandled("(shown to the user)", exc)
    return QCoreApplication.translate(
        "WorkerPool", "Something went wrong inside the app ({kind}). It has been logged."
    ).format(kind=type(exc).__name__)
