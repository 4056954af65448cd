# mypy: disallow-untyped-defs, disallow-incomplete-defs, disallow-any-generics
# mypy: warn-return-any, no-implicit-reexport, strict-equality, disallow-untyped-calls
"""Headless runner: ``python -m superfone_desk.delivery`` drains the outbox and exits
(or keeps running with ``--forever``). The engine is ``superfone_desk.delivery.engine``."""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from types import FrameType

from superfone_desk.api.errors import AuthError, InsecureURLError
from superfone_desk.core.draft import draft_from_json
from superfone_desk.delivery.engine import Deliverer
from superfone_desk.delivery.senders import DEFAULT_SENDERS
from superfone_desk.instance_lock import FolderInUse, hold_data_folder
from superfone_desk.store.db import DATABASE_FILENAME, OutboxOpenError
from superfone_desk.store.outbox import EntryState, Outbox

_log = logging.getLogger("superfone_desk.delivery")


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m superfone_desk.delivery",
        description="Deliver the Superfone Desk outbox without the GUI. The API key comes "
        "from the SUPERFONE_API_KEY environment variable.",
    )
    parser.add_argument(
        "--data-dir",
        type=Path,
        help="the folder given to the app's --data-dir (default: the user data folder)",
    )
    parser.add_argument("--base-url", help="API base URL (default: production)")
    parser.add_argument(
        "--forever", action="store_true", help="keep running (until SIGTERM/SIGINT)"
    )
    parser.add_argument(
        "--enqueue-json",
        type=Path,
        metavar="FILE",
        help='first queue the drafts in FILE: a JSON list of {"draft": {...}, "region": '
        '"IN", "known_primary": null, "known_exists": null} (for tests and scripts)',
    )
    parser.add_argument(
        "--enqueue-only", action="store_true", help="queue --enqueue-json, do not deliver"
    )
    parser.add_argument(
        "--senders", type=int, default=DEFAULT_SENDERS, help="phones sent concurrently"
    )
    parser.add_argument("--verbose", action="store_true", help="log each step to stderr")
    return parser.parse_args(argv)


def _database_path(data_dir: Path | None) -> Path:
    from superfone_desk.paths import AppPaths

    paths = AppPaths.under(data_dir) if data_dir else AppPaths.default()
    return paths.data_dir / DATABASE_FILENAME


def _enqueue(outbox: Outbox, file: Path) -> list[int]:
    items = json.loads(file.read_text(encoding="utf-8"))
    if not isinstance(items, list):
        raise ValueError("--enqueue-json needs a JSON list")
    ids = []
    for item in items:
        if not isinstance(item, dict):
            raise ValueError("each --enqueue-json item must be an object")
        known_exists = item.get("known_exists")
        ids.append(
            outbox.add(
                draft_from_json(item["draft"]),
                str(item.get("region", "IN")),
                known_primary=item.get("known_primary"),
                known_exists=None if known_exists is None else bool(known_exists),
            )
        )
    return ids


def main(argv: Sequence[str] | None = None) -> int:
    """Exit status: 0 nothing waits to send, 3 entries wait for the user (needs
    attention or paused), 1 no usable key or address, 2 usage, 4 the data folder is in
    use by another Superfone Desk (never two deliverers on one outbox), 5 the outbox file
    cannot be opened (damaged, or written by a newer app)."""
    args = _parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        stream=sys.stderr,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )

    database = _database_path(args.data_dir)
    try:
        lock = hold_data_folder(database.parent)
    except FolderInUse as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 4
    with lock:
        try:
            outbox = Outbox.open(database)
        except OutboxOpenError as exc:
            # Left where it is: the app's start-up offers to move a damaged file aside.
            print(f"error: {exc}", file=sys.stderr)
            return 5
        return _run(args, outbox)


def _run(args: argparse.Namespace, outbox: Outbox) -> int:
    from superfone_desk.api.client import DEFAULT_BASE_URL, SuperfoneClient

    with outbox:
        if args.enqueue_json is not None:
            for entry_id in _enqueue(outbox, args.enqueue_json):
                print(f"enqueued {entry_id}", flush=True)
        if args.enqueue_only:
            return 0
        key = os.environ.get("SUPERFONE_API_KEY", "")
        try:
            client = SuperfoneClient(key, args.base_url or DEFAULT_BASE_URL)
        except (AuthError, InsecureURLError) as exc:
            # Messages never contain the key (api.errors).
            print(f"error: {exc.user_message}", file=sys.stderr)
            return 1
        with client:
            deliverer = Deliverer(
                outbox,
                lambda: client,
                senders=args.senders,
                on_change=lambda entry_id, state: _log.info("entry %d: %s", entry_id, state),
                on_status=lambda text: _log.warning("%s", text or "writing to the outbox again"),
            )
            stop = threading.Event()

            def on_signal(signum: int, frame: FrameType | None) -> None:
                stop.set()
                deliverer.nudge()

            signal.signal(signal.SIGTERM, on_signal)
            signal.signal(signal.SIGINT, on_signal)
            if args.forever:
                deliverer.run(stop)
            else:
                deliverer.drain(stop)
        counts = outbox.counts()
    print(" ".join(f"{state.value}={count}" for state, count in counts.items()), flush=True)
    if counts[EntryState.NEEDS_ATTENTION] or counts[EntryState.PAUSED]:
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
