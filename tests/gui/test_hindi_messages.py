"""Messages that come from below the GUI, shown in Hindi (issue #17): the API client's
errors, a lead's stored error in the Outbox tab, e-mail reasons, the catalog notes."""

from __future__ import annotations

import dataclasses
import pathlib
from collections.abc import Iterator

import httpx
import pytest
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QTableWidgetItem,
)
from pytestqt.qtbot import QtBot

from superfone_desk.api.errors import InsecureURLError, RateLimited, ServerError
from superfone_desk.api.failures import failure
from superfone_desk.api.urls import check_base_url
from superfone_desk.core.draft import Choice, LeadDraft
from superfone_desk.store.entry import PauseCause
from superfone_desk.store.outbox import EntryState
from superfone_desk.ui import i18n
from superfone_desk.ui.catalog_loader import as_of
from superfone_desk.ui.workers import user_message
from tests.gui.conftest import WindowFactory
from tests.gui.test_hindi_import import english_words
from tests.gui.test_pause_causes import redirecting_url, type_lead
from tests.helpers.drafts import ASHA

pytestmark = pytest.mark.gui

__all__ = ["redirecting_url"]  # the fixture, used by name below


@pytest.fixture
def hindi() -> Iterator[None]:
    i18n.install("hi")
    yield
    i18n.install("en")


def _error(exc_type: type[httpx.HTTPError]) -> str:
    return user_message(failure(exc_type("any"), str))


@pytest.mark.usefixtures("hindi")
def test_network_and_server_errors_are_shown_in_hindi() -> None:
    assert _error(httpx.ConnectTimeout) == (
        "समय पर Superfone से कनेक्ट नहीं हो सका। इंटरनेट कनेक्शन जाँचें।"
    )
    assert _error(httpx.ConnectError).startswith("Superfone तक नहीं पहुँच सके।")
    assert _error(httpx.ReadTimeout).startswith("Superfone ने समय पर जवाब नहीं दिया।")
    assert user_message(RateLimited(12.0)) == (
        "Superfone अभी रिक्वेस्ट सीमित कर रहा है। 12 सेकंड में फिर कोशिश होगी।"
    )
    # The server's own words are kept as Superfone said them, inside our sentence.
    assert user_message(ServerError(500, "DB timeout")) == (
        "Superfone में कोई समस्या आई (HTTP 500): DB timeout।"
    )
    with pytest.raises(InsecureURLError) as caught:
        check_base_url("http://crm.example.com/superfone")
    assert user_message(caught.value) == (
        "crm.example.com से सादा http:// कनेक्शन नहीं किया जाएगा: API key बिना एन्क्रिप्शन के "
        "जाएगी। https:// इस्तेमाल करें।"
    )


def test_settings_refuses_an_address_in_hindi(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    i18n.install("hi")
    window = make_window()
    dialog = window.open_settings()
    qtbot.waitExposed(dialog)
    base_url = dialog.findChild(QLineEdit, "base_url")
    base_url.setText("https://")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    error = dialog.findChild(QLabel, "base_url_error")
    assert error.isVisible()
    assert error.text().startswith("सर्वर का पता https:// से शुरू होना चाहिए")
    assert english_words(error.text(), frozenset({"https", "prod", "api", "superfone", "co",
                                                  "in"})) == []
    dialog.reject()


def test_a_stored_error_shows_in_hindi_in_the_outbox(
    qtbot: QtBot, make_window: WindowFactory, redirecting_url: str
) -> None:
    """The delivery thread stores its English; the tab shows it in the language."""
    i18n.install("hi")
    services = make_window.services()
    services.base_url_override = redirecting_url
    window = make_window(services)
    type_lead(window, "80000 00301", "Ravi")
    with qtbot.waitSignal(window.save_failed, timeout=10_000):
        window.form.save_button.click()
    (entry,) = window.outbox.entries()
    assert entry.state is EntryState.PAUSED
    assert entry.cause is PauseCause.REDIRECT
    assert entry.last_error is not None
    assert entry.last_error.startswith("Superfone answered with a redirect (HTTP 307)")

    view = window.outbox_view
    view.refresh()
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=5_000)
    problem = view.table.item(0, 4).text()
    assert problem.startswith("Superfone ने रीडायरेक्ट भेजा (HTTP 307)")
    assert english_words(problem) == []
    # The form's own result line and Settings' message say it in Hindi too.
    window.open_settings()
    (dialog,) = window.findChildren(QDialog, "settings_dialog")
    shown = dialog.findChild(QLabel, "settings_message").text()
    assert "Superfone ने रीडायरेक्ट भेजा (HTTP 307)" in shown
    dialog.reject()


