"""The kiosk's plain-Python rules: PIN hashing and lockout, consent note, the visitor's lead."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from superfone_desk.core.draft import Choice
from superfone_desk.core.kiosk import (
    CONSENT_MISSING,
    FIRST_NAME_MISSING,
    KioskInterest,
    KioskLeadSetup,
    KioskPreset,
    PinCheck,
    PinGate,
    VisitorAnswers,
    build_draft,
    check_answers,
    consent_note,
    example_phone,
    hash_pin,
    interests_from_text,
    interests_to_text,
    pin_problem,
    setup_problems,
    verify_pin,
)
from superfone_desk.settings import KioskSettings, Settings, SettingsStore

WHEN = datetime(2026, 11, 29, 14, 5, 31)


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_pin_hash_is_salted_scrypt_and_verifies() -> None:
    first, second = hash_pin("2468"), hash_pin("2468")
    assert first.startswith("scrypt$")
    assert first != second  # a fresh salt each time
    assert "2468" not in first
    assert verify_pin("2468", first)
    assert verify_pin("2468", second)
    assert not verify_pin("2469", first)
    assert not verify_pin("", first)


@pytest.mark.parametrize(
    "stored",
    ["", "2468", "scrypt$1$2$3", "md5$16384$8$1$00$00", "scrypt$x$8$1$00$00",
     "scrypt$16384$8$1$zz$00", "scrypt$1073741824$8$1$00$" + "00" * 32],
)
def test_malformed_or_hostile_hash_matches_nothing(stored: str) -> None:
    assert not verify_pin("2468", stored)


@pytest.mark.parametrize(
    ("pin", "problem"),
    [("", "Enter a PIN"), ("12a4", "Use digits only"), ("１２３４", "Use digits only"),
     ("123", "Use at least 4 digits"), ("1" * 13, "Use at most 12 digits"), ("0000", None)],
)
def test_pin_rules(pin: str, problem: str | None) -> None:
    assert pin_problem(pin) == problem


def test_five_wrong_pins_lock_the_exit_for_a_minute() -> None:
    clock = FakeClock()
    gate = PinGate(hash_pin("2468"), clock=clock)
    for left in (4, 3, 2, 1):
        assert gate.check("1111") is PinCheck.WRONG
        assert gate.tries_left == left
    assert gate.check("1111") is PinCheck.LOCKED
    assert gate.locked_for() == pytest.approx(60)
    # Locked: even the right PIN is refused.
    assert gate.check("2468") is PinCheck.LOCKED
    clock.now += 59.5
    assert gate.check("2468") is PinCheck.LOCKED
    clock.now += 1
    assert gate.locked_for() == 0
    assert gate.tries_left == 5
    assert gate.check("2468") is PinCheck.OK


def test_right_pin_resets_the_count_and_a_new_pin_takes_over() -> None:
    gate = PinGate(hash_pin("2468"), clock=FakeClock())
    for _ in range(4):
        gate.check("0000")
    assert gate.check("2468") is PinCheck.OK
    assert gate.tries_left == 5
    gate.set_hash(hash_pin("1357"))
    assert gate.check("2468") is PinCheck.WRONG
    assert gate.check("1357") is PinCheck.OK


def test_no_pin_set_opens_nothing() -> None:
    assert PinGate("", clock=FakeClock()).check("") is PinCheck.WRONG


@pytest.mark.parametrize("version", ["2", "v2", " V2 "])
def test_consent_note(version: str) -> None:
    note = consent_note(WHEN, version)
    assert note.startswith("Consent given at the kiosk, 29 Nov 2026 14:05, notice ")
    assert note.lower().endswith("v2")


def test_consent_note_matches_the_issue_exactly() -> None:
    assert consent_note(WHEN, "2") == "Consent given at the kiosk, 29 Nov 2026 14:05, notice v2"


SETUP = KioskLeadSetup(
    preset=KioskPreset(
        source="kiosk", source_type="OTHERS", lead_stage="New", lead_group="Walk-ins",
        assignee_phone="+919876500001", labels=("Walk-in", "Kiosk"),
    ),
    interests=(
        KioskInterest("Home loans", labels=("Loans", "Walk-in"), products=("Home Loan",)),
        KioskInterest("Just looking"),
    ),
    notice_version="2",
)


def test_draft_carries_preset_interest_and_consent_note() -> None:
    answers = VisitorAnswers(" 98765 43210 ", " Asha ", "", "Home loans", consent=True)
    draft = build_draft(answers, SETUP, WHEN)
    assert draft.customer_phone == "98765 43210"
    assert draft.first_name == "Asha"
    assert draft.source == "kiosk"
    assert draft.source_type == "OTHERS"
    assert draft.lead_stage == Choice.set("New")
    assert draft.lead_group == Choice.set("Walk-ins")
    assert draft.assignee_phone == Choice.set("+919876500001")
    assert draft.add_labels == ("Walk-in", "Kiosk", "Loans")  # no label twice
    assert draft.add_products == ("Home Loan",)
    assert draft.customer_note == "Consent given at the kiosk, 29 Nov 2026 14:05, notice v2"
    assert draft.create_if_missing


def test_empty_preset_fields_leave_the_lead_untouched() -> None:
    draft = build_draft(VisitorAnswers("9876543210", "Ravi", consent=True),
                        KioskLeadSetup(), WHEN)
    assert draft.lead_stage.is_untouched
    assert draft.lead_group.is_untouched
    assert draft.assignee_phone.is_untouched
    assert draft.add_labels == ()
    assert draft.add_products == ()
    assert draft.source == "kiosk"


def test_check_answers_requires_consent_and_first_name() -> None:
    assert check_answers(VisitorAnswers("98765 43210", "Asha", consent=True), "IN") == {}
    problems = check_answers(VisitorAnswers("98765 43210", "  "), "IN")
    assert problems == {"first_name": FIRST_NAME_MISSING, "consent": CONSENT_MISSING}


def test_check_answers_uses_the_forms_phone_messages() -> None:
    problems = check_answers(VisitorAnswers("98765", "Asha", consent=True), "IN")
    assert list(problems) == ["customer_phone"]
    assert problems["customer_phone"] == "Too short for a phone number in India"
    assert "letters" in check_answers(VisitorAnswers("call me", "A", consent=True), "IN")[
        "customer_phone"
    ]


def test_setup_problems_catch_a_preset_no_lead_could_pass() -> None:
    assert setup_problems(SETUP, "IN") == {}
    bad = KioskLeadSetup(preset=KioskPreset(source_type="BILLBOARD"))
    assert list(setup_problems(bad, "IN")) == ["source_type"]


def test_example_phone_follows_the_region() -> None:
    assert example_phone("IN") == "81234 56789"  # as the desk's form shows it
    assert example_phone("GB").startswith("07")
    assert example_phone("ZZ") == ""


def test_kiosk_settings_round_trip_and_pin_never_plain(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    settings = Settings()
    settings.kiosk = KioskSettings(
        pin_hash=hash_pin("864209"), notice_text="We, Acme Homes, ...", notice_version="3",
        interests=SETUP.interests, preset=SETUP.preset, language="en",
    )
    store.save(settings)
    assert store.load().kiosk == settings.kiosk
    text = store.path.read_text(encoding="utf-8")
    assert "864209" not in text
    assert json.loads(text)["kiosk"]["pin_hash"].startswith("scrypt$")


def test_kiosk_settings_tolerate_junk() -> None:
    assert KioskSettings.from_json(None) == KioskSettings()
    odd = KioskSettings.from_json(
        {"interests": [{"title": ""}, "x", {"title": "Cars", "labels": "no"}],
         "preset": [], "notice_version": ""}
    )
    assert odd.interests == (KioskInterest("Cars"),)
    assert odd.preset == KioskPreset()
    assert odd.notice_version == "1"


def test_interests_as_admin_text_round_trip() -> None:
    text = "Home loans | Loans, Walk-in | Home Loan\n\n  Just looking  \nCars || Car Loan\nCars | x"
    interests = interests_from_text(text)
    assert interests == (
        KioskInterest("Home loans", ("Loans", "Walk-in"), ("Home Loan",)),
        KioskInterest("Just looking"),
        KioskInterest("Cars", (), ("Car Loan",)),
    )
    assert interests_from_text(interests_to_text(interests)) == interests
    assert interests_to_text(interests).splitlines()[1] == "Just looking"


def test_linux_autostart_entry_starts_the_kiosk() -> None:
    import configparser
    import shlex

    from superfone_desk.__main__ import build_parser

    entry = configparser.ConfigParser(interpolation=None)  # keys read in lower case
    path = Path(__file__).parents[2] / "packaging/linux/superfone-desk-kiosk-autostart.desktop"
    entry.read(path, encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["type"] == "Application"
    command = shlex.split(desktop["exec"])
    assert command[0] == "superfone-desk"
    assert build_parser().parse_args(command[1:]).kiosk
