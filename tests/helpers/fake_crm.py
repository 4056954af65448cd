"""A stand-in for the Superfone client with scripted faults, for delivery tests that
need exact control of each request's fate (the sandbox covers the real HTTP)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from superfone_desk.api.errors import FieldRejected
from superfone_desk.api.models import Lead, LeadUpsert


@dataclass
class Fault:
    error: BaseException | None  # None: this call goes through
    applied: bool = False  # the server acted on the request before failing
    phone: str | None = None  # only for requests to this phone


@dataclass
class FakeCRM:
    """A stand-in for SuperfoneClient (the ``LeadClient`` protocol)."""

    leads: dict[str, list[str]] = field(default_factory=dict)  # primary -> all phones
    notes: list[tuple[str, str]] = field(default_factory=list)  # (primary, text)
    bodies: list[dict[str, Any]] = field(default_factory=list)  # POSTs, in arrival order
    applied: list[dict[str, Any]] = field(default_factory=list)
    gets: list[str] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)

    def fail(self, *errors: BaseException, applied: bool = False, phone: str | None = None) -> None:
        self.faults += [Fault(error, applied, phone) for error in errors]

    def _fault(self, phone: str) -> Fault | None:
        for fault in self.faults:
            if fault.phone in (None, phone):
                self.faults.remove(fault)
                return fault
        return None

    def get_lead(self, phone: str) -> Lead | None:
        self.gets.append(phone)
        fault = self._fault(phone)
        if fault is not None and fault.error is not None:
            raise fault.error
        for _primary, phones in self.leads.items():
            if phone in phones:
                return Lead(id=1, phones=tuple(phones))
        return None

    def upsert_lead(self, payload: LeadUpsert) -> None:
        body = payload.to_json()
        self.bodies.append(body)
        fault = self._fault(body["customer_phone"])
        if fault is not None and fault.error is None:
            fault = None
        if fault is not None and fault.error is not None and not fault.applied:
            raise fault.error
        self.applied.append(body)
        phone = body["customer_phone"]
        if phone not in self.leads:
            if body.get("create_customer_if_customer_phone_not_found") is not True:
                raise FieldRejected(
                    400, "Customer not found.", "create_customer_if_customer_phone_not_found"
                )
            self.leads[phone] = [phone]
        if body.get("customer_note"):
            self.notes.append((phone, body["customer_note"]))
        if fault is not None and fault.error is not None:
            raise fault.error

    def notes_of(self, phone: str) -> list[str]:
        return [text for primary, text in self.notes if primary == phone]
