"""The worker contract: results and errors come back on the GUI thread, none is lost."""

from __future__ import annotations

import logging
import sys
import threading

import pytest
from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from superfone_desk.ui.workers import WorkerPool

pytestmark = pytest.mark.gui


def test_result_and_error_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    pool = WorkerPool()
    seen: list[tuple[str, object, bool]] = []
    gui = threading.current_thread()

    def boom() -> None:
        raise ValueError("broken")

    pool.submit(
        lambda: 42,
        on_result=lambda r: seen.append(("result", r, threading.current_thread() is gui)),
    )
    pool.submit(
        boom,
        on_error=lambda e: seen.append(
            ("error", type(e).__name__, threading.current_thread() is gui)
        ),
    )
    qtbot.waitUntil(lambda: len(seen) == 2 and pool.active_count == 0)
    assert sorted(seen, key=str) == [("error", "ValueError", True), ("result", 42, True)]
    assert pool.shutdown()


def test_unhandled_error_is_logged_with_traceback(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    pool = WorkerPool()

    def boom() -> None:
        raise RuntimeError("nobody listens")

    pool.submit(boom, name="lonely job")
    qtbot.waitUntil(lambda: pool.active_count == 0)
    record = next(r for r in caplog.records if "lonely job" in r.getMessage())
    assert record.levelno == logging.ERROR
    assert record.exc_info is not None
    assert pool.shutdown()


def test_a_shut_down_pool_takes_no_new_jobs(qtbot: QtBot) -> None:
    pool = WorkerPool()
    assert pool.shutdown()
    assert pool.submit(lambda: 1) is None


class _Emitter(QObject):
    fired = Signal(object)


def test_many_jobs_do_not_corrupt_the_interpreter(qtbot: QtBot) -> None:
    # PySide6 6.12.0 dropped a reference to True on every emit from Python; after a few
    # hundred background jobs the interpreter aborted (pyproject excludes that release).
    before = sys.getrefcount(True)
    emitter = _Emitter()
    emitter.fired.connect(lambda _: None)
    for _ in range(500):
        emitter.fired.emit(1)
    pool = WorkerPool()
    done: list[int] = []
    for n in range(600):
        pool.submit(lambda n=n: n, on_result=done.append)
    qtbot.waitUntil(lambda: len(done) == 600, timeout=20_000)
    assert pool.shutdown()
    assert abs(sys.getrefcount(True) - before) < 100
