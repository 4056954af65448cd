"""Source types shown in words, sent as the API's identifier."""

from __future__ import annotations

import pytest

from superfone_desk.core.source_types import (
    WORDS,
    source_type_api_value,
    source_type_value,
    source_type_words,
)
from tests.helpers.contract import EXAMPLE_UPSERT


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("PHONE_CONTACT", "Phone contact"),
        ("WHATSAPP_MESSAGE", "WhatsApp message"),
        ("OTHERS", "Others"),
        ("CSV_UPLOAD", "CSV upload"),
        ("GOOGLE_ADS_LEAD", "Google ads lead"),  # a value added after the contract
    ],
)
def test_source_type_words(value: str, words: str) -> None:
    assert source_type_words(value) == words


def test_every_catalog_value_reads_back_from_its_words() -> None:
    for value, words in WORDS.items():
        assert source_type_value(words) == value
        assert source_type_value(value) == value
        assert source_type_value(words.upper()) == value


def test_words_follow_the_catalog_superfone_returned() -> None:
    catalog = ["PHONE_CONTACT", "GOOGLE_ADS_LEAD"]
    assert source_type_value("google ads lead", catalog) == "GOOGLE_ADS_LEAD"
    assert source_type_value("Others", catalog) is None
    assert source_type_value("  ", catalog) is None


def test_the_contract_example_value_is_known() -> None:
    assert EXAMPLE_UPSERT["source_type"] in WORDS


def test_words_go_back_to_the_api_value() -> None:
    assert source_type_api_value("Phone contact") == "PHONE_CONTACT"
    assert source_type_api_value("Google ads lead") == "GOOGLE_ADS_LEAD"
