"""Loads the scripts in packaging/ (a folder of scripts, not a package) for the
test_packaging_* modules, and checks each of them loads on its own."""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def load_packaging_module(name: str) -> ModuleType:
    qualified = f"superfone_packaging_{name}"
    if qualified in sys.modules:
        return sys.modules[qualified]
    spec = importlib.util.spec_from_file_location(qualified, PACKAGING / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[qualified] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("name", ["build", "make_icons", "qt_trim"])
def test_script_loads_without_qt_or_pyinstaller(name: str) -> None:
    # Loading must not build anything: the build is .ci/package's job, not pytest's.
    module = load_packaging_module(name)
    assert module.__doc__


@pytest.mark.parametrize(
    "path", sorted([*PACKAGING.glob("*.py"), *PACKAGING.glob("hooks/*.py")]), ids=str
)
def test_script_has_a_docstring(path: Path) -> None:
    assert ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))), path.name
