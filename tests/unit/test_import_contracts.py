"""The import-linter contracts in pyproject.toml cover every module of the package: a new
top-level module must take its place in the layers (and, below the GUI, in the Qt-free
list), or ``lint-imports`` would silently not check it."""

from __future__ import annotations

import tomllib
from pathlib import Path

import superfone_desk

ROOT = Path(__file__).resolve().parents[2]
#: The modules that may import Qt: the window and what starts it.
GUI = {"ui", "app", "__main__", "self_test"}


def top_level_modules() -> set[str]:
    package = Path(superfone_desk.__file__).parent
    names = {p.stem for p in package.glob("*.py") if p.stem != "__init__"}
    names |= {p.parent.name for p in package.glob("*/__init__.py")}
    return names


def contracts() -> dict[str, dict[str, object]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    found = config["tool"]["importlinter"]["contracts"]
    return {contract["type"]: contract for contract in found}


def named(entries: object) -> set[str]:
    assert isinstance(entries, list)
    names = set()
    for entry in entries:
        for part in str(entry).replace(":", "|").split("|"):
            names.add(part.strip().removeprefix("superfone_desk."))
    return names


def test_every_module_has_a_layer() -> None:
    assert top_level_modules() - named(contracts()["layers"]["layers"]) == set()


def test_every_module_below_the_gui_is_kept_free_of_qt() -> None:
    forbidden = contracts()["forbidden"]
    assert forbidden["forbidden_modules"] == ["PySide6"]
    assert top_level_modules() - GUI - named(forbidden["source_modules"]) == set()


def test_the_contracts_name_no_module_that_is_gone() -> None:
    listed = named(contracts()["layers"]["layers"]) | named(
        contracts()["forbidden"]["source_modules"]
    )
    assert listed - top_level_modules() == set()
