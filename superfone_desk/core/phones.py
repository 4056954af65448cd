"""Phone numbers as staff type them, turned into the E.164 strings the API takes.

Everything here is total: odd input gives a ``PhoneParse`` with a human message, never an
exception. The default region decides how numbers typed without ``+`` are read.

``phonenumbers`` is imported on first use (``import phonenumbers`` inside the functions
that need it; after the first, that is a dictionary look-up), not with this module: it
costs ~50-120 ms, which the app's start-up should not pay before the first window. The
app calls ``warm_up()`` in a worker right after the first paint, so the first keystroke
in the phone field does not pay it either. ``parse_phone`` is memoised: validation, the
payload and the outbox parse the same few numbers again and again.
"""

from __future__ import annotations

import enum
import locale
import os
import re
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from superfone_desk.core._region_names import REGION_NAMES
from superfone_desk.core.i18n import F_, N_, Message

if TYPE_CHECKING:
    from phonenumbers import NumberParseException, PhoneNumber

FALLBACK_REGION = "IN"
# phonenumbers' code for "no default region": only numbers starting with + parse.
_UNKNOWN_REGION = "ZZ"

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58"), "-")
_SEPARATORS = frozenset(" \t.-/()")


class PhoneProblem(enum.Enum):
    """Why a phone number was refused; the message in ``PhoneParse.error`` says it to users."""

    EMPTY = "empty"
    LETTERS = "letters"
    INVALID_CHARACTERS = "invalid_characters"
    NOT_A_NUMBER = "not_a_number"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    INVALID_LENGTH = "invalid_length"
    LOCAL_ONLY = "local_only"
    INVALID_COUNTRY_CODE = "invalid_country_code"
    NOT_VALID = "not_valid"


@dataclass(frozen=True, slots=True)
class PhoneParse:
    """Either ``e164`` (ok) or ``error`` + ``problem``; never both."""

    e164: str | None = None
    error: str | None = None
    problem: PhoneProblem | None = None

    @property
    def ok(self) -> bool:
        return self.e164 is not None

    @classmethod
    def success(cls, e164: str) -> PhoneParse:
        return cls(e164=e164)

    @classmethod
    def failure(cls, problem: PhoneProblem, message: str) -> PhoneParse:
        return cls(error=message, problem=problem)


def warm_up() -> None:
    """Import phonenumbers and parse one number, so the next parse is quick.

    For a worker thread right after the first paint (the import and the first region's
    metadata take ~0.1 s).
    """
    parse_phone("98765 43210", FALLBACK_REGION)
    format_as_you_type("98765", FALLBACK_REGION)


# ------------------------------------------------------------------------------ regions

#: The regions phonenumbers supports, known without importing it: the keys of the name
#: table, which was generated from them (a unit test checks the two sets are equal).
#: Only ``region_from_locale`` uses it: the region of the user's locale is needed at
#: start-up, long before a number is parsed.
_KNOWN_REGIONS = frozenset(REGION_NAMES)


@cache
def _supported() -> frozenset[str]:
    import phonenumbers

    return frozenset(phonenumbers.SUPPORTED_REGIONS)


def _normal_region(region: str) -> str:
    code = region.strip().upper()
    return code if code in _supported() else _UNKNOWN_REGION


def region_name(region: str, language: str = "en") -> str:
    """A region code's name ("IN" → "India", in Hindi "भारत"); the code if unknown.

    A language without a table of names (``_region_names_<language>``) gets English.
    """
    code = region.strip().upper()
    if language == "hi":
        from superfone_desk.core._region_names_hi import REGION_NAMES_HI

        if code in REGION_NAMES_HI:
            return REGION_NAMES_HI[code]
    return REGION_NAMES.get(code, code)


def example_phone(region: str) -> str:
    """A mobile number of ``region`` as the phone field groups it ("81234 56789");
    "" for a region without one. A table: phonenumbers stays off the start-up path."""
    from superfone_desk.core._phone_examples import PHONE_EXAMPLES

    return PHONE_EXAMPLES.get(region.strip().upper(), "")


def _sort_key(name: str) -> str:
    # "Åland Islands" sorts with the As, not after "Zimbabwe".
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@cache
def _regions(language: str) -> tuple[tuple[str, str], ...]:
    import phonenumbers

    rows = [
        (code, f"{region_name(code, language)} (+{phonenumbers.country_code_for_region(code)})")
        for code in _supported()
    ]
    return tuple(sorted(rows, key=lambda row: (_sort_key(row[1]), row[0])))


