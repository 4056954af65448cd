"""delivery.Deliverer against a fake client, a fake clock and a recording wait.

The fake CRM keeps what matters here: which requests arrived, in what order, which were
applied, and the timeline notes. Failures are scripted per call: raised before the
request is applied (the server never acted) or after (it acted, then the answer was lost).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from superfone_desk.api.errors import (
    AuthError,
    FieldRejected,
    InsecureURLError,
    MalformedResponse,
    NetworkError,
    RateLimited,
    RequestTimeout,
    ServerError,
    SuperfoneError,
    TLSError,
    UnexpectedStatus,
)
from superfone_desk.api.models import LeadUpsert
from superfone_desk.core.draft import Choice, LeadDraft
from superfone_desk.delivery.engine import Backoff, Deliverer
from superfone_desk.store.entry import stop_reason
from superfone_desk.store.outbox import EntryState, NoteStatus, Outbox, OutboxEntry, PauseCause
from tests.helpers.clock import Clock, Waits
from tests.helpers.fake_crm import FakeCRM, Fault

PHONE = "+918000000001"
ASHA = LeadDraft(customer_phone=PHONE, first_name="Asha", customer_note="Call after 6 PM")


class Crash(BaseException):
    """Stands for the process dying: nothing in the engine may catch it."""


def clocks(clock: Clock) -> dict[str, Any]:
    """The Deliverer's clock arguments, all driven by ``clock``."""
    return {"clock": clock, "monotonic": clock.monotonic, "wait": Waits(clock)}


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def waits(clock: Clock) -> Waits:
    return Waits(clock)


@pytest.fixture
def crm() -> FakeCRM:
    return FakeCRM()


@pytest.fixture
def outbox(tmp_path: Path, clock: Clock) -> Iterator[Outbox]:
    with Outbox.open(tmp_path / "outbox.sqlite3", clock=clock) as box:
        yield box


@pytest.fixture
def changes() -> list[tuple[int, EntryState]]:
    return []


@pytest.fixture
def deliverer(
    outbox: Outbox,
    crm: FakeCRM,
    clock: Clock,
    waits: Waits,
    changes: list[tuple[int, EntryState]],
) -> Deliverer:
    return Deliverer(
        outbox,
        lambda: crm,
        clock=clock,
        monotonic=clock.monotonic,
        wait=waits,
        rng=lambda: 0.5,
        on_change=lambda entry_id, state: changes.append((entry_id, state)),
        senders=1,
    )


def entry(outbox: Outbox, entry_id: int) -> OutboxEntry:
    found = outbox.get(entry_id)
    assert found is not None
    return found


def drop(*, received: bool) -> NetworkError:
    return NetworkError("The connection dropped.", possibly_received=received)


# ------------------------------------------------------------------ backoff


def test_backoff_doubles_from_one_second_up_to_the_cap() -> None:
    policy = Backoff()
    assert [policy.ceiling(n) for n in range(1, 10)] == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    assert policy.ceiling(10_000) == 60  # no overflow however long the outage


def test_equal_jitter_stays_between_half_and_all_of_the_ceiling() -> None:
    policy = Backoff()
    rng = random.Random(7)
    for attempt in range(1, 12):
        ceiling = policy.ceiling(attempt)
        delays = [policy.delay(attempt, rng.random) for _ in range(200)]
        assert all(ceiling / 2 <= delay <= ceiling for delay in delays)
        assert max(delays) - min(delays) > ceiling / 4  # it does spread


def test_a_longer_retry_after_wins_a_shorter_one_does_not() -> None:
    policy = Backoff()
    assert policy.delay(1, lambda: 0.0, retry_after=30) == 30
    assert policy.delay(8, lambda: 0.0, retry_after=2) == 30  # 60/2 > 2
    assert policy.delay(1, lambda: 0.0, retry_after=3600) == 3600  # beyond the cap: honoured


# ------------------------------------------------------------------ the happy path


