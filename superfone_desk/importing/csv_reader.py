"""CSV and tab-separated text as Excel, HubSpot, Zoho and Salesforce write them.

Any encoding ``decode`` knows; comma, semicolon (Excel in many European locales) or tab
(Excel's "Unicode text") between cells; CRLF or LF; newlines inside quoted cells; blank
rows anywhere.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from superfone_desk.core.i18n import F_, N_, as_message
from superfone_desk.importing.decode import decode
from superfone_desk.importing.table import Cancel, ImportFileError, Progress, Table, read_grid

_DELIMITERS = (",", ";", "\t", "|")
_DELIMITER_NAMES = {
    ",": N_("commas"), ";": N_("semicolons"), "\t": N_("tabs"), "|": N_("bars"),
}


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first non-blank line into the most cells.

    Counting on the header line, read as CSV (so quoted commas do not count), is sturdier
    than ``csv.Sniffer`` on a sample that may cut a quoted newline in half.
    """
    first = ""
    for line in io.StringIO(text, newline=None):
        if line.strip():
            first = line
            break
    best, best_cells = ",", 1
    for delimiter in _DELIMITERS:
        cells = next(csv.reader([first], delimiter=delimiter), [])
        if len(cells) > best_cells:
            best, best_cells = delimiter, len(cells)
    return best


def read_csv(
    data: bytes, *, progress: Progress | None = None, cancel: Cancel | None = None
) -> Table:
    text, encoding = decode(data)
    text = text.removeprefix("\ufeff")
    delimiter = sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    headers, rows, notes = read_grid(
        _records(reader),
        empty=N_("The file is empty: there is no header row and no data."),
        progress=progress,
        cancel=cancel,
    )
    notes.insert(0, F_(
        "Read as {encoding} text with {separator} between cells",
        encoding=encoding, separator=as_message(_DELIMITER_NAMES[delimiter]),
    ))
    return Table(headers, rows, "csv", tuple(notes))


def _records(reader: Any) -> Iterator[tuple[int, list[str]]]:
    """(record number, cells): the number is the row Excel would show it on."""
    number = 0
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise ImportFileError(
                F_("Could not read the file near line {line}: {reason}",
                   line=reader.line_num, reason=str(exc))
            ) from None
        number += 1
        yield number, cells