def supported_regions(language: str = "en") -> list[tuple[str, str]]:
    """``(code, "India (+91)")`` for every region phonenumbers knows, sorted by name
    (the names in ``language``, as ``region_name`` gives them)."""
    return list(_regions(language))


def region_from_locale(name: str | None) -> str | None:
    """The region of a locale name, or None.

    Handles POSIX names (``en_IN.UTF-8``, ``de_DE@euro``), BCP 47 tags (``en-IN``) and
    Windows names (``English_India.1252``).
    """
    if not name:
        return None
    base = name.split(":")[0].split(".")[0].split("@")[0]
    parts = [p for p in base.replace("-", "_").split("_") if p]
    supported = _KNOWN_REGIONS
    for part in reversed(parts[1:]):
        if len(part) == 2 and part.isalpha() and part.upper() in supported:
            return part.upper()
        by_name = _region_by_name().get(part.casefold())
        if by_name is not None:
            return by_name
    return None


@cache
def _region_by_name() -> dict[str, str]:
    names = {name.casefold(): code for code, name in REGION_NAMES.items()}
    # Windows spells these differently from the table.
    names.update({"united states of america": "US", "korea": "KR", "czech republic": "CZ"})
    return names


def _system_locale_name() -> str | None:
    try:
        return locale.getlocale()[0]
    except ValueError:  # an unparseable locale setting
        return None


def default_region(
    env: Mapping[str, str] | None = None,
    system_locale: Callable[[], str | None] = _system_locale_name,
) -> str:
    """The region to read numbers in when they have no ``+``: from the user's locale.

    ``LC_ALL`` wins over ``LANG`` (as in POSIX), then the process locale; ``"IN"`` when none
    of them names a region phonenumbers knows. ``env`` and ``system_locale`` are
    injectable for tests.
    """
    environ = os.environ if env is None else env
    neutral = False
    for candidate in (environ.get("LC_ALL"), environ.get("LANG")):
        if candidate and candidate.split(".")[0].upper() in ("C", "POSIX"):
            neutral = True
            continue
        region = region_from_locale(candidate)
        if region is not None:
            return region
    if neutral:
        # The "C" locale names no country, but Python's locale module reports it as
        # en_US (its alias table maps C.UTF-8 there). That is no choice of the user's
        # and must not turn Indian numbers into American ones.
        return FALLBACK_REGION
    return region_from_locale(system_locale()) or FALLBACK_REGION


# ------------------------------------------------------------------------------ parsing


def _normalize(text: str) -> str:
    """Full-width and other Unicode digits to ASCII, Unicode dashes to '-'."""
    if text.isascii():
        return text  # nothing to change, and the usual case: skip the character loop
    text = unicodedata.normalize("NFKC", text).translate(_DASHES)
    return "".join(
        str(unicodedata.decimal(c)) if c.isdecimal() and not c.isascii() else c for c in text
    )


def _is_digit(char: str) -> bool:
    return "0" <= char <= "9"


def _check_characters(text: str) -> PhoneParse | None:
    """A failure if ``text`` (normalized) holds something no phone number has."""
    if _PHONE_CHARACTERS.fullmatch(text) is None:
        bad = _bad_characters(text)
        if bad is not None:
            return bad
    if "+" in text:
        # Only one +, and nothing but "(" and spaces before it: "(+91) 98765 43210" is fine.
        before = text[: text.index("+")]
        if text.count("+") > 1 or any(c not in "( \t" for c in before):
            return PhoneParse.failure(
                PhoneProblem.INVALID_CHARACTERS, N_("The “+” can only come at the start")
            )
    if _DIGIT.search(text) is None:
        return PhoneParse.failure(PhoneProblem.NOT_A_NUMBER, N_("Doesn't contain any digits"))
    return None


#: Only what a phone number may hold; text made of these alone needs no character scan
#: (``_check_characters`` runs for every row of an import).
_PHONE_CHARACTERS = re.compile(r"[0-9+ \t./()-]*")
_DIGIT = re.compile(r"[0-9]")