def test_delivers_a_new_lead_and_records_the_outcome(
    outbox: Outbox, deliverer: Deliverer, crm: FakeCRM, changes: list[tuple[int, EntryState]]
) -> None:
    entry_id = outbox.add(ASHA, "IN", known_exists=False)
    assert deliverer.run_once()
    assert not deliverer.run_once()
    assert crm.gets == []  # the UI knew: no lookup
    # The note travels alone and last (issue #11).
    assert crm.bodies == [
        {
            "customer_phone": PHONE,
            "create_customer_if_customer_phone_not_found": True,
            "first_name": "Asha",
        },
        {
            "customer_phone": PHONE,
            "create_customer_if_customer_phone_not_found": False,
            "customer_note": "Call after 6 PM",
        },
    ]
    done = entry(outbox, entry_id)
    assert done.state is EntryState.SENT
    assert done.note_status is NoteStatus.SENT
    assert done.created is True
    assert done.result_message == "Created lead +91 80000 00001 — Asha"
    assert done.sent_at is not None
    assert changes == [(entry_id, EntryState.SENDING), (entry_id, EntryState.SENT)]


def test_looks_the_phone_up_when_the_ui_did_not_know(
    outbox: Outbox, deliverer: Deliverer, crm: FakeCRM
) -> None:
    crm.leads["+919820098765"] = ["+919820098765", "+912226541234"]
    typed_secondary = LeadDraft(customer_phone="022 2654 1234", city="Mumbai")
    entry_id = outbox.add(typed_secondary, "IN")
    deliverer.drain()
    assert crm.gets == ["+912226541234"]
    # The upsert matches primary phones only: it goes to the lead's primary phone.
    assert [body["customer_phone"] for body in crm.bodies] == ["+919820098765"]
    done = entry(outbox, entry_id)
    assert (done.state, done.created, done.primary_phone) == (
        EntryState.SENT,
        False,
        "+919820098765",
    )
    assert len(crm.leads) == 1


def test_uses_what_the_ui_knew_about_the_primary_phone(
    outbox: Outbox, deliverer: Deliverer, crm: FakeCRM
) -> None:
    crm.leads["+919820098765"] = ["+919820098765", "+912226541234"]
    entry_id = outbox.add(
        LeadDraft(customer_phone="+912226541234", city="Pune"),
        "IN",
        known_exists=True,
        known_primary="+919820098765",
    )
    deliverer.drain()
    assert crm.gets == []
    assert crm.bodies[0]["customer_phone"] == "+919820098765"
    assert entry(outbox, entry_id).result_message.startswith("Updated lead")


def test_a_failed_lookup_is_retried_like_any_network_step(
    outbox: Outbox, deliverer: Deliverer, crm: FakeCRM, waits: Waits
) -> None:
    crm.fail(drop(received=False))
    entry_id = outbox.add(ASHA, "IN")
    deliverer.drain()
    assert crm.gets == [PHONE, PHONE]
    assert waits.seconds == [0.75]
    assert entry(outbox, entry_id).state is EntryState.SENT


def test_no_client_means_nothing_is_sent_and_nothing_lost(outbox: Outbox, clock: Clock) -> None:
    entry_id = outbox.add(ASHA, "IN")
    idle = Deliverer(outbox, lambda: None, **clocks(clock), senders=1)
    assert not idle.run_once()
    idle.drain()  # returns: nothing can be done without a key
    assert entry(outbox, entry_id).state is EntryState.QUEUED


# ------------------------------------------------------------------ retries


def test_network_failures_back_off_exponentially_then_deliver_once(
    outbox: Outbox, deliverer: Deliverer, crm: FakeCRM, waits: Waits
) -> None:
    crm.fail(*[drop(received=False) for _ in range(8)])
    entry_id = outbox.add(ASHA, "IN", known_exists=False)
    deliverer.drain()
    # rng 0.5 → three quarters of each ceiling: 1, 2, 4, ... capped at 60.
    assert waits.seconds == [0.75, 1.5, 3, 6, 12, 24, 45, 45]
    assert len(crm.applied) == 2  # the lead, then its note
    assert crm.notes_of(PHONE) == ["Call after 6 PM"]  # never sent: kept, sent once
    done = entry(outbox, entry_id)
    assert (done.state, done.note_status, done.attempts) == (
        EntryState.SENT,
        NoteStatus.SENT,
        0,
    )


def test_a_retry_after_is_honoured(
    outbox: Outbox, deliverer: Deliverer, crm: FakeCRM, waits: Waits
) -> None:
    crm.fail(RateLimited(7), RateLimited(None), RateLimited(0.1))
    outbox.add(ASHA, "IN", known_exists=False)
    deliverer.drain()
    assert waits.seconds == [7, 1.5, 3]
    assert crm.notes_of(PHONE) == ["Call after 6 PM"]


