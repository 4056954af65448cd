"""The errors file: opens in Excel (UTF-8 BOM, CRLF), same columns + reason, no formulas."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest

from superfone_desk.importing.errors_csv import safe_cell, write_errors_csv
from superfone_desk.importing.files import read_table


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("=HYPERLINK(\"http://x\",\"y\")", "'=HYPERLINK(\"http://x\",\"y\")"),
        ("+91 98765 00001", "'+91 98765 00001"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("Asha", "Asha"),
        ("", ""),
        ("a=b", "a=b"),
    ],
)
def test_safe_cell(cell: str, written: str) -> None:
    assert safe_cell(cell) == written


def test_errors_file_for_excel(tmp_path: Path) -> None:
    out = tmp_path / "errors.csv"
    rows = [(("राहुल", "=1+1", "a\nb"), "Row 2: Phone: Too short")]
    assert write_errors_csv(out, ("नाम", "Phone", "Note"), rows) == 1
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel needs the BOM to read UTF-8
    assert b"\r\n" in data
    with out.open(encoding="utf-8-sig", newline="") as f:
        read = list(csv.reader(f))
    assert read == [["नाम", "Phone", "Note", "reason"], ["राहुल", "'=1+1", "a\nb",
                                                        "Row 2: Phone: Too short"]]


def test_errors_file_imports_again(tmp_path: Path) -> None:
    out = tmp_path / "errors.csv"
    write_errors_csv(out, ("Phone", "Name"), [(("+91 98765 00001", "A"), "why")])
    table = read_table(out)
    assert table.headers == ("Phone", "Name", "reason")
    assert table.rows[0].cells == ("+91 98765 00001", "A", "why")


def test_failed_write_leaves_no_half_file(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "errors.csv"
    out.write_text("previous")

    def rows() -> Iterator[tuple[tuple[str, ...], str]]:
        yield ("a",), "r"
        raise RuntimeError("disk gone")

    with pytest.raises(RuntimeError):
        write_errors_csv(out, ("A",), rows())
    assert out.read_text() == "previous"
    assert [p.name for p in folder.iterdir()] == ["errors.csv"]
