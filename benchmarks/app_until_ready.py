"""``python benchmarks/app_until_ready.py ARGS``: the app as ``python -m superfone_desk ARGS``
starts it, ending the process the moment it logs ``ready:``.

For ``startup_instructions.py`` (callgrind writes its counts when the process ends). Only
what the app imports anyway is imported here, so the count is the app's.
"""

from __future__ import annotations

import logging
import os
import sys


class _ExitAtReady(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        if "ready:" in record.getMessage():
            sys.stderr.flush()
            os._exit(0)


if __name__ == "__main__":
    logging.getLogger().addHandler(_ExitAtReady())
    from superfone_desk.__main__ import main

    sys.exit(main(sys.argv[1:]))