def test_the_failure_is_shown_on_the_entry_while_it_waits(
    outbox: Outbox, deliverer: Deliverer, crm: FakeCRM, clock: Clock
) -> None:
    crm.fail(ServerError(503, "Service unavailable"))
    entry_id = outbox.add(ASHA, "IN", known_exists=False)
    assert deliverer.run_once()
    waiting = entry(outbox, entry_id)
    assert waiting.state is EntryState.QUEUED
    assert waiting.last_error == "Superfone had a problem (HTTP 503): Service unavailable."
    assert waiting.attempts == 1
    assert waiting.next_attempt_at is not None
    assert waiting.next_attempt_at.timestamp() == clock.now + 0.75
    assert deliverer.retry_at == clock.now + 0.75
    assert not deliverer.run_once()  # backing off
    deliverer.wake()  # "Send now"
    assert deliverer.run_once()
    assert entry(outbox, entry_id).state is EntryState.SENT


def test_server_wide_failures_hold_back_every_lead(
    outbox: Outbox, deliverer: Deliverer, crm: FakeCRM
) -> None:
    crm.fail(ServerError(503))
    outbox.add(ASHA, "IN", known_exists=False)
    outbox.add(LeadDraft(customer_phone="+919845012345"), "IN", known_exists=True)
    assert deliverer.run_once()
    assert not deliverer.run_once()  # the other lead waits too: the server is down
    assert len(crm.bodies) == 1


def test_a_lead_specific_500_does_not_hold_back_other_phones(
    outbox: Outbox, deliverer: Deliverer, crm: FakeCRM, waits: Waits
) -> None:
    crm.fail(ServerError(500), ServerError(500), phone=PHONE)
    first = outbox.add(ASHA, "IN", known_exists=False)
    outbox.add(
        LeadDraft(customer_phone=PHONE, first_name="Asha", last_name="K"), "IN", known_exists=True
    )
    other = outbox.add(LeadDraft(customer_phone="+919845012345"), "IN", known_exists=True)
    crm.leads["+919845012345"] = ["+919845012345"]  # the form found it: it exists
    deliverer.drain()
    phones = [body["customer_phone"] for body in crm.bodies]
    # The other phone went between the retries; the same phone's second save waited.
    assert phones == [PHONE, "+919845012345", PHONE, PHONE, PHONE, PHONE]
    saves = [body for body in crm.applied if "customer_note" not in body]
    assert [body.get("last_name") for body in saves if body["customer_phone"] == PHONE] == [
        None,
        "K",
    ]
    assert entry(outbox, other).state is EntryState.SENT
    assert entry(outbox, first).state is EntryState.SENT
    assert waits.seconds == [0.75, 1.5]


def test_two_saves_of_one_phone_apply_in_order_across_senders(
    outbox: Outbox, crm: FakeCRM, clock: Clock
) -> None:
    for n in range(30):
        outbox.add(
            LeadDraft(customer_phone=f"+9198450{n % 5:05d}", first_name=f"v{n}"),
            "IN",
            known_exists=n >= 5,
        )
    Deliverer(outbox, lambda: crm, **clocks(clock), senders=4).drain()
    assert len(crm.applied) == 30
    for phone in {body["customer_phone"] for body in crm.applied}:
        names = [body["first_name"] for body in crm.applied if body["customer_phone"] == phone]
        assert names == sorted(names, key=lambda name: int(name[1:]))


# ------------------------------------------------------------------ the note rule


@pytest.mark.parametrize(
    "error",
    [
        RequestTimeout("Superfone did not answer in time.", possibly_received=True),
        drop(received=True),
        ServerError(502),
        ServerError(504),
        ServerError(500),
        MalformedResponse("the answer is not valid JSON"),
    ],
)
@pytest.mark.parametrize("applied", [True, False])
def test_an_unknown_outcome_never_reposts_the_note(
    outbox: Outbox,
    deliverer: Deliverer,
    crm: FakeCRM,
    error: SuperfoneError,
    applied: bool,
) -> None:
    # The lead is applied; the note's own request (alone, last) has the unknown outcome.
    crm.faults = [Fault(None), Fault(error, applied=applied)]
    entry_id = outbox.add(ASHA, "IN", known_exists=False)
    deliverer.drain()
    assert len(crm.bodies) == 2  # the note is not sent again: nothing else was left
    assert "customer_note" not in crm.bodies[0]
    assert crm.bodies[1]["customer_note"] == "Call after 6 PM"
    assert crm.notes_of(PHONE) == (["Call after 6 PM"] if applied else [])
    done = entry(outbox, entry_id)
    assert done.state is EntryState.SENT
    assert done.note_status is NoteStatus.UNCONFIRMED
    assert done.asks_about_note


