"""The interface language: which one, its translators, and the core's texts translated.

``install(app, choice)`` puts our ``superfone_desk_<lang>.qm`` on the application before
the window is built, and again when Settings changes the language: Qt then sends every
widget a ``LanguageChange`` event, and the widgets that wrap their texts retranslate.
Qt ships no ``qtbase_hi.qm``, so the words of Qt's own dialogs (OK, Cancel, Yes, the
file dialog) are in our file too (``ui/qt_texts.py`` lists them); a ``qtbase_<lang>``
found beside PySide6 is loaded as well, for languages Qt does translate.

The kiosk has a language of its own (``KioskSettings.language``): it asks a
``Catalog`` directly instead of the application's translators (``ui.kiosk``).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator

from superfone_desk.core.i18n import CONTEXT, Message, recognise
from superfone_desk.core.phones import PlaceName, region_name

log = logging.getLogger(__name__)

#: Settings' choices, in the order the Settings dialog lists them.
CHOICES = ("system", "en", "hi")
#: The languages with a translation (English is the source).
TRANSLATED = ("hi",)
#: Each language shown in itself, so a user who cannot read the current one finds theirs.
NATIVE_NAMES = {"en": "English", "hi": "हिन्दी"}
#: Dates, times and numbers follow the language, with India's conventions.
LOCALES = {"en": "en_IN", "hi": "hi_IN"}

_installed: list[QTranslator] = []
_language = ["en"]


def resolve(choice: str, system: QLocale | None = None) -> str:
    """The language ("en" or "hi") a setting means; "system" follows the locale."""
    if choice in NATIVE_NAMES:
        return choice
    name = (system or QLocale.system()).name()
    language = name.split("_", 1)[0]
    return language if language in TRANSLATED else "en"


def translations_dir() -> Path:
    from superfone_desk.app import resource_path

    return resource_path("translations")


class Catalog:
    """One language's translators, asked directly (not installed on the application)."""

    def __init__(self, language: str) -> None:
        self.language = language if language in NATIVE_NAMES else "en"
        self.translators: list[QTranslator] = []
        ours = QTranslator()
        # English has a file too: its plural forms ("%n lead(s)" -> "1 lead", "2 leads").
        if ours.load(f"superfone_desk_{self.language}", str(translations_dir())):
            self.translators.append(ours)
        else:
            # A source checkout without `python packaging/build_translations.py`.
            log.warning("No %s translation found in %s", self.language, translations_dir())
        if self.language == "en":
            return
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt_own = QTranslator()
        if qt_own.load(f"qtbase_{self.language}", qt_dir):
            self.translators.append(qt_own)

    def translate(self, context: str, text: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        """``text`` in this language (the English when there is no translation)."""
        for translator in self.translators:
            found = translator.translate(context, text, disambiguation, n)
            if found:
                return found
        if n >= 0:
            return text.replace("%n", str(n))
        return text

    def locale(self) -> QLocale:
        return QLocale(LOCALES[self.language])


def devanagari_fonts() -> list[str]:
    """The installed font families that draw Devanagari (needs a QGuiApplication)."""
    from PySide6.QtGui import QFontDatabase

    return list(QFontDatabase.families(QFontDatabase.WritingSystem.Devanagari))


def install(choice: str, *, fonts: Callable[[], list[str]] | None = None) -> str:
    """Make ``choice`` the application's language; returns the language used.

    Replaces the translators installed before (Qt then retranslates what it can).
    Without a font that draws Devanagari, Hindi would be boxes: English is used, and
    the log says which package to install (``fonts`` is injectable for tests).
    """
    from PySide6.QtGui import QGuiApplication

    app = QCoreApplication.instance()
    language = resolve(choice)
    gui = isinstance(app, QGuiApplication)
    # Asked only for Hindi: the font database is not on an English start's path.
    if language == "hi" and gui and not (fonts or devanagari_fonts)():
        log.warning("No Devanagari font is installed (e.g. fonts-noto-core): showing English")
        language = "en"
    catalog = Catalog(language)
    if app is not None:
        for old in _installed:
            app.removeTranslator(old)
        _installed.clear()
        for translator in catalog.translators:
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(catalog.locale())
    _language[0] = language
    return language


def current() -> str:
    """The language installed now ("en" when none is)."""
    return _language[0]


def core_text(text: str, catalog: Catalog | None = None) -> str:
    """A text from the Qt-free core (``core.i18n``) in the current language.

    A ``Message`` is translated as its template, then formatted; its ``Message`` values
    are translated too. Plain text is looked up as it is (texts without values); text
    stored without its template (an entry's ``last_error``) is recognised
    (``core.i18n.recognise``) and its values that are texts of ours are translated. With
    ``catalog`` (the kiosk's own language) that catalog is asked instead.
    """

    def tr(source: str) -> str:
        if catalog is not None:
            return catalog.translate(CONTEXT, source)
        return QCoreApplication.translate(CONTEXT, source)

    if isinstance(text, PlaceName):
        # A country inside a message ("Too short for a phone number in Germany").
        named = region_name(text.region, catalog.language if catalog else current())
        return named if named != str(text) else tr(text)
    stored = False
    if not isinstance(text, Message) and text:
        found = tr(text)
        language = catalog.language if catalog is not None else current()
        if found != text or language == "en":
            return found
        text = recognise(text) or text
        stored = True
    if isinstance(text, Message):
        params: dict[str, Any] = {
            key: core_text(value, catalog) if isinstance(value, Message) or stored else value
            for key, value in text.params.items()
        }
        translated = tr(text.template)
        try:
            shown = translated.format(**params)
        except (KeyError, IndexError, ValueError):
            log.warning("A translation of %r does not fit its values", text.template)
            return str(text)
        if translated == text.template and text.recase == "lower":
            return shown[:1].lower() + shown[1:]
        if translated == text.template and text.recase == "upper":
            return shown[:1].upper() + shown[1:]
        return shown
    return tr(text)


def plain_label(label: str) -> str:
    """A core label translated, without its Alt+letter: "&Stage" → "Stage", and in Hindi
    "स्टेज (&T)" → "स्टेज" (the letter in brackets goes with its "&")."""
    text = re.sub(r"\s*\(&[^&\s]\)", "", core_text(label))
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class _LanguageWatcher(QObject):
    def __init__(self, watched: QObject, retranslate: Callable[[], None]) -> None:
        super().__init__(watched)
        self._retranslate = retranslate
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange and watched is self.parent():
            self._retranslate()
        return False


def on_language_change(widget: QObject, retranslate: Callable[[], None]) -> None:
    """Call ``retranslate`` when the language changes (``widget`` gets LanguageChange).

    Lets an owner that is not a widget itself (the menus' ``WindowActions``) follow
    through the widget it fills, and a widget avoid overriding ``changeEvent``.
    """
    _LanguageWatcher(widget, retranslate)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate reads
    """Qt's marker, typed: ``text`` unchanged, extracted by lupdate under ``context``.

    For texts kept in tables and translated where shown (``self.tr(STATE_NAMES[s])``).
    """
    return text
