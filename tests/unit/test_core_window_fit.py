"""The main window opens inside the screen, in the place the user left it on that screen."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from superfone_desk.core.window_fit import Frame, Rect, fit, screen_key

LAPTOP = Rect(0, 0, 1366, 768)
FRAME = Frame(left=1, top=24, right=1, bottom=1)


def test_a_tall_form_is_shrunk_to_the_laptop_screen() -> None:
    client = fit(760, 900, LAPTOP, frame=FRAME)
    assert LAPTOP.contains(FRAME.around(client))
    assert client.width == 760
    assert client.height == 768 - 25


def test_150_percent_on_full_hd_is_1280x720_logical() -> None:
    screen = Rect(0, 0, 1280, 720)
    assert screen.contains(FRAME.around(fit(760, 900, screen, frame=FRAME)))


def test_a_saved_place_on_this_screen_is_kept() -> None:
    saved = Rect(100, 50, 700, 600)
    assert fit(760, 900, LAPTOP, frame=FRAME, saved=saved) == saved


def test_a_saved_place_off_this_screen_keeps_its_size_but_moves_inside() -> None:
    saved = Rect(1900, 50, 700, 600)  # left on a second monitor that is gone
    client = fit(760, 900, LAPTOP, frame=FRAME, saved=saved)
    assert (client.width, client.height) == (700, 600)
    assert LAPTOP.contains(FRAME.around(client))


def test_a_second_screen_to_the_right() -> None:
    right = Rect(1366, 0, 1920, 1080)
    client = fit(760, 900, right, frame=FRAME)
    assert right.contains(FRAME.around(client))
    assert client.height == 900


def test_screens_are_told_apart_by_name_and_size() -> None:
    assert screen_key("eDP-1", LAPTOP) != screen_key("eDP-1", Rect(0, 0, 1920, 1080))
    assert screen_key("", LAPTOP) == "screen@1366x768"


@given(
    width=st.integers(1, 4000),
    height=st.integers(1, 4000),
    ax=st.integers(-2000, 2000),
    ay=st.integers(-2000, 2000),
    aw=st.integers(200, 4000),
    ah=st.integers(200, 3000),
    minimum=st.integers(1, 3000),
)
def test_the_frame_is_always_inside_the_screen(
    width: int, height: int, ax: int, ay: int, aw: int, ah: int, minimum: int
) -> None:
    area = Rect(ax, ay, aw, ah)
    client = fit(width, height, area, frame=FRAME, minimum_width=minimum, minimum_height=minimum)
    assert area.contains(FRAME.around(client))
