"""The Linux packaging: the menu entry, the .deb's layout and control file, and its
maintainer scripts. Builds nothing with PyInstaller (.ci/package does that)."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from superfone_desk import APP_ID, APP_NAME, __version__
from tests.unit.test_packaging_support import PACKAGING, ROOT, load_packaging_module

build = load_packaging_module("build")
DESKTOP = ROOT / "resources" / f"{APP_ID}.desktop"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_desktop_file_matches_the_app_identity() -> None:
    # The app sets desktopFileName = APP_ID; the desktop shell pairs window and entry
    # through the file name and StartupWMClass (the window's WM_CLASS).
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME
    assert entry["Exec"] == APP_ID
    assert entry["Icon"] == APP_ID
    assert entry["StartupWMClass"] == APP_ID
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")


def test_control_file_declares_what_the_bundle_needs() -> None:
    control = build.deb_control(arch="amd64", installed_kib=1234, libc="2.35")
    fields = dict(line.split(": ", 1) for line in control.splitlines() if ": " in line)
    assert fields["Package"] == APP_ID
    assert fields["Version"] == __version__
    assert fields["Architecture"] == "amd64"
    assert fields["Installed-Size"] == "1234"
    depends = fields["Depends"].split(", ")
    assert depends[0] == "libc6 (>= 2.35)"
    assert {"libxcb1", "libgl1", "libegl1", "libfontconfig1", "libxkbcommon0"} <= set(depends)
    assert "gnome-keyring" in fields["Recommends"]
    assert re.fullmatch(r".+ <\S+@\S+>", fields["Maintainer"])
    # Extended description lines start with a space; a blank one is " ."
    description = control.split("Description: ", 1)[1].splitlines()
    assert all(line.startswith(" ") for line in description[1:])
    assert control.endswith("\n")


def test_glibc_floor_is_the_newest_version_asked_for(tmp_path: Path) -> None:
    (tmp_path / "a.so").write_bytes(b"\x7fELF....GLIBC_2.17\0GLIBC_2.34\0")
    (tmp_path / "b").write_bytes(b"\x7fELF....GLIBC_2.4\0GLIBC_2.28\0")
    (tmp_path / "notes.txt").write_bytes(b"GLIBC_2.99")  # not an ELF file
    assert build.glibc_floor(tmp_path) == "2.34"


def test_numeric_version_has_four_numbers() -> None:
    assert build.numeric_version("0.1.0") == "0.1.0.0"
    assert build.numeric_version("1.2.0rc1") == "1.2.0.0"
    assert build.numeric_version("2.5") == "2.5.0.0"


def test_deb_layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = tmp_path / "dist" / APP_ID
    (bundle / "_internal").mkdir(parents=True)
    (bundle / APP_ID).write_text("#!/bin/sh\n", encoding="utf-8")
    (bundle / APP_ID).chmod(0o700)
    monkeypatch.setattr(build, "BUNDLE", bundle)
    staging = tmp_path / "staging"
    build.stage_deb(staging)

    exe = staging / "opt" / APP_ID / APP_ID
    assert os.access(exe, os.X_OK)
    link = staging / "usr" / "bin" / APP_ID
    assert os.readlink(link) == f"/opt/{APP_ID}/{APP_ID}"
    assert (staging / "usr/share/applications" / f"{APP_ID}.desktop").is_file()
    hicolor = staging / "usr/share/icons/hicolor"
    for size in build.HICOLOR_SIZES:
        assert (hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png").is_file()
    assert (hicolor / "scalable/apps" / f"{APP_ID}.svg").is_file()
    # Everything the package installs is under /opt/superfone-desk or a file of its own:
    # dpkg -r then removes all of it.
    owned = {p.relative_to(staging).as_posix() for p in staging.rglob("*") if not p.is_dir()}
    assert all(
        name.startswith(f"opt/{APP_ID}/") or APP_ID in Path(name).name or "/doc/" in name
        for name in owned
    ), owned
    modes = {oct(p.stat().st_mode & 0o777) for p in staging.rglob("*") if p.is_dir()}
    assert modes == {"0o755"}


def _stub(folder: Path, name: str, log: Path) -> None:
    tool = folder / name
    tool.write_text(f'#!/bin/sh\necho "{name} $*" >> "{log}"\nexit 1\n', encoding="utf-8")
    tool.chmod(0o755)


@pytest.mark.parametrize("name", ["postinst", "postrm"])
@pytest.mark.parametrize("tools", [True, False], ids=["with-tools", "without-tools"])
def test_maintainer_script_succeeds_and_leaves_user_data_alone(
    tmp_path: Path, name: str, tools: bool
) -> None:
    """Run the script as dpkg would, with failing cache tools (or none): the install
    never fails over a cache refresh, and a user's files stay where they are."""
    sh = shutil.which("sh")
    if sh is None:
        pytest.skip("no POSIX shell")
    bin_dir, home, log = tmp_path / "bin", tmp_path / "user", tmp_path / "calls.log"
    bin_dir.mkdir()
    home.mkdir()
    keep = home / ".local" / "share" / APP_ID / "superfone-desk.sqlite3"
    keep.parent.mkdir(parents=True)
    keep.write_bytes(b"the user's outbox")
    if tools:
        for tool in ("update-desktop-database", "gtk-update-icon-cache"):
            _stub(bin_dir, tool, log)
    path = os.pathsep.join([str(bin_dir), os.path.dirname(sh), "/usr/bin", "/bin"])
    for action in ("configure", "remove", "purge"):
        done = subprocess.run(
            [sh, str(PACKAGING / "linux" / name), action],
            env={"PATH": path, "HOME": str(home)},
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    assert keep.read_bytes() == b"the user's outbox"
    if tools and name == "postinst":
        assert "update-desktop-database -q /usr/share/applications" in log.read_text()
