"""The core's marks for translation: ``N_``, ``F_`` and ``Message`` (see
``superfone_desk.translatable``, which the API client below the core uses too)."""

from superfone_desk.translatable import (
    CONTEXT,
    F_,
    N_,
    Message,
    as_message,
    lower_first,
    recognise,
    upper_first,
)

__all__ = [
    "CONTEXT", "F_", "N_", "Message", "as_message", "lower_first", "recognise", "upper_first",
]
