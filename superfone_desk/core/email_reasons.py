"""Why an e-mail address is refused, in our words (translatable), not email_validator's.

email_validator explains in developer English ("The part after the @-sign is not valid.
It should have a period.") that no translation catalogue of ours holds, and it may
change its wording between versions. ``reason`` sorts its message into a few kinds a
clerk can act on; a message of a kind not listed gets the general "not valid".
The texts follow a quoted address and a colon ("“ravi@”: something is missing after
the @"), hence the small first letter.
"""

from __future__ import annotations

from superfone_desk.core.i18n import N_

NO_AT = N_("an email address needs an @ (like name@example.com)")
NOTHING_BEFORE = N_("something is missing before the @")
NOTHING_AFTER = N_("something is missing after the @")
NO_DOMAIN = N_("the part after the @ is not a full domain name (like example.com)")
DOTS = N_("a dot or hyphen is in the wrong place (two in a row, or at the start or end)")
CHARACTERS = N_("it has characters an email address cannot have (a space or a comma?)")
TOO_LONG = N_("it is too long for an email address")
RESERVED = N_("the part after the @ is a reserved name that cannot receive email")
ONLY_ADDRESS = N_("write only the address itself, like name@example.com")
IP_ADDRESS = N_("an address with an IP address after the @ is not accepted")
NOT_VALID = N_("this email address is not valid")

#: Words of email_validator's messages (2.x, lower-cased) → our text; first match wins.
_KINDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("must have an @-sign", "at-sign (@) character"), NO_AT),
    (("something before the @-sign",), NOTHING_BEFORE),
    (("something after the @-sign",), NOTHING_AFTER),
    (("too long",), TOO_LONG),
    (("special-use or reserved",), RESERVED),
    (("display name", "angle bracket", "anything after the email", "quoting the part"),
     ONLY_ADDRESS),
    (("in brackets", "bracketed ip", "address literal"), IP_ADDRESS),
    (("should have a period", "top-level domain", "domain name"), NO_DOMAIN),
    (("period", "hyphen", "dash"), DOTS),
    (("character", "ascii", "unicode normalization", "idna"), CHARACTERS),
)


def reason(validator_message: str) -> str:
    """Our translatable text for one of email_validator's messages."""
    words = validator_message.casefold()
    for needles, text in _KINDS:
        if any(needle in words for needle in needles):
            return text
    return NOT_VALID
