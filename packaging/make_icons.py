"""Renders the app icon from its SVG into what each OS wants; the results are checked in.

Usage: .venv/bin/python packaging/make_icons.py

- ``resources/icons/hicolor/<N>x<N>/superfone-desk.png`` for N in 16..512 (Linux menus,
  freedesktop icon theme layout, copied as is into the ``.deb``);
- ``resources/icons/superfone-desk.ico`` (Windows: PNG-compressed entries 16..256);
- ``resources/icons/superfone-desk.icns`` (macOS: PNG entries ic07..ic14).

The SVG is rendered by Qt's own QSvgRenderer, offscreen, so no new dependency is needed;
ICO and ICNS are simple containers of PNGs, written here byte by byte. Run it again only
when the SVG changes.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "superfone-desk.svg"
NAME = "superfone-desk"

# freedesktop hicolor sizes shipped in the .deb
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# Windows shows 16/24/32/48 in lists and 256 in large views.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS PNG entry types and their pixel sizes (ic11..ic14 are the @2x variants).
ICNS_TYPES = (
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic13", 256),
    (b"ic14", 512),
)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn on a transparent ``size`` x ``size`` canvas, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"cannot read {svg.name} as SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"Qt could not encode a {size}px PNG")
    buffer.close()
    return bytes(data.data())


def build_ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO file whose entries are PNG images (supported since Windows Vista)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries = b""
    for size in sizes:
        data = pngs[size]
        # A width/height byte of 0 means 256.
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + entries + b"".join(pngs[size] for size in sizes)


def build_icns(entries: list[tuple[bytes, bytes]]) -> bytes:
    """An ICNS file: ``icns`` + total length, then (type, length incl. 8-byte header, PNG)."""
    body = b"".join(kind + struct.pack(">I", 8 + len(data)) + data for kind, data in entries)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    needed = set(HICOLOR_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES}
    pngs = {size: render_png(SVG, size) for size in sorted(needed)}

    for size in HICOLOR_SIZES:
        out = ICONS / "hicolor" / f"{size}x{size}" / f"{NAME}.png"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(pngs[size])
    (ICONS / f"{NAME}.ico").write_bytes(build_ico({s: pngs[s] for s in ICO_SIZES}))
    (ICONS / f"{NAME}.icns").write_bytes(build_icns([(k, pngs[s]) for k, s in ICNS_TYPES]))
    del app
    for path in sorted(ICONS.rglob("*")):
        if path.is_file():
            print(f"{path.relative_to(ROOT)}  {path.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
