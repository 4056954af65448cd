"""Injected clocks for delivery and the outbox: tests run backoffs without sleeping."""

from __future__ import annotations

from dataclasses import dataclass, field


class Clock:
    """A wall clock (``clock()``, Unix seconds) and a monotonic clock (``monotonic()``)
    that move together when time passes (``now += s``, or ``Waits``); ``set_wall``
    moves only the wall clock, as a user changing the system time would."""

    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now
        self._wall_offset = 0.0  # how far the wall clock was set away from monotonic time

    def __call__(self) -> float:
        return self.now

    def monotonic(self) -> float:
        return self.now - self._wall_offset

    def set_wall(self, delta: float) -> None:
        """Move the wall clock by ``delta`` seconds; monotonic time does not move."""
        self.now += delta
        self._wall_offset += delta


@dataclass
class Waits:
    """The injected wait: records each wait and moves the clock on by it."""

    clock: Clock
    seconds: list[float | None] = field(default_factory=list)

    def __call__(self, timeout: float | None) -> None:
        self.seconds.append(timeout)
        assert timeout is not None, "drain must never wait without a deadline"
        self.clock.now += timeout
