"""What the import wizard works with, handed in by the window (tests build their own)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from superfone_desk.api.client import SuperfoneClient
    from superfone_desk.importing.rows import CatalogTitles
    from superfone_desk.settings import StickyDefaults
    from superfone_desk.store.outbox import Outbox
    from superfone_desk.ui.workers import WorkerPool

MAPPINGS_FILE = "import-mappings.json"


@dataclass(kw_only=True)
class ImportContext:
    pool: WorkerPool
    outbox: Outbox
    #: Where the mappings the user confirmed are kept (the config folder).
    config_dir: Path
    #: Where import records are kept (the data folder, beside the outbox).
    data_dir: Path
    region: Callable[[], str]
    defaults: Callable[[], StickyDefaults]
    #: The account's catalogs as the form has them (None lists: not loaded yet).
    catalogs: Callable[[], CatalogTitles]
    client: Callable[[], SuperfoneClient | None]
    account: Callable[[], str | None]
    #: Tells delivery that entries were queued.
    nudge: Callable[[], None]
    #: Asks for a file to open / to save (title, filter); None when the user cancels.
    #: Tests answer without a dialog.
    choose_open: Callable[[str, str], Path | None] | None = None
    choose_save: Callable[[str, str], Path | None] | None = None

    @property
    def mappings_path(self) -> Path:
        return self.config_dir / MAPPINGS_FILE
