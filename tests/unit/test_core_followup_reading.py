"""The follow-up time reader: what reps type, read against a fixed "now" in India."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from superfone_desk.core.followup import (
    MIN_LEAD,
    QUICK_PICKS,
    UNREADABLE,
    Problem,
    Understood,
    display_time,
    iso_utc,
    read_followup,
)

KOLKATA = ZoneInfo("Asia/Kolkata")
# Wednesday 25 Nov 2026, 14:00 in Mumbai.
NOW = datetime(2026, 11, 25, 14, 0, tzinfo=KOLKATA)


def _at(day: int, hour: int, minute: int = 0, month: int = 11, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=KOLKATA)


# (typed, local time understood). Wed 25 Nov 14:00 is "now".
UNDERSTOOD = [
    # The examples and the brief's.
    ("tomorrow 11am", _at(26, 11)),
    ("in 2 hours", _at(25, 16)),
    ("mon 5pm", _at(30, 17)),
    ("28/11 16:30", _at(28, 16, 30)),
    ("today 6 pm", _at(25, 18)),
    ("next friday 10", _at(27, 10)),
    ("tmrw 11", _at(26, 11)),
    ("30 nov 4pm", _at(30, 16)),
    ("in 45 min", _at(25, 14, 45)),
    ("tonight", _at(25, 20)),
    # The quick picks.
    ("in 1 hour", _at(25, 15)),
    ("this evening", _at(25, 18)),
    ("tomorrow morning", _at(26, 10)),
    # Days, abbreviated the ways people abbreviate them.
    ("Tomorrow 11 AM", _at(26, 11)),
    ("tomorrow at 11", _at(26, 11)),
    ("11am tomorrow", _at(26, 11)),
    ("@ 4pm tmrw", _at(26, 16)),
    ("tmr 4:30pm", _at(26, 16, 30)),
    ("tomorow 9:15", _at(26, 9, 15)),
    ("day after tomorrow 3pm", _at(27, 15)),
    ("thu 11am", _at(26, 11)),
    ("thur 3pm", _at(26, 15)),
    ("thurs 3 pm", _at(26, 15)),
    ("tues 3pm", _at(1, 15, month=12)),
    ("fri 10:30", _at(27, 10, 30)),
    ("sat 12pm", _at(28, 12)),
    ("sunday noon", _at(29, 12)),
    ("weds 11", _at(2, 11, month=12)),
    ("mon 5", _at(30, 17)),
    # A bare hour after a day: 1-7 is afternoon, the rest as written.
    ("at 5", _at(25, 17)),
    ("tomorrow 9", _at(26, 9)),
    # Parts of the day.
    ("tomorrow eve", _at(26, 18)),
    ("tomorrow evening", _at(26, 18)),
    ("fri night", _at(27, 20)),
    ("sunday afternoon", _at(29, 14)),
    ("mon morning", _at(30, 10)),
    # Times alone: the next time the clock shows them.
    ("5pm", _at(25, 17)),
    ("17:00", _at(25, 17)),
    ("11am", _at(26, 11)),
    ("noon", _at(26, 12)),
    ("4.30pm", _at(25, 16, 30)),
    # Dates, day first (India).
    ("1/12 10am", _at(1, 10, month=12)),
    ("01-12-2026 10:00", _at(1, 10, month=12)),
    ("2026-12-01 10:00", _at(1, 10, month=12)),
    ("dec 5 3pm", _at(5, 15, month=12)),
    ("5 december 2026 15:00", _at(5, 15, month=12)),
    ("1st dec 10:00", _at(1, 10, month=12)),
    ("5 jan 10:00", _at(5, 10, month=1, year=2027)),
    # A day without a time is booked for the morning.
    ("tomorrow", _at(26, 10)),
    ("thursday", _at(26, 10)),
    ("1 dec", _at(1, 10, month=12)),
    # Durations.
    ("in half an hour", _at(25, 14, 30)),
    ("in 90 minutes", _at(25, 15, 30)),
    ("in 1.5 hours", _at(25, 15, 30)),
    ("in 2 hrs", _at(25, 16)),
    ("in 2h", _at(25, 16)),
    ("in an hour", _at(25, 15)),
    ("in 3 days", _at(28, 14)),
    ("in 1 week", _at(2, 14, month=12)),
    ("  in   2   hours  ", _at(25, 16)),
]

REFUSED = [
    ("kal 11 baje", "followup.unreadable"),  # Hinglish can wait (issue #14)
    ("asdf", "followup.unreadable"),
    ("11/28 10am", "followup.unreadable"),  # month first: not a date in India
    ("31/2 10:00", "followup.unreadable"),
    ("yesterday", "followup.past"),
    ("today 11am", "followup.past"),
    ("today morning", "followup.past"),
    ("last monday", "followup.past"),
    ("now", "followup.past"),
    ("today", "followup.needs_time"),
    ("in 30 sec", "followup.too_soon"),
    ("in 2 years", "followup.too_far"),
    ("", "followup.empty"),
    ("   ", "followup.empty"),
]


@pytest.mark.parametrize(("typed", "expected"), UNDERSTOOD)
def test_reads_what_reps_type(typed: str, expected: datetime) -> None:
    result = read_followup(typed, NOW)
    assert isinstance(result, Understood), result
    assert result.local == expected
    assert result.local.tzinfo == KOLKATA
    assert result.utc == expected
    assert result.utc.tzinfo == UTC
    assert result.display == display_time(expected, NOW)


@pytest.mark.parametrize(("typed", "problem_id"), REFUSED)
def test_refuses_with_a_message_for_the_field(typed: str, problem_id: str) -> None:
    result = read_followup(typed, NOW)
    assert isinstance(result, Problem), result
    assert result.id == problem_id
    assert result.text


def test_unreadable_text_says_what_to_type() -> None:
    assert read_followup("kal 11 baje", NOW) == Problem("followup.unreadable", UNREADABLE)
    assert UNREADABLE == "Couldn't read this time — try 'tomorrow 11am'"


def test_past_time_names_the_time_it_read() -> None:
    result = read_followup("today 11am", NOW)
    assert result == Problem("followup.past", "Wed 25 Nov, 11:00 has passed — pick a later time")


def test_display_is_short_and_adds_the_year_only_when_it_differs() -> None:
    assert read_followup("tomorrow 11am", NOW) == Understood(
        local=_at(26, 11),
        utc=datetime(2026, 11, 26, 5, 30, tzinfo=UTC),
        display="Thu 26 Nov, 11:00",
    )
    # Day first, and already past this year: next year's, and the display says so.
    result = read_followup("24/11 10am", NOW)
    assert isinstance(result, Understood)
    assert result.display == "Wed 24 Nov 2027, 10:00"


def test_quick_picks_are_read_like_typed_text() -> None:
    afternoon = {pick: read_followup(pick, NOW) for pick in QUICK_PICKS}
    assert [r.local for r in afternoon.values() if isinstance(r, Understood)] == [
        _at(25, 15),
        _at(25, 18),
        _at(26, 10),
    ]


def test_this_evening_after_the_evening_has_begun_is_tomorrows() -> None:
    late = NOW.replace(hour=19, minute=30)
    result = read_followup("this evening", late)
    assert isinstance(result, Understood)
    assert result.local == _at(26, 18)
    tonight = read_followup("tonight", late)
    assert isinstance(tonight, Understood)
    assert tonight.local == _at(25, 20)


def test_seconds_are_dropped_so_the_api_gets_the_time_shown() -> None:
    result = read_followup("in 1 hour", NOW.replace(second=37, microsecond=5))
    assert isinstance(result, Understood)
    assert result.local == _at(25, 15)
    assert iso_utc(result.utc) == "2026-11-25T09:30:00Z"


def test_naive_now_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="aware"):
        read_followup("tomorrow 11am", datetime(2026, 11, 25, 14, 0))


# ------------------------------------------------------------------ time zones


@pytest.mark.parametrize(
    ("zone", "utc_hour"),
    [
        ("Asia/Kolkata", datetime(2026, 11, 26, 5, 30, tzinfo=UTC)),
        ("UTC", datetime(2026, 11, 26, 11, 0, tzinfo=UTC)),
        ("America/New_York", datetime(2026, 11, 26, 16, 0, tzinfo=UTC)),
        ("Asia/Dubai", datetime(2026, 11, 26, 7, 0, tzinfo=UTC)),
        ("Australia/Sydney", datetime(2026, 11, 26, 0, 0, tzinfo=UTC)),
    ],
)
def test_local_time_is_read_in_the_reps_zone_and_sent_in_utc(
    zone: str, utc_hour: datetime
) -> None:
    # The same instant everywhere (08:30 UTC on Wed 25 Nov), read in each rep's zone.
    now = datetime(2026, 11, 25, 8, 30, tzinfo=UTC).astimezone(ZoneInfo(zone))
    result = read_followup("tomorrow 11am", now)
    assert isinstance(result, Understood), result
    assert (result.local.hour, result.local.minute) == (11, 0)
    assert result.local.tzinfo == ZoneInfo(zone)
    assert result.utc == utc_hour
    assert result.utc.tzinfo == UTC
    assert result.display.endswith(", 11:00")


def test_a_fixed_offset_zone_works_like_a_named_one() -> None:
    now = datetime(2026, 11, 25, 14, 0, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    result = read_followup("tomorrow 11am", now)
    assert isinstance(result, Understood)
    assert iso_utc(result.utc) == "2026-11-26T05:30:00Z"
    assert result.display == "Thu 26 Nov, 11:00"


def test_a_time_the_clock_skips_is_shown_as_the_time_that_will_be_sent() -> None:
    # London springs forward at 01:00 on Sun 29 Mar 2026: 01:30 does not exist.
    london = ZoneInfo("Europe/London")
    now = datetime(2026, 3, 28, 12, 0, tzinfo=london)
    result = read_followup("tomorrow 1:30am", now)
    assert isinstance(result, Understood)
    assert result.local.astimezone(UTC) == result.utc
    assert result.display == display_time(result.utc, now)
    assert result.display == "Sun 29 Mar, 02:30"


# ------------------------------------------------------------------ properties

ZONES = st.sampled_from(
    ["Asia/Kolkata", "UTC", "America/New_York", "Europe/London", "Australia/Lord_Howe",
     "Pacific/Kiritimati", "America/St_Johns", "Asia/Kathmandu"]
)
FRAGMENTS = st.sampled_from(
    ["tomorrow", "tmrw", "today", "tonight", "this", "next", "last", "in", "at", "@", "mon",
     "fri", "sunday", "morning", "eve", "11", "5", "0", "23", "59", "pm", "am", "11am",
     "16:30", "4.30pm", "28/11", "31/12", "1/1", "29/2", "nov", "dec", "jan", "2026", "hours",
     "min", "2", "days", "week", "half an hour", "noon", "midnight", "yesterday", "ago", "-"]
)
TYPED = st.one_of(
    st.lists(FRAGMENTS, min_size=1, max_size=4).map(" ".join),
    st.text(max_size=20),
)
NOWS = st.builds(
    lambda naive, zone: naive.replace(tzinfo=ZoneInfo(zone)),
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2090, 12, 31)),
    ZONES,
)


@settings(max_examples=300, deadline=None)
@given(typed=TYPED, now=NOWS)
def test_never_a_past_time_and_always_an_answer(typed: str, now: datetime) -> None:
    result = read_followup(typed, now)
    if isinstance(result, Understood):
        assert result.utc > now
        assert result.utc - now >= MIN_LEAD
        assert result.local == result.utc
        assert result.utc.tzinfo == UTC
        assert result.local.utcoffset() == now.tzinfo.utcoffset(result.local)  # type: ignore[union-attr]
        assert result.display == display_time(result.utc, now)
    else:
        assert result.id.startswith("followup.")
        assert result.text


def test_importing_the_reader_does_not_load_dateparser_and_warm_up_does() -> None:
    # dateparser costs ~0.3 s; the form imports this module on the path to the window.
    code = (
        "import sys, superfone_desk.core.followup as f\n"
        "print('dateparser' in sys.modules)\n"
        "f.warm_up()\n"
        "print('dateparser' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.split() == ["False", "True"]
