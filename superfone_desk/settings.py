"""Preferences: base URL, default country, sticky defaults and named presets.

Kept as a small JSON file in the config folder (``--data-dir`` moves it). It never
holds the API key: that is ``secrets.py``'s job. Writes are atomic (temp file and
rename) so a crash mid-write cannot leave a half file behind.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from superfone_desk.api.urls import DEFAULT_BASE_URL

log = logging.getLogger(__name__)

SETTINGS_FILE = "settings.json"


@dataclass(frozen=True)
class StickyDefaults:
    """What "Save & New" keeps for the next lead, and what a preset sets.

    Stage, group and assignee are the picker's text ("" = leave untouched).
    """

    source: str = ""
    source_type: str = ""
    lead_stage: str = ""
    lead_group: str = ""
    assignee_phone: str = ""
    add_labels: tuple[str, ...] = ()
    create_if_missing: bool = True

    @classmethod
    def from_json(cls, raw: Any) -> StickyDefaults:
        if not isinstance(raw, dict):
            return cls()
        labels = raw.get("add_labels", ())
        return cls(
            source=str(raw.get("source", "")),
            source_type=str(raw.get("source_type", "")),
            lead_stage=str(raw.get("lead_stage", "")),
            lead_group=str(raw.get("lead_group", "")),
            assignee_phone=str(raw.get("assignee_phone", "")),
            add_labels=tuple(str(x) for x in labels) if isinstance(labels, list) else (),
            create_if_missing=bool(raw.get("create_if_missing", True)),
        )


@dataclass(frozen=True)
class Preset:
    name: str
    defaults: StickyDefaults


@dataclass
class Settings:
    base_url: str = DEFAULT_BASE_URL
    default_country: str = ""  # "" = from the system locale
    defaults: StickyDefaults = field(default_factory=StickyDefaults)
    presets: list[Preset] = field(default_factory=list)
    welcome_done: bool = False

    def to_json(self) -> dict[str, Any]:
        return {
            "base_url": self.base_url,
            "default_country": self.default_country,
            "defaults": asdict(self.defaults),
            "presets": [{"name": p.name, "defaults": asdict(p.defaults)} for p in self.presets],
            "welcome_done": self.welcome_done,
        }

    @classmethod
    def from_json(cls, raw: Any) -> Settings:
        if not isinstance(raw, dict):
            return cls()
        presets = []
        for item in raw.get("presets", []) if isinstance(raw.get("presets"), list) else []:
            if isinstance(item, dict) and isinstance(item.get("name"), str) and item["name"]:
                presets.append(Preset(item["name"], StickyDefaults.from_json(item.get("defaults"))))
        return cls(
            base_url=str(raw.get("base_url") or DEFAULT_BASE_URL),
            default_country=str(raw.get("default_country", "")),
            defaults=StickyDefaults.from_json(raw.get("defaults")),
            presets=presets,
            welcome_done=bool(raw.get("welcome_done", False)),
        )


class SettingsStore:
    """Loads and saves ``Settings`` in one folder."""

    def __init__(self, folder: Path) -> None:
        self._path = folder / SETTINGS_FILE

    @property
    def path(self) -> Path:
        return self._path

    def load(self) -> Settings:
        try:
            text = self._path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return Settings()
        except OSError as exc:
            log.warning("Could not read settings (%s); using defaults", exc)
            return Settings()
        try:
            return Settings.from_json(json.loads(text))
        except ValueError:
            # Keep the broken file for a human to look at rather than overwrite it blind.
            broken = self._path.with_suffix(".broken.json")
            os.replace(self._path, broken)
            log.warning("Settings file was not valid JSON; moved it to %s", broken.name)
            return Settings()

    def save(self, settings: Settings) -> None:
        self._path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self._path.parent, prefix=".settings-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(settings.to_json(), f, indent=2, ensure_ascii=False)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self._path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
