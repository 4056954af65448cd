"""The real window in Hindi (issue #17): it fits a 1366x768 laptop, light and dark.

``superfone-desk --demo`` runs under Xvfb with openbox with ``LANG=hi_IN.UTF-8`` (the
language setting is "system"), through the same probe as the English scenarios; the
screenshots land in build/screens/hindi-*.png (docs/translations.md shows them).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.helpers.translations import ensure_built
from tests.realwindow.scenarios import SCREENS, Scenario, run_scenario
from tests.realwindow.xserver import xvfb_missing_reason

pytestmark = pytest.mark.realwindow

HINDI = (Scenario("hindi-light", 1366, 768), Scenario("hindi-dark", 1366, 768, dark=True))


@pytest.fixture(scope="module")
def hindi_reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    reason = xvfb_missing_reason()
    if reason:
        pytest.skip(reason)
    ensure_built()
    reports = {}
    with pytest.MonkeyPatch.context() as patch:
        # The app's language is "system": the locale the desktop session gives it.
        for name in ("LANG", "LC_ALL", "LC_MESSAGES"):
            patch.setenv(name, "hi_IN.UTF-8")
        patch.setenv("LANGUAGE", "hi")
        for scenario in HINDI:
            workdir: Path = tmp_path_factory.mktemp(scenario.name)
            report = run_scenario(scenario, workdir)
            assert report.get("ok"), f"{scenario.name}: {report.get('failure')}\n{report['stderr']}"
            reports[scenario.name] = report
    return reports


@pytest.mark.parametrize("name", [s.name for s in HINDI])
def test_the_hindi_window_fits_a_laptop_screen(
    hindi_reports: dict[str, dict[str, Any]], name: str
) -> None:
    report = hindi_reports[name]
    assert report["framed"]
    for when in ("fresh", "after_save_and_new"):
        geometry = report[f"geometry_{when}"]
        assert geometry["fits"], f"{when}: {geometry['frame']} outside {geometry['available']}"
        for label, button in geometry["buttons"].items():
            assert button is not None, f"{when}: the probe did not find {label}"
            assert button["visible"], f"{when}: {label} hidden"
            assert button["unclipped"], f"{when}: {label} cut off"
            assert button["inside_screen"], f"{when}: {label} off the screen"


@pytest.mark.parametrize("name", [s.name for s in HINDI])
def test_hindi_screenshots_are_taken(
    hindi_reports: dict[str, dict[str, Any]], name: str
) -> None:
    assert hindi_reports[name]["ok"]
    for when in ("fresh", "after-save-and-new"):
        shot = SCREENS / f"{name}-{when}-window.png"
        assert shot.stat().st_size > 10_000, f"{shot.name} is empty"


def test_the_kiosk_in_hindi_fits_the_screen_with_every_message(tmp_path: Path) -> None:
    """The kiosk's own language (hi) while the app's is English: full screen, and still
    the screen's size with the Hindi messages showing."""
    import subprocess
    import sys

    from superfone_desk.core.kiosk import KioskInterest, hash_pin
    from superfone_desk.settings import KioskSettings, SettingsStore
    from tests.realwindow.test_kiosk import GRAB, PIN, Kiosk, Screen
    from tests.realwindow.xserver import x_display

    reason = xvfb_missing_reason()
    if reason:
        pytest.skip(reason)
    ensure_built()
    store = SettingsStore(tmp_path / "data" / "config")
    settings = store.load()
    settings.default_country = "IN"
    settings.language = "en"
    interests = tuple(map(KioskInterest, ("Starter plans", "Business plans", "Just looking")))
    settings.kiosk = KioskSettings(
        pin_hash=hash_pin(PIN), notice_version="2", interests=interests, language="hi"
    )
    store.save(settings)
    screen = Screen("kiosk-hindi", 1366, 768)
    SCREENS.mkdir(parents=True, exist_ok=True)
    with x_display(screen.width, screen.height) as display:
        kiosk = Kiosk(display, tmp_path, screen)
        try:
            assert kiosk.ready.wait(60), "".join(kiosk.log)
            window = kiosk.window("कियॉस्क")
            shot = SCREENS / "kiosk-hindi.png"
            subprocess.run([sys.executable, "-c", GRAB, str(shot)], env=kiosk.env,
                           check=True, timeout=30)
            kiosk.xdotool("type", "--delay", "20", "98765")
            kiosk.xdotool("key", "Return")
            assert kiosk.still_running_after(1)
            subprocess.run(
                [sys.executable, "-c", GRAB, str(SCREENS / "kiosk-hindi-errors.png")],
                env=kiosk.env, check=True, timeout=30,
            )
            geometry = kiosk.xdotool("getwindowgeometry", "--shell", window)
            assert f"WIDTH={screen.width}" in geometry
            assert f"HEIGHT={screen.height}" in geometry
            assert shot.stat().st_size > 10_000
        finally:
            kiosk.stop()
