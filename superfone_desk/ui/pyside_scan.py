"""Keep PySide6 from reading (and keeping) the source of every module imported after it.

PySide6's import hook asks, for each module imported once PySide6 is loaded, whether it
uses ``from __feature__ import ...`` (snake_case, true_property): it reads the module's
whole source with ``inspect.getsource``, and ``linecache`` keeps every file it read for
the life of the process. For this app that is ~150-400 files: 5-13 MiB of an idle
window's memory (the spread is why ``idle_rss_ratio`` swung by ±4 MiB) and a file read
per module on the path to the first paint (docs/performance.md, round 4).

The app and its libraries never use ``__feature__``, so the answer is always "no".
``skip_source_scan()`` gives it without reading. A module that did say
``from __feature__ import ...`` would still get its feature: that import records it
itself. If a PySide6 release renames its internals, nothing is changed.
"""

from __future__ import annotations

import sys
from types import ModuleType

_HOOK_MODULE = "shibokensupport.feature"
_CHECK = "_mod_uses_pyside"


def _uses_no_feature(module: ModuleType) -> bool:
    return False


def skip_source_scan() -> bool:
    """Call once PySide6 is imported; whether PySide6's check was replaced."""
    feature = sys.modules.get(_HOOK_MODULE)
    if feature is None or not callable(getattr(feature, _CHECK, None)):
        return False
    setattr(feature, _CHECK, _uses_no_feature)
    return True
