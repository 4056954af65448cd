"""The checked-in app icons: PNG sizes, and the ICO/ICNS containers make_icons.py writes."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest

from tests.unit.test_packaging_support import ROOT, load_packaging_module

ICONS = ROOT / "resources" / "icons"
make_icons = load_packaging_module("make_icons")


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def fake_png(size: int) -> bytes:
    return b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">II", size, size)


def read_ico(data: bytes) -> dict[int, bytes]:
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    images = {}
    for index in range(count):
        entry = data[6 + 16 * index : 6 + 16 * (index + 1)]
        width, height, _, _, planes, bits, length, offset = struct.unpack("<BBBBHHII", entry)
        assert width == height
        assert (planes, bits) == (1, 32)
        images[width or 256] = data[offset : offset + length]
    return images


def read_icns(data: bytes) -> dict[bytes, bytes]:
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    entries, offset = {}, 8
    while offset < len(data):
        kind = data[offset : offset + 4]
        (length,) = struct.unpack(">I", data[offset + 4 : offset + 8])
        entries[kind] = data[offset + 8 : offset + length]
        offset += length
    assert offset == len(data)
    return entries


@pytest.mark.parametrize("size", make_icons.HICOLOR_SIZES)
def test_hicolor_png_has_its_size(size: int) -> None:
    path = ICONS / "hicolor" / f"{size}x{size}" / "superfone-desk.png"
    assert png_size(path.read_bytes()) == (size, size)


def test_ico_holds_png_entries_of_each_size() -> None:
    images = read_ico((ICONS / "superfone-desk.ico").read_bytes())
    assert sorted(images) == sorted(make_icons.ICO_SIZES)
    for size, data in images.items():
        assert png_size(data) == (size, size)


def test_icns_holds_png_entries_ic07_to_ic10() -> None:
    entries = read_icns((ICONS / "superfone-desk.icns").read_bytes())
    expected = dict(make_icons.ICNS_TYPES)
    assert {b"ic07", b"ic08", b"ic09", b"ic10"} <= set(entries)
    for kind, data in entries.items():
        assert png_size(data) == (expected[kind], expected[kind])


def test_ico_writer_round_trips() -> None:
    pngs = {16: fake_png(16), 256: fake_png(256)}
    assert read_ico(make_icons.build_ico(pngs)) == pngs


def test_icns_writer_round_trips() -> None:
    entries = [(b"ic07", fake_png(128)), (b"ic10", fake_png(1024))]
    assert read_icns(make_icons.build_icns(entries)) == dict(entries)


def test_icons_are_rendered_from_the_checked_in_svg() -> None:
    assert make_icons.SVG == ICONS / "superfone-desk.svg"
    assert Path(make_icons.SVG).read_text(encoding="utf-8").lstrip().startswith("<svg")
