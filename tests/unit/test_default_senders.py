"""One number of phones sent at once, wherever delivery runs (delivery.senders)."""

from __future__ import annotations

from superfone_desk.delivery.__main__ import _parse_args
from superfone_desk.delivery.senders import DEFAULT_SENDERS
from superfone_desk.importing import cli
from superfone_desk.settings import Settings


def test_the_runner_the_import_cli_and_the_settings_use_the_default() -> None:
    assert DEFAULT_SENDERS > 1  # one sender caps delivery at one round trip per lead
    assert _parse_args([]).senders == DEFAULT_SENDERS
    assert cli.SENDERS == DEFAULT_SENDERS
    assert Settings().import_senders == DEFAULT_SENDERS


def test_the_window_uses_the_default() -> None:
    from superfone_desk.ui.delivery_service import SENDERS

    assert SENDERS == DEFAULT_SENDERS
