"""Kiosk mode from the normal window: the admin's menu item, behind the kiosk PIN.

``enter_kiosk(window)`` asks for the PIN (or, the first time, for the kiosk settings
with a new PIN), then hides the window and shows the kiosk on the window's own outbox,
connection and delivery. When the admin leaves the kiosk, the window comes back. The
kiosk settings are kept through the window's ``Preferences``, which save the settings
file whole.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from superfone_desk.core.kiosk import PinGate
from superfone_desk.ui.kiosk.pin_dialog import PinDialog
from superfone_desk.ui.kiosk.run import KioskServices, open_kiosk
from superfone_desk.ui.kiosk.settings_dialog import KioskSettingsDialog
from superfone_desk.ui.kiosk.window import KioskWindow

if TYPE_CHECKING:
    from superfone_desk.ui.main_window import MainWindow

# One gate per window for the whole run: reopening the PIN dialog doesn't reset the
# count of wrong PINs.
_GATE = "kiosk_pin_gate"


def enter_kiosk(window: MainWindow) -> None:
    """Kiosk mode after the PIN; the dialogs open on ``window`` without blocking."""
    for kind in (PinDialog, KioskSettingsDialog, KioskWindow):
        if any(w.isVisible() for w in window.findChildren(kind)):
            return  # already asking, or already running
    preferences = window.preferences
    kiosk = preferences.settings.kiosk
    if not kiosk.pin_hash:
        setup = KioskSettingsDialog(kiosk, window.region(), pin_required=True, parent=window)
        setup.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def saved() -> None:
            preferences.set_kiosk(setup.result_settings())
            _show_kiosk(window)

        setup.accepted.connect(saved)
        setup.open()
        return
    gate = window.property(_GATE)
    if not isinstance(gate, PinGate):
        gate = PinGate(kiosk.pin_hash)
        window.setProperty(_GATE, gate)
    gate.set_hash(kiosk.pin_hash)
    dialog = PinDialog(gate, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: _show_kiosk(window))
    dialog.open()


def _show_kiosk(window: MainWindow) -> KioskWindow:
    preferences = window.preferences
    services = KioskServices(
        window.outbox,
        preferences.settings.kiosk,
        preferences.set_kiosk,
        window.region(),
        nudge=window.delivery.nudge,
        account=lambda: window.connection.account,
    )
    kiosk = open_kiosk(services, parent=window)
    kiosk.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    kiosk.left.connect(window.show)
    window.hide()
    return kiosk
