"""Every text is translatable and translated (issue #17).

- The committed ``.ts`` files are what ``packaging/update_translations.py`` makes of
  today's sources: a new ``tr()`` or ``N_()`` without its translation fails here.
- No message is unfinished or empty; each translation keeps the source's ``{values}``,
  its ``%n`` and (for a text with an Alt+letter) a mnemonic.
- No user-visible text in ``superfone_desk/ui/`` is a bare string literal (an AST scan).
"""

from __future__ import annotations

import ast
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.helpers.translations import ROOT, TRANSLATIONS, load_script

UI = ROOT / "superfone_desk" / "ui"
_PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*(?::[^}]*)?\}")
_MNEMONIC = re.compile(r"&(?=[^&\s])")
#: Qt's count in a plural form: %n, or %Ln (with the language's digit grouping).
_COUNT = re.compile(r"%L?n")


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found.append((name, message.findtext("source") or "", message))
    return found


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The .ts files as lupdate makes them from the sources now (on copies)."""
    folder = tmp_path_factory.mktemp("ts")
    copies = {}
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        copies[ts.name] = Path(shutil.copy(ts, folder / ts.name))
    load_script("update_translations").update(list(copies.values()))
    return copies


def test_the_committed_files_are_up_to_date_with_the_sources(
    regenerated: dict[str, Path],
) -> None:
    assert set(regenerated) >= {"superfone_desk_hi.ts", "superfone_desk_en.ts"}
    for name, fresh in regenerated.items():
        now = {(c, s) for c, s, _ in _messages(fresh)}
        committed = {(c, s) for c, s, _ in _messages(TRANSLATIONS / name)}
        assert now - committed == set(), f"{name}: run packaging/update_translations.py"
        assert committed - now == set(), f"{name}: texts no longer in the sources"


def test_every_message_is_finished(regenerated: dict[str, Path]) -> None:
    unfinished = []
    for name, fresh in regenerated.items():
        for context, source, message in _messages(fresh):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")] or [
                translation.text or ""
            ]
            if translation.get("type") == "unfinished" or not all(f.strip() for f in forms):
                unfinished.append(f"{name} [{context}] {source!r}")
    assert unfinished == []


def test_translations_keep_values_counts_and_mnemonics() -> None:
    problems = []
    for ts in sorted(TRANSLATIONS.glob("*.ts")):
        for context, source, message in _messages(ts):
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")] or [
                translation.text or ""
            ]
            for text in forms:
                if sorted(_PLACEHOLDER.findall(text)) != sorted(_PLACEHOLDER.findall(source)):
                    problems.append(f"{ts.name} [{context}] {source!r}: values differ")
                if message.get("numerus") == "yes" and set(_COUNT.findall(text)) != set(
                    _COUNT.findall(source)
                ):
                    problems.append(f"{ts.name} [{context}] {source!r}: no %n")
                if _MNEMONIC.search(source) and not _MNEMONIC.search(text):
                    problems.append(f"{ts.name} [{context}] {source!r}: no Alt+letter")
    assert problems == []


# ---------------------------------------------------------------- unwrapped literals

#: Calls whose first string argument a person reads.
_TEXT_METHODS = frozenset({
    "setText", "setToolTip", "setWindowTitle", "setPlaceholderText", "showMessage",
    "addMenu", "setTitle", "setTabText", "setStatusTip", "setWhatsThis",
    "setAccessibleName", "setAccessibleDescription", "setLabelText", "setInformativeText",
    "setDetailedText", "setHeaderLabels",
})
_TEXT_WIDGETS = frozenset({
    "QLabel", "QPushButton", "QAction", "QCheckBox", "QRadioButton", "QGroupBox",
    "QToolButton", "QMenu", "QCommandLinkButton",
})
#: QMessageBox.information(parent, title, text), QInputDialog.getText(parent, title, label).
_DIALOG_FUNCTIONS = frozenset({
    "information", "warning", "critical", "question", "about", "getText", "getItem",
})
#: Names that stay as they are in every language.
_ALLOWED = frozenset({"Superfone Desk", "Superfone", "English", "हिन्दी"})


def _shows_words(node: ast.AST) -> bool:
    """A literal (or f-string, or + of them) with letters outside HTML tags."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        words = re.sub(r"<[^>]*>", "", node.value)
        return any(c.isalpha() for c in words) and node.value not in _ALLOWED
    if isinstance(node, ast.JoinedStr):
        return any(_shows_words(part) for part in node.values)
    if isinstance(node, ast.BinOp):
        return _shows_words(node.left) or _shows_words(node.right)
    if isinstance(node, ast.IfExp):
        return _shows_words(node.body) or _shows_words(node.orelse)
    return False


def _shown_arguments(call: ast.Call) -> list[ast.AST]:
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if name in _TEXT_METHODS or name in _TEXT_WIDGETS:
        return call.args[:1]
    if name in ("addTab", "addRow", "insertRow"):
        return call.args[-2:-1] if name == "addTab" else call.args[:1]
    if name in _DIALOG_FUNCTIONS:
        return call.args[1:3]
    return []


def unwrapped_literals(folder: Path = UI) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*.py")):
        relative = path.relative_to(folder).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                for argument in _shown_arguments(node):
                    if _shows_words(argument):
                        found.append(f"{relative}:{node.lineno}: {ast.unparse(argument)[:60]}")
    return found


def test_no_user_visible_literal_is_left_unwrapped() -> None:
    assert unwrapped_literals() == []


def test_the_scan_sees_a_bare_literal(tmp_path: Path) -> None:
    (tmp_path / "page.py").write_text(
        "label.setText('Saved')\n"
        "label.setText(self.tr('Saved'))\n"
        "QPushButton(f'Send {n}')\n"
        "box.addRow('Phone', edit)\n"
        "label.setText('<br>')\n"
        "QMessageBox.warning(self, 'Oops', text)\n",
        encoding="utf-8",
    )
    assert [line.split(":")[1] for line in unwrapped_literals(tmp_path)] == ["1", "3", "4", "6"]
