"""Follow-ups booked at entry: read the time a rep types, keep it, and turn it into a task.

- ``read_followup(text, now)`` → ``Understood`` (the local time, its UTC value, a display
  such as "Thu 26 Nov, 11:00") or ``Problem`` (an id and a sentence for next to the field).
- ``FollowUp``: what the outbox keeps (task type, due time in UTC, optional assignee).
- ``task_request(followup, now)`` → the Create Task body (CONTRACT §4.2), or a ``Problem``
  when the time has passed by the time it is sent.

Reading is done by ``dateparser`` (a well-kept parser for human dates). It takes about
0.1 s to import and 0.2 s more on its first parse, so it is imported inside the function
and never at start-up; ``warm_up()`` pays that cost on a worker once the window shows.
Our own pre-processing only helps it where it misreads what reps type (see ``_prepare``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from superfone_desk.api.models import OMITTED, TASK_TYPES, Omittable, TaskCreate
from superfone_desk.core.i18n import F_, N_

# The types a rep can pick, in picker order, with their labels (issue #14). FIRST_CALL is
# left out: the integration creates it for a new lead on its own (CONTRACT §10).
FOLLOWUP_TYPES: dict[str, str] = {
    "FOLLOW_UP_CALL": N_("Follow-up call"),
    "CALLBACK_REQUEST": N_("Callback request"),
    "SITE_VISIT": N_("Site visit"),
    "BOOKING": N_("Booking"),
    "REMINDER": N_("Reminder"),
}
DEFAULT_TYPE = "FOLLOW_UP_CALL"
assert set(FOLLOWUP_TYPES) <= set(TASK_TYPES)

# Quick picks, as the text they put in the field: the field then shows what they mean,
# exactly as if the rep had typed them.
QUICK_PICKS: tuple[str, ...] = ("in 1 hour", "this evening", "tomorrow morning")

# A time less than this far ahead can't reach the server before it has passed.
MIN_LEAD = timedelta(minutes=1)
# The API sets no upper bound; a time further out than this is almost always a typo.
MAX_AHEAD = timedelta(days=366)
# CONTRACT §4.2: notify_at defaults to due_date − 10 minutes (REMINDER: due_date).
_DEFAULT_NOTICE = timedelta(minutes=10)

# What a part of the day means when no hour is given. "this evening" after 18:00 is read
# as tomorrow's evening, like any bare time already past today.
_PART_OF_DAY: dict[str, str] = {
    "morning": "10:00",
    "afternoon": "14:00",
    "evening": "18:00",
    "tonight": "20:00",
    "night": "20:00",
}
# The hour a date alone ("thursday", "1 dec", "tomorrow") is booked for.
_DEFAULT_TIME = _PART_OF_DAY["morning"]

# Spellings dateparser does not know, each → one it reads correctly.
_WORDS: dict[str, str] = {
    **dict.fromkeys(
        ("tmrw", "tmr", "tmw", "tmrow", "tomo", "tomm", "tomorow", "tommorow", "tommorrow"),
        "tomorrow",
    ),
    "2moro": "tomorrow",
    "2mrw": "tomorrow",
    **dict.fromkeys(("eve", "evng", "evening"), "evening"),
    **dict.fromkeys(("mrng", "morn", "morning"), "morning"),
    "tonite": "tonight",
    "mon": "monday",
    **dict.fromkeys(("tue", "tues"), "tuesday"),
    **dict.fromkeys(("wed", "weds"), "wednesday"),
    **dict.fromkeys(("thu", "thur", "thurs"), "thursday"),
    "fri": "friday",
    "sat": "saturday",
    "sun": "sunday",
}
_WORD = re.compile(r"[a-z0-9]+")
_HALF_HOUR = re.compile(r"\bhalf an? hour\b")
_PART = re.compile(r"\b(?:this\s+|in the\s+)?(" + "|".join(_PART_OF_DAY) + r")\b")
_DAY_WORD = (
    r"(?:today|tomorrow|day after tomorrow|(?:next\s+|this\s+)?"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))"
)
# "tomorrow 11", "next friday at 10", "at 5": a bare number after a day is an hour.
# dateparser would read it as a day of the month ("next friday 10" → the 10th) or drop it.
_BARE_HOUR = re.compile(r"^(?P<day>" + _DAY_WORD + r")?\s*(?:\bat\s+)?(?P<hour>\d{1,2})$")
_HAS_TIME = re.compile(r"\d[:.]\d\d|\d\s*(?:am|pm)\b|\b(?:noon|midnight|now)\b")
_RELATIVE = re.compile(
    r"(?:\d|\b)(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|days?|weeks?|months?|years?)\b"
)
# Day and month typed as numbers (India: day first). dateparser "repairs" impossible
# ones ("11/28" → 11 Nov 2028), so the result is checked against them.
_NUMERIC_DATE = re.compile(r"(?<![\d/-])(\d{1,2})[/-](\d{1,2})(?:[/-]\d{2,4})?(?![\d/-])")

_WEEKDAYS = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
_MONTHS = (
    N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
    N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
)

UNREADABLE = N_("Couldn't read this time — try 'tomorrow 11am'")


@dataclass(frozen=True, slots=True)
class Understood:
    """A time read from the field: local (for the rep) and UTC (for the API)."""

    local: datetime
    utc: datetime
    display: str


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a time can't be booked: a stable id for code, a sentence for the rep."""

    id: str
    text: str


