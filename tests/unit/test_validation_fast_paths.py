"""The shortcuts ``validate`` takes for the usual input give the answers of the full checks.

An import validates every row of files of 10,000 rows, so the common cases (a plain ASCII
e-mail address, an ASCII phone number, printable ASCII text) are decided without the
character-by-character or Unicode/IDNA work; these tests hold each shortcut to the check
it skips, on generated input aimed at the edges of the shortcut.
"""

from __future__ import annotations

import unicodedata

import pytest
from email_validator import EmailNotValidError, validate_email
from hypothesis import example, given, settings
from hypothesis import strategies as st

from superfone_desk.core import phones
from superfone_desk.core.text import has_control_characters
from superfone_desk.core.validation import _email_problem, _is_plain_email

MANY = settings(max_examples=600, deadline=None)


def _validator_accepts(address: str) -> bool:
    try:
        validate_email(address, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


_label = st.text(alphabet="abcxyzAZ019-", min_size=1, max_size=8)
_tld = st.one_of(
    st.sampled_from(["in", "com", "co", "IN", "local", "arpa", "test", "onion", "invalid"]),
    st.text(alphabet="az09-", min_size=1, max_size=4),
)
_local = st.text(alphabet="ab9._+-!#'~", min_size=0, max_size=10)
_addresses = st.builds(
    lambda local, labels, tld, at: f"{local}{at}{'.'.join([*labels, tld])}",
    _local,
    st.lists(_label, min_size=0, max_size=3),
    _tld,
    st.sampled_from(["@", "@", "@@", ""]),
)


@MANY
@given(address=st.one_of(_addresses, st.text(max_size=30)))
@example("ravi.kumar12@example.in")
@example("a@mail.local")
@example("a@ab--cd.in")
@example("a@xn--p1ai.in")
@example("a@localhost")
@example("a@b.c1")
@example("a@-b.in")
@example("a@b-.in")
@example(".a@b.in")
@example("a..b@b.in")
@example("a@" + "b" * 64 + ".in")
@example("a@" + "b" * 63 + ".in")
@example("a" * 240 + "@" + "b" * 10 + ".in")
@example("a" * 241 + "@" + "b" * 10 + ".in")
def test_plain_addresses_are_ones_email_validator_accepts(address: str) -> None:
    if _is_plain_email(address):
        assert _validator_accepts(address)
    assert (_email_problem(address) is None) == _validator_accepts(address)


@pytest.mark.parametrize(
    "address", ["ravi.kumar12@example.in", "Sales+expo_2026@Acme-Traders.co.IN", "a@b.in"]
)
def test_usual_addresses_take_the_shortcut(address: str) -> None:
    assert _is_plain_email(address)


def _has_control_characters_by_category(text: str, multiline: bool) -> bool:
    invisible = "\u200b\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    return any(
        not (multiline and c in "\n\r\t")
        and (c in invisible or unicodedata.category(c) in ("Cc", "Cs"))
        for c in text
    )


@MANY
@given(
    text=st.one_of(
        st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=20),
        st.text(max_size=20),
    ),
    multiline=st.booleans(),
)
def test_the_ascii_shortcut_finds_the_same_control_characters(
    text: str, multiline: bool
) -> None:
    assert has_control_characters(text, multiline=multiline) == (
        _has_control_characters_by_category(text, multiline)
    )


_phone_text = st.text(
    alphabet="0123456789 +-./()\t" + "٠٣９ａA\u2013\u00a0x\n", min_size=0, max_size=18
)


@MANY
@given(text=_phone_text)
@example("+91 98765 43210")
@example("(+91) 98765-43210")
@example("+91 98765 +43210")
@example("98765 43210x")
@example("()--")
def test_text_the_shortcut_lets_through_passes_the_full_scan(text: str) -> None:
    # _check_characters skips the letter and character scan for text matching
    # _PHONE_CHARACTERS: valid only if the scan finds nothing in such text.
    normalized = phones._normalize(text).strip()
    full = phones._bad_characters(normalized)
    if phones._PHONE_CHARACTERS.fullmatch(normalized):
        assert full is None
    else:
        assert full is not None
        assert phones._check_characters(normalized) == full


@MANY
@given(text=st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=20))
def test_ascii_phone_text_is_already_normal(text: str) -> None:
    slow = unicodedata.normalize("NFKC", text).translate(phones._DASHES)
    assert phones._normalize(text) == slow
