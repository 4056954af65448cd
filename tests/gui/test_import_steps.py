"""The import wizard's background steps keep the GUI thread's turns short: a quick GIL
hand-off while a step works, and its long-lived result out of the collector's full scans
(ui/import_wizard/steps.py; measured in benchmarks/bench_import.py)."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from superfone_desk.importing.table import ImportCancelled
from superfone_desk.ui.import_wizard.steps import STEP_SWITCH_INTERVAL_S, BackgroundStep
from superfone_desk.ui.workers import WorkerPool

pytestmark = pytest.mark.gui


@pytest.fixture
def pool(qtbot: QtBot) -> Iterator[WorkerPool]:
    workers = WorkerPool()
    yield workers
    workers.shutdown()


def run_step(qtbot: QtBot, step: BackgroundStep, fn: Any) -> list[Any]:
    box: list[Any] = []
    step.run(fn, "test step", box.append, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=10_000)
    return box


def test_a_step_works_with_a_short_switch_interval_and_restores_it(
    qtbot: QtBot, pool: WorkerPool
) -> None:
    before = sys.getswitchinterval()
    seen: list[float] = []

    def work(progress: Any, cancel: Any) -> str:
        seen.append(sys.getswitchinterval())
        progress(1, 2)
        return "done"

    assert run_step(qtbot, BackgroundStep(pool), work) == ["done"]
    assert seen == [pytest.approx(min(before, STEP_SWITCH_INTERVAL_S))]
    assert sys.getswitchinterval() == pytest.approx(before)


def test_a_failed_or_cancelled_step_restores_the_switch_interval(
    qtbot: QtBot, pool: WorkerPool
) -> None:
    before = sys.getswitchinterval()

    def cancelled(progress: Any, cancel: Any) -> None:
        raise ImportCancelled()

    (error,) = run_step(qtbot, BackgroundStep(pool), cancelled)
    assert isinstance(error, ImportCancelled)
    assert sys.getswitchinterval() == pytest.approx(before)


def test_a_steps_result_leaves_the_collectors_scans(qtbot: QtBot, pool: WorkerPool) -> None:
    rows: list[Any] = []

    def work(progress: Any, cancel: Any) -> list[Any]:
        rows.extend([{"row": n}] for n in range(1000))
        return rows

    tracked_before = len(gc.get_objects())
    (result,) = run_step(qtbot, BackgroundStep(pool), work)
    assert result is rows
    # Frozen objects are not in any generation the collector walks.
    assert len(gc.get_objects()) < tracked_before + 1000
    assert gc.get_freeze_count() >= 2000
