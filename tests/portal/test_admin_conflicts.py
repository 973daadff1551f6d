"""Admin, Sync conflicts: the team's conflicts with both values in words; keeping one makes the
record's next version (the server's resolve logic); admins of the same team only, audited."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from app.server.portal.queue import NotFound
from tests.portal.admin_helpers import admin_of, audited, user_id
from tests.portal.helpers import PortalTeam
from tests.server.helpers import batch, family, op


def clash(team: PortalTeam, surname: str = "Okafor") -> uuid.UUID:
    """A family whose address changed on the server and, from an older version, on the tablet."""
    fid = uuid.uuid4()
    base = family(name=f"{surname} family", surname=surname, address="1 Road")
    team.push(op("family", base, id=fid))
    team.push(op("family", {**base, "address": "A Street"}, id=fid, base_version=1))
    got = team.client.post(
        "/sync/push",
        headers=team.headers,
        json=batch(op("family", {**base, "address": "B Street"}, id=fid, base_version=1)),
    )
    [answer] = got.json()["results"]
    assert answer["status"] == "conflict", answer
    return fid


def _current(team: PortalTeam, fid: uuid.UUID) -> dict[str, Any]:
    payload: dict[str, Any] = team.client.get(f"/families/{fid}/chronology", headers=team.headers).json()[
        "family"
    ]["payload"]
    return payload


def test_a_conflict_shows_the_record_field_and_both_values_in_words(team: PortalTeam):
    clash(team)
    admin, token = admin_of(team)
    waiting, done = admin.conflicts(token)
    assert done == []
    [c] = waiting
    assert (c.record, c.field, c.base, c.server, c.device) == (
        "Family: Okafor family",
        "address",
        "1 Road",
        "A Street",
        "B Street",
    )
    assert (c.device_name, c.device_owner, c.resolved_at) == ("tablet", "Practitioner", None)
    assert admin.conflict(token, c.id) == c
    assert ("conflicts.view", {"waiting": 1}) in audited(team, user_id(team, "admin"), "conflicts.")


@pytest.mark.parametrize(("side", "address"), [("server", "A Street"), ("device", "B Street")])
def test_keeping_one_value_resolves_the_conflict_and_makes_the_next_version(
    team: PortalTeam, side: str, address: str
):
    fid = clash(team)
    admin, token = admin_of(team)
    [c] = admin.conflicts(token)[0]
    before = team.client.get("/sync/pull", headers=team.headers, params={"since": 0}).json()["changes"][-1]
    resolved = admin.keep(token, c.id, side)
    assert resolved.resolved_value == address and resolved.resolved_by == team.emails["admin"]
    assert _current(team, fid)["address"] == address
    last = team.client.get("/sync/pull", headers=team.headers, params={"since": 0}).json()["changes"][-1]
    assert (last["version"], last["payload"]["address"]) == (before["version"] + 1, address)
    waiting, done = admin.conflicts(token)
    assert waiting == [] and [d.id for d in done] == [c.id]
    assert team.client.get("/conflicts", headers=team.headers).json()["conflicts"] == []
    [(_, detail)] = audited(team, user_id(team, "admin"), "conflict.resolve")
    assert detail == {"kept": side, "target": str(c.id)}


def test_a_resolved_conflict_cannot_be_resolved_again(team: PortalTeam):
    clash(team)
    admin, token = admin_of(team)
    [c] = admin.conflicts(token)[0]
    admin.keep(token, c.id, "server")
    with pytest.raises(ValueError, match="was already resolved"):
        admin.keep(token, c.id, "device")


def test_another_teams_conflict_is_not_found_and_stays_waiting(team: PortalTeam, engine, client):
    other = PortalTeam.create(engine, client)
    clash(other, "Nowak")
    their, their_token = admin_of(other)
    [theirs] = their.conflicts(their_token)[0]
    admin, token = admin_of(team)
    assert admin.conflicts(token) == ([], [])
    with pytest.raises(NotFound):
        admin.conflict(token, theirs.id)
    with pytest.raises(NotFound):
        admin.keep(token, theirs.id, "device")
    assert [c.id for c in their.conflicts(their_token)[0]] == [theirs.id]


@pytest.mark.parametrize("role", ["supervisor", "practitioner"])
def test_a_supervisor_or_practitioner_gets_not_found_from_every_conflict_action(team: PortalTeam, role: str):
    clash(team)
    [c] = admin_of(team)[0].conflicts(admin_of(team)[1])[0]
    admin, token = admin_of(team, role)
    for call in (
        lambda: admin.conflicts(token),
        lambda: admin.conflict(token, c.id),
        lambda: admin.keep(token, c.id, "device"),
    ):
        with pytest.raises(NotFound):
            call()
