"""Heavy libraries stay off the start-up path of the modules the first window needs.

``httpx`` (with rich/click/pygments behind it), ``phonenumbers`` and ``email_validator``
cost ~0.1 s each to import; the modules below must import without them (they load them
on first use). Checked in a fresh interpreter, since this one has them all loaded.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("httpx", "phonenumbers", "email_validator")


def _heavy_after_import(module: str) -> list[str]:
    code = (
        f"import sys, {module}\n"
        f"print(' '.join(name for name in {HEAVY!r} if name in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    return done.stdout.split()


@pytest.mark.parametrize(
    "module",
    [
        "superfone_desk.api.urls",
        "superfone_desk.settings",
        "superfone_desk.core.phones",
        "superfone_desk.core.money",
        "superfone_desk.core.validation",
        "superfone_desk.ui.form.catalog_picker",
        "superfone_desk.ui.form.single_picker",
        "superfone_desk.ui.form.multi_picker",
        "superfone_desk.ui.form.fields",
        "superfone_desk.ui.form.lead_form",
        "superfone_desk.ui.main_window",
        "superfone_desk.ui.settings_dialog",
    ],
)
def test_module_imports_without_heavy_libraries(module: str) -> None:
    assert _heavy_after_import(module) == []


def test_region_of_the_locale_needs_no_phonenumbers() -> None:
    code = (
        "import sys\n"
        "from superfone_desk.core.phones import default_region, region_name\n"
        "region = default_region({'LANG': 'en_IN.UTF-8'})\n"
        "print(region, region_name(region), 'phonenumbers' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.split() == ["IN", "India", "False"]
