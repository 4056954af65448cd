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
from superfone_desk.core.i18n import F_, N_
from superfone_desk.core.kiosk import (
    DEFAULT_NOTICE_VERSION,
    KioskInterest,
    KioskPreset,
    interests_from_json,
)

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
            source=_text(raw, "source"),
            source_type=_text(raw, "source_type"),
            lead_stage=_text(raw, "lead_stage"),
            lead_group=_text(raw, "lead_group"),
            assignee_phone=_text(raw, "assignee_phone"),
            add_labels=(
                tuple(x for x in labels if isinstance(x, str)) if isinstance(labels, list) else ()
            ),
            create_if_missing=_flag(raw, "create_if_missing", True),
        )


# A value of the wrong type takes the app's default, never a guess from its truthiness
# (bool("false") is True) or its repr (str(5) as a base URL).
def _text(raw: dict[str, Any], key: str, default: str = "") -> str:
    value = raw.get(key, default)
    return value if isinstance(value, str) else default


def _flag(raw: dict[str, Any], key: str, default: bool) -> bool:
    value = raw.get(key, default)
    return value if isinstance(value, bool) else default


def _count(raw: dict[str, Any], key: str, default: int, *, most: int) -> int:
    value = raw.get(key, default)
    ok = isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= most
    return value if ok else default


@dataclass(frozen=True)
class Preset:
    name: str
    defaults: StickyDefaults


@dataclass(frozen=True)
class KioskSettings:
    """The counter kiosk (``--kiosk``, docs/kiosk.md). The PIN only as a salted hash.

    ``notice_text`` "" shows ``core.kiosk.DEFAULT_NOTICE``; ``language`` waits for #17.
    """

    pin_hash: str = ""
    notice_text: str = ""
    notice_version: str = DEFAULT_NOTICE_VERSION
    interests: tuple[KioskInterest, ...] = ()
    preset: KioskPreset = field(default_factory=KioskPreset)
    language: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "pin_hash": self.pin_hash,
            "notice_text": self.notice_text,
            "notice_version": self.notice_version,
            "interests": [i.to_json() for i in self.interests],
            "preset": self.preset.to_json(),
            "language": self.language,
        }

    @classmethod
    def from_json(cls, raw: Any) -> KioskSettings:
        if not isinstance(raw, dict):
            return cls()
        return cls(
            pin_hash=str(raw.get("pin_hash", "")),
            notice_text=str(raw.get("notice_text", "")),
            notice_version=str(raw.get("notice_version") or DEFAULT_NOTICE_VERSION),
            interests=interests_from_json(raw.get("interests")),
            preset=KioskPreset.from_json(raw.get("preset")),
            language=str(raw.get("language", "")),
        )


#: The most phones delivery may send to at once (``Settings.import_senders``).
MAX_IMPORT_SENDERS = 16


@dataclass
class Settings:
    base_url: str = DEFAULT_BASE_URL
    default_country: str = ""  # "" = from the system locale
    defaults: StickyDefaults = field(default_factory=StickyDefaults)
    presets: list[Preset] = field(default_factory=list)
    welcome_done: bool = False
    kiosk: KioskSettings = field(default_factory=KioskSettings)
    only_fill_empty: bool = False  # the lead card's "Only fill empty fields" (issue #14)
    language: str = "system"  # "system" | "en" | "hi" (ui.i18n)
    import_senders: int = 4  # phones delivery sends to at once (issue #15: default 4)

    def to_json(self) -> dict[str, Any]:
        return {
            "base_url": self.base_url,
            "default_country": self.default_country,
            "defaults": asdict(self.defaults),
            "presets": [{"name": p.name, "defaults": asdict(p.defaults)} for p in self.presets],
            "welcome_done": self.welcome_done,
            "kiosk": self.kiosk.to_json(),
            "only_fill_empty": self.only_fill_empty,
            "language": self.language,
            "import_senders": self.import_senders,
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
            base_url=_text(raw, "base_url") or DEFAULT_BASE_URL,
            default_country=_text(raw, "default_country"),
            defaults=StickyDefaults.from_json(raw.get("defaults")),
            presets=presets,
            welcome_done=_flag(raw, "welcome_done", False),
            kiosk=KioskSettings.from_json(raw.get("kiosk")),
            only_fill_empty=_flag(raw, "only_fill_empty", False),
            language=_text(raw, "language", "system"),
            import_senders=_count(raw, "import_senders", 4, most=MAX_IMPORT_SENDERS),
        )


#: Larger than any real settings file by far; a bigger one is damaged (or not ours).
MAX_SETTINGS_BYTES = 1_000_000


@dataclass(frozen=True)
class SettingsDamaged:
    """The settings file could not be used; the app started with defaults.

    ``moved_to`` is where the damaged file was set aside (never deleted), or None
    when it could not be moved (then it was left where it was, and is not overwritten
    until the user saves settings).
    """

    path: Path
    what: str
    moved_to: Path | None


class SettingsStore:
    """Loads and saves ``Settings`` in one folder.

    A file that cannot be read as settings (not UTF-8, not JSON, nested too deep, not
    an object, too large, unreadable) never stops the start: ``load`` returns the
    defaults, moves the file aside as ``settings.json.damaged-<UTC time>`` and keeps
    what happened in ``damaged`` for the start-up dialog.
    """

    def __init__(self, folder: Path) -> None:
        self._path = folder / SETTINGS_FILE
        self._damaged: SettingsDamaged | None = None

    @property
    def path(self) -> Path:
        return self._path

    @property
    def damaged(self) -> SettingsDamaged | None:
        """What the last ``load`` found wrong with the file, if anything."""
        return self._damaged

    def load(self) -> Settings:
        self._damaged = None
        try:
            with self._path.open("rb") as f:
                data = f.read(MAX_SETTINGS_BYTES + 1)
        except FileNotFoundError:
            return Settings()
        except OSError as exc:
            return self._fall_back(
                F_("could not be read ({reason})", reason=exc.strerror or exc), move=False
            )
        if len(data) > MAX_SETTINGS_BYTES:
            return self._fall_back(N_("is far too large to be a settings file"))
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return self._fall_back(N_("is not UTF-8 text"))
        try:
            raw = json.loads(text)
        except RecursionError:
            return self._fall_back(N_("is nested too deeply to be a settings file"))
        except ValueError:
            return self._fall_back(N_("is not valid JSON"))
        if not isinstance(raw, dict):
            return self._fall_back(
                F_("holds a JSON {kind}, not settings", kind=type(raw).__name__)
            )
        try:
            return Settings.from_json(raw)
        except (TypeError, ValueError, AttributeError, RecursionError) as exc:
            return self._fall_back(
                F_("holds values of the wrong kind ({kind})", kind=type(exc).__name__)
            )

    def _fall_back(self, what: str, *, move: bool = True) -> Settings:
        moved_to = _set_aside(self._path) if move else None
        self._damaged = SettingsDamaged(self._path, what, moved_to)
        where = f"moved it to {moved_to.name}" if moved_to else "left it in place"
        log.warning("The settings file %s; using defaults and %s", what, where)
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


def _set_aside(path: Path) -> Path | None:
    """Rename ``path`` to ``<name>.damaged-<UTC time>``; None when that fails."""
    from datetime import UTC, datetime

    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    try:
        os.replace(path, target)
    except OSError as exc:
        log.warning("Could not move the damaged %s aside (%s)", path.name, exc.strerror or exc)
        return None
    return target
