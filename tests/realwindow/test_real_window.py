"""The real window, as a person on a laptop, a 150 % screen or a dark desktop sees it.

Each scenario runs ``superfone-desk --demo`` under Xvfb with openbox (see probe.py);
these tests read what it recorded. Screenshots land in build/screens/.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.realwindow.contrast import AA_NORMAL_TEXT
from tests.realwindow.scenarios import SCENARIOS

pytestmark = pytest.mark.realwindow

Report = dict[str, Any]
RealWindow = Callable[[str], Report]
NAMES = [scenario.name for scenario in SCENARIOS]


@pytest.mark.parametrize("name", NAMES)
def test_the_window_fits_the_available_screen(real_window: RealWindow, name: str) -> None:
    report = real_window(name)
    assert report["framed"], "the window manager never framed the window"
    for when in ("fresh", "after_save_and_new"):
        geometry = report[f"geometry_{when}"]
        assert geometry["fits"], (
            f"{when}: window frame {geometry['frame']} is outside the available screen "
            f"{geometry['available']}"
        )


@pytest.mark.parametrize("name", NAMES)
def test_save_buttons_are_visible_on_the_screen(real_window: RealWindow, name: str) -> None:
    report = real_window(name)
    for when in ("fresh", "after_save_and_new"):
        geometry = report[f"geometry_{when}"]
        for label, button in geometry["buttons"].items():
            assert button is not None, f"no {label!r} button"
            assert button["visible"], f"{when}: {label!r} is hidden"
            assert button["unclipped"], f"{when}: {label!r} is cut off (scrolled away?)"
            assert button["inside_screen"], (
                f"{when}: {label!r} at {button['global']} is off the screen {geometry['available']}"
            )


@pytest.mark.parametrize("name", NAMES)
def test_no_error_shows_on_a_fresh_form(real_window: RealWindow, name: str) -> None:
    report = real_window(name)
    assert report["errors_fresh"] == [], "errors on a form nobody touched"
    assert report["errors_after_click"] == [], "errors after the first click into another field"
    assert report["errors_after_escape"] == [], "errors after Esc on an empty form"


@pytest.mark.parametrize("name", NAMES)
def test_no_error_shows_after_keyboard_save_and_new(real_window: RealWindow, name: str) -> None:
    report = real_window(name)
    assert report["save_and_new_cleared"], "Ctrl+Shift+Enter did not start a new lead"
    assert report["result_after_save_and_new"]["role"] == "success", report[
        "result_after_save_and_new"
    ]
    assert report["errors_after_save_and_new"] == []


def test_mnemonics_are_unique_and_reach_a_field(real_window: RealWindow) -> None:
    mnemonics = real_window("light")["mnemonics"]
    assert mnemonics["scopes"], "no mnemonics found at all"
    assert mnemonics["clashes"] == {}, "one Alt+letter, several targets"
    assert mnemonics["dead"] == [], "labels with an Alt+letter but no field to go to"
    assert mnemonics["unreachable"] == [], "Alt+letter goes to a field that takes no focus"


@pytest.mark.parametrize("name", NAMES)
def test_coloured_text_meets_wcag_aa(real_window: RealWindow, name: str) -> None:
    measured = [entry for entry in real_window(name)["contrast"] if "ratio" in entry]
    roles = {entry["role"] for entry in measured}
    assert {"error", "success", "lookup"} <= roles, f"measured only {sorted(roles)}"
    failing = [
        f"{e['label']} ({e['role']}): {e['text_colour']} on {e['background']} = {e['ratio']}"
        for e in measured
        if e["ratio"] < AA_NORMAL_TEXT
    ]
    assert failing == [], f"below {AA_NORMAL_TEXT}:1"


@pytest.mark.parametrize("name", ["light", "scaled-150"])
def test_each_mnemonic_reaches_its_field_and_shows_it(real_window: RealWindow, name: str) -> None:
    targets = real_window(name)["mnemonic_targets"]
    assert targets, "no field label with an Alt+letter"
    missed = [f"Alt+{t['key']} ({t['label']}) -> {t['focus']}" for t in targets if not t["reached"]]
    assert missed == [], "Alt+letter does not reach its field"
    hidden = [f"Alt+{t['key']} ({t['label']})" for t in targets if not t["in_view"]]
    assert hidden == [], "the field got the focus but is scrolled out of sight"


def test_every_focusable_control_has_its_own_accessible_name(real_window: RealWindow) -> None:
    names = real_window("light")["accessible_names"]
    assert names["count"] > 10, names
    assert names["unnamed"] == [], "a screen reader announces these without a name"
    assert names["shared"] == {}, "a screen reader announces these with the same name"


@pytest.mark.parametrize("name", ["light", "scaled-150"])
def test_the_form_does_not_move_under_the_pointer(real_window: RealWindow, name: str) -> None:
    moves = real_window(name)["layout_moves"]
    assert set(moves) == {"error under phone", "lookup answered"}
    assert moves == {"error under phone": {}, "lookup answered": {}}, "fields moved (pixels)"