def display_time(when: datetime, now: datetime) -> str:
    """"Thu 26 Nov, 11:00" in ``now``'s zone; the year only when it isn't ``now``'s.

    English names written out here, not ``strftime``, which follows the C locale; the
    GUI shows it in its language (``ui.i18n.core_text``: the names are translated too).
    """
    local = when.astimezone(now.tzinfo)
    year = f" {local.year}" if local.year != now.year else ""
    return F_(
        "{weekday} {day} {month}{year}, {time}",
        weekday=F_(_WEEKDAYS[local.weekday()]),
        day=local.day,
        month=F_(_MONTHS[local.month - 1]),
        year=year,
        time=f"{local:%H:%M}",
    )


def iso_utc(when: datetime) -> str:
    """The request form of a time (CONTRACT §1): ISO 8601 in UTC, "2026-11-26T05:30:00Z"."""
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _prepare(text: str) -> tuple[str, bool]:
    """Rewrite what reps type into what dateparser reads right (lower case, one space).

    Also says whether the text named a day but no time (so ``_DEFAULT_TIME`` was added).
    """
    text = " ".join(text.lower().replace("@", " at ").split())
    text = _HALF_HOUR.sub("30 minutes", text)
    text = _WORD.sub(lambda m: _WORDS.get(m.group(), m.group()), text)
    text = _PART.sub(lambda m: _PART_OF_DAY[m.group(1)], text)
    bare = _BARE_HOUR.match(text)
    if bare:
        hour = int(bare.group("hour"))
        # Nobody books a sales call for 5 in the morning: 1-7 without am/pm is afternoon.
        if 1 <= hour <= 7:
            hour += 12
        return f"{bare.group('day') or ''} {hour:02d}:00".strip(), False
    if not _HAS_TIME.search(text) and not _RELATIVE.search(text):
        return f"{text} {_DEFAULT_TIME}", True
    return text, False


def _dateparser_settings(now: datetime) -> dict[str, Any]:
    return {
        "PREFER_DATES_FROM": "future",
        "DATE_ORDER": "DMY",
        "RELATIVE_BASE": now.replace(tzinfo=None),
        "RETURN_AS_TIMEZONE_AWARE": False,
    }


def _parse(prepared: str, now: datetime) -> datetime | None:
    import dateparser  # heavy: never on the start-up path (see the module docstring)

    parsed: datetime | None = dateparser.parse(
        prepared, languages=["en"], settings=_dateparser_settings(now)
    )
    if parsed is None:
        return None
    for day, month in _NUMERIC_DATE.findall(prepared):
        if (parsed.day, parsed.month) != (int(day), int(month)):
            return None
    # A naive wall-clock time in the rep's zone.
    return parsed.replace(tzinfo=now.tzinfo)