def test_an_email_reason_is_ours_and_in_hindi(qtbot: QtBot, make_window: WindowFactory) -> None:
    i18n.install("hi")
    window = make_window()
    form = window.form
    form.phone.setText("98765 43210")
    email = form.widget("email")
    assert isinstance(email, QLineEdit)
    email.setText("asha@")
    form.save_button.click()
    label = form.error_label("email")
    qtbot.waitUntil(label.isVisible, timeout=5_000)
    assert label.text() == "“asha@”: @ के बाद कुछ छूट गया है"


@pytest.mark.usefixtures("hindi")
def test_a_cached_lists_time_and_its_notes_in_hindi() -> None:
    from datetime import datetime, timedelta

    earlier = datetime.now().astimezone() - timedelta(days=40)
    shown = as_of(earlier)
    assert shown.endswith(" तक का")
    assert english_words(shown) == []


def test_countries_and_the_phone_example_in_hindi(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    i18n.install("hi")
    window = make_window()
    window.form.set_region("DE")
    placeholder = window.form.phone.placeholderText()
    assert "जर्मनी" in placeholder
    assert "01512 3456789" in placeholder
    dialog = window.open_settings()
    qtbot.waitExposed(dialog)
    country = dialog.findChild(QComboBox, "default_country")
    names = {country.itemData(i): country.itemText(i) for i in range(country.count())}
    assert names["IN"] == "भारत (+91)"
    assert names["DE"] == "जर्मनी (+49)"
    assert names["GB"] == "यूनाइटेड किंगडम (+44)"
    latin = [text for code, text in names.items() if code and english_words(text)]
    assert latin == []
    dialog.reject()


def test_a_country_inside_a_message_is_in_hindi() -> None:
    from superfone_desk.core.validation import validate

    errors = validate(LeadDraft(customer_phone="12"), "DE")
    assert errors["customer_phone"] == "Too short for a phone number in Germany"
    i18n.install("hi")
    try:
        shown = i18n.core_text(errors["customer_phone"])
    finally:
        i18n.install("en")
    assert "जर्मनी" in shown
    assert english_words(shown) == []


def test_the_english_placeholder_has_an_example_for_every_country(
    make_window: WindowFactory,
) -> None:
    window = make_window()
    for region, example in (("IN", "81234 56789"), ("GB", "07400 123456"), ("AE", "050 123 4567")):
        window.form.set_region(region)
        assert f"e.g. {example}" in window.form.phone.placeholderText()


def test_the_followup_types_and_quick_picks_in_hindi(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    from PySide6.QtWidgets import QToolButton

    i18n.install("hi")
    window = make_window()
    types = window.findChild(QComboBox, "followup_type")
    assert types is not None
    shown = [types.itemText(i) for i in range(types.count())]
    assert [w for text in shown for w in english_words(text)] == []
    pick = window.findChild(QToolButton, "followup_pick_tomorrow_morning")
    assert pick is not None
    assert pick.text() == "कल सुबह"
    field = window.findChild(QLineEdit, "followup")
    pick.click()
    # The field gets the phrase its reader reads; what it means shows in Hindi.
    assert field.text() == "tomorrow morning"


def _problem_cell(
    qtbot: QtBot, make_window: WindowFactory, draft: LeadDraft, message: str, field: str
) -> QTableWidgetItem:
    """The Outbox tab's problem cell, in Hindi, for a lead refused with ``message``."""
    i18n.install("hi")
    window = make_window()
    outbox = window.outbox
    outbox.needs_attention(outbox.add(draft, "IN"), message, field)
    view = window.outbox_view
    view.refresh()
    qtbot.waitUntil(lambda: view.table.rowCount() == 1, timeout=5_000)
    cell = view.table.item(0, 4)
    assert cell is not None
    return cell


def test_a_refusal_tied_to_a_field_reads_as_the_form_says_it_in_hindi(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    draft = dataclasses.replace(ASHA, customer_phone="80000 00501", lead_stage=Choice.set("Hot"))
    cell = _problem_cell(qtbot, make_window, draft, "Lead stage name not found", "lead_stage_name")
    assert "“Hot”" in cell.text()
    assert english_words(cell.text().replace("“Hot”", "")) == []
    assert "Lead stage name not found" in cell.toolTip()  # Superfone's words, as said


def test_a_delivery_text_with_superfones_words_inside_in_hindi(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    draft = dataclasses.replace(ASHA, customer_phone="80000 00601")
    message = "The lead was saved, except removing labels: Label VIP is locked"
    cell = _problem_cell(qtbot, make_window, draft, message, "remove_labels")
    # Ours in Hindi; Superfone's own words (unknown to the table) as it said them.
    assert cell.text() == "लीड सेव हो गई, सिवाय लेबल हटाने के: Label VIP is locked"


@pytest.mark.usefixtures("hindi")
def test_settings_that_cannot_be_written_say_so_in_hindi(
    qtbot: QtBot, tmp_path: pathlib.Path
) -> None:
    from superfone_desk.settings import Settings, SettingsStore
    from superfone_desk.ui.preferences import Preferences

    blocker = tmp_path / "config"
    blocker.write_text("a file where the settings folder should be", encoding="utf-8")
    preferences = Preferences(SettingsStore(blocker / "inner"), Settings())
    with qtbot.waitSignal(preferences.problem) as said:
        preferences.set_only_fill_empty(True)
    assert said.args is not None
    assert said.args[0].startswith("सेटिंग्स सेव नहीं हो सकीं: ")


@pytest.mark.usefixtures("hindi")
def test_the_folder_in_use_message_in_hindi(tmp_path: pathlib.Path) -> None:
    from superfone_desk.instance_lock import FolderInUse

    error = FolderInUse(tmp_path)
    assert str(error) == f"Another Superfone Desk is using {tmp_path}; close it first."
    assert i18n.core_text(error.args[0]) == (
        f"{tmp_path} को दूसरा Superfone Desk इस्तेमाल कर रहा है; पहले उसे बंद करें।"
    )


@pytest.mark.usefixtures("hindi")
def test_a_data_folder_that_cannot_be_written_is_said_in_hindi(tmp_path: pathlib.Path) -> None:
    from superfone_desk.paths import AppPaths, DataFolderError
    from superfone_desk.ui.startup_problems import folder_problem

    blocker = tmp_path / "data"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(DataFolderError) as caught:
        AppPaths.under(blocker / "inner").ensure()
    assert "cannot write to its data folder" in str(caught.value)
    shown = folder_problem(caught.value)
    assert shown.what_happened.startswith("Superfone Desk अपने डेटा फ़ोल्डर")
    assert shown.what_happened.endswith("जहाँ फ़ोल्डर होना चाहिए वहाँ एक फ़ाइल है।")


def test_source_types_are_shown_in_hindi_and_sent_as_api_values(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    i18n.install("hi")
    window = make_window()
    picker = window.form.picker("source_type")
    qtbot.waitUntil(lambda: "फ़ोन कॉन्टैक्ट" in picker.items(), timeout=10_000)
    assert "अन्य" in picker.items()
    picker.set_choice(Choice.set("फ़ोन कॉन्टैक्ट"))
    assert window.form.draft().source_type == "PHONE_CONTACT"
    # A value kept or loaded into the form comes back in the language.
    window.form.apply_sticky(dataclasses.replace(window.form.sticky(), source_type="OTHERS"))
    assert picker.choice().value == "अन्य"
    assert window.form.draft().source_type == "OTHERS"


def test_the_kiosk_settings_list_source_types_in_words(qtbot: QtBot) -> None:
    from superfone_desk.core.kiosk import KioskPreset
    from superfone_desk.settings import KioskSettings
    from superfone_desk.ui.kiosk.settings_dialog import KioskSettingsDialog

    i18n.install("hi")
    settings = KioskSettings(pin_hash="", preset=KioskPreset(source_type="WHATSAPP_MESSAGE"))
    dialog = KioskSettingsDialog(settings, "IN")
    qtbot.addWidget(dialog)
    combo = dialog.findChild(QComboBox, "source_type")
    assert combo is not None
    assert combo.currentText() == "WhatsApp मैसेज"
    assert "फ़ोन कॉन्टैक्ट" in [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(combo.findData("OTHERS"))
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result_settings().preset.source_type == "OTHERS"


def test_the_will_change_list_names_fields_in_hindi(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    i18n.install("hi")
    window = make_window()
    form = window.form
    form.phone.setText("98450 12345")  # a demo lead: Anil, Bengaluru, source type OTHERS
    first_name = form.widget("first_name")
    assert isinstance(first_name, QLineEdit)
    qtbot.waitUntil(lambda: first_name.text() == "Anil", timeout=5_000)
    city = form.widget("city")
    assert isinstance(city, QLineEdit)
    city.setText("Mysuru")
    form.picker("source_type").set_choice(Choice.set("फ़ोन कॉन्टैक्ट"))
    shown = window.save_controller.card.change_list.label.text()
    assert "शहर: Bengaluru → Mysuru" in shown
    assert "सोर्स टाइप: अन्य → फ़ोन कॉन्टैक्ट" in shown
    assert "(&" not in shown


def test_a_plain_label_drops_the_alt_letter_in_either_language() -> None:
    assert i18n.plain_label("E&mail") == "Email"
    assert i18n.plain_label("Save && close") == "Save & close"
    i18n.install("hi")
    try:
        assert i18n.plain_label("E&mail") == "ईमेल"  # "ईमेल (&M)" without its letter
    finally:
        i18n.install("en")
