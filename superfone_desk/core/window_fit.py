"""Where the main window opens: never larger than the screen, as the user left it.

Qt happily opens a window taller than the screen (760x900 on a 768-pixel laptop puts
Save below the edge). ``fit`` decides the window's client area from the size the form
would like, the screen's available area, the window manager's frame and what was saved
for that screen, in plain numbers, so it is tested without a display. All sizes are
logical pixels (after scaling).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Rect:
    x: int
    y: int
    width: int
    height: int

    def contains(self, other: Rect) -> bool:
        return (
            other.x >= self.x
            and other.y >= self.y
            and other.x + other.width <= self.x + self.width
            and other.y + other.height <= self.y + self.height
        )


@dataclass(frozen=True, slots=True)
class Frame:
    """The window manager's decoration around the client area (title bar, borders)."""

    left: int = 0
    top: int = 0
    right: int = 0
    bottom: int = 0

    def around(self, client: Rect) -> Rect:
        return Rect(
            client.x - self.left,
            client.y - self.top,
            client.width + self.left + self.right,
            client.height + self.top + self.bottom,
        )


#: Before the window is shown its frame is unknown; a title bar and thin borders are
#: a safe guess on the desktops we support, corrected once the window manager answers.
GUESSED_FRAME = Frame(left=4, top=32, right=4, bottom=4)


def screen_key(name: str, area: Rect) -> str:
    """Names a screen and its size: a laptop alone and docked keep their own geometry."""
    return f"{name or 'screen'}@{area.width}x{area.height}"


def fit(
    preferred_width: int,
    preferred_height: int,
    available: Rect,
    *,
    frame: Frame = GUESSED_FRAME,
    saved: Rect | None = None,
    minimum_width: int = 1,
    minimum_height: int = 1,
) -> Rect:
    """The client area (geometry without the frame) for the window on this screen.

    ``saved`` (the client area the user left on this screen) is used as it is while its
    frame is inside ``available``; otherwise its size (or the preferred size) is shrunk
    to what the screen holds with the frame around it, and centred. The minimum size
    never wins over the screen: a window that must scroll beats one that can't be seen.
    """
    if saved is not None and saved.width > 0 and saved.height > 0:
        if available.contains(frame.around(saved)):
            return saved
        preferred_width, preferred_height = saved.width, saved.height
    room_width = available.width - frame.left - frame.right
    room_height = available.height - frame.top - frame.bottom
    width = max(1, min(max(preferred_width, minimum_width), room_width))
    height = max(1, min(max(preferred_height, minimum_height), room_height))
    x = available.x + frame.left + (room_width - width) // 2
    y = available.y + frame.top + (room_height - height) // 2
    return Rect(x, y, width, height)
