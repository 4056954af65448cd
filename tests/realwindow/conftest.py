"""Each screen scenario runs the real app once per test session; the tests read its report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.realwindow.scenarios import SCENARIOS, Scenario, run_scenario
from tests.realwindow.xserver import xvfb_missing_reason

Report = dict[str, Any]


@pytest.fixture(scope="session")
def real_window(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Report]:
    """``real_window("dark")``: the probe's report for that scenario (run on first use)."""
    reason = xvfb_missing_reason()
    if reason:
        pytest.skip(reason)
    by_name: dict[str, Scenario] = {s.name: s for s in SCENARIOS}
    reports: dict[str, Report] = {}

    def report(name: str) -> Report:
        if name not in reports:
            workdir: Path = tmp_path_factory.mktemp(f"realwindow-{name}")
            reports[name] = run_scenario(by_name[name], workdir)
        result = reports[name]
        assert result.get("ok"), (
            f"the probe failed in {name}:\n{result.get('failure')}\n{result.get('stderr')}"
        )
        return result

    return report
