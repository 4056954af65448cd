"""PySide6's import hook no longer reads and keeps the source of each module imported
after it (ui.pyside_scan): an idle window held 5-13 MiB of source lines."""

from __future__ import annotations

import subprocess
import sys

CHECK = """
import linecache, sys
import PySide6.QtCore
{setup}
import colorsys  # a small stdlib module nothing here imported yet
print(colorsys.__file__ in linecache.cache)
from PySide6.QtCore import QObject
print(QObject().objectName() == "")
"""


def _run(setup: str) -> list[str]:
    done = subprocess.run(
        [sys.executable, "-c", CHECK.format(setup=setup)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout.split()


def test_pyside6_reads_every_new_module_without_it() -> None:
    # What the fix is for: if this starts failing, PySide6 stopped scanning by itself.
    assert _run("") == ["True", "True"]


def test_the_source_is_not_read_once_skipped_and_qt_still_works() -> None:
    setup = (
        "from superfone_desk.ui.pyside_scan import skip_source_scan\n"
        "assert skip_source_scan()"
    )
    assert _run(setup) == ["False", "True"]
