"""Runs the real-window scenarios by hand and saves their screenshots.

    python -m tests.realwindow            # screenshots in build/screens/
    python -m tests.realwindow --readme   # also regenerate docs/images/lead-form.png
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from tests.realwindow.scenarios import README_SHOT, SCENARIOS, SCREENS, run_scenario


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--readme", action="store_true", help=f"also write {README_SHOT.name} for the README"
    )
    parser.add_argument("--screens", type=Path, default=SCREENS, help="screenshot folder")
    args = parser.parse_args(argv)
    failed = False
    with tempfile.TemporaryDirectory(prefix="superfone-realwindow-") as tmp:
        for scenario in SCENARIOS:
            readme = README_SHOT if args.readme and scenario.name == "light" else None
            report = run_scenario(
                scenario, Path(tmp) / scenario.name, screens=args.screens, readme=readme
            )
            failed = failed or not report.get("ok")
            summary = {k: report.get(k) for k in ("ok", "failure", "steps")}
            print(scenario.name, json.dumps(summary, indent=1))
    print(f"screenshots: {args.screens}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
