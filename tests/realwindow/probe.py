"""Runs the real app (``superfone-desk --demo``) and looks at its window from inside.

Started by the real-window tests in a subprocess on a real X display (Xvfb with a window
manager, ``QT_QPA_PLATFORM=xcb``). It starts the app through the same entry point as the
``superfone-desk`` command, waits until the window is placed and idle, then records what
a person would see: where the window and its buttons are on the screen, which error
messages show (fresh, after a click, after a keyboard Save & New, after Esc), every
Alt+letter mnemonic, and the contrast of the coloured labels. It writes that as JSON
and saves screenshots; the tests decide what passes.

    python -m tests.realwindow.probe --out report.json --screens build/screens --name light
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6 import QtGui
from PySide6.QtCore import QElapsedTimer, QEventLoop, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QAccessible, QColor, QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QScrollArea,
    QTabWidget,
    QWidget,
)

from tests.realwindow.contrast import contrast_ratio

#: The coloured labels whose text must stay readable (style.qss roles).
COLOURED_ROLES = ("error", "success", "lookup", "banner", "demo")
SAMPLE_TEXT = "Enter a phone number. Save will update Asha Kumar 0123456789"
#: A phone the demo account has no lead for (Save & New creates one).
NEW_PHONE = "98450 00131"
#: A lead of the demo account (Anil Sharma): the lookup panel describes it.
KNOWN_PHONE = "98450 12345"


def dark_palette() -> QPalette:
    """A dark palette like the one a desktop's dark theme hands to Qt."""
    p = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#1e1e1e",
        QPalette.ColorRole.AlternateBase: "#2f2f2f",
        QPalette.ColorRole.ToolTipBase: "#3a3a3a",
        QPalette.ColorRole.ToolTipText: "#e8e8e8",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a",
        QPalette.ColorRole.Text: "#e8e8e8",
        QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e8e8e8",
        QPalette.ColorRole.BrightText: "#ff6b6b",
        QPalette.ColorRole.Link: "#8ab4f8",
        QPalette.ColorRole.Highlight: "#2a6fd6",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Light: "#4a4a4a",
        QPalette.ColorRole.Midlight: "#3f3f3f",
        QPalette.ColorRole.Mid: "#2f2f2f",
        QPalette.ColorRole.Dark: "#1a1a1a",
        QPalette.ColorRole.Shadow: "#000000",
    }
    for role, colour in colours.items():
        p.setColor(role, QColor(colour))
    roles = QPalette.ColorRole
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return p


def wait_until(condition: Callable[[], bool], timeout_ms: int) -> bool:
    """Runs the event loop until ``condition()`` holds or the time is up."""
    clock = QElapsedTimer()
    clock.start()
    while not condition():
        if clock.elapsed() > timeout_ms:
            return False
        loop = QEventLoop()
        QTimer.singleShot(25, loop.quit)
        loop.exec()
    return True


