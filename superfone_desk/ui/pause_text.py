"""What the window says about a lead paused for the user: its real cause, never a guess.

A pause keeps its cause (``store.entry.PauseCause``). Only a 401 means the API key was
refused; a certificate refused, a redirect or an unusable address says nothing about the
key, and blaming the key there once led a user to enter another account's key
(issue #12.3).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from superfone_desk.store.entry import OutboxEntry, PauseCause, stop_reason
from superfone_desk.ui.i18n import QT_TRANSLATE_NOOP, core_text

#: The Settings message for a refused key (tests and the key flow look for its words).
KEY_REFUSED = QT_TRANSLATE_NOOP(
    "PauseText",
    "Superfone did not accept the API key. Enter a valid key: saved leads wait in "
    "the outbox and are sent as soon as it works.",
)
translate = QCoreApplication.translate
#: stop_reason's own words for a pause without a known cause (a core text).
_SETTINGS_REFUSED = "the connection settings were refused"


def waiting_line(entry: OutboxEntry) -> str:
    """The form's result line: "Waiting: the server's certificate was refused." """
    reason = core_text(stop_reason(entry) or _SETTINGS_REFUSED)
    return translate("PauseText", "Waiting: {reason}.").format(reason=reason)


def settings_message(entry: OutboxEntry) -> str:
    """What Settings says when it opens for this paused lead."""
    if entry.cause is PauseCause.AUTH:
        return translate("PauseText", KEY_REFUSED)
    reason = core_text(stop_reason(entry) or _SETTINGS_REFUSED)
    detail = f" {core_text(entry.last_error)}" if entry.last_error else ""
    return translate(
        "PauseText",
        "Saved leads are not being sent: {reason}.{detail} They wait in the outbox and "
        "are sent as soon as the connection works.",
    ).format(reason=reason, detail=detail)
