"""How the form treats typed text: what is trimmed, and which characters are refused.

Validation and payload building both go through ``trim`` so that what is checked is
exactly what is sent.
"""

from __future__ import annotations

import unicodedata

from superfone_desk.core.i18n import F_, N_

# Ordinary spaces and line breaks, including the Unicode ones (no-break space, ideographic
# space...) that arrive with pasted text. Other control characters are *not* trimmed, so
# a stray one at the end is reported instead of vanishing (str.strip() would eat \x1c-\x1f).
_TRIM = (
    " \t\n\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)

# Line breaks and tabs are allowed inside multi-line fields only.
_MULTILINE_OK = frozenset("\n\r\t")

# Invisible format characters that are never wanted in CRM data: zero-width space, word
# joiner, byte order mark, and the bidi embedding/override/isolate controls (which can make
# text display differently from what it is). ZWJ/ZWNJ (U+200C/U+200D) are deliberately not
# here: Indic scripts and emoji need them.
_INVISIBLE = frozenset(
    "\u200b\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)

CONTROL_CHARACTERS_MESSAGE = N_("Contains invisible control characters")


def trim(text: str) -> str:
    """``text`` without leading and trailing spaces and line breaks."""
    return text.strip(_TRIM)


def has_control_characters(text: str, *, multiline: bool = False) -> bool:
    """Whether ``text`` holds characters a user can't see and the CRM shouldn't store.

    That is C0/C1 controls (except newline, carriage return and tab when ``multiline``),
    lone surrogates (which can't be encoded as UTF-8 at all) and the invisible format
    characters in ``_INVISIBLE``.
    """
    if text.isascii() and text.isprintable():
        # The usual text, decided at C speed (an import checks a dozen fields a row):
        # the only ASCII controls are the non-printable ones (C0 and DEL).
        return False
    for char in text:
        if multiline and char in _MULTILINE_OK:
            continue
        if char in _INVISIBLE:
            return True
        if unicodedata.category(char) in ("Cc", "Cs"):
            return True
    return False


# Letters that draw nothing (Hangul fillers, the braille blank): a name made of them looks
# empty on every screen yet is not empty.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")

INVISIBLE_ONLY_MESSAGE = N_("Contains only invisible characters")


def is_invisible_only(text: str) -> bool:
    """Whether non-empty ``text`` shows nothing: only format characters (ZWJ, ZWNJ, soft
    hyphen...), lone combining marks, spaces and blank letters (issue #12.13)."""
    return bool(text) and all(
        c in _BLANK_LETTERS or unicodedata.category(c) in ("Cf", "Mn", "Me", "Zs", "Cc")
        for c in text
    )


def too_long_message(length: int, limit: int) -> str:
    return F_("Too long: {length:,} characters (at most {limit:,})", length=length, limit=limit)


def quoted(text: str, limit: int = 40) -> str:
    """``text`` in typographic quotes for a message, shortened when long."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"“{text}”"
