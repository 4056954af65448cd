"""Kept values: what Save & New carries over to the next lead, shown and forgettable.

Save & New (and Clear, and a restart) keep the stage, group, assignee, labels, source
and source type for the next lead. Each kept field shows a small "kept" marker beside
its label (the form reserves its place, ``ui.form.row_space``), with a tooltip saying
where the value came from and how to forget it; the marker goes when the user changes
the field. ``forget`` (Ctrl+Shift+K, Presets → Forget kept values) empties them all. A
value Superfone refused is dropped from what is kept (``refused``): one wrong assignee
must not make every next lead fail (issue 13, bug 2).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from superfone_desk.core.draft import Choice
from superfone_desk.core.fields import BY_NAME, Kind, draft_value
from superfone_desk.settings import StickyDefaults
from superfone_desk.ui.form.field_changes import connect_field_changes
from superfone_desk.ui.i18n import plain_label

translate = QCoreApplication.translate

if TYPE_CHECKING:
    from superfone_desk.ui.form.lead_form import LeadForm
    from superfone_desk.ui.preferences import Preferences

FORGET_KEYS = "Ctrl+Shift+K"

#: Form field → the StickyDefaults attribute that carries it to the next lead.
KEPT_FIELDS: dict[str, str] = {
    "lead_stage_name": "lead_stage",
    "lead_group_name": "lead_group",
    "assignee_user_phone": "assignee_phone",
    "add_labels": "add_labels",
    "source": "source",
    "source_type": "source_type",
}


def _is_empty(value: object) -> bool:
    if isinstance(value, Choice):
        return value.is_untouched
    return value in ("", (), None)


def shown_label(name: str) -> str:
    """A field's label as the form shows it, without its Alt+letter ("Stage", "स्टेज")."""
    return plain_label(BY_NAME[name].label)


def kept_labels(defaults: StickyDefaults) -> list[str]:
    """The form's names of the fields ``defaults`` fills ("Stage", "Add labels")."""
    return [
        shown_label(name)
        for name, attr in KEPT_FIELDS.items()
        if getattr(defaults, attr) not in ("", ())
    ]


def kept_summary(defaults: StickyDefaults) -> str:
    """For Clear's question and result: which values stay, and how to drop them."""
    labels = kept_labels(defaults)
    if not labels:
        return translate("KeptValues", "Nothing is kept for the next lead.")
    template = translate("KeptValues", "Kept for the next lead: {labels} ({keys} forgets them).")
    return template.format(labels=", ".join(labels), keys=FORGET_KEYS)


class KeptValues(QObject):
    """Shows which fields of ``form`` hold a kept value, and forgets them on request."""

    def __init__(
        self, form: LeadForm, preferences: Preferences, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._form = form
        self._preferences = preferences
        #: Field → the value that was carried over (the marker shows while it is there).
        self._kept: dict[str, object] = {}
        self._markers = form.kept_markers
        connect_field_changes(form, self._on_field_changed)
        # What the window put in the form at start (the last session's values) is kept.
        QTimer.singleShot(0, lambda: self.mark(self.tr("your last session")))

    def kept(self) -> list[str]:
        """The fields showing a kept value, in form order."""
        return [name for name in KEPT_FIELDS if name in self._kept]

    def mark(self, origin: str) -> None:
        """Marks every kept field that holds a value (after Save & New, Clear, a start)."""
        draft = self._form.draft()
        self._kept.clear()
        for name in KEPT_FIELDS:
            value = draft_value(draft, name)
            marker = self._markers[name]
            if _is_empty(value):
                marker.hide()
                continue
            self._kept[name] = value
            marker.setToolTip(
                self.tr(
                    "Kept from {origin}, for this lead too. Change it, or press {keys} "
                    "(Presets → Forget kept values) to empty all kept fields."
                ).format(origin=origin, keys=FORGET_KEYS)
            )
            marker.show()
        self._update_clear_tooltip()

    def forget(self) -> None:
        """Empties every kept field and stops keeping them for the next leads."""
        form = self._form
        names = [shown_label(name) for name in self.kept()]
        for name in self.kept():
            self._clear_field(name)
        self._preferences.remember_sticky(
            StickyDefaults(create_if_missing=form.create_switch.isChecked())
        )
        self._kept.clear()
        for marker in self._markers.values():
            marker.hide()
        self._update_clear_tooltip()
        form.show_result(
            self.tr("Forgotten: {names}.").format(names=", ".join(names))
            if names
            else self.tr("Nothing was kept."),
            ok=True,
        )

    def refused(self, field: str, *, from_form: bool) -> None:
        """Superfone refused ``field``'s value: never carry it over again.

        ``from_form``: the form holds the next lead, so a kept copy of the value is
        taken out of it too (not when the form shows the refused lead itself).
        """
        attr = KEPT_FIELDS.get(field)
        if attr is None:
            return
        defaults = self._preferences.defaults
        if getattr(defaults, attr) not in ("", ()):
            empty = StickyDefaults()
            self._preferences.remember_sticky(replace(defaults, **{attr: getattr(empty, attr)}))
        # The next lead already got it: take it out there too (its marker says so).
        current = draft_value(self._form.draft(), field)
        if from_form and field in self._kept and current == self._kept[field]:
            self._clear_field(field)
            self._kept.pop(field, None)
            self._markers[field].hide()
            self._update_clear_tooltip()

    def _clear_field(self, name: str) -> None:
        form = self._form
        spec = BY_NAME[name]
        empty: object = "" if spec.kind in (Kind.LINE, Kind.SOURCE_TYPE) else Choice.untouched()
        if spec.kind is Kind.TITLES:
            empty = ()
        form.set_draft(replace(form.draft(), **{spec.attr: empty}))  # type: ignore[arg-type]

    def _update_clear_tooltip(self) -> None:
        labels = [shown_label(name) for name in self.kept()]
        kept = (
            self.tr(" Kept values stay: {labels}.").format(labels=", ".join(labels))
            if labels
            else ""
        )
        self._form.clear_button.setToolTip(
            self.tr("Clear the form (Esc).{kept}").format(kept=kept)
        )

    def _on_field_changed(self, name: str) -> None:
        if name in self._kept and draft_value(self._form.draft(), name) != self._kept[name]:
            # The user chose this value for this lead: it is no longer "kept".
            del self._kept[name]
            self._markers[name].hide()
            self._update_clear_tooltip()
