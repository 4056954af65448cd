"""email_validator's reasons become our own translatable texts (issue #17)."""

from __future__ import annotations

import pytest
from email_validator import EmailNotValidError, validate_email

from superfone_desk.core import email_reasons as r
from tests.helpers.translations import load_script


def _library_says(address: str) -> str:
    with pytest.raises(EmailNotValidError) as caught:
        validate_email(address, check_deliverability=False)
    return str(caught.value)


@pytest.mark.parametrize(
    ("address", "ours"),
    [
        ("ravi.example.com", r.NO_AT),
        ("@example.com", r.NOTHING_BEFORE),
        ("asha@", r.NOTHING_AFTER),
        ("asha@example", r.NO_DOMAIN),
        ("asha@localhost", r.NO_DOMAIN),
        ("asha..k@example.com", r.DOTS),
        (".asha@example.com", r.DOTS),
        ("asha@-example.com", r.DOTS),
        ("asha@example.com.", r.DOTS),
        ("a b@example.com", r.CHARACTERS),
        ("ravi,asha@example.com", r.CHARACTERS),
        ("asha@@example.com", r.CHARACTERS),
        ("asha@example.local", r.RESERVED),
        ("Asha <asha@example.com>", r.ONLY_ADDRESS),
        ('"asha"@example.com', r.ONLY_ADDRESS),
        ("asha@[127.0.0.1]", r.IP_ADDRESS),
        ("asha@" + "a" * 250 + ".com", r.TOO_LONG),
    ],
)
def test_each_kind_of_refusal_gets_our_words(address: str, ours: str) -> None:
    assert r.reason(_library_says(address)) == ours


def test_a_message_of_no_known_kind_is_not_valid() -> None:
    assert r.reason("Something email_validator 9 says one day.") == r.NOT_VALID
    assert r.reason("") == r.NOT_VALID


def test_every_reason_is_marked_for_translation() -> None:
    marked = set(load_script("update_translations").core_texts())
    ours = {value for name, value in vars(r).items() if name.isupper() and isinstance(value, str)}
    assert len(ours) == 11
    assert ours <= marked