def _bad_characters(text: str) -> PhoneParse | None:
    """A failure for letters or characters outside digits, "+" and ``_SEPARATORS``."""
    if any(unicodedata.category(c).startswith("L") for c in text):
        return PhoneParse.failure(PhoneProblem.LETTERS, N_("Phone numbers can't contain letters"))
    bad: list[str] = []
    for c in text:
        if not (_is_digit(c) or c == "+" or c in _SEPARATORS) and c not in bad:
            bad.append(c)
    if bad:
        shown = " ".join(
            f"“{c}”" if c.isprintable() else f"U+{ord(c):04X}" for c in bad[:5]
        )
        message = F_("Contains characters a phone number can't have: {shown}", shown=shown)
        return PhoneParse.failure(PhoneProblem.INVALID_CHARACTERS, message)
    return None


def _place(region: str) -> str:
    return region_name(region) if region != _UNKNOWN_REGION else ""


class PlaceName(Message):
    """A region's English name inside a message; the GUI shows it in the language
    (``region_name(place.region, language)``, ``ui.i18n.core_text``)."""

    region: str


def _place_name(region: str) -> PlaceName:
    name = _place(region)
    place = PlaceName._made(name, name, {})
    place.region = region
    return place


def _in_place(region: str, without_place: str, with_place: str) -> str:
    """``with_place`` naming the region's country, or ``without_place`` when unknown.

    Two whole sentences rather than a tail added on: a translation orders its words.
    """
    return F_(with_place, place=_place_name(region)) if _place(region) else without_place


#: Country names our translations carry (a name they lack shows in English): the
#: countries most users are in.
TRANSLATED_PLACES = (N_("India"),)


def _too_short(region: str) -> str:
    return _in_place(
        region, N_("Too short for a phone number"), N_("Too short for a phone number in {place}")
    )


def _too_long(region: str) -> str:
    return _in_place(
        region, N_("Too long for a phone number"), N_("Too long for a phone number in {place}")
    )


def _number_region(number: PhoneNumber, default: str) -> str:
    """The region to name in a message about ``number``'s country code."""
    import phonenumbers

    code = number.country_code or 0
    if default != _UNKNOWN_REGION and phonenumbers.country_code_for_region(default) == code:
        return default  # +1 typed in Canada is about Canada, not the US
    main = phonenumbers.region_code_for_country_code(code)
    return main if main in _supported() else _UNKNOWN_REGION


def _parse_error(exc: NumberParseException, region: str, has_plus: bool) -> PhoneParse:
    import phonenumbers

    NumberParseException = phonenumbers.NumberParseException  # noqa: N806 - the class
    kind = exc.error_type
    if has_plus:
        region = _UNKNOWN_REGION  # the number's country is not known yet: name none
    if kind == NumberParseException.INVALID_COUNTRY_CODE:
        if has_plus:
            return PhoneParse.failure(
                PhoneProblem.INVALID_COUNTRY_CODE, N_("Unknown country code after the “+”")
            )
        return PhoneParse.failure(
            PhoneProblem.INVALID_COUNTRY_CODE, N_("Start with + and the country code")
        )
    if kind in (NumberParseException.TOO_SHORT_NSN, NumberParseException.TOO_SHORT_AFTER_IDD):
        return PhoneParse.failure(
            PhoneProblem.TOO_SHORT, _too_short(region)
        )
    if kind == NumberParseException.TOO_LONG:
        return PhoneParse.failure(
            PhoneProblem.TOO_LONG, _too_long(region)
        )
    return PhoneParse.failure(PhoneProblem.NOT_A_NUMBER, N_("Doesn't look like a phone number"))


@lru_cache(maxsize=4096)
def parse_phone(text: str, region: str) -> PhoneParse:
    """Read a phone number typed the way people type them; E.164 or a message saying why not.

    ``region`` reads numbers without a country code ("98765 43210" in "IN"). Accepts
    spaces, dots, dashes, slashes and brackets, a national ``0`` prefix (also as
    ``(0)``), the international prefix (``0091``) and full-width digits.

    Memoised on ``(text, region)``: the result is immutable, and one save parses the
    same number several times (validation, the payload, the outbox).
    """
    return _parse_phone(text, region)


