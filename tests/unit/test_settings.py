"""Settings survive a round trip, never hold the key, and a broken file is set aside."""

from __future__ import annotations

from pathlib import Path

from superfone_desk.api.client import DEFAULT_BASE_URL
from superfone_desk.settings import Preset, Settings, SettingsStore, StickyDefaults


def test_round_trip(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    settings = Settings(
        base_url="http://127.0.0.1:9/superfone",
        default_country="AE",
        defaults=StickyDefaults(source="walk-in", add_labels=("Hot",), create_if_missing=False),
        presets=[Preset("Phone enquiry", StickyDefaults(source_type="PHONE_CONTACT"))],
        welcome_done=True,
    )
    store.save(settings)
    assert store.load() == settings


def test_missing_file_gives_defaults(tmp_path: Path) -> None:
    settings = SettingsStore(tmp_path / "nowhere").load()
    assert settings.base_url == DEFAULT_BASE_URL
    assert settings.defaults.create_if_missing is True


def test_broken_file_is_set_aside(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text("{not json", encoding="utf-8")
    assert SettingsStore(tmp_path).load() == Settings()
    assert (tmp_path / "settings.broken.json").read_text(encoding="utf-8") == "{not json"


def test_wrong_shapes_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(
        '{"presets": "x", "defaults": [1], "base_url": null}', encoding="utf-8"
    )
    settings = SettingsStore(tmp_path).load()
    assert settings.presets == []
    assert settings.defaults == StickyDefaults()
    assert settings.base_url == DEFAULT_BASE_URL