def read_followup(text: str, now: datetime) -> Understood | Problem:
    """Read a follow-up time as typed ("tomorrow 11am", "in 2 hours", "mon 5pm", ...).

    ``now`` is aware, in the rep's zone; it is the base for relative phrasings and the
    zone the result is read in. Never raises: any text gives an ``Understood`` strictly
    after ``now`` or a ``Problem``.
    """
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if not text.strip():
        return Problem("followup.empty", N_("Type a time, e.g. 'tomorrow 11am'"))
    prepared, day_only = _prepare(text)
    try:
        when = _parse(prepared, now)
    except (ValueError, OverflowError):  # dateparser's arithmetic beyond year 9999
        when = None
    if when is None:
        return Problem("followup.unreadable", UNREADABLE)
    # Seconds are dropped: the rep sees minutes, and the API gets the time the rep saw.
    # A round trip through UTC settles times that don't exist or exist twice on the local
    # clock (daylight saving): the rep is shown the time that will be sent.
    utc = when.replace(second=0, microsecond=0).astimezone(UTC)
    shown = display_time(utc, now)
    if day_only and when.date() == now.date() and when <= now:
        return Problem("followup.needs_time", N_("Add a time, e.g. 'today 6pm'"))
    if when <= now:
        return Problem("followup.past", F_("{shown} has passed — pick a later time", shown=shown))
    when = utc.astimezone(now.tzinfo)
    if when - now < MIN_LEAD:
        return Problem("followup.too_soon", N_("Too soon to book — pick a time a few minutes away"))
    if when - now > MAX_AHEAD:
        return Problem(
            "followup.too_far",
            F_("{shown} is more than a year away — check the date", shown=shown),
        )
    return Understood(local=when, utc=utc, display=shown)


def warm_up() -> None:
    """Import dateparser and load its English data (~0.3 s): call on a worker, once."""
    read_followup("tomorrow 11am", datetime.now(UTC))


@dataclass(frozen=True, slots=True)
class FollowUp:
    """A follow-up booked with a lead, as the outbox keeps it.

    ``assignee_phone`` is who should own it; Create Task has no assignee field (the task
    takes the lead's), so the sender sets it on the lead's upsert. None keeps the lead's.
    """

    type: str
    due: datetime
    assignee_phone: str | None = None

    def __post_init__(self) -> None:
        if self.type not in FOLLOWUP_TYPES:
            raise ValueError(f"unknown follow-up type: {self.type!r}")
        if self.due.tzinfo is None:
            raise ValueError("due must be timezone-aware")
        object.__setattr__(self, "due", self.due.astimezone(UTC))

    def describe(self, now: datetime) -> str:
        """"Follow-up call, Thu 26 Nov, 11:00" in ``now``'s zone: for lists and messages."""
        return F_(
            "{type}, {when}", type=F_(FOLLOWUP_TYPES[self.type]), when=display_time(self.due, now)
        )

    @property
    def closes_other_tasks(self) -> bool:
        """CONTRACT §4.2: any non-reminder task closes the lead's other open ones."""
        return self.type != "REMINDER"

    def to_json(self) -> dict[str, Any]:
        return {"type": self.type, "due": iso_utc(self.due), "assignee_phone": self.assignee_phone}

    @classmethod
    def from_json(cls, raw: object) -> FollowUp:
        """The inverse of ``to_json``; raises ``ValueError`` on anything else."""
        if not isinstance(raw, dict) or set(raw) != {"type", "due", "assignee_phone"}:
            raise ValueError(f"not a stored follow-up: {raw!r}")
        kind, due, assignee = raw["type"], raw["due"], raw["assignee_phone"]
        if not isinstance(kind, str) or not isinstance(due, str):
            raise ValueError(f"not a stored follow-up: {raw!r}")
        if assignee is not None and not isinstance(assignee, str):
            raise ValueError(f"not a stored follow-up: {raw!r}")
        return cls(type=kind, due=datetime.fromisoformat(due), assignee_phone=assignee)


def task_request(followup: FollowUp, now: datetime) -> TaskCreate | Problem:
    """The Create Task body for ``followup``, sent at ``now`` (CONTRACT §4.2).

    ``notify_at`` is left to the server's default unless that default is already past
    (a task due in under 10 minutes, or one sent late from the outbox): then it is sent
    as the due time itself, the latest the rule ``now < notify_at ≤ due_date`` allows.
    A due time already past is not sent at all: the API's handling of it is undocumented
    (CONTRACT U27), and a call booked for a time gone by needs the rep to pick again.
    """
    if followup.due <= now:
        shown = display_time(followup.due, now)
        return Problem(
            "followup.expired",
            F_("The follow-up time ({shown}) passed before sending", shown=shown),
        )
    notice = timedelta(0) if followup.type == "REMINDER" else _DEFAULT_NOTICE
    notify_at: Omittable[str] = OMITTED
    if followup.due - notice <= now:
        notify_at = iso_utc(followup.due)
    return TaskCreate(type=followup.type, due_date=iso_utc(followup.due), notify_at=notify_at)
