"""core.draft: the three-state Choice, and what "Save & New" keeps."""

from __future__ import annotations

import dataclasses

import pytest

from superfone_desk.core.draft import DRAFT_ATTRIBUTES, STICKY_FIELDS, Choice, LeadDraft
from tests.helpers.drafts import EVERY_FIELD


def test_choice_states() -> None:
    untouched, cleared, chosen = Choice.untouched(), Choice.cleared(), Choice.set("New Lead")
    assert (untouched.is_untouched, untouched.is_cleared, untouched.is_set) == (True, False, False)
    assert (cleared.is_untouched, cleared.is_cleared, cleared.is_set) == (False, True, False)
    assert (chosen.is_untouched, chosen.is_cleared, chosen.is_set) == (False, False, True)
    assert chosen.value == "New Lead"
    assert Choice() == Choice.untouched()
    assert len({untouched, cleared, chosen, Choice.set("New Lead")}) == 3


def test_choice_keeps_the_value_exactly() -> None:
    assert Choice.set(" New Lead ").value == " New Lead "


def test_choice_refuses_nonsense() -> None:
    with pytest.raises(ValueError, match="unknown Choice state"):
        Choice("maybe", "x")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="only a set Choice has a value"):
        Choice("cleared", "New Lead")


def test_choice_and_draft_are_immutable() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        Choice.set("x").value = "y"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        LeadDraft().first_name = "Asha"  # type: ignore[misc]


def test_empty_draft_defaults() -> None:
    draft = LeadDraft()
    assert draft.customer_phone == ""
    assert draft.lead_stage.is_untouched
    assert draft.add_labels == ()
    assert draft.create_if_missing is True


def test_sticky_fields_are_draft_attributes() -> None:
    assert set(STICKY_FIELDS) <= set(DRAFT_ATTRIBUTES)
    assert STICKY_FIELDS == (
        "source",
        "source_type",
        "lead_stage",
        "lead_group",
        "assignee_phone",
        "add_labels",
        "create_if_missing",
    )


def test_cleared_for_next_keeps_only_the_sticky_fields() -> None:
    full = EVERY_FIELD
    # Every attribute differs from its default, so the test below sees each one.
    assert all(getattr(full, name) != getattr(LeadDraft(), name) for name in DRAFT_ATTRIBUTES)

    fresh = full.cleared_for_next()
    for name in DRAFT_ATTRIBUTES:
        expected = getattr(full if name in STICKY_FIELDS else LeadDraft(), name)
        assert getattr(fresh, name) == expected, name