@pytest.mark.parametrize(
    "error",
    [
        drop(received=False),
        ServerError(503),
        RateLimited(1),
        RequestTimeout("", possibly_received=False),
    ],
)
def test_a_request_the_server_never_acted_on_keeps_its_note(
    outbox: Outbox, deliverer: Deliverer, crm: FakeCRM, error: SuperfoneError
) -> None:
    crm.fail(error)
    entry_id = outbox.add(ASHA, "IN", known_exists=False)
    deliverer.drain()
    assert crm.notes_of(PHONE) == ["Call after 6 PM"]
    assert entry(outbox, entry_id).note_status is NoteStatus.SENT


def test_repost_after_an_unconfirmed_note_posts_it_exactly_once(
    outbox: Outbox, deliverer: Deliverer, crm: FakeCRM
) -> None:
    crm.faults = [Fault(None), Fault(drop(received=True))]  # the note is missing
    entry_id = outbox.add(ASHA, "IN", known_exists=False)
    deliverer.drain()
    assert crm.notes_of(PHONE) == []
    repost = outbox.repost_note(entry_id)
    deliverer.nudge()
    deliverer.drain()
    assert crm.notes_of(PHONE) == ["Call after 6 PM"]
    assert crm.applied[-1] == {
        "customer_phone": PHONE,
        "create_customer_if_customer_phone_not_found": False,
        "customer_note": "Call after 6 PM",
    }
    assert entry(outbox, repost).state is EntryState.SENT
    assert entry(outbox, repost).note_status is NoteStatus.SENT
    assert entry(outbox, entry_id).note_status is NoteStatus.REPOSTED


def test_a_reposted_note_with_an_unknown_outcome_is_not_sent_a_third_time(
    outbox: Outbox, deliverer: Deliverer, crm: FakeCRM
) -> None:
    crm.faults = [Fault(None), Fault(drop(received=True))]
    entry_id = outbox.add(ASHA, "IN", known_exists=False)
    deliverer.drain()
    crm.fail(drop(received=True), applied=True)
    repost = outbox.repost_note(entry_id)
    deliverer.drain()
    # The repost carried only the note: without it there is nothing to send.
    assert len(crm.bodies) == 3  # the lead, its note, the reposted note
    assert crm.notes_of(PHONE) == ["Call after 6 PM"]
    assert entry(outbox, repost).asks_about_note


# ------------------------------------------------------------------ crashes


def test_a_crash_after_the_first_of_two_requests_never_resends_the_first(
    tmp_path: Path, crm: FakeCRM, clock: Clock
) -> None:
    split = LeadDraft(
        customer_phone=PHONE,
        add_labels=("Hot",),
        remove_labels=("Cold",),
        customer_note="Met at the fair",
    )
    path = tmp_path / "outbox.sqlite3"
    with Outbox.open(path, clock=clock) as box:
        entry_id = box.add(split, "IN", known_exists=False)

        # The process dies while the second request is out.
        def first_then_crash(payload: LeadUpsert) -> None:
            if payload.to_json().get("remove_labels"):
                crm.bodies.append(payload.to_json())
                raise Crash()
            FakeCRM.upsert_lead(crm, payload)

        crm.upsert_lead = first_then_crash  # type: ignore[method-assign]
        with pytest.raises(Crash):
            Deliverer(box, lambda: crm, **clocks(clock), senders=1).drain()
        assert box.get(entry_id) is not None
    del crm.upsert_lead  # the server is fine again
    with Outbox.open(path, clock=clock) as box:
        Deliverer(box, lambda: crm, **clocks(clock), senders=1).drain()
        done = box.get(entry_id)
    assert done is not None
    assert [("add_labels" in body, "remove_labels" in body) for body in crm.bodies] == [
        (True, False),
        (False, True),
        (False, True),
        (False, False),  # the note, alone and last
    ]
    assert crm.notes_of(PHONE) == ["Met at the fair"]
    assert (done.state, done.note_status) == (EntryState.SENT, NoteStatus.SENT)


