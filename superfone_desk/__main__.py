"""``superfone-desk`` / ``python -m superfone_desk``: parse the command line, then start.

Only the standard library is imported before the arguments are read, so ``--version``
and ``--help`` answer at once and a bad option costs no Qt start-up.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from superfone_desk import APP_NAME, __version__


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="superfone-desk",
        description=f"{APP_NAME}: enter leads into Superfone CRM.",
        epilog="To import leads from a CSV, Excel or vCard file without the window: "
        "superfone-desk import FILE (see superfone-desk import --help).",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="run against a built-in stand-in of the Superfone API; nothing is sent to Superfone",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that the app works on this machine (offscreen), print one line per check",
    )
    parser.add_argument(
        "--kiosk",
        action="store_true",
        help="the full-screen visitor kiosk: walk-ins enter their own number (docs/kiosk.md)",
    )
    parser.add_argument("--base-url", metavar="URL", help="Superfone API base URL, for this run")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        help="keep the app's data and settings in DIR instead of the user folders",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["import"]:
        # A command of its own, with its own options; its module imports only the
        # standard library until its arguments are read.
        from superfone_desk.importing.cli import main as import_main

        return import_main(argv[1:])
    args = build_parser().parse_args(argv)
    if args.self_test:
        from superfone_desk.self_test import run_self_test

        return run_self_test(data_dir=args.data_dir)
    if args.kiosk:
        from superfone_desk.ui.kiosk.run import run_kiosk

        return run_kiosk(demo=args.demo, base_url=args.base_url, data_dir=args.data_dir)
    from superfone_desk.app import run_app

    return run_app(demo=args.demo, base_url=args.base_url, data_dir=args.data_dir)


if __name__ == "__main__":
    sys.exit(main())
