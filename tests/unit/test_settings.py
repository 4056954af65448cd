"""Settings survive a round trip, never hold the key, and a damaged file is set aside
(never deleted) with the app starting on defaults."""

from __future__ import annotations

from pathlib import Path

import pytest

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


@pytest.mark.parametrize(
    ("content", "what"),
    [
        (b"{not json", "is not valid JSON"),
        (b'{"base_url": "\xff\xfe broken"}', "is not UTF-8 text"),
        (b"[" * 100_000 + b"]" * 100_000, "is nested too deeply"),
        (b'{"a": ' * 50_000 + b"1" + b"}" * 50_000, "is nested too deeply"),
        (b'["a", "list"]', "holds a JSON list"),
        (b"null", "holds a JSON NoneType"),
        (b'"text"', "holds a JSON str"),
        (b" " * 1_000_001, "far too large"),
    ],
)
def test_damaged_file_is_moved_aside_and_reported(
    tmp_path: Path, content: bytes, what: str
) -> None:
    (tmp_path / "settings.json").write_bytes(content)
    store = SettingsStore(tmp_path)
    assert store.load() == Settings()
    damaged = store.damaged
    assert damaged is not None
    assert what in damaged.what
    assert damaged.path == tmp_path / "settings.json"
    # Never deleted: the very bytes are kept next to it, under a dated name.
    assert damaged.moved_to is not None
    assert damaged.moved_to.parent == tmp_path
    assert damaged.moved_to.name.startswith("settings.json.damaged-")
    assert damaged.moved_to.read_bytes() == content
    assert not (tmp_path / "settings.json").exists()
    # Saving afterwards writes a fresh file and leaves the damaged one alone.
    store.save(Settings(welcome_done=True))
    assert store.load().welcome_done is True
    assert store.damaged is None
    assert damaged.moved_to.read_bytes() == content


def test_a_second_damaged_file_does_not_replace_the_first(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    for content in ("one", "two"):
        (tmp_path / "settings.json").write_text(content, encoding="utf-8")
        store.load()
    kept = sorted(p.read_text(encoding="utf-8") for p in tmp_path.glob("settings.json.damaged-*"))
    assert kept == ["one", "two"]


def test_unreadable_settings_give_defaults_and_are_left_in_place(tmp_path: Path) -> None:
    (tmp_path / "settings.json").mkdir()  # something that is not a file is in the way
    store = SettingsStore(tmp_path)
    assert store.load() == Settings()
    assert store.damaged is not None
    assert "could not be read" in store.damaged.what
    assert store.damaged.moved_to is None
    assert (tmp_path / "settings.json").is_dir()


def test_a_good_file_reports_nothing(tmp_path: Path) -> None:
    store = SettingsStore(tmp_path)
    store.save(Settings(default_country="IN"))
    assert store.load().default_country == "IN"
    assert store.damaged is None
    assert list(tmp_path.glob("*.damaged-*")) == []


def test_wrong_shapes_are_ignored(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(
        '{"presets": "x", "defaults": [1], "base_url": null}', encoding="utf-8"
    )
    settings = SettingsStore(tmp_path).load()
    assert settings.presets == []
    assert settings.defaults == StickyDefaults()
    assert settings.base_url == DEFAULT_BASE_URL


def test_values_of_the_wrong_type_take_their_default(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(
        '{"base_url": 5, "default_country": ["IN"], "welcome_done": "false",'
        ' "defaults": {"create_if_missing": "false", "source": {"a": 1},'
        ' "add_labels": ["Hot", 3, null]},'
        ' "presets": [{"name": "P", "defaults": {"create_if_missing": 0}}]}',
        encoding="utf-8",
    )
    store = SettingsStore(tmp_path)
    settings = store.load()
    assert settings.base_url == DEFAULT_BASE_URL
    assert settings.default_country == ""
    assert settings.welcome_done is False  # not bool("false")
    assert settings.defaults.create_if_missing is True
    assert settings.defaults.source == ""
    assert settings.defaults.add_labels == ("Hot",)
    assert settings.presets[0].defaults.create_if_missing is True  # not bool(0)
    assert store.damaged is None  # the rest of the file was good and is kept
