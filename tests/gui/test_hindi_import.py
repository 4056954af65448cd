"""The import wizard in Hindi (issue #17): every page's words, counts in plural forms.

The wizard runs a real file against the sandbox; what the pages show is read back and
checked for English words left over (CRM and product names people write in Latin are
allowed, as the glossary says).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from superfone_desk.importing.plan import Outcome
from superfone_desk.ui import i18n
from superfone_desk.ui.import_wizard.wizard import MAPPING, PREVIEW, SEND, ImportWizard
from superfone_desk.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

SAMPLES = Path(__file__).parents[1] / "data" / "import"
#: Latin words a Hindi screen may show: names, formats, and what the glossary keeps.
KEPT_LATIN = frozenset({
    "Superfone", "CSV", "Excel", "HubSpot", "Zoho", "Salesforce", "csv", "xlsx", "xls",
    "vcf", "Get", "Lead", "API", "key", "URL", "PIN", "HTTP", "HTTPS", "JSON", "TLS", "IT",
    "MB", "IP", "UTF", "Windows", "vCard",
})


def english_words(text: str, kept: frozenset[str] = KEPT_LATIN) -> list[str]:
    """Latin-script words in ``text`` that are not kept names (file names aside)."""
    words = re.findall(r"[A-Za-z][A-Za-z']+", text)
    return [word for word in words if word not in kept]


def shown_texts(root: QWidget) -> list[str]:
    """What a person reads on ``root`` now: labels, buttons, combo items, table headers."""
    found = [root.windowTitle()]
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            found.append(widget.text())
            found.append(widget.toolTip())
        if isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTableWidget):
            for column in range(widget.columnCount()):
                header = widget.horizontalHeaderItem(column)
                found.append(header.text() if header is not None else "")
    return [text for text in found if text]


def _next(qtbot: QtBot, wizard: ImportWizard, page: int) -> None:
    qtbot.waitUntil(wizard.next.isEnabled, timeout=10_000)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.page == page, timeout=10_000)


def test_the_import_wizard_speaks_hindi_on_every_page(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    i18n.install("hi")
    path = tmp_path / "hubspot_contacts.csv"
    shutil.copy(SAMPLES / "hubspot_contacts.csv", path)
    wizard = window.importer.open_wizard(path)
    qtbot.waitExposed(wizard)
    assert wizard.windowTitle() == "लीड इम्पोर्ट करें — फ़ाइल चुनें"
    assert wizard.next.text() == "आगे (&N) >"
    assert [w for t in shown_texts(wizard) for w in english_words(t)] == []

    _next(qtbot, wizard, MAPPING)
    assert wizard.windowTitle() == "लीड इम्पोर्ट करें — कॉलम मिलाएँ"
    combo = wizard.mapping_page.combo(0)
    assert combo.itemText(0) == "— इम्पोर्ट नहीं —"
    assert "फ़ोन" in [combo.itemText(i) for i in range(combo.count())]
    assert "पंक्तियाँ।" in wizard.mapping_page.remembered.text()
    # The table's own cells are the file's (English headers and values): not checked.
    page_texts = [wizard.windowTitle(), wizard.mapping_page.remembered.text()]
    assert wizard.mapping_page.remembered.text().startswith("UTF-8 टेक्स्ट के रूप में पढ़ा गया")
    header = wizard.mapping_page.table.horizontalHeaderItem(1)
    assert header is not None
    page_texts.append(header.text())
    assert [w for t in page_texts for w in english_words(t)] == []

    _next(qtbot, wizard, PREVIEW)
    qtbot.waitUntil(lambda: wizard.plan is not None and wizard.next.isEnabled(), timeout=15_000)
    plan = wizard.plan
    assert plan is not None
    summary = wizard.preview_page.summary.text()
    assert f"{plan.count(Outcome.REFUSED)} अस्वीकार" in summary
    assert "1 डुप्लिकेट छोड़ी गई," not in summary  # the last count ends the sentence
    assert summary.endswith("1 डुप्लिकेट छोड़ी गई।")
    listed = wizard.preview_page.rows
    reasons = [listed.item(r, 1).text() for r in range(listed.rowCount())]
    assert "पंक्ति 2 जैसा ही फ़ोन; सिर्फ़ पंक्ति 2 इम्पोर्ट होगी" in reasons
    # Only the file's own words (its header, the value) stay as they were written.
    assert any(reason.startswith("Email: “not-an-email”: ईमेल पते में @") for reason in reasons)
    sendable = len(plan.sendable)
    assert wizard.next.text() == f"{sendable} लीड भेजें (&S)"
    assert english_words(wizard.preview_page.lookup.text()) == []

    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.page == SEND
    qtbot.waitUntil(lambda: wizard.results is not None, timeout=30_000)
    result = wizard.send_page.result.text()
    assert "बनी" in result
    assert english_words(result) == []
    assert wizard.send_page.status.text() == "हो गया।"
    assert wizard.send_page.export.text() == "अस्वीकार पंक्तियाँ एक्सपोर्ट करें… (&E)"
    wizard.close()


def test_english_plural_forms_in_the_wizard(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "zoho_leads.csv"
    shutil.copy(SAMPLES / "zoho_leads.csv", path)
    wizard = window.importer.open_wizard(path)
    _next(qtbot, wizard, MAPPING)
    rows = len(wizard._table.rows) if wizard._table is not None else 0
    assert f"{rows} rows." in wizard.mapping_page.remembered.text()
    assert wizard._texts.send_button(1) == "&Send 1 lead"
    assert wizard._texts.send_button(2) == "&Send 2 leads"
    # Grouped the Indian way by the language's locale (en_IN).
    assert wizard._texts.send_button(150000) == "&Send 1,50,000 leads"
    wizard.close()


def test_a_file_that_cannot_be_read_says_so_in_hindi(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    i18n.install("hi")
    bad = tmp_path / "leads.csv"
    bad.write_text("\n\n", encoding="utf-8")
    wizard = window.importer.open_wizard(bad)
    qtbot.waitUntil(wizard.next.isEnabled, timeout=5_000)
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    error = wizard.file_page.error
    qtbot.waitUntil(error.isVisible, timeout=10_000)
    assert error.text() == "फ़ाइल खाली है: न हेडर पंक्ति है, न डेटा।"
    wizard.close()


def test_nothing_is_cut_off_in_the_hindi_wizard(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    from tests.gui.test_hindi import _cut_off

    i18n.install("hi")
    path = tmp_path / "zoho_leads.csv"
    shutil.copy(SAMPLES / "zoho_leads.csv", path)
    wizard = window.importer.open_wizard(path)
    qtbot.waitExposed(wizard)
    assert _cut_off(wizard) == []
    _next(qtbot, wizard, MAPPING)
    assert _cut_off(wizard) == []
    _next(qtbot, wizard, PREVIEW)
    qtbot.waitUntil(lambda: wizard.plan is not None and wizard.next.isEnabled(), timeout=15_000)
    assert _cut_off(wizard) == []
    wizard.close()


def test_a_dropped_card_that_cannot_be_read_says_so_in_hindi(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    i18n.install("hi")
    card = tmp_path / "asha.vcf"
    card.write_text("just a note, no card in here", encoding="utf-8")
    window.importer.open_files([card])
    status = window.statusBar()
    qtbot.waitUntil(lambda: "asha.vcf" in status.currentMessage(), timeout=10_000)
    assert status.currentMessage().endswith(
        "इस फ़ाइल में कोई कॉन्टैक्ट कार्ड नहीं है (BEGIN:VCARD नहीं)।"
    )
