"""What the window says about a lead paused for the user: its real cause, never a guess.

A pause keeps its cause (``store.entry.PauseCause``). Only a 401 means the API key was
refused; a certificate refused, a redirect or an unusable address says nothing about the
key, and blaming the key there once led a user to enter another account's key
(issue #12.3).
"""

from __future__ import annotations

from superfone_desk.store.entry import OutboxEntry, PauseCause, stop_reason

#: The Settings message for a refused key (tests and the key flow look for its words).
KEY_REFUSED = (
    "Superfone did not accept the API key. Enter a valid key: saved leads wait in "
    "the outbox and are sent as soon as it works."
)


def waiting_line(entry: OutboxEntry) -> str:
    """The form's result line: "Waiting: the server's certificate was refused." """
    return f"Waiting: {stop_reason(entry) or 'the connection settings were refused'}."


def settings_message(entry: OutboxEntry) -> str:
    """What Settings says when it opens for this paused lead."""
    if entry.cause is PauseCause.AUTH:
        return KEY_REFUSED
    reason = stop_reason(entry) or "the connection settings were refused"
    detail = f" {entry.last_error}" if entry.last_error else ""
    return (
        f"Saved leads are not being sent: {reason}.{detail} They wait in the outbox and "
        "are sent as soon as the connection works."
    )
