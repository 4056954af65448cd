"""What every reader returns: a header row and rows of text, with their file positions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from superfone_desk.core.i18n import F_, N_

#: ``progress(done, total)``: rows (or bytes) handled so far; total None when unknown.
Progress = Callable[[int, int | None], object]
#: ``cancel()``: True when the user asked to stop; checked between rows.
Cancel = Callable[[], bool]

#: More columns than any CRM export has; a wider header is a file read the wrong way
#: (or a hostile one), and every row would cost that many cells.
MAX_COLUMNS = 1000


class ImportFileError(Exception):
    """The file cannot be imported; the message says why, for the user."""


class ImportCancelled(Exception):
    """The user cancelled a read or a dry run; nothing was queued."""


@dataclass(frozen=True, slots=True)
class SourceRow:
    """One data row. ``number`` is where people find it: the spreadsheet row number
    (the header is row 1 of a CSV), or the contact's position in a vCard file.
    ``problem`` is set by the reader when the row cannot be read as it stands."""

    number: int
    cells: tuple[str, ...]
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class Table:
    """A file's content as text. ``notes`` say what the reader did that the user may
    want to know (the encoding it chose, merged cells it filled, headers it renamed)."""

    headers: tuple[str, ...]
    rows: tuple[SourceRow, ...]
    kind: str  # "csv", "xlsx" or "vcard"
    notes: tuple[str, ...] = ()


def clean_headers(raw: Sequence[str]) -> tuple[tuple[str, ...], list[str]]:
    """Headers made unique and non-empty, and notes on what was changed.

    A repeated header gets " (2)", " (3)"...; an empty one over data becomes "Column N".
    Both stay importable: the mapping sees each column by its new name.
    """
    if len(raw) > MAX_COLUMNS:
        raise ImportFileError(F_(
            "The header row has {count} columns; at most {limit} can be read. "
            "Is this the right file, and is its first row the header?",
            count=f"{len(raw):,}", limit=f"{MAX_COLUMNS:,}",
        ))
    seen: dict[str, int] = {}
    headers: list[str] = []
    notes: list[str] = []
    for index, text in enumerate(raw, start=1):
        name = " ".join(str(text).replace("\ufeff", "").split()) or f"Column {index}"
        key = name.casefold()
        if key in seen:
            seen[key] += 1
            renamed = f"{name} ({seen[key]})"
            notes.append(F_(
                'Header "{name}" appears more than once; column {index} is "{renamed}"',
                name=name, index=index, renamed=renamed,
            ))
            name = renamed
        else:
            seen[key] = 1
        headers.append(name)
    return tuple(headers), notes


def strip_trailing_blank(cells: list[str]) -> list[str]:
    end = len(cells)
    while end and not cells[end - 1].strip():
        end -= 1
    return cells[:end]


def build_rows(
    numbered: Iterable[tuple[int, list[str]]],
    width: int,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> tuple[SourceRow, ...]:
    """``SourceRow``s of ``width`` cells from (number, cells); blank rows are skipped and a
    row with more filled cells than the header has columns is kept with a problem."""
    rows: list[SourceRow] = []
    for count, (number, cells) in enumerate(numbered):
        if count % 500 == 0:
            if cancel is not None and cancel():
                raise ImportCancelled()
            if progress is not None:
                progress(count, None)
        cells = strip_trailing_blank(cells)
        if not cells or not any(cell.strip() for cell in cells):
            continue
        problem = None
        if len(cells) > width:
            problem = F_(
                "This row has {cells} cells but the header only {columns} columns; "
                "a value may have shifted into the wrong column",
                cells=f"{len(cells):,}", columns=f"{width:,}",
            )
            cells = cells[:width]
        cells = [_unescape(cell) for cell in cells]
        padded = tuple(cells) + ("",) * (width - len(cells))
        rows.append(SourceRow(number, padded, problem))
    return tuple(rows)


def _unescape(cell: str) -> str:
    """Undo the apostrophe our errors file puts before a formula-like cell, so a fixed
    errors file imports again as it was ("'+91 98765 43210" is a phone number)."""
    if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@"):
        return cell[1:]
    return cell


def drop_footer(
    rows: tuple[SourceRow, ...], width: int
) -> tuple[tuple[SourceRow, ...], str | None]:
    """Rows without a report's footer, and a note when there was one.

    CRM report exports (Salesforce's "Export Details") end with a blank line and a few
    lines filling only their first cell ("Confidential Information - Do Not
    Distribute", a copyright). Those are not leads; counted as refused rows they would
    make every such import "failed". Only a run at the very end, after a blank line,
    in a table of three or more columns, is taken for a footer; a line holding what
    may be a phone number (nine digits or more) never is.
    """
    if width < 3:
        return rows, None
    start = len(rows)
    while start > 0 and _footer_like(rows[start - 1]):
        start -= 1
    if start == len(rows) or start == 0 or rows[start].number - rows[start - 1].number < 2:
        return rows, None
    count = len(rows) - start
    if count == 1:
        return rows[:start], N_(
            "Left out 1 line after the data that fill only their first cell (a report's footer)"
        )
    return rows[:start], F_(
        "Left out {count} lines after the data that fill only their first cell "
        "(a report's footer)",
        count=count,
    )


def _footer_like(row: SourceRow) -> bool:
    first, rest = row.cells[0], row.cells[1:]
    return not any(cell.strip() for cell in rest) and sum(c.isdigit() for c in first) < 9


def read_grid(
    numbered: Iterator[tuple[int, list[str]]],
    *,
    empty: str,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> tuple[tuple[str, ...], tuple[SourceRow, ...], list[str]]:
    """Headers (the first row with any text), data rows and notes from (number, cells)
    rows of text, as every tabular reader gets them; ``ImportFileError(empty)`` when
    no row has text."""
    for _number, cells in numbered:
        if any(cell.strip() for cell in cells):
            header = strip_trailing_blank(cells)
            break
    else:
        raise ImportFileError(empty)
    headers, notes = clean_headers(header)
    rows = build_rows(numbered, len(headers), progress=progress, cancel=cancel)
    rows, footer = drop_footer(rows, len(headers))
    if footer is not None:
        notes.append(footer)
    return headers, rows, notes
