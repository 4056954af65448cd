"""Settings.import_senders: how many phones delivery sends to at once (issue #15)."""

from __future__ import annotations

import pytest

from superfone_desk.settings import Settings


def test_default_is_four_and_a_saved_value_comes_back() -> None:
    assert Settings().import_senders == 4
    saved = Settings(import_senders=8).to_json()
    assert Settings.from_json(saved).import_senders == 8


@pytest.mark.parametrize("raw", [0, -1, 17, True, "6", 2.5, None])
def test_a_value_out_of_range_or_of_the_wrong_type_takes_the_default(raw: object) -> None:
    assert Settings.from_json({"import_senders": raw}).import_senders == 4
