"""Replaces PyInstaller's hook for PySide6.QtGui: the same collection, trimmed (qt_trim)."""

from PyInstaller.utils.hooks.qt import add_qt6_dependencies
from qt_trim import trim

hiddenimports, binaries, datas = trim(*add_qt6_dependencies(__file__))