def _parse_phone(text: str, region: str) -> PhoneParse:
    default = _normal_region(region)
    normalized = _normalize(text).strip()
    if not normalized:
        return PhoneParse.failure(PhoneProblem.EMPTY, N_("Enter a phone number"))
    bad = _check_characters(normalized)
    if bad is not None:
        return bad
    digits = sum(map(normalized.count, "0123456789"))
    if digits < 3:
        return PhoneParse.failure(
            PhoneProblem.TOO_SHORT, _too_short(default)
        )
    has_plus = "+" in normalized
    import phonenumbers

    ValidationResult = phonenumbers.ValidationResult  # noqa: N806 - the enum-like class
    try:
        number = phonenumbers.parse(normalized, default)
    except phonenumbers.NumberParseException as exc:
        return _parse_error(exc, default, has_plus)
    # The place a message names is worked out only for a message (most numbers are fine).
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason == ValidationResult.INVALID_COUNTRY_CODE:
        return PhoneParse.failure(
            PhoneProblem.INVALID_COUNTRY_CODE,
            F_("Unknown country code +{code}", code=number.country_code),
        )
    if reason == ValidationResult.TOO_SHORT:
        return PhoneParse.failure(
            PhoneProblem.TOO_SHORT, _too_short(_number_region(number, default))
        )
    if reason == ValidationResult.TOO_LONG:
        return PhoneParse.failure(
            PhoneProblem.TOO_LONG, _too_long(_number_region(number, default))
        )
    if reason == ValidationResult.INVALID_LENGTH:
        return PhoneParse.failure(
            PhoneProblem.INVALID_LENGTH,
            _in_place(
                _number_region(number, default),
                N_("Wrong number of digits for a phone number"),
                N_("Wrong number of digits for a phone number in {place}"),
            ),
        )
    if reason == ValidationResult.IS_POSSIBLE_LOCAL_ONLY:
        return PhoneParse.failure(
            PhoneProblem.LOCAL_ONLY, N_("Looks like a local number: add the area code")
        )
    if not phonenumbers.is_valid_number(number):
        place = _number_region(number, default)
        target = _place_name(place) if _place(place) else f"+{number.country_code}"
        return PhoneParse.failure(
            PhoneProblem.NOT_VALID, F_("Not a valid number for {place}", place=target)
        )
    return PhoneParse.success(
        phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    )


# ------------------------------------------------------------------------------ display


def format_as_you_type(text: str, region: str) -> str:
    """``text`` grouped for display while it is typed ("9876543" → "98765 43").

    Returns ``text`` unchanged when it can't be formatted (letters, odd characters, more
    digits than any number has). Feeding the result back gives the same result, so a line
    edit can reformat on every edit. Trailing spaces are dropped, so that Backspace after
    "+91" is not undone by the formatter putting its separator back.
    """
    normalized = _normalize(text)
    if not normalized.strip() or _check_characters(normalized.strip()) is not None:
        return text
    digits = "".join(c for c in normalized if _is_digit(c))
    dialable = ("+" if "+" in normalized else "") + digits
    import phonenumbers

    formatter = phonenumbers.AsYouTypeFormatter(_normal_region(region))
    formatted = ""
    for char in dialable:
        formatted = formatter.input_digit(char)
    formatted = formatted.rstrip()
    if formatted == dialable or "".join(c for c in formatted if _is_digit(c)) != digits:
        # "919845000131": the country code typed without its "+". The national formatter
        # gives up at the 12th digit, and keeping the text would leave the grouping of
        # the 10-digit prefix it showed a key earlier ("91984 5000131").
        with_code = _with_country_code(digits, region) if "+" not in normalized else None
        # Otherwise the formatter gave up (or, defensively, changed the digits): keep
        # the user's text.
        return with_code or text
    return formatted


def _with_country_code(digits: str, region: str) -> str | None:
    """ "91 98450 00131" for "919845000131" in India; None unless it is such a number."""
    import phonenumbers

    code = str(phonenumbers.country_code_for_region(_normal_region(region)))
    if code == "0" or not digits.startswith(code) or len(digits) <= len(code) + 4:
        return None
    try:
        number = phonenumbers.parse("+" + digits, None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    international = phonenumbers.format_number(
        number, phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    # Without the "+" the user did not type: the digits stay the user's, only grouped.
    shown = international.lstrip("+")
    return shown if "".join(c for c in shown if _is_digit(c)) == digits else None


def display_phone(e164: str) -> str:
    """International format for messages: "+919876543210" → "+91 98765 43210"."""
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
