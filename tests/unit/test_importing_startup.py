"""The import code stays off the app's start-up path, and ``import --help`` is quick:
no third-party library is loaded before the arguments are read."""

from __future__ import annotations

import subprocess
import sys

import pytest

LIBRARIES = (
    "httpx",
    "phonenumbers",
    "email_validator",
    "python_calamine",
    "vobject",
    "charset_normalizer",
    "superfone_desk.core.validation",
)


def _loaded_after(code: str) -> list[str]:
    probe = f"{code}\nprint(' '.join(n for n in {LIBRARIES!r} if n in sys.modules))"
    done = subprocess.run(
        [sys.executable, "-c", f"import sys\n{probe}"],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    return done.stdout.split()


@pytest.mark.parametrize(
    "module",
    [
        "superfone_desk.importing",
        "superfone_desk.importing.cli",
        "superfone_desk.importing.files",
        "superfone_desk.importing.table",
    ],
)
def test_module_imports_no_library(module: str) -> None:
    assert _loaded_after(f"import {module}") == []


def test_import_help_loads_nothing_heavy() -> None:
    code = (
        "import contextlib, io\n"
        "from superfone_desk.__main__ import main\n"
        "with contextlib.redirect_stdout(io.StringIO()) as shown:\n"
        "    try:\n        main(['import', '--help'])\n    except SystemExit:\n        pass\n"
        "assert 'superfone-desk import' in shown.getvalue()"
    )
    assert _loaded_after(code) == []


def test_without_stdout_and_stderr_the_command_still_runs() -> None:
    # A GUI script on Windows starts with sys.stdout/sys.stderr None.
    code = (
        "import sys\n"
        "sys.stdout = sys.stderr = None\n"
        "from superfone_desk.importing.cli import main\n"
        "raise SystemExit(main(['no-such-file.csv', '--dry-run']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr == ""
