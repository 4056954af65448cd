"""The errors file: the rows that were not imported, as they were, plus why.

Same columns as the input and a last ``reason`` column, so the user can fix the rows in
Excel and import the file again. UTF-8 with a BOM (Excel reads UTF-8 only with one) and
CRLF line ends. A cell starting with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage
return) gets a leading apostrophe: Excel would otherwise run it as a formula
(CSV injection; OWASP "CSV Injection"), and the cells come from a file we did not write.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """``text`` as a cell that a spreadsheet shows as text, never runs as a formula.

    Excel hides the apostrophe; phone numbers like "+91 98765 43210" still read right.
    """
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def write_errors_csv(
    path: Path, headers: Sequence[str], rows: Iterable[tuple[Sequence[str], str]]
) -> int:
    """Write (cells, reason) rows under ``headers`` + "reason"; how many were written.

    Written to a temporary file and renamed, so an interrupted run never leaves half a
    file where the previous one was.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}-", suffix=".tmp")
    count = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as f:
            writer = csv.writer(f, lineterminator="\r\n")
            writer.writerow([safe_cell(h) for h in (*headers, "reason")])
            for cells, reason in rows:
                writer.writerow([safe_cell(c) for c in (*cells, reason)])
                count += 1
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return count
