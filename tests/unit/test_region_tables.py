"""Country names in the language and an example phone for every country (issue #17).

The tables are written by ``packaging/make_region_tables.py`` (CLDR through Babel,
phonenumbers' examples); the app reads them without loading either library.
"""

from __future__ import annotations

import phonenumbers
import pytest

from superfone_desk.core._phone_examples import PHONE_EXAMPLES
from superfone_desk.core._region_names_hi import REGION_NAMES_HI
from superfone_desk.core.phones import (
    example_phone,
    parse_phone,
    region_name,
    supported_regions,
)
from tests.helpers.translations import load_script


def test_every_region_has_a_hindi_name() -> None:
    assert set(REGION_NAMES_HI) == set(phonenumbers.SUPPORTED_REGIONS)
    assert all(any("\u0900" <= c <= "\u097f" for c in name) for name in REGION_NAMES_HI.values())
    assert region_name("IN", "hi") == "भारत"
    assert region_name("de", "hi") == "जर्मनी"
    assert region_name("DE") == "Germany"
    assert region_name("DE", "xx") == "Germany"  # a language without names: English
    assert region_name("ZZ", "hi") == "ZZ"


def test_the_region_picker_lists_names_in_the_language() -> None:
    hindi = dict(supported_regions("hi"))
    assert hindi["IN"] == "भारत (+91)"
    assert hindi["AE"] == "संयुक्त अरब अमीरात (+971)"
    assert dict(supported_regions())["AE"] == "United Arab Emirates (+971)"
    assert len(hindi) == len(phonenumbers.SUPPORTED_REGIONS)


def test_every_example_is_a_valid_mobile_of_its_country() -> None:
    assert len(PHONE_EXAMPLES) >= 240
    for region, example in PHONE_EXAMPLES.items():
        assert parse_phone(example, region).ok, (region, example)
        number = phonenumbers.parse(example, region)
        assert phonenumbers.number_type(number) in (
            phonenumbers.PhoneNumberType.MOBILE,
            phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
        ), (region, example)


def test_examples_are_written_as_people_there_type_them() -> None:
    assert example_phone("IN") == "81234 56789"  # no trunk 0 for Indian mobiles
    assert example_phone("in") == "81234 56789"
    assert example_phone("GB") == "07400 123456"
    assert example_phone("ZZ") == ""


def test_the_tables_are_what_the_script_writes_now() -> None:
    pytest.importorskip("babel")
    script = load_script("make_region_tables")
    assert script.region_names("hi") == REGION_NAMES_HI, "run packaging/make_region_tables.py"
    assert script.phone_examples() == PHONE_EXAMPLES, "run packaging/make_region_tables.py"
