"""The built Linux artefacts, as a user gets them: what the frozen bundle and the .deb
hold and do. ``python packaging/build.py`` (or ``.ci/package``) makes them in dist/;
without a build these tests skip. ``.ci/package`` then installs the .deb and runs the
frozen app's ``--self-test``, which imports and runs every part for real."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from superfone_desk import APP_ID, APP_NAME, __version__
from tests.unit.test_packaging_support import ROOT

DIST = ROOT / "dist"
BUNDLE = DIST / APP_ID

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the Linux artefacts")


@pytest.fixture(scope="module")
def bundle() -> Path:
    if not (BUNDLE / APP_ID).is_file():
        pytest.skip("no build in dist/ (python packaging/build.py --fast makes one)")
    return BUNDLE


@pytest.fixture(scope="module")
def deb() -> Path:
    found = sorted(DIST.glob(f"{APP_ID}_{__version__}_*.deb"))
    if not found:
        pytest.skip("no .deb in dist/ (python packaging/build.py --fast makes one)")
    return found[-1]


def test_the_frozen_app_runs_and_knows_its_version(bundle: Path) -> None:
    done = subprocess.run(
        [str(bundle / APP_ID), "--version"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"{APP_NAME} {__version__}"


def test_the_bundle_holds_the_resources_the_app_loads(bundle: Path) -> None:
    internal = bundle / "_internal"
    assert (internal / "resources" / "style.qss").is_file()
    assert (internal / "resources" / "icons" / f"{APP_ID}.svg").is_file()


def test_the_bundle_keeps_only_the_qt_it_needs(bundle: Path) -> None:
    files = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()}
    plugins = {name.rsplit("/", 1)[-1] for name in files if "/plugins/" in name}
    assert {"libqxcb.so", "libqwayland.so", "libqoffscreen.so", "libqsvg.so"} <= plugins
    assert not {"libqeglfs.so", "libqvnc.so", "libqjpeg.so", "libqgtk3.so"} & plugins
    translations = {name for name in files if name.endswith(".qm")}
    # Only ours: Qt has no Hindi of its own, and its other languages are never loaded.
    assert translations == {
        f"_internal/resources/translations/superfone_desk_{lang}.qm" for lang in ("en", "hi")
    }
    # QtNetwork stays for the second-launch server (QLocalServer); HTTP goes through httpx.
    assert any("QtNetwork" in name for name in files)


def test_the_deb_installs_the_bundle_a_command_a_menu_entry_and_icons(deb: Path) -> None:
    listing = subprocess.run(
        ["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True
    ).stdout
    entries = {line.split()[5].lstrip("."): line for line in listing.splitlines()}
    assert f"/opt/{APP_ID}/{APP_ID}" in entries
    link = entries[f"/usr/bin/{APP_ID}"]
    assert link.startswith("l")
    assert link.endswith(f"-> /opt/{APP_ID}/{APP_ID}")
    assert f"/usr/share/applications/{APP_ID}.desktop" in entries
    assert f"/usr/share/icons/hicolor/scalable/apps/{APP_ID}.svg" in entries
    assert all(line.split()[1] == "root/root" for line in listing.splitlines())


def test_the_deb_declares_itself(deb: Path) -> None:
    fields = subprocess.run(
        ["dpkg-deb", "--field", str(deb), "Package", "Version", "Depends"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    values = dict(line.split(": ", 1) for line in fields.splitlines())
    assert values["Package"] == APP_ID
    assert values["Version"] == __version__
    assert values["Depends"].startswith("libc6 (>= 2.")