def settle(ms: int = 150) -> None:
    """Lets queued events, layouts and paints run (the window manager answers async)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def rect_json(rect: QRect) -> list[int]:
    return [rect.x(), rect.y(), rect.width(), rect.height()]


def mnemonic(text: str) -> str | None:
    """The Alt+letter of a Qt text (``&&`` is a literal ampersand)."""
    index = 0
    while index < len(text) - 1:
        if text[index] == "&":
            if text[index + 1] == "&":
                index += 2
                continue
            return text[index + 1].lower()
        index += 1
    return None


def describe(widget: QWidget) -> str:
    name = widget.objectName() or type(widget).__name__
    text = widget.text() if hasattr(widget, "text") else ""
    return f"{name} {text!r}" if text else name


class Probe:
    def __init__(self, app: QApplication, args: argparse.Namespace) -> None:
        self.app = app
        self.args = args
        self.report: dict[str, Any] = {"name": args.name, "steps": []}
        self.window: QMainWindow | None = None
        self.dialogs: list[str] = []
        self._closer = QTimer()
        self._closer.setInterval(100)
        self._closer.timeout.connect(self._close_modal)

    # ---------------------------------------------------------------- running

    def run(self) -> None:
        try:
            self._run()
            self.report["ok"] = True
        except Exception:  # the report must say why, whatever broke
            self.report["ok"] = False
            self.report["failure"] = traceback.format_exc()
        self.report["dialogs"] = self.dialogs
        Path(self.args.out).write_text(json.dumps(self.report, indent=1), encoding="utf-8")
        # exit(), not quit(): quit() would close the window and could ask questions.
        self.app.exit(0)

    def step(self, text: str) -> None:
        self.report["steps"].append(text)

    def _close_modal(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None:
            text = modal.text() if hasattr(modal, "text") else ""
            self.dialogs.append(f"{modal.windowTitle()}: {text}")
            modal.close()

    def _find_window(self) -> QMainWindow | None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMainWindow) and widget.isVisible():
                return widget
        return None

    def _button(self, label: str) -> QAbstractButton | None:
        assert self.window is not None
        # By name first: the text is another in another language (issue #17).
        name = {"Save": "save", "Save & New": "save_and_new"}.get(label)
        named = self.window.findChild(QAbstractButton, name) if name else None
        if named is not None:
            return named
        for button in self.window.findChildren(QAbstractButton):
            if button.text().replace("&&", "\0").replace("&", "").replace("\0", "&") == label:
                return button
        return None

    def _idle(self) -> bool:
        pool = getattr(self.window, "pool", None)
        active = getattr(pool, "active_count", 0)
        return active == 0

    def _run(self) -> None:
        self._closer.start()
        found = wait_until(lambda: self._find_window() is not None, 20_000)
        if not found:
            raise RuntimeError("no main window appeared within 20 s")
        self.window = window = self._find_window()
        assert window is not None
        self.step("window shown")
        # The rest of the window is built after the first paint; then the demo's
        # catalogs load in the pool.
        wait_until(
            lambda: self._button("Save & New") is not None and self._button("Save") is not None,
            15_000,
        )
        wait_until(self._idle, 15_000)
        # The window manager reparents and frames the window asynchronously.
        self.report["framed"] = wait_until(
            lambda: window.frameGeometry().size() != window.geometry().size(), 5_000
        )
        settle(300)
        wait_until(self._idle, 10_000)
        # On a busy machine the window manager's last move or resize (and the window's
        # refit to the real frame) can come later than 300 ms: measure once the frame
        # has stopped changing, as a person would see it a moment after the start.
        wait_until(self._frame_is_steady, 5_000)
        self.step("window idle")
        self._record_geometry("fresh")
        self.report["errors_fresh"] = self._visible_errors()
        self.report["mnemonics"] = self._mnemonics()
        self._screenshot("fresh")

        self.report["accessible_names"] = self._accessible_names()
        self.report["mnemonic_targets"] = self._press_mnemonics()

        self._click_elsewhere()
        self.report["errors_after_click"] = self._visible_errors()

        self._escape()
        self.report["errors_after_escape"] = self._visible_errors()

        self._save_and_new_by_keyboard()
        self.report["errors_after_save_and_new"] = self._visible_errors()
        self._record_geometry("after_save_and_new")
        self._screenshot("after-save-and-new")
        self.report["layout_moves"] = self._layout_moves()

        if self.args.readme:
            self._readme_shot(Path(self.args.readme))
        self.report["contrast"] = self._contrast()

    # ---------------------------------------------------------------- geometry

    def _frame_is_steady(self) -> bool:
        window = self.window
        assert window is not None
        before = window.frameGeometry()
        settle(200)
        return window.frameGeometry() == before

    def _record_geometry(self, when: str) -> None:
        window = self.window
        assert window is not None
        screen = window.screen()
        available = screen.availableGeometry()
        buttons: dict[str, dict[str, object] | None] = {}
        for label in ("Save", "Save & New"):
            button = self._button(label)
            if button is None:
                buttons[label] = None
                continue
            top_left = button.mapToGlobal(QPoint(0, 0))
            buttons[label] = {
                "global": rect_json(QRect(top_left, button.size())),
                "visible": button.isVisible(),
                # Clipped by a scroll area or the window edge: less than the whole button.
                "unclipped": button.visibleRegion().boundingRect() == button.rect(),
                "inside_screen": available.contains(QRect(top_left, button.size())),
            }
        result = window.findChild(QLabel, "save_result")
        if result is not None and result.text():
            top_left = result.mapToGlobal(QPoint(0, 0))
            buttons["result line"] = {
                "global": rect_json(QRect(top_left, result.size())),
                "visible": result.isVisible(),
                "unclipped": result.visibleRegion().boundingRect() == result.rect(),
                "inside_screen": available.contains(QRect(top_left, result.size())),
            }
        self.report[f"geometry_{when}"] = {
            "screen": rect_json(screen.geometry()),
            "available": rect_json(available),
            "device_pixel_ratio": screen.devicePixelRatio(),
            "frame": rect_json(window.frameGeometry()),
            "client": rect_json(window.geometry()),
            "fits": available.contains(window.frameGeometry()),
            "buttons": buttons,
        }

    # ---------------------------------------------------------------- errors

    def _visible_errors(self) -> list[str]:
        assert self.window is not None
        shown = []
        for label in self.window.findChildren(QLabel):
            name = label.objectName()
            is_error = name.endswith("_error") or (
                label.property("role") == "error" and name != "save_result"
            )
            if is_error and label.isVisible() and label.text().strip():
                shown.append(f"{name}: {label.text()}")
        return shown

    def _field(self, name: str) -> QWidget | None:
        assert self.window is not None
        return self.window.findChild(QWidget, name)

    def _click_elsewhere(self) -> None:
        """The first click on a fresh form: into First name (or any other line edit)."""
        assert self.window is not None
        target = self._field("first_name")
        if target is None or not target.isVisible():
            edits = [
                e
                for e in self.window.findChildren(QLineEdit)
                if e.isVisible() and e.objectName() != "customer_phone"
            ]
            target = edits[0] if edits else None
        if target is None:
            self.step("no field to click")
            return
        QTest.mouseClick(target, Qt.MouseButton.LeftButton, pos=QPoint(10, target.height() // 2))
        settle()
        self.step(f"clicked {target.objectName()}")

    def _escape(self) -> None:
        focus = QApplication.focusWidget() or self.window
        assert focus is not None
        QTest.keyClick(focus, Qt.Key.Key_Escape)
        settle()
        self.step("pressed Esc")

    def _save_and_new_by_keyboard(self) -> None:
        phone = self._field("customer_phone")
        if not isinstance(phone, QLineEdit):
            raise RuntimeError("no customer_phone line edit")
        phone.setFocus(Qt.FocusReason.ShortcutFocusReason)
        settle(50)
        QTest.keyClicks(phone, NEW_PHONE)
        settle()
        focus = QApplication.focusWidget() or phone
        modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
        QTest.keyClick(focus, Qt.Key.Key_Return, modifiers)
        self.report["save_and_new_cleared"] = wait_until(lambda: phone.text() == "", 5_000)
        result = self.window.findChild(QLabel, "save_result") if self.window else None
        if result is not None:
            # The outcome follows the save: "sending…" first, then what Superfone said.
            wait_until(lambda: bool(result.text()) and "sending" not in result.text(), 8_000)
            self.report["result_after_save_and_new"] = {
                "text": result.text(),
                "role": result.property("role"),
                "visible": result.isVisible(),
            }
        wait_until(self._idle, 10_000)
        settle(300)
        self.step("keyboard Save & New")

    # ---------------------------------------------------------------- mnemonics

    def _mnemonics(self) -> dict[str, Any]:
        """Every Alt+letter, by the scope it must be unique in.

        The window scope is the menu bar, the widgets outside the tabs and one tab page
        (the other pages' shortcuts are not live while hidden); each menu is its own scope.
        """
        window = self.window
        assert window is not None
        shell: list[tuple[str, str]] = []
        pages: dict[str, list[tuple[str, str]]] = {}
        dead: list[str] = []
        unreachable: list[str] = []
        for action in window.menuBar().actions():
            key = mnemonic(action.text())
            if key:
                shell.append((key, f"menu {action.text()!r}"))
        for widget in window.findChildren(QWidget):
            if widget.window() is not window:
                continue
            owner, key = self._widget_mnemonic(widget, dead, unreachable)
            if key is None:
                continue
            page = self._page_of(widget)
            (pages.setdefault(page, []) if page else shell).append((key, owner))
        for tabs in window.findChildren(QTabWidget):
            for index in range(tabs.count()):
                key = mnemonic(tabs.tabText(index))
                if key:
                    shell.append((key, f"tab {tabs.tabText(index)!r}"))
        scopes = {f"window + page {page}": shell + items for page, items in pages.items()}
        if not pages:
            scopes["window"] = shell
        for menu in window.findChildren(QMenu):
            items = [
                (key, f"menu item {a.text()!r}")
                for a in menu.actions()
                if not a.isSeparator() and (key := mnemonic(a.text()))
            ]
            scopes[f"menu {menu.title()!r}"] = items
        clashes = {}
        for scope, items in scopes.items():
            counts = Counter(key for key, _ in items)
            clashing = {
                key: [owner for k, owner in items if k == key] for key, n in counts.items() if n > 1
            }
            if clashing:
                clashes[scope] = clashing
        return {
            "scopes": {scope: sorted(items) for scope, items in scopes.items()},
            "clashes": clashes,
            "dead": dead,
            "unreachable": unreachable,
        }

    def _widget_mnemonic(
        self, widget: QWidget, dead: list[str], unreachable: list[str]
    ) -> tuple[str, str | None]:
        if isinstance(widget, QLabel):
            rich = widget.textFormat() == Qt.TextFormat.RichText
            if rich or QtGui.Qt.mightBeRichText(widget.text()):
                return "", None
            key = mnemonic(widget.text())
            if key is None:
                return "", None
            buddy = widget.buddy()
            if buddy is None:
                dead.append(describe(widget))
                return describe(widget), key
            target = buddy.focusProxy() or buddy
            if target.focusPolicy() == Qt.FocusPolicy.NoFocus:
                unreachable.append(f"{describe(widget)} -> {describe(buddy)}")
            return f"label {widget.text()!r} -> {buddy.objectName()}", key
        if isinstance(widget, QAbstractButton):
            key = mnemonic(widget.text())
            return f"button {describe(widget)}", key
        if isinstance(widget, QGroupBox):
            key = mnemonic(widget.title())
            return f"group {widget.title()!r}", key
        return "", None

    @staticmethod
    def _page_of(widget: QWidget) -> str | None:
        child: QWidget | None = widget
        while child is not None:
            parent = child.parentWidget()
            stack = parent.parentWidget() if parent is not None else None
            if isinstance(stack, QTabWidget):
                index = stack.indexOf(child)
                if index >= 0:
                    return stack.tabText(index).replace("&", "") or child.objectName()
            child = parent
        return None

    # ---------------------------------------------------------------- keyboard

    def _press_mnemonics(self) -> list[dict[str, Any]]:
        """Presses Alt+letter of every visible field label, from the phone field each time.

        Records where the focus went and whether that field is inside the visible part
        of its scroll area and of the screen: a key that moves the focus to a field the
        person cannot see has not taken them there.
        """
        window = self.window
        assert window is not None
        phone = self._field("customer_phone")
        results = []
        labels = [
            label
            for label in window.findChildren(QLabel)
            if label.isVisible() and label.buddy() is not None and mnemonic(label.text())
        ]
        for label in labels:
            key = mnemonic(label.text())
            assert key is not None
            buddy = label.buddy()
            if phone is not None:
                phone.setFocus(Qt.FocusReason.OtherFocusReason)
                _scroll_into_view(phone)
                settle(30)
            focus_before = QApplication.focusWidget()
            QTest.keyClick(
                focus_before or window, Qt.Key(ord(key.upper())), Qt.KeyboardModifier.AltModifier
            )
            settle(60)
            focus = QApplication.focusWidget()
            # A letter that also opens a menu leaves it open: close it for the next key.
            popup = QApplication.activePopupWidget()
            opened_popup = popup is not None
            while popup is not None:
                popup.close()
                settle(30)
                popup = QApplication.activePopupWidget()
            reached = focus is not None and (focus is buddy or buddy.isAncestorOf(focus))
            results.append(
                {
                    "key": key,
                    "label": label.text(),
                    "field": buddy.objectName(),
                    "focus": focus.objectName() if focus is not None else None,
                    "reached": reached,
                    "opened_popup": opened_popup,
                    "in_view": reached and focus is not None and _in_view(focus),
                }
            )
        return results

    def _accessible_names(self) -> dict[str, Any]:
        """The name a screen reader announces for every control that takes focus, on
        each tab page (a page's controls are announced while it is shown)."""
        window = self.window
        assert window is not None
        tabs = window.findChild(QTabWidget)
        if tabs is None:
            return self._accessible_names_shown()
        current = tabs.currentIndex()
        pages: dict[str, Any] = {}
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            settle(150)
            pages[tabs.tabText(index).replace("&", "")] = self._accessible_names_shown()
        tabs.setCurrentIndex(current)
        settle(150)
        return {
            "unnamed": [f"{page}: {who}" for page, r in pages.items() for who in r["unnamed"]],
            "shared": {
                f"{page}: {name}": whos
                for page, r in pages.items()
                for name, whos in r["shared"].items()
            },
            "count": sum(r["count"] for r in pages.values()),
        }

    def _accessible_names_shown(self) -> dict[str, Any]:
        window = self.window
        assert window is not None
        names: dict[str, list[str]] = {}
        unnamed = []
        for widget in window.findChildren(QWidget):
            if (
                not widget.isVisible()
                or widget.window() is not window
                or widget.focusProxy() is not None
                or not (widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
            ):
                continue
            interface = QAccessible.queryAccessibleInterface(widget)
            name = interface.text(QAccessible.Text.Name).strip() if interface else ""
            who = widget.objectName() or type(widget).__name__
            if name:
                names.setdefault(name, []).append(who)
            else:
                unnamed.append(who)
        return {
            "unnamed": unnamed,
            "shared": {name: whos for name, whos in names.items() if len(whos) > 1},
            "count": sum(len(whos) for whos in names.values()) + len(unnamed),
        }

    # ---------------------------------------------------------------- layout

    def _positions(self) -> dict[str, int]:
        assert self.window is not None
        return {
            widget.objectName(): widget.mapTo(self.window, QPoint(0, 0)).y()
            for widget in self.window.findChildren(QWidget)
            if widget.isVisible() and widget.objectName() in _WATCHED
        }

    def _layout_moves(self) -> dict[str, dict[str, int]]:
        """Which fields move when an error shows under Phone and when the lookup answers.

        A field that moves under the pointer between press and release takes the click
        on the wrong row (issue 13, bug 4).
        """
        phone = self._field("customer_phone")
        if not isinstance(phone, QLineEdit):
            return {}
        moves = {}
        phone.setFocus(Qt.FocusReason.OtherFocusReason)
        phone.clear()
        settle(100)
        before = self._positions()
        QTest.keyClicks(phone, "12")
        QTest.keyClick(phone, Qt.Key.Key_Tab)  # leaving the field checks it
        settle(200)
        moves["error under phone"] = _moved(before, self._positions())

        phone.setFocus(Qt.FocusReason.OtherFocusReason)
        phone.clear()
        settle(100)
        before = self._positions()
        QTest.keyClicks(phone, KNOWN_PHONE)
        lookup = self.window.findChild(QLabel, "lookup_status") if self.window else None
        if lookup is not None:
            wait_until(lambda: "Sharma" in lookup.text(), 5_000)
        settle(200)
        moves["lookup answered"] = _moved(before, self._positions())
        phone.clear()
        settle(100)
        return moves

    # ---------------------------------------------------------------- contrast

    def _contrast(self) -> list[dict[str, Any]]:
        """Text against background for every coloured label, in each role it takes.

        The text colour is the one the palette and style sheet give the label after
        polishing; the background is what is really painted behind it (the most
        common colour of its pixels in a grab of the window). A label that is empty or
        hidden gets sample text and is shown for the measurement, then put back.
        """
        window = self.window
        assert window is not None
        measured = []
        labels = [
            label
            for label in window.findChildren(QLabel)
            if label.property("role") in COLOURED_ROLES
            or label.objectName().endswith("_error")
            or label.objectName() == "save_result"
        ]
        for label in labels:
            roles = (
                ["success", "error"]
                if label.objectName() == "save_result"
                else [label.property("role") or "error"]
            )
            for role in roles:
                entry = self._measure(label, str(role))
                if entry is not None:
                    measured.append(entry)
        return measured

    def _measure(self, label: QLabel, role: str) -> dict[str, Any] | None:
        window = self.window
        assert window is not None
        saved_text, saved_visible = label.text(), label.isVisible()
        saved_role = label.property("role")
        if saved_role != role:
            self._set_role(label, role)
        if not label.text().strip():
            label.setText(SAMPLE_TEXT)
        label.setVisible(True)
        _scroll_into_view(label)
        settle(80)
        entry: dict[str, Any] | None = None
        if label.isVisible() and label.width() > 4 and label.height() > 4:
            label.ensurePolished()
            fg = label.palette().color(label.foregroundRole())
            area = QRect(label.mapTo(window, QPoint(0, 0)), label.size())
            image = window.grab(area).toImage()
            if image.isNull():
                return {"label": label.objectName(), "role": role, "unmeasured": rect_json(area)}
            background, darkest = _background_and_text(image)
            entry = {
                "label": label.objectName(),
                "role": role,
                "text_colour": fg.name(),
                "background": _hex(background),
                "ratio": round(contrast_ratio((fg.red(), fg.green(), fg.blue()), background), 2),
                "painted_text": _hex(darkest),
                "painted_ratio": round(contrast_ratio(darkest, background), 2),
            }
        label.setText(saved_text)
        label.setVisible(saved_visible)
        if saved_role != role:
            self._set_role(label, saved_role)
        return entry

    @staticmethod
    def _set_role(label: QLabel, role: object) -> None:
        label.setProperty("role", role)
        label.style().unpolish(label)
        label.style().polish(label)

    # ---------------------------------------------------------------- screenshots

    def _screenshot(self, when: str) -> None:
        window = self.window
        assert window is not None
        folder = Path(self.args.screens)
        folder.mkdir(parents=True, exist_ok=True)
        screen = window.screen()
        # The whole screen shows what a person sees, frame and edges included; the
        # window's own rendering shows everything, even what is off-screen.
        screen.grabWindow(0).save(str(folder / f"{self.args.name}-{when}-screen.png"))
        window.grab().save(str(folder / f"{self.args.name}-{when}-window.png"))
        self.step(f"screenshot {when}")

    def _readme_shot(self, path: Path) -> None:
        """The README's picture: the form with a typical lead typed in."""
        sample = {
            "customer_phone": "98450 00017",
            "first_name": "Asha",
            "last_name": "Kumar",
            "business_name": "Acme Pvt Ltd",
            "email": "asha@acme.in",
            "deal_value": "2.5L",
            "source": "walk-in",
        }
        for name, text in sample.items():
            field = self._field(name)
            if isinstance(field, QLineEdit):
                field.setFocus(Qt.FocusReason.ShortcutFocusReason)
                field.clear()
                QTest.keyClicks(field, text)
        phone = self._field("customer_phone")
        if isinstance(phone, QLineEdit):
            phone.setFocus(Qt.FocusReason.ShortcutFocusReason)
            phone.deselect()
        wait_until(self._idle, 5_000)
        # From the top of the form, as a person sees it after typing the phone.
        assert self.window is not None
        scroll = self.window.findChild(QScrollArea)
        if scroll is not None:
            scroll.verticalScrollBar().setValue(0)
        settle(600)
        wait_until(self._idle, 5_000)
        path.parent.mkdir(parents=True, exist_ok=True)
        assert self.window is not None
        self.window.grab().save(str(path))
        self.step(f"README screenshot {path}")


#: Fields whose place on the screen must not change while the user works.
_WATCHED = ("first_name", "last_name", "business_name", "email", "lead_stage_name",
            "save", "save_and_new", "clear")


def _moved(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {
        name: after[name] - y for name, y in before.items() if name in after and after[name] != y
    }


def _in_view(widget: QWidget) -> bool:
    """Whether all of ``widget`` is inside its scroll areas' viewports and the screen."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            viewport = parent.viewport()
            top_left = widget.mapTo(viewport, QPoint(0, 0))
            if not viewport.rect().contains(QRect(top_left, widget.size())):
                return False
        parent = parent.parentWidget()
    area = widget.screen().availableGeometry()
    return area.contains(QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size()))


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def _scroll_into_view(widget: QWidget) -> None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()


def _background_and_text(image: QImage) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """The most common colour of ``image`` and the colour that differs most from it."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    width, height = image.width(), image.height()
    data = bytes(image.constBits())[: image.bytesPerLine() * height]
    stride = image.bytesPerLine()
    counts: Counter[tuple[int, int, int]] = Counter()
    for y in range(height):
        row = data[y * stride : y * stride + width * 4]
        # Format_RGB32 is 0xffRRGGBB, little-endian in memory: B, G, R, A.
        counts.update(zip(row[2::4], row[1::4], row[0::4], strict=True))
    background = counts.most_common(1)[0][0]
    text = max(counts, key=lambda colour: contrast_ratio(colour, background))
    return background, text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", required=True, help="where to write the JSON report")
    parser.add_argument("--screens", required=True, help="folder for the screenshots")
    parser.add_argument("--name", required=True, help="scenario name, prefixes screenshots")
    parser.add_argument("--data-dir", required=True, help="the app's --data-dir")
    parser.add_argument("--dark", action="store_true", help="run under a dark palette")
    parser.add_argument("--readme", metavar="PNG", help="also save the README screenshot here")
    args = parser.parse_args(argv)

    app = QApplication(["superfone-desk"])
    if args.dark:
        app.setPalette(dark_palette())
    probe = Probe(app, args)
    QTimer.singleShot(0, probe.run)

    from superfone_desk.__main__ import main as app_main

    code = app_main(["--demo", "--data-dir", args.data_dir])
    return 0 if probe.report.get("ok") else (code or 3)


if __name__ == "__main__":
    sys.exit(main())
