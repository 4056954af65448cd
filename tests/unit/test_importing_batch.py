"""Queueing an import into a real outbox (SQLite file), and the command's progress output."""

from __future__ import annotations

import io
import os
from pathlib import Path

from superfone_desk.importing.batch import batch_results, new_batch_id, queue_plan
from superfone_desk.importing.mapping import guess_mapping
from superfone_desk.importing.plan import ImportPlan, Outcome, plan_import
from superfone_desk.importing.progress import ProgressReport
from superfone_desk.importing.table import SourceRow, Table
from superfone_desk.store.outbox import EntryState, Outbox


def _plan() -> ImportPlan:
    rows = (
        SourceRow(2, ("9876500001", "Asha")),
        SourceRow(3, ("12", "Bad")),
        SourceRow(4, ("+91 98765 00001", "Asha again")),
        SourceRow(5, ("9876500002", "Ravi")),
        SourceRow(6, ("9876500003", "Neha")),
    )
    table = Table(("Phone", "Name"), rows, "csv")
    return plan_import(table, guess_mapping(table.headers), region="IN")


def test_queue_only_sendable_rows_in_file_order_under_one_batch(tmp_path: Path) -> None:
    plan = _plan()
    with Outbox.open(tmp_path / "outbox.db") as outbox:
        queued = queue_plan(outbox, plan, batch="leads.csv #1", account="acct")
        assert [row.source.number for row in queued.entries.values()] == [2, 5, 6]
        entries = outbox.entries(batch="leads.csv #1")
        assert sorted(e.phone for e in entries) == ["+919876500001", "+919876500002",
                                                    "+919876500003"]  # fmt: skip
        assert all(e.account == "acct" for e in entries)
        assert outbox.counts(batch="leads.csv #1")[EntryState.QUEUED] == 3
        # Nothing delivered yet: all three wait, none refused.
        results = batch_results(outbox, queued)
        assert (results.created, results.updated, results.waiting) == (0, 0, 3)


def test_cancel_keeps_what_was_queued(tmp_path: Path) -> None:
    plan = _plan()
    asked = iter([False, True])
    with Outbox.open(tmp_path / "outbox.db") as outbox:
        queued = queue_plan(outbox, plan, batch="b", cancel=lambda: next(asked), chunk=1)
        assert queued.cancelled
        assert len(queued.entries) == 1
        assert outbox.counts(batch="b")[EntryState.QUEUED] == 1


def test_error_rows_in_file_order_with_row_numbers() -> None:
    plan = _plan()
    rows = plan.error_rows()
    assert [cells for cells, _ in rows] == [("12", "Bad"), ("+91 98765 00001", "Asha again")]
    assert rows[0][1].startswith("Row 3: Phone: Too short")
    assert rows[1][1] == "Row 4: Same phone as row 2; only row 2 is imported"
    assert plan.count(Outcome.DUPLICATE) == 1


def test_batch_ids_differ_for_the_same_file_and_second() -> None:
    assert new_batch_id("a.csv") != new_batch_id("a.csv")
    assert new_batch_id("a.csv").startswith("a.csv ")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_a_bar_in_a_terminal() -> None:
    stream = _Terminal()
    report = ProgressReport(stream)
    report.update("sending", 5, 10)
    report.update("sending", 10, 10)
    report.finish()
    assert stream.getvalue() == (
        "\rsending    [###############...............] 5/10"
        "\rsending    [##############################] 10/10\n"
    )


def test_progress_is_a_few_plain_lines_otherwise() -> None:
    stream = io.StringIO()
    report = ProgressReport(stream, clock=lambda: 0.0)
    for done in range(0, 1001):
        report.update("checking", done, 1000)
    lines = stream.getvalue().splitlines()
    assert lines[0] == "checking: 0/1,000"
    assert lines[-1] == "checking: 1,000/1,000"
    assert len(lines) == 11


def test_record_exports_refused_rows_after_a_restart(tmp_path: Path) -> None:
    from superfone_desk.importing.record import load_record, refused_rows, save_record

    plan = _plan()
    data_dir = tmp_path / "data"
    with Outbox.open(tmp_path / "outbox.db") as outbox:
        queued = queue_plan(outbox, plan, batch="leads.csv #2")
        save_record(data_dir, plan, queued)
        ravi = next(i for i, row in queued.entries.items() if row.source.number == 5)
        # Delivery claims entries in order; the server refuses Ravi's.
        claimed = [outbox.claim() for _ in range(3)]
        assert ravi in [entry.id for entry in claimed if entry is not None]
        outbox.needs_attention(ravi, "Invalid lead stage", "lead_stage_name")
    # Later, another process: only the outbox and the record are left.
    record = load_record(data_dir, "leads.csv #2")
    assert record is not None
    assert record.headers == ("Phone", "Name")
    with Outbox.open(tmp_path / "outbox.db") as outbox:
        rows = refused_rows(outbox, record)
    assert rows == [
        (("12", "Bad"), "Row 3: Phone: Too short for a phone number in India"),
        (("+91 98765 00001", "Asha again"), "Row 4: Same phone as row 2; only row 2 is imported"),
        (("9876500002", "Ravi"), "Row 5: Invalid lead stage"),
    ]


def test_old_records_are_forgotten(tmp_path: Path) -> None:
    from superfone_desk.importing.record import KEEP_DAYS, load_record, save_record

    plan = _plan()
    with Outbox.open(tmp_path / "outbox.db") as outbox:
        old = queue_plan(outbox, plan, batch="old")
        new = queue_plan(outbox, plan, batch="new")
    path = save_record(tmp_path, plan, old)
    os.utime(path, (0, 0))
    save_record(tmp_path, plan, new, now=KEEP_DAYS * 86400 + 10)
    assert load_record(tmp_path, "old") is None
    assert load_record(tmp_path, "new") is not None
