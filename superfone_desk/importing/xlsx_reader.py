"""Excel workbooks (.xlsx, .xlsm, .xls, .ods) through ``python-calamine``.

Why calamine and not openpyxl: it reads a 10,000-row sheet in a few tens of
milliseconds (openpyxl, even read-only, takes seconds), it reports merged ranges (openpyxl's
read-only mode cannot), it also reads old .xls and LibreOffice .ods files, and it never
evaluates a formula: a formula cell gives the value Excel saved with it, as text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from superfone_desk.core.i18n import F_, N_
from superfone_desk.importing.table import Cancel, ImportFileError, Progress, Table, read_grid

#: Merged ranges listed one by one in the notes; past that, counted.
_MERGE_NOTES = 5


def cell_text(value: object) -> str:
    """A cell as the text Excel shows for it, near enough for lead fields.

    Phone numbers typed into a number cell come back as floats: 9876543210.0 must be
    "9876543210", never "9.87654321e9". Dates become ISO dates.
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e16:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ") if value.time() != dt.time() else value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def read_xlsx(
    path: Path,
    *,
    sheet: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> Table:
    import python_calamine

    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
    except python_calamine.PasswordError:
        raise ImportFileError(
            N_("This workbook is password-protected. Save a copy without a password.")
        ) from None
    except Exception as exc:  # calamine raises several unrelated types for a bad file
        raise ImportFileError(F_(
            "Not a readable Excel file ({kind}: {reason})", kind=type(exc).__name__, reason=str(exc)
        )) from None
    try:
        name = _choose_sheet(workbook, sheet)
        data = workbook.get_sheet_by_name(name)
        # Keep empty leading rows and columns so that indices are sheet positions,
        # which is what merged ranges and row numbers refer to.
        grid = data.to_python(skip_empty_area=False)
        merged = data.merged_cell_ranges or []
    except ImportFileError:
        raise
    except Exception as exc:
        raise ImportFileError(
            F_("Could not read sheet {sheet}: {reason}", sheet=repr(sheet or ""), reason=str(exc))
        ) from None
    finally:
        workbook.close()
    text = [[cell_text(value) for value in row] for row in grid]
    notes: list[str] = [F_('Read sheet "{name}"', name=name)]
    notes += _fill_merged(text, merged)
    headers, rows, grid_notes = read_grid(
        _numbered(text), empty=f'Sheet "{name}" is empty.', progress=progress, cancel=cancel
    )
    return Table(headers, rows, "xlsx", tuple(notes + grid_notes))


def _choose_sheet(workbook: object, wanted: str | None) -> str:
    names: list[str] = list(workbook.sheet_names)  # type: ignore[attr-defined]
    if wanted is not None:
        for name in names:
            if name == wanted or name.casefold() == wanted.strip().casefold():
                return name
        listed = ", ".join(f'"{n}"' for n in names)
        raise ImportFileError(F_(
            'There is no sheet "{wanted}" in this workbook; it has {listed}.',
            wanted=wanted, listed=listed,
        ))
    for meta in workbook.sheets_metadata:  # type: ignore[attr-defined]
        if str(meta.visible).endswith("Visible") and str(meta.typ).endswith("WorkSheet"):
            return str(meta.name)
    if not names:
        raise ImportFileError(N_("This workbook has no sheets."))
    return names[0]


def _fill_merged(
    grid: list[list[str]], merged: list[tuple[tuple[int, int], tuple[int, int]]]
) -> list[str]:
    """Give every cell of a merged range the value shown in it (its top-left cell's).

    People merge a "City" down the rows of one city, or a header across two columns;
    to them every row under the merge has that value.
    """
    notes: list[str] = []
    for (top, left), (bottom, right) in merged:
        if top >= len(grid) or left >= len(grid[top]):
            continue
        value = grid[top][left]
        for r in range(top, min(bottom, len(grid) - 1) + 1):
            row = grid[r]
            if len(row) <= right:
                row.extend([""] * (right + 1 - len(row)))
            for c in range(left, right + 1):
                row[c] = value
        notes.append(F_(
            "Merged cells {cells} each read as {value}",
            cells=f"{_a1(top, left)}:{_a1(bottom, right)}", value=repr(value),
        ))
    if len(notes) > _MERGE_NOTES:
        notes[_MERGE_NOTES:] = [
            F_("... and {count} more merged ranges", count=len(notes) - _MERGE_NOTES)
        ]
    return notes


def _a1(row: int, column: int) -> str:
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row + 1}"


def _numbered(grid: list[list[str]]) -> Iterator[tuple[int, list[str]]]:
    for index, row in enumerate(grid):
        yield index + 1, row
