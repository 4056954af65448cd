"""The screens the real window is checked on, and how one check run is started."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.realwindow.xserver import x_display

REPO = Path(__file__).resolve().parents[2]
SCREENS = REPO / "build" / "screens"
README_SHOT = REPO / "docs" / "images" / "lead-form.png"


@dataclass(frozen=True)
class Scenario:
    name: str
    width: int
    height: int
    scale: float = 1.0
    dark: bool = False


SCENARIOS = (
    # A common laptop screen.
    Scenario("light", 1366, 768),
    Scenario("dark", 1366, 768, dark=True),
    # A full-HD screen at 150 %: 1280x720 logical pixels.
    Scenario("scaled-150", 1920, 1080, scale=1.5),
)


def run_scenario(
    scenario: Scenario, workdir: Path, *, screens: Path = SCREENS, readme: Path | None = None
) -> dict[str, Any]:
    """Runs the app under ``scenario`` on a fresh X display; returns the probe's report."""
    workdir.mkdir(parents=True, exist_ok=True)
    home = workdir / "home"
    home.mkdir(exist_ok=True)
    report_path = workdir / "report.json"
    with x_display(scenario.width, scenario.height) as display:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("QT_", "SUPERFONE_")) and key not in ("WAYLAND_DISPLAY",)
        }
        env.update(
            DISPLAY=display.name,
            QT_QPA_PLATFORM="xcb",
            HOME=str(home),
            XDG_CONFIG_HOME=str(home / ".config"),
            XDG_DATA_HOME=str(home / ".local" / "share"),
            XDG_CACHE_HOME=str(home / ".cache"),
            # No desktop's theme plugin: the palette is Qt's own or the probe's dark one.
            QT_QPA_PLATFORMTHEME="",
        )
        if scenario.scale != 1.0:
            env["QT_SCALE_FACTOR"] = str(scenario.scale)
        command = [
            sys.executable,
            "-m",
            "tests.realwindow.probe",
            "--out",
            str(report_path),
            "--screens",
            str(screens),
            "--name",
            scenario.name,
            "--data-dir",
            str(workdir / "data"),
        ]
        if scenario.dark:
            command.append("--dark")
        if readme is not None:
            command += ["--readme", str(readme)]
        done = subprocess.run(
            command, cwd=REPO, env=env, capture_output=True, text=True, timeout=90, check=False
        )
    if not report_path.exists():
        raise RuntimeError(
            f"the probe wrote no report (exit code {done.returncode}):\n{done.stderr[-4000:]}"
        )
    report: dict[str, Any] = json.loads(report_path.read_text(encoding="utf-8"))
    report["exit_code"] = done.returncode
    report["stderr"] = done.stderr[-4000:]
    return report
