"""The core's texts stay English strings yet carry what a translation needs (issue #17)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from superfone_desk.core.draft import LeadDraft
from superfone_desk.core.i18n import F_, Message, lower_first, upper_first
from superfone_desk.core.money import TOO_LARGE_MESSAGE
from superfone_desk.core.phones import parse_phone
from superfone_desk.core.server_text import explain
from superfone_desk.core.validation import validate

ROOT = Path(__file__).resolve().parents[2]


def _update_translations():  # packaging/ is scripts, not a package
    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "packaging" / "update_translations.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_a_message_is_its_english_and_keeps_template_and_values() -> None:
    message = F_("Use at least {count} digits", count=4)
    assert message == "Use at least 4 digits"
    assert isinstance(message, str)
    assert (message.template, message.params) == ("Use at least {count} digits", {"count": 4})


def test_recasing_changes_the_english_only() -> None:
    lowered = lower_first(F_("Too short for a phone number in {place}", place="India"))
    assert lowered == "too short for a phone number in India"
    assert isinstance(lowered, Message)
    assert lowered.template == "Too short for a phone number in {place}"
    plain = upper_first("this name")
    assert plain == "This name"
    assert isinstance(plain, Message)
    assert plain.template == "this name"


def test_validation_messages_nest_translatable_parts() -> None:
    draft = LeadDraft(customer_phone="98765 43210", extra_phones="12")
    problem = validate(draft, "IN")["add_phones"]
    assert problem == "“12”: too short for a phone number in India"
    assert isinstance(problem, Message)
    assert problem.template == "{item}: {problem}"
    inner = problem.params["problem"]
    assert isinstance(inner, Message)
    assert inner.template == "Too short for a phone number in {place}"


def test_phone_and_money_texts_are_marked() -> None:
    assert parse_phone("", "IN").error == "Enter a phone number"
    assert TOO_LARGE_MESSAGE == "Deal value is too large (at most 10,000,000,000,000)"
    assert isinstance(TOO_LARGE_MESSAGE, Message)


def test_server_wording_is_a_template_with_the_typed_value() -> None:
    shown = explain("Lead stage name not found", field="lead_stage_name", value="Hot")
    assert isinstance(shown.text, Message)
    assert shown.text.params == {"value": "“Hot”"}
    assert shown.text.template.startswith("Superfone has no stage called {value}.")


def test_the_extractor_finds_every_marked_text_outside_the_gui() -> None:
    texts = _update_translations().core_texts()
    assert "Enter a phone number" in texts
    assert "Too short for a phone number in {place}" in texts
    assert "{item}: {problem}" in texts
    assert "Please enter your first name" in texts
    assert any(t.startswith("Superfone has no stage called {value}.") for t in texts)
    assert len(texts) == len(set(texts))
