"""The compiled translations for tests: built when missing or older than their .ts."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"


def _stale() -> bool:
    for ts in TRANSLATIONS.glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            return True
    return False


def ensure_built() -> None:
    """What ``.ci/setup`` does, so a test never reads a .qm older than the .ts."""
    if _stale():
        load_script("build_translations").build(TRANSLATIONS)


def load_script(name: str) -> Any:
    """A script from packaging/ (not a package) as a module."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
