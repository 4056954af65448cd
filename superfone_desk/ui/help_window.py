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

from superfone_desk.ui import i18n
from superfone_desk.ui.i18n import QT_TRANSLATE_NOOP

#: Page name → (tab title, file under resources/help/).
PAGES: dict[str, tuple[str, str]] = {
    "guide": (QT_TRANSLATE_NOOP("HelpWindow", "User guide"), "guide.html"),
    "shortcuts": (QT_TRANSLATE_NOOP("HelpWindow", "Keyboard shortcuts"), "shortcuts.html"),
    "api_key": (QT_TRANSLATE_NOOP("HelpWindow", "Your API key"), "api-key.html"),
}


class HelpWindow(QDialog):
    """The help pages in tabs; not modal, so the form stays usable beside it."""

    def __init__(self, resource: Callable[[str], Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("help_window")
        self.setWindowTitle(self.tr("Help"))
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("help_tabs")
        self._pages: dict[str, QTextBrowser] = {}
        for name, (title, file) in PAGES.items():
            browser = QTextBrowser(self)
            browser.setObjectName(f"help_{name}")
            browser.setAccessibleName(self.tr(title))
            browser.setOpenExternalLinks(False)
            # The page in the interface's language when there is one (help/hi/…).
            translated = resource(f"help/{i18n.current()}/{file}")
            path = translated if translated.is_file() else resource(f"help/{file}")
            try:
                browser.setHtml(path.read_text(encoding="utf-8"))
            except OSError:
                browser.setPlainText(
                    self.tr("This help page is missing ({file}).").format(file=file)
                )
            self.tabs.addTab(browser, self.tr(title))
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
