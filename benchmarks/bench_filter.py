"""``label_filter_p95_ms``: with 10,000 labels, one typed character → the filtered list shown.

In a child process: a labels ``MultiPicker`` holding 10,000 realistic titles sits in a
shown window with its edit focused. Words people type to find a label (``walk``, ``pune
00``, ``VIP``...) are typed a key at a time with ``QTest.keyClick``, which runs the whole
keystroke synchronously (key event → ``textEdited`` → ``filter_for`` → the completer
shows its popup); then the pending events are processed (popup layout and paint). Each
keystroke's time is one sample; the figure is the p95. Before each word the edit is
cleared and the popup closed. ``filter_for`` alone is reported as an extra.
"""

from __future__ import annotations

import time

from benchmarks.common import Result, finish, median, percentile, qt_app, run_child, spin_for
from benchmarks.titles import label_titles, typed_words

TARGET = 16.0
LABELS = 10_000


def run(quick: bool) -> list[Result]:
    data = run_child("bench_filter", "--keys", "120" if quick else "300")
    keys, filter_only = data["keystroke_ms"], data["filter_for_ms"]
    return [
        Result(
            "label_filter_p95_ms",
            f"typed character → filtered list shown, {LABELS:,} labels, p95",
            round(percentile(keys, 95), 2),
            "ms",
            op="<=",
            limit=TARGET,
            note=f"{len(keys)} keystrokes; bound, no baseline",
            extras={
                "keystroke_median_ms": round(median(keys), 2),
                "keystroke_max_ms": round(max(keys), 2),
                "filter_for_p95_ms": round(percentile(filter_only, 95), 2),
                "filter_for_median_ms": round(median(filter_only), 2),
            },
        ).judge()
    ]


def child(key_count: int) -> None:
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

    from superfone_desk.ui.form.multi_picker import MultiPicker

    app = qt_app()
    window = QWidget()
    layout = QVBoxLayout(window)
    picker = MultiPicker(placeholder="Labels", noun="labels", parent=window)
    picker.set_names("add_labels")
    layout.addWidget(picker)
    layout.addStretch(1)
    window.resize(760, 400)
    picker.set_items(label_titles(LABELS))
    window.show()
    window.activateWindow()
    edit = picker.findChild(QLineEdit, "add_labels_edit")
    popup = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "add_labels_popup")
    edit.setFocus()
    spin_for(0.2)

    keystrokes: list[float] = []
    filter_only: list[float] = []
    words = typed_words(key_count + 20)
    for index, word in enumerate(words):
        edit.clear()
        popup.hide()
        app.processEvents()
        for i, char in enumerate(word):
            started = time.perf_counter()
            QTest.keyClick(edit, char)
            app.processEvents()
            elapsed = (time.perf_counter() - started) * 1000
            if index:  # the first word warms up
                keystrokes.append(elapsed)
            started = time.perf_counter()
            picker.filter_for(word[: i + 1])
            filter_only.append((time.perf_counter() - started) * 1000)
        if len(keystrokes) >= key_count:
            break
        if not popup.isVisible():
            raise RuntimeError(f"typing {word!r} did not show the popup")
    finish({"keystroke_ms": keystrokes, "filter_for_ms": filter_only})


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("--child", action="store_true", required=True)
    parser.add_argument("--keys", type=int, default=300)
    child(parser.parse_args().keys)
