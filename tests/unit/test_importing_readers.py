"""Readers: the checked-in samples (written as the real tools write them) and bad files."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from superfone_desk.importing.decode import decode
from superfone_desk.importing.files import MAX_FILE_BYTES, read_table
from superfone_desk.importing.table import MAX_COLUMNS, ImportCancelled, ImportFileError

DATA = Path(__file__).parent.parent / "data" / "import"


def test_hubspot_csv_quoted_newline_blank_row_and_crlf() -> None:
    table = read_table(DATA / "hubspot_contacts.csv")
    assert table.kind == "csv"
    assert table.headers[:3] == ("Record ID", "First Name", "Last Name")
    assert [row.number for row in table.rows] == [2, 3, 5, 6, 7]  # row 4 is blank
    rohan = table.rows[1]
    assert rohan.cells[-1] == "Wants a demo\non Monday, after 11"
    assert "UTF-8" in table.notes[0]
    assert "commas" in table.notes[0]


def test_zoho_csv_with_bom() -> None:
    table = read_table(DATA / "zoho_leads.csv")
    assert table.headers[0] == "Lead Id"  # no BOM left in the first header
    assert "with BOM" in table.notes[0]
    assert len(table.rows) == 3


def test_excel_unicode_text_is_utf16_with_tabs_and_hindi_headers() -> None:
    table = read_table(DATA / "excel_unicode_text.txt")
    assert table.headers == ("नाम", "मोबाइल", "फ़ोन", "ईमेल", "शहर")
    assert table.rows[0].cells[0] == "राहुल शर्मा"
    assert "UTF-16" in table.notes[0]
    assert "tabs" in table.notes[0]


def test_windows_1252_csv() -> None:
    table = read_table(DATA / "excel_windows1252.csv")
    assert table.rows[0].cells[0] == "Renée D’Souza"
    assert table.rows[0].cells[5] == "Needs quote – 50 units"
    assert "Windows-1252" in table.notes[0]


def test_semicolon_csv() -> None:
    table = read_table(DATA / "excel_semicolon.csv")
    assert table.headers == ("Name", "Contact", "Deal Value", "Group")
    assert table.rows[0].cells[2] == "2,5L"  # a comma inside a semicolon file stays


def test_xlsx_first_sheet_merged_cells_numbers_and_formulas() -> None:
    table = read_table(DATA / "expo_leads.xlsx")
    assert table.kind == "xlsx"
    assert table.headers[0] == "Customer Name"
    by_number = {row.number: row.cells for row in table.rows}
    assert sorted(by_number) == [2, 3, 4, 6]  # row 5 is empty
    assert by_number[2][1] == "9876506001"  # a number cell, not "9876506001.0"
    assert [by_number[n][3] for n in (2, 3, 4)] == ["Kochi"] * 3  # merged D2:D4
    # Formula cells give the value saved with them, never the formula, never evaluated.
    assert by_number[4][4] == "thomas.example.in"
    assert by_number[6][1] == "9876506005"
    assert any("Merged cells D2:D4" in note for note in table.notes)


def test_xlsx_named_sheet() -> None:
    table = read_table(DATA / "expo_leads.xlsx", sheet="expo day 2")
    assert table.headers == ("Name", "Mobile No.", "Phone")
    assert table.rows[0].cells == ("Farhan Ali", "9876506101", "9876506102")


def test_xlsx_unknown_sheet_names_the_sheets() -> None:
    with pytest.raises(ImportFileError, match='"Leads", "Expo Day 2"'):
        read_table(DATA / "expo_leads.xlsx", sheet="Day 3")


def test_vcard_21_quoted_printable_with_soft_line_breaks() -> None:
    table = read_table(DATA / "android_contacts_21.vcf")
    assert table.kind == "vcard"
    first = dict(zip(table.headers, table.rows[0].cells, strict=True))
    assert first["Name"] == "राहुल शर्मा"
    assert (first["First name"], first["Last name"]) == ("राहुल", "शर्मा")
    assert first["Phone"] == "+91 98765 07001"  # the CELL one first
    assert first["Other phones"] == "0141 400 2001"
    assert [row.number for row in table.rows] == [1, 2, 3]


def test_vcard_30_whatsapp_and_iphone() -> None:
    table = read_table(DATA / "whatsapp_contacts_30.vcf")
    anita, sai = (dict(zip(table.headers, r.cells, strict=True)) for r in table.rows)
    assert anita["Phone"] == "+91 98765 08001"
    assert sai["Company"] == "Reddy Builders"
    assert sai["City"] == "Hyderabad"
    assert sai["Other phones"] == "040 4000 8003"
    assert sai["Website"] == "https://reddybuilders.example.in"


def test_vcard_40_tel_uris() -> None:
    table = read_table(DATA / "contacts_40.vcf")
    gita = dict(zip(table.headers, table.rows[0].cells, strict=True))
    assert gita["Phone"] == "+91-98765-09001"
    assert gita["Note"] == "Met at the Kolkata expo"


def test_whatsapp_number_without_plus_takes_the_waid(tmp_path: Path) -> None:
    card = tmp_path / "c.vcf"
    card.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:A B\nN:B;A;;;\nTEL;waid=919876500001:98765 00001\n"
        "END:VCARD\n",
        encoding="utf-8",
    )
    assert read_table(card).rows[0].cells[3] == "+919876500001"


# ------------------------------------------------------------------ bad input


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="There is no file"):
        read_table(tmp_path / "nope.csv")


def test_too_big_is_refused_by_size_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    with big.open("wb") as f:  # sparse: 200 MB on paper, nothing on disk
        f.truncate(200 * 1024 * 1024)
    assert big.stat().st_size > MAX_FILE_BYTES
    with pytest.raises(ImportFileError, match="200 MB; files up to 50 MB"):
        read_table(big)


def test_binary_file_is_not_read_as_text(tmp_path: Path) -> None:
    junk = tmp_path / "photo.csv"
    junk.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(ImportFileError):
        read_table(junk)


def test_broken_xlsx(tmp_path: Path) -> None:
    broken = tmp_path / "leads.xlsx"
    broken.write_bytes(b"PK\x03\x04 this is not really a workbook")
    with pytest.raises(ImportFileError, match="Not a readable Excel file"):
        read_table(broken)


def test_unsupported_suffix(tmp_path: Path) -> None:
    pdf = tmp_path / "leads.pdf"
    pdf.write_bytes(b"%PDF-1.4 ...")
    with pytest.raises(ImportFileError, match="Cannot import .pdf files"):
        read_table(pdf)


def test_empty_csv(tmp_path: Path) -> None:
    empty = tmp_path / "e.csv"
    empty.write_bytes(b"\r\n\r\n")
    with pytest.raises(ImportFileError, match="empty"):
        read_table(empty)


def test_row_with_5000_columns_is_kept_with_a_problem(tmp_path: Path) -> None:
    wide = tmp_path / "wide.csv"
    wide.write_text("Name,Phone\nA,9876500001\nB,9876500002" + ",x" * 4998 + "\n")
    table = read_table(wide)
    assert len(table.rows) == 2
    assert table.rows[1].cells == ("B", "9876500002")
    assert table.rows[1].problem is not None
    assert "5,000 cells" in table.rows[1].problem


def test_header_with_too_many_columns(tmp_path: Path) -> None:
    wide = tmp_path / "wide.csv"
    wide.write_text(",".join(f"c{i}" for i in range(MAX_COLUMNS + 1)) + "\n1\n")
    with pytest.raises(ImportFileError, match="columns"):
        read_table(wide)


def test_duplicate_and_empty_headers_are_renamed_and_noted(tmp_path: Path) -> None:
    csv_file = tmp_path / "d.csv"
    csv_file.write_text("Phone,Name,phone,,City\n1,2,3,4,5\n")
    table = read_table(csv_file)
    assert table.headers == ("Phone", "Name", "phone (2)", "Column 4", "City")
    assert any("more than once" in note for note in table.notes)


def test_apostrophe_escape_of_the_errors_file_is_undone(tmp_path: Path) -> None:
    csv_file = tmp_path / "fixed-errors.csv"
    csv_file.write_text("Phone,Note\n'+91 98765 00001,'-ok\n", encoding="utf-8")
    assert read_table(csv_file).rows[0].cells == ("+91 98765 00001", "-ok")


def test_cancel_stops_reading(tmp_path: Path) -> None:
    csv_file = tmp_path / "c.csv"
    csv_file.write_text("Phone\n" + "9876500001\n" * 10)
    with pytest.raises(ImportCancelled):
        read_table(csv_file, cancel=lambda: True)


@pytest.mark.parametrize(
    ("data", "text", "name"),
    [
        (codecs.BOM_UTF8 + "नाम".encode(), "नाम", "UTF-8 (with BOM)"),
        ("नाम,x".encode("utf-16"), "नाम,x", "UTF-16"),
        ("Name,Phone".encode("utf-16-le"), "Name,Phone", "UTF-16"),
        ("Café, Müller, D’Souza, – ok".encode("cp1252"), "Café, Müller, D’Souza, – ok",
         "Windows-1252"),
    ],
)
def test_decode(data: bytes, text: str, name: str) -> None:
    assert decode(data) == (text, name)


def test_awkward_workbook_merged_header_wide_row_uncalculated_formula() -> None:
    table = read_table(DATA / "awkward.xlsx")
    # The header merged over B1:C1 names both columns; the second is renamed, kept.
    assert table.headers == ("Name", "Phone", "Phone (2)", "City")
    assert "Merged cells B1:C1 each read as 'Phone'" in table.notes
    by_number = {row.number: row for row in table.rows}
    assert by_number[2].cells == ("Ayesha Siddiqui", "9876510001", "9876510002", "Bhopal")
    assert by_number[3].problem is not None
    assert "5,000 cells" in by_number[3].problem
    # A formula without a saved value is never calculated: it reads as empty.
    assert by_number[4].cells[1] == ""


def test_salesforce_report_footer_is_left_out_with_a_note() -> None:
    table = read_table(DATA / "salesforce_leads.csv")
    assert [row.number for row in table.rows] == [2, 3]
    assert table.rows[0].cells[9] == "Shop 3\nMain Bazaar"
    assert any("Left out 2 lines" in note for note in table.notes)


def test_a_last_line_with_only_a_phone_is_data_not_a_footer(tmp_path: Path) -> None:
    sheet = tmp_path / "s.csv"
    sheet.write_text("Phone,Name,City\n9876500001,A,Pune\n\n9876500002,,\n", encoding="utf-8")
    assert [row.number for row in read_table(sheet).rows] == [2, 4]
