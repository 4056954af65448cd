"""Source types as the form shows them: their words in the language, and back.

``core.source_types`` gives "Phone contact" for ``PHONE_CONTACT`` and reads the words
back into the API value; the form shows those words translated ("फ़ोन कॉन्टैक्ट"), so
what the picker holds is turned back into the English words before the core reads it.
A value Superfone adds later has no translation and passes through as it is.
"""

from __future__ import annotations

from superfone_desk.core.source_types import WORDS, source_type_api_value, source_type_words
from superfone_desk.ui.i18n import core_text


def shown(value: str) -> str:
    """The words for an API value (or for words), in the language."""
    return core_text(source_type_words(value))


def api_value(text: str) -> str:
    """The API value for what the picker shows (translated or English words)."""
    english = {core_text(words).casefold(): words for words in WORDS.values()}
    return source_type_api_value(english.get(text.strip().casefold(), text))
