"""Marks user-facing English for translation, without importing Qt.

It sits below every other module (the API client's messages are marked too); the core
reaches it as ``superfone_desk.core.i18n``.

The core keeps returning English (its tests, the log and the headless runner read it).
What a person may see is written ``N_("...")`` (a fixed text) or
``F_("Phone {phone} ...", phone=...)`` (a template and its values). Both are plain
``str`` to every caller; ``F_`` returns a ``Message``, a ``str`` that also remembers its
template and values, so the GUI can translate the template and format it afterwards
(``ui.i18n.core_text``), in context ``"core"``.

``packaging/update_translations.py`` finds these calls (``pyside6-lupdate`` cannot see
them) and puts their texts into ``resources/translations/*.ts``.

A text stored as plain English (an outbox entry's ``last_error``, written by the
delivery thread) has lost its template: ``recognise`` finds it again among the
templates marked ``N_`` at module level (each module that writes such texts keeps its
templates there), so the GUI can translate it when it shows it.
"""

from __future__ import annotations

import re
import string
from typing import Any, Self

#: Templates with values seen by ``N_``/``F_`` (module-level ``N_`` runs at import).
_TEMPLATES: dict[str, None] = {}
#: Their patterns, most fixed text first; None: to be made again (a template was added).
_patterns: list[list[tuple[re.Pattern[str], str]] | None] = [None]
#: A template must hold this much fixed text to be recognised (``"{a}: {b}"`` is not).
MIN_FIXED_CHARS = 8

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
    ) -> Self:
        self = super().__new__(cls, english)
        self.template = template
        self.params = params
        self.recase = recase
        return self


def N_(text: str) -> str:  # noqa: N802 - the gettext name translators know
    """``text`` unchanged; marks it for translation (a template: see ``recognise``)."""
    if "{" in text and text not in _TEMPLATES:
        _TEMPLATES[text] = None
        _patterns[0] = None
    return text


def F_(template: str, /, **params: Any) -> Message:  # noqa: N802
    """``template`` formatted with ``params``, translatable as a whole."""
    return Message(N_(template), **params)


def as_message(text: str) -> Message:
    """``text`` as a ``Message`` (a value put into another message is then translated
    too); one already is stays as it is."""
    if isinstance(text, Message):
        return text
    return Message._made(text, text, {})


def templates() -> tuple[str, ...]:
    """The templates with values known now (``recognise`` tries each)."""
    return tuple(_TEMPLATES)


def recognise(text: str) -> Message | None:
    """``text`` (English, stored without its template) as the ``Message`` it was made as.

    Its values come back as the text they were (``"429"``, not ``429``); a template with
    a format spec (``{n:,}``) is never recognised, its value could not be put back in.
    None when no known template makes ``text``.
    """
    if isinstance(text, Message):
        return text
    patterns = _patterns[0]
    if patterns is None:
        # tuple(): one step under the GIL, while the delivery thread may add a template.
        made = (_compiled(template) for template in tuple(_TEMPLATES))
        usable = sorted((m for m in made if m[2]), key=lambda m: -len(m[2]))
        patterns = _patterns[0] = [(pattern, template) for pattern, template, _ in usable]
    for pattern, template in patterns:
        match = pattern.fullmatch(text)
        if match is not None:
            return Message._made(text, template, match.groupdict())
    return None


def _compiled(template: str) -> tuple[re.Pattern[str], str, str]:
    """A pattern matching what ``template`` formats to, the template, its fixed text.

    The fixed text is "" for a template that cannot be recognised (a spec, a repeated
    or positional value, too little fixed text).
    """
    parts, fixed, names = [], "", set()
    try:
        pieces = list(string.Formatter().parse(template))
    except ValueError:  # a lone brace: not a template
        return re.compile(""), template, ""
    for literal, name, spec, conversion in pieces:
        parts.append(re.escape(literal))
        fixed += literal
        if name is None:
            continue
        if spec or conversion or not name.isidentifier() or name in names:
            return re.compile(""), template, ""
        names.add(name)
        parts.append(f"(?P<{name}>.+?)")
    if not names or len(fixed.strip()) < MIN_FIXED_CHARS:
        return re.compile(""), template, ""
    return re.compile("".join(parts), re.DOTALL), template, fixed


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
