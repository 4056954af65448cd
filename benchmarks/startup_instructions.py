"""Start-up cost in CPU instructions, app against the bare window: steady on a busy machine.

``python -m benchmarks.startup_instructions [--offscreen]`` runs ``superfone-desk --demo``
and ``bare_window.py`` once each under valgrind's callgrind, from exec to their ``ready:``
line (which comes within a few ms of the window being mapped: see ``bench_startup_x11``),
and prints the instructions each executed and their ratio. Instruction counts do not
move with the machine's load, so a change of a few percent shows, where wall-clock
start-up on a shared 2-core machine swings by tens of percent. It is slow (~20-60 s) and
needs valgrind, so it is a tool for comparing changes, not a figure of ``run.py``.

Keep ``--profile DIR`` to get the callgrind files (``callgrind_annotate``). Under X
(Xvfb, the default) it includes what a real display costs; ``--offscreen`` leaves it out.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.common import PYTHON, ROOT, child_env  # noqa: E402
from benchmarks.launch import BARE_SCRIPT  # noqa: E402

_COLLECTED = re.compile(r"Collected : (\d+)")
APP_UNTIL_READY = Path(__file__).resolve().parent / "app_until_ready.py"


def _instructions(command: list[str], env: dict[str, str], out: Path) -> int:
    # One plain run first: bytecode compiled and cached, data folder created.
    subprocess.run(command, env=env, cwd=ROOT, capture_output=True, timeout=120, check=False)
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    found = _COLLECTED.search(done.stderr)
    if found is None:
        raise RuntimeError(f"callgrind gave no count for {command[1:3]}:\n{done.stderr[-2000:]}")
    return int(found.group(1))


def measure(env: dict[str, str], profile_dir: Path) -> tuple[int, int]:
    with tempfile.TemporaryDirectory(prefix="superfone-bench-") as data:
        app = [PYTHON, str(APP_UNTIL_READY), "--demo", "--data-dir", data]
        bare = [PYTHON, str(BARE_SCRIPT), "--exit-when-ready"]
        return (
            _instructions(app, env, profile_dir / "app.callgrind"),
            _instructions(bare, env, profile_dir / "bare.callgrind"),
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offscreen", action="store_true", help="Qt offscreen, no X server")
    parser.add_argument("--profile", metavar="DIR", type=Path, help="keep the callgrind files")
    args = parser.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("needs valgrind", file=sys.stderr)
        return 1
    profile_dir = args.profile or Path(tempfile.mkdtemp(prefix="superfone-callgrind-"))
    profile_dir.mkdir(parents=True, exist_ok=True)
    if args.offscreen:
        app, bare = measure(child_env(), profile_dir)
        where = "offscreen"
    else:
        from benchmarks.x11 import missing_tools, x_server

        missing = missing_tools()
        if missing:
            print(f"needs {', '.join(missing)} (or use --offscreen)", file=sys.stderr)
            return 1
        with x_server() as x:
            app, bare = measure(child_env(QT_QPA_PLATFORM="xcb", DISPLAY=x.display), profile_dir)
            where = f"xcb on Xvfb + {x.window_manager or 'no window manager'}"
    print(f"exec → ready, {where}, instructions executed:")
    print(f"  app   {app / 1e6:9.1f} M")
    print(f"  bare  {bare / 1e6:9.1f} M")
    print(f"  ratio {app / bare:9.3f}")
    if args.profile is None:
        shutil.rmtree(profile_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
