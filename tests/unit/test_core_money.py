"""core.money: deal values as typed → numbers, and how they go into JSON."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from superfone_desk.core.money import (
    deal_value_json,
    deal_value_preview,
    format_rupees,
    parse_deal_value,
)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("50000", 50_000),
        ("50,000", 50_000),
        ("1,500,000", 1_500_000),
        ("1,50,000", 150_000),
        ("15,00,000", 1_500_000),
        ("1,00,00,000", 10_000_000),
        ("₹ 1,50,000", 150_000),
        ("₹1,50,000", 150_000),
        ("Rs. 5000", 5_000),
        ("Rs.5000", 5_000),
        ("rs 5000", 5_000),
        ("INR 5000", 5_000),
        ("5000 INR", 5_000),
        ("Rs. 5,000/-", 5_000),
        ("2500.50", 2_500.5),
        ("2500.5", 2_500.5),
        ("0.99", 0.99),
        (".5", 0.5),
        ("0", 0),
        ("  50000  ", 50_000),
        ("５００００", 50_000),  # full-width digits
    ],
)
def test_plain_amounts(typed: str, value: float) -> None:
    assert parse_deal_value(typed) == value


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("50k", 50_000),
        ("50K", 50_000),
        ("50 k", 50_000),
        ("1.5k", 1_500),
        ("2.5L", 250_000),
        ("2.5l", 250_000),
        ("2.5 L", 250_000),
        ("2.5 lakh", 250_000),
        ("2.5 Lakhs", 250_000),
        ("2.5 lac", 250_000),
        ("2.5 lacs", 250_000),
        ("₹ 2.5L", 250_000),
        ("Rs. 2.5 lakh", 250_000),
        ("1Cr", 10_000_000),
        ("1 cr", 10_000_000),
        ("1 crore", 10_000_000),
        ("1.25 crores", 12_500_000),
        ("0.1L", 10_000),
        ("2.33333L", 233_333),
        ("1,000 crore", 10_000_000_000),
        ("10 thousand", 10_000),
    ],
)
def test_shorthand(typed: str, value: float) -> None:
    result = parse_deal_value(typed)
    assert result == value
    assert isinstance(result, float)


@pytest.mark.parametrize(
    "typed", ["-500", "- 500", "−500", "-₹500", "₹ -500", "Rs. -2.5L", "-1 crore"]
)
def test_negative_is_refused(typed: str) -> None:
    with pytest.raises(ValueError, match=r"^Deal value can't be negative$"):
        parse_deal_value(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "abc",
        "fifty thousand",
        "nan",
        "NaN",
        "inf",
        "-inf",
        "Infinity",
        "1e5",
        "0x10",
        "1_000",
        "2500,50",  # a decimal comma: refused rather than read as 250050
        "1,5,0",
        "50,0000",
        ",500",
        "5..0",
        "2.5.0",
        "50kk",
        "50 m",
        "$500",
        "₹",
        "Rs.",
        "--500",
        "5 0 0",
        "500 lakh crore",
    ],
)
def test_garbage_is_refused(typed: str) -> None:
    with pytest.raises(ValueError, match=r"^Enter a number, like 50000 or 2\.5L$"):
        parse_deal_value(typed)


def test_empty_is_refused() -> None:
    with pytest.raises(ValueError, match=r"^Enter a deal value$"):
        parse_deal_value("   ")


@pytest.mark.parametrize("typed", ["10000000000001", "1000001 crore", "1,00,00,00,00,00,001"])
def test_absurd_amounts_are_refused(typed: str) -> None:
    message = r"^Deal value is too large \(at most 10,000,000,000,000\)$"
    with pytest.raises(ValueError, match=message):
        parse_deal_value(typed)


def test_largest_amount_is_accepted() -> None:
    assert parse_deal_value("10000000000000") == 1e13
    assert parse_deal_value("1,00,000 crore") == 1e12


@pytest.mark.parametrize(
    "typed", ["10.555", "0.001", "2.33333333L", "1.00000000000000000000000001"]
)
def test_fractions_of_a_paisa_are_refused(typed: str) -> None:
    with pytest.raises(ValueError, match=r"^Use at most 2 decimal places$"):
        parse_deal_value(typed)


def test_shorthand_is_exact() -> None:
    # A float multiplication would give 114999.99999999999 here.
    assert parse_deal_value("1.15L") == 115_000
    assert parse_deal_value("0.29 cr") == 2_900_000


@pytest.mark.parametrize(
    ("value", "sent"),
    [(50_000.0, 50_000), (0.0, 0), (2_500.5, 2_500.5), (1e13, 10_000_000_000_000)],
)
def test_deal_value_json(value: float, sent: int | float) -> None:
    result = deal_value_json(value)
    assert result == sent
    assert type(result) is type(sent)


def test_deal_value_json_serialises_integral_values_without_a_point() -> None:
    assert json.dumps(deal_value_json(parse_deal_value("2.5L"))) == "250000"
    assert json.dumps(deal_value_json(parse_deal_value("2500.50"))) == "2500.5"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_any_text_gives_a_finite_amount_or_a_value_error(text: str) -> None:
    message = ""
    value = 0.0
    try:
        value = parse_deal_value(text)
    except ValueError as exc:
        message = str(exc)
        assert message, "every refusal carries a message for the user"
    assert math.isfinite(value)
    assert 0 <= value <= 1e13


@settings(max_examples=200, deadline=None)
@given(st.decimals(min_value=0, max_value=10**13, places=2, allow_nan=False))
def test_plain_decimals_round_trip(amount: object) -> None:
    assert parse_deal_value(str(amount)) == float(str(amount))


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (0, "₹0"),
        (100, "₹100"),
        (50000, "₹50,000"),
        (250000, "₹2,50,000"),
        (1234.5, "₹1,234.50"),
        (10_000_000, "₹1,00,00,000"),
        (10**13, "₹1,00,00,00,00,00,000"),
    ],
)
def test_format_rupees_groups_the_indian_way(value: float, shown: str) -> None:
    assert format_rupees(value) == shown


@pytest.mark.parametrize(
    ("typed", "preview"),
    [
        ("2.5L", "₹2,50,000 (2.5 lakh)"),
        ("50000", "₹50,000"),
        ("1,50,000", "₹1,50,000 (1.5 lakh)"),
        ("1.25 cr", "₹1,25,00,000 (1.25 crore)"),
        ("150000.50", "₹1,50,000.50"),
        ("", None),
        ("abc", None),
        ("-5", None),
    ],
)
def test_deal_value_preview_says_how_it_will_be_read(typed: str, preview: str | None) -> None:
    assert deal_value_preview(typed) == preview
