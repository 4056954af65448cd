"""The window's menus and keyboard shortcuts, as signals the window wires to its parts.

The menus are part of the first paint (their height is part of the layout); what they
do is connected once the rest of the window is built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QInputDialog, QMainWindow, QWidget

from superfone_desk.ui.i18n import on_language_change

if TYPE_CHECKING:
    from superfone_desk.ui.preferences import Preferences


class WindowActions(QObject):
    """The menu bar of ``window``.

    Signals:
        save_requested(bool): Ctrl+Enter (False) or Ctrl+Shift+Enter (True) in the form.
        clear_requested(): Esc in the form.
        save_preset_requested(str): the user named a new preset.
        preset_chosen(object): a Preset was picked from the Presets menu.
    """

    save_requested = Signal(bool)
    clear_requested = Signal()
    save_preset_requested = Signal(str)
    preset_chosen = Signal(object)

    def __init__(self, window: QMainWindow, preferences: Preferences) -> None:
        super().__init__(window)
        self._window = window
        self._preferences = preferences
        menu_bar = window.menuBar()
        self._file_menu = file_menu = menu_bar.addMenu("")
        # The wizard (ui.import_wizard): CSV, Excel and contact cards into the outbox.
        self.import_file = self._action("", "action_import", "Ctrl+I")
        self.settings = self._action("", "action_settings", "Ctrl+,")
        self.refresh = self._action("", "action_refresh", QKeySequence.StandardKey.Refresh)
        # The visitor kiosk (ui.kiosk), behind its PIN; no shortcut to hit by accident.
        self.kiosk = self._action("", "action_kiosk", "")
        self.quit = self._action("", "", QKeySequence.StandardKey.Quit)
        self.quit.triggered.connect(window.close)
        file_menu.addActions([self.import_file, self.settings, self.refresh, self.kiosk])
        file_menu.addSeparator()
        file_menu.addAction(self.quit)

        self._view_menu = view_menu = menu_bar.addMenu("")
        self.show_form = self._action("", "action_show_form", "Ctrl+L")
        self.show_outbox = self._action("", "action_show_outbox", "Ctrl+O")
        view_menu.addActions([self.show_form, self.show_outbox])

        self._presets_menu = menu_bar.addMenu("")  # no Alt+letter: Alt+P is the phone
        # Empties the values Save & New keeps for the next lead (ui.form.kept_values).
        self.forget_kept = self._action("", "action_forget_kept", "Ctrl+Shift+K")
        self._save_preset = QAction(self._window)
        self._save_preset.setObjectName("action_save_preset")
        self._save_preset.triggered.connect(self._on_save_preset_triggered)
        self._rebuild_presets_menu()
        preferences.presets_changed.connect(self._rebuild_presets_menu)

        #: Filled by ui.help_menu (guide, shortcuts, diagnostics, About).
        self.help_menu = menu_bar.addMenu("")
        self._retranslate()
        on_language_change(window, self._retranslate)

    def _retranslate(self) -> None:
        self._file_menu.setTitle(self.tr("&File"))
        self.import_file.setText(self.tr("&Import leads…"))
        self.settings.setText(self.tr("&Settings…"))
        self.refresh.setText(self.tr("&Refresh lists"))
        self.kiosk.setText(self.tr("&Kiosk mode…"))
        self.quit.setText(self.tr("&Quit"))
        self._view_menu.setTitle(self.tr("&View"))
        self.show_form.setText(self.tr("&Lead form"))
        self.show_outbox.setText(self.tr("&Outbox and history"))
        self._presets_menu.setTitle(self.tr("Presets"))
        self._save_preset.setText(self.tr("&Save current defaults as preset…"))
        self.forget_kept.setText(self.tr("&Forget kept values"))
        self.help_menu.setTitle(self.tr("&Help"))

    def _action(
        self, text: str, name: str, shortcut: str | QKeySequence.StandardKey
    ) -> QAction:
        action = QAction(text, self._window)
        if name:
            action.setObjectName(name)
        action.setShortcut(QKeySequence(shortcut))
        return action

    def bind_form_shortcuts(self, form: QWidget) -> None:
        """Save, Save & New and Clear from anywhere in ``form``."""
        # Return is the main key, Enter the keypad one (it carries KeypadModifier).
        keypad = Qt.KeyboardModifier.KeypadModifier
        ctrl = Qt.KeyboardModifier.ControlModifier
        shift = Qt.KeyboardModifier.ShiftModifier
        bindings = [
            (QKeySequence(ctrl | Qt.Key.Key_Return), False),
            (QKeySequence(ctrl | keypad | Qt.Key.Key_Enter), False),
            (QKeySequence(ctrl | shift | Qt.Key.Key_Return), True),
            (QKeySequence(ctrl | shift | keypad | Qt.Key.Key_Enter), True),
        ]
        for sequence, and_new in bindings:
            shortcut = QShortcut(sequence, form)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda n=and_new: self.save_requested.emit(n))
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), form)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.clear_requested)

    def _rebuild_presets_menu(self) -> None:
        menu = self._presets_menu
        menu.clear()
        menu.addAction(self._save_preset)
        menu.addAction(self.forget_kept)
        presets = self._preferences.presets
        if presets:
            menu.addSeparator()
        for number, preset in enumerate(presets[:9], start=1):
            action = self._action(preset.name, f"action_preset_{number}", f"Ctrl+{number}")
            action.triggered.connect(lambda _=False, p=preset: self.preset_chosen.emit(p))
            menu.addAction(action)

    def _on_save_preset_triggered(self) -> None:
        name, ok = QInputDialog.getText(
            self._window, self.tr("Save preset"), self.tr("Name (e.g. Walk-in counter):")
        )
        if ok and name.strip():
            self.save_preset_requested.emit(name.strip())
