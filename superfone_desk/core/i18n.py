"""Marks the core's user-facing English for translation, without importing Qt.

The core keeps returning English (its tests, the log and the headless runner read it).
What a person may see is written ``N_("...")`` (a fixed text) or
``F_("Phone {phone} ...", phone=...)`` (a template and its values). Both are plain
``str`` to every caller; ``F_`` returns a ``Message``, a ``str`` that also remembers its
template and values, so the GUI can translate the template and format it afterwards
(``ui.i18n.core_text``), in context ``"core"``.

``packaging/update_translations.py`` finds these calls (``pyside6-lupdate`` cannot see
them) and puts their texts into ``resources/translations/*.ts``.
"""

from __future__ import annotations

from typing import Any

#: The translation context of every core text (``QCoreApplication.translate(CONTEXT, ...)``).
CONTEXT = "core"


class Message(str):
    """English text made from ``template.format(**params)``, carrying both.

    A ``Message`` among ``params`` is translated too when the GUI shows it; any other
    value (what the user typed, a number) is put in as it is.
    """

    template: str
    params: dict[str, Any]
    #: "lower" / "upper": the English's first letter was changed (``lower_first``); a
    #: text left untranslated is changed the same way, a translation is not.
    recase: str | None

    def __new__(cls, template: str, /, **params: Any) -> Message:
        return cls._made(template.format(**params), template, params)

    @classmethod
    def _made(
        cls, english: str, template: str, params: dict[str, Any], recase: str | None = None
    ) -> Message:
        self = super().__new__(cls, english)
        self.template = template
        self.params = params
        self.recase = recase
        return self


def N_(text: str) -> str:  # noqa: N802 - the gettext name translators know
    """``text`` unchanged; marks it for translation."""
    return text


def F_(template: str, /, **params: Any) -> Message:  # noqa: N802
    """``template`` formatted with ``params``, translatable as a whole."""
    return Message(template, **params)


def lower_first(text: str) -> str:
    """``text`` with a small first letter (it goes after a colon), still translatable.

    The English changes; the translation is of the text as marked.
    """
    return _recased(text, text[:1].lower() + text[1:], "lower")


def upper_first(text: str) -> str:
    """``text`` with a capital first letter (it starts a sentence), still translatable."""
    return _recased(text, text[:1].upper() + text[1:], "upper")


def _recased(text: str, english: str, how: str) -> str:
    if isinstance(text, Message):
        return Message._made(english, text.template, text.params, how)
    return Message._made(english, text, {}, how)
