"""The learned team: assignee phones Superfone accepted, with the names Get Lead showed."""

from __future__ import annotations

import json
from pathlib import Path

from superfone_desk.core.team import Member, Team, full_name, team_path

RAVI = "+919876543210"
MEERA = "+919812345678"


def test_learned_and_typed_members_survive_a_restart(tmp_path: Path) -> None:
    path = team_path(tmp_path, "acct-1")
    team = Team.load(path)
    assert team.members() == []
    assert team.learn(RAVI, "Ravi Patel")
    team.add(MEERA, "  Meera   Iyer ")
    team.save()
    again = Team.load(path)
    assert again.members() == [Member(MEERA, "Meera Iyer", True), Member(RAVI, "Ravi Patel")]
    assert again.name_for(RAVI) == "Ravi Patel"


def test_each_account_has_its_own_file(tmp_path: Path) -> None:
    assert team_path(tmp_path, "a/../b") != team_path(tmp_path, "c")
    assert team_path(tmp_path, "a/../b").parent == tmp_path


def test_a_learned_name_follows_superfone_but_an_admins_name_stays() -> None:
    team = Team()
    team.learn(RAVI, "Ravi")
    assert team.learn(RAVI, "Ravi Patel")
    assert not team.learn(RAVI, "Ravi Patel")
    team.add(MEERA, "Meera (sales)")
    assert not team.learn(MEERA, "Meera Iyer")
    assert team.name_for(MEERA) == "Meera (sales)"


def test_a_refused_assignee_is_forgotten_unless_an_admin_added_it() -> None:
    team = Team()
    team.learn(RAVI, "Ravi Patel")
    team.add(MEERA, "Meera Iyer")
    assert team.refused(RAVI)
    assert not team.refused(MEERA)
    assert [m.phone for m in team.members()] == [MEERA]


def test_find_by_name_or_by_phone() -> None:
    team = Team(members=[Member(RAVI, "Ravi Patel"), Member(MEERA, "Meera Iyer")])
    assert team.find("ravi  patel", "IN") == Member(RAVI, "Ravi Patel")
    assert team.find("98765 43210", "IN") == Member(RAVI, "Ravi Patel")
    # A phone nobody has learned yet still works: typing a phone is always allowed.
    assert team.find("+91 90000 00001", "IN") == Member("+919000000001", "")
    assert team.find("Nobody", "IN") is None
    assert team.find("  ", "IN") is None
    assert [m.name for m in team.matching("ee")] == ["Meera Iyer"]
    assert [m.name for m in team.matching("43210")] == ["Ravi Patel"]


def test_a_damaged_file_starts_an_empty_team(tmp_path: Path) -> None:
    path = tmp_path / "team.json"
    for content in ("{not json", json.dumps([1]), json.dumps({"version": 1, "members": [{}]})):
        path.write_text(content, encoding="utf-8")
        assert Team.load(path).members() == []


def test_full_name_from_get_lead_parts() -> None:
    assert full_name("Ravi", "Patel") == "Ravi Patel"
    assert full_name(" Ravi ", None) == "Ravi"
    assert full_name(None, None) == ""


def test_the_admins_list_from_settings_replaces_the_earlier_one() -> None:
    team = Team()
    team.learn(RAVI, "Ravi Patel")
    assert team.set_admin_members([(MEERA, " Meera  Iyer"), ("+919800000001", "Anil")])
    assert [m.name for m in team.admin_members()] == ["Anil", "Meera Iyer"]
    # Anil left the list; the admin names the learned Ravi; nothing else changes.
    assert team.set_admin_members([(MEERA, "Meera Iyer"), (RAVI, "Ravi P.")])
    assert team.members() == [Member(MEERA, "Meera Iyer", True), Member(RAVI, "Ravi P.", True)]
    assert not team.set_admin_members([(MEERA, "Meera Iyer"), (RAVI, "Ravi P.")])
