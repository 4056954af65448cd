# mypy: disallow-untyped-defs, disallow-incomplete-defs, disallow-any-generics
# mypy: warn-return-any, no-implicit-reexport, strict-equality, disallow-untyped-calls
"""Delivery: sends the outbox to Superfone, in order, until every saved lead got there.

Plain Python, no Qt. The UI runs ``Deliverer.run(stop)`` in a worker thread it owns; the
headless runner (``python -m superfone_desk.delivery``) drains the outbox and exits.

For each entry, oldest first (``Outbox.claim``: one phone's saves strictly in order):

1. **Plan** (once, ``delivery.planning``): look the phone up when needed (Get Lead
   matches any phone, the upsert only the primary one), then build the request(s) with
   ``core.payload.build_requests`` and store their exact bodies on the entry. Retries,
   and the next process after a crash, send these same bodies. The timeline note is a
   request of its own, last; an update goes out with create off, and if its phone is
   not the lead's primary after all, the plan is made again under the proven one.
   While a long queue goes out, ``delivery.lookahead`` plans the next entries on lanes
   of its own, so their senders only post.
2. **Send** each request in turn. Before the one carrying the note goes out the entry
   records it as in flight (what recovery reads); after each was accepted, the progress.
   A crash after the first request never sends it again.
3. **Failures** (typed, from ``api.errors``):

   ========================================  =============================================
   network, 429, 5xx, unreadable answer      back to the queue; retried after a backoff:
                                             1 s × 2ⁿ, capped at 60 s, equal jitter
                                             (half fixed, half random); a larger
                                             Retry-After wins. Network, 429 and 502-504
                                             pause all delivery (the server or the line
                                             is the problem), other 5xx only the entry.
   outcome unknown and the request carries   the note leaves the request, which is retried
   the note (``possibly_received``)          without it; the note becomes *unconfirmed*
                                             (see ``store.outbox`` and docs/outbox.md)
   key refused (401), TLS, bad address,      entry *paused* with its cause (``PauseCause``);
   redirect                                  all delivery stops until ``resume_after_auth()``
                                             (a new key/address). An entry moves to
                                             another account only through
                                             ``Outbox.rebind_paused``, on the user's word
                                             (``PauseCause`` says when it may be asked).
   field refused (400/404)                   entry *needs_attention* with the message and
                                             field; delivery goes on with the next lead.
                                             On the second request of a split (removing
                                             labels) the field is ``remove_labels`` and
                                             the message says the rest was saved.
   ========================================  =============================================

The thread never dies of the store: an ``sqlite3`` error (disk full, I/O error, a locked
file) is reported through ``on_status`` ("Can't write to the outbox: disk full"), retried
with the same backoff, and once a write succeeds again the outbox is recovered as after a
crash and sending goes on by itself. A row that cannot be read is set aside by the store
(needs attention, with the reason) and the others go on.

Time: backoffs are stored as wall-clock due times (they must survive a restart), but
waiting runs on the monotonic clock, and when the wall clock jumps (set back two hours,
say) every stored due time moves with it, so no wait is longer than its backoff.

History: sent entries are pruned after ``store.outbox.RETENTION`` (90 days), at start and
then daily while delivery runs.

Clocks, wait and random source are injected, so tests run the backoff without sleeping.
After each state change, on the delivery thread, ``on_change(entry_id, state)`` and
``on_outcome(Outcome)`` (the entry as it now is and the outbox counts, so a GUI never
reads the database to show it) are called; ``on_applied(entry_id)`` when the lead itself
is on Superfone and only its note (or follow-up) is still to go (a GUI may say so).
"""

from __future__ import annotations

import logging
import random
import sqlite3
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Literal

