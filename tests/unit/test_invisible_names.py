"""A name made only of invisible characters is refused (issue #12.13).

It looks empty on every screen, in the CRM and on the Outbox tab, yet is not empty,
so the "required" rules let it through.
"""

from __future__ import annotations

import pytest

from superfone_desk.core.draft import LeadDraft
from superfone_desk.core.text import INVISIBLE_ONLY_MESSAGE
from superfone_desk.core.validation import validate


def problems(**fields: str) -> dict[str, str]:
    return validate(LeadDraft(customer_phone="98450 00131", **fields), "IN")


@pytest.mark.parametrize(
    "name",
    [
        "\u200d\u200c",  # zero-width joiner and non-joiner
        "\u3164",  # Hangul filler
        "\u2800\u2800",  # braille blank
        "\u00ad",  # soft hyphen
        "\u0301\u0308",  # combining marks with nothing to sit on
        "\u180e",  # Mongolian vowel separator
    ],
)
def test_an_invisible_name_is_refused(name: str) -> None:
    assert problems(first_name=name).get("first_name") == INVISIBLE_ONLY_MESSAGE
    assert problems(last_name=name).get("last_name") == INVISIBLE_ONLY_MESSAGE


@pytest.mark.parametrize(
    "name",
    ["आशा", "Zoë", "\U0001f468\u200d\U0001f469\u200d\U0001f467", "ক্ষ", "O'Brien"],
)
def test_visible_names_with_joiners_and_marks_pass(name: str) -> None:
    assert "first_name" not in problems(first_name=name)
