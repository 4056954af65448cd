"""Before Qt starts: a clear line when there is no display, and no core dumps."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from superfone_desk.startup_checks import display_problem
from tests.helpers.processes import run_python

NO_DISPLAY = "No display found: Superfone Desk needs a desktop session (DISPLAY is not set)."


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({}, "linux", NO_DISPLAY),
        ({"DISPLAY": ""}, "linux", NO_DISPLAY),
        ({"QT_QPA_PLATFORM": "xcb"}, "linux", NO_DISPLAY),
        (
            {"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"},
            "linux",
            "No display found: Superfone Desk needs a desktop session "
            "(WAYLAND_DISPLAY is not set).",
        ),
        ({"DISPLAY": ":0"}, "linux", None),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", None),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", None),
        ({}, "freebsd14", NO_DISPLAY),
        ({}, "win32", None),
        ({}, "darwin", None),
    ],
)
def test_display_problem(environ: dict[str, str], platform: str, expected: str | None) -> None:
    assert display_problem(environ, platform) == expected


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland check")
def test_the_app_without_a_display_says_so_in_one_line(tmp_path: os.PathLike[str]) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "superfone_desk", "--demo", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert result.stderr.strip() == NO_DISPLAY
    assert "xcb" not in result.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux")
def test_core_dumps_are_off_after_start() -> None:
    # A real process: the limits are process-wide and cannot be raised back by non-root.
    code = (
        "import ctypes, resource\n"
        "from superfone_desk.startup_checks import disable_core_dumps\n"
        "assert disable_core_dumps()\n"
        "print(resource.getrlimit(resource.RLIMIT_CORE))\n"
        "print(ctypes.CDLL(None).prctl(3, 0, 0, 0, 0))\n"  # PR_GET_DUMPABLE
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[:2] == ["(0, 0)", "0"]
