"""The PyInstaller spec (one file for every OS) and the Qt trimming rules. What the spec
collects is checked on the built bundle (test_packaging_artefact.py), and .ci/package
runs the frozen app's --self-test."""

from __future__ import annotations

import pytest

from superfone_desk import __version__
from tests.unit.test_packaging_support import PACKAGING, load_packaging_module

SPEC = PACKAGING / "superfone-desk.spec"
qt_trim = load_packaging_module("qt_trim")


def spec_text() -> str:
    return SPEC.read_text(encoding="utf-8")


def test_spec_is_python() -> None:
    compile(spec_text(), str(SPEC), "exec")


@pytest.mark.parametrize(
    ("src", "dest", "kept"),
    [
        ("libqxcb.so", "PySide6/Qt/plugins/platforms", True),
        ("libqwayland.so", "PySide6/Qt/plugins/platforms", True),
        ("libqoffscreen.so", "PySide6/Qt/plugins/platforms", True),
        ("qwindows.dll", "PySide6/plugins/platforms", True),
        ("libqcocoa.dylib", "PySide6/Qt/plugins/platforms", True),
        ("libqeglfs.so", "PySide6/Qt/plugins/platforms", False),
        ("libqvnc.so", "PySide6/Qt/plugins/platforms", False),
        ("libqsvg.so", "PySide6/Qt/plugins/imageformats", True),
        ("qsvg.dll", "PySide6\\plugins\\imageformats", True),
        ("libqjpeg.so", "PySide6/Qt/plugins/imageformats", False),
        ("libqsvgicon.so", "PySide6/Qt/plugins/iconengines", True),
        ("libqgtk3.so", "PySide6/Qt/plugins/platformthemes", False),
        ("libqxdgdesktopportal.so", "PySide6/Qt/plugins/platformthemes", True),
        ("libqopensslbackend.so", "PySide6/Qt/plugins/tls", False),
        ("libqevdevmouseplugin.so", "PySide6/Qt/plugins/generic", False),
        ("libxdg-shell.so", "PySide6/Qt/plugins/wayland-shell-integration", True),
        ("libivi-shell.so", "PySide6/Qt/plugins/wayland-shell-integration", False),
        ("qmodernwindowsstyle.dll", "PySide6/plugins/styles", True),
        ("libQt6Core.so.6", "PySide6/Qt/lib", True),
    ],
)
def test_qt_plugin_rules(src: str, dest: str, kept: bool) -> None:
    assert qt_trim.keep_binary(src, dest) is kept


def test_translations_are_dropped() -> None:
    datas = [
        ("/x/qtbase_de.qm", "PySide6/Qt/translations"),
        ("/x/style.qss", "resources"),
    ]
    assert qt_trim.trim([], [], datas)[2] == [("/x/style.qss", "resources")]


def test_version_comes_from_the_package() -> None:
    build = load_packaging_module("build")
    assert build.__version__ == __version__
