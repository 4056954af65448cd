"""Open an import file: refuse what cannot be a lead list early, then read it."""

from __future__ import annotations

from pathlib import Path

from superfone_desk.importing.table import Cancel, ImportFileError, Progress, Table

#: 10,000 leads as CSV take about 1-2 MB; 50 MB is far beyond any real list, and reading
#: a larger file would hold the whole of it in memory for nothing.
MAX_FILE_BYTES = 50 * 1024 * 1024

CSV_SUFFIXES = frozenset({".csv", ".tsv", ".txt"})
EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods"})
VCARD_SUFFIXES = frozenset({".vcf", ".vcard"})
SUPPORTED_SUFFIXES = CSV_SUFFIXES | EXCEL_SUFFIXES | VCARD_SUFFIXES


def read_table(
    path: Path | str,
    *,
    sheet: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Table:
    """The rows of ``path`` (format by its name, or by its content when that is unclear).

    ``ImportFileError`` with a message for the user for anything that cannot be read.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise ImportFileError(f"There is no file {path.name!r}.") from None
    except OSError as exc:
        raise ImportFileError(f"Cannot open {path.name!r}: {exc.strerror}") from None
    if path.is_dir():
        raise ImportFileError(f"{path.name!r} is a folder; choose a file.")
    if size > MAX_FILE_BYTES:
        raise ImportFileError(
            f"{path.name!r} is {size / 1024 / 1024:,.0f} MB; files up to "
            f"{MAX_FILE_BYTES // 1024 // 1024} MB can be imported. Split it into smaller files."
        )
    suffix = path.suffix.lower()
    if suffix in EXCEL_SUFFIXES or _is_zip(path):
        from superfone_desk.importing.xlsx_reader import read_xlsx

        return read_xlsx(path, sheet=sheet, progress=progress, cancel=cancel)
    if sheet is not None:
        raise ImportFileError("Only Excel workbooks have sheets; leave out the sheet name.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(f"Cannot read {path.name!r}: {exc.strerror}") from None
    if suffix in VCARD_SUFFIXES or data.lstrip(b"\xef\xbb\xbf \r\n").upper().startswith(
        b"BEGIN:VCARD"
    ):
        from superfone_desk.importing.vcard_reader import read_vcard

        return read_vcard(data, progress=progress, cancel=cancel)
    if suffix not in CSV_SUFFIXES and suffix:
        kinds = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise ImportFileError(f"Cannot import {suffix} files; use one of {kinds}.")
    from superfone_desk.importing.csv_reader import read_csv

    return read_csv(data, progress=progress, cancel=cancel)


def _is_zip(path: Path) -> bool:
    """An .xlsx saved under another name is still a zip file ("PK\\x03\\x04")."""
    try:
        with path.open("rb") as f:
            return f.read(4) == b"PK\x03\x04"
    except OSError:
        return False
