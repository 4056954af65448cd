"""core.phones: typed phone numbers → E.164, messages, as-you-type display, regions."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from superfone_desk.core import phones
from superfone_desk.core._region_names import REGION_NAMES
from superfone_desk.core.phones import (
    PhoneProblem,
    default_region,
    display_phone,
    format_as_you_type,
    parse_phone,
    region_from_locale,
    region_name,
    supported_regions,
)

E164 = r"^\+[1-9]\d{7,14}$"


@pytest.mark.parametrize(
    "typed",
    [
        "9876543210",
        "98765 43210",
        "98765-43210",
        "098765-43210",
        "098765 43210",
        "+91 98765 43210",
        "+91-98765-43210",
        "+919876543210",
        "(+91) 98765 43210",
        "+91 (0)98765 43210",
        "(0)98765 43210",
        "0091 98765 43210",
        "00919876543210",
        "919876543210",
        "98765.43210",
        "98765/43210",
        "  98765 43210\t",
        "\u00a098765\u00a043210\u00a0",
        "９８７６５ ４３２１０",  # full-width digits
        "＋９１ ９８７６５ ４３２１０",  # full-width plus too
        "98765\u201343210",  # en dash
        "98765\u221243210",  # minus sign
        "९८७६५ ४३२१०",  # Devanagari digits
    ],
)
def test_indian_mobile_typed_every_usual_way(typed: str) -> None:
    result = parse_phone(typed, "IN")
    assert result.ok, result.error
    assert result.e164 == "+919876543210"
    assert result.error is None
    assert result.problem is None


@pytest.mark.parametrize(
    ("typed", "region", "e164"),
    [
        ("080 4000 1234", "IN", "+918040001234"),  # Bengaluru landline with STD code
        ("80000 00001", "IN", "+918000000001"),  # the CONTRACT's example number
        ("(415) 555-2671", "US", "+14155552671"),
        ("415.555.2671", "US", "+14155552671"),
        ("1-415-555-2671", "US", "+14155552671"),
        ("011 91 98765 43210", "US", "+919876543210"),  # US international prefix
        ("07911 123456", "GB", "+447911123456"),
        ("+44 (0)7911 123456", "GB", "+447911123456"),
        ("020 7946 0018", "GB", "+442079460018"),
        ("050 123 4567", "AE", "+971501234567"),
        ("+971 50 123 4567", "AE", "+971501234567"),
        ("8123 4567", "SG", "+6581234567"),
        ("+65 8123 4567", "SG", "+6581234567"),
        ("030 123456", "DE", "+4930123456"),
        ("0151 23456789", "DE", "+4915123456789"),
        ("+49 151 23456789", "IN", "+4915123456789"),  # + wins over the region
        ("+1 415 555 2671", "in", "+14155552671"),  # region case doesn't matter
    ],
)
def test_other_numbers_and_regions(typed: str, region: str, e164: str) -> None:
    assert parse_phone(typed, region).e164 == e164


@pytest.mark.parametrize(
    ("typed", "problem", "message"),
    [
        ("", PhoneProblem.EMPTY, "Enter a phone number"),
        ("   \t", PhoneProblem.EMPTY, "Enter a phone number"),
        ("98765 abcde", PhoneProblem.LETTERS, "Phone numbers can't contain letters"),
        ("call me", PhoneProblem.LETTERS, "Phone numbers can't contain letters"),
        ("98765 43210 ext 12", PhoneProblem.LETTERS, "Phone numbers can't contain letters"),
        (
            "98765#43210",
            PhoneProblem.INVALID_CHARACTERS,
            "Contains characters a phone number can't have: “#”",
        ),
        (
            "98765*432,10",
            PhoneProblem.INVALID_CHARACTERS,
            "Contains characters a phone number can't have: “*” “,”",
        ),
        (
            "98765\x0043210",
            PhoneProblem.INVALID_CHARACTERS,
            "Contains characters a phone number can't have: U+0000",
        ),
        ("91+98765 43210", PhoneProblem.INVALID_CHARACTERS, "The “+” can only come at the start"),
        ("++91 98765 43210", PhoneProblem.INVALID_CHARACTERS, "The “+” can only come at the start"),
        ("-- ()", PhoneProblem.NOT_A_NUMBER, "Doesn't contain any digits"),
        ("+", PhoneProblem.NOT_A_NUMBER, "Doesn't contain any digits"),
        ("12", PhoneProblem.TOO_SHORT, "Too short for a phone number in India"),
        ("12345", PhoneProblem.TOO_SHORT, "Too short for a phone number in India"),
        ("98765 43210 98765", PhoneProblem.TOO_LONG, "Too long for a phone number in India"),
        ("9" * 300, PhoneProblem.TOO_LONG, "Too long for a phone number in India"),
        ("+91 2222 2222", PhoneProblem.NOT_VALID, "Not a valid number for India"),
        ("2612345", PhoneProblem.LOCAL_ONLY, "Looks like a local number: add the area code"),
        (
            "+999 123456789",
            PhoneProblem.INVALID_COUNTRY_CODE,
            "Unknown country code after the “+”",
        ),
    ],
)
def test_error_messages(typed: str, problem: PhoneProblem, message: str) -> None:
    result = parse_phone(typed, "IN")
    assert not result.ok
    assert result.e164 is None
    assert result.problem is problem
    assert result.error == message


def test_errors_name_the_region_of_the_number() -> None:
    assert parse_phone("+44 123", "IN").error == "Too short for a phone number in United Kingdom"
    assert parse_phone("+65 8123", "IN").error == "Too short for a phone number in Singapore"
    assert parse_phone("+49 1", "IN").error == "Too short for a phone number"
    assert parse_phone("555 1234 5678 99", "US").error == (
        "Too long for a phone number in United States"
    )
    assert parse_phone("+1 123 456 7890", "IN").error == "Not a valid number for United States"
    # +1 typed by someone in Canada is about Canada
    assert parse_phone("+1 123 456 7890", "CA").error == "Not a valid number for Canada"


def test_wrong_length_between_the_possible_ones() -> None:
    # Singapore numbers have 8 digits (or 10/11 for special services), never 9.
    result = parse_phone("8888 88888", "SG")
    assert result.problem is PhoneProblem.INVALID_LENGTH
    assert result.error == "Wrong number of digits for a phone number in Singapore"


def test_unknown_region_needs_a_country_code() -> None:
    assert parse_phone("+91 98765 43210", "XX").e164 == "+919876543210"
    assert parse_phone("+91 98765 43210", "").e164 == "+919876543210"
    result = parse_phone("98765 43210", "XX")
    assert result.problem is PhoneProblem.INVALID_COUNTRY_CODE
    assert result.error == "Start with + and the country code"


# --------------------------------------------------------------------- format_as_you_type


@pytest.mark.parametrize(
    ("region", "typed", "expected"),
    [
        (
            "IN",
            "9876543210",
            ["9", "98", "987", "9876", "98765", "98765 4", "98765 43", "98765 432",
             "98765 4321", "98765 43210"],
        ),
        (
            "IN",
            "+919876543210",
            ["+", "+9", "+91", "+91 9", "+91 98", "+91 987", "+91 9876", "+91 98765",
             "+91 98765 4", "+91 98765 43", "+91 98765 432", "+91 98765 4321",
             "+91 98765 43210"],
        ),
        (
            "US",
            "4155552671",
            ["4", "41", "415", "415-5", "415-55", "415-555", "415-5552", "(415) 555-26",
             "(415) 555-267", "(415) 555-2671"],
        ),
        (
            "GB",
            "07911123456",
            ["0", "07", "079", "0791", "07911", "07911 1", "07911 12", "07911 123",
             "07911 1234", "07911 12345", "07911 123456"],
        ),
    ],
)
def test_format_as_you_type_progressive(region: str, typed: str, expected: list[str]) -> None:
    shown = ""
    results = []
    for char in typed:
        # What a line edit does: the user adds a character at the end, we reformat it all.
        shown = format_as_you_type(shown + char, region)
        results.append(shown)
    assert results == expected


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("98765-43210", "98765 43210"),
        ("+91-98765-43210", "+91 98765 43210"),
        ("  9876543210  ", "98765 43210"),
        ("９８７６５４３２１０", "98765 43210"),
    ],
)
def test_format_as_you_type_regroups(typed: str, expected: str) -> None:
    assert format_as_you_type(typed, "IN") == expected


@pytest.mark.parametrize(
    "typed",
    ["", "  ", "call 98765", "98765#43210", "98765432101234567", "+91 ", "9+1", "98-7"],
)
def test_format_as_you_type_keeps_what_it_cannot_format(typed: str) -> None:
    assert format_as_you_type(typed, "IN") == typed


def test_format_as_you_type_lets_backspace_remove_the_separator() -> None:
    # The formatter's own output for "+91" would be "+91 "; if we returned that, deleting
    # the space would be undone on every keystroke.
    assert format_as_you_type("+91", "IN") == "+91"
    assert format_as_you_type("+91 ", "IN") == "+91 "


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet="0123456789+ -().", max_size=20),
    region=st.sampled_from(["IN", "US", "GB", "AE", "SG", "DE", "ZZ"]),
)
def test_format_as_you_type_is_idempotent_and_keeps_digits(text: str, region: str) -> None:
    once = format_as_you_type(text, region)
    assert format_as_you_type(once, region) == once
    assert [c for c in once if c.isdigit()] == [c for c in text if c.isdigit()]


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=40), region=st.sampled_from(["IN", "US", "", "xx", "GB"]))
def test_phone_functions_never_raise(text: str, region: str) -> None:
    result = parse_phone(text, region)
    assert result.ok != (result.error is not None)
    if result.e164 is not None:
        assert phonenumbers.is_valid_number(phonenumbers.parse(result.e164))
    format_as_you_type(text, region)
    display_phone(text)


# --------------------------------------------------------------------- display and regions


def test_display_phone() -> None:
    assert display_phone("+919876543210") == "+91 98765 43210"
    assert display_phone("+918000000001") == "+91 80000 00001"
    assert display_phone("+14155552671") == "+1 415-555-2671"
    assert display_phone("not a phone") == "not a phone"


def test_region_names() -> None:
    assert region_name("IN") == "India"
    assert region_name("in") == "India"
    assert region_name("AE") == "United Arab Emirates"
    assert region_name("GB") == "United Kingdom"
    assert region_name("QQ") == "QQ"


def test_supported_regions_for_the_dropdown() -> None:
    regions = supported_regions()
    assert ("IN", "India (+91)") in regions
    assert ("US", "United States (+1)") in regions
    assert ("AE", "United Arab Emirates (+971)") in regions
    assert {code for code, _ in regions} == phonenumbers.SUPPORTED_REGIONS
    names = [name for _, name in regions]
    assert names[0].startswith("Afghanistan")
    assert names.index("Åland Islands (+358)") < names.index("Albania (+355)")
    # Every region has a real name, not its code as a stand-in.
    assert all(not name.startswith(f"{code} (") for code, name in regions)
    regions.clear()  # a copy: the caller may change it
    assert supported_regions()


@pytest.mark.parametrize(
    ("name", "region"),
    [
        ("en_IN", "IN"),
        ("en_IN.UTF-8", "IN"),
        ("de_DE", "DE"),
        ("de_DE@euro", "DE"),
        ("en-GB", "GB"),
        ("hi_IN.utf8", "IN"),
        ("zh_Hant_TW", "TW"),
        ("English_India.1252", "IN"),
        ("English_United States.1252", "US"),
        ("C", None),
        ("C.UTF-8", None),
        ("POSIX", None),
        ("en", None),
        ("en_001", None),
        ("", None),
        (None, None),
    ],
)
def test_region_from_locale(name: str | None, region: str | None) -> None:
    assert region_from_locale(name) == region


def test_default_region_prefers_lc_all_then_lang_then_the_process_locale() -> None:
    def no_locale() -> str | None:
        return None

    assert default_region({"LC_ALL": "de_DE.UTF-8", "LANG": "en_US.UTF-8"}, no_locale) == "DE"
    assert default_region({"LC_ALL": "C", "LANG": "en_GB.UTF-8"}, no_locale) == "GB"
    assert default_region({}, lambda: "en_SG") == "SG"
    assert default_region({"LANG": "C.UTF-8"}, lambda: "English_India.1252") == "IN"


def test_default_region_falls_back_to_india() -> None:
    assert default_region({}, lambda: None) == "IN"
    assert default_region({"LANG": "C"}, lambda: "POSIX") == "IN"
    # Python reports C.UTF-8 as en_US; that must not make the default the US.
    assert default_region({"LANG": "C.UTF-8"}, lambda: "en_US") == "IN"
    assert default_region({"LC_ALL": "C"}, lambda: "en_US") == "IN"
    assert default_region({"LANG": "en_ZZ"}, lambda: "xx_QQ") == "IN"


def test_default_region_reads_the_real_environment_without_failing() -> None:
    assert default_region() in phonenumbers.SUPPORTED_REGIONS


# --------------------------------------------------------------------- round trip

_EXAMPLES = sorted(
    (region, phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
    for region in phonenumbers.SUPPORTED_REGIONS
    for kind in (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE)
    if (number := phonenumbers.example_number_for_type(region, kind)) is not None
)


@settings(max_examples=200, deadline=None)
@given(example=st.sampled_from(_EXAMPLES), reader=st.sampled_from(["IN", "US", "DE"]))
def test_round_trip_national_and_international(example: tuple[str, str], reader: str) -> None:
    region, e164 = example
    number = phonenumbers.parse(e164)
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    international = phonenumbers.format_number(
        number, phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    assert parse_phone(national, region).e164 == e164
    assert parse_phone(international, reader).e164 == e164
    assert parse_phone(display_phone(e164), reader).e164 == e164
    assert parse_phone(format_as_you_type(national, region), region).e164 == e164


def test_parse_phone_is_memoised() -> None:
    first = parse_phone("98765 43219", "IN")
    assert parse_phone("98765 43219", "IN") is first
    assert parse_phone("98765 43219", "US") is not first
    assert parse_phone.cache_info().maxsize == 4096


def test_the_locale_regions_are_phonenumbers_regions() -> None:
    # region_from_locale uses the name table so that it needs no phonenumbers import.
    assert frozenset(phonenumbers.SUPPORTED_REGIONS) == phones._KNOWN_REGIONS
    assert set(REGION_NAMES) == set(phonenumbers.SUPPORTED_REGIONS)


def test_warm_up() -> None:
    phones.warm_up()
    assert parse_phone("98765 43210", phones.FALLBACK_REGION).ok


@pytest.mark.parametrize(
    ("region", "typed", "expected"),
    [
        # The country code typed without "+": the national grouping of the first ten
        # digits ("91984 5000131") must not stay once the twelfth digit shows what it is.
        ("IN", "919845000131", "91 98450 00131"),
        ("GB", "447911123456", "44 7911 123456"),
    ],
)
def test_format_as_you_type_groups_a_country_code_typed_without_plus(
    region: str, typed: str, expected: str
) -> None:
    shown = ""
    for char in typed:
        shown = format_as_you_type(shown + char, region)
    assert shown == expected
    assert parse_phone(shown, region).e164 == "+" + typed
