"""The keyboard sheet (F1 → Keyboard shortcuts) lists the Alt+letters the form has."""

from __future__ import annotations

import re
from pathlib import Path

from superfone_desk.core.fields import FIELDS

SHEET = Path(__file__).resolve().parents[2] / "resources" / "help" / "shortcuts.html"
BUTTONS = {"s": "Save", "n": "Save &amp; New"}


def _mnemonic(label: str) -> str | None:
    match = re.search(r"&([^&])", label.replace("&&", ""))
    return match.group(1).lower() if match else None


def test_the_sheet_matches_the_form() -> None:
    rows = re.findall(r"<b>Alt\+(\w)</b></td><td>([^<]+)</td>", SHEET.read_text("utf-8"))
    listed = {key.lower(): name for key, name in rows}
    form = {key: f.plain_label for f in FIELDS if (key := _mnemonic(f.label))}
    assert {k: v for k, v in listed.items() if k not in BUTTONS} == form
    assert {k: listed[k] for k in BUTTONS} == BUTTONS
