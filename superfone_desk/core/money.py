"""Deal values as sales staff write them ("1,50,000", "₹ 2.5L", "1 crore") → numbers.

Amounts are read with ``Decimal`` so that shorthand is exact ("2.5L" is 250000, not
249999.99999999997), then handed over as a float, which is what the API model holds.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation, localcontext

from superfone_desk.core.i18n import F_, N_

MAX_DEAL_VALUE = Decimal(10) ** 13

GARBAGE_MESSAGE = N_("Enter a number, like 50000 or 2.5L")
NEGATIVE_MESSAGE = N_("Deal value can't be negative")
TOO_LARGE_MESSAGE = F_("Deal value is too large (at most {limit:,})", limit=MAX_DEAL_VALUE)
DECIMALS_MESSAGE = N_("Use at most 2 decimal places")
EMPTY_MESSAGE = N_("Enter a deal value")

_MULTIPLIERS: dict[str, int] = {
    "": 1,
    "k": 1_000,
    "thousand": 1_000,
    "l": 100_000,
    "lac": 100_000,
    "lacs": 100_000,
    "lakh": 100_000,
    "lakhs": 100_000,
    "cr": 10_000_000,
    "crs": 10_000_000,
    "crore": 10_000_000,
    "crores": 10_000_000,
}

_CURRENCY = r"(?:₹|rs\.?|inr|rupees?)"
# Digits, optionally grouped with commas the Western way (1,500,000) or the Indian way
# (15,00,000), optionally with a decimal part. Other comma placements are refused rather
# than guessed at: "2500,50" may well mean 2500.50.
_NUMBER = r"(?:\d+|\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})*,\d{3})(?:\.\d*)?|\.\d+"
# Longest first, so that "lakhs" is not read as "l" followed by garbage.
_UNITS = "|".join(sorted((re.escape(u) for u in _MULTIPLIERS if u), key=len, reverse=True))
_PATTERN = re.compile(
    rf"""
    (?P<sign>-)?\s*
    (?:{_CURRENCY}\s*)?
    (?P<inner_sign>-)?\s*
    (?P<number>{_NUMBER})
    \s*(?P<unit>{_UNITS})?\.?
    \s*(?:{_CURRENCY})?
    \s*(?:/-)?
    """,
    re.VERBOSE,
)
_MINUSES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212\ufe63"), "-")


def parse_deal_value(text: str) -> float:
    """The amount in ``text``; ``ValueError`` with a message for the user if there is none.

    Accepts ``50000``, ``50,000``, ``1,50,000``, ``₹ 1,50,000``, ``Rs. 5000``,
    ``INR 5000``, ``5000/-``, ``2500.50`` and the shorthands k, L/lakh/lac and Cr/crore.
    Refuses negative amounts, more than 2 decimal places and anything over 10^13.
    """
    normalized = unicodedata.normalize("NFKC", text).translate(_MINUSES).strip().casefold()
    if not normalized:
        raise ValueError(EMPTY_MESSAGE)
    match = _PATTERN.fullmatch(normalized)
    if match is None:
        raise ValueError(GARBAGE_MESSAGE)
    if match["sign"] and match["inner_sign"]:
        raise ValueError(GARBAGE_MESSAGE)
    digits = match["number"].replace(",", "")
    # Enough precision that no step rounds: the amount is exact or refused.
    with localcontext(prec=len(digits) + 30):
        try:
            amount = Decimal(digits) * _MULTIPLIERS[match["unit"] or ""]
        except InvalidOperation:  # defensive: the pattern only lets decimal numbers through
            raise ValueError(GARBAGE_MESSAGE) from None
        whole_paise = amount == amount.quantize(Decimal("0.01"))
    if (match["sign"] or match["inner_sign"]) and amount != 0:
        raise ValueError(NEGATIVE_MESSAGE)
    if amount > MAX_DEAL_VALUE:
        raise ValueError(TOO_LARGE_MESSAGE)
    if not whole_paise:
        raise ValueError(DECIMALS_MESSAGE)
    return float(amount)


def deal_value_json(value: float) -> int | float:
    """``value`` as the API should see it: 50000 rather than 50000.0 when it is whole."""
    if value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def format_rupees(value: float) -> str:
    """``value`` the Indian way: 250000 → "₹2,50,000", 1234.5 → "₹1,234.50"."""
    amount = Decimal(str(value)).quantize(Decimal("0.01"))
    whole, _, paise = f"{amount:f}".partition(".")
    head, tail = whole[:-3], whole[-3:]
    groups: list[str] = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    if head:
        groups.insert(0, head)
    grouped = ",".join([*groups, tail])
    return f"₹{grouped}" if paise == "00" else f"₹{grouped}.{paise}"


def deal_value_preview(text: str) -> str | None:
    """How ``text`` will be read, to show beside the field as it is typed.

    "2.5L" → "₹2,50,000 (2.5 lakh)"; None when the text is empty or not an amount (the
    field's own message says why on leaving it).
    """
    try:
        value = parse_deal_value(text)
    except ValueError:
        return None
    shown = format_rupees(value)
    for unit, size in ((N_("crore"), 10_000_000), (N_("lakh"), 100_000)):
        if value >= size:
            count = f"{Decimal(str(value)) / size:f}"
            if "." in count:
                count = count.rstrip("0").rstrip(".")
            # "1.500005 lakh" says nothing the figures don't: words only for round amounts.
            if len(count.partition(".")[2]) > 3:
                return shown
            return F_("{amount} ({count} {unit})", amount=shown, count=count, unit=F_(unit))
    return shown
