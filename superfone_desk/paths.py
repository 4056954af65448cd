"""Where the app keeps its files: the OS's per-user folders, or one ``--data-dir``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from superfone_desk import APP_ID


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    config_dir: Path

    @classmethod
    def default(cls) -> AppPaths:
        import platformdirs

        return cls(
            data_dir=Path(platformdirs.user_data_dir(APP_ID, appauthor=False)),
            config_dir=Path(platformdirs.user_config_dir(APP_ID, appauthor=False)),
        )

    @classmethod
    def under(cls, folder: Path) -> AppPaths:
        """Everything in one folder: for tests, portable and managed installs."""
        return cls(data_dir=folder / "data", config_dir=folder / "config")

    def ensure(self) -> AppPaths:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.config_dir.mkdir(parents=True, exist_ok=True)
        return self