from superfone_desk.api.errors import (
    FieldRejected,
    NetworkError,
    RateLimited,
    ServerError,
    SuperfoneError,
)
from superfone_desk.api.models import LeadUpsert
from superfone_desk.core.note_rule import sends_note
from superfone_desk.delivery.followup_stage import send_followup
from superfone_desk.delivery.lookahead import Lookahead
from superfone_desk.delivery.planning import Refused, not_a_primary, plan, retarget
from superfone_desk.delivery.policy import (
    Backoff,
    LeadClient,
    Outcome,
    pause_cause,
    refusal,
    storage_problem,
)
from superfone_desk.lead_lookup import PrimaryUnknown
from superfone_desk.store.entry import EntryState, OutboxEntry
from superfone_desk.store.outbox import Outbox

__all__ = ["PRUNE_EVERY_S", "Backoff", "Deliverer", "LeadClient", "Outcome", "storage_problem"]

#: How often the history is pruned while delivery runs (and once at start).
PRUNE_EVERY_S = 24 * 3600.0
#: A wall-clock jump larger than this moves the stored backoffs (smaller is NTP slewing).
_CLOCK_JUMP_S = 2.0

_log = logging.getLogger(__name__)

#: Statuses that speak for the whole server, not for one request.
_SERVER_WIDE_STATUSES = frozenset({502, 503, 504})


