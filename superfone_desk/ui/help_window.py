"""F1 help: the user guide, the keyboard shortcuts and where to find the API key.

The texts are HTML files in ``resources/help/`` (readable and editable without Python);
the window shows one of them at a time and opens once, raised again on the next F1.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

#: Page name → (tab title, file under resources/help/).
PAGES: dict[str, tuple[str, str]] = {
    "guide": ("User guide", "guide.html"),
    "shortcuts": ("Keyboard shortcuts", "shortcuts.html"),
    "api_key": ("Your API key", "api-key.html"),
}


class HelpWindow(QDialog):
    """The help pages in tabs; not modal, so the form stays usable beside it."""

    def __init__(self, resource: Callable[[str], Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_window")
        self.setWindowTitle("Help")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("help_tabs")
        self._pages: dict[str, QTextBrowser] = {}
        for name, (title, file) in PAGES.items():
            browser = QTextBrowser(self)
            browser.setObjectName(f"help_{name}")
            browser.setAccessibleName(title)
            browser.setOpenExternalLinks(False)
            path = resource(f"help/{file}")
            try:
                browser.setHtml(path.read_text(encoding="utf-8"))
            except OSError:
                browser.setPlainText(f"This help page is missing ({file}).")
            self.tabs.addTab(browser, title)
            self._pages[name] = browser
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(560, 520)

    def show_page(self, name: str) -> None:
        """Shows page ``name`` ("guide", "shortcuts", "api_key") and brings the window up."""
        self.tabs.setCurrentWidget(self._pages[name])
        self.show()
        self.raise_()
        self.activateWindow()

    def page_text(self, name: str) -> str:
        return self._pages[name].toPlainText()