def test_a_crash_with_the_note_in_flight_makes_it_unconfirmed(
    tmp_path: Path, crm: FakeCRM, clock: Clock
) -> None:
    path = tmp_path / "outbox.sqlite3"
    with Outbox.open(path, clock=clock) as box:
        entry_id = box.add(ASHA, "IN", known_exists=False)
        # The lead went through; the server posted the note, then we died.
        crm.faults = [Fault(None), Fault(Crash(), applied=True)]
        with pytest.raises(Crash):
            Deliverer(box, lambda: crm, **clocks(clock), senders=1).run_once()
    with Outbox.open(path, clock=clock) as box:
        Deliverer(box, lambda: crm, **clocks(clock), senders=1).drain()
        done = box.get(entry_id)
    assert done is not None
    assert crm.notes_of(PHONE) == ["Call after 6 PM"]
    assert len(crm.bodies) == 2  # nothing but the note was left: nothing is re-sent
    assert (done.state, done.note_status) == (EntryState.SENT, NoteStatus.UNCONFIRMED)


def test_a_crash_during_the_lookup_keeps_the_note(
    tmp_path: Path, crm: FakeCRM, clock: Clock
) -> None:
    path = tmp_path / "outbox.sqlite3"
    with Outbox.open(path, clock=clock) as box:
        entry_id = box.add(ASHA, "IN")
        crm.fail(Crash())
        with pytest.raises(Crash):
            Deliverer(box, lambda: crm, **clocks(clock), senders=1).run_once()
    with Outbox.open(path, clock=clock) as box:
        Deliverer(box, lambda: crm, **clocks(clock), senders=1).drain()
        done = box.get(entry_id)
    assert done is not None
    assert crm.notes_of(PHONE) == ["Call after 6 PM"]
    assert (done.state, done.note_status) == (EntryState.SENT, NoteStatus.SENT)


# ------------------------------------------------------------------ user needed


def test_a_refused_key_pauses_everything_until_a_new_key(
    outbox: Outbox, deliverer: Deliverer, crm: FakeCRM
) -> None:
    crm.fail(AuthError("UnAuthorized, Please Provide Valid API Key"))
    first = outbox.add(ASHA, "IN", known_exists=False)
    second = outbox.add(LeadDraft(customer_phone="+919845012345"), "IN", known_exists=True)
    crm.leads["+919845012345"] = ["+919845012345"]
    deliverer.drain()  # returns: nothing can go out without the user
    paused = entry(outbox, first)
    assert paused.state is EntryState.PAUSED
    assert paused.last_error == "Superfone did not accept the API key. Check it in Settings."
    assert entry(outbox, second).state is EntryState.QUEUED
    assert not deliverer.run_once()
    deliverer.resume_after_auth()
    deliverer.drain()
    assert entry(outbox, first).state is EntryState.SENT
    assert entry(outbox, second).state is EntryState.SENT
    assert crm.notes_of(PHONE) == ["Call after 6 PM"]


@pytest.mark.parametrize(
    ("error", "cause"),
    [
        (AuthError(), PauseCause.AUTH),
        (TLSError("Could not connect securely to Superfone (certificate not trusted)."),
         PauseCause.TLS),
        (InsecureURLError("Refusing plain http:// to example.com."), PauseCause.ADDRESS),
        (UnexpectedStatus(301), PauseCause.REDIRECT),
    ],
)
def test_configuration_problems_pause_with_their_real_cause(
    outbox: Outbox,
    deliverer: Deliverer,
    crm: FakeCRM,
    waits: Waits,
    error: SuperfoneError,
    cause: PauseCause,
) -> None:
    crm.fail(error)
    entry_id = outbox.add(ASHA, "IN", known_exists=False, account="A")
    deliverer.drain()
    paused = entry(outbox, entry_id)
    assert (paused.state, paused.cause) == (EntryState.PAUSED, cause)
    assert paused.last_error == error.user_message
    reason = stop_reason(paused)
    assert reason is not None
    assert ("API key" in reason) is (cause is PauseCause.AUTH)  # never blamed on the key
    assert waits.seconds == []
    assert len(crm.bodies) == 1
    # Only a refused key (401) may move to another key, and only when asked to.
    moved = outbox.rebind_paused("B", {PauseCause.AUTH})
    assert moved == ([entry_id] if cause is PauseCause.AUTH else [])
    assert entry(outbox, entry_id).account == ("B" if cause is PauseCause.AUTH else "A")


