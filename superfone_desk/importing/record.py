"""What an import sent, kept beside the outbox, so that its refused rows can be exported
with the file's own columns later: after the app restarted, from the Outbox tab's
"Export refused rows" on the batch.

The outbox keeps drafts, not the file's cells; this keeps, per batch, the headers and
for each outbox entry its row (number and cells), plus the rows the dry run refused or
skipped. One JSON file per batch in ``<data dir>/imports/``, written atomically;
records older than ``KEEP_DAYS`` are deleted when a new one is written (the outbox
forgets delivered entries too).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from superfone_desk.importing.batch import Queued
from superfone_desk.importing.plan import ImportPlan, Outcome
from superfone_desk.store.outbox import EntryState, Outbox

FOLDER = "imports"
KEEP_DAYS = 90

Cells = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ImportRecord:
    batch: str
    headers: Cells
    #: outbox entry id → (row number, cells)
    sent: dict[int, tuple[int, Cells]]
    #: rows never queued: (row number, cells, reason)
    skipped: tuple[tuple[int, Cells, str], ...]


def _path(data_dir: Path, batch: str) -> Path:
    name = hashlib.sha256(batch.encode()).hexdigest()[:24]
    return data_dir / FOLDER / f"{name}.json"


def save_record(
    data_dir: Path, plan: ImportPlan, queued: Queued, *, now: float | None = None
) -> Path:
    """Keep what ``queued`` needs for a later export; the file written."""
    skipped = [
        (row.source.number, list(row.source.cells), row.reason)
        for row in plan.rows
        if row.outcome in (Outcome.REFUSED, Outcome.DUPLICATE)
    ]
    data: dict[str, Any] = {
        "batch": queued.batch,
        "headers": list(plan.table.headers),
        "sent": {
            str(entry_id): [row.source.number, list(row.source.cells)]
            for entry_id, row in queued.entries.items()
        },
        "skipped": skipped,
    }
    path = _path(data_dir, queued.batch)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".record-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    _forget_old(path.parent, (now if now is not None else time.time()) - KEEP_DAYS * 86400)
    return path


def load_record(data_dir: Path, batch: str) -> ImportRecord | None:
    """The record of ``batch``, or None when there is none (or it cannot be read)."""
    try:
        data = json.loads(_path(data_dir, batch).read_text(encoding="utf-8"))
        return ImportRecord(
            batch=str(data["batch"]),
            headers=tuple(str(h) for h in data["headers"]),
            sent={
                int(entry_id): (int(number), tuple(str(c) for c in cells))
                for entry_id, (number, cells) in data["sent"].items()
            },
            skipped=tuple(
                (int(number), tuple(str(c) for c in cells), str(reason))
                for number, cells, reason in data["skipped"]
            ),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def refused_rows(outbox: Outbox, record: ImportRecord) -> list[tuple[Cells, str]]:
    """The batch's rows not imported, as they stand now, for ``write_errors_csv``:
    the dry run's refusals and duplicates, and entries the server refused (or that were
    discarded), in file order with "Row N: reason"."""
    found = [(number, cells, reason) for number, cells, reason in record.skipped]
    states = (EntryState.NEEDS_ATTENTION, EntryState.DISCARDED)
    limit = len(record.sent) + 10
    for entry in outbox.entries(batch=record.batch, states=states, limit=limit):
        if entry.id in record.sent:
            number, cells = record.sent[entry.id]
            found.append((number, cells, entry.last_error or "Refused by Superfone"))
    found.sort(key=lambda item: item[0])
    return [(cells, f"Row {number}: {reason}") for number, cells, reason in found]


def _forget_old(folder: Path, before: float) -> None:
    for old in folder.glob("*.json"):
        try:
            if old.stat().st_mtime < before:
                old.unlink()
        except OSError:
            continue  # another process removed it, or it is not ours to remove
