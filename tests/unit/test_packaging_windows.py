"""The Inno Setup script: a per-user installer with the keys Windows needs. It can only
be compiled on Windows (CI); here it is parsed for what must be there."""

from __future__ import annotations

import re

import pytest

from superfone_desk import APP_ID, APP_NAME
from tests.unit.test_packaging_support import PACKAGING

ISS = PACKAGING / "windows" / f"{APP_ID}.iss"


def sections() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    current = ""
    for raw in ISS.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#")):
            continue
        header = re.fullmatch(r"\[(\w+)\]", line)
        if header:
            current = header.group(1)
            found[current] = []
        else:
            found.setdefault(current, []).append(line)
    return found


def setup_keys() -> dict[str, str]:
    return dict(line.split("=", 1) for line in sections()["Setup"])


def defines() -> dict[str, str]:
    text = ISS.read_text(encoding="utf-8")
    return dict(re.findall(r'#define\s+(\w+)\s+"?([^"\n]*)"?', text))


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("PrivilegesRequired", "lowest"),
        ("AppName", "{#AppName}"),
        ("AppVersion", "{#AppVersion}"),
        ("VersionInfoVersion", "{#AppNumericVersion}"),
        ("DefaultDirName", "{autopf}\\{#AppName}"),
        ("SetupIconFile", "{#IconFile}"),
        ("UninstallDisplayIcon", "{app}\\{#AppExeName}"),
        ("OutputBaseFilename", "superfone-desk-{#AppVersion}-setup"),
    ],
)
def test_setup_key(key: str, value: str) -> None:
    assert setup_keys()[key] == value


def test_app_id_is_a_fixed_guid() -> None:
    # "{{" escapes the brace; the GUID must never change between releases.
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", setup_keys()["AppId"])


def test_defines_match_the_app() -> None:
    values = defines()
    assert values["AppName"] == APP_NAME
    assert values["AppExeName"] == f"{APP_ID}.exe"
    # build.py passes these on the command line; the script has defaults for each.
    assert {"AppVersion", "AppNumericVersion", "SourceDir", "IconFile"} <= set(values)


def test_start_menu_shortcut_and_files() -> None:
    parts = sections()
    assert any(
        line.startswith('Name: "{autoprograms}\\{#AppName}"')
        and 'Filename: "{app}\\{#AppExeName}"' in line
        for line in parts["Icons"]
    )
    assert any("recursesubdirs" in line and "{#SourceDir}" in line for line in parts["Files"])
    # Uninstall must not delete the user's data: no [UninstallDelete] section.
    assert "UninstallDelete" not in parts


def test_build_passes_every_define_the_script_expects() -> None:
    text = (PACKAGING / "build.py").read_text(encoding="utf-8")
    for name in ("AppVersion", "AppNumericVersion", "SourceDir", "IconFile"):
        assert f"/D{name}=" in text