def test_a_new_key_requeues_paused_saves_without_moving_them(
    outbox: Outbox, deliverer: Deliverer, crm: FakeCRM
) -> None:
    crm.fail(TLSError("certificate not trusted"))
    entry_id = outbox.add(ASHA, "IN", known_exists=False, account="A")
    deliverer.drain()
    deliverer.resume_after_auth()
    requeued = entry(outbox, entry_id)
    assert (requeued.state, requeued.account) == (EntryState.QUEUED, "A")


def test_a_refused_field_needs_attention_and_the_next_lead_goes_on(
    outbox: Outbox, deliverer: Deliverer, crm: FakeCRM, changes: list[tuple[int, EntryState]]
) -> None:
    crm.fail(FieldRejected(404, "Lead stage name not found", "lead_stage_name"))
    bad = outbox.add(
        LeadDraft(customer_phone=PHONE, lead_stage=Choice.set("Nope"), customer_note="n"),
        "IN",
        known_exists=False,
    )
    good = outbox.add(LeadDraft(customer_phone="+919845012345"), "IN", known_exists=True)
    crm.leads["+919845012345"] = ["+919845012345"]
    deliverer.drain()
    rejected = entry(outbox, bad)
    assert rejected.state is EntryState.NEEDS_ATTENTION
    assert (rejected.last_error, rejected.error_field) == (
        "Lead stage name not found",
        "lead_stage_name",
    )
    assert rejected.note_status is NoteStatus.PENDING  # nothing was applied (U5)
    assert entry(outbox, good).state is EntryState.SENT
    assert (bad, EntryState.NEEDS_ATTENTION) in changes


def test_customer_not_found_lands_on_the_create_switch(
    outbox: Outbox, deliverer: Deliverer
) -> None:
    entry_id = outbox.add(
        LeadDraft(customer_phone=PHONE, create_if_missing=False), "IN", known_exists=False
    )
    deliverer.drain()
    rejected = entry(outbox, entry_id)
    assert rejected.error_field == "create_customer_if_customer_phone_not_found"


def test_a_refused_label_removal_says_the_rest_was_saved(
    outbox: Outbox, deliverer: Deliverer, crm: FakeCRM
) -> None:
    split = LeadDraft(
        customer_phone=PHONE, add_labels=("Hot",), remove_labels=("Cold",), customer_note="n"
    )
    entry_id = outbox.add(split, "IN", known_exists=False)
    crm.faults = [Fault(None), Fault(FieldRejected(400, "Something odd", None))]
    deliverer.drain()
    rejected = entry(outbox, entry_id)
    assert rejected.state is EntryState.NEEDS_ATTENTION
    assert rejected.error_field == "remove_labels"
    assert rejected.last_error == "The lead was saved, except removing labels: Something odd"
    # The note travels last: it waits for the fix instead of going out with a refusal.
    assert rejected.note_status is NoteStatus.PENDING
    assert crm.notes_of(PHONE) == []
    assert rejected.next_request == 1
    fixed = outbox.replace(entry_id, split)
    assert fixed.draft.customer_note == "n"
    deliverer.drain()
    assert crm.notes_of(PHONE) == ["n"]


def test_a_bug_in_delivery_keeps_the_lead_and_goes_on(
    outbox: Outbox, deliverer: Deliverer, crm: FakeCRM
) -> None:
    crm.fail(ZeroDivisionError())
    broken = outbox.add(ASHA, "IN", known_exists=False)
    fine = outbox.add(LeadDraft(customer_phone="+919845012345"), "IN", known_exists=False)
    deliverer.drain()
    kept = entry(outbox, broken)
    assert kept.state is EntryState.NEEDS_ATTENTION
    assert kept.last_error is not None
    assert "ZeroDivisionError" in kept.last_error
    assert entry(outbox, fine).state is EntryState.SENT


def test_a_failing_listener_does_not_stop_delivery(
    outbox: Outbox, crm: FakeCRM, clock: Clock
) -> None:
    def broken_listener(entry_id: int, state: EntryState) -> None:
        raise RuntimeError("listener bug")

    entry_id = outbox.add(ASHA, "IN", known_exists=False)
    Deliverer(
        outbox,
        lambda: crm,
        clock=clock,
        monotonic=clock.monotonic,
        wait=Waits(clock),
        on_change=broken_listener,
        senders=1,
    ).drain()
    assert entry(outbox, entry_id).state is EntryState.SENT


def test_senders_must_be_positive(outbox: Outbox) -> None:
    with pytest.raises(ValueError, match="senders"):
        Deliverer(outbox, lambda: None, senders=0)
