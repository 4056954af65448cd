"""Renders the lead form as a PNG for the README: the demo account, a typed walk-in.

Usage: .venv/bin/python packaging/screenshot.py [OUT.png]   (default docs/images/lead-form.png)
Runs offscreen; needs no display.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QLineEdit  # noqa: E402

from superfone_desk.app import make_application  # noqa: E402
from superfone_desk.core.draft import Choice  # noqa: E402
from superfone_desk.demo import DemoBackend  # noqa: E402
from superfone_desk.settings import SettingsStore  # noqa: E402
from superfone_desk.store.outbox import Outbox  # noqa: E402
from superfone_desk.ui.main_window import MainWindow, Services  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main(out: Path) -> int:
    app = make_application()
    backend = DemoBackend()
    key, base_url = backend.start()
    with tempfile.TemporaryDirectory() as tmp:
        store = SettingsStore(Path(tmp))
        settings = store.load()
        settings.default_country = "IN"
        outbox = Outbox.open(Path(tmp) / "outbox.sqlite3")
        services = Services(
            settings_store=store,
            settings=settings,
            open_outbox=lambda: outbox,
            start_demo=lambda: (key, base_url),
            demo_at_start=True,
            confirm=lambda *_: True,
        )
        window = MainWindow(services)
        window.resize(760, 980)
        window.show()
        window.start()
        form = window.form
        for name, text in [
            ("customer_phone", "98450 00017"),
            ("first_name", "Asha"),
            ("last_name", "Kumar"),
            ("business_name", "Acme Pvt Ltd"),
            ("email", "asha@acme.in"),
            ("deal_value", "2.5L"),
            ("source", "walk-in"),
        ]:
            widget = form.widget(name)
            assert isinstance(widget, QLineEdit)
            widget.setText(text)
        wait(1500)  # catalogs and the phone lookup answer
        form.picker("lead_stage_name").set_choice(Choice.set("New Lead"))
        form.picker("lead_group_name").set_choice(Choice.set("Inbound"))
        form.picker("source_type").set_choice(Choice.set("OTHERS"))
        form.multi("add_labels").set_values(("Hot", "Demo Requested"))
        form.multi("add_products").set_values(("Starter Plan",))
        form.widget("customer_note").setPlainText("Wants a demo on Friday")  # type: ignore[attr-defined]
        window.finder.refresh()
        wait(800)
        out.parent.mkdir(parents=True, exist_ok=True)
        ok = window.grab().save(str(out))
        window.shutdown()
        window.hide()
        outbox.close()
    backend.stop()
    del app
    print(f"wrote {out}" if ok else f"could not write {out}")
    return 0 if ok else 1


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "images" / "lead-form.png"
    sys.exit(main(target))
