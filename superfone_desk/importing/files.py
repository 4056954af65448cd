"""Open an import file: refuse what cannot be a lead list early, then read it."""

from __future__ import annotations

from pathlib import Path

from superfone_desk.core.i18n import F_, N_
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
        raise ImportFileError(F_("There is no file {name}.", name=repr(path.name))) from None
    except OSError as exc:
        raise ImportFileError(
            F_("Cannot open {name}: {reason}", name=repr(path.name), reason=exc.strerror)
        ) from None
    if path.is_dir():
        raise ImportFileError(F_("{name} is a folder; choose a file.", name=repr(path.name)))
    if size > MAX_FILE_BYTES:
        raise ImportFileError(F_(
            "{name} is {size} MB; files up to {limit} MB can be imported. Split it into "
            "smaller files.",
            name=repr(path.name), size=f"{size / 1024 / 1024:,.0f}",
            limit=MAX_FILE_BYTES // 1024 // 1024,
        ))
    suffix = path.suffix.lower()
    if suffix in EXCEL_SUFFIXES or _is_zip(path):
        from superfone_desk.importing.xlsx_reader import read_xlsx

        return read_xlsx(path, sheet=sheet, progress=progress, cancel=cancel)
    if sheet is not None:
        raise ImportFileError(N_("Only Excel workbooks have sheets; leave out the sheet name."))
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFileError(
            F_("Cannot read {name}: {reason}", name=repr(path.name), reason=exc.strerror)
        ) from None
    if suffix in VCARD_SUFFIXES or data.lstrip(b"\xef\xbb\xbf \r\n").upper().startswith(
        b"BEGIN:VCARD"
    ):
        from superfone_desk.importing.vcard_reader import read_vcard

        return read_vcard(data, progress=progress, cancel=cancel)
    if suffix not in CSV_SUFFIXES and suffix:
        kinds = ", ".join(sorted(SUPPORTED_SUFFIXES))
        raise ImportFileError(
            F_("Cannot import {suffix} files; use one of {kinds}.", suffix=suffix, kinds=kinds)
        )
    from superfone_desk.importing.csv_reader import read_csv

    return read_csv(data, progress=progress, cancel=cancel)


def _is_zip(path: Path) -> bool:
    """An .xlsx saved under another name is still a zip file ("PK\\x03\\x04")."""
    try:
        with path.open("rb") as f:
            return f.read(4) == b"PK\x03\x04"
    except OSError:
        return False
