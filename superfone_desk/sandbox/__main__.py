"""``superfone-desk-sandbox`` / ``python -m superfone_desk.sandbox``: run the sandbox.

The first line on stdout is the API base URL. SIGINT and SIGTERM stop it (exit 0).
"""

from __future__ import annotations

import argparse
import ipaddress
import signal
import sys
import threading
from types import FrameType

from superfone_desk.sandbox.faults import MALFORMED_KINDS, FaultPlan
from superfone_desk.sandbox.seeds import SEED_DEMO, SEED_NAMES
from superfone_desk.sandbox.server import SandboxServer
from superfone_desk.sandbox.variants import VARIANTS

DEFAULT_API_KEY = "demo-key"


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="superfone-desk-sandbox",
        description="Local stand-in for the Superfone CRM Enterprise API (for tests and demos).",
    )
    parser.add_argument("--host", default="127.0.0.1", help="bind address (loopback only)")
    parser.add_argument("--port", type=int, default=8765, help="0 picks a free port")
    parser.add_argument(
        "--api-key", action="append", dest="api_keys", metavar="KEY",
        help=f"an accepted API key, each its own account (repeatable; default {DEFAULT_API_KEY})",
    )  # fmt: skip
    parser.add_argument("--seed", choices=SEED_NAMES, default=SEED_DEMO)
    parser.add_argument("--allow-remote", action="store_true", help="allow a non-loopback host")
    parser.add_argument("--verbose", action="store_true", help="log each request to stderr")
    silent = parser.add_argument_group("where the docs are silent (docs/sandbox.md)")
    silent.add_argument(
        "--variant", action="append", dest="variants", default=[], choices=VARIANTS,
        help="answer like another plausible server (repeatable)",
    )  # fmt: skip
    silent.add_argument(
        "--duplicate", action="append", dest="duplicates", default=[], metavar="KIND:TITLE",
        help="one more stage/group/label with this title, e.g. stage:Won (repeatable)",
    )  # fmt: skip
    silent.add_argument(
        "--shared-primary", action="append", dest="shared_primaries", default=[],
        metavar="PHONE", help="a second lead with this primary phone (repeatable)",
    )  # fmt: skip
    faults = parser.add_argument_group("fault injection")
    faults.add_argument("--latency-ms", type=int, default=0)
    faults.add_argument("--error-rate", type=float, default=0.0, help="share of 5xx answers")
    faults.add_argument(
        "--error-status", type=int, action="append", dest="error_statuses", metavar="STATUS",
        help="status for --error-rate (repeatable; default 500, 502, 503)",
    )  # fmt: skip
    faults.add_argument("--rate-limit-rate", type=float, default=0.0, help="share of 429s")
    faults.add_argument("--rate-limit-retry-after", type=int, default=1, metavar="SECONDS")
    faults.add_argument("--drop-rate", type=float, default=0.0, help="share of dropped requests")
    faults.add_argument("--malformed-rate", type=float, default=0.0)
    faults.add_argument(
        "--malformed-kind", action="append", dest="malformed_kinds", choices=MALFORMED_KINDS,
    )  # fmt: skip
    faults.add_argument("--fault-match", default=None, help='e.g. "POST /enterprise/api/lead"')
    faults.add_argument("--fault-seed", type=int, default=0)
    faults.add_argument(
        "--queue", action="append", default=[], metavar="FAULT",
        help="one-shot fault for the next matching request, e.g. status:503 (repeatable)",
    )  # fmt: skip
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.allow_remote and not is_loopback(args.host):
        parser.error(f"refusing non-loopback host {args.host!r} without --allow-remote")
    try:
        plan = FaultPlan(
            latency_ms=args.latency_ms,
            error_rate=args.error_rate,
            error_statuses=args.error_statuses or (500, 502, 503),
            rate_limit_rate=args.rate_limit_rate,
            retry_after=args.rate_limit_retry_after,
            drop_rate=args.drop_rate,
            malformed_rate=args.malformed_rate,
            malformed_kinds=args.malformed_kinds or ("html", "empty", "truncated", "wrong_shape"),
            match=args.fault_match,
            seed=args.fault_seed,
        )
        plan.queue(*args.queue)
    except ValueError as exc:
        parser.error(str(exc))
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        sandbox = SandboxServer(
            api_keys=args.api_keys or [DEFAULT_API_KEY],
            seed=args.seed,
            host=args.host,
            port=args.port,
            faults=plan,
            verbose=args.verbose,
            variants=args.variants,
            duplicates=args.duplicates,
            shared_primaries=args.shared_primaries,
        )
    except (ValueError, KeyError) as exc:
        parser.error(str(exc))
    try:
        sandbox.start()
    except OSError as exc:
        print(f"superfone-desk-sandbox: cannot listen on {args.host}:{args.port}: {exc}",
              file=sys.stderr)  # fmt: skip
        return 1
    try:
        print(sandbox.base_url, flush=True)
        print(
            f"Superfone sandbox ({args.seed} seed, {len(sandbox.api_keys)} API key(s)); "
            "nothing reaches Superfone. Ctrl+C to stop.",
            file=sys.stderr,
            flush=True,
        )
        while not stop.wait(0.5):
            pass
    finally:
        sandbox.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0


if __name__ == "__main__":
    sys.exit(main())
