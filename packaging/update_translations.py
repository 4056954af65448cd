"""Brings ``resources/translations/*.ts`` up to date with the sources (for translators).

Usage: python packaging/update_translations.py [--ts FILE ...]

``pyside6-lupdate`` reads the GUI's ``tr()`` / ``QCoreApplication.translate()`` calls.
The Qt-free core marks its texts ``N_("...")`` / ``F_("...", ...)``
(``superfone_desk.core.i18n``), which lupdate cannot see: this script finds them with
``ast`` and hands them to lupdate as ``QT_TRANSLATE_NOOP("core", ...)`` lines in a
generated file under ``build/``, so one tool merges everything into the ``.ts`` and keeps
the translations already made. Texts no longer in the sources are dropped.
``superfone_desk_en.ts`` holds only the English plural forms ("1 lead" / "2 leads").
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "superfone_desk"
TRANSLATIONS = ROOT / "resources" / "translations"
GENERATED = ROOT / "build" / "i18n" / "core_texts.py"
MARKERS = frozenset({"N_", "F_"})
CONTEXT = "core"


def core_texts(package: Path = PACKAGE) -> list[str]:
    """Every ``N_("...")`` / ``F_("...", ...)`` text outside ``ui/``, in source order."""
    found: dict[str, None] = {}
    for path in sorted(package.rglob("*.py")):
        if "ui" in path.relative_to(package).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in MARKERS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found[node.args[0].value] = None
    return list(found)


def write_marks(texts: list[str], target: Path = GENERATED) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    lines = [f"QT_TRANSLATE_NOOP({CONTEXT!r}, {_python_literal(text)})" for text in texts]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def _python_literal(text: str) -> str:
    # lupdate's Python reader takes double quotes and backslash escapes.
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def lupdate() -> str:
    tool = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    return tool


def update(ts_files: list[Path]) -> None:
    marks = write_marks(core_texts())
    sources = [str(p) for p in sorted(PACKAGE.rglob("*.py"))] + [str(marks)]
    for ts in ts_files:
        # English is the source language: its file holds only the plural forms.
        plural_only = ["-pluralonly"] if ts.stem.endswith("_en") else []
        subprocess.run(
            [lupdate(), *sources, "-locations", "none", "-no-obsolete", *plural_only,
             "-ts", str(ts)],
            check=True,
            stdout=subprocess.DEVNULL,
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ts", type=Path, nargs="*", help="the .ts files (default: all)")
    args = parser.parse_args(argv)
    update(args.ts or sorted(TRANSLATIONS.glob("*.ts")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
