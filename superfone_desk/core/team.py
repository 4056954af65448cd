"""The account's team, learned as the app goes: assignees by name instead of by phone.

Superfone has no team endpoint: the upsert takes the assignee's phone, and Get Lead
answers with the assignee's name (never the phone). So the app learns: when Superfone
accepted a lead assigned to a phone and Get Lead then shows who it is, that phone gets
that name. An admin can also type members in Settings. A phone Superfone refused
("not found", "not part of your team") is forgotten, so a wrong or departed assignee is
not offered again.

Kept per account as a small JSON file in the data folder (``team_path``); losing it
costs only names to relearn, so it is replaced in one rename without an fsync.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from superfone_desk.core.phones import parse_phone

log = logging.getLogger(__name__)

VERSION = 1
MAX_TEAM_BYTES = 1_000_000


@dataclass(frozen=True, slots=True)
class Member:
    """One assignee: ``phone`` in E.164, the ``name`` shown, and who added it."""

    phone: str
    name: str
    added_by_admin: bool = False

    def label(self) -> str:
        """How a picker lists the member: "Ravi Patel" (the phone is its tooltip)."""
        return self.name or self.phone


def full_name(first: str | None, last: str | None) -> str:
    """ "Ravi Patel" from Get Lead's ``assignee_user`` parts; "" when it has none."""
    return " ".join(part.strip() for part in (first or "", last or "") if part.strip())


def team_path(data_dir: Path, account: str) -> Path:
    """Where the team of ``account`` (the account identity, never the key) is kept."""
    safe = "".join(c for c in account if c.isalnum())[:32] or "default"
    return data_dir / f"team-{safe}.json"


class Team:
    """The known members of one account, by phone."""

    def __init__(self, path: Path | None = None, members: list[Member] | None = None) -> None:
        self._path = path
        self._members: dict[str, Member] = {m.phone: m for m in members or []}

    # ------------------------------------------------------------------ reading

    @classmethod
    def load(cls, path: Path) -> Team:
        """The team kept at ``path``; empty when there is none or it can't be read."""
        try:
            with path.open("rb") as f:
                data = f.read(MAX_TEAM_BYTES + 1)
        except FileNotFoundError:
            return cls(path)
        except OSError as exc:
            log.warning("Could not read the team file (%s); starting empty", exc.strerror)
            return cls(path)
        try:
            if len(data) > MAX_TEAM_BYTES:
                raise ValueError("too large")
            return cls(path, _members_from_json(json.loads(data.decode("utf-8"))))
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            # Names are relearned as leads are saved; never stop the start for them.
            log.warning("The team file is damaged (%s); starting empty", type(exc).__name__)
            return cls(path)

    def members(self) -> list[Member]:
        """Everyone known, by name (case-insensitive), members without a name last."""
        return sorted(self._members.values(), key=lambda m: (not m.name, m.name.casefold()))

    def name_for(self, phone: str) -> str | None:
        member = self._members.get(phone)
        return member.name if member and member.name else None

    def find(self, text: str, region: str) -> Member | None:
        """The member ``text`` names: an exact name (any case) or a phone number."""
        wanted = " ".join(text.split()).casefold()
        if not wanted:
            return None
        named = [m for m in self._members.values() if m.name.casefold() == wanted]
        if len(named) == 1:
            return named[0]
        parsed = parse_phone(text, region)
        if parsed.e164 is not None:
            return self._members.get(parsed.e164) or Member(parsed.e164, "")
        return None

    def matching(self, text: str) -> list[Member]:
        """Members whose name or phone contains ``text``, for a picker's completions."""
        wanted = " ".join(text.split()).casefold()
        digits = "".join(c for c in text if c.isdigit())
        return [
            m
            for m in self.members()
            if wanted in m.name.casefold() or (digits and digits in m.phone)
        ]

    # ------------------------------------------------------------------ changes

    def learn(self, phone: str, name: str) -> bool:
        """Superfone accepted ``phone`` as assignee and Get Lead calls them ``name``.

        An admin's name for a member is kept; a learned one follows Superfone (a user
        renamed there is renamed here). Returns whether anything changed.
        """
        current = self._members.get(phone)
        if current is not None and (current.added_by_admin or current.name == name):
            return False
        if current is not None and not name:
            return False
        self._members[phone] = Member(phone, name, added_by_admin=False)
        return True

    def add(self, phone: str, name: str) -> None:
        """An admin typed this member in Settings."""
        self._members[phone] = Member(phone, " ".join(name.split()), added_by_admin=True)

    def admin_members(self) -> list[Member]:
        """The members an admin typed in Settings, by name."""
        return [m for m in self.members() if m.added_by_admin]

    def set_admin_members(self, members: Iterable[tuple[str, str]]) -> bool:
        """Settings' list of (phone in E.164, name) replaces the admin's earlier one.

        An admin's member left out of it is forgotten (a learned name comes back with the
        next lead saved for them); a learned member the admin names takes the admin's
        name. Returns whether anything changed.
        """
        wanted = {phone: " ".join(name.split()) for phone, name in members}
        before = dict(self._members)
        for member in self.admin_members():
            if member.phone not in wanted:
                del self._members[member.phone]
        for phone, name in wanted.items():
            self.add(phone, name)
        return self._members != before

    def remove(self, phone: str) -> bool:
        return self._members.pop(phone, None) is not None

    def refused(self, phone: str) -> bool:
        """Superfone refused ``phone`` as assignee: forget it unless an admin added it.

        An admin's entry stays (the admin may be fixing the account right now); the
        form still shows the refusal next to the field.
        """
        member = self._members.get(phone)
        if member is None or member.added_by_admin:
            return False
        del self._members[phone]
        return True

    def save(self) -> None:
        if self._path is None:
            return
        self._path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self._path.with_name(self._path.name + ".tmp")
        tmp.write_text(json.dumps(self.to_json(), indent=1, ensure_ascii=False), "utf-8")
        os.replace(tmp, self._path)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": VERSION,
            "members": [
                {"phone": m.phone, "name": m.name, "added_by_admin": m.added_by_admin}
                for m in self.members()
            ],
        }


def _members_from_json(raw: Any) -> list[Member]:
    if not isinstance(raw, dict) or raw.get("version") != VERSION:
        raise ValueError("not a team file of this version")
    members = []
    for item in raw["members"]:
        phone, name = item["phone"], item.get("name", "")
        if not isinstance(phone, str) or not phone.startswith("+") or not isinstance(name, str):
            raise ValueError("a member without a phone in E.164")
        members.append(Member(phone, name, bool(item.get("added_by_admin", False))))
    return members
