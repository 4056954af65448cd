"""Text from a server, a catalog or a lead, shown as written: never as markup (#12.13).

Qt guesses. A QLabel (``Qt.AutoText``), a QMessageBox and a tooltip render text that
looks like HTML as rich text, so a catalog label titled "<b>VIP</b>" or a server's
message with an ``<img>`` in it would render (text hidden, an image fetched). Labels
that show such text are made plain text; a tooltip, which has no text format, gets the
text escaped inside a tag that makes Qt take it as rich text.
"""

from __future__ import annotations

import html

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel


def plain(*labels: QLabel) -> None:
    """Make each of ``labels`` show its text as written, whatever it looks like."""
    for label in labels:
        label.setTextFormat(Qt.TextFormat.PlainText)


def plain_tip(text: str) -> str:
    """``text`` for ``setToolTip``, shown as written (line breaks kept).

    Text Qt would show plainly anyway is returned as it is.
    """
    if not QtGui.Qt.mightBeRichText(text):
        return text
    # The leading tag keeps Qt's guess "rich text", so the escaping is undone on
    # screen; pre-wrap keeps the line breaks a plain tooltip would show.
    return f'<span style="white-space: pre-wrap">{html.escape(text, quote=False)}</span>'