class Deliverer:
    """Sends the outbox's entries (see the module docstring).

    ``client_provider`` returns the client to use now, or None when there is no API key
    (delivery then waits for ``wake()``); it is asked before each entry, so a new key
    takes effect at once. ``senders`` > 1 sends that many *different* phones' entries at
    once (each phone's entries stay in order). One Deliverer per database.

    Threads: ``run``/``drain``/``run_once`` belong to the delivery thread; ``wake``,
    ``nudge`` and ``resume_after_auth`` may be called from any thread.
    """

    def __init__(
        self,
        outbox: Outbox,
        client_provider: Callable[[], LeadClient | None],
        *,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
        wait: Callable[[float | None], object] | None = None,
        rng: Callable[[], float] = random.random,
        on_change: Callable[[int, EntryState], object] | None = None,
        on_outcome: Callable[[Outcome], object] | None = None,
        on_status: Callable[[str | None], object] | None = None,
        on_applied: Callable[[int], object] | None = None,
        backoff: Backoff | None = None,
        senders: int = 1,
        account: Callable[[], str | None] | None = None,
    ) -> None:
        if senders < 1:
            raise ValueError("senders must be at least 1")
        self._outbox = outbox
        self._client_provider = client_provider
        self._clock = clock
        self._monotonic = monotonic
        self._event = threading.Event()
        self._wait = wait if wait is not None else self._wait_for_wake
        self._rng = rng
        self._on_change = on_change
        self._on_outcome = on_outcome
        self._on_status = on_status
        self._on_applied = on_applied
        self._backoff = backoff if backoff is not None else Backoff()
        self._senders = senders
        # Which account's saves to send (None: all); asked with the client, so a new key
        # never sends what was saved under the old one.
        self._account = account or (lambda: None)
        self._lock = threading.Lock()
        self._recover_lock = threading.Lock()
        # All delivery waits until this monotonic time (a network-wide failure).
        self._resume_at = 0.0
        self._recovered = False
        self._wall_ref, self._mono_ref = clock(), monotonic()
        self._next_prune = self._mono_ref  # at start, then every PRUNE_EVERY_S
        self._storage_failures = 0
        # Plans the next entries while the senders post (a long queue, issue #15).
        self._lookahead = Lookahead(
            outbox, client_provider, window=8 * senders, account=self._account,
            blocked=self._blocked,
        )

    # ------------------------------------------------------------- control

    def wake(self) -> None:
        """Retry now: forget every backoff (the user pressed "Send now")."""
        self._outbox.clear_backoff()
        with self._lock:
            self._resume_at = 0.0
        self._event.set()

    def nudge(self) -> None:
        """New work arrived (a save was added); backoffs still apply."""
        self._event.set()

    def resume_after_auth(self) -> None:
        """A new API key (or server address) was set: paused entries go back in line,
        each under the account it was saved with (none moves to the new key; see
        ``Outbox.rebind_paused`` for the cases where the user may move them)."""
        self._outbox.resume_paused()
        self.wake()

    @property
    def retry_at(self) -> float | None:
        """Until when all delivery waits after a network-wide failure (Unix time)."""
        with self._lock:
            left = self._resume_at - self._monotonic()
        return self._clock() + left if left > 0 else None

    # ------------------------------------------------------------- loops

    def run_once(self) -> bool:
        """Deliver the next due entry as far as it goes now; False when none was due."""
        if not self._recovered:
            self._recover()
        if self._blocked():
            return False
        client = self._client_provider()
        if client is None:
            return False
        entry = self._outbox.claim(self._clock(), account=self._account())
        if entry is None:
            return False
        self._changed(entry.id, EntryState.SENDING)
        self._deliver(client, entry)
        return True

    def run(self, stop: threading.Event) -> None:
        """Deliver until ``stop`` is set (set it, then call ``wake()`` to end a wait)."""
        self._loop(stop, until_idle=False)

    def drain(self, stop: threading.Event | None = None) -> None:
        """Deliver until nothing waits to send, or nothing can be sent without the user
        (entries paused, or no client). Backoff waits go through ``wait``."""
        self._loop(stop or threading.Event(), until_idle=True)

    def _loop(self, stop: threading.Event, *, until_idle: bool) -> None:
        while not stop.is_set():
            try:
                then, timeout = self._step(stop, until_idle=until_idle)
            except sqlite3.Error as exc:
                # The store failed (disk full, I/O error): never let the thread die.
                # What was being sent is recovered as after a crash once writes work.
                self._storage_failed(exc)
                continue
            if then == "return":
                return
            if then == "wait":
                self._wait(timeout)

    def _step(
        self, stop: threading.Event, *, until_idle: bool
    ) -> tuple[Literal["again", "wait", "return"], float | None]:
        """One round: deliver what is due; then what to do next (and how long to wait)."""
        if not self._recovered:
            self._recover()
        self._follow_wall_clock()
        self._prune_when_due()
        if self._burst(stop):
            self._storage_ok()
            return "again", None
        self._storage_ok()
        stuck = self._blocked_for_user() or self._client_provider() is None
        if until_idle and (stuck or self._outbox.unsent_count() == 0):
            return "return", None
        timeout = None if stuck else self._idle_timeout()
        if until_idle:
            return ("return", None) if timeout is None else ("wait", timeout)
        # Wake for the daily prune even when nothing waits to send.
        until_prune = max(0.0, self._next_prune - self._monotonic())
        return "wait", until_prune if timeout is None else min(timeout, until_prune)

    def _burst(self, stop: threading.Event) -> bool:
        """Deliver everything due now, on ``senders`` threads; whether anything was. This
        thread sends first: a lone save goes out with no thread start-up on its way, and
        the other senders start only while more is due."""

        def work() -> None:
            while not stop.is_set() and self.run_once():
                pass

        if stop.is_set() or not self.run_once():
            return False
        if self._senders > 1 and self._idle_timeout() == 0.0:
            threads = 2 * self._senders - 1  # the other senders and the look-ahead lanes
            done = threading.Event()
            with ThreadPoolExecutor(threads, thread_name_prefix="superfone-send") as pool:
                for _ in range(self._senders):
                    pool.submit(self._lookahead.run, done)
                futures = [pool.submit(work) for _ in range(self._senders - 1)]
                try:
                    work()
                    for future in futures:
                        future.result()  # a sender's store error reaches ``_loop``
                finally:
                    done.set()  # the lanes end with the senders
        else:
            work()
        return True

    def _idle_timeout(self) -> float | None:
        due = self._outbox.next_due(account=self._account())
        if due is None:
            return None
        with self._lock:
            paused_for = self._resume_at - self._monotonic()
        return max(0.0, due - self._clock(), paused_for)

    def _follow_wall_clock(self) -> None:
        """Move stored backoffs when the wall clock jumped (see the module docstring)."""
        wall, mono = self._clock(), self._monotonic()
        jump = (wall - self._wall_ref) - (mono - self._mono_ref)
        if abs(jump) > _CLOCK_JUMP_S:
            _log.info("the wall clock jumped %+.0f s; backoffs follow it", jump)
            self._outbox.shift_backoffs(jump)
        self._wall_ref, self._mono_ref = wall, mono

    def _prune_when_due(self) -> None:
        if self._monotonic() < self._next_prune:
            return
        pruned = self._outbox.prune()
        self._next_prune = self._monotonic() + PRUNE_EVERY_S
        if pruned:
            _log.info("forgot %d delivered entries older than the retention", pruned)

    def _storage_failed(self, exc: sqlite3.Error) -> None:
        self._storage_failures += 1
        message = storage_problem(exc)
        _log.warning("%s (%s); retrying", message, exc)
        with self._lock:
            self._recovered = False  # an interrupted send is recovered as after a crash
        self._status(message)
        self._wait(self._backoff.delay(self._storage_failures, self._rng))

    def _storage_ok(self) -> None:
        if self._storage_failures:
            self._storage_failures = 0
            self._status(None)

    def _status(self, message: str | None) -> None:
        if self._on_status is None:
            return
        try:
            self._on_status(message)
        except Exception:  # a listener's bug must not stop delivery
            _log.exception("on_status listener failed")

    def _wait_for_wake(self, timeout: float | None) -> None:
        self._event.wait(timeout)
        self._event.clear()

    # ------------------------------------------------------------- one entry

    def _recover(self) -> None:
        # Marked done only once it succeeded: a recovery the full disk refused is retried.
        with self._recover_lock:
            if self._recovered:
                return
            requeued = self._outbox.recover(interrupted_only=self._storage_failures > 0)
            self._recovered = True
        for entry_id in requeued:
            self._changed(entry_id, EntryState.QUEUED)

    def _blocked(self) -> bool:
        with self._lock:
            waiting = self._monotonic() < self._resume_at
        return waiting or self._blocked_for_user()

    def _blocked_for_user(self) -> bool:
        return self._outbox.has_paused()

    def _deliver(self, client: LeadClient, entry: OutboxEntry) -> None:
        index: int | None = None
        try:
            if entry.requests is None:
                entry = plan(client, self._outbox, entry)
            requests = entry.requests or ()
            index = entry.next_request
            retargeted = applied = False
            while index < len(requests):
                body = requests[index]
                note = sends_note(body)
                if index and note:  # the note travels alone and last: the lead is saved
                    applied = True
                    self._tell(self._on_applied, entry.id)
                if note:  # only a note in flight changes what a recovery sends (U3)
                    self._outbox.begin_request(entry.id, index, carries_note=note)
                try:
                    client.upsert_lead(LeadUpsert.from_json(body))
                except SuperfoneError as exc:
                    if index == 0 and not retargeted and not_a_primary(exc, body):
                        # Sent to an existing lead's phone with create off, and refused:
                        # that phone is not its primary after all (issue #11).
                        retargeted = True
                        entry = retarget(client, self._outbox, entry, exc)
                        requests = entry.requests or ()
                        continue
                    if not (note and exc.possibly_received and exc.retriable):
                        raise
                    # Unknown outcome of the request with the note (CONTRACT U3): never
                    # send that note again on our own; retry the rest without it.
                    entry = self._outbox.strip_note(entry.id, index)
                    if entry.next_request >= len(entry.requests or ()):  # none left
                        send_followup(client, self._outbox, entry.id, self._clock)
                        self._changed(entry.id, EntryState.SENT)
                        return
                    raise
                index += 1
                self._outbox.finish_request(
                    entry.id, index - 1, carried_note=note, last=index == len(requests)
                )
            if not requests:
                # Nothing to send at all (a plan that was emptied when its only content,
                # the note, became unconfirmed): it is delivered as far as it can be.
                self._outbox.mark_sent(entry.id)
            if index and not applied and entry.followup is not None:
                self._tell(self._on_applied, entry.id)  # only the follow-up is left
            if entry.followup is not None:  # issue #14 (no read of the entry without one)
                send_followup(client, self._outbox, entry.id, self._clock)
            self._changed(entry.id, EntryState.SENT)
        except Refused as refused:
            self._stop(entry.id, EntryState.NEEDS_ATTENTION, refused.message, refused.field)
        except PrimaryUnknown as unknown:  # ask the user; never a second lead
            self._stop(entry.id, EntryState.NEEDS_ATTENTION, unknown.user_message, unknown.field)
        except SuperfoneError as exc:
            self._failed(entry, index, exc)
        except sqlite3.Error:
            raise  # the store, not the lead: ``_loop`` retries and recovers
        except Exception as exc:  # a bug: keep the lead, tell the user, keep delivering
            _log.exception("outbox entry %d: delivery failed unexpectedly", entry.id)
            self._stop(
                entry.id,
                EntryState.NEEDS_ATTENTION,
                f"The app could not send this lead ({type(exc).__name__}). It is kept here; "
                "try Send now, or report the problem.",
                None,
            )

    def _failed(self, entry: OutboxEntry, index: int | None, exc: SuperfoneError) -> None:
        cause = pause_cause(exc)
        if cause is not None:
            # Nothing will get through until the user changes the key or the address.
            self._outbox.pause(entry.id, exc.user_message, cause)
            _log.info("outbox entry %d: paused (%s)", entry.id, cause.value)
            self._changed(entry.id, EntryState.PAUSED)
            return
        if isinstance(exc, FieldRejected):
            fresh = self._outbox.get(entry.id)
            requests = () if fresh is None or fresh.requests is None else fresh.requests
            message, field = refusal(requests, index, exc)
            self._stop(entry.id, EntryState.NEEDS_ATTENTION, message, field)
            return
        if not exc.retriable:
            self._stop(entry.id, EntryState.NEEDS_ATTENTION, exc.user_message, None)
            return
        now = self._clock()
        fresh = self._outbox.get(entry.id)
        attempt = (fresh.attempts if fresh is not None else entry.attempts) + 1
        retry_after = exc.retry_after if isinstance(exc, RateLimited) else None
        delay = self._backoff.delay(attempt, self._rng, retry_after)
        self._outbox.retry_later(entry.id, exc.user_message, now + delay)
        server_wide = isinstance(exc, NetworkError | RateLimited) or (
            isinstance(exc, ServerError) and exc.status in _SERVER_WIDE_STATUSES
        )
        if server_wide:
            with self._lock:
                self._resume_at = max(self._resume_at, self._monotonic() + delay)
        _log.info(
            "outbox entry %d: %s; retry %d in %.1f s",
            entry.id,
            type(exc).__name__,
            attempt,
            delay,
        )
        self._changed(entry.id, EntryState.QUEUED)

    def _stop(self, entry_id: int, state: EntryState, message: str, field: str | None) -> None:
        self._outbox.needs_attention(entry_id, message, field)
        _log.info("outbox entry %d: %s (%s)", entry_id, state.value, field or "no field")
        self._changed(entry_id, state)

    def _changed(self, entry_id: int, state: EntryState) -> None:
        self._tell(self._on_change, entry_id, state)
        listener, outbox = self._on_outcome, self._outbox
        if listener is not None:
            # Read here, on the delivery thread, so the GUI only paints.
            self._tell(
                lambda: listener(Outcome(entry_id, state, outbox.get(entry_id), outbox.counts()))
            )

    def _tell(self, listener: Callable[..., object] | None, *args: object) -> None:
        try:
            if listener is not None:
                listener(*args)
        except sqlite3.Error:
            raise
        except Exception:  # a listener's bug must not stop delivery
            _log.exception("delivery listener failed")
