"""Whatever moves the focus in the form (Tab, an Alt+letter, a message that focuses its
field), the whole field is scrolled into view (issue 13, bug 5)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget


class FocusInView(QObject):
    """Keeps the focused field of ``scroll``'s body visible."""

    def __init__(self, scroll: QScrollArea, parent: QObject | None = None) -> None:
        super().__init__(parent or scroll)
        self._scroll = scroll
        # Tab must go from field to field, not stop on the invisible scroll area.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)
            # The application outlives the form: stop listening when it goes.
            scroll.destroyed.connect(lambda: app.focusChanged.disconnect(self._on_focus_changed))

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        body = self._scroll.widget()
        if new is not None and body is not None and body.isAncestorOf(new):
            # Tab scrolls by itself; an Alt+letter or a click on a message does not.
            # After the focus change has been handled (a picker may relayout on it).
            QTimer.singleShot(0, lambda: self._show_focus(new))

    def _show_focus(self, widget: QWidget) -> None:
        body = self._scroll.widget()
        if not widget.hasFocus() or body is None:
            return
        # The whole field, not only its text cursor (ensureWidgetVisible's aim for an
        # edit, which left a field's lower edge under the buttons).
        centre = widget.mapTo(body, widget.rect().center())
        self._scroll.ensureVisible(centre.x(), centre.y(), 20, widget.height() // 2 + 12)
