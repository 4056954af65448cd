"""Compiles ``resources/translations/*.ts`` into the ``.qm`` files the app loads.

Usage: python packaging/build_translations.py

Run by ``.ci/setup`` and ``packaging/build.py``; the ``.qm`` files are build output and
not committed. Uses ``pyside6-lrelease`` from the same environment as this Python.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"


def lrelease() -> str:
    return shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")


def build(folder: Path = TRANSLATIONS) -> list[Path]:
    """The ``.qm`` beside each ``.ts`` in ``folder``; returns them."""
    built = []
    for ts in sorted(folder.glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([lrelease(), "-silent", str(ts), "-qm", str(qm)], check=True)
        built.append(qm)
    return built


if __name__ == "__main__":
    for path in build():
        print(path.name)
