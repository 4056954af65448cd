"""The import wizard, a dropped contact card and pasted text, in the real window against
the sandbox over loopback (issue #15, items 1, 3-6 on the window's side)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QGuiApplication
from pytestqt.qtbot import QtBot

from superfone_desk.importing.mapping import MappingStore
from superfone_desk.importing.plan import Outcome
from superfone_desk.importing.rows import CatalogTitles
from superfone_desk.sandbox import SandboxServer
from superfone_desk.ui.import_wizard.wizard import MAPPING, PREVIEW, SEND, ImportWizard
from superfone_desk.ui.main_window import MainWindow
from tests.gui.conftest import KEY

pytestmark = pytest.mark.gui

SAMPLES = Path(__file__).parents[1] / "data" / "import"


def _wizard(window: MainWindow, tmp_path: Path, sample: str) -> ImportWizard:
    path = tmp_path / sample
    shutil.copy(SAMPLES / sample, path)
    context = window.importer._context
    context.choose_save = lambda _title, _kinds: tmp_path / "refused.csv"
    return window.importer.open_wizard(path)


def _next(qtbot: QtBot, wizard: ImportWizard, page: int) -> None:
    qtbot.waitUntil(wizard.next.isEnabled, timeout=10_000)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.page == page, timeout=10_000)


def _checked(qtbot: QtBot, wizard: ImportWizard) -> None:
    qtbot.waitUntil(lambda: wizard.plan is not None and wizard.next.isEnabled(), timeout=15_000)


def _phones(sandbox: SandboxServer) -> set[str]:
    return {p for lead in sandbox.snapshot(KEY)["leads"] for p in lead["phone_numbers"]}


def test_csv_mapping_remembered_dry_run_send_and_refused_rows_exported(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, tmp_path: Path
) -> None:
    wizard = _wizard(window, tmp_path, "hubspot_contacts.csv")
    _next(qtbot, wizard, MAPPING)
    assert wizard.mapping is not None
    headers = wizard.mapping.headers
    record_id = headers.index("Record ID")
    assert wizard.mapping.fields[record_id] is None  # not a lead field by its name
    # The user says Record ID is the lead's source; Back keeps it, and it is remembered.
    combo = wizard.mapping_page.combo(record_id)
    combo.setCurrentIndex(combo.findData("source"))
    assert wizard.mapping.fields[record_id] == "source"
    _next(qtbot, wizard, PREVIEW)
    _checked(qtbot, wizard)
    qtbot.mouseClick(wizard.back, Qt.MouseButton.LeftButton)
    assert wizard.page == MAPPING
    assert wizard.mapping_page.combo(record_id).currentData() == "source"
    saved = MappingStore(window.importer._context.mappings_path).load(headers)
    assert saved is not None
    assert saved.fields[record_id] == "source"

    _next(qtbot, wizard, PREVIEW)
    _checked(qtbot, wizard)
    plan = wizard.plan
    assert plan is not None
    refused, duplicates = plan.count(Outcome.REFUSED), plan.count(Outcome.DUPLICATE)
    assert refused >= 1  # "not-an-email"
    assert duplicates == 1  # 1104 has 1101's mobile
    summary = wizard.preview_page.summary.text()
    assert f"{refused} refused" in summary
    assert "1 duplicate skipped" in summary  # plural forms (issue #17)
    listed = wizard.preview_page.rows
    reasons = [listed.item(r, 1).text() for r in range(listed.rowCount())]
    assert any("Email" in reason for reason in reasons)
    assert any("Same phone as row 2" in reason for reason in reasons)
    assert not _phones(sandbox) & {"+919876501002"}

    sendable = len(plan.sendable)
    assert wizard.next.text().replace("&", "") == f"Send {sendable} leads"
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.page == SEND
    qtbot.waitUntil(lambda: wizard.results is not None, timeout=30_000)
    results = wizard.results
    assert results is not None
    assert results.created + results.updated + len(results.refused) == sendable
    assert "+919876501002" in _phones(sandbox)  # Rohan, row 3
    assert "created" in wizard.send_page.result.text()

    assert wizard.send_page.export.isVisible()
    qtbot.mouseClick(wizard.send_page.export, Qt.MouseButton.LeftButton)
    out = tmp_path / "refused.csv"
    qtbot.waitUntil(lambda: "saved" in wizard.send_page.exported.text(), timeout=10_000)
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == [*headers, "reason"]
    assert len(rows) - 1 == refused + duplicates + len(results.refused)
    assert any(row[-1].startswith("Row ") and "Email" in row[-1] for row in rows[1:])
    wizard.close()

    # The next file with the same columns gets the user's mapping back.
    again = _wizard(window, tmp_path, "hubspot_contacts.csv")
    _next(qtbot, again, MAPPING)
    assert again.mapping is not None
    assert again.mapping.fields[record_id] == "source"
    assert "as you matched them last time" in again.mapping_page.remembered.text()
    again.close()


def test_mapping_without_phone_blocks_next_with_the_reason(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    wizard = _wizard(window, tmp_path, "zoho_leads.csv")
    _next(qtbot, wizard, MAPPING)
    assert wizard.mapping is not None
    for column, field in enumerate(wizard.mapping.fields):
        if field in ("customer_phone", "add_phones"):
            wizard.mapping_page.combo(column).setCurrentIndex(0)
    assert not wizard.next.isEnabled()
    assert "phone" in wizard.mapping_page.problems.text()
    assert wizard.mapping_page.problems.isVisible()
    wizard.close()


def test_unreadable_file_message_on_the_file_page(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    bad = tmp_path / "leads.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    wizard = window.importer.open_wizard(bad)
    qtbot.waitUntil(wizard.next.isEnabled, timeout=5_000)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    error = wizard.file_page.error
    qtbot.waitUntil(error.isVisible, timeout=10_000)
    assert "Excel" in error.text()
    assert wizard.page == 0
    wizard.close()


def test_xlsx_import_reaches_the_sandbox(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, tmp_path: Path
) -> None:
    wizard = _wizard(window, tmp_path, "expo_leads.xlsx")
    _next(qtbot, wizard, MAPPING)
    _next(qtbot, wizard, PREVIEW)
    _checked(qtbot, wizard)
    plan = wizard.plan
    assert plan is not None
    phones = {row.phone for row in plan.sendable}
    assert phones
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.results is not None, timeout=30_000)
    assert wizard.results is not None
    refused_phones = {row.phone for row, _ in wizard.results.refused}
    assert phones - refused_phones <= _phones(sandbox)
    # The Outbox tab lists the import as one group.
    assert wizard.queued_batch is not None
    wizard.close()


def _drop(window: MainWindow, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, mime,
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    # Qt delivers a drop only during a real drag (a platform drag loop, which offscreen
    # has not): the window's filter gets the event as Qt would hand it over.
    assert window.importer.eventFilter(window.form.phone, event)
    assert event.isAccepted()


def test_dropped_single_vcf_fills_the_form_and_undo_restores(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    card = tmp_path / "asha.vcf"
    card.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Asha Verma\r\nN:Verma;Asha;;;\r\n"
        "TEL;TYPE=CELL:+91 98765 01001\r\nEMAIL:asha@example.com\r\nORG:Verma Textiles\r\n"
        "END:VCARD\r\n",
        encoding="utf-8",
    )
    form = window.form
    form.widget("city").setText("Pune")  # typed before: kept
    _drop(window, card)
    qtbot.waitUntil(lambda: form.phone.text() != "", timeout=10_000)
    draft = form.draft()
    assert draft.first_name == "Asha"
    assert draft.last_name == "Verma"
    assert draft.emails == "asha@example.com"
    assert draft.business_name == "Verma Textiles"
    assert draft.city == "Pune"
    assert window.importer.wizard is None  # one contact: no import
    note = window.importer.paste.note.text()
    assert "asha.vcf" in note
    assert "First name Asha" in note
    qtbot.mouseClick(window.importer.paste.undo_button, Qt.MouseButton.LeftButton)
    assert form.phone.text() == ""
    assert form.draft().first_name == ""
    assert form.draft().city == "Pune"


def test_dropped_multi_contact_vcf_opens_the_wizard(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "contacts.vcf"
    shutil.copy(SAMPLES / "contacts_40.vcf", path)
    _drop(window, path)
    qtbot.waitUntil(lambda: window.importer.wizard is not None, timeout=10_000)
    wizard = window.importer.wizard
    assert wizard is not None
    assert wizard.file_page.path.text() == str(path)
    wizard.close()


SIGNATURE = """Thanks & regards,
Rahul Sharma
Sales Manager, Sharma Traders Pvt Ltd
Mob: +91 98765 01077 | rahul@sharmatraders.in
www.sharmatraders.in
Pune 411001"""


def test_multi_line_paste_in_phone_splits_and_ctrl_z_undoes(
    qtbot: QtBot, window: MainWindow
) -> None:
    form = window.form
    form.widget("first_name").setText("Old name")
    QGuiApplication.clipboard().setText(SIGNATURE)
    form.phone.setFocus()
    qtbot.keyClick(form.phone, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    draft = form.draft()
    assert draft.customer_phone == "+919876501077"
    assert draft.emails == "rahul@sharmatraders.in"
    assert (draft.first_name, draft.last_name) == ("Rahul", "Sharma")
    assert "Sharma Traders" in draft.business_name
    assert draft.city == "Pune"
    paste = window.importer.paste
    assert paste.bar.isVisible()
    assert "Phone +919876501077" in paste.note.text()
    assert "\n" not in form.phone.text()
    qtbot.keyClick(form.phone, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert form.phone.text() == ""
    assert form.draft().first_name == "Old name"
    assert paste.note.text() == "Paste undone."


def test_ctrl_shift_v_anywhere_in_the_form_splits(qtbot: QtBot, window: MainWindow) -> None:
    form = window.form
    QGuiApplication.clipboard().setText("Hi, I'm Asha from Verma Textiles, call 98765 01066")
    note = form.widget("additional_info")
    note.setFocus()
    qtbot.keyClick(
        note, Qt.Key.Key_V,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )  # fmt: skip
    assert form.draft().customer_phone == "+919876501066"
    assert form.draft().first_name == "Asha"
    # A one-line number pasted into the phone field stays an ordinary paste.
    form.phone.clear()
    QGuiApplication.clipboard().setText("98765 01055")
    form.phone.setFocus()
    qtbot.keyClick(form.phone, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "01055" in form.phone.text().replace(" ", "")


def test_outbox_tab_groups_an_import_retries_and_exports_its_refused_rows(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, tmp_path: Path
) -> None:
    # "Hot lead" is no stage of the demo account: with the catalogs unknown to the dry
    # run (as when they did not load), the row goes and the server refuses it.
    path = tmp_path / "leads.csv"
    path.write_text(
        "Name,Mobile,Stage\r\nAsha Verma,98765 01201,\r\nRavi Kumar,98765 01202,Hot lead\r\n",
        encoding="utf-8",
    )
    window.importer._context.catalogs = lambda: CatalogTitles()
    wizard = window.importer.open_wizard(path)
    _next(qtbot, wizard, MAPPING)
    _next(qtbot, wizard, PREVIEW)
    _checked(qtbot, wizard)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.results is not None, timeout=30_000)
    assert wizard.results is not None
    assert len(wizard.results.refused) == 1
    batch = wizard.queued_batch.batch if wizard.queued_batch else ""
    wizard.close()

    window.tabs.setCurrentWidget(window.outbox_view)
    batches = window.importer.batches
    qtbot.waitUntil(lambda: batches.combo.findData(batch) > 0, timeout=10_000)
    assert batches.isVisible()
    batches.combo.setCurrentIndex(batches.combo.findData(batch))
    view = window.outbox_view
    qtbot.waitUntil(lambda: view.table.rowCount() == 2, timeout=10_000)
    qtbot.waitUntil(lambda: "1 refused" in batches.combo.currentText(), timeout=10_000)
    qtbot.waitUntil(batches.retry.isEnabled, timeout=10_000)

    out = tmp_path / "batch-refused.csv"
    batches.choose_save = lambda _title, _kinds: out
    qtbot.mouseClick(batches.export, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "saved" in batches.status.text(), timeout=10_000)
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["Name", "Mobile", "Stage", "reason"]
    assert [row[:3] for row in rows[1:]] == [["Ravi Kumar", "98765 01202", "Hot lead"]]
    assert rows[1][3].startswith("Row 3: ")

    # The user adds the stage in Superfone; Retry sends the refused row again.
    sandbox.account(KEY).add_stage("Hot lead")
    qtbot.mouseClick(batches.retry, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "+919876501202" in _phones(sandbox), timeout=30_000)


def test_clearing_the_form_forgets_the_paste_undo(qtbot: QtBot, window: MainWindow) -> None:
    form = window.form
    QGuiApplication.clipboard().setText(SIGNATURE)
    form.phone.setFocus()
    qtbot.keyClick(form.phone, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert form.draft().first_name == "Rahul"
    qtbot.keyClick(form.phone, Qt.Key.Key_Escape)  # Clear
    qtbot.waitUntil(lambda: form.phone.text() == "", timeout=5_000)
    paste = window.importer.paste
    assert not paste.bar.isVisible()
    form.widget("first_name").setText("Next lead")
    qtbot.keyClick(form.phone, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert form.draft().first_name == "Next lead"


def test_xlsx_sheet_choice_is_read_and_kept_on_back(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    wizard = _wizard(window, tmp_path, "expo_leads.xlsx")
    sheet = wizard.file_page.sheet
    qtbot.waitUntil(lambda: sheet.count() == 2, timeout=10_000)
    assert not sheet.isHidden()
    sheet.setCurrentText("Expo Day 2")
    _next(qtbot, wizard, MAPPING)
    assert 'Read sheet "Expo Day 2"' in wizard.mapping_page.remembered.text()
    first = wizard.mapping
    qtbot.mouseClick(wizard.back, Qt.MouseButton.LeftButton)
    assert sheet.currentText() == "Expo Day 2"
    _next(qtbot, wizard, MAPPING)
    assert wizard.mapping is first  # not read again: nothing it depends on changed
    wizard.close()


def test_stop_sending_discards_the_rows_not_sent_yet(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, tmp_path: Path
) -> None:
    path = tmp_path / "many.csv"
    lines = ["Name,Mobile"] + [f"Lead {n},98765 03{n:03d}" for n in range(20)]
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    sandbox.faults.configure(latency_ms=500)  # delivery takes its time
    wizard = window.importer.open_wizard(path)
    window.importer._context.choose_save = lambda _title, _kinds: tmp_path / "stopped.csv"
    _next(qtbot, wizard, MAPPING)
    _next(qtbot, wizard, PREVIEW)
    _checked(qtbot, wizard)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    stop = wizard.send_page.stop
    qtbot.waitUntil(lambda: wizard.queued_batch is not None and stop.isVisible(), timeout=10_000)
    qtbot.mouseClick(stop, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.results is not None, timeout=30_000)
    result = wizard.send_page.result.text()
    assert "not sent (stopped)" in result
    assert "0 refused" in result
    qtbot.mouseClick(wizard.send_page.export, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "saved" in wizard.send_page.exported.text(), timeout=10_000)
    text = (tmp_path / "stopped.csv").read_text(encoding="utf-8-sig")
    assert "Not sent: the import was stopped" in text
    sandbox.faults.reset()
    wizard.close()


def test_lookup_tells_new_leads_from_updates(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer, tmp_path: Path
) -> None:
    existing = next(iter(_phones(sandbox)))  # a lead of the demo account
    path = tmp_path / "two.csv"
    path.write_text(f"Name,Mobile\r\nOld Lead,{existing}\r\nNew Lead,98765 04001\r\n")
    wizard = window.importer.open_wizard(path)
    _next(qtbot, wizard, MAPPING)
    _next(qtbot, wizard, PREVIEW)
    _checked(qtbot, wizard)
    assert wizard.plan is not None
    assert wizard.plan.count(Outcome.SAVE) == 2
    wizard.preview_page.lookup.setChecked(True)
    qtbot.waitUntil(
        lambda: wizard.plan is not None and wizard.plan.count(Outcome.SAVE) == 0,
        timeout=15_000,
    )
    assert wizard.plan.count(Outcome.CREATE) == 1
    assert wizard.plan.count(Outcome.UPDATE) == 1
    assert "1 to create, 1 to update" in wizard.preview_page.summary.text()
    wizard.close()
