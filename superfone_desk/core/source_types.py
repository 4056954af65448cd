"""Source types in words ("Phone contact") for people, as API values for Superfone.

The catalog (CONTRACT.md §7) is a fixed system list of upper-case identifiers. The form
shows these words and sends the identifier; a value Superfone adds later is shown by
turning its identifier into words, so nothing new ever appears as SHOUTING_CASE.
"""

from __future__ import annotations

from superfone_desk.core.i18n import N_

#: CONTRACT.md §7, in the catalog's order. Marked: the GUI shows them in the language
#: and reads them back (``ui.form.source_type_text``); the core keeps English.
WORDS: dict[str, str] = {
    "CSV_UPLOAD": N_("CSV upload"),
    "FACEBOOK_INTEGRATION": N_("Facebook integration"),
    "PHONE_CONTACT": N_("Phone contact"),
    "WHATSAPP_MESSAGE": N_("WhatsApp message"),
    "WHATSAPP_INTEGRATION": N_("WhatsApp integration"),
    "PABBLY": N_("Pabbly"),
    "OTHERS": N_("Others"),
}


def source_type_words(value: str) -> str:
    """ "PHONE_CONTACT" → "Phone contact"; an unknown identifier in the same style."""
    known = WORDS.get(value.strip().upper())
    if known is not None:
        return known
    words = " ".join(value.replace("_", " ").split())
    return words[:1].upper() + words[1:].lower()


def source_type_value(text: str, catalog: tuple[str, ...] | list[str] = tuple(WORDS)) -> str | None:
    """The API value for ``text``, given as words or as the identifier; None if none matches.

    ``catalog`` is the list Superfone returned (its titles are the API values).
    """
    wanted = " ".join(text.replace("_", " ").split()).casefold()
    if not wanted:
        return None
    for value in catalog:
        if wanted in (source_type_words(value).casefold(), value.replace("_", " ").casefold()):
            return value
    return None


def source_type_api_value(text: str) -> str:
    """What to send for ``text`` shown in the form: the known value, else the words put
    back into the API's style ("Google ads lead" → "GOOGLE_ADS_LEAD")."""
    return source_type_value(text) or "_".join(text.split()).upper()
