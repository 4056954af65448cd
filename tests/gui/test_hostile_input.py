"""Hostile paste: every field gives a clean value or an inline message, never a crash
or a silent change of meaning."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from superfone_desk.sandbox import SandboxServer
from superfone_desk.ui.main_window import MainWindow
from tests.gui.conftest import KEY

pytestmark = pytest.mark.gui


def line(window: MainWindow, name: str) -> QLineEdit:
    widget = window.form.widget(name)
    assert isinstance(widget, QLineEdit)
    return widget


def paste(edit: QLineEdit, text: str) -> None:
    QApplication.clipboard().setText(text)
    edit.setFocus()
    edit.selectAll()
    edit.paste()


def saved_lead(sandbox: SandboxServer, phone: str) -> dict:
    leads = [x for x in sandbox.snapshot(KEY)["leads"] if phone in x["phone_numbers"]]
    assert len(leads) == 1
    return leads[0]


def save(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.saved, timeout=10_000):
        window.form.save_button.click()


def test_a_megabyte_in_a_name_is_refused_inline_and_kept(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    before = len(sandbox.snapshot(KEY)["leads"])
    huge = "A" * 1_000_000
    paste(line(window, "first_name"), huge)
    line(window, "customer_phone").setText("80000 00071")
    window.form.save_button.click()
    error = window.form.error_label("first_name")
    assert error.isVisible()
    assert "1,000,000 characters" in error.text()
    # Nothing was cut off behind the user's back.
    assert line(window, "first_name").text() == huge
    assert len(sandbox.snapshot(KEY)["leads"]) == before


def test_a_megabyte_note_is_refused_inline(qtbot: QtBot, window: MainWindow) -> None:
    window.form.widget("customer_note").setPlainText("note " * 200_000)  # type: ignore[attr-defined]
    line(window, "customer_phone").setText("80000 00072")
    window.form.save_button.click()
    assert "Too long" in window.form.error_label("customer_note").text()


def test_control_characters_get_a_message_not_a_silent_strip(
    qtbot: QtBot, window: MainWindow
) -> None:
    line(window, "customer_phone").setText("80000 00073")
    paste(line(window, "last_name"), "Ku\x07mar")
    window.form.save_button.click()
    assert "control characters" in window.form.error_label("last_name").text()
    assert line(window, "last_name").text() == "Ku\x07mar"


def test_rtl_emoji_and_whitespace_round_trip(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    line(window, "customer_phone").setText("80000 00074")
    paste(line(window, "first_name"), "  آشا  ")
    paste(line(window, "last_name"), "Kumar 🌸")
    paste(line(window, "business_name"), "\u05e9\u05dc\u05d5\u05dd Traders")
    save(qtbot, window)
    lead = saved_lead(sandbox, "+918000000074")
    assert lead["first_name"] == "آشا"
    assert lead["last_name"] == "Kumar 🌸"
    assert lead["business_name"] == "\u05e9\u05dc\u05d5\u05dd Traders"


def test_full_width_digits_in_the_phone(
    qtbot: QtBot, window: MainWindow, sandbox: SandboxServer
) -> None:
    paste(line(window, "customer_phone"), "９８４５０ ０００７５")
    save(qtbot, window)
    assert saved_lead(sandbox, "+919845000075")


def test_pasted_list_of_emails(qtbot: QtBot, window: MainWindow, sandbox: SandboxServer) -> None:
    line(window, "customer_phone").setText("80000 00076")
    paste(line(window, "email"), "a@acme.in, b@acme.in;c@acme.in\nd@acme.in")
    save(qtbot, window)
    assert saved_lead(sandbox, "+918000000076")["email"] == [
        "a@acme.in",
        "b@acme.in",
        "c@acme.in",
        "d@acme.in",
    ]


def test_one_bad_email_in_a_list_is_named(qtbot: QtBot, window: MainWindow) -> None:
    line(window, "customer_phone").setText("80000 00077")
    paste(line(window, "email"), "a@acme.in, not-an-email")
    window.form.save_button.click()
    assert "not-an-email" in window.form.error_label("email").text()


@pytest.mark.parametrize(
    ("field", "text"),
    [
        ("deal_value", "1e400"),
        ("deal_value", "NaN"),
        ("address.latitude", "inf"),
        ("address.longitude", "-1e309"),
        ("deal_value", "١٢٣abc"),
    ],
)
def test_numbers_that_are_not_finite_are_refused(
    qtbot: QtBot, window: MainWindow, field: str, text: str
) -> None:
    line(window, "customer_phone").setText("80000 00078")
    if field.startswith("address."):
        line(window, "address.latitude").setText("12.9")
        line(window, "address.longitude").setText("77.5")
    paste(line(window, field), text)
    window.form.save_button.click()
    assert window.form.error_label(field).isVisible()
