"""What of Qt the bundle leaves out: plugins and translations the app never loads.

Used by the Qt hooks in ``packaging/hooks/`` (which take precedence over PyInstaller's
own), so a dropped plugin's libraries (the GTK stack behind the gtk3 platform theme,
EGLFS's KMS support...) are never analysed or collected, not merely deleted afterwards.
The app imports QtCore, QtGui and QtWidgets only; its icon is an SVG, drawn through
the ``iconengines``/``imageformats`` SVG plugins (which bring libQt6Svg, not the QtSvg
Python module). Rules are by plugin *type* and by name stem so one list serves Linux,
Windows and macOS.
"""

from __future__ import annotations

import os

# Plugin types nothing in the app uses: evdev/tslib input for framebuffer setups,
# EGLFS device integrations, and QtNetwork's TLS/network plugins (the app keeps QtNetwork
# only for the second-launch local socket).
DROP_PLUGIN_TYPES = frozenset(
    {"egldeviceintegrations", "generic", "networkinformation", "tls", "position", "sqldrivers"}
)

# Per type, plugin name stems (file name without "lib" and extension) to leave out.
DROP_PLUGINS: dict[str, frozenset[str]] = {
    # Keep xcb, wayland, offscreen (the self-test), windows, cocoa.
    "platforms": frozenset(
        {"qeglfs", "qlinuxfb", "qminimal", "qminimalegl", "qvkkhrdisplay", "qvnc", "qdirect2d"}
    ),
    # gtk3 would pull in the whole GTK 3 stack (about 20 MB of system libraries) from
    # the build machine; the xdg-desktop-portal theme gives native dialogs without it.
    "platformthemes": frozenset({"qgtk3"}),
    # Only SVG (the icon) and the OS icon formats are ever read.
    "imageformats": frozenset(
        {"qgif", "qjpeg", "qtga", "qtiff", "qwbmp", "qwebp", "qpdf", "qmacheif", "qmacjp2"}
    ),
    # Automotive/kiosk shells; desktops use xdg-shell (wl-shell kept for old compositors).
    "wayland-shell-integration": frozenset({"ivi-shell", "fullscreen-shell-v1", "qt-shell"}),
    # Buffer sharing for Qt's own Wayland compositor (QtWaylandCompositor), not clients.
    "wayland-graphics-integration-client": frozenset(
        {"dmabuf-server", "drm-egl-server", "shm-emulation-server", "vulkan-server"}
    ),
}


def _parts(dest: str) -> list[str]:
    return os.path.normpath(dest).replace("\\", "/").split("/")


def _stem(filename: str) -> str:
    stem = filename.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_binary(src: str, dest_dir: str) -> bool:
    """False for a Qt plugin the bundle should not carry."""
    parts = _parts(dest_dir)
    if "plugins" not in parts:
        return True
    after = parts[parts.index("plugins") + 1 :]
    if not after:
        return True
    plugin_type = after[0]
    if plugin_type in DROP_PLUGIN_TYPES:
        return False
    return _stem(os.path.basename(src)) not in DROP_PLUGINS.get(plugin_type, frozenset())


def keep_data(src: str, dest_dir: str) -> bool:
    """False for Qt's translations: Qt ships none for Hindi, the one language the app adds
    (its own .qm carries the Qt texts it shows, see ui/qt_texts.py)."""
    return "translations" not in _parts(dest_dir)


def trim(
    hiddenimports: list[str],
    binaries: list[tuple[str, str]],
    datas: list[tuple[str, str]],
) -> tuple[list[str], list[tuple[str, str]], list[tuple[str, str]]]:
    """Filter what a PyInstaller Qt hook collects (its (src, dest_dir) pairs)."""
    return (
        hiddenimports,
        [(src, dest) for src, dest in binaries if keep_binary(src, dest)],
        [(src, dest) for src, dest in datas if keep_data(src, dest)],
    )
